package pdftext

import (
	"bytes"
	"fmt"
	"strings"
)

// A tiny PDF writer for fixtures: pages of text drawn at given positions in
// a monospaced font with explicit widths (600/1000 em), WinAnsi encoded.

type fixtureText struct {
	x, y, size float64
	s          string
}

type fixturePage struct {
	texts []fixtureText
	rules [][4]float64 // x, y, w, h filled rectangles
}

type fixtureOptions struct {
	title     string
	encrypted bool
}

func buildPDF(pages []fixturePage, opt fixtureOptions) []byte {
	var objs []string
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 5+2*i)
	}
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>")
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	widths := strings.TrimSpace(strings.Repeat("600 ", 224))
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths ["+widths+"] >>")
	objs = append(objs, fmt.Sprintf("<< /Title (%s) >>", escapePDF(opt.title)))
	for _, p := range pages {
		content := pageContent(p)
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents "+fmt.Sprint(len(objs)+2)+" 0 R >>")
		objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	enc := ""
	if opt.encrypted {
		enc = " /Encrypt << /Filter /MadeUpCipher /V 9 >> /ID [(a) (a)]"
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, enc, xref)
	return b.Bytes()
}

func pageContent(p fixturePage) string {
	var b strings.Builder
	for _, r := range p.rules {
		fmt.Fprintf(&b, "%g %g %g %g re f\n", r[0], r[1], r[2], r[3])
	}
	for _, t := range p.texts {
		fmt.Fprintf(&b, "BT /F1 %g Tf 1 0 0 1 %g %g Tm (%s) Tj ET\n", t.size, t.x, t.y, escapePDF(t.s))
	}
	return b.String()
}

// escapePDF writes s as a PDF literal string body in WinAnsi (Latin-1 for
// the characters the fixtures use).
func escapePDF(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 256:
			b.WriteByte(byte(r))
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// rowsAt lays out rows of text top-down from y at x, 12 pt apart.
func rowsAt(x, y, size float64, rows ...string) []fixtureText {
	out := make([]fixtureText, len(rows))
	for i, r := range rows {
		out[i] = fixtureText{x: x, y: y - 12*float64(i), size: size, s: r}
	}
	return out
}
