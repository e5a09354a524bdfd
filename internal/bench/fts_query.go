package bench

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// MeasureFTS opens the database at path cold, times the first query, and
// runs the mix one query at a time under b.
func MeasureFTS(ctx context.Context, path string, mix []Query, b Budget, res *FTSResult) error {
	t := time.Now()
	db, err := openFTS(path)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.PingContext(ctx); err != nil {
		return err
	}
	res.OpenMS = ms(time.Since(t))
	t = time.Now()
	if _, err := ftsQuery(ctx, db, mix[0]); err != nil {
		return fmt.Errorf("fts5 first query: %w", err)
	}
	res.FirstQueryMS = ms(time.Since(t))
	res.Queries = runMix(ctx, mix, b, func(ctx context.Context, q Query) error {
		_, err := ftsQuery(ctx, db, q)
		return err
	})
	return nil
}

// ftsQuery answers q as Precedent does: the total, the top 20 passages with
// their stored fields, and the facet counts (top 10 values each). Lineage
// classes get the top 20 passages of an OR of the words. It returns the
// total.
func ftsQuery(ctx context.Context, db *sql.DB, q Query) (int, error) {
	where, args := ftsWhere(q)
	if q.Class == ClassLineagePassage || q.Class == ClassLineageText {
		return 0, ftsTop(ctx, db, where, args)
	}
	count := `SELECT count(*) FROM fts WHERE ` + where
	if where == "1" {
		count = `SELECT count(*) FROM meta`
	}
	var total int
	if err := db.QueryRowContext(ctx, count, args...).Scan(&total); err != nil {
		return 0, err
	}
	if err := ftsTop(ctx, db, where, args); err != nil {
		return 0, err
	}
	for _, f := range q.Facets {
		if err := ftsFacet(ctx, db, f, where, args); err != nil {
			return 0, err
		}
	}
	return total, nil
}

// ftsWhere is the condition on table fts that selects q's passages.
func ftsWhere(q Query) (string, []any) {
	conds, args := []string{"1"}, []any{}
	if q.Match != "" {
		conds, args = []string{"fts MATCH ?"}, []any{q.Match}
	}
	for field, values := range q.Filters {
		marks := strings.TrimSuffix(strings.Repeat("?,", len(values)), ",")
		// +rowid: the MATCH drives and the filter is checked per row; a bare
		// rowid IN (...) makes FTS5 rerun the MATCH once per listed rowid.
		conds = append(conds, "+fts.rowid IN (SELECT pid FROM passage_facet WHERE field = ? AND value IN ("+marks+"))")
		args = append(args, field)
		for _, v := range values {
			args = append(args, v)
		}
	}
	if q.From > 0 {
		conds = append(conds, "+fts.rowid IN (SELECT id FROM meta WHERE year BETWEEN ? AND ?)")
		args = append(args, q.From, q.To)
	}
	return strings.Join(conds, " AND "), args
}

// ftsTop reads the 20 best passages with their stored columns.
func ftsTop(ctx context.Context, db *sql.DB, where string, args []any) error {
	order := ""
	if strings.Contains(where, "MATCH") {
		order = " ORDER BY rank"
	}
	rows, err := db.QueryContext(ctx, `SELECT rowid, pid, citation, text FROM fts WHERE `+where+order+` LIMIT 20`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var pid, citation, text string
		if err := rows.Scan(&id, &pid, &citation, &text); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ftsFacet counts the values of one facet over the matching passages.
func ftsFacet(ctx context.Context, db *sql.DB, field, where string, args []any) error {
	sqlText := `SELECT f.value, count(*) FROM fts CROSS JOIN passage_facet f ON f.pid = fts.rowid AND f.field = ?
		WHERE ` + where + ` GROUP BY f.value ORDER BY 2 DESC LIMIT 10`
	if where == "1" {
		sqlText = `SELECT value, count(*) FROM passage_facet WHERE field = ? GROUP BY value ORDER BY 2 DESC LIMIT 10`
	}
	rows, err := db.QueryContext(ctx, sqlText, append([]any{field}, args...)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var value string
		var n int
		if err := rows.Scan(&value, &n); err != nil {
			return err
		}
	}
	return rows.Err()
}
