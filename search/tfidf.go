package search

import (
	"math"

	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// tfidf weighs a query's words as Bleve's tf-idf term scorer does
// (scorer.TermQueryScorer, and the query norm its parents compute): a
// word's idf from the passages that have it, its boost, and its query
// weight once the query norm is set. A word may count more than once (a
// phrase's repeated word counts once per position).
type tfidf struct {
	idf, boost, times, qweight []float64
}

// newTFIDF weighs words with the given passage counts among total
// passages, each with boost 1, counting once.
func newTFIDF(counts []uint64, total uint64) *tfidf {
	n := len(counts)
	w := &tfidf{idf: make([]float64, n), boost: make([]float64, n), times: make([]float64, n), qweight: make([]float64, n)}
	for k, c := range counts {
		w.idf[k], w.boost[k], w.times[k] = 1+math.Log(float64(total)/float64(c+1)), 1, 1
	}
	return w
}

// normalise sets the query norm a search of these words alone has.
func (w *tfidf) normalise() { w.SetQueryNorm(1 / math.Sqrt(w.Weight())) }

// Weight is the sum of the squared weights of the words.
func (w *tfidf) Weight() float64 {
	var sum float64
	for k := range w.idf {
		x := w.boost[k] * w.idf[k]
		sum += w.times[k] * x * x
	}
	return sum
}

// SetQueryNorm sets the query weights under the norm of the whole query.
func (w *tfidf) SetQueryNorm(norm float64) {
	for k := range w.qweight {
		w.qweight[k] = w.boost[k] * w.idf[k] * norm
	}
}

// score is word k's score in the document of posting p, counted once.
func (w *tfidf) score(k int, p segment.Posting) float64 {
	return w.scoreOf(k, p.Frequency(), norm(p))
}

// scoreOf is word k's score in a document where it occurs freq times, in
// a field of the given norm.
func (w *tfidf) scoreOf(k int, freq uint64, norm float64) float64 {
	return math.Sqrt(float64(freq)) * norm * w.idf[k] * w.qweight[k]
}

// lengthNorms caches a text field's norm, 1/sqrt(length) as float32 the
// way the segments compute it, for the lengths passages have.
var lengthNorms = func() []float64 {
	n := make([]float64, 4096)
	for l := 1; l < len(n); l++ {
		n[l] = float64(float32(1 / math.Sqrt(float64(l))))
	}
	return n
}()

// lengthPosting is a posting that tells its field's length (zap's do).
type lengthPosting interface{ NormUint64() uint64 }

// norm is p.Norm(), from lengthNorms when the posting tells its length.
func norm(p segment.Posting) float64 {
	if lp, ok := p.(lengthPosting); ok {
		return lengthNorm(lp.NormUint64())
	}
	return p.Norm()
}

// lengthNorm is the norm of a field of l words, as zap's Posting.Norm.
func lengthNorm(l uint64) float64 {
	if l > 0 && l < uint64(len(lengthNorms)) {
		return lengthNorms[l]
	}
	return float64(float32(1 / math.Sqrt(float64(l))))
}
