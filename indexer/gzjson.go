package indexer

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
)

// readGzipJSON decodes the gzip-compressed JSON file at path into v.
func readGzipJSON(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	return json.NewDecoder(zr).Decode(v)
}

// writeGzipJSON writes v to w as gzip-compressed JSON (fastest level: the
// cache and the manifest are written on every run).
func writeGzipJSON(w io.Writer, v any) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed) // a valid level: no error
	err := json.NewEncoder(zw).Encode(v)
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	return err
}
