package search

import (
	"context"
	"slices"

	"github.com/RoaringBitmap/roaring/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/precedent/precedent/indexer"
)

// segmentPhrase finds a phrase in one segment. Its words' postings are
// walked only on the documents that have all of them (their bitmaps'
// intersection, where the segment allows it), rarest word first, and a
// word is read on a document only while the phrase can still start there.
type segmentPhrase struct {
	ctx    context.Context
	words  []queryWord
	its    []segment.PostingsIterator
	skips  []chunkSkip       // when the iterators are narrowed to the intersection
	at     []segment.Posting // each word's posting at the last match
	starts []uint64          // the phrase's start positions at the last match
	steps  int
	none   bool // no document has all the words
}

// segmentPhrase opens the iterators of segment i, with frequencies and
// norms when the hits are scored.
func (pp *termPostings) segmentPhrase(ctx context.Context, i int, freqNorm bool) *segmentPhrase {
	m := &segmentPhrase{ctx: ctx, words: pp.words, its: make([]segment.PostingsIterator, len(pp.words)),
		at: make([]segment.Posting, len(pp.words))}
	var both *roaring.Bitmap
	optimizable := true
	for k, pl := range pp.lists[i] {
		m.its[k] = pl.Iterator(freqNorm, freqNorm, true, nil)
		bm, ok := actualBitmap(m.its[k])
		switch {
		case !ok:
			optimizable = false
		case both == nil:
			both = bm.Clone()
		default:
			both.And(bm)
		}
	}
	switch {
	case both != nil && both.IsEmpty():
		m.none = true // and the iterators stay untouched: a word's may be the segment's shared empty one
	case optimizable && both != nil:
		m.skips = make([]chunkSkip, len(m.its))
		for k, it := range m.its {
			it.(segment.OptimizablePostingsIterator).ReplaceActual(both)
			m.skips[k] = chunkSkipOf(it)
		}
	}
	return m
}

// actualBitmap is the live postings of an iterator as a bitmap, when the
// segment can give it.
func actualBitmap(it segment.PostingsIterator) (*roaring.Bitmap, bool) {
	op, ok := it.(segment.OptimizablePostingsIterator)
	if !ok {
		return nil, false
	}
	if n, ok := op.DocNum1Hit(); ok {
		return roaring.BitmapOf(uint32(n)), true
	}
	if bm := op.ActualBitmap(); bm != nil {
		return bm, true
	}
	return roaring.New(), true
}

// next returns the first document at or after doc with the phrase; ok is
// false at the end of the segment.
func (m *segmentPhrase) next(doc uint64) (uint64, bool, error) {
	for !m.none {
		if m.steps++; m.steps%4096 == 0 && m.ctx.Err() != nil {
			return 0, false, m.ctx.Err()
		}
		found, err := m.reach(0, doc)
		if !found || err != nil {
			return 0, false, err
		}
		doc = m.at[0].Number()
		m.starts = m.starts[:0]
		first := m.words[0].offsets[0]
		for _, l := range m.at[0].Locations() {
			if l.Pos() > first {
				m.starts = append(m.starts, l.Pos()-first)
			}
		}
		next, err := m.otherWords(doc)
		if next == doc || err != nil {
			return doc, err == nil, err
		}
		if next == done {
			return 0, false, nil
		}
		doc = next
	}
	return 0, false, nil
}

// otherWords checks the words after the rarest on doc, one at a time,
// each only while the phrase can still start somewhere. It returns doc
// when the phrase is there, else the document to try next (done at the
// segment's end).
func (m *segmentPhrase) otherWords(doc uint64) (uint64, error) {
	for k, w := range m.words {
		if k > 0 {
			found, err := m.reach(k, doc)
			if !found || err != nil {
				return done, err
			}
			if n := m.at[k].Number(); n > doc {
				return n, nil // word k is not in doc: on from its next
			}
		}
		locs := m.at[k].Locations()
		for _, off := range w.offsets {
			m.starts = slices.DeleteFunc(m.starts, func(s uint64) bool { return !hasPos(locs, s+off) })
			if len(m.starts) == 0 {
				return doc + 1, nil
			}
		}
	}
	return doc, nil
}

// reach advances word k to its first posting at or after doc, unless it
// is there already (a posting is read once); found is false past its last.
func (m *segmentPhrase) reach(k int, doc uint64) (bool, error) {
	if m.at[k] != nil && m.at[k].Number() >= doc {
		return true, nil
	}
	if m.skips != nil {
		m.skips[k].to(doc)
	}
	p, err := m.its[k].Advance(doc)
	m.at[k] = p
	return p != nil && err == nil, err
}

func hasPos(locs []segment.Location, pos uint64) bool {
	for _, l := range locs {
		if l.Pos() == pos {
			return true
		}
	}
	return false
}

// locations appends the locations of the phrase's words at the last match.
func (m *segmentPhrase) locations(out []bsearch.FieldTermLocation) []bsearch.FieldTermLocation {
	for k, w := range m.words {
		for _, l := range m.at[k].Locations() {
			for _, s := range m.starts {
				if l.Pos() >= s && slices.Contains(w.offsets, l.Pos()-s) {
					out = append(out, bsearch.FieldTermLocation{Field: indexer.FieldText, Term: w.word,
						Location: bsearch.Location{Pos: l.Pos(), Start: l.Start(), End: l.End()}})
					break
				}
			}
		}
	}
	return out
}
