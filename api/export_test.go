package api

import (
	"bufio"
	"encoding/csv"
	"strings"
	"testing"
)

func TestExportStreamsEveryPage(t *testing.T) {
	srv := New(&fakeSearcher{n: 250}, Options{Logger: quietLogger(), MaxExportHits: 1000})
	cases := []struct {
		target string
		rows   int
		ctype  string
	}{
		{"/v1/export?q=lighthouse&format=csv", 250, "text/csv"},
		{"/v1/export?q=lighthouse&format=ndjson&limit=120", 120, "application/x-ndjson"},
		{"/v1/search?q=lighthouse&format=csv&size=10", 10, "text/csv"},
	}
	for _, c := range cases {
		t.Run(c.target, func(t *testing.T) {
			rec := do(t, srv, "GET", c.target, "", nil)
			if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), c.ctype) ||
				!strings.Contains(rec.Header().Get("Content-Disposition"), "attachment; filename=") {
				t.Fatalf("status %d headers %v", rec.Code, rec.Header())
			}
			rows := 0
			if strings.Contains(c.ctype, "csv") {
				all, err := csv.NewReader(rec.Body).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				rows = len(all) - 1
				if all[1][0] != "A/RES/99/1, para. 1" || !strings.HasPrefix(all[1][6], "France; Netherlands") || all[1][9] != "Sovereignty" ||
					!strings.HasPrefix(all[1][10], "'=") {
					t.Errorf("first row %q", all[1])
				}
			} else {
				sc := bufio.NewScanner(rec.Body)
				for sc.Scan() {
					rows++
				}
			}
			if rows != c.rows {
				t.Errorf("%d rows, want %d", rows, c.rows)
			}
		})
	}
}

func TestExportBadQueryIsJSONError(t *testing.T) {
	srv := New(&fakeSearcher{n: 5}, Options{Logger: quietLogger()})
	for _, target := range []string{"/v1/export?q=(((", "/v1/export?format=xls", "/v1/export?limit=0", "/v1/search?q=x&format=pdf"} {
		rec := do(t, srv, "GET", target, "", nil)
		if rec.Code != 400 || decodeError(t, rec).Hint == "" {
			t.Errorf("%s: status %d body %s", target, rec.Code, rec.Body)
		}
	}
}
