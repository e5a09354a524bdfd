package search

import (
	"context"
	"math"
	"reflect"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/precedent/precedent/indexer"
)

// typedBoost is how much more the form typed counts than its other forms.
const typedBoost = 1.2

// formsQuery matches a word in every form of the text field (see forms),
// the form typed first. Bleve's disjunction of their term searchers spent
// 130 ns a passage on a common word ("states": 317,000 passages at a
// million); a formsSearcher merges the forms' postings itself and scores
// its hits as that disjunction would.
type formsQuery struct {
	forms []string
}

func (q *formsQuery) boost(k int) float64 {
	if k == 0 {
		return typedBoost
	}
	return 1
}

// bleve is the Bleve query formsQuery stands for.
func (q *formsQuery) bleve() query.Query {
	alts := make([]query.Query, len(q.forms))
	for k, f := range q.forms {
		t := bleve.NewTermQuery(f)
		t.SetField(indexer.FieldText)
		t.SetBoost(q.boost(k))
		alts[k] = t
	}
	return bleve.NewDisjunctionQuery(alts...)
}

// Searcher implements query.Query.
func (q *formsQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping,
	opt bsearch.SearcherOptions) (bsearch.Searcher, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok || opt.Explain {
		return q.bleve().Searcher(ctx, r, m, opt)
	}
	words := make([]queryWord, len(q.forms))
	for k, f := range q.forms {
		words[k].word = f
	}
	pp, err := openPostings(snap, words)
	if err != nil {
		return nil, err
	}
	total, err := snap.DocCount()
	if err != nil {
		return nil, err
	}
	s := &formsSearcher{tfidf: newTFIDF(pp.counts, total), ctx: ctx, pp: pp, opt: opt}
	for k := range q.forms {
		s.boost[k] = q.boost(k)
	}
	s.normalise()
	return s, nil
}

// formsSearcher is a Bleve searcher of a formsQuery: a hit's score is the
// sum of its forms' tf-idf scores times the share of the forms it has.
type formsSearcher struct {
	*tfidf // Weight and SetQueryNorm
	ctx    context.Context
	pp     *termPostings
	opt    bsearch.SearcherOptions
	seg    int // the segment searched; len(pp.lists) at the end
	its    []segment.PostingsIterator
	at     []segment.Posting // each form's next posting in the segment
	docs   []uint64          // the at postings' documents; done past a form's last
	from   uint64            // the snapshot's number of the next document to look at
	steps  int
}

func (s *formsSearcher) Next(sctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	for s.seg < len(s.pp.lists) {
		if s.steps++; s.steps%4096 == 0 && s.ctx.Err() != nil {
			return nil, s.ctx.Err()
		}
		if s.its == nil {
			if err := s.open(); err != nil {
				return nil, err
			}
		}
		first := s.pp.offsets[s.seg]
		doc, ok, err := s.advanceTo(max(s.from, first) - first)
		if err != nil {
			return nil, err
		}
		if ok {
			s.from = first + doc + 1
			return s.hit(sctx, doc, first+doc), nil
		}
		s.seg, s.its = s.seg+1, nil
	}
	return nil, nil
}

// done is the document of a form past its last posting.
const done = math.MaxUint64

// open starts the iterators of the current segment.
func (s *formsSearcher) open() error {
	freqNorm := s.opt.Score != "none"
	n := len(s.pp.words)
	s.its, s.at, s.docs = make([]segment.PostingsIterator, n), make([]segment.Posting, n), make([]uint64, n)
	for k, pl := range s.pp.lists[s.seg] {
		s.its[k] = pl.Iterator(freqNorm, freqNorm, s.opt.IncludeTermVectors, nil)
		if err := s.move(k, 0); err != nil {
			return err
		}
	}
	return nil
}

// move puts form k on its first posting at or after doc.
func (s *formsSearcher) move(k int, doc uint64) error {
	p, err := s.its[k].Advance(doc)
	s.at[k], s.docs[k] = p, done
	if p != nil {
		s.docs[k] = p.Number()
	}
	return err
}

// advanceTo moves every form that is behind doc to its first posting at
// or after it, and returns the first document any form is then at; ok is
// false when every form is past its last.
func (s *formsSearcher) advanceTo(doc uint64) (low uint64, ok bool, err error) {
	low = done
	for k, d := range s.docs {
		if d < doc {
			if err := s.move(k, doc); err != nil {
				return 0, false, err
			}
			d = s.docs[k]
		}
		low = min(low, d)
	}
	return low, low != done, nil
}

// hit is the match of the segment's document doc (n in the snapshot).
func (s *formsSearcher) hit(sctx *bsearch.SearchContext, doc, n uint64) *bsearch.DocumentMatch {
	dm := sctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.NewIndexInternalID(dm.IndexInternalID, n)
	matched := 0
	for k, d := range s.docs {
		if d != doc {
			continue
		}
		p := s.at[k]
		matched++
		dm.Score += s.score(k, p)
		if s.opt.IncludeTermVectors {
			for _, l := range p.Locations() {
				dm.FieldTermLocations = append(dm.FieldTermLocations, bsearch.FieldTermLocation{Field: indexer.FieldText,
					Term: s.pp.words[k].word, Location: bsearch.Location{Pos: l.Pos(), Start: l.Start(), End: l.End()}})
			}
		}
	}
	dm.Score *= float64(matched) / float64(len(s.at))
	return dm
}

// Advance returns the first hit at or after id; going back starts over
// at id's segment.
func (s *formsSearcher) Advance(sctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	n := id.Value()
	if seg := s.pp.segmentOf(n); n < s.from || seg != s.seg {
		s.seg, s.its = seg, nil
	}
	s.from = n
	return s.Next(sctx)
}

// Count is the passages of every form, at least as many as the hits.
func (s *formsSearcher) Count() uint64 {
	var n uint64
	for _, c := range s.pp.counts {
		n += c
	}
	return n
}

func (s *formsSearcher) Min() int                   { return 0 }
func (s *formsSearcher) DocumentMatchPoolSize() int { return 1 }
func (s *formsSearcher) Close() error               { return nil }

var formsSearcherSize = int(reflect.TypeOf(formsSearcher{}).Size())

func (s *formsSearcher) Size() int { return formsSearcherSize }
