package lineage

import (
	"encoding/binary"
	"errors"
	"strings"
	"unsafe"
)

// bandBlock is how many passages' band hashes a Store buffers before
// writing them to its spill, one run per band (32 KiB per band).
const bandBlock = 4096

// recordHeader is the size of a record's signature in the spill.
const recordHeader = NumHashes * 8

// Store collects the passages of a corpus for Families with little memory:
// each passage's signature, words (as 32-bit word hashes) and id go to a spill
// file, and so do its LSH band hashes, in runs of bandBlock passages per
// band. Each passage's date number, record offset and word count (16 bytes)
// go to a second spill, the table, which is mapped as an array once the
// writing is over. What stays in memory is the distinct dates and one
// block of band hashes. Families then reads the band hashes
// one band at a time, records only for candidate pairs and family members,
// and ids only for families' earliest members. Without a directory, the
// spills and the table are in memory.
type Store struct {
	spill *spill
	table *spill            // the passages' entries; nil when in memory
	dir   string            // of the spills, "" in memory
	dates []string          // distinct dates, by number
	dateN map[string]uint32 // date -> number

	passages []passage // by Add index: in memory, or the table once sealed
	n        int       // passages added

	bands  [NumBands][]uint64 // hashes of the passages of the open block
	blocks []int64            // spill offset of each written block
	buf    []byte
}

// passage is a Store's entry for one passage.
type passage struct {
	rec   int64  // record offset in the spill, -1 when not signed
	date  uint32 // date number
	words uint32 // normalised words
}

// NewStore returns an empty Store spilling to an unlinked temporary file
// in dir, or keeping its spill in memory when dir is "".
func NewStore(dir string) (*Store, error) {
	sp, err := newSpill(dir)
	if err != nil {
		return nil, err
	}
	s := &Store{spill: sp, dir: dir, dateN: map[string]uint32{}}
	if dir != "" {
		if s.table, err = newSpill(dir); err != nil {
			sp.close()
			return nil, err
		}
	}
	for b := range s.bands {
		s.bands[b] = make([]uint64, 0, bandBlock)
	}
	return s, nil
}

// Len returns the number of passages added.
func (s *Store) Len() int { return s.n }

// Add records a passage: its id, its date ("2015-07-22", "2015" or "") and
// its normalised words (see Normalise). A write error of the spill is
// returned by Families.
func (s *Store) Add(id, date string, words []string) {
	d, ok := s.dateN[date]
	if !ok {
		d = uint32(len(s.dates))
		s.dates = append(s.dates, strings.Clone(date))
		s.dateN[s.dates[d]] = d
	}
	var sig Signature
	off := int64(-1)
	if len(words) >= MinWords {
		sig = Sign(words)
		off = s.writeRecord(id, sig, words)
	}
	s.addEntry(passage{rec: off, date: d, words: uint32(len(words))})
	for b := range s.bands {
		var h uint64
		if sig != nil {
			h = bandHash(sig, b)
		}
		s.bands[b] = append(s.bands[b], h)
	}
	if len(s.bands[0]) == bandBlock {
		s.writeBands()
	}
}

// addEntry appends p to the table, or to the passages in memory.
func (s *Store) addEntry(p passage) {
	s.n++
	if s.table == nil {
		s.passages = append(s.passages, p)
		return
	}
	s.table.append(unsafe.Slice((*byte)(unsafe.Pointer(&p)), unsafe.Sizeof(p)))
}

// writeRecord spills a signature, the words' numbers and the id (after
// its length).
func (s *Store) writeRecord(id string, sig Signature, words []string) int64 {
	b := s.buf[:0]
	for _, v := range sig {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	for _, w := range words {
		b = binary.LittleEndian.AppendUint32(b, wordHash(w))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(id)))
	b = append(b, id...)
	s.buf = b
	return s.spill.append(b)
}

// wordHash is the number that stands for a word in the spill, whose
// alignments compare numbers: the low half of the word's FNV-1a hash, mixed.
// A vocabulary would number words without collisions, but it grows with the
// corpus. Among a million distinct words about 116 pairs share a number,
// and a similarity changes only where two such words are aligned.
func wordHash(w string) uint32 { return uint32(mix(shingleHash([]string{w}))) }

// writeBands spills the open block of band hashes, band after band.
func (s *Store) writeBands() {
	if len(s.bands[0]) == 0 {
		return
	}
	s.blocks = append(s.blocks, s.spill.size)
	for b := range s.bands {
		buf := s.buf[:0]
		for _, h := range s.bands[b] {
			buf = binary.LittleEndian.AppendUint64(buf, h)
		}
		s.buf = buf
		s.spill.append(buf)
		s.bands[b] = s.bands[b][:0]
	}
}

// finishWriting spills what is buffered, so that it can be read, and
// maps the table.
func (s *Store) finishWriting() error {
	s.writeBands()
	if err := s.spill.seal(); err != nil || s.table == nil || s.passages != nil {
		return err
	}
	if err := s.table.seal(); err != nil {
		return err
	}
	if s.n > 0 {
		s.passages = unsafe.Slice((*passage)(unsafe.Pointer(&s.table.mmap[0])), s.n)
	}
	return nil
}

// bandHashes calls fn with the band b hash of every signed passage, by Add
// index, in Add order.
func (s *Store) bandHashes(b int, fn func(i int, h uint64)) error {
	for k, off := range s.blocks {
		first := k * bandBlock
		count := min(bandBlock, s.Len()-first)
		buf := s.grow(count * 8)
		if err := s.spill.readAt(buf, off+int64(b*count*8)); err != nil {
			return err
		}
		for j := range count {
			if s.passages[first+j].rec >= 0 {
				fn(first+j, binary.LittleEndian.Uint64(buf[j*8:]))
			}
		}
	}
	return nil
}

// record is a spilled passage read back.
type record struct {
	item  int // Add index, -1 when empty
	sig   Signature
	words []uint32
	raw   []byte
}

// read loads the record of the passage with Add index i into r, unless r
// holds it already.
func (s *Store) read(i int, r *record) error {
	if r.item == i {
		return nil
	}
	p := s.passages[i]
	n := int(p.words)
	size := recordHeader + 4*n
	if cap(r.raw) < size {
		r.raw = make([]byte, size)
	}
	r.raw = r.raw[:size]
	if err := s.spill.readAt(r.raw, p.rec); err != nil {
		r.item = -1
		return err
	}
	if r.sig == nil {
		r.sig = make(Signature, NumHashes)
	}
	for k := range r.sig {
		r.sig[k] = binary.LittleEndian.Uint64(r.raw[k*8:])
	}
	r.words = r.words[:0]
	for k := range n {
		r.words = append(r.words, binary.LittleEndian.Uint32(r.raw[recordHeader+4*k:]))
	}
	r.item = i
	return nil
}

// readID returns the id of the signed passage with Add index i.
func (s *Store) readID(i int) (string, error) {
	p := s.passages[i]
	at := p.rec + recordHeader + 4*int64(p.words)
	var n [4]byte
	if err := s.spill.readAt(n[:], at); err != nil {
		return "", err
	}
	id := make([]byte, binary.LittleEndian.Uint32(n[:]))
	if err := s.spill.readAt(id, at+4); err != nil {
		return "", err
	}
	return string(id), nil
}

func (s *Store) grow(n int) []byte {
	if cap(s.buf) < n {
		s.buf = make([]byte, n)
	}
	return s.buf[:n]
}

// Close releases the spill; the Store cannot be used afterwards.
func (s *Store) Close() error {
	s.passages = nil
	err := s.spill.close()
	if s.table != nil {
		err = errors.Join(err, s.table.close())
	}
	return err
}
