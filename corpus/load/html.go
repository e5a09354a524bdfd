package load

import (
	"bytes"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/precedent/precedent/corpus/segment"
)

// maxHTMLDepth bounds the nesting the HTML reader descends into.
const maxHTMLDepth = 512

// readHTML reads an HTML file into headings (h1-h6) and paragraphs (p, li,
// blockquote, td and other block text); scripts, styles, navigation and
// forms are left out.
func readHTML(data []byte) (text, error) {
	if err := validText(data); err != nil {
		return text{}, err
	}
	root, err := html.Parse(bytes.NewReader(htmlUTF8(data)))
	if err != nil {
		return text{}, &SkipError{Reason: "broken HTML: " + err.Error()}
	}
	r := htmlReader{}
	r.walk(root, 0)
	r.flush()
	return text{blocks: nonNil(r.blocks), title: r.title}, nil
}

// htmlUTF8 decodes an HTML file to UTF-8 by its byte order mark or
// <meta charset>, else as UTF-8 (or Windows-1252 when that is invalid).
func htmlUTF8(data []byte) []byte {
	if enc, name, certain := charset.DetermineEncoding(data, ""); certain && name != "utf-8" {
		if dec, err := enc.NewDecoder().Bytes(data); err == nil {
			return dec
		}
	}
	return []byte(textOf(data))
}

type htmlReader struct {
	blocks []segment.Block
	cur    strings.Builder // text of the block being read
	title  string
}

var skipped = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Nav: true, atom.Noscript: true,
	atom.Form: true, atom.Template: true, atom.Svg: true, atom.Iframe: true, atom.Object: true}

var headingLevels = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

var blockTags = map[atom.Atom]bool{atom.P: true, atom.Li: true, atom.Div: true, atom.Blockquote: true,
	atom.Td: true, atom.Th: true, atom.Dd: true, atom.Dt: true, atom.Pre: true, atom.Section: true,
	atom.Article: true, atom.Br: true, atom.Tr: true, atom.Ul: true, atom.Ol: true, atom.Table: true,
	atom.Header: true, atom.Footer: true, atom.Main: true, atom.Body: true}

func (r *htmlReader) walk(n *html.Node, depth int) {
	if depth > maxHTMLDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		r.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipped[n.DataAtom] {
			return
		}
		if n.DataAtom == atom.Title {
			r.title = strings.Join(strings.Fields(textContent(n, 0)), " ")
			return
		}
		if level := headingLevels[n.DataAtom]; level > 0 {
			r.flush()
			r.blocks = append(r.blocks, segment.Block{Level: level, Text: textContent(n, depth), Page: 1})
			return
		}
		if blockTags[n.DataAtom] {
			r.flush()
			defer r.flush()
		}
		if n.DataAtom == atom.Li {
			r.cur.WriteString(itemNumber(n))
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, depth+1)
	}
}

// flush ends the paragraph being read.
func (r *htmlReader) flush() {
	t := strings.Join(strings.Fields(r.cur.String()), " ")
	r.cur.Reset()
	if t != "" {
		r.blocks = append(r.blocks, segment.Block{Text: t, Page: 1})
	}
}

// itemNumber returns "N. " for an item of an ordered list.
func itemNumber(li *html.Node) string {
	if li.Parent == nil || li.Parent.DataAtom != atom.Ol {
		return ""
	}
	n := 1
	for s := li.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode && s.DataAtom == atom.Li {
			n++
		}
	}
	return strconv.Itoa(n) + ". "
}

func textContent(n *html.Node, depth int) string {
	var b strings.Builder
	var walk func(*html.Node, int)
	walk = func(n *html.Node, d int) {
		if d > maxHTMLDepth || n.Type == html.ElementNode && skipped[n.DataAtom] {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, d+1)
		}
	}
	walk(n, depth)
	return strings.Join(strings.Fields(b.String()), " ")
}
