package lineage

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math/bits"
	"runtime"
	"slices"
	"sync"

	"github.com/precedent/precedent/internal/mapped"
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
// of every item that shares its wording with at least one other item. It
// is a Store kept in memory; see Store.Families.
func Families(items []Item) map[string]string {
	s, err := NewStore("")
	if err != nil {
		panic(err) // a Store in memory has no file to create
	}
	defer s.Close()
	for _, it := range items {
		s.Add(it.ID, it.Date, it.Words)
	}
	fams, err := s.Families()
	if err != nil {
		panic(err) // nor any file to read
	}
	defer fams.Close()
	return byID(items, fams)
}

// byID maps the id of each item in a family to its family, fams being
// the items' families in order.
func byID(items []Item, fams Membership) map[string]string {
	out := map[string]string{}
	for i := range fams.Number {
		if f := fams.ID(i); f != "" {
			out[items[i].ID] = f
		}
	}
	return out
}

// Membership is the language family of each of a Store's passages: a family
// number by Add index (0 for a passage in no family) and the ids of the
// numbered families (family k's is IDs[k-1]). Numbers take 4 bytes a
// passage where ids would take 16.
type Membership struct {
	IDs    []string
	Number []uint32
	arrays *mapped.Arrays // of Number, nil when made by hand
}

// Close releases the Membership's arrays; it cannot be used afterwards.
func (f Membership) Close() error {
	if f.arrays == nil {
		return nil
	}
	return f.arrays.Release()
}

// ID returns the family id of passage i, "" for none.
func (f Membership) ID(i int) string {
	if f.Number[i] == 0 {
		return ""
	}
	return f.IDs[f.Number[i]-1]
}

// FamilyID returns the id of the family whose earliest member is the
// passage with id earliest.
func FamilyID(earliest string) string {
	sum := sha256.Sum256([]byte(earliest))
	return "fam-" + hex.EncodeToString(sum[:8])
}

// Families groups the passages added into language families and returns
// the family of every passage, in the order they were added: none for a
// passage that shares its wording with no other. Passages are ordered by
// date, and passages of one date in the order they were added.
// Candidates come from LSH buckets, are confirmed by exact alignment
// (Similarity >= PairThreshold) and merged with union-find; each linked
// group is then split around anchors (see AnchorThreshold). A family's id
// derives from its earliest member's id (FamilyID), so it is stable while
// no earlier member appears. Time grows near-linearly with the number of
// passages (see TestScale). The arrays of one value per passage (about 70
// bytes a passage: the date order and its inverse, union-find parents, one
// band's hashes and bucket entries with the radix sort's copy, then the
// groups, and the family numbers returned) are mapped files in the
// Store's directory (see package mapped); the heap holds the table of rejected
// pairs (8 MB whatever the corpus), the family ids (one per family) and
// one group at a time. Signatures and words are read back from the spill
// only for candidate pairs and for the members of linked groups. The
// Membership returned must be closed.
func (s *Store) Families() (Membership, error) {
	if err := s.finishWriting(); err != nil {
		return Membership{}, err
	}
	g, err := newGrouping(s)
	if err != nil {
		return Membership{}, err
	}
	defer g.arrays.Release()
	for b := range NumBands {
		if err := g.linkBand(b); err != nil {
			return Membership{}, err
		}
	}
	return g.families()
}

// grouping is the state of one Families run over items in date order
// (by their index in order), so the lowest index of a group is its
// earliest member (its anchor). Its arrays are mapped (see package mapped).
type grouping struct {
	s       *Store
	arrays  mapped.Arrays
	order   []int32 // date order -> Add index
	rank    []int32 // Add index -> date order
	parent  []int32
	tried   rejected    // pairs already rejected
	entries []bandEntry // one band's
	spare   []bandEntry // the radix sort's other buffer
	byRank  []uint64    // one band's hashes by date order
	a, b    record      // the last records read by confirmed
	lcs     lcs[uint32]
}

func newGrouping(s *Store) (*grouping, error) {
	n := s.Len()
	slots := min(rejectedSlots, 1<<bits.Len(uint(2*n))) // a power of two
	g := &grouping{s: s, arrays: mapped.Arrays{Dir: s.dir}, tried: make(rejected, slots), a: record{item: -1}, b: record{item: -1}}
	var err error
	for _, a := range []*[]int32{&g.order, &g.rank, &g.parent} {
		if err == nil {
			*a, err = mapped.Make[int32](&g.arrays, n)
		}
	}
	if err == nil {
		g.byRank, err = mapped.Make[uint64](&g.arrays, n)
	}
	if err == nil {
		g.entries, err = mapped.Make[bandEntry](&g.arrays, n)
	}
	if err == nil {
		g.spare, err = mapped.Make[bandEntry](&g.arrays, n)
	}
	if err != nil {
		g.arrays.Release()
		return nil, err
	}
	dateOrder(s, g.order)
	for i, o := range g.order {
		g.rank[o] = int32(i)
		g.parent[i] = int32(i)
	}
	return g, nil
}

// rejectedSlots is the most slots the table of rejected pairs has (8 MB);
// a smaller corpus has twice as many as it has passages.
const rejectedSlots = 1 << 20

// rejected remembers the candidate pairs found not to share their wording,
// which other bands propose again, in a table of fixed size whatever the
// corpus: a pair takes the slot its hash picks, over whichever pair was
// there. A forgotten pair is only compared again, with the same outcome.
type rejected []uint64

func (r rejected) slot(key uint64) *uint64 { return &r[mix(key)&uint64(len(r)-1)] }

// has reports whether key (never 0) is remembered.
func (r rejected) has(key uint64) bool { return *r.slot(key) == key }

func (r rejected) add(key uint64) { *r.slot(key) = key }

// dateOrder sets order to the Add indexes of the Store's passages by date,
// those of one date in Add order: a counting sort by the dates' ranks.
func dateOrder(s *Store, order []int32) {
	sorted := make([]int32, len(s.dates)) // date numbers in date order
	for d := range sorted {
		sorted[d] = int32(d)
	}
	slices.SortFunc(sorted, func(x, y int32) int { return cmp.Compare(s.dates[x], s.dates[y]) })
	rank := make([]int32, len(s.dates))
	for r, d := range sorted {
		rank[d] = int32(r)
	}
	next := make([]int32, len(s.dates)+1) // where each rank's passages go next
	for _, p := range s.passages {
		next[rank[p.date]+1]++
	}
	for r := 1; r < len(next); r++ {
		next[r] += next[r-1]
	}
	for i, p := range s.passages {
		order[next[rank[p.date]]] = int32(i)
		next[rank[p.date]]++
	}
}

type bandEntry struct {
	hash uint64
	item int32
}

// linkBand buckets the items by band b and links similar bucket members:
// each member is compared with its bucketWindow predecessors in date order.
func (g *grouping) linkBand(b int) error {
	err := g.s.bandHashes(b, func(i int, h uint64) { g.byRank[g.rank[i]] = h })
	if err != nil {
		return err
	}
	entries := g.entries[:0]
	for r, i := range g.order {
		if g.s.passages[i].rec >= 0 {
			entries = append(entries, bandEntry{g.byRank[r], int32(r)})
		}
	}
	sortByHash(entries, g.spare[:len(entries)])
	start := 0
	for i := range entries {
		if entries[i].hash != entries[start].hash {
			start = i
		}
		for j := max(start, i-bucketWindow); j < i; j++ {
			if err := g.link(int(entries[j].item), int(entries[i].item)); err != nil {
				return err
			}
		}
	}
	return nil
}

// sortByHash sorts entries by hash, keeping the order of equal hashes: a
// least-significant-digit radix sort in four passes of 16 bits through
// spare (as long as entries). At a million passages the 32 bands sort in
// 1.2 CPU seconds, against 9 for a comparison sort.
func sortByHash(entries, spare []bandEntry) {
	counts := make([]int, 1<<16)
	src, dst := entries, spare
	for shift := 0; shift < 64; shift += 16 {
		clear(counts)
		for _, e := range src {
			counts[e.hash>>shift&0xffff]++
		}
		sum := 0
		for d, c := range counts {
			counts[d] = sum
			sum += c
		}
		for _, e := range src {
			d := e.hash >> shift & 0xffff
			dst[counts[d]] = e
			counts[d]++
		}
		src, dst = dst, src
	}
	// four passes: the sorted entries are back in entries
}

// link merges the groups of items i < j when their wording is confirmed.
func (g *grouping) link(i, j int) error {
	ri, rj := g.find(i), g.find(j)
	if ri == rj {
		return nil
	}
	key := uint64(i)<<32 | uint64(j)
	if g.tried.has(key) {
		return nil
	}
	ok, err := g.confirmed(i, j)
	if err != nil || !ok {
		g.tried.add(key)
		return err
	}
	g.parent[max(ri, rj)] = int32(min(ri, rj))
	return nil
}

// confirmed reports whether items i and j share their wording.
func (g *grouping) confirmed(i, j int) (bool, error) {
	x, y := int(g.order[i]), int(g.order[j])
	a, b := g.s.passages[x].words, g.s.passages[y].words
	if 2*float64(min(a, b)) < PairThreshold*float64(a+b) { // even full overlap falls short
		return false, nil
	}
	if err := g.s.read(x, &g.a); err != nil {
		return false, err
	}
	if err := g.s.read(y, &g.b); err != nil {
		return false, err
	}
	if Estimate(g.a.sig, g.b.sig) < minEstimate {
		return false, nil
	}
	return g.lcs.similarity(g.a.words, g.b.words) >= PairThreshold, nil
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
// Families of one member are dropped. Groups are independent, so they are
// split by one goroutine per CPU; families are then numbered in the order
// of their groups.
func (g *grouping) families() (Membership, error) {
	members, bounds, err := g.groups()
	if err != nil {
		return Membership{}, err
	}
	anchor, err := mapped.Make[int32](&g.arrays, len(members)) // of members[k], -1 for none
	if err != nil {
		return Membership{}, err
	}
	workers := runtime.GOMAXPROCS(0)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var sp splitter
			for k := 1 + w; k < len(bounds) && errs[w] == nil; k += workers {
				from, to := bounds[k-1], bounds[k]
				errs[w] = sp.split(g, members[from:to], anchor[from:to])
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return Membership{}, err
	}
	return g.number(members, anchor)
}

// number gives each family a number and its id, from its anchor's id.
func (g *grouping) number(members, anchor []int32) (Membership, error) {
	f := Membership{arrays: &mapped.Arrays{Dir: g.s.dir}}
	var err error
	if f.Number, err = mapped.Make[uint32](f.arrays, g.s.Len()); err != nil {
		f.Close()
		return Membership{}, err
	}
	numbers, err := mapped.Make[uint32](&g.arrays, g.s.Len()) // anchor -> family number
	if err != nil {
		f.Close()
		return Membership{}, err
	}
	for k, m := range members {
		a := anchor[k]
		if a < 0 {
			continue
		}
		if numbers[a] == 0 {
			id, err := g.s.readID(int(g.order[a]))
			if err != nil {
				f.Close()
				return Membership{}, err
			}
			f.IDs = append(f.IDs, FamilyID(id))
			numbers[a] = uint32(len(f.IDs))
		}
		f.Number[g.order[m]] = numbers[a]
	}
	return f, nil
}

// groups returns the members of the linked groups of two or more items,
// group after group, each in date order: group k is
// members[bounds[k]:bounds[k+1]].
func (g *grouping) groups() (members, bounds []int32, err error) {
	n := len(g.parent)
	size, err := mapped.Make[int32](&g.arrays, n)
	if err != nil {
		return nil, nil, err
	}
	count := 0
	for i := range n {
		r := g.find(i)
		g.parent[i] = int32(r)
		size[r]++
		if size[r] == 2 {
			count++
		}
	}
	if bounds, err = mapped.Make[int32](&g.arrays, count+1); err != nil {
		return nil, nil, err
	}
	pos, err := mapped.Make[int32](&g.arrays, n) // where a root's group starts in members
	if err != nil {
		return nil, nil, err
	}
	total, k := int32(0), 0
	for i := range n {
		if size[i] >= 2 {
			pos[i] = total
			total += size[i]
			k++
			bounds[k] = total
		}
	}
	if members, err = mapped.Make[int32](&g.arrays, int(total)); err != nil {
		return nil, nil, err
	}
	for i := range n {
		if r := g.parent[i]; size[r] >= 2 {
			members[pos[r]] = int32(i)
			pos[r]++
		}
	}
	return members, bounds, nil
}

// splitter splits linked groups, holding the words of one group's anchors.
type splitter struct {
	anchors []int32    // date-order indexes
	words   [][]uint32 // their words
	r       record
	lcs     lcs[uint32]
}

// split sets anchor[k] to the anchor of linked group member k (a date-order
// index), or to -1 when its family would have one member.
func (sp *splitter) split(g *grouping, members, anchor []int32) error {
	sp.anchors, sp.words = sp.anchors[:0], sp.words[:0]
	sp.r.item = -1
	size := map[int32]int{}
	for k, m := range members {
		if err := g.s.read(int(g.order[m]), &sp.r); err != nil {
			return err
		}
		best, bestSim := m, AnchorThreshold
		for x, a := range sp.anchors {
			if s := sp.lcs.similarity(sp.words[x], sp.r.words); s >= bestSim {
				best, bestSim = a, s
			}
		}
		if best == m {
			sp.anchors = append(sp.anchors, m)
			sp.words = append(sp.words, slices.Clone(sp.r.words))
		}
		anchor[k] = best
		size[best]++
	}
	for k, a := range anchor {
		if size[a] < 2 {
			anchor[k] = -1
		}
	}
	return nil
}
