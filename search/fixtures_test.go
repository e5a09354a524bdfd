package search

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/indexer"
)

// fixtureDoc is an invented document for the tests: its passages' texts,
// author state and date. The wording is the tests' own.
type fixtureDoc struct {
	symbol, state, date, body, typ string
	topics                         []string
	texts                          []string
}

var fixtureDocs = []fixtureDoc{
	{"X/1/1", "FRA", "2015-07-22", "GGE", "consensus_report", []string{"international_law"}, []string{
		"States reaffirm that an armed attack by digital means may trigger self-defence.",
		"Cooperation between national response teams is encouraged.",
		"Critical infrastructure deserves\nprotection against\nhostile operations.",
	}},
	{"X/2/2", "NLD", "2019-05-01", "national", "national_position", []string{"international_law", "threats"}, []string{
		"Armed attacks against hospitals are unlawful under humanitarian law.",
		"The kingdom considers sovereignty a rule of its own.",
		"Sovereignty violations can occur without physical damage.",
	}},
	{"X/3/3", "DEU", "2021-03-10", "national", "national_position", []string{"capacity_building"}, []string{
		"Capacity building helps developing states protect infrastructure.",
		"Attacking a cooperating state's response team is contrary to the norms.",
		"<script>alert(1)</script> markup in text must stay inert & escaped.",
	}},
	{"X/4/4", "EGY", "2023-11-30", "OEWG", "working_paper", []string{"cbms"}, []string{
		"Points of contact support confidence building among states.",
		"A global directory of points of contact was established.",
	}},
	{"X/5/5", "SAU", "2024-02-02", "OEWG", "statement", []string{"institutional_dialogue"}, []string{
		"A permanent mechanism for regular institutional dialogue is welcome.",
		"Capacity building and confidence building go together.",
	}},
	// A language family: one paragraph edited from year to year.
	{"X/6/6", "JPN", "2016-12-05", "GA", "resolution", []string{"norms"}, []string{
		"Invites the members of the lighthouse council to keep reviewing the shared catalogue of maintenance practices every second year.",
		"Decides to include the item in the agenda of its next session.",
	}},
	{"X/7/7", "BRA", "2018-12-05", "GA", "resolution", []string{"norms"}, []string{
		"Invites all members of the lighthouse council to keep reviewing the shared catalogue of maintenance practices every second year, and to report on it.",
		"Notes the voluntary exchange of harbour pilot rosters among coastal authorities.",
	}},
	{"X/8/8", "KEN", "2020-12-07", "GA", "resolution", []string{"norms"}, []string{
		"Invites all members of the lighthouse council to keep reviewing the common catalogue of maintenance practices every year, and to report on it.",
		"Welcomes the regional workshops on harbour pilot rosters held by coastal authorities during the year.",
	}},
}

// buildFixtureIndex indexes fixtureDocs with the indexer into a data
// directory and returns the directory.
func buildFixtureIndex(t testing.TB) string {
	t.Helper()
	root, data := t.TempDir(), t.TempDir()
	for i, fd := range fixtureDocs {
		doc := fd.document()
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, fmt.Sprintf("doc%d.json", i)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	load := func(root, rel string) (*corpus.Document, error) {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		var d corpus.Document
		return &d, json.Unmarshal(b, &d)
	}
	opt := indexer.CorpusOptions(root, data, nil)                               // for its lineage
	opt.Load, opt.IsMetadataFile, opt.Tag, opt.Version = load, nil, nil, "test" // keep the fixtures' own tags
	if _, err := indexer.Build(context.Background(), opt); err != nil {
		t.Fatal(err)
	}
	return data
}

func (fd fixtureDoc) document() corpus.Document {
	d := corpus.Document{
		Symbol: fd.symbol, Title: "Invented " + fd.symbol, Body: fd.body, Type: fd.typ,
		Date: fd.date, Language: "en", States: []string{fd.state},
	}
	d.ID = corpus.DocumentID(d.Symbol, d.Language, "")
	for i, text := range fd.texts {
		p := corpus.Passage{
			ID: corpus.PassageID(d.ID, i+1), DocID: d.ID, Ordinal: i + 1, Number: fmt.Sprint(i + 1),
			Kind: corpus.KindParagraph, Text: text, Citation: fmt.Sprintf("%s, para. %d", d.Symbol, i+1),
		}
		p.Tags.States = []string{fd.state}
		for _, tp := range fd.topics {
			p.Tags.Topics = append(p.Tags.Topics, corpus.Tag{ID: tp})
		}
		d.Passages = append(d.Passages, p)
	}
	return d
}

// openFixture returns an Index over the fixture documents.
func openFixture(t testing.TB) *Index {
	t.Helper()
	ix, err := Open(buildFixtureIndex(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func pid(symbol string, ordinal int) string {
	return corpus.PassageID(corpus.DocumentID(symbol, "en", ""), ordinal)
}
