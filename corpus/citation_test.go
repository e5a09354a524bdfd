package corpus

import "testing"

func TestCitation(t *testing.T) {
	res := &Document{Symbol: "A/RES/88/301", Passages: []Passage{
		{Ordinal: 1, Kind: KindPreambular, Text: "Recalling"},
		{Ordinal: 2, Kind: KindPreambular, Text: "Noting"},
		{Ordinal: 3, Kind: KindOperative, Number: "1.3", Text: "Keepers"},
		{Ordinal: 4, Kind: KindOperative, Number: "13 (f)", Text: "States"},
		{Ordinal: 5, Kind: KindFootnote, Number: "2", Text: "A/1/2."},
		{Ordinal: 6, Kind: KindPreambular, Headings: []string{"Annex"}, Text: "Bearing in mind"},
		{Ordinal: 7, Kind: KindOperative, Number: "1", Headings: []string{"Annex", "Chapter I – General", "Article 5 – Scope"}, Text: "Each"},
	}}
	national := &Document{Title: "Ruritania: positions on lighthouses", Type: TypeNationalPosition, States: []string{"RUR"},
		Date: "2020-12-08", Completeness: "full", Passages: []Passage{
			{Ordinal: 1, Kind: KindParagraph, Headings: []string{"III. Sovereignty"}, Text: "a"},
			{Ordinal: 2, Kind: KindParagraph, Number: "12", Text: "b"},
			{Ordinal: 3, Kind: KindParagraph, Number: "§ 1.1.1", Text: "c"},
		}}
	excerpt := &Document{Title: "Ruritania: excerpts", Type: TypeNationalPosition, States: []string{"RUR"}, Date: "2019",
		Completeness: "partial", Passages: []Passage{{Ordinal: 1, Kind: KindParagraph, Text: "a"}}}
	group := &Document{Title: "Union of Coasts: positions", Type: TypeNationalPosition, Groups: []string{"UC"}, Date: "2024",
		Passages: []Passage{{Ordinal: 1, Kind: KindParagraph, Number: "3", Text: "a"}}}
	call := &Document{Title: "Call for Lighthouses (12 November 2030)", Type: TypeOther, Date: "2030-11-12", Completeness: "full",
		Passages: []Passage{{Ordinal: 1, Kind: KindParagraph, Text: "a"}, {Ordinal: 2, Kind: KindParagraph, Text: "b"}, {Ordinal: 3, Kind: KindParagraph, Text: "c"}}}
	noTitle := &Document{Title: "Speech by the Minister of Lighthouses", Type: TypeNationalPosition, States: []string{"RUR"},
		Passages: []Passage{{Ordinal: 1, Kind: KindParagraph, Number: "4", Text: "a"}}}
	israel := &Document{Title: "A speech on cyber law", Type: TypeNationalPosition, States: []string{"ISR"}, Date: "2020-12-08",
		Passages: []Passage{{Ordinal: 1, Kind: KindParagraph, Headings: []string{"III. Sovereignty"}, Text: "a"}}}
	tests := []struct {
		name string
		d    *Document
		i    int
		want string
	}{
		{"preambular by position", res, 1, "A/RES/88/301, preamble, para. 2"},
		{"dotted number", res, 2, "A/RES/88/301, para. 1.3"},
		{"sub-item", res, 3, "A/RES/88/301, para. 13 (f)"},
		{"footnote", res, 4, "A/RES/88/301, footnote 2"},
		{"annex preamble restarts", res, 5, "A/RES/88/301, annex, preamble, para. 1"},
		{"annex article", res, 6, "A/RES/88/301, annex, art. 5, para. 1"},
		{"national section", national, 0, "Ruritania, national position (2020), section III"},
		{"national number", national, 1, "Ruritania, national position (2020), para. 12"},
		{"section sign", national, 2, "Ruritania, national position (2020), § 1.1.1"},
		{"excerpt without position", excerpt, 0, "Ruritania, national position (2019)"},
		{"group position", group, 0, "Union of Coasts, position (2024), para. 3"},
		{"other by position", call, 2, "Call for Lighthouses (2030), para. 3"},
		{"state name from gazetteer", israel, 0, "Israel, national position (2020), section III"},
		{"state code without title name", noTitle, 0, "RUR, national position, para. 4"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Citation(tc.d, &tc.d.Passages[tc.i]); got != tc.want {
				t.Errorf("Citation = %q, want %q", got, tc.want)
			}
		})
	}
}
