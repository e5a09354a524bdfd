package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

type risWriter struct{ w *bufio.Writer }

// NewRIS returns a writer of RIS records (one GOVDOC per passage), for
// reference managers such as Zotero and EndNote.
func NewRIS(w io.Writer) Writer { return &risWriter{w: bufio.NewWriter(w)} }

func (x *risWriter) Write(r Record) error {
	tag := func(t, v string) {
		if v = oneLine(v); v != "" {
			fmt.Fprintf(x.w, "%s  - %s\r\n", t, v)
		}
	}
	tag("TY", "GOVDOC")
	tag("TI", r.Title)
	for _, s := range r.States {
		tag("AU", s)
	}
	tag("PY", year(r.Date))
	tag("DA", strings.ReplaceAll(r.Date, "-", "/"))
	tag("PB", r.Body)
	tag("M3", r.Type)
	tag("CN", r.Symbol)
	tag("SE", r.Paragraph)
	tag("N1", r.Citation)
	tag("AB", r.Text)
	for _, k := range append(append([]string{}, r.Topics...), r.Principles...) {
		tag("KW", k)
	}
	tag("LA", r.Language)
	tag("UR", r.URL)
	tag("ID", r.PassageID)
	_, err := x.w.WriteString("ER  - \r\n\r\n")
	return err
}

func (x *risWriter) Close() error { return x.w.Flush() }

type bibWriter struct {
	w    *bufio.Writer
	keys map[string]int
}

// NewBibTeX returns a writer of BibTeX @misc entries, one per passage, keyed
// by passage id.
func NewBibTeX(w io.Writer) Writer { return &bibWriter{w: bufio.NewWriter(w), keys: map[string]int{}} }

func (b *bibWriter) Write(r Record) error {
	key := b.key(r)
	fmt.Fprintf(b.w, "@misc{%s,\n", key)
	field := func(name, v string) {
		if v = oneLine(v); v != "" {
			fmt.Fprintf(b.w, "  %s = {%s},\n", name, v)
		}
	}
	field("title", "{"+bibEscape(r.Title)+"}")
	authors := make([]string, len(r.States))
	for i, s := range r.States {
		authors[i] = "{" + bibEscape(s) + "}" // braces keep "Bosnia and Herzegovina" one author
	}
	field("author", strings.Join(authors, " and "))
	field("year", year(r.Date))
	field("date", bibEscape(r.Date))
	field("number", bibEscape(r.Symbol))
	field("howpublished", bibEscape(r.Body))
	field("type", bibEscape(r.Type))
	field("note", bibEscape(r.Citation))
	field("abstract", bibEscape(r.Text))
	field("keywords", bibEscape(strings.Join(append(append([]string{}, r.Topics...), r.Principles...), ", ")))
	field("language", bibEscape(r.Language))
	field("url", bibEscape(r.URL))
	_, err := b.w.WriteString("}\n\n")
	return err
}

// key returns a citation key made of the passage id's safe characters,
// made unique within the export.
func (b *bibWriter) key(r Record) string {
	id := r.PassageID
	if id == "" {
		id = r.DocumentID
	}
	var k strings.Builder
	for _, c := range id {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':' {
			k.WriteRune(c)
		} else {
			k.WriteByte('_')
		}
	}
	key := k.String()
	if key == "" {
		key = "passage"
	}
	b.keys[key]++
	if n := b.keys[key]; n > 1 {
		key = fmt.Sprintf("%s-%d", key, n)
	}
	return key
}

func (b *bibWriter) Close() error { return b.w.Flush() }

// bibEscaper escapes the characters TeX treats specially.
var bibEscaper = strings.NewReplacer(`\`, `\textbackslash{}`, `{`, `\{`, `}`, `\}`, `%`, `\%`,
	`&`, `\&`, `$`, `\$`, `#`, `\#`, `_`, `\_`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`)

func bibEscape(s string) string { return bibEscaper.Replace(s) }
