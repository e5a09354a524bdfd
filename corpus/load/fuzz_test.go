package load

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/precedent/precedent/corpus"
)

// checkDocument asserts what every loaded document must satisfy, whatever
// its input: ordinals and ids in order, clean passage text, a citation.
func checkDocument(t *testing.T, d *corpus.Document) {
	t.Helper()
	for i, p := range d.Passages {
		if p.Ordinal != i+1 || p.ID != corpus.PassageID(d.ID, i+1) || p.DocID != d.ID {
			t.Fatalf("passage %d: ordinal %d id %q doc %q", i, p.Ordinal, p.ID, p.DocID)
		}
		if p.Text == "" || strings.ContainsAny(p.Text, "\n\t") || p.Text != strings.TrimSpace(p.Text) || !utf8.ValidString(p.Text) {
			t.Fatalf("passage %d: text %q", i, p.Text)
		}
		if p.Citation == "" {
			t.Fatalf("passage %d: no citation", i)
		}
	}
}

func FuzzLoadHTML(f *testing.F) {
	f.Add([]byte("<h1>Keepers</h1><p>1. Keep the light.</p><ol><li>Report storms.</li></ol>"))
	f.Add([]byte("<html><script>x</script><div><p>Nested <b>bold</b></div></p><h9>odd</h9>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		txt, err := readHTML(data)
		if err != nil {
			return
		}
		checkDocument(t, build("f.html", "", Meta{}, txt))
	})
}

func FuzzLoadMarkdown(f *testing.F) {
	f.Add([]byte("# Keepers\n\nWe keep the light.\n\n3. Report storms.\n4. Share charts.\n"))
	f.Add([]byte("> quote\n\n```\ncode\n```\n\n- [link](x)\n\n![img](y)\n\n## \n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		txt, err := readMarkdown(data)
		if err != nil {
			return
		}
		checkDocument(t, build("f.md", "", Meta{}, txt))
	})
}

func FuzzMetadata(f *testing.F) {
	f.Add([]byte(`{"title":"Keepers","symbol":"A/1/2","states":["RUR"],"date":"2030","completeness":"partial"}`),
		[]byte(`[{"file":"a.txt","title":"Call","groups":["EU"],"language":"FR"}]`))
	f.Add([]byte(`{"title":null,"states":null}`), []byte(`[null, {}]`))
	f.Fuzz(func(t *testing.T, sidecar, manifest []byte) {
		txt := text{pages: nil}
		if m, err := ParseSidecar(sidecar); err == nil {
			d := build("a.txt", "", m, txt)
			if d.ID == "" || d.Title == "" {
				t.Fatalf("document without id or title: %+v", d)
			}
		}
		if ms, err := ParseManifest(manifest); err == nil {
			for _, m := range ms {
				checkDocument(t, build("a.txt", "", m, readPlainOrEmpty("Keepers keep the light.")))
			}
		}
	})
}

func readPlainOrEmpty(s string) text {
	t, err := readPlain([]byte(s))
	if err != nil {
		return text{}
	}
	return t
}
