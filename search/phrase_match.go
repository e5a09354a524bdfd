package search

import (
	"context"
	"slices"

	"github.com/RoaringBitmap/roaring/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/precedent/precedent/indexer"
)

// segmentPhrase finds a phrase in one segment. Its candidates are the
// documents that have all its words (their bitmaps' intersection); on
// each, the words' positions are read rarest word first, and a word is
// read only while the phrase can still start there.
type segmentPhrase struct {
	ctx     context.Context
	words   []queryWord
	readers []*wordReader
	docs    roaring.IntPeekable // the candidates; nil when there are none
	at      []*wordPosting      // each word's posting at the last match
	starts  []uint64            // the phrase's start positions at the last match
	steps   int
}

// segmentPhrase starts the phrase's match in segment i.
func (pp *termPostings) segmentPhrase(ctx context.Context, i int) *segmentPhrase {
	m := &segmentPhrase{ctx: ctx, words: pp.words, readers: make([]*wordReader, len(pp.words)),
		at: make([]*wordPosting, len(pp.words))}
	var both *roaring.Bitmap
	for _, pl := range pp.lists[i] {
		if bm := liveBitmap(pl); both == nil {
			both = bm.Clone()
		} else {
			both.And(bm)
		}
	}
	if both == nil || both.IsEmpty() {
		return m // and a word's list may be zap's shared empty one, not to be read
	}
	m.docs = both.Iterator()
	for k := range m.readers {
		m.readers[k] = pp.raw[i][k].reader()
	}
	return m
}

// liveBitmap is the live postings of a zap list as a bitmap (empty for
// zap's shared empty list; openPhrase has refused any other kind).
func liveBitmap(pl segment.PostingsList) *roaring.Bitmap {
	if op, ok := pl.Iterator(false, false, false, nil).(segment.OptimizablePostingsIterator); ok {
		if bm := op.ActualBitmap(); bm != nil {
			return bm
		}
	}
	return roaring.New()
}

// next returns the first document at or after doc with the phrase; ok is
// false at the end of the segment.
func (m *segmentPhrase) next(doc uint64) (uint64, bool, error) {
	if m.docs == nil {
		return 0, false, nil
	}
	for m.docs.AdvanceIfNeeded(uint32(doc)); m.docs.HasNext(); {
		if m.steps++; m.steps%4096 == 0 && m.ctx.Err() != nil {
			return 0, false, m.ctx.Err()
		}
		doc := uint64(m.docs.Next())
		found, err := m.match(doc)
		if found || err != nil {
			return doc, err == nil, err
		}
	}
	return 0, false, nil
}

// match reads the words on doc, one at a time, each only while the phrase
// can still start somewhere.
func (m *segmentPhrase) match(doc uint64) (bool, error) {
	for k, w := range m.words {
		p, err := m.readers[k].seek(doc)
		if err != nil {
			return false, err
		}
		m.at[k] = p
		if k == 0 {
			m.starts = m.starts[:0]
			for _, l := range p.locations {
				if l.pos > w.offsets[0] {
					m.starts = append(m.starts, l.pos-w.offsets[0])
				}
			}
		}
		for _, off := range w.offsets {
			m.starts = slices.DeleteFunc(m.starts, func(s uint64) bool { return !hasPos(p.locations, s+off) })
			if len(m.starts) == 0 {
				return false, nil
			}
		}
	}
	return true, nil
}

func hasPos(locs []wordLocation, pos uint64) bool {
	for _, l := range locs {
		if l.pos == pos {
			return true
		}
	}
	return false
}

// locations appends the locations of the phrase's words at the last match.
func (m *segmentPhrase) locations(out []bsearch.FieldTermLocation) []bsearch.FieldTermLocation {
	for k, w := range m.words {
		for _, l := range m.at[k].locations {
			for _, s := range m.starts {
				if l.pos >= s && slices.Contains(w.offsets, l.pos-s) {
					out = append(out, bsearch.FieldTermLocation{Field: indexer.FieldText, Term: w.word,
						Location: bsearch.Location{Pos: l.pos, Start: l.start, End: l.end}})
					break
				}
			}
		}
	}
	return out
}
