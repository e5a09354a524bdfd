package lineage

import (
	"math/bits"
	"slices"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op kinds of a word diff.
const (
	OpEqual  = "equal"
	OpInsert = "insert"
	OpDelete = "delete"
)

// Op is one run of a word-level diff: words both texts share, words only
// the newer text has (insert) or words only the older text has (delete),
// spelled as printed.
type Op struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// differ has no timeout, so alignments are exact and deterministic.
var differ = func() *diffmatchpatch.DiffMatchPatch {
	d := diffmatchpatch.New()
	d.DiffTimeout = 0
	return d
}()

// align diffs two word sequences with go-diff by encoding each distinct
// word as one rune (its DiffLinesToRunes trick, on words).
func align(a, b []string) []diffmatchpatch.Diff {
	codes := make(map[string]rune, len(a)+len(b))
	encode := func(words []string) []rune {
		rs := make([]rune, len(words))
		for i, w := range words {
			r, ok := codes[w]
			if !ok {
				r = rune(len(codes) + 1)
				if r >= 0xD800 { // skip the surrogate range
					r += 0x800
				}
				codes[w] = r
			}
			rs[i] = r
		}
		return rs
	}
	return differ.DiffMainRunes(encode(a), encode(b), false)
}

// lcs computes how many words two sequences share in their best
// alignment (common), with buffers kept from one call to the next:
// family confirmation calls it millions of times.
type lcs[T comparable] struct {
	symbol map[T]int // distinct word of the shorter sequence -> its number
	masks  []uint64  // w words per distinct word: where it occurs
	v      []uint64
}

// common is the length of the longest common subsequence of a and b,
// computed bit-parallel (Hyyrö's algorithm) in O(len(a)·len(b)/64) time,
// which is what family confirmation spends its time on. Diff aligns with
// go-diff, whose alignment has the same length (TestCommonMatchesDiff).
func (l *lcs[T]) common(a, b []T) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	w := (len(a) + 63) / 64
	if l.symbol == nil {
		l.symbol = make(map[T]int, len(a))
	}
	clear(l.symbol)
	masks := l.masks[:0]
	for i, word := range a {
		k, ok := l.symbol[word]
		if !ok {
			k = len(masks) / w
			l.symbol[word] = k
			masks = slices.Grow(masks, w)[:len(masks)+w]
			clear(masks[k*w:])
		}
		masks[k*w+i/64] |= 1 << (i % 64)
	}
	v := slices.Grow(l.v[:0], w)[:w]
	for i := range v {
		v[i] = ^uint64(0)
	}
	l.masks, l.v = masks, v
	for _, word := range b {
		k, ok := l.symbol[word]
		if !ok {
			continue
		}
		m := masks[k*w : (k+1)*w]
		var carry uint64
		for i := range v {
			var sum uint64
			sum, carry = bits.Add64(v[i], v[i]&m[i], carry)
			v[i] = sum | v[i]&^m[i]
		}
	}
	n := 0
	for _, x := range v {
		n += bits.OnesCount64(^x)
	}
	return n
}

// Similarity returns how much wording two normalised word sequences share,
// from 0 to 1: twice the words of their best alignment over the words of
// both (1 for identical texts; swapping two words of 40 gives about 0.97).
func Similarity(a, b []string) float64 {
	var l lcs[string]
	return l.similarity(a, b)
}

// similarity is Similarity of words as strings or as word numbers.
func (l *lcs[T]) similarity(a, b []T) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(l.common(a, b)) / float64(len(a)+len(b))
}

// Diff returns the word-level changes from older text a to newer text b.
// Words are compared as printed, with quotes and dashes unified and line
// breaks ignored; each run keeps the words' spelling (b's for equal runs).
func Diff(a, b string) []Op {
	pa, ka := tokens(a)
	pb, kb := tokens(b)
	var ops []Op
	ia, ib := 0, 0
	for _, d := range align(ka, kb) {
		n := len([]rune(d.Text))
		var words []string
		kind := OpEqual
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			words, ia, ib = pb[ib:ib+n], ia+n, ib+n
		case diffmatchpatch.DiffDelete:
			words, ia, kind = pa[ia:ia+n], ia+n, OpDelete
		case diffmatchpatch.DiffInsert:
			words, ib, kind = pb[ib:ib+n], ib+n, OpInsert
		}
		ops = append(ops, Op{Kind: kind, Text: strings.Join(words, " ")})
	}
	return ops
}

// Render writes a diff as text: deleted words as [-words-], inserted words
// as {+words+}, as git's --word-diff=plain does.
func Render(ops []Op) string {
	parts := make([]string, len(ops))
	for i, op := range ops {
		switch op.Kind {
		case OpDelete:
			parts[i] = "[-" + op.Text + "-]"
		case OpInsert:
			parts[i] = "{+" + op.Text + "+}"
		default:
			parts[i] = op.Text
		}
	}
	return strings.Join(parts, " ")
}
