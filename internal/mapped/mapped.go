// Package mapped makes arrays whose length grows with the corpus outside
// the Go heap, in unlinked temporary files mapped shared into memory: their
// pages are the kernel's to write back and drop under memory pressure, as
// Bleve's segments are, so the process's own memory does not grow with the
// corpus. It imports the standard library and mmap-go only.
package mapped

import (
	"errors"
	"os"
	"unsafe"

	"github.com/blevesearch/mmap-go"
)

// Arrays allocates arrays in files in Dir, or on the heap when Dir is "".
// The zero value with a Dir is ready to use.
type Arrays struct {
	Dir   string
	maps  []mmap.MMap
	files []*os.File
}

// Make returns n zero values of T, which must hold no pointers, from a.
func Make[T any](a *Arrays, n int) ([]T, error) {
	size := n * int(unsafe.Sizeof(*new(T)))
	if a.Dir == "" || size == 0 {
		return make([]T, n), nil
	}
	f, err := UnlinkedFile(a.Dir, ".precedent-array-*")
	if err != nil {
		return nil, err
	}
	if err := f.Truncate(int64(size)); err != nil { // a sparse file: zeros
		f.Close()
		return nil, err
	}
	m, err := a.Map(f, size)
	if err != nil {
		return nil, err
	}
	return unsafe.Slice((*T)(unsafe.Pointer(&m[0])), n), nil
}

// Map maps the first size bytes of f, shared and writable, as an array of
// a: Release unmaps it and closes f.
func (a *Arrays) Map(f *os.File, size int) ([]byte, error) {
	a.files = append(a.files, f)
	m, err := mmap.MapRegion(f, size, mmap.RDWR, 0, 0)
	if err != nil {
		return nil, err
	}
	a.maps = append(a.maps, m)
	return m, nil
}

// Release unmaps and deletes every array of a; they cannot be used
// afterwards, and a can make new ones.
func (a *Arrays) Release() error {
	var errs []error
	for _, m := range a.maps {
		errs = append(errs, m.Unmap())
	}
	for _, f := range a.files {
		errs = append(errs, f.Close())
	}
	a.maps, a.files = nil, nil
	return errors.Join(errs...)
}

// UnlinkedFile creates a temporary file in dir and removes its name, so
// that nothing is left behind whatever happens to the process.
func UnlinkedFile(dir, pattern string) (*os.File, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
