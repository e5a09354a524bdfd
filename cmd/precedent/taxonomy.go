package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/precedent/precedent/corpus"
)

func init() {
	register("taxonomy", "print the topics, norms, principles, states and groups (--json for JSON)", runTaxonomy)
}

// taxonomyOptions are the flags of precedent taxonomy.
type taxonomyOptions struct {
	json bool
}

func (o *taxonomyOptions) parse(args []string) error {
	fs := flag.NewFlagSet("taxonomy", flag.ContinueOnError)
	fs.BoolVar(&o.json, "json", false, "print as JSON")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: precedent taxonomy [--json]")
		fs.PrintDefaults()
	}
	return parseFlags(fs, args)
}

// taxonomy is the JSON form of the taxonomy and gazetteer.
type taxonomy struct {
	Topics     []corpus.Concept `json:"topics"`
	Norms      []corpus.Concept `json:"norms"`
	Principles []corpus.Concept `json:"principles"`
	States     []corpus.State   `json:"states"`
	Groups     []corpus.Group   `json:"groups"`
}

func runTaxonomy(args []string) error {
	var o taxonomyOptions
	if err := o.parse(args); err != nil {
		return err
	}
	tx := taxonomy{Topics: corpus.Topics(), Norms: corpus.Norms(), Principles: corpus.Principles(),
		States: corpus.States(), Groups: corpus.Groups()}
	if o.json {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(tx)
	}
	return printTaxonomy(os.Stdout, tx)
}

// printTaxonomy writes the taxonomy as aligned text tables.
func printTaxonomy(out io.Writer, tx taxonomy) error {
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	for _, sec := range []struct {
		title    string
		concepts []corpus.Concept
	}{{"TOPICS", tx.Topics}, {"NORMS (under topic norms)", tx.Norms}, {"PRINCIPLES", tx.Principles}} {
		fmt.Fprintf(w, "%s\n", sec.title)
		for _, c := range sec.concepts {
			fmt.Fprintf(w, "  %s\t%s\t%s\n", c.ID, c.Label, c.Definition)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "GROUPS\n")
	for _, g := range tx.Groups {
		fmt.Fprintf(w, "  %s\t%s\t%d members\n", g.ID, g.Name, len(g.Members))
	}
	fmt.Fprintf(w, "\nSTATES (%d)\n", len(tx.States))
	for _, s := range tx.States {
		name := s.Name
		if s.Observer {
			name += " (observer)"
		}
		fmt.Fprintf(w, "  %s\t%s\t%s\n", s.Code, name, strings.Join(s.Groups, " "))
	}
	return w.Flush()
}
