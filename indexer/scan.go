package indexer

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"path"
	"path/filepath"
	"strings"

	"github.com/precedent/precedent/corpus"
)

// corpusFile is one candidate document file of the corpus.
type corpusFile struct {
	rel         string // slash-separated, relative to the corpus root
	contentHash string // sha256 of the file, hex
	key         string // cache key: content, metadata files, pipeline version
}

// metadataInputs returns the metadata files that may describe rel: its
// folder's MANIFEST.json and its sidecars (NAME.meta.json, NAME.ext.meta.json).
func metadataInputs(rel string) []string {
	dir, base := path.Split(rel)
	stem := strings.TrimSuffix(base, path.Ext(base))
	return []string{dir + "MANIFEST.json", dir + stem + ".meta.json", dir + base + ".meta.json"}
}

// describeFile hashes a file, its path and its metadata inputs into a
// corpusFile (the path is part of the key: it makes the document's id).
func describeFile(root, rel, version string) (corpusFile, error) {
	content, err := corpus.FileHash(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return corpusFile{}, err
	}
	h := sha256.New()
	io.WriteString(h, FormatVersion+"\x00"+version+"\x00"+rel+"\x00"+content)
	for _, m := range metadataInputs(rel) {
		if mh, err := corpus.FileHash(filepath.Join(root, filepath.FromSlash(m))); err == nil {
			io.WriteString(h, "\x00"+m+"\x00"+mh)
		}
	}
	return corpusFile{rel: rel, contentHash: content, key: hex.EncodeToString(h.Sum(nil))}, nil
}
