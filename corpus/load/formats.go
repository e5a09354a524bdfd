package load

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"

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

// textOf returns data as valid UTF-8 without a byte order mark.
func textOf(data []byte) string {
	s := string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
	return strings.TrimPrefix(s, "\uFEFF")
}

// validText refuses binary content (NUL bytes, or mostly invalid UTF-8)
// in a file that claims to be text.
func validText(data []byte) error {
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) && len(bytes.ToValidUTF8(data, nil)) < len(data)*9/10 {
		return &SkipError{Reason: "binary content in a text file"}
	}
	return nil
}
