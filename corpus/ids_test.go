package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDocumentID(t *testing.T) {
	tests := []struct{ symbol, lang, source, want string }{
		{"A/RES/73/27", "en", "ga/A_RES_73_27.json", "A_RES_73_27.en"},
		{"A/C.1/80/L.13", "fr", "", "A_C.1_80_L.13.fr"},
		{"A/70/174", "", "x.pdf", "A_70_174"},
		{"", "en", "positions-excerpts/france.txt", "positions-excerpts_france"},
		{"", "fr", "other/paris call (fr).md", "other_paris_call__fr_"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := DocumentID(tt.symbol, tt.lang, tt.source); got != tt.want {
				t.Errorf("DocumentID(%q, %q, %q) = %q, want %q", tt.symbol, tt.lang, tt.source, got, tt.want)
			}
		})
	}
	if got := PassageID("A_70_174.en", 12); got != "A_70_174.en-p12" {
		t.Errorf("PassageID = %q", got)
	}
}

func TestYear(t *testing.T) {
	for date, want := range map[string]int{"2015-07-22": 2015, "2021": 2021, "": 0, "n.d.": 0} {
		d := Document{Date: date}
		if got := d.Year(); got != want {
			t.Errorf("Year(%q) = %d, want %d", date, got, want)
		}
	}
}

func TestFileHash(t *testing.T) {
	p := filepath.Join(t.TempDir(), "note.txt")
	if err := os.WriteFile(p, []byte("abc"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := FileHash(p)
	if err != nil {
		t.Fatal(err)
	}
	// The sha256 of "abc" (FIPS 180-2 test vector).
	if want := "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; got != want {
		t.Errorf("FileHash = %s, want %s", got, want)
	}
	if _, err := FileHash(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("FileHash of a missing file: no error")
	}
}
