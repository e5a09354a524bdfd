package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// sample is an invented passage with characters each format must escape.
var sample = Record{
	Citation: "A/RES/99/1, para. 3 (b)", Symbol: "A/RES/99/1", Title: `Harbours {beacons} & "tides"`,
	Date: "2031-12-01", Body: "General Assembly", Type: "Resolution", States: []string{"Bosnia and Herzegovina", "France"},
	Paragraph: "3 (b)", Topics: []string{"Capacity-building"}, Principles: []string{"Sovereignty", "Due diligence"},
	Text: "Keepers share 100% of\ntide_tables, at a cost of $0 #1 ~ ^", DocumentID: "A_RES_99_1.en", PassageID: "A_RES_99_1.en-p3",
	Language: "en",
}

func write(t *testing.T, format string, recs ...Record) string {
	t.Helper()
	f, err := Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w := f.New(&b)
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestCSVColumnsAndValues(t *testing.T) {
	formula := sample
	formula.Text = "=HYPERLINK(\"x\")"
	rows, err := csv.NewReader(strings.NewReader(write(t, "csv", sample, formula))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "citation,symbol,title,date,body,type,states,paragraph,topics,principles,text" {
		t.Errorf("header %q", rows[0])
	}
	want := []string{sample.Citation, sample.Symbol, sample.Title, sample.Date, sample.Body, sample.Type,
		"Bosnia and Herzegovina; France", "3 (b)", "Capacity-building", "Sovereignty; Due diligence", sample.Text}
	for i, v := range want {
		if rows[1][i] != v {
			t.Errorf("column %s = %q, want %q", Columns[i], rows[1][i], v)
		}
	}
	if rows[2][10] != `'=HYPERLINK("x")` {
		t.Errorf("formula not defused: %q", rows[2][10])
	}
}

func TestCSVEmptyHasHeader(t *testing.T) {
	if got := write(t, "csv"); got != strings.Join(Columns, ",")+"\n" {
		t.Errorf("empty export %q", got)
	}
}

func TestNDJSONRoundTrips(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(write(t, "ndjson", sample, sample)), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	var back Record
	if err := json.Unmarshal([]byte(lines[0]), &back); err != nil || back.Text != sample.Text || back.States[0] != sample.States[0] {
		t.Errorf("round trip: %v %+v", err, back)
	}
}

func TestRIS(t *testing.T) {
	got := write(t, "ris", sample)
	for _, want := range []string{"TY  - GOVDOC\r\n", "AU  - Bosnia and Herzegovina\r\n", "PY  - 2031\r\n",
		"DA  - 2031/12/01\r\n", "SE  - 3 (b)\r\n", "AB  - Keepers share 100% of tide_tables, at a cost of $0 #1 ~ ^\r\n",
		"KW  - Due diligence\r\n", "ID  - A_RES_99_1.en-p3\r\n", "ER  - \r\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("RIS lacks %q:\n%s", want, got)
		}
	}
}

func TestBibTeX(t *testing.T) {
	got := write(t, "bibtex", sample, sample)
	for _, want := range []string{"@misc{A_RES_99_1.en-p3,\n", "@misc{A_RES_99_1.en-p3-2,\n",
		`title = {{Harbours \{beacons\} \& "tides"}},`, "author = {{Bosnia and Herzegovina} and {France}},",
		`abstract = {Keepers share 100\% of tide\_tables, at a cost of \$0 \#1 \textasciitilde{} \textasciicircum{}},`,
		"year = {2031},"} {
		if !strings.Contains(got, want) {
			t.Errorf("BibTeX lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "{") != strings.Count(got, "}") {
		t.Errorf("unbalanced braces:\n%s", got)
	}
}

func TestLookupUnknown(t *testing.T) {
	if _, err := Lookup("xlsx"); err == nil || !strings.Contains(err.Error(), "bibtex, csv, ndjson, ris") {
		t.Errorf("Lookup(xlsx) = %v", err)
	}
}

func BenchmarkCSV(b *testing.B) {
	b.ReportAllocs()
	f, _ := Lookup("csv")
	for b.Loop() {
		w := f.New(&bytes.Buffer{})
		for range 100 {
			w.Write(sample)
		}
		w.Close()
	}
}
