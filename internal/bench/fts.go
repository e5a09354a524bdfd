package bench

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/tag"
	_ "modernc.org/sqlite" // the pure-Go SQLite driver, FTS5 compiled in
)

// FTSResult is what the SQLite FTS5 peer costs on the same data and mix.
type FTSResult struct {
	Passages       int               `json:"passages"`
	TextBytes      int64             `json:"text_bytes"`
	TagSeconds     float64           `json:"tag_seconds"` // tagging the copies for the facet columns, not in Seconds
	Seconds        float64           `json:"seconds"`     // inserts, indexes and optimize
	PassagesPerSec float64           `json:"passages_per_s"`
	MBPerSec       float64           `json:"mb_per_s"`
	DBBytes        int64             `json:"db_bytes"`
	OpenMS         float64           `json:"open_ms"`
	FirstQueryMS   float64           `json:"first_query_ms"`
	Queries        map[string]*Stats `json:"queries"`
	PeakRSS        int64             `json:"peak_rss"`         // the FTS5 process's maxrss, bytes
	Stolen         *float64          `json:"stolen,omitempty"` // see ScaleResult
}

const ftsSchema = `
CREATE VIRTUAL TABLE fts USING fts5(text, pid UNINDEXED, citation UNINDEXED, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE meta(id INTEGER PRIMARY KEY, year INTEGER, body TEXT, language TEXT);
CREATE TABLE passage_facet(field TEXT, value TEXT, pid INTEGER, PRIMARY KEY(pid, field, value)) WITHOUT ROWID;`

const ftsIndexes = `
CREATE INDEX facet_value ON passage_facet(field, value, pid);
CREATE INDEX meta_year ON meta(year);
INSERT INTO fts(fts) VALUES('optimize');`

// openFTS opens (or creates) the SQLite database at path.
func openFTS(path string) (*sql.DB, error) {
	return sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)&_pragma=cache_size(-262144)")
}

// BuildFTS writes copies 0..copies-1 of the base, tagged, into a new
// SQLite database at path: passage text in an FTS5 table, single-valued
// metadata in meta, multi-valued facets in passage_facet.
func BuildFTS(ctx context.Context, s Scaler, copies int, path string) (*FTSResult, error) {
	os.Remove(path)
	db, err := openFTS(path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, ftsSchema); err != nil {
		return nil, fmt.Errorf("fts5 schema: %w", err)
	}
	res := &FTSResult{}
	var tagTime time.Duration
	start := time.Now()
	for k := range copies {
		docs := make([]corpus.Document, len(s.Base))
		t := time.Now()
		for i := range s.Base {
			docs[i] = s.Document(k, i)
			tag.Document(&docs[i])
		}
		tagTime += time.Since(t)
		if err := insertFTS(ctx, db, docs, res); err != nil {
			return nil, err
		}
	}
	if _, err := db.ExecContext(ctx, ftsIndexes); err != nil {
		return nil, err
	}
	res.TagSeconds = tagTime.Seconds()
	res.Seconds = (time.Since(start) - tagTime).Seconds()
	res.PassagesPerSec = float64(res.Passages) / res.Seconds
	res.MBPerSec = float64(res.TextBytes) / 1e6 / res.Seconds
	if st, err := os.Stat(path); err == nil {
		res.DBBytes = st.Size()
	}
	return res, nil
}

// insertFTS inserts the passages of docs in one transaction.
func insertFTS(ctx context.Context, db *sql.DB, docs []corpus.Document, res *FTSResult) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	text, err1 := tx.PrepareContext(ctx, `INSERT INTO fts(rowid, text, pid, citation) VALUES(?,?,?,?)`)
	meta, err2 := tx.PrepareContext(ctx, `INSERT INTO meta(id, year, body, language) VALUES(?,?,?,?)`)
	facet, err3 := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO passage_facet(field, value, pid) VALUES(?,?,?)`)
	if err := firstError(err1, err2, err3); err != nil {
		return err
	}
	for _, d := range docs {
		year := d.Year()
		for _, p := range d.Passages {
			res.Passages++
			res.TextBytes += int64(len(p.Text))
			id := res.Passages
			if _, err := text.ExecContext(ctx, id, p.Text, p.ID, p.Citation); err != nil {
				return err
			}
			if _, err := meta.ExecContext(ctx, id, year, d.Body, d.Language); err != nil {
				return err
			}
			for _, fv := range passageFacets(d, p) {
				if _, err := facet.ExecContext(ctx, fv[0], fv[1], id); err != nil {
					return err
				}
			}
		}
	}
	return tx.Commit()
}

// passageFacets returns the (field, value) pairs of the five facets and
// the filters of the mix, as Precedent indexes them.
func passageFacets(d corpus.Document, p corpus.Passage) [][2]string {
	var out [][2]string
	seen := map[string]bool{}
	for _, s := range append(append([]string(nil), d.States...), p.Tags.States...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, [2]string{"state", s})
		}
	}
	for _, t := range p.Tags.Topics {
		out = append(out, [2]string{"topic", t.ID})
	}
	for _, t := range p.Tags.Principles {
		out = append(out, [2]string{"principle", t.ID})
	}
	out = append(out, [2]string{"body", d.Body})
	if y := d.Year(); y > 0 {
		out = append(out, [2]string{"year", fmt.Sprint(y)})
	}
	return out
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
