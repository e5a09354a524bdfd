package indexer

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/lineage"
)

// The tests run the indexer on testdata/corpus with this small loader of
// their own, so they do not depend on the real corpus packages: .json files
// carry symbol/title/date/text, .txt and .md are paragraphs separated by
// blank lines, .bin is declined, and a file saying PANIC makes it panic.
func fixtureLoad(root, rel string) (*corpus.Document, error) {
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	text := string(b)
	if strings.Contains(text, "PANIC") {
		panic("fixture loader asked to panic")
	}
	doc := &corpus.Document{Language: "en", Body: corpus.BodyOther, Type: corpus.TypeOther, Source: rel}
	switch path.Ext(rel) {
	case ".bin":
		return nil, &Skipped{Reason: "unsupported format"}
	case ".json":
		var j struct{ Symbol, Title, Date, Text string }
		if err := json.Unmarshal(b, &j); err != nil {
			return nil, err
		}
		doc.Symbol, doc.Title, doc.Date, text = j.Symbol, j.Title, j.Date, j.Text
		doc.Body, doc.Type = corpus.BodyGA, corpus.TypeDraftResolution
	default:
		if strings.Contains(rel, "-fr") {
			doc.Language = "fr"
		}
		if strings.HasPrefix(rel, "positions/") {
			doc.Body, doc.Type, doc.States = corpus.BodyNational, corpus.TypeNationalPosition, []string{"RUR"}
		}
	}
	doc.ID = corpus.DocumentID(doc.Symbol, doc.Language, rel)
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	if doc.Title == "" {
		doc.Title = strings.TrimLeft(paras[0], "# ")
	}
	number := regexp.MustCompile(`^(\d+)\. `)
	for _, p := range paras[1:] {
		ps := corpus.Passage{DocID: doc.ID, Ordinal: len(doc.Passages) + 1, Kind: corpus.KindParagraph, Text: p}
		if m := number.FindStringSubmatch(p); m != nil {
			ps.Number, ps.Kind = m[1], corpus.KindOperative
		}
		ps.ID = corpus.PassageID(doc.ID, ps.Ordinal)
		doc.Passages = append(doc.Passages, ps)
	}
	return doc, nil
}

func fixtureTag(doc *corpus.Document) {
	for i := range doc.Passages {
		p := &doc.Passages[i]
		if at := strings.Index(p.Text, "lighthouse"); at >= 0 {
			p.Tags.Topics = append(p.Tags.Topics, corpus.Tag{ID: "cbms",
				Evidence: []corpus.Evidence{{Phrase: "lighthouse", Start: at, End: at + len("lighthouse")}}})
		}
	}
}

// prefixLineage puts passages whose first 24 bytes agree into one family.
type prefixLineage struct{ ids, keys []string }

func (l *prefixLineage) Add(id, _, text string) {
	l.ids = append(l.ids, id)
	l.keys = append(l.keys, strings.ToLower(text[:min(24, len(text))]))
}

func (l *prefixLineage) Families() (lineage.Membership, error) {
	first := map[string]string{}
	for i, k := range l.keys {
		if f, ok := first[k]; !ok || l.ids[i] < f {
			first[k] = l.ids[i]
		}
	}
	fams := lineage.Membership{Number: make([]uint32, len(l.keys))}
	number := map[string]uint32{}
	for i, k := range l.keys {
		n, ok := number[first[k]]
		if !ok {
			fams.IDs = append(fams.IDs, "fam-"+first[k])
			n = uint32(len(fams.IDs))
			number[first[k]] = n
		}
		fams.Number[i] = n
	}
	return fams, nil
}

func (l *prefixLineage) Close() error { return nil }

func fixtureOptions(t testing.TB, corpusDir string) Options {
	t.Helper()
	return Options{
		Corpus:         corpusDir,
		Data:           t.TempDir(),
		Load:           fixtureLoad,
		IsMetadataFile: func(name string) bool { return name == "MANIFEST.json" || strings.HasSuffix(name, ".meta.json") },
		Tag:            fixtureTag,
		NewLineage:     func() Lineage { return &prefixLineage{} },
		Version:        "test",
	}
}

// copyTree copies the fixture corpus into a temporary directory the test may change.
func copyTree(t testing.TB, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}
