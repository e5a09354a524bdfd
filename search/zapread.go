package search

import (
	"errors"
	"math"
	"math/bits"
	"reflect"
	"unsafe"

	"github.com/RoaringBitmap/roaring/v2"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"
)

// wordReader reads one word's postings in one zap segment (Bleve's
// segment format, version 17) straight from the segment's bytes, to
// check phrases.
//
// zap keeps a word's frequencies, norms and positions as varints in
// chunks, one chunk per range of documents, with nothing to jump by
// inside a chunk: a posting is reached by reading every one before it in
// its chunk. zap's own iterator does that by stepping a cursor on the
// word's bitmap, with a few calls per posting; for a phrase of common
// words ("conference of the") that is most of the postings of "of" and
// "the", and half of the phrase's time. A wordReader counts the postings
// to step over on a bitset of the word's documents, steps over each by
// three varints read inline, and reads a posting's positions without the
// fields and array positions a phrase does not need. On a million
// passages, that halves the time of phrases.
//
// zap's postings list keeps where the streams are in private fields,
// found by reflection once (zapLayout). The byte layout they point at is
// fixed for segments of this version, which stay readable by any zap v17.
// Where the fields are not found, or a segment is another format, the
// phrase runs on Bleve's phrase searcher; TestWordReader fails then, so
// that a Bleve upgrade cannot slow phrases down unnoticed.
type wordReader struct {
	list    *wordList
	docs    []uint64    // the list's postings, deleted or not, as a bitset of documents
	chunk   uint64      // the chunk fb and lb are in; math.MaxUint64 before the first
	from    uint64      // fb and lb are at the chunk's first posting at or after this document
	fb, lb  []byte      // the rest of the chunk's frequencies and locations
	posting wordPosting // the last one read
}

// wordPosting is a word's posting in a document: what a phrase match needs
// to score and mark it.
type wordPosting struct {
	freq      uint64
	length    uint64 // of the field, in words: zap's norm bits
	locations []wordLocation
}

type wordLocation struct{ pos, start, end uint64 }

// chunks is one of a postings list's chunked streams.
type chunks struct {
	data []byte   // from the stream's first chunk to the segment's end
	ends []uint64 // each chunk's end, from data's start
}

func (c chunks) chunk(i uint64) ([]byte, error) {
	if i >= uint64(len(c.ends)) {
		return nil, errZapChunk
	}
	var start uint64
	if i > 0 {
		start = c.ends[i-1]
	}
	if start > c.ends[i] || c.ends[i] > uint64(len(c.data)) {
		return nil, errZapChunk
	}
	return c.data[start:c.ends[i]], nil
}

var (
	errZapLayout  = errors.New("search: not a zap v17 postings list whose streams can be read")
	errZapChunk   = errors.New("search: a zap postings chunk out of its segment's bounds")
	errZapVarint  = errors.New("search: a zap postings stream ends inside a posting")
	errNotPosting = errors.New("search: a word's postings read at a document without it, or back")
)

// zapLayout is where a zap.PostingsList keeps its streams; ok is false
// when the fields are not there with the types this file reads.
var zapLayout = func() (l struct {
	sb, freqOffset, locOffset, postings, normBits1Hit, chunkSize uintptr
	mem, fileReader, processor                                   uintptr
	ok                                                           bool
}) {
	u64, bm := reflect.TypeOf(uint64(0)), reflect.TypeOf((*roaring.Bitmap)(nil))
	find := func(t reflect.Type, name string, want reflect.Type, off *uintptr) bool {
		f, ok := t.FieldByName(name)
		*off = f.Offset
		return ok && f.Type == want && len(f.Index) == 1
	}
	pl, sb, fr := reflect.TypeOf(zap.PostingsList{}), reflect.TypeOf(zap.SegmentBase{}), reflect.TypeOf(zap.FileReader{})
	l.ok = find(pl, "sb", reflect.PointerTo(sb), &l.sb) &&
		find(pl, "freqOffset", u64, &l.freqOffset) && find(pl, "locOffset", u64, &l.locOffset) &&
		find(pl, "postings", bm, &l.postings) && find(pl, "chunkSize", u64, &l.chunkSize) &&
		find(pl, "normBits1Hit", u64, &l.normBits1Hit) &&
		find(sb, "mem", reflect.TypeOf([]byte(nil)), &l.mem) &&
		find(sb, "fileReader", reflect.PointerTo(fr), &l.fileReader) &&
		find(fr, "processor", reflect.TypeOf(func([]byte) ([]byte, error) { return nil, nil }), &l.processor)
	return l
}()

// field is the field of struct p at offset off, as a T.
func field[T any](p unsafe.Pointer, off uintptr) T { return *(*T)(unsafe.Add(p, off)) }

// wordList is where a word's postings lie in one segment.
type wordList struct {
	postings  *roaring.Bitmap // every posting of the word, deleted or not: the streams' order
	chunkSize uint64          // documents per chunk
	freqs     chunks          // frequency and norm of each posting
	locs      chunks          // each posting's locations, after their length in bytes
}

// readWordList finds the streams of a postings list, or returns
// errZapLayout when it is not one this file can read.
func readWordList(list segment.PostingsList) (wordList, error) {
	pl, ok := list.(*zap.PostingsList)
	if !ok || !zapLayout.ok || pl == nil {
		return wordList{}, errZapLayout
	}
	p := unsafe.Pointer(pl)
	if field[uint64](p, zapLayout.normBits1Hit) != 0 {
		return wordList{}, errZapLayout // zap's "1-hit" list: one posting, without locations
	}
	sb := field[*zap.SegmentBase](p, zapLayout.sb)
	l := wordList{postings: field[*roaring.Bitmap](p, zapLayout.postings), chunkSize: field[uint64](p, zapLayout.chunkSize)}
	if sb == nil || l.postings == nil || l.chunkSize == 0 {
		return wordList{}, errZapLayout // zap's shared empty list: callers check Count first
	}
	s := unsafe.Pointer(sb)
	if fr := field[*zap.FileReader](s, zapLayout.fileReader); fr != nil &&
		field[func([]byte) ([]byte, error)](unsafe.Pointer(fr), zapLayout.processor) != nil {
		return wordList{}, errZapLayout // chunks pass through a reader callback (encryption)
	}
	mem := field[[]byte](s, zapLayout.mem)
	var err error
	if l.freqs, err = chunksAt(mem, field[uint64](p, zapLayout.freqOffset)); err != nil {
		return wordList{}, err
	}
	if l.locs, err = chunksAt(mem, field[uint64](p, zapLayout.locOffset)); err != nil {
		return wordList{}, err
	}
	return l, nil
}

// reader returns a reader at the list's start.
func (l *wordList) reader() *wordReader {
	return &wordReader{list: l, docs: l.postings.ToDense(), chunk: math.MaxUint64}
}

// chunksAt reads the header of a chunked stream at off in mem: the number
// of chunks, then each one's end.
func chunksAt(mem []byte, off uint64) (chunks, error) {
	if off > uint64(len(mem)) {
		return chunks{}, errZapChunk
	}
	b := mem[off:]
	n, i := uvarintAt(b, 0)
	if i < 0 || n > uint64(len(b)) {
		return chunks{}, errZapChunk
	}
	c := chunks{ends: make([]uint64, n)}
	for k := range c.ends {
		if c.ends[k], i = uvarintAt(b, i); i < 0 {
			return chunks{}, errZapChunk
		}
	}
	c.data = b[i:]
	return c, nil
}

// seek reads the posting of doc, which must be one of the word's live
// documents after the last one read.
func (r *wordReader) seek(doc uint64) (*wordPosting, error) {
	l := r.list
	if c := doc / l.chunkSize; c != r.chunk {
		var err error
		if r.fb, err = l.freqs.chunk(c); err != nil {
			return nil, err
		}
		if r.lb, err = l.locs.chunk(c); err != nil {
			return nil, err
		}
		r.chunk, r.from = c, c*l.chunkSize
	}
	if doc < r.from || doc/64 >= uint64(len(r.docs)) || r.docs[doc/64]&(1<<(doc%64)) == 0 {
		return nil, errNotPosting
	}
	if err := r.skip(onesIn(r.docs, r.from, doc)); err != nil {
		return nil, err
	}
	r.from = doc + 1
	return r.read()
}

// onesIn counts the set bits of the bitset in [from, to), to < its length.
func onesIn(set []uint64, from, to uint64) int {
	if from >= to {
		return 0
	}
	first, last := from/64, to/64
	w := set[first] &^ (1<<(from%64) - 1)
	if first == last {
		return bits.OnesCount64(w & (1<<(to%64) - 1))
	}
	n := bits.OnesCount64(w)
	for _, w := range set[first+1 : last] {
		n += bits.OnesCount64(w)
	}
	return n + bits.OnesCount64(set[last]&(1<<(to%64)-1))
}

// skip steps over the chunk's next n postings. A posting's frequency is
// stored doubled, plus one when it has locations; its norm follows unless
// the frequency is 0. Its locations are stored after their size in bytes.
func (r *wordReader) skip(n int) error {
	fb, lb := r.fb, r.lb
	f, l := 0, 0
	for ; n > 0; n-- {
		if f >= len(fb) {
			return errZapVarint
		}
		first := fb[f] // a frequency of 0 is the only one stored below 2
		if f = skipUvarint(fb, f); first >= 2 {
			f = skipUvarint(fb, f)
		}
		if first&1 != 0 {
			size, next := uvarintAt(lb, l)
			if next < 0 || size > uint64(len(lb)-next) {
				return errZapVarint
			}
			l = next + int(size)
		}
	}
	if f > len(fb) {
		return errZapVarint
	}
	r.fb, r.lb = fb[f:], lb[l:]
	return nil
}

// read decodes the chunk's next posting.
func (r *wordReader) read() (*wordPosting, error) {
	fh, f := uvarintAt(r.fb, 0)
	if f < 0 {
		return nil, errZapVarint
	}
	p := &r.posting
	*p = wordPosting{freq: fh >> 1, locations: p.locations[:0]}
	if p.freq != 0 {
		if p.length, f = uvarintAt(r.fb, f); f < 0 {
			return nil, errZapVarint
		}
	}
	r.fb = r.fb[f:]
	if fh&1 == 0 {
		return p, nil
	}
	size, l := uvarintAt(r.lb, 0)
	if l < 0 || size > uint64(len(r.lb)-l) {
		return nil, errZapVarint
	}
	b := r.lb[l : l+int(size)]
	r.lb = r.lb[l+int(size):]
	for i := 0; i < len(b); {
		var v [5]uint64 // field, position, start, end, number of array positions
		for k := range v {
			if v[k], i = uvarintAt(b, i); i < 0 {
				return nil, errZapVarint
			}
		}
		for range v[4] {
			if _, i = uvarintAt(b, i); i < 0 {
				return nil, errZapVarint
			}
		}
		p.locations = append(p.locations, wordLocation{pos: v[1], start: v[2], end: v[3]})
	}
	return p, nil
}

// uvarintAt reads the varint at b[i:]; the index after it is -1 when b
// ends first. It is small enough to be inlined.
func uvarintAt(b []byte, i int) (uint64, int) {
	var v uint64
	for shift := uint(0); i < len(b); shift += 7 {
		c := b[i]
		i++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, i
		}
	}
	return 0, -1
}

// skipUvarint is the index after the varint at b[i:], past len(b) when b
// ends first.
func skipUvarint(b []byte, i int) int {
	for i < len(b) && b[i] >= 0x80 {
		i++
	}
	return i + 1
}
