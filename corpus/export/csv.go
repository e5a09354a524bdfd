package export

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"
)

// Columns are the CSV header, in their fixed order.
var Columns = []string{"citation", "symbol", "title", "date", "body", "type", "states",
	"paragraph", "topics", "principles", "text"}

type csvWriter struct {
	w      *csv.Writer
	header bool
}

// NewCSV returns a CSV writer: a header row of Columns, then one row per
// Record; lists are joined with "; ".
func NewCSV(w io.Writer) Writer { return &csvWriter{w: csv.NewWriter(w)} }

func (c *csvWriter) Write(r Record) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(Columns); err != nil {
			return err
		}
	}
	row := []string{r.Citation, r.Symbol, r.Title, r.Date, r.Body, r.Type, strings.Join(r.States, "; "),
		r.Paragraph, strings.Join(r.Topics, "; "), strings.Join(r.Principles, "; "), r.Text}
	for i, v := range row {
		row[i] = defuse(v)
	}
	return c.w.Write(row)
}

// Close writes the header if no row came, and flushes.
func (c *csvWriter) Close() error {
	if !c.header {
		c.header = true
		if err := c.w.Write(Columns); err != nil {
			return err
		}
	}
	c.w.Flush()
	return c.w.Error()
}

// defuse keeps a spreadsheet from reading a cell as a formula (CSV
// injection): a value starting with = + - @ or a tab gets a leading quote.
func defuse(v string) string {
	if v == "" {
		return v
	}
	switch v[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + v
	}
	return v
}

type ndjsonWriter struct{ enc *json.Encoder }

// NewNDJSON returns a writer of one JSON object per line.
func NewNDJSON(w io.Writer) Writer {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &ndjsonWriter{enc: enc}
}

func (n *ndjsonWriter) Write(r Record) error { return n.enc.Encode(r) }

// Close does nothing: every line is written at once.
func (n *ndjsonWriter) Close() error { return nil }
