package load

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/precedent/precedent/corpus/segment"
)

// gaJSON is the JSON document format of ../shared/corpus/ga: the text of a
// UN PDF with its page breaks (empty lines). Other fields are ignored.
type gaJSON struct {
	Symbol string `json:"symbol"`
	Title  string `json:"title"`
	Text   string `json:"text"`
}

func readJSON(data []byte) (text, error) {
	var g gaJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&g); err != nil {
		if json.Valid(data) {
			return text{}, &SkipError{Reason: "JSON without text field (not a document)"}
		}
		return text{}, &SkipError{Reason: "broken JSON: " + err.Error()}
	}
	if strings.TrimSpace(g.Text) == "" {
		return text{}, &SkipError{Reason: "JSON without text field"}
	}
	return text{pages: segment.SplitPages(g.Text), symbol: strings.TrimSpace(g.Symbol), title: strings.TrimSpace(g.Title)}, nil
}

// readPlain reads a text file: one page, paragraphs separated by blank
// lines.
func readPlain(data []byte) (text, error) {
	if err := validText(data); err != nil {
		return text{}, err
	}
	return text{pages: []segment.Page{{Number: 1, Text: textOf(data)}}}, nil
}

// textOf returns data as UTF-8 without a byte order mark: text that is not
// valid UTF-8 is read as Windows-1252 (the usual encoding of older Western
// documents), whose every byte is a character.
func textOf(data []byte) string {
	if !utf8.Valid(data) {
		if dec, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			data = dec
		}
	}
	s := string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
	return strings.TrimPrefix(s, "\uFEFF")
}

// controlShare is the share of bytes that are control characters other
// than white space: high in binary files, near zero in text in any encoding.
func controlShare(data []byte) float64 {
	if len(data) == 0 {
		return 0
	}
	n := 0
	for _, c := range data {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			n++
		}
	}
	return float64(n) / float64(len(data))
}

// validText refuses binary content (NUL bytes, or mostly invalid UTF-8)
// in a file that claims to be text.
func validText(data []byte) error {
	if bytes.IndexByte(data, 0) >= 0 || controlShare(data) > 0.05 {
		return &SkipError{Reason: "binary content in a text file"}
	}
	return nil
}
