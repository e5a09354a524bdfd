package corpus

import (
	"strings"
	"testing"

	"github.com/biter777/countries"
)

func TestStatesTable(t *testing.T) {
	states := States()
	if len(states) != 195 {
		t.Fatalf("got %d states, want 193 members + 2 observers", len(states))
	}
	seen := map[string]bool{}
	observers := 0
	for i, s := range states {
		if seen[s.Code] {
			t.Errorf("duplicate code %s", s.Code)
		}
		seen[s.Code] = true
		if s.Observer {
			observers++
		}
		if i > 0 && states[i-1].Name >= s.Name {
			t.Errorf("not sorted by name: %q before %q", states[i-1].Name, s.Name)
		}
		if len(s.Groups) == 0 && s.Code != "VAT" {
			t.Errorf("%s belongs to no group", s.Code)
		}
	}
	if observers != 2 {
		t.Errorf("got %d observers, want 2", observers)
	}
}

// TestStateCodesMatchISO cross-checks every code against the ISO 3166 data
// of github.com/biter777/countries, looked up by the state's names.
func TestStateCodesMatchISO(t *testing.T) {
	for _, s := range States() {
		t.Run(s.Code, func(t *testing.T) {
			if c := countries.ByName(s.Code); c.Alpha3() != s.Code {
				t.Errorf("ISO library does not know alpha-3 %s", s.Code)
			}
			for _, name := range append([]string{s.Name}, s.Aliases...) {
				if c := countries.ByName(name); c != countries.Unknown && c.Alpha3() == s.Code {
					return
				}
			}
			t.Errorf("no name of %s (%s) resolves to it in the ISO library", s.Code, s.Name)
		})
	}
}

func TestStateLookups(t *testing.T) {
	tests := []struct{ code, name string }{
		{"IRN", "Iran (Islamic Republic of)"},
		{"tur", "Türkiye"},
		{"NLD", "Netherlands (Kingdom of the)"},
		{"PSE", "State of Palestine"},
		{"XXX", ""},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if got := StateName(tt.code); got != tt.name {
				t.Errorf("StateName(%q) = %q, want %q", tt.code, got, tt.name)
			}
		})
	}
}

func TestGroupMemberships(t *testing.T) {
	want := map[string]int{
		GroupAfrican: 54, GroupAsiaPacific: 55, // 54 member states and the State of Palestine
		GroupEastEuropean: 23, GroupLatinAmerica: 33, GroupWestern: 29,
		GroupEU: 27, GroupAU: 54, GroupArabLeague: 22, GroupASEAN: 11, GroupOAS: 35, GroupOSCE: 57, GroupNATO: 32, GroupNAM: 120,
	}
	groups := Groups()
	if len(groups) != len(want) {
		t.Fatalf("got %d groups, want %d", len(groups), len(want))
	}
	for _, g := range groups {
		t.Run(g.ID, func(t *testing.T) {
			if len(g.Members) != want[g.ID] {
				t.Errorf("%s has %d members, want %d", g.ID, len(g.Members), want[g.ID])
			}
			for _, m := range g.Members {
				if _, ok := StateByCode(m); !ok {
					t.Errorf("unknown member %s", m)
				}
			}
		})
	}
	for _, tt := range []struct {
		code  string
		group string
	}{{"FRA", "EU"}, {"FRA", "NATO"}, {"FRA", "WEOG"}, {"FRA", "OSCE"}, {"EGY", "LAS"}, {"EGY", "AU"}, {"EGY", "NAM"}, {"PSE", "LAS"}, {"IDN", "ASEAN"}} {
		if !strings.Contains(strings.Join(GroupsOf(tt.code), " "), tt.group) {
			t.Errorf("GroupsOf(%s) = %v, want %s in it", tt.code, GroupsOf(tt.code), tt.group)
		}
	}
}

func TestLabel(t *testing.T) {
	tests := []struct{ field, value, want string }{
		{FieldState, "FRA", "France"},
		{FieldMentions, "RUS", "Russian Federation"},
		{FieldGroup, "LAS", "League of Arab States"},
		{FieldTopic, "cbms", "Confidence-building measures"},
		{FieldNorm, "13f", "(f) No damage to critical infrastructure"},
		{FieldPrinciple, "due_diligence", "Due diligence"},
		{FieldBody, "GA", "General Assembly"},
		{FieldType, "sg_report", "Report of the Secretary-General"},
		{FieldLanguage, "fr", "French"},
		{FieldTopic, "nope", "nope"},
		{"year", "2021", "2021"},
	}
	for _, tt := range tests {
		t.Run(tt.field+"="+tt.value, func(t *testing.T) {
			if got := Label(tt.field, tt.value); got != tt.want {
				t.Errorf("Label(%q, %q) = %q, want %q", tt.field, tt.value, got, tt.want)
			}
		})
	}
}

func TestTaxonomyIDs(t *testing.T) {
	ids := func(cs []Concept) string {
		var s []string
		for _, c := range cs {
			s = append(s, c.ID)
		}
		return strings.Join(s, " ")
	}
	if got := ids(Topics()); got != "threats norms international_law cbms capacity_building institutional_dialogue" {
		t.Errorf("topics: %s", got)
	}
	if got := ids(Norms()); got != "13a 13b 13c 13d 13e 13f 13g 13h 13i 13j 13k" {
		t.Errorf("norms: %s", got)
	}
	if got := ids(Principles()); got != "applicability sovereignty sovereign_equality non_intervention use_of_force self_defence peaceful_settlement ihl state_responsibility due_diligence countermeasures human_rights neutrality" {
		t.Errorf("principles: %s", got)
	}
}
