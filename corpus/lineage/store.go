package lineage

import (
	"encoding/binary"
	"strings"
)

// bandBlock is how many passages' band hashes a Store buffers before
// writing them to its spill, one run per band (32 KiB per band).
const bandBlock = 4096

// recordHeader is the size of a record's signature in the spill.
const recordHeader = NumHashes * 8

// Store collects the passages of a corpus for Families with little memory:
// each passage's signature, words (as word numbers) and id go to a spill
// file, and so do its LSH band hashes, in runs of bandBlock passages per
// band. What stays in memory per passage is a date number, the record's
// offset and its word count (16 bytes, and no pointer for the garbage
// collector to follow), plus the vocabulary and the distinct dates.
// Families then reads the band hashes one band at a time, records only
// for candidate pairs and family members, and ids only for families'
// earliest members.
type Store struct {
	spill *spill
	vocab map[string]uint32
	dates []string          // distinct dates, by number
	dateN map[string]uint32 // date -> number

	date []uint32 // date number
	rec  []int64  // record offset in the spill, -1 when not signed
	lens []uint32 // normalised words

	bands  [NumBands][]uint64 // hashes of the passages of the open block
	blocks []int64            // spill offset of each written block
	buf    []byte
}

// NewStore returns an empty Store spilling to an unlinked temporary file
// in dir, or keeping its spill in memory when dir is "".
func NewStore(dir string) (*Store, error) {
	sp, err := newSpill(dir)
	if err != nil {
		return nil, err
	}
	s := &Store{spill: sp, vocab: map[string]uint32{}, dateN: map[string]uint32{}}
	for b := range s.bands {
		s.bands[b] = make([]uint64, 0, bandBlock)
	}
	return s, nil
}

// Len returns the number of passages added.
func (s *Store) Len() int { return len(s.date) }

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
	s.date = append(s.date, d)
	s.lens = append(s.lens, uint32(len(words)))
	var sig Signature
	off := int64(-1)
	if len(words) >= MinWords {
		sig = Sign(words)
		off = s.writeRecord(id, sig, words)
	}
	s.rec = append(s.rec, off)
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

// writeRecord spills a signature, the words' numbers and the id (after
// its length).
func (s *Store) writeRecord(id string, sig Signature, words []string) int64 {
	b := s.buf[:0]
	for _, v := range sig {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	for _, w := range words {
		n, ok := s.vocab[w]
		if !ok {
			n = uint32(len(s.vocab))
			s.vocab[strings.Clone(w)] = n
		}
		b = binary.LittleEndian.AppendUint32(b, n)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(id)))
	b = append(b, id...)
	s.buf = b
	return s.spill.append(b)
}

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

// finishWriting spills what is buffered, so that it can be read.
func (s *Store) finishWriting() error {
	s.writeBands()
	s.vocab = nil // words are numbers from here on
	return s.spill.seal()
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
			if s.rec[first+j] >= 0 {
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
	n := int(s.lens[i])
	size := recordHeader + 4*n
	if cap(r.raw) < size {
		r.raw = make([]byte, size)
	}
	r.raw = r.raw[:size]
	if err := s.spill.readAt(r.raw, s.rec[i]); err != nil {
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
	at := s.rec[i] + recordHeader + 4*int64(s.lens[i])
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
	s.date, s.rec, s.lens, s.vocab = nil, nil, nil, nil
	return s.spill.close()
}
