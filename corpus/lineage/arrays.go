package lineage

import (
	"errors"
	"os"
	"unsafe"

	"github.com/blevesearch/mmap-go"
)

// arrays allocates the arrays whose length grows with the corpus (one
// value per passage or per family) outside the Go heap: each in an
// unlinked temporary file mapped shared into memory, so that its pages are
// the kernel's to write back and drop under memory pressure, as Bleve's
// segments are, and the process's own memory does not grow with the
// corpus. Without a directory the arrays are on the heap.
type arrays struct {
	dir   string
	maps  []mmap.MMap
	files []*os.File
}

// makeArray returns n zero values of T, which must hold no pointers, from a.
func makeArray[T any](a *arrays, n int) ([]T, error) {
	size := n * int(unsafe.Sizeof(*new(T)))
	if a.dir == "" || size == 0 {
		return make([]T, n), nil
	}
	f, err := unlinkedFile(a.dir, ".lineage-array-*")
	if err != nil {
		return nil, err
	}
	a.files = append(a.files, f)
	if err := f.Truncate(int64(size)); err != nil { // a sparse file: zeros
		return nil, err
	}
	m, err := mmap.MapRegion(f, size, mmap.RDWR, 0, 0)
	if err != nil {
		return nil, err
	}
	a.maps = append(a.maps, m)
	return unsafe.Slice((*T)(unsafe.Pointer(&m[0])), n), nil
}

// release unmaps and deletes every array of a; they cannot be used
// afterwards.
func (a *arrays) release() error {
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
