package search

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/precedent/precedent/corpus/lineage"
)

var lighthouseFamily = []string{pid("X/6/6", 1), pid("X/7/7", 1), pid("X/8/8", 1)}

func memberIDs(l *Lineage) []string {
	var ids []string
	for _, m := range l.Members {
		ids = append(ids, m.Passage.ID)
	}
	return ids
}

func TestLineage(t *testing.T) {
	ix := openFixture(t)
	l, err := ix.Lineage(context.Background(), pid("X/7/7", 1))
	if err != nil {
		t.Fatal(err)
	}
	if got := memberIDs(l); !slices.Equal(got, lighthouseFamily) || l.Family == "" {
		t.Fatalf("family %q members %v, want %v", l.Family, got, lighthouseFamily)
	}
	if l.Members[1].Similarity != 1 || l.Members[0].DiffPrevious != nil {
		t.Errorf("similarity of the queried passage %v; first member diff %v", l.Members[1].Similarity, l.Members[0].DiffPrevious)
	}
	if got := lineage.Render(l.Members[2].DiffPrevious); got != "Invites all members of the lighthouse council to keep reviewing the [-shared-] {+common+} catalogue of maintenance practices every [-second-] year, and to report on it." {
		t.Errorf("diff against previous: %s", got)
	}
	if got := lineage.Render(l.Members[1].DiffFirst); got != "Invites [-the-] {+all+} members of the lighthouse council to keep reviewing the shared catalogue of maintenance practices every second [-year.-] {+year, and to report on it.+}" {
		t.Errorf("diff against first: %s", got)
	}
	alone, err := ix.Lineage(context.Background(), pid("X/1/1", 2))
	if err != nil || len(alone.Members) != 1 || alone.Family != "" {
		t.Errorf("passage without family: %v %+v", err, alone)
	}
	if _, err := ix.Lineage(context.Background(), "nope-p1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown passage: %v", err)
	}
}

func TestLineageOfText(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"exact", "Invites all members of the lighthouse council to keep reviewing the common catalogue of maintenance practices every year, and to report on it.", lighthouseFamily},
		{"edited word and line breaks", "Invites all members of the\nlighthouse council to keep\nreviewing the joint catalogue of maintenance practices every year", lighthouseFamily},
		{"quoted part", "keep reviewing the shared catalogue of maintenance practices every second year", lighthouseFamily},
		{"unrelated", "The committee admires sunsets over distant volcanic islands in autumn.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ix.LineageOfText(context.Background(), tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := memberIDs(l); !slices.Equal(got, tt.want) {
				t.Errorf("members %v, want %v", got, tt.want)
			}
		})
	}
	if _, err := ix.LineageOfText(context.Background(), "too short"); err == nil {
		t.Error("two words accepted")
	}
	// Lineage joins capitalised runs into one name; a title is still long.
	if _, err := ix.LineageOfText(context.Background(), "The Application Of International Law To State Activity In Cyberspace"); err != nil {
		t.Errorf("a title of ten words: %v", err)
	}
}

func TestSimilarExcludesFamily(t *testing.T) {
	ix := openFixture(t)
	hits, err := ix.Similar(context.Background(), pid("X/7/7", 2), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].ID != pid("X/8/8", 2) {
		t.Fatalf("similar to the harbour pilot paragraph: %v", hits)
	}
	hits, err = ix.Similar(context.Background(), pid("X/7/7", 1), 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if slices.Contains(lighthouseFamily, h.ID) {
			t.Errorf("similar returned family member %s", h.ID)
		}
	}
}

func TestCompare(t *testing.T) {
	ix := openFixture(t)
	c, err := ix.Compare(context.Background(), FieldTopic, "international_law", []string{"FRA", "NLD", "EGY"}, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]uint64{"FRA": 3, "NLD": 3, "EGY": 0}
	for _, s := range c.States {
		if s.Total != want[s.State] || len(s.Hits) != min(2, int(want[s.State])) {
			t.Errorf("%s: total %d, %d hits", s.State, s.Total, len(s.Hits))
		}
		for _, h := range s.Hits {
			if h.Document.States[0] != s.State {
				t.Errorf("%s got a passage of %v", s.State, h.Document.States)
			}
		}
	}
	if _, err := ix.Compare(context.Background(), FieldBody, "GA", []string{"FRA"}, 2); err == nil {
		t.Error("compare by body accepted")
	}
}
