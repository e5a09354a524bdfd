package lineage

import (
	"reflect"
	"strings"
	"testing"
)

// TestDiffRealChanges checks word diffs between family members against the
// changes read in the texts by hand.
func TestDiffRealChanges(t *testing.T) {
	docs := sharedDocuments(t)
	_, byID := passageItems(docs)
	hand := handLabels(t, docs)
	tests := []struct {
		family            string
		from, to          int // indexes into the family's members in families.json
		deleted, inserted []string
	}{
		{"dual-use", 1, 0, []string{"ICTs"}, []string{"information and communications technologies"}},
		{"military-capabilities", 2, 3, []string{"Expressing concern", "such"},
			[]string{"Recalling", "information and communications"}},
		{"inconsistent-purposes", 5, 6,
			[]string{"security and may adversely affect the integrity of the infrastructure of States,", "their"},
			[]string{"security,"}},
		{"interest-of-all-states", 6, 8, nil,
			[]string{"seek the settlement of disputes by peaceful means, and to"}},
	}
	for _, tc := range tests {
		t.Run(tc.family, func(t *testing.T) {
			ids := hand[tc.family]
			ops := Diff(byID[ids[tc.from]].Text, byID[ids[tc.to]].Text)
			var del, ins []string
			for _, op := range ops {
				switch op.Kind {
				case OpDelete:
					del = append(del, op.Text)
				case OpInsert:
					ins = append(ins, op.Text)
				}
			}
			t.Logf("%s", Render(ops))
			if !reflect.DeepEqual(del, tc.deleted) || !reflect.DeepEqual(ins, tc.inserted) {
				t.Errorf("deleted %q inserted %q, want deleted %q inserted %q", del, ins, tc.deleted, tc.inserted)
			}
			if strings.Contains(Render(ops), "\n") {
				t.Error("a diff should not carry line breaks")
			}
		})
	}
}
