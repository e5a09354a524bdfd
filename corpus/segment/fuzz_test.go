package segment

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/precedent/precedent/corpus"
)

func FuzzSegment(f *testing.F) {
	if data, err := os.ReadFile("testdata/resolution.txt"); err == nil {
		f.Add(string(data), "A/RES/88/301", "88/301. Lighthouses and coastal signalling")
	}
	f.Add("1.\n(a) (i)\n§\n1.1.1.1.\nAnnex\nArticle 1\n\n\n2/2\n____\n* On behalf of\n1 x", "", "")
	f.Add("The General Assembly,\n\nRecalling,\n\n(a)\n\n(i)\n(ii) x\n\f\n\n-----------", "A/1", "x")
	f.Fuzz(func(t *testing.T, text, symbol, title string) {
		d := &corpus.Document{ID: "f", Symbol: symbol, Title: title}
		Pages(d, SplitPages(text))
		for i, p := range d.Passages {
			if p.Ordinal != i+1 || p.Text == "" || strings.Contains(p.Text, "\n") || !utf8.ValidString(p.Text) && utf8.ValidString(text) {
				t.Fatalf("passage %d: %+v", i, p)
			}
			if p.PageFrom > p.PageTo {
				t.Fatalf("passage %d: pages %d-%d", i, p.PageFrom, p.PageTo)
			}
		}
	})
}
