package search

import (
	"context"
	"errors"
	"reflect"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/precedent/precedent/indexer"
)

// phraseQuery is an exact phrase of the text field. Bleve's phrase
// searcher gathers every candidate's term locations into maps before it
// looks at them; with a million passages a phrase of common words
// ("conference of the") took 300 ms doing so. A phraseSearcher reads the
// segments' postings itself and scores its hits as Bleve's would.
type phraseQuery struct {
	text  string // as typed, for Bleve's phrase query where this one cannot run
	words []queryWord
}

// newPhrase returns the phrase query of text for the text field's
// analyser an: a phraseQuery when every position has one word, else
// Bleve's own.
func newPhrase(an analysis.Analyzer, text string) query.Query {
	toks := an.Analyze([]byte(text))
	q := &phraseQuery{text: text}
	seen := map[string]int{}
	for i, t := range toks {
		if i > 0 && t.Position <= toks[i-1].Position {
			return q.bleve() // two words at one position
		}
		off := uint64(t.Position - toks[0].Position)
		if k, ok := seen[string(t.Term)]; ok {
			q.words[k].offsets = append(q.words[k].offsets, off)
			continue
		}
		seen[string(t.Term)] = len(q.words)
		q.words = append(q.words, queryWord{word: string(t.Term), offsets: []uint64{off}})
	}
	if len(q.words) == 0 {
		return q.bleve()
	}
	return q
}

func (q *phraseQuery) bleve() query.Query {
	mq := bleve.NewMatchPhraseQuery(q.text)
	mq.SetField(indexer.FieldText)
	return mq
}

// Searcher implements query.Query.
func (q *phraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping,
	opt bsearch.SearcherOptions) (bsearch.Searcher, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok || opt.Explain {
		return q.bleve().Searcher(ctx, r, m, opt)
	}
	pp, err := openPhrase(snap, q.words)
	if errors.Is(err, errZapLayout) {
		return q.bleve().Searcher(ctx, r, m, opt)
	}
	if err != nil {
		return nil, err
	}
	total, err := snap.DocCount()
	if err != nil {
		return nil, err
	}
	return newPhraseSearcher(ctx, pp, total, opt), nil
}

// phrase is the bitmap of the passages with q, unscored.
func (h *hitSet) phrase(ctx context.Context, q *phraseQuery) (*roaring.Bitmap, error) {
	pp, err := openPhrase(h.snap, q.words)
	if errors.Is(err, errZapLayout) {
		return h.search(ctx, q)
	}
	if err != nil {
		return nil, err
	}
	out := roaring.New()
	for i := range pp.lists {
		m := pp.segmentPhrase(ctx, i)
		for doc, ok, err := m.next(0); ok || err != nil; doc, ok, err = m.next(doc + 1) {
			if err != nil {
				return nil, err
			}
			out.Add(uint32(pp.offsets[i] + doc))
		}
	}
	return out, nil
}

// phraseSearcher is a Bleve searcher of a phraseQuery. It scores a hit as
// Bleve's phrase searcher does: the tf-idf scores of the phrase's words
// (each position counts), under the query norm of their weights.
type phraseSearcher struct {
	*tfidf // Weight and SetQueryNorm
	ctx    context.Context
	pp     *termPostings
	opt    bsearch.SearcherOptions
	seg    int // the segment searched; len(pp.lists) at the end
	match  *segmentPhrase
	from   uint64 // the snapshot's number of the next document to look at
}

func newPhraseSearcher(ctx context.Context, pp *termPostings, total uint64, opt bsearch.SearcherOptions) *phraseSearcher {
	s := &phraseSearcher{tfidf: newTFIDF(pp.counts, total), ctx: ctx, pp: pp, opt: opt}
	for k, w := range pp.words {
		s.times[k] = float64(len(w.offsets))
	}
	s.normalise()
	return s
}

func (s *phraseSearcher) Next(sctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	for s.seg < len(s.pp.lists) {
		if s.match == nil {
			s.match = s.pp.segmentPhrase(s.ctx, s.seg)
		}
		first := s.pp.offsets[s.seg]
		doc, ok, err := s.match.next(max(s.from, first) - first)
		if err != nil {
			return nil, err
		}
		if ok {
			s.from = first + doc + 1
			return s.hit(sctx, first+doc), nil
		}
		s.seg, s.match = s.seg+1, nil
	}
	return nil, nil
}

// Advance returns the first hit at or after id; going back starts over
// at id's segment.
func (s *phraseSearcher) Advance(sctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	n := id.Value()
	if seg := s.pp.segmentOf(n); n < s.from || seg != s.seg {
		s.seg, s.match = seg, nil
	}
	s.from = n
	return s.Next(sctx)
}

// hit is the match of document n: scored, and with the phrase's
// locations when the search wants them.
func (s *phraseSearcher) hit(sctx *bsearch.SearchContext, n uint64) *bsearch.DocumentMatch {
	dm := sctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.NewIndexInternalID(dm.IndexInternalID, n)
	if s.opt.Score != "none" {
		for k, w := range s.pp.words {
			p := s.match.at[k]
			score := s.scoreOf(k, p.freq, lengthNorm(p.length))
			for range w.offsets { // summed per position, as Bleve sums its term searchers
				dm.Score += score
			}
		}
	}
	if s.opt.IncludeTermVectors {
		dm.FieldTermLocations = s.match.locations(dm.FieldTermLocations)
	}
	return dm
}

// Count is the passages of the rarest word: at least as many as the hits.
func (s *phraseSearcher) Count() uint64 { return s.pp.counts[0] }

func (s *phraseSearcher) Min() int                   { return 0 }
func (s *phraseSearcher) DocumentMatchPoolSize() int { return 1 }
func (s *phraseSearcher) Close() error               { return nil }

var phraseSearcherSize = int(reflect.TypeOf(phraseSearcher{}).Size())

func (s *phraseSearcher) Size() int { return phraseSearcherSize }
