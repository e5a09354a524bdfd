package indexer

import (
	"compress/gzip"
	"encoding/gob"
	"encoding/json"
	"io"
	"os"
	"sync"
)

// gzipWriters reuses gzip writers: each holds about a megabyte of
// compressor state, and the cache writes one file per document.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed) // a valid level: no error
	return zw
}}

// writeGzip writes what encode writes to w, gzip-compressed at the fastest
// level (the cache and the manifest are written on every run).
func writeGzip(w io.Writer, encode func(io.Writer) error) error {
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(w)
	err := encode(zw)
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	return err
}

// readGzip runs decode on the decompressed content of the file at path.
func readGzip(path string, decode func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	return decode(zr)
}

// writeGzipJSON writes v to w as gzip-compressed JSON.
func writeGzipJSON(w io.Writer, v any) error {
	return writeGzip(w, func(w io.Writer) error { return json.NewEncoder(w).Encode(v) })
}

// readGzipJSON decodes the gzip-compressed JSON file at path into v.
func readGzipJSON(path string, v any) error {
	return readGzip(path, func(r io.Reader) error { return json.NewDecoder(r).Decode(v) })
}

// writeGzipGob writes v to w as gzip-compressed gob, which decodes about
// four times faster than JSON (the cache is read back for every document
// of a rebuild).
func writeGzipGob(w io.Writer, v any) error {
	return writeGzip(w, func(w io.Writer) error { return gob.NewEncoder(w).Encode(v) })
}

// readGzipGob decodes the gzip-compressed gob file at path into v.
func readGzipGob(path string, v any) error {
	return readGzip(path, func(r io.Reader) error { return gob.NewDecoder(r).Decode(v) })
}
