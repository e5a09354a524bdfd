package api

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/precedent/precedent/corpus"
	"github.com/precedent/precedent/corpus/export"
	"github.com/precedent/precedent/search"
)

// exportPageSize is how many hits an export fetches per search page.
const exportPageSize = MaxSize

// export streams up to MaxExportHits hits of a search, paging with cursors.
func (s *Server) export(w http.ResponseWriter, r *http.Request) error {
	req, err := parseSearchURL(r.URL.Query(), "format", "limit")
	if err != nil {
		return err
	}
	f, err := exportFormat(r.URL.Query().Get("format"))
	if err != nil {
		return err
	}
	limit, err := intParam(r.URL.Query(), "limit", s.opt.MaxExportHits, 1, s.opt.MaxExportHits)
	if err != nil {
		return err
	}
	req.Size, req.Facets, req.Highlight = exportPageSize, nil, false
	// The first page is fetched before any byte is written, so a bad query
	// is still a JSON 400.
	resp, err := s.search.Search(r.Context(), req)
	if err != nil {
		return err
	}
	ew := startExport(w, f)
	n := 0
	for {
		for _, h := range resp.Hits {
			if n >= limit {
				return s.finishExport(r, ew, nil)
			}
			if err := writeHit(ew, h); err != nil {
				return s.finishExport(r, ew, err)
			}
			n++
		}
		if resp.NextCursor == "" || len(resp.Hits) == 0 || n >= limit {
			return s.finishExport(r, ew, nil)
		}
		req.Cursor = resp.NextCursor
		if resp, err = s.search.Search(r.Context(), req); err != nil {
			return s.finishExport(r, ew, err)
		}
	}
}

// exportPage writes one page of search hits in an export format.
func (s *Server) exportPage(w http.ResponseWriter, r *http.Request, req search.Request, format string) error {
	f, err := exportFormat(format)
	if err != nil {
		return err
	}
	resp, err := s.search.Search(r.Context(), req)
	if err != nil {
		return err
	}
	if resp.NextCursor != "" {
		w.Header().Set("X-Next-Cursor", resp.NextCursor)
	}
	ew := startExport(w, f)
	for _, h := range resp.Hits {
		if err := writeHit(ew, h); err != nil {
			return s.finishExport(r, ew, err)
		}
	}
	return s.finishExport(r, ew, nil)
}

func exportFormat(name string) (export.Format, error) {
	if name == "" {
		name = "csv"
	}
	f, err := export.Lookup(name)
	if err != nil {
		return f, badRequest("bad_parameter", fmt.Sprintf("format=%q is unknown", clip(name)),
			"use format="+strings.Join(export.Names(), ", format="))
	}
	return f, nil
}

// startExport writes the headers of a download and returns its writer.
func startExport(w http.ResponseWriter, f export.Format) export.Writer {
	name := "precedent-" + time.Now().UTC().Format("20060102-150405") + "." + f.Ext
	w.Header().Set("Content-Type", f.ContentType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	return f.New(w)
}

// finishExport closes the writer; once streaming has begun an error can
// only be logged, and the truncated body tells the client by its end.
func (s *Server) finishExport(r *http.Request, ew export.Writer, err error) error {
	if cerr := ew.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.log.Warn("export cut short", "path", r.URL.Path, "query", clip(r.URL.RawQuery), "err", err)
	}
	return nil
}

// writeHit writes a passage hit, or each best passage of a document hit.
func writeHit(ew export.Writer, h search.Hit) error {
	if h.Passage != nil {
		return ew.Write(record(h, h.Passage))
	}
	if len(h.Passages) == 0 {
		return ew.Write(record(h, nil))
	}
	for i := range h.Passages {
		if err := ew.Write(record(h, &h.Passages[i])); err != nil {
			return err
		}
	}
	return nil
}

// record turns a hit's passage into an export Record.
func record(h search.Hit, p *corpus.Passage) export.Record {
	d := h.Document
	rec := export.Record{Citation: h.Citation, Symbol: d.Symbol, Title: d.Title, Date: d.Date,
		Body: corpus.Label(corpus.FieldBody, d.Body), Type: corpus.Label(corpus.FieldType, d.Type),
		States: labels(corpus.FieldState, d.States), DocumentID: d.ID, Language: d.Language, Score: h.Score}
	if p != nil {
		rec.Citation, rec.Paragraph, rec.Text, rec.PassageID = p.Citation, p.Number, p.Text, p.ID
		rec.Topics = labels(corpus.FieldTopic, corpus.IDs(p.Tags.Topics))
		rec.Principles = labels(corpus.FieldPrinciple, corpus.IDs(p.Tags.Principles))
	}
	if rec.Citation == "" {
		rec.Citation = h.Citation
	}
	return rec
}

// labels returns the human labels of a field's ids.
func labels(field string, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = corpus.Label(field, id)
	}
	return out
}
