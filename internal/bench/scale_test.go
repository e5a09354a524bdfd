package bench

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/tag"
)

func TestScalerDeterministic(t *testing.T) {
	a, b := Scaler{Base: fixtureBase(), Seed: 7}, Scaler{Base: fixtureBase(), Seed: 7}
	other := Scaler{Base: fixtureBase(), Seed: 8}
	for k := range 4 {
		for i := range a.Base {
			if !reflect.DeepEqual(a.Document(k, i), b.Document(k, i)) {
				t.Fatalf("copy %d of document %d differs between two scalers with the same seed", k, i)
			}
		}
	}
	if !reflect.DeepEqual(a.Document(0, 1), fixtureBase()[1]) {
		t.Error("copy 0 is not the base document")
	}
	same := 0
	for i := range a.Base {
		if reflect.DeepEqual(a.Document(3, i).Passages, other.Document(3, i).Passages) {
			same++
		}
	}
	if same == len(a.Base) {
		t.Error("seeds 7 and 8 give the same copy 3")
	}
}

func TestScalerRenumber(t *testing.T) {
	for _, tc := range []struct{ symbol, want string }{
		{"A/RES/73/27", "A/RES/173/27"},
		{"A/C.1/80/L.13", "A/C.1/180/L.13"},
		{"A/70/174", "A/170/174"},
		{"E/CN.4", "E/CN.4/C1"},
		{"", ""},
	} {
		t.Run(tc.symbol, func(t *testing.T) {
			if got := renumber(tc.symbol, 1); got != tc.want {
				t.Errorf("renumber(%q, 1) = %q, want %q", tc.symbol, got, tc.want)
			}
		})
	}
}

// facetSets returns the distinct values of the facets of tagged copies.
func facetSets(s Scaler, copies int) map[string]map[string]bool {
	sets := map[string]map[string]bool{"body": {}, "type": {}, "language": {}, "state": {}, "topic": {}, "principle": {}, "year": {}}
	for k := range copies {
		for i := range s.Base {
			d := s.Document(k, i)
			tag.Document(&d)
			sets["body"][d.Body], sets["type"][d.Type], sets["language"][d.Language] = true, true, true
			sets["year"][d.Date[:4]] = true
			for _, p := range d.Passages {
				for _, v := range p.Tags.States {
					sets["state"][v] = true
				}
				for _, v := range corpus.IDs(p.Tags.Topics) {
					sets["topic"][v] = true
				}
				for _, v := range corpus.IDs(p.Tags.Principles) {
					sets["principle"][v] = true
				}
			}
		}
	}
	return sets
}

func TestScalerKeepsFacetCardinalities(t *testing.T) {
	s := Scaler{Base: fixtureBase(), Seed: 2026}
	one, many := facetSets(s, 1), facetSets(s, 30)
	for field, base := range one {
		t.Run(field, func(t *testing.T) {
			n := len(many[field])
			limit := len(base)
			switch field {
			case "year":
				// copies shift dates by -3..+3 years: the range grows by 6
				years := sorted(base)
				limit = yearSpan(years[0], years[len(years)-1]) + 6
			case "topic", "principle", "state":
				limit += 2 // a dropped or swapped word may change a tag
			}
			if n < len(base) || n > limit {
				t.Errorf("%s: %d values over 30 copies, %d in the base (allowed up to %d): %v",
					field, n, len(base), limit, sorted(many[field]))
			}
		})
	}
	ids, symbols := map[string]bool{}, map[string]bool{}
	for k := range 30 {
		for i := range s.Base {
			d := s.Document(k, i)
			if ids[d.ID] || (d.Symbol != "" && symbols[d.Symbol]) {
				t.Fatalf("copy %d repeats document id %s or symbol %s", k, d.ID, d.Symbol)
			}
			ids[d.ID], symbols[d.Symbol] = true, true
		}
	}
}

func sorted(set map[string]bool) []string {
	var out []string
	for v := range set {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

func yearSpan(first, last string) int {
	a, b := 0, 0
	fmt.Sscan(first, &a)
	fmt.Sscan(last, &b)
	return b - a + 1
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed)) }
