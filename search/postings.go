package search

import (
	"cmp"
	"slices"
	"sort"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/precedent/precedent/indexer"
)

// queryWord is a distinct word of a query; a phrase's has its offsets in
// the phrase too (a word may occur more than once: "the report of the").
type queryWord struct {
	word    string
	offsets []uint64
}

// termPostings are the postings lists of a query's words in the text
// field of each segment of a snapshot.
type termPostings struct {
	words   []queryWord
	counts  []uint64                 // passages per word (live ones)
	lists   [][]segment.PostingsList // per segment, per word
	raw     [][]wordList             // the lists' streams, for phrases (openPhrase)
	offsets []uint64                 // the snapshot's number of each segment's first document
}

// openPostings reads the postings lists of words from every segment of snap.
func openPostings(snap *scorch.IndexSnapshot, words []queryWord) (*termPostings, error) {
	segs := snap.Segments()
	pp := &termPostings{words: slices.Clone(words), counts: make([]uint64, len(words)),
		lists: make([][]segment.PostingsList, len(segs)), offsets: make([]uint64, len(segs))}
	var offset uint64
	for i, ss := range segs {
		dict, err := ss.Segment().Dictionary(indexer.FieldText)
		if err != nil {
			return nil, err
		}
		pp.lists[i] = make([]segment.PostingsList, len(words))
		for k, w := range words {
			if pp.lists[i][k], err = dict.PostingsList([]byte(w.word), ss.Deleted(), nil); err != nil {
				return nil, err
			}
			pp.counts[k] += pp.lists[i][k].Count()
		}
		pp.offsets[i] = offset
		offset += ss.Segment().Count()
	}
	return pp, nil
}

// openPhrase reads the postings of a phrase's words, rarest word first,
// and finds their streams; it returns errZapLayout when a segment's
// cannot be read (see wordReader).
func openPhrase(snap *scorch.IndexSnapshot, words []queryWord) (*termPostings, error) {
	pp, err := openPostings(snap, words)
	if err != nil {
		return nil, err
	}
	pp.rarestFirst()
	pp.raw = make([][]wordList, len(pp.lists))
	for i, lists := range pp.lists {
		pp.raw[i] = make([]wordList, len(lists))
		for k, pl := range lists {
			if pl.Count() == 0 {
				continue // never read: the segment has no candidates
			}
			if pp.raw[i][k], err = readWordList(pl); err != nil {
				return nil, err
			}
		}
	}
	return pp, nil
}

// rarestFirst orders the words by their passage count, so that a
// candidate fails on the fewest decoded positions.
func (pp *termPostings) rarestFirst() {
	order := make([]int, len(pp.words))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(pp.counts[a], pp.counts[b]) })
	words, counts := make([]queryWord, len(order)), make([]uint64, len(order))
	for i, k := range order {
		words[i], counts[i] = pp.words[k], pp.counts[k]
	}
	for _, l := range pp.lists {
		perm := make([]segment.PostingsList, len(order))
		for i, k := range order {
			perm[i] = l[k]
		}
		copy(l, perm)
	}
	pp.words, pp.counts = words, counts
}

// segmentOf is the index of the segment holding the snapshot's document n.
func (pp *termPostings) segmentOf(n uint64) int {
	return max(sort.Search(len(pp.offsets), func(i int) bool { return pp.offsets[i] > n })-1, 0)
}
