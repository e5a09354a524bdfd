package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/precedent/precedent/search"
)

func init() {
	register("search", "search the index from the terminal, with filters and facet counts", runSearch)
}

// listFlag is a repeatable flag that also splits on commas: --state FRA --state NLD or --state FRA,NLD.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// searchOptions are the flags of precedent search.
type searchOptions struct {
	data    string
	json    bool
	req     search.Request
	filters map[string]*listFlag
	facets  listFlag
}

func (o *searchOptions) parse(args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.StringVar(&o.data, "data", "data", "data directory holding the index")
	fs.BoolVar(&o.json, "json", false, "print the response as JSON")
	fs.IntVar(&o.req.Size, "size", 10, "hits to show (at most 100)")
	fs.StringVar(&o.req.Sort, "sort", "relevance", "relevance, date or -date")
	fs.StringVar(&o.req.Unit, "unit", "passage", "passage or document")
	fs.StringVar(&o.req.From, "from", "", "earliest year or date")
	fs.StringVar(&o.req.To, "to", "", "latest year or date")
	fs.StringVar(&o.req.Cursor, "cursor", "", "next_cursor of a previous --json answer")
	fs.IntVar(&o.req.FacetSize, "facet-size", 10, "values shown per facet")
	fs.Var(&o.facets, "facets", "facet fields to count, comma-separated: "+strings.Join(search.FilterFields, ","))
	o.filters = map[string]*listFlag{}
	for _, f := range search.FilterFields {
		o.filters[f] = &listFlag{}
		fs.Var(o.filters[f], f, "filter by "+f+" (repeat or comma-separate for OR)")
	}
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: precedent search [flags] QUERY\n\nQUERY: words, \"exact phrase\", AND/OR/NOT, ( ), -word, field:value, prefix*, fuzzy~")
		fs.PrintDefaults()
	}
	words, err := parseInterspersed(fs, args) // flags may come before or after them
	if err != nil {
		return err
	}
	o.req.Query = strings.Join(words, " ")
	o.req.Facets = o.facets
	o.req.Highlight = !o.json
	o.req.Filters = map[string][]string{}
	for f, v := range o.filters {
		if len(*v) > 0 {
			o.req.Filters[f] = *v
		}
	}
	return nil
}

func runSearch(args []string) error {
	var o searchOptions
	if err := o.parse(args); err != nil {
		return err
	}
	ix, err := search.Open(o.data)
	if err != nil {
		return err
	}
	defer ix.Close()
	resp, err := ix.Search(context.Background(), o.req)
	var se *search.Error
	if errors.As(err, &se) {
		return fmt.Errorf("%s (%s)", se.Message, se.Hint)
	}
	if err != nil {
		return err
	}
	if o.json {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(resp)
	}
	printResponse(os.Stdout, resp, term.IsTerminal(int(os.Stdout.Fd())))
	return nil
}

// printResponse writes hits and facet counts as readable text; matches are
// bold on a terminal and [bracketed] elsewhere.
func printResponse(w io.Writer, resp *search.Response, tty bool) {
	open, closeMark := "[", "]"
	if tty {
		open, closeMark = "\x1b[1m", "\x1b[0m"
	}
	marks := strings.NewReplacer("<mark>", open, "</mark>", closeMark)
	fmt.Fprintf(w, "%d hits in %.1f ms\n\n", resp.Total, resp.TookMS)
	for i, h := range resp.Hits {
		fmt.Fprintf(w, "%2d. %s  (%s, %s)\n", i+1, h.Citation, h.Document.Date, strings.Join(h.Document.States, " "))
		text := html.UnescapeString(marks.Replace(h.Snippet))
		fmt.Fprintf(w, "    %s\n\n", strings.Join(strings.Fields(text), " "))
	}
	if resp.NextCursor != "" {
		fmt.Fprintf(w, "more: --cursor %s\n\n", resp.NextCursor)
	}
	for _, f := range resp.Facets {
		fmt.Fprintf(w, "%s (%d passages, %d without a value)\n", f.Field, f.Total, f.Missing)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, t := range f.Terms {
			fmt.Fprintf(tw, "  %6d\t%s\t%s\n", t.Count, t.Value, t.Label)
		}
		if f.Other > 0 {
			fmt.Fprintf(tw, "  %6d\t(other)\t\n", f.Other)
		}
		tw.Flush()
		fmt.Fprintln(w)
	}
}
