package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/load"
	"github.com/precedent/precedent/corpus/tag"
)

func init() {
	register("extract", "print what the indexer sees in one file (text, or --json metadata and passages)", runExtract)
}

// extractOptions are the flags of precedent extract.
type extractOptions struct {
	file string
	json bool
}

func (o *extractOptions) parse(args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.BoolVar(&o.json, "json", false, "print the detected metadata and passages as JSON")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: precedent extract FILE [--json]")
		fs.PrintDefaults()
	}
	files, err := parseInterspersed(fs, args) // flags may come before or after them
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return errors.New("extract needs exactly one FILE")
	}
	o.file = files[0]
	return nil
}

func runExtract(args []string) error {
	var o extractOptions
	if err := o.parse(args); err != nil {
		return err
	}
	abs, err := filepath.Abs(o.file)
	if err != nil {
		return err
	}
	doc, err := load.File(filepath.Dir(abs), filepath.Base(abs), load.Options{})
	if err != nil {
		return err
	}
	tag.Document(doc)
	if o.json {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	return printDocument(os.Stdout, doc)
}

// printDocument writes the metadata and passages of doc as text, each
// passage under its heading path with its citation, pages and tags.
func printDocument(w io.Writer, d *corpus.Document) error {
	fmt.Fprintf(w, "%s\n", d.Title)
	for _, f := range [][2]string{{"symbol", d.Symbol}, {"date", d.Date}, {"body", d.Body}, {"type", d.Type},
		{"session", d.Session}, {"agenda item", d.AgendaItem}, {"language", d.Language},
		{"states", strings.Join(d.States, ", ")}, {"groups", strings.Join(d.Groups, ", ")},
		{"sponsors", d.Sponsors}, {"on behalf of", d.OnBehalfOf}, {"completeness", d.Completeness}} {
		if f[1] != "" {
			fmt.Fprintf(w, "%-13s %s\n", f[0]+":", f[1])
		}
	}
	fmt.Fprintf(w, "%d passages\n", len(d.Passages))
	var path []string
	for _, p := range d.Passages {
		if strings.Join(p.Headings, "\x00") != strings.Join(path, "\x00") {
			path = p.Headings
			fmt.Fprintf(w, "\n== %s\n", strings.Join(path, " > "))
		}
		fmt.Fprintf(w, "\n[%s] %s (p. %s)\n%s\n", p.Kind, p.Citation, pageRange(p), p.Text)
		if tags := tagLine(p.Tags); tags != "" {
			fmt.Fprintf(w, "  tags: %s\n", tags)
		}
	}
	return nil
}

// tagLine summarises a passage's tags: "topics norms; norms 13f; ...".
func tagLine(t corpus.Tags) string {
	var parts []string
	for _, f := range []struct {
		name string
		ids  []string
	}{{"topics", corpus.IDs(t.Topics)}, {"norms", corpus.IDs(t.Norms)}, {"principles", corpus.IDs(t.Principles)},
		{"states", t.States}, {"groups", t.Groups}, {"mentions", corpus.IDs(t.Mentions)}} {
		if len(f.ids) > 0 {
			parts = append(parts, f.name+" "+strings.Join(f.ids, ","))
		}
	}
	return strings.Join(parts, "; ")
}

func pageRange(p corpus.Passage) string {
	if p.PageTo > p.PageFrom {
		return fmt.Sprintf("%d-%d", p.PageFrom, p.PageTo)
	}
	return fmt.Sprint(p.PageFrom)
}
