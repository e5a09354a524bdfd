// Package pdftext turns a PDF into the text a person would accept: words,
// lines, paragraphs and reading order rebuilt from glyph positions, running
// headers, footers and UN job numbers removed, hyphenated line breaks
// joined, footnotes kept apart from the body. It also runs extraction in a
// child process with time and memory limits (Isolated) for untrusted files.
//
// Text normalisation: ligatures (U+FB00-FB06) are expanded, soft hyphens
// removed, the non-breaking hyphen U+2011 becomes "-", odd spaces become
// " "; typographic quotes, dashes and the hyphen U+2010 are kept as printed
// (search analysers fold them; the text stays faithful for quotation).
//
// It imports the standard library, github.com/ledongthuc/pdf,
// golang.org/x/text and golang.org/x/sys.
package pdftext

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/charmap"
)

// Page is the text of one page.
type Page struct {
	Number    int      // 1-based
	Text      string   // body text in reading order: rows joined with "\n", a blank line between paragraphs
	Footnotes []string // the page's footnotes, one string each, apart from the body
	Furniture []string // rows removed as page furniture (running headers, footers, masthead, separators)
}

// Document is the extracted text of a PDF.
type Document struct {
	Pages []Page
	Title string // from the info dictionary, may be ""
}

var (
	// ErrNoTextLayer means no page carries any text: the PDF is scanned
	// images and needs OCR.
	ErrNoTextLayer = errors.New("no text layer (needs OCR)")
	// ErrEncrypted means the PDF is encrypted and cannot be read without a
	// password or with the encryption it uses.
	ErrEncrypted = errors.New("encrypted PDF")
)

// maxPages bounds the pages read from one file.
const maxPages = 5000

// ExtractFile extracts the text of the PDF at path.
func ExtractFile(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return Extract(f, st.Size())
}

// Extract extracts the text of the PDF of the given size read from r. It
// never panics: a malformed file gives an error starting "broken PDF".
func Extract(r io.ReaderAt, size int64) (doc *Document, err error) {
	defer func() {
		if x := recover(); x != nil {
			doc, err = nil, fmt.Errorf("broken PDF: %v", x)
		}
	}()
	rd, err := pdf.NewReader(r, size)
	if err != nil {
		return nil, openError(err)
	}
	pages := pageTree(rd.Trailer().Key("Root").Key("Pages"))
	if len(pages) == 0 {
		return nil, errors.New("broken PDF: no pages found")
	}
	doc = &Document{Title: strings.TrimSpace(rd.Trailer().Key("Info").Key("Title").Text())}
	var laid []*pageLines
	glyphs := 0
	for _, pv := range pages {
		pl, n := layoutPage(pv)
		glyphs += n
		laid = append(laid, pl)
	}
	if glyphs == 0 {
		return nil, ErrNoTextLayer
	}
	doc.Pages = assemble(laid)
	return doc, nil
}

func openError(err error) error {
	msg := err.Error()
	if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(msg, "encrypt") {
		return fmt.Errorf("%w: %v", ErrEncrypted, err)
	}
	return fmt.Errorf("broken PDF: %v", err)
}

// pageTree lists the page objects in order, bounded against cycles and
// hostile sizes.
func pageTree(root pdf.Value) []pdf.Value {
	var out []pdf.Value
	visits := 0
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		visits++
		if depth > 32 || visits > 4*maxPages || len(out) >= maxPages {
			return
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || kids.Kind() != pdf.Array {
			if !v.Key("Contents").IsNull() || v.Key("Type").Name() == "Page" {
				out = append(out, v)
			}
			return
		}
		for i := 0; i < kids.Len(); i++ {
			walk(kids.Index(i), depth+1)
		}
	}
	walk(root, 0)
	return out
}

// layoutPage reads one page into rows in reading order and reports how
// many visible glyphs it has.
func layoutPage(pv pdf.Value) (*pageLines, int) {
	gs, rules := walkPage(pv)
	n := 0
	for _, g := range gs {
		if !isBlank(g.s) {
			n++
		}
	}
	box := inherited(pv, "MediaBox")
	bot, top := box.Index(1).Float64(), box.Index(3).Float64()
	if top <= bot {
		bot, top = 0, 792
	}
	for i := range gs {
		gs[i].s = normalise(gs[i].s)
	}
	return &pageLines{lines: readingOrder(buildLines(gs)), rules: rules, top: top, bot: bot}, n
}

// assemble removes furniture, splits footnotes and builds page texts.
func assemble(laid []*pageLines) []Page {
	dropFurniture(laid)
	vocab := vocabulary(laid)
	joinByDefault := hyphenationUsual(laid, vocab)
	out := make([]Page, len(laid))
	for i, p := range laid {
		notes := splitFootnotes(p, bodySize(p.lines), vocab, joinByDefault)
		for j := range notes {
			notes[j] = finalText(notes[j])
		}
		var paras []string
		for _, rows := range pageParagraphs(p.lines) {
			paras = append(paras, strings.Join(joinHyphenated(rows, vocab, joinByDefault), "\n"))
		}
		out[i] = Page{Number: i + 1, Text: finalText(strings.Join(paras, "\n\n")), Footnotes: notes, Furniture: p.furniture}
	}
	return out
}

// finalText drops the soft hyphens once line breaks are resolved.
func finalText(s string) string { return strings.ReplaceAll(s, "\u00ad", "") }

var textNormaliser = strings.NewReplacer(
	"\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl",
	"\ufb05", "st", "\ufb06", "st", "\u2011", "-", "\u00a0", " ",
	"\u2002", " ", "\u2003", " ", "\u2009", " ", "\u202f", " ", "\u200b", "", "\ufeff", "",
)

// normalise applies the package's text normalisation to one glyph's text;
// soft hyphens stay until line joining, which needs them.
func normalise(s string) string {
	s = textNormaliser.Replace(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0x80 && r <= 0x9f:
			// C1 controls come from fonts whose bytes are Windows-1252.
			return charmap.Windows1252.DecodeByte(byte(r))
		case r < 0x20 || r == 0x7f || r == '\ufffd':
			return -1
		}
		return r
	}, s)
}
