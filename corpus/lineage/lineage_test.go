package lineage

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Invented paragraphs in the style of resolutions (not corpus text).
const (
	paraA = "Encourages Member States to further promote the exchange of views on lighthouse safety, " +
		"taking into account the assessments and recommendations of the expert panel on coastal navigation, " +
		"and to inform the Secretary-General of their national practices"
	paraB = "Invites all regional organizations to strengthen their cooperation on the protection of migratory " +
		"birds and wetlands, in particular through the sharing of data and the training of rangers"
	paraC = "Requests the Secretary-General to submit to the General Assembly at its ninetieth session a report " +
		"on the implementation of the present resolution, including the views of Member States on tidal energy"
)

func TestNormalise(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"case and punctuation", "Calls upon States, (all) of them.", []string{"calls", "upon", "states", "all", "of", "them"}},
		{"curly and straight quotes", "the item entitled \u201cLighthouses\u201d", []string{"the", "item", "entitled", "lighthouses"}},
		{"line breaks", "capacity\nbuilding  \r\n measures", []string{"capacity", "building", "measures"}},
		{"hyphens and dashes", "non\u2011State actors \u2014 confidence-building", []string{"non", "state", "actors", "confidence", "building"}},
		{"NFKC ligature", "\ufb01ndings", []string{"findings"}},
		{"apostrophes", "a State\u2019s and States\u2019 views", []string{"a", "state", "s", "and", "states", "views"}},
		{"abbreviations spelled out", "use of ICTs and ICT-related", []string{"use", "of", "information", "and",
			"communications", "technologies", "and", "information", "and", "communications", "technology", "related"}},
		{"proper names are one word", "Welcoming the work of the Group of Governmental Experts on Tides, and",
			[]string{"welcoming", "the", "work", "of", "the", "group_of_governmental_experts_on_tides", "and"}},
		{"two capitalised words are not a name", "the General Assembly decides", []string{"the", "general", "assembly", "decides"}},
		{"empty", " \n ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Normalise(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("Normalise(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSimilarity(t *testing.T) {
	swapped := strings.Replace(paraA, "to further promote", "to promote further", 1)
	tests := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"identical", paraA, paraA, 1, 1},
		{"two words swapped", paraA, swapped, 0.95, 0.99},
		{"unrelated", paraA, paraB, 0, 0.35},
		{"empty", "", "", 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Similarity(Normalise(tc.a), Normalise(tc.b))
			if got < tc.min || got > tc.max {
				t.Errorf("Similarity = %.3f, want in [%.2f, %.2f]", got, tc.min, tc.max)
			}
		})
	}
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       string
	}{
		{"word moved", "States to further promote peace", "States to promote further peace",
			"States to [-further-] promote {+further+} peace"},
		{"clause dropped", "Invites all regional organizations, in particular coastal ones, to cooperate",
			"Invites all regional organizations to cooperate",
			"Invites all regional [-organizations, in particular coastal ones,-] {+organizations+} to cooperate"},
		{"quotes and line breaks are not changes", "the item entitled \u201cTides\u201d\nand waves",
			"the item entitled \"Tides\" and   waves", "the item entitled \"Tides\" and waves"},
		{"everything new", "", "new words", "{+new words+}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Render(Diff(tc.a, tc.b)); got != tc.want {
				t.Errorf("Diff =\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestBands(t *testing.T) {
	a := Bands(Sign(Normalise(paraA)))
	if len(a) != NumBands || !strings.HasPrefix(a[3], "b03:") || len(a[3]) != 4+16 {
		t.Fatalf("Bands = %q", a)
	}
	if again := Bands(Sign(Normalise(strings.ReplaceAll(paraA, " ", "\n")))); !reflect.DeepEqual(a, again) {
		t.Error("line breaks changed the band keys")
	}
	edited := Bands(Sign(Normalise(strings.Replace(paraA, "lighthouse", "beacon", 1))))
	if shared := sharedKeys(a, edited); shared == 0 {
		t.Error("a one-word edit shares no band key")
	}
	if shared := sharedKeys(a, Bands(Sign(Normalise(paraB)))); shared != 0 {
		t.Errorf("unrelated paragraphs share %d band keys", shared)
	}
	if Bands(Sign(nil)) != nil {
		t.Error("no words should give no band keys")
	}
}

func sharedKeys(a, b []string) int {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return n
}

// perturb replaces or drops n words of text, deterministically.
func perturb(text string, n int, rng *rand.Rand) string {
	words := strings.Fields(text)
	for range n {
		if len(words) < 2 {
			break
		}
		i := rng.IntN(len(words))
		if rng.IntN(2) == 0 {
			words = append(words[:i], words[i+1:]...)
		} else {
			words[i] = fmt.Sprintf("word%d", rng.IntN(1000))
		}
	}
	return strings.Join(words, " ")
}

func TestFamilies(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var items []Item
	add := func(id, date, text string) {
		items = append(items, Item{ID: id, Date: date, Words: Normalise(text)})
	}
	for y := 2015; y < 2020; y++ {
		add(fmt.Sprintf("a%d", y), fmt.Sprint(y), perturb(paraA, 2, rng))
		add(fmt.Sprintf("b%d", y), fmt.Sprint(y), perturb(paraB, 1, rng))
	}
	add("c2016", "2016", paraC)
	add("short1", "2016", "Decides to remain seized of the matter")
	add("short2", "2017", "Decides to remain seized of the matter")
	got := Families(items)
	for _, id := range []string{"a2015", "a2016", "a2017", "a2018", "a2019"} {
		if got[id] != FamilyID("a2015") {
			t.Errorf("%s in family %q, want %q", id, got[id], FamilyID("a2015"))
		}
	}
	for _, id := range []string{"b2016", "b2019"} {
		if got[id] != FamilyID("b2015") {
			t.Errorf("%s in family %q, want %q", id, got[id], FamilyID("b2015"))
		}
	}
	for _, id := range []string{"c2016", "short1", "short2"} {
		if f, ok := got[id]; ok {
			t.Errorf("%s should have no family, got %q", id, f)
		}
	}
}

// TestSameDateAnchorsFirstAdded: among passages of one date, the first
// added is the earliest (a document's passages are added in order, and
// "doc-p10" would sort before "doc-p9"), and the family is named after it
// whatever the length of the ids stored with the records.
func TestSameDateAnchorsFirstAdded(t *testing.T) {
	long := strings.Repeat("x", 80)
	items := []Item{
		{ID: "doc-p9", Date: "2016", Words: Normalise(paraA)},
		{ID: "doc-p10", Date: "2016", Words: Normalise(paraA)},
		{ID: long, Date: "2015", Words: Normalise(paraB)},
		{ID: "b", Date: "2015", Words: Normalise(paraB)},
	}
	got := Families(items)
	want := map[string]string{"doc-p9": FamilyID("doc-p9"), "doc-p10": FamilyID("doc-p9"), long: FamilyID(long), "b": FamilyID(long)}
	if !maps.Equal(got, want) {
		t.Errorf("families %v, want %v", got, want)
	}
}

// TestFamiliesDoNotChain: each version is close to the previous one, but
// the last has drifted far from the first; the anchor check must stop the
// family at the drift.
func TestFamiliesDoNotChain(t *testing.T) {
	words := Normalise(paraA + " " + paraC)
	n := len(words)
	var items []Item
	for v := range 6 {
		// version v keeps words [v*n/10, v*n/10+n/2): each step shifts by n/10.
		w := words[v*n/10 : v*n/10+n/2]
		items = append(items, Item{ID: fmt.Sprintf("v%d", v), Date: fmt.Sprint(2010 + v), Words: w})
	}
	got := Families(items)
	if got["v0"] == "" || got["v0"] != got["v1"] {
		t.Fatalf("v0 and v1 (similarity %.2f) should share a family: %v",
			Similarity(items[0].Words, items[1].Words), got)
	}
	if got["v5"] == got["v0"] {
		t.Errorf("v5 (similarity %.2f to v0) chained into v0's family: %v",
			Similarity(items[0].Words, items[5].Words), got)
	}
}

func TestMatchText(t *testing.T) {
	cands := []Item{
		{ID: "a", Date: "2019", Words: Normalise(paraA)},
		{ID: "b", Date: "2019", Words: Normalise(paraB)},
	}
	sentence := paraA[:strings.Index(paraA, ", taking")]
	tests := []struct {
		name, text string
		want       []string
	}{
		{"word changed", strings.Replace(paraA, "exchange", "sharing", 1), []string{"a"}},
		{"clause dropped", strings.Replace(paraA, ", and to inform the Secretary-General of their national practices", "", 1), []string{"a"}},
		{"line breaks and curly quotes", strings.ReplaceAll(strings.ReplaceAll(paraA, " ", "\n"), "-", "\u2011"), []string{"a"}},
		{"one sentence quoted", sentence, []string{"a"}},
		{"unrelated", paraC, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			for _, m := range MatchText(tc.text, cands) {
				ids = append(ids, m.ID)
			}
			if !reflect.DeepEqual(ids, tc.want) {
				t.Errorf("MatchText = %v, want %v", ids, tc.want)
			}
		})
	}
}

func BenchmarkSign(b *testing.B) {
	words := Normalise(paraA + " " + paraB)
	b.ReportAllocs()
	cpu := cpuSeconds()
	for b.Loop() {
		Sign(words)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "passages/s")
	b.ReportMetric(float64(b.N)/(cpuSeconds()-cpu), "passages/cpu-s")
}

// TestCommonMatchesDiff checks the bit-parallel alignment length against
// go-diff's alignment on random word sequences, long ones included.
func TestCommonMatchesDiff(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	vocab := Normalise(paraA + " " + paraB)
	seq := func(n int) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = vocab[rng.IntN(len(vocab))]
		}
		return s
	}
	var l lcs[string] // one for all trials: its buffers are reused between lengths
	for trial := range 300 {
		a, b := seq(1+rng.IntN(200)), seq(rng.IntN(200))
		if trial%3 == 0 {
			b = Normalise(perturb(strings.Join(a, " "), 5, rng))
		}
		want := 0
		for _, d := range align(a, b) {
			if d.Type == diffmatchpatch.DiffEqual {
				want += len([]rune(d.Text))
			}
		}
		if got := l.common(a, b); got != want {
			t.Fatalf("trial %d: common = %d, go-diff aligns %d words", trial, got, want)
		}
	}
}

func TestTrace(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var items []Item
	for y := 2015; y < 2020; y++ {
		items = append(items, Item{ID: fmt.Sprintf("a%d", y), Date: fmt.Sprint(y), Words: Normalise(perturb(paraA, 1, rng))})
	}
	items = append(items, Item{ID: "b", Date: "2014", Words: Normalise(paraB)})
	// The answer is every member of the family the text matches, in date order.
	got := Trace(strings.Replace(paraA, "lighthouse", "beacon", 1), items)
	var ids []string
	for _, m := range got {
		ids = append(ids, m.ID)
	}
	if want := []string{"a2015", "a2016", "a2017", "a2018", "a2019"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("Trace = %v, want %v", ids, want)
	}
	if Trace(paraC, items) != nil {
		t.Error("unrelated text should trace to nothing")
	}
}

func BenchmarkNormaliseSignBands(b *testing.B) {
	text := paraA + " " + paraB
	b.ReportAllocs()
	cpu := cpuSeconds()
	for b.Loop() {
		Bands(Sign(Normalise(text)))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "passages/s")
	b.ReportMetric(float64(b.N)/(cpuSeconds()-cpu), "passages/cpu-s")
}
