package lineage

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"runtime"
	"slices"
	"sync"
)

// Family thresholds, checked against the hand-built families of the
// General Assembly ICT resolutions (TestHandFamilies).
const (
	// MinWords is the fewest normalised words a passage needs to join a
	// family; shorter ones ("Decides to remain seized of the matter") are
	// formulas every resolution shares, not traceable wording.
	MinWords = 8
	// PairThreshold is the Similarity two passages need to be linked.
	PairThreshold = 0.7
	// AnchorThreshold is the Similarity a member needs with its family's
	// anchor (earliest member), which stops families chaining through
	// intermediate versions into unrelated wording.
	AnchorThreshold = 0.5
	// minEstimate skips candidate pairs whose MinHash estimate shows they
	// cannot reach PairThreshold, before the exact alignment.
	minEstimate = 0.15
	// bucketWindow bounds the comparisons within one LSH bucket: each
	// member is compared with its bucketWindow predecessors in date order,
	// so a bucket of m members costs O(m), not O(m²).
	bucketWindow = 6
)

// Item is one passage as lineage sees it.
type Item struct {
	ID    string   // passage id
	Date  string   // document date ("2015-07-22" or "2015"); orders members
	Words []string // Normalise(passage text)
}

// Families groups items into language families and returns the family id
// of every item that shares its wording with at least one other item.
// Candidates come from LSH buckets, are confirmed by exact alignment
// (Similarity >= PairThreshold) and merged with union-find; each linked
// group is then split around anchors (see AnchorThreshold). A family's id
// derives from its earliest member's id (FamilyID), so it is stable while
// no earlier member appears. Time and memory grow near-linearly with the
// number of items (see TestScale).
func Families(items []Item) map[string]string {
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		return cmp.Or(cmp.Compare(items[x].Date, items[y].Date), cmp.Compare(items[x].ID, items[y].ID))
	})
	sorted := make([]Item, len(items))
	for i, o := range order {
		sorted[i] = items[o]
	}
	g := newGrouping(sorted)
	for b := range NumBands {
		g.linkBand(b)
	}
	return g.families()
}

// FamilyID returns the id of the family whose earliest member is the
// passage with id earliest.
func FamilyID(earliest string) string {
	sum := sha256.Sum256([]byte(earliest))
	return "fam-" + hex.EncodeToString(sum[:8])
}

// grouping is the state of one Families run; items are in date order, so
// the lowest index of a group is its earliest member (its anchor).
type grouping struct {
	items  []Item
	sigs   []Signature
	parent []int32
	tried  map[uint64]struct{} // pairs already rejected
}

func newGrouping(items []Item) *grouping {
	g := &grouping{items: items, sigs: signAll(items), parent: make([]int32, len(items)),
		tried: map[uint64]struct{}{}}
	for i := range g.parent {
		g.parent[i] = int32(i)
	}
	return g
}

// signAll signs every item long enough to join a family, in parallel.
func signAll(items []Item) []Signature {
	sigs := make([]Signature, len(items))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(items); i += workers {
				if len(items[i].Words) >= MinWords {
					sigs[i] = Sign(items[i].Words)
				}
			}
		})
	}
	wg.Wait()
	return sigs
}

type bandEntry struct {
	hash uint64
	item int32
}

// linkBand buckets the items by band b and links similar bucket members.
func (g *grouping) linkBand(b int) {
	entries := make([]bandEntry, 0, len(g.items))
	for i, sig := range g.sigs {
		if sig != nil {
			entries = append(entries, bandEntry{bandHash(sig, b), int32(i)})
		}
	}
	slices.SortFunc(entries, func(x, y bandEntry) int {
		return cmp.Or(cmp.Compare(x.hash, y.hash), cmp.Compare(x.item, y.item))
	})
	start := 0
	for i := range entries {
		if entries[i].hash != entries[start].hash {
			start = i
		}
		for j := max(start, i-bucketWindow); j < i; j++ {
			g.link(int(entries[j].item), int(entries[i].item))
		}
	}
}

// link merges the groups of items i < j when their wording is confirmed.
func (g *grouping) link(i, j int) {
	ri, rj := g.find(i), g.find(j)
	if ri == rj {
		return
	}
	key := uint64(i)<<32 | uint64(j)
	if _, ok := g.tried[key]; ok {
		return
	}
	if !g.confirmed(i, j) {
		g.tried[key] = struct{}{}
		return
	}
	g.parent[max(ri, rj)] = int32(min(ri, rj))
}

// confirmed reports whether items i and j share their wording.
func (g *grouping) confirmed(i, j int) bool {
	a, b := len(g.items[i].Words), len(g.items[j].Words)
	if 2*float64(min(a, b)) < PairThreshold*float64(a+b) { // even full overlap falls short
		return false
	}
	if Estimate(g.sigs[i], g.sigs[j]) < minEstimate {
		return false
	}
	return Similarity(g.items[i].Words, g.items[j].Words) >= PairThreshold
}

// find returns the root (earliest member) of i's group, halving paths.
func (g *grouping) find(i int) int {
	for int(g.parent[i]) != i {
		g.parent[i] = g.parent[g.parent[i]]
		i = int(g.parent[i])
	}
	return i
}

// families splits each linked group into families around anchors: in date
// order, a member joins the family of the most similar anchor with
// Similarity >= AnchorThreshold, or else starts (anchors) a family of its own.
// Families of one member are dropped.
func (g *grouping) families() map[string]string {
	groups := make(map[int][]int)
	for i := range g.items {
		r := g.find(i)
		groups[r] = append(groups[r], i) // ascending, so date order
	}
	out := make(map[string]string)
	for _, members := range groups {
		if len(members) < 2 {
			continue
		}
		anchorOf := g.split(members)
		size := make(map[int]int)
		for _, a := range anchorOf {
			size[a]++
		}
		for k, m := range members {
			if a := anchorOf[k]; size[a] > 1 {
				out[g.items[m].ID] = FamilyID(g.items[a].ID)
			}
		}
	}
	return out
}

// split returns the anchor of each member of a linked group.
func (g *grouping) split(members []int) []int {
	anchorOf := make([]int, len(members))
	var anchors []int
	for k, m := range members {
		best, bestSim := m, AnchorThreshold
		for _, a := range anchors {
			if s := Similarity(g.items[a].Words, g.items[m].Words); s >= bestSim {
				best, bestSim = a, s
			}
		}
		if best == m {
			anchors = append(anchors, m)
		}
		anchorOf[k] = best
	}
	return anchorOf
}
