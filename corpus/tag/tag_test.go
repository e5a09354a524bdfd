package tag

import (
	"slices"
	"testing"

	"github.com/precedent/precedent/corpus"
)

func TestFindStates(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"official name", "the Russian Federation proposed a text", []string{"RUS"}},
		{"niger is not nigeria", "Niger and Nigeria", []string{"NER", "NGA"}},
		{"longest guinea", "Guinea-Bissau, Equatorial Guinea, Papua New Guinea and Guinea", []string{"GNB", "GNQ", "PNG", "GIN"}},
		{"congo", "the Democratic Republic of the Congo and the Congo", []string{"COD", "COG"}},
		{"dominica", "the Dominican Republic and Dominica", []string{"DOM", "DMA"}},
		{"sudan", "South Sudan and the Sudan", []string{"SSD", "SDN"}},
		{"korea", "the Republic of Korea and the Democratic People’s Republic of Korea; Korea alone", []string{"KOR", "PRK"}},
		{"america alone", "the Americas and America", nil},
		{"united states", "the United States of America, the United States and the U.S.", []string{"USA"}},
		{"us pronoun", "let us agree; US", []string{"USA"}},
		{"line breaks", "Venezuela (Bolivarian\nRepublic of) and Netherlands\n(Kingdom of the)", []string{"VEN", "NLD"}},
		{"former names", "Turkey, Swaziland, Czech Republic, Burma", []string{"TUR", "SWZ", "CZE", "MMR"}},
		{"diacritics", "Türkiye and Côte d'Ivoire and Cote d’Ivoire", []string{"TUR", "CIV"}},
		{"demonym before noun", "the Dutch Government and the French authorities", []string{"NLD", "FRA"}},
		{"language is no mention", "the Russian language and the French text, in Chinese", nil},
		{"lower case is no name", "to chad or jordan a turkey", nil},
		{"exception", "piracy in the Gulf of Guinea", nil},
		{"iran", "Iran (Islamic Republic of) and Iran", []string{"IRN"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindStates(tt.text)
			if ids := corpus.IDs(got); !slices.Equal(ids, tt.want) && !(len(ids) == 0 && len(tt.want) == 0) {
				t.Errorf("FindStates(%q) = %v, want %v", tt.text, ids, tt.want)
			}
			checkEvidence(t, tt.text, got)
		})
	}
}

func checkEvidence(t *testing.T, text string, tags []corpus.Tag) {
	t.Helper()
	for _, tg := range tags {
		if len(tg.Evidence) == 0 {
			t.Errorf("%s has no evidence", tg.ID)
		}
		for _, e := range tg.Evidence {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Phrase {
				t.Errorf("%s: evidence %+v does not match the text", tg.ID, e)
			}
		}
	}
}

func TestResolveStates(t *testing.T) {
	codes, unresolved := ResolveStates("Algeria, Bosnia and Herzegovina, Saint Vincent and\nthe Grenadines, Trinidad and Tobago, United\nKingdom of Great Britain and Northern Ireland, Atlantis and Viet Nam")
	want := []string{"DZA", "BIH", "VCT", "TTO", "GBR", "VNM"}
	if !slices.Equal(codes, want) || !slices.Equal(unresolved, []string{"Atlantis"}) {
		t.Errorf("got %v %q, want %v [Atlantis]", codes, unresolved, want)
	}
}

func TestPassageConcepts(t *testing.T) {
	tests := []struct {
		name, text                string
		topics, norms, principles []string
	}{
		{"sovereign equality is not sovereignty", "Our delegation stresses sovereign equality.",
			[]string{"international_law"}, nil, []string{"sovereign_equality"}},
		{"force in self-defence", "Any use of force in self-defense must be proportionate.",
			[]string{"international_law"}, nil, []string{"self_defence"}},
		{"norm c", "States should not knowingly allow their territory to be used for internationally wrongful acts using ICTs.",
			[]string{"norms", "international_law"}, []string{"13c"}, []string{"state_responsibility", "due_diligence"}},
		{"applicability", "We hold that international law applies in cyberspace.",
			[]string{"international_law"}, nil, []string{"applicability"}},
		{"how it applies is no statement", "We will study how international law applies.",
			[]string{"international_law"}, nil, nil},
		{"threats", "Expressing concern about ransomware,", []string{"threats"}, nil, nil},
		{"one principle said to apply", "Non-intervention, as a core principle of international law, applies to ICTs.",
			[]string{"international_law"}, nil, []string{"non_intervention"}},
		{"a list of bodies of law applies", "The Charter, international human rights law and international humanitarian law fully apply here.",
			[]string{"international_law"}, nil, []string{"applicability", "ihl", "human_rights"}},
		{"sanctions are no intervention", "We reject unilateral coercive measures.", nil, nil, nil},
		{"interference in any form", "Each State chooses its system without interference in any form by another State.",
			[]string{"international_law"}, nil, []string{"non_intervention"}},
		{"a threat word beside a principle", "Ransomware operations may breach sovereignty.",
			[]string{"international_law"}, nil, []string{"sovereignty"}},
		{"a decision on a report", "Welcomes the adoption by consensus of the annual report.",
			[]string{"institutional_dialogue"}, nil, nil},
		{"response teams as a norm", "States should not harm computer emergency response teams.",
			[]string{"norms"}, []string{"13k"}, nil},
		{"response teams as a channel", "Points of contact may cooperate through computer emergency response teams.",
			[]string{"cbms"}, nil, nil},
		{"in dialogue with", "Ministries act in dialogue with industry.", nil, nil, nil},
		{"a delegation's intervention", "See our intervention on capacity gaps.", []string{"capacity_building"}, nil, nil},
		{"pillars", "confidence-building measures, capacity building and a programme of action",
			[]string{"cbms", "capacity_building", "institutional_dialogue"}, nil, nil},
		{"nothing", "The meeting was adjourned at noon.", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tags := Passage(tt.text)
			for _, c := range []struct {
				field     string
				got, want []string
			}{{"topics", corpus.IDs(tags.Topics), tt.topics}, {"norms", corpus.IDs(tags.Norms), tt.norms},
				{"principles", corpus.IDs(tags.Principles), tt.principles}} {
				if len(c.got) != len(c.want) || (len(c.got) > 0 && !slices.Equal(c.got, c.want)) {
					t.Errorf("%s = %v, want %v", c.field, c.got, c.want)
				}
			}
			checkEvidence(t, tt.text, tags.Topics)
			checkEvidence(t, tt.text, tags.Principles)
		})
	}
}

func TestDocumentAuthors(t *testing.T) {
	doc := corpus.Document{
		Sponsors:   "Indonesia",
		OnBehalfOf: "the States Members of the United Nations that are members of the Movement of\nNon-Aligned Countries",
		Passages:   []corpus.Passage{{Text: "The Russian Federation spoke."}},
	}
	Document(&doc)
	if !slices.Equal(doc.States, []string{"IDN"}) || !slices.Contains(doc.Groups, "NAM") {
		t.Errorf("states %v groups %v, want [IDN] and NAM", doc.States, doc.Groups)
	}
	p := doc.Passages[0].Tags
	if !slices.Equal(corpus.IDs(p.Mentions), []string{"RUS"}) || !slices.Equal(p.States, []string{"IDN"}) {
		t.Errorf("mentions %v states %v", corpus.IDs(p.Mentions), p.States)
	}

	compilation := corpus.Document{States: nil, Passages: []corpus.Passage{
		{Headings: []string{"II. Replies received from Governments", "France"}, Text: "Our view."},
		{Headings: []string{"II. Replies received from Governments", "3. Netherlands (Kingdom of the)"}, Text: "Our view."},
		{Headings: []string{"I. Introduction"}, Text: "The report."},
	}}
	Document(&compilation)
	fra := compilation.Passages[0].Tags
	if !slices.Equal(fra.States, []string{"FRA"}) {
		t.Errorf("section France: states %v", fra.States)
	}
	for _, g := range []string{"EU", "NATO", "OSCE", "WEOG"} {
		if !slices.Contains(fra.Groups, g) {
			t.Errorf("section France: groups %v lack %s", fra.Groups, g)
		}
	}
	if got := compilation.Passages[1].Tags.States; !slices.Equal(got, []string{"NLD"}) {
		t.Errorf("section Netherlands: states %v", got)
	}
	if got := compilation.Passages[2].Tags.States; len(got) != 0 {
		t.Errorf("introduction: states %v, want none", got)
	}
}

func FuzzPassage(f *testing.F) {
	f.Add("The Republic of Korea affirms that international law applies; self- defence (Art. 51).")
	f.Fuzz(func(t *testing.T, text string) {
		tags := Passage(text)
		checkEvidence(t, text, tags.Topics)
		checkEvidence(t, text, tags.Norms)
		checkEvidence(t, text, tags.Principles)
		checkEvidence(t, text, tags.Mentions)
	})
}
