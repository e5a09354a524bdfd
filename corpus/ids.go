package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
)

// DocumentID returns a document's stable id, safe in URLs: from its symbol
// and language when it has a symbol ("A/RES/73/27", "en" -> "A_RES_73_27.en";
// without a known language "A_RES_73_27"),
// else from its source path relative to the corpus root
// ("positions-excerpts/france.txt" -> "positions-excerpts_france").
func DocumentID(symbol, language, source string) string {
	if symbol != "" && language != "" {
		return slug(symbol) + "." + language
	}
	if symbol != "" {
		return slug(symbol)
	}
	source = strings.TrimSuffix(source, path.Ext(source))
	return slug(source)
}

// PassageID returns the id of the passage at ordinal (1-based) of a document.
func PassageID(docID string, ordinal int) string {
	return docID + "-p" + strconv.Itoa(ordinal)
}

// PassageDocument returns the id of the document of a passage id made by
// PassageID.
func PassageDocument(passageID string) string {
	if i := strings.LastIndex(passageID, "-p"); i > 0 {
		return passageID[:i]
	}
	return passageID
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

// FileHash returns the ContentHash of the file at path: its sha256, hex.
func FileHash(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
