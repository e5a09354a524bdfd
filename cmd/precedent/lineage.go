package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/lineage"
	"github.com/precedent/precedent/corpus/load"
	"github.com/precedent/precedent/search"
)

func init() {
	register("lineage", "trace wording: where it first appeared and every later version, with word diffs", runLineage)
}

// lineageOptions are the flags of precedent lineage.
type lineageOptions struct {
	data   string // index data directory (the default source)
	corpus string // corpus folder to compute over instead of the index
	text   string
}

func (o *lineageOptions) parse(args []string) error {
	fs := flag.NewFlagSet("lineage", flag.ContinueOnError)
	fs.StringVar(&o.data, "data", "data", "data directory holding the index")
	fs.StringVar(&o.corpus, "corpus", "", "compute over this corpus folder with no index (slower: loads and groups every file)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: precedent lineage [--data DIR | --corpus DIR] \"TEXT\"   (TEXT - reads standard input)")
		fs.PrintDefaults()
	}
	words, err := parseInterspersed(fs, args) // flags may come before or after them
	if err != nil {
		return err
	}
	o.text = strings.Join(words, " ")
	if o.text == "-" {
		b, err := io.ReadAll(os.Stdin)
		if err != nil {
			return err
		}
		o.text = string(b)
	}
	if strings.TrimSpace(o.text) == "" {
		fs.Usage()
		return errors.New("lineage needs the TEXT to trace")
	}
	return nil
}

// version is one passage carrying the traced wording, as printed.
type version struct {
	date, citation, text string
	similarity           float64
}

func runLineage(args []string) error {
	var o lineageOptions
	if err := o.parse(args); err != nil {
		return err
	}
	var versions []version
	var err error
	if o.corpus != "" {
		versions, err = traceCorpus(o.corpus, o.text)
	} else {
		versions, err = traceIndex(o.data, o.text)
	}
	if err != nil {
		return err
	}
	printVersions(os.Stdout, versions)
	return nil
}

// traceIndex asks the index (search.LineageOfText).
func traceIndex(data, text string) ([]version, error) {
	ix, err := search.Open(data)
	if err != nil {
		return nil, fmt.Errorf("%w (build the index with precedent index, or pass --corpus DIR)", err)
	}
	defer ix.Close()
	l, err := ix.LineageOfText(context.Background(), text)
	var se *search.Error
	if errors.As(err, &se) {
		return nil, fmt.Errorf("%s (%s)", se.Message, se.Hint)
	}
	if err != nil {
		return nil, err
	}
	out := make([]version, len(l.Members))
	for i, m := range l.Members {
		out[i] = version{date: m.Document.Date, citation: m.Citation, text: m.Passage.Text, similarity: m.Similarity}
	}
	return out, nil
}

// traceCorpus loads every document under dir and traces text over its
// passages with lineage.Trace.
func traceCorpus(dir, text string) ([]version, error) {
	var items []lineage.Item
	passages := map[string]corpus.Passage{}
	dates := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || load.IsMetadataFile(path) {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		doc, err := load.File(dir, rel, load.Options{})
		var skip *load.SkipError
		if errors.As(err, &skip) {
			fmt.Fprintf(os.Stderr, "skipped %s\n", skip)
			return nil
		}
		if err != nil {
			return err
		}
		for _, p := range doc.Passages {
			if p.Kind != corpus.KindFootnote {
				items = append(items, lineage.Item{ID: p.ID, Date: doc.Date, Words: lineage.Normalise(p.Text)})
				passages[p.ID], dates[p.ID] = p, doc.Date
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []version
	for _, m := range lineage.Trace(text, items) {
		p := passages[m.ID]
		out = append(out, version{date: dates[m.ID], citation: p.Citation, text: p.Text, similarity: m.Similarity})
	}
	return out, nil
}

// printVersions prints the earliest version in full and every later one
// as a word diff against the version before it.
func printVersions(w io.Writer, versions []version) {
	if len(versions) == 0 {
		fmt.Fprintln(w, "This wording was not found in the corpus.")
		return
	}
	first := versions[0]
	fmt.Fprintf(w, "First appeared: %s  %s  (similarity %.2f)\n  %s\n", orUnknown(first.date), first.citation,
		first.similarity, oneLine(first.text))
	if len(versions) > 1 {
		fmt.Fprintf(w, "\n%d later versions ([-deleted-] {+inserted+} against the version before):\n", len(versions)-1)
	}
	for i, v := range versions[1:] {
		diff := lineage.Render(lineage.Diff(versions[i].text, v.text))
		if oneLine(versions[i].text) == oneLine(v.text) {
			diff = "(same wording)"
		}
		fmt.Fprintf(w, "\n%s  %s  (similarity %.2f)\n  %s\n", orUnknown(v.date), v.citation, v.similarity, diff)
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func orUnknown(date string) string {
	if date == "" {
		return "date unknown"
	}
	return date
}
