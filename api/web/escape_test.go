package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileText is an invented position paper whose paragraphs carry markup
// that would run script if the page parsed document text as HTML.
const hostileText = `Position of Freedonia on markup in cyberspace

1. Freedonia holds that a payload such as <script>window.__pwned = 1</script> must never run when a reader opens this sentinel paragraph.

2. Equally, <img src=x onerror="window.__pwned = 2"> and <b>bold</b> tags in a sentinel text stay literal, as does &lt;escaped&gt; text with "quotes" & ampersands.
`

// hostileMeta gives the document a title with markup, as a sidecar may.
const hostileMeta = `{"title": "Freedonia <img src=x onerror=\"window.__pwned = 3\"> position", "language": "en"}`

// TestBrowserShowsMarkupAsText indexes a document whose text holds HTML and
// checks that search results and the document view show it as text and that
// none of it runs.
func TestBrowserShowsMarkupAsText(t *testing.T) {
	chromiumPath(t)
	root := t.TempDir()
	files := map[string]string{"freedonia.txt": hostileText, "freedonia.meta.json": hostileMeta}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := startServer(t, root)
	p := newPage(t, base)
	defer p.checkNoExceptions()

	literal := []string{`<script>window.__pwned = 1</script>`, `<img src=x onerror="window.__pwned = 2">`, `<b>bold</b>`, `&lt;escaped&gt;`}
	check := func(t *testing.T, where, textSelector string) {
		p := p.in(t)
		text := eval[string](p, "[...document.querySelectorAll("+quoteJS(textSelector)+")].map(e => e.textContent).join('\\n')")
		for _, want := range literal {
			if !strings.Contains(text, want) {
				t.Errorf("%s does not show %q as text; it shows:\n%s", where, want, text)
			}
		}
		if n := eval[int](p, "document.querySelectorAll('#app script, #app img, #app b, #app [onerror]').length"); n != 0 {
			t.Errorf("%s turned document text into %d elements", where, n)
		}
		if got := eval[string](p, "typeof window.__pwned"); got != "undefined" {
			t.Errorf("%s ran the document's script: window.__pwned is %s", where, got)
		}
	}
	t.Run("search results", func(t *testing.T) {
		p.in(t).open("/?q=sentinel", "document.querySelectorAll('.hit').length === 2")
		if n := eval[int](p, "document.querySelectorAll('.hit .snippet mark').length"); n < 2 {
			t.Errorf("snippets highlight %d words, want the sentinel in each", n)
		}
		check(t, "the results", ".hit .snippet")
		checkTitle(t, p.in(t), ".hit h2")
	})
	t.Run("document", func(t *testing.T) {
		p.in(t).open("/?doc="+eval[string](p, "new URL(document.querySelector('.hit h2 a').href).searchParams.get('doc')"),
			"document.querySelector('main.document .passage')")
		check(t, "the document", ".passage .text")
		checkTitle(t, p.in(t), "main h1")
		p.in(t).shot("markup-as-text")
	})
}

// checkTitle checks that the hostile title shows as text at selector.
func checkTitle(t *testing.T, p *page, selector string) {
	t.Helper()
	want := `Freedonia <img src=x onerror="window.__pwned = 3"> position`
	if got := eval[string](p, "document.querySelector("+quoteJS(selector)+").textContent"); got != want {
		t.Errorf("%s shows %q, want the title as text %q", selector, got, want)
	}
}
