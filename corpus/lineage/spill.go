package lineage

import (
	"errors"
	"fmt"
	"os"

	"github.com/blevesearch/mmap-go"
	"github.com/precedent/precedent/internal/mapped"
)

// spillBuffer is how many bytes a spill buffers before writing them out.
const spillBuffer = 1 << 20

// spill is an append-only byte store: a temporary file (unlinked as soon as
// it is created, so nothing is left behind by a crash) or, without a
// directory, memory in chunks of spillBuffer bytes (never copied to grow).
// Reads see what was appended before the last flush; once the writing is
// over, the file is mapped and reads are copies (see seal).
type spill struct {
	f    *os.File // nil: the bytes are in mem
	mem  [][]byte
	mmap mmap.MMap // the file's bytes up to the seal
	buf  []byte    // appended, not yet written to f
	size int64     // bytes appended
	err  error     // first write error
}

// newSpill opens a spill in dir, or in memory when dir is "".
func newSpill(dir string) (*spill, error) {
	if dir == "" {
		return &spill{}, nil
	}
	f, err := mapped.UnlinkedFile(dir, ".lineage-*")
	if err != nil {
		return nil, err
	}
	return &spill{f: f, buf: make([]byte, 0, spillBuffer)}, nil
}

// append adds p and returns its offset.
func (s *spill) append(p []byte) int64 {
	off := s.size
	s.size += int64(len(p))
	if s.f == nil {
		s.appendMemory(p)
		return off
	}
	if len(s.buf)+len(p) > cap(s.buf) {
		s.flush()
	}
	if len(p) > cap(s.buf) {
		s.write(p)
	} else {
		s.buf = append(s.buf, p...)
	}
	return off
}

// flush writes the buffered bytes out.
func (s *spill) flush() error {
	if s.f != nil && len(s.buf) > 0 {
		s.write(s.buf)
		s.buf = s.buf[:0]
	}
	return s.err
}

func (s *spill) appendMemory(p []byte) {
	for len(p) > 0 {
		if n := len(s.mem); n == 0 || len(s.mem[n-1]) == spillBuffer {
			s.mem = append(s.mem, make([]byte, 0, spillBuffer))
		}
		last := &s.mem[len(s.mem)-1]
		k := min(len(p), spillBuffer-len(*last))
		*last = append(*last, p[:k]...)
		p = p[k:]
	}
}

func (s *spill) write(p []byte) {
	if s.err == nil {
		_, s.err = s.f.Write(p)
	}
}

// seal flushes the spill and maps its file for reading: the families'
// linking reads a record per candidate pair, and a read call each cost
// more than the copy.
func (s *spill) seal() error {
	if err := s.flush(); err != nil || s.f == nil || s.size == 0 || s.mmap != nil {
		return err
	}
	m, err := mmap.Map(s.f, mmap.RDONLY, 0)
	if err != nil {
		return fmt.Errorf("lineage: mapping the spill: %w", err)
	}
	s.mmap = m
	return nil
}

// readAt fills p from offset off, which was flushed.
func (s *spill) readAt(p []byte, off int64) error {
	if s.err != nil {
		return s.err
	}
	if end := off + int64(len(p)); end <= int64(len(s.mmap)) {
		copy(p, s.mmap[off:end])
		return nil
	}
	if s.f == nil {
		if off+int64(len(p)) > s.size {
			return fmt.Errorf("lineage: spill read past its end")
		}
		for len(p) > 0 {
			n := copy(p, s.mem[off/spillBuffer][off%spillBuffer:])
			p, off = p[n:], off+int64(n)
		}
		return nil
	}
	_, err := s.f.ReadAt(p, off)
	return err
}

// close releases the spill's file or memory.
func (s *spill) close() error {
	s.mem, s.buf = nil, nil
	if s.f == nil {
		return nil
	}
	var err error
	if s.mmap != nil {
		err = s.mmap.Unmap()
		s.mmap = nil
	}
	return errors.Join(err, s.f.Close())
}
