package load

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	mdtext "github.com/yuin/goldmark/text"

	"github.com/precedent/precedent/corpus/segment"
)

// readMarkdown reads a Markdown file into headings and paragraphs; items
// of ordered lists keep their numbers ("3. ...").
func readMarkdown(data []byte) (text, error) {
	if err := validText(data); err != nil {
		return text{}, err
	}
	src := []byte(textOf(data))
	doc := goldmark.New().Parser().Parse(mdtext.NewReader(src))
	var blocks []segment.Block
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			blocks = append(blocks, segment.Block{Level: n.Level, Text: inlineText(n, src), Page: 1})
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *ast.CodeBlock, *ast.FencedCodeBlock:
			t := inlineText(n, src)
			if n.Kind() == ast.KindCodeBlock || n.Kind() == ast.KindFencedCodeBlock {
				t = linesText(n.Lines(), src)
			}
			if strings.TrimSpace(t) != "" {
				blocks = append(blocks, segment.Block{Text: listPrefix(n) + t, Page: 1})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	var title string
	for _, b := range blocks {
		if b.Level == 1 {
			title = b.Text
			break
		}
	}
	return text{blocks: nonNil(blocks), title: title}, nil
}

// listPrefix returns "N. " for the first paragraph of an item of an
// ordered list, so that its number is kept.
func listPrefix(n ast.Node) string {
	item, ok := n.Parent().(*ast.ListItem)
	if !ok || item.FirstChild() != n {
		return ""
	}
	list, ok := item.Parent().(*ast.List)
	if !ok || !list.IsOrdered() {
		return ""
	}
	num := list.Start
	for c := list.FirstChild(); c != nil && c != ast.Node(item); c = c.NextSibling() {
		num++
	}
	return strconv.Itoa(num) + ". "
}

// inlineText returns the text of a block's inline content; images are
// left out, line breaks become spaces.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Image:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.URL(src))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

func linesText(segs *mdtext.Segments, src []byte) string {
	var b strings.Builder
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		b.Write(s.Value(src))
	}
	return b.String()
}

// nonNil makes an empty block list non-nil, so that build segments it as
// blocks.
func nonNil(b []segment.Block) []segment.Block {
	if b == nil {
		return []segment.Block{}
	}
	return b
}
