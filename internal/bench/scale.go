package bench

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/precedent/precedent/corpus"
)

// Scaler makes deterministic copies of a base corpus. Copy 0 is the base
// itself; copy k > 0 of a document has its symbol renumbered (the session
// number plus 100*k: A/RES/73/27 becomes A/RES/173/27 in copy 1), its date
// shifted by the same few years for the whole copy (so the year facet keeps
// its range), and a few words of each passage swapped or dropped. Metadata
// values (body, type, language, author states) are kept, so facet
// cardinalities stay those of the real corpus while the passages multiply.
type Scaler struct {
	Base []corpus.Document // untagged documents as the loader returns them
	Seed uint64
}

// Passages returns the number of passages of one copy of the base.
func (s Scaler) Passages() int {
	n := 0
	for i := range s.Base {
		n += len(s.Base[i].Passages)
	}
	return n
}

// Document returns copy k of base document i.
func (s Scaler) Document(k, i int) corpus.Document {
	src := s.Base[i]
	d := src
	d.Passages = make([]corpus.Passage, len(src.Passages))
	if k == 0 {
		copy(d.Passages, src.Passages)
		return d
	}
	rng := rand.New(rand.NewPCG(s.Seed, uint64(k)<<32|uint64(i)))
	d.Date = shiftYear(src.Date, s.yearShift(k))
	d.Symbol = renumber(src.Symbol, k)
	d.Source = fmt.Sprintf("copy-%03d/%s", k, src.Source)
	d.ID = corpus.DocumentID(d.Symbol, d.Language, d.Source)
	d.ContentHash = ""
	for j, p := range src.Passages {
		p.ID = corpus.PassageID(d.ID, p.Ordinal)
		p.DocID = d.ID
		p.Text = perturb(rng, p.Text)
		if src.Symbol != "" {
			p.Citation = strings.Replace(p.Citation, src.Symbol, d.Symbol, 1)
		}
		p.Tags, p.Family = corpus.Tags{}, ""
		d.Passages[j] = p
	}
	return d
}

// yearShift is the shift of copy k's dates: -3..+3 years, the same for all
// documents of the copy.
func (s Scaler) yearShift(k int) int {
	return rand.New(rand.NewPCG(s.Seed, uint64(k))).IntN(7) - 3
}

// shiftYear adds years to the year that starts date ("2015-07-22", "2015").
func shiftYear(date string, years int) string {
	if len(date) < 4 {
		return date
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return date
	}
	return fmt.Sprintf("%04d%s", y+years, date[4:])
}

// renumber adds 100*k to the first all-digit segment of a UN symbol
// ("A/C.1/80/L.13" -> "A/C.1/180/L.13" for k 1); a symbol without one gets
// a suffix. An empty symbol stays empty.
func renumber(symbol string, k int) string {
	if symbol == "" {
		return ""
	}
	parts := strings.Split(symbol, "/")
	for i, p := range parts {
		if n, err := strconv.Atoi(p); err == nil && p != "" && p[0] != '-' && p[0] != '+' {
			parts[i] = strconv.Itoa(n + 100*k)
			return strings.Join(parts, "/")
		}
	}
	return fmt.Sprintf("%s/C%d", symbol, k)
}

// perturb swaps two neighbouring words or drops one, one to three times.
// Words are re-joined with single spaces.
func perturb(rng *rand.Rand, text string) string {
	words := strings.Fields(text)
	edits := 1 + rng.IntN(3)
	for range edits {
		if len(words) < 4 {
			break
		}
		i := rng.IntN(len(words) - 1)
		if rng.IntN(2) == 0 {
			words[i], words[i+1] = words[i+1], words[i]
		} else {
			words = append(words[:i], words[i+1:]...)
		}
	}
	return strings.Join(words, " ")
}
