package lineage

import (
	"maps"
	"os"
	"strconv"
	"testing"
)

// TestStoreMatchesReference checks that the Store, spilling to a file or
// to memory, finds the very families the former all-in-memory Families
// found, on the shared corpus and on two scaled copies of it.
func TestStoreMatchesReference(t *testing.T) {
	base, _ := passageItems(sharedDocuments(t))
	for _, tc := range []struct {
		name  string
		items []Item
	}{
		{"corpus", base},
		{"corpus x2", scaled(base, 2)},
	} {
		want := referenceFamilies(tc.items)
		for _, dir := range []string{"", t.TempDir()} {
			t.Run(tc.name+" spill "+map[bool]string{true: "memory", false: "file"}[dir == ""], func(t *testing.T) {
				got := storeFamilies(t, dir, tc.items)
				if len(want) == 0 {
					t.Fatal("the reference found no families")
				}
				if !maps.Equal(got, want) {
					diff := 0
					for id, f := range want {
						if got[id] != f {
							diff++
						}
					}
					t.Fatalf("%d passages in families, want %d; %d differ", len(got), len(want), diff)
				}
			})
		}
	}
}

func storeFamilies(t *testing.T, dir string, items []Item) map[string]string {
	t.Helper()
	s, err := NewStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, it := range items {
		s.Add(it.ID, it.Date, it.Words)
	}
	if dir != "" {
		if left, _ := os.ReadDir(dir); len(left) > 0 {
			t.Errorf("the spill file is visible in %s: %v", dir, left)
		}
	}
	fams, err := s.Families()
	if err != nil {
		t.Fatal(err)
	}
	defer fams.Close()
	if len(fams.Number) != len(items) {
		t.Fatalf("%d families for %d passages", len(fams.Number), len(items))
	}
	return byID(items, fams)
}

// TestStoreSmallCorpora covers the edges of the band blocks and passages
// too short to sign, on invented text.
func TestStoreSmallCorpora(t *testing.T) {
	words := Normalise("Member States are called upon to promote an open secure stable accessible and peaceful environment for all")
	for _, n := range []int{0, 1, 2, bandBlock - 1, bandBlock, bandBlock + 1} {
		items := make([]Item, n)
		for i := range items {
			w := words
			if i%5 == 4 {
				w = w[:MinWords-1]
			}
			items[i] = Item{ID: "p" + strconv.Itoa(i), Date: "2020", Words: w}
		}
		want := referenceFamilies(items)
		if got := storeFamilies(t, t.TempDir(), items); !maps.Equal(got, want) {
			t.Errorf("%d items: %d in families, want %d", n, len(got), len(want))
		}
	}
}

// TestRejectedRemembersOnlyWhatWasAdded: the fixed table forgets pairs
// when slots are reused, but never answers yes for a pair it was not given
// (that would leave two similar passages unlinked).
func TestRejectedRemembersOnlyWhatWasAdded(t *testing.T) {
	r := make(rejected, 64)
	added := map[uint64]bool{}
	for i := range uint64(1000) {
		key := i<<32 | (i + 1)
		r.add(key)
		added[key] = true
		if !r.has(key) {
			t.Fatalf("pair %x not remembered right after being added", key)
		}
	}
	kept := 0
	for i := range uint64(2000) {
		key := i<<32 | (i + 1)
		if r.has(key) {
			if !added[key] {
				t.Fatalf("pair %x remembered but never added", key)
			}
			kept++
		}
	}
	if kept == 0 || kept > len(r) {
		t.Errorf("%d pairs remembered by %d slots", kept, len(r))
	}
}
