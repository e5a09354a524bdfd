package lineage

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// referenceFamilies is Families as it was before the Store: every item's
// words and signature in memory, groups in a map. TestStoreMatchesReference
// checks that the Store finds the very same families.
func referenceFamilies(items []Item) map[string]string {
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(items[x].Date, items[y].Date) })
	sorted := make([]Item, len(items))
	for i, o := range order {
		sorted[i] = items[o]
	}
	g := newRefGrouping(sorted)
	for b := range NumBands {
		g.linkBand(b)
	}
	return g.families()
}

// refGrouping is the state of one Families run; items are in date order, so
// the lowest index of a group is its earliest member (its anchor).
type refGrouping struct {
	items  []Item
	sigs   []Signature
	parent []int32
	tried  map[uint64]struct{} // pairs already rejected
}

func newRefGrouping(items []Item) *refGrouping {
	g := &refGrouping{items: items, sigs: refSignAll(items), parent: make([]int32, len(items)),
		tried: map[uint64]struct{}{}}
	for i := range g.parent {
		g.parent[i] = int32(i)
	}
	return g
}

// refSignAll signs every item long enough to join a family, in parallel.
func refSignAll(items []Item) []Signature {
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

type refBandEntry struct {
	hash uint64
	item int32
}

// linkBand buckets the items by band b and links similar bucket members.
func (g *refGrouping) linkBand(b int) {
	entries := make([]refBandEntry, 0, len(g.items))
	for i, sig := range g.sigs {
		if sig != nil {
			entries = append(entries, refBandEntry{bandHash(sig, b), int32(i)})
		}
	}
	slices.SortFunc(entries, func(x, y refBandEntry) int {
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
func (g *refGrouping) link(i, j int) {
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
func (g *refGrouping) confirmed(i, j int) bool {
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
func (g *refGrouping) find(i int) int {
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
func (g *refGrouping) families() map[string]string {
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
func (g *refGrouping) split(members []int) []int {
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
