package bench

import (
	"reflect"
	"testing"
)

func TestBuildMix(t *testing.T) {
	base := fixtureBase()
	mix := BuildMix(base, 3, 4)
	if !reflect.DeepEqual(mix, BuildMix(base, 3, 4)) {
		t.Fatal("the same seed gives another mix")
	}
	classes := map[string]int{}
	for _, q := range mix {
		classes[q.Class]++
		if q.Class != ClassBrowse && q.Match == "" {
			t.Errorf("%s query %q has no FTS5 expression", q.Class, q.Q)
		}
	}
	for _, c := range []string{ClassCommon, ClassPhrase, ClassBoolean, ClassFacets, ClassBrowse, ClassLineagePassage, ClassLineageText} {
		if classes[c] == 0 {
			t.Errorf("no %s query in %v", c, classes)
		}
	}
}
