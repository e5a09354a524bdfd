package tag

import (
	"unicode"
	"unicode/utf8"
)

// token is a word of a passage: a run of letters and digits. Hyphens,
// apostrophes and punctuation separate tokens, so "self-defence",
// "self- defence" and "self defence" are the same two tokens.
type token struct {
	start, end int32 // byte offsets in the text
	id         int32 // vocabulary id of the normalised word, or -1
	flags      uint8
}

const (
	capitalised   uint8 = 1 << iota // first letter is upper case
	allUpper                        // every letter is upper case
	sentenceStart                   // first token of a sentence
)

// vocabulary maps normalised words (lower case, diacritics folded, British
// spelling) to ids shared by all patterns.
type vocabulary struct {
	ids   map[string]int32
	names []string
}

// spelling maps variants to the form patterns are written in.
var spelling = map[string]string{
	"defense": "defence", "behavior": "behaviour", "program": "programme", "programs": "programmes",
	"organization": "organisation", "organizations": "organisation", "authorized": "authorised",
	"authorization": "authorisation", "recognize": "recognise", "recognizes": "recognises",
	"criminalization": "criminalisation", "center": "centre", "centers": "centres",
}

func newVocabulary() *vocabulary { return &vocabulary{ids: map[string]int32{}} }

// id returns the id of a normalised word, adding it when absent.
func (v *vocabulary) id(word string) int32 {
	if canon, ok := spelling[word]; ok {
		word = canon
	}
	if id, ok := v.ids[word]; ok {
		return id
	}
	id := int32(len(v.names))
	v.ids[word] = id
	v.names = append(v.names, word)
	for variant, canon := range spelling {
		if canon == word {
			v.ids[variant] = id
		}
	}
	return id
}

// words tokenises s with the vocabulary, returning the ids of its words.
func (v *vocabulary) words(s string) []int32 {
	var ids []int32
	for _, t := range v.tokenise(s, nil) {
		if t.id < 0 {
			t.id = v.id(string(appendNormalised(nil, s[t.start:t.end])))
		}
		ids = append(ids, t.id)
	}
	return ids
}

// tokenise appends the tokens of text to buf and returns it.
func (v *vocabulary) tokenise(text string, buf []token) []token {
	var scratch [64]byte
	newSentence := true
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			switch r {
			case '.', ';', '!', '?', ':':
				newSentence = true
			}
			i += size
			continue
		}
		start := i
		flags := uint8(0)
		if unicode.IsUpper(r) {
			flags = capitalised | allUpper
		}
		for i < len(text) {
			r, size = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if !isWordRune(r) {
				break
			}
			if unicode.IsLower(r) {
				flags &^= allUpper
			}
			i += size
		}
		if newSentence {
			flags |= sentenceStart
			newSentence = false
		}
		id := v.lookup(text[start:i], scratch[:0])
		buf = append(buf, token{start: int32(start), end: int32(i), id: id, flags: flags})
	}
	return buf
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// lookup returns the id of a word of the text, or -1, without allocating:
// scratch holds the normalised form of words that need it.
func (v *vocabulary) lookup(word string, scratch []byte) int32 {
	plain := true
	for i := 0; i < len(word); i++ {
		if c := word[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			plain = false
			break
		}
	}
	var id int32
	var ok bool
	if plain {
		id, ok = v.ids[word]
	} else {
		id, ok = v.ids[string(appendNormalised(scratch, word))]
	}
	if !ok {
		return -1
	}
	return id
}

// appendNormalised appends word lower-cased, with common Latin diacritics
// folded, to buf.
func appendNormalised(buf []byte, word string) []byte {
	for _, r := range word {
		buf = utf8.AppendRune(buf, fold(unicode.ToLower(r)))
	}
	return buf
}

// fold maps accented Latin letters to their base letter.
func fold(r rune) rune {
	if r < 0xC0 || r > 0x17F {
		return r
	}
	switch {
	case r >= 'à' && r <= 'å':
		return 'a'
	case r == 'ç':
		return 'c'
	case r >= 'è' && r <= 'ë':
		return 'e'
	case r >= 'ì' && r <= 'ï':
		return 'i'
	case r == 'ñ':
		return 'n'
	case r >= 'ò' && r <= 'ö', r == 'ø':
		return 'o'
	case r >= 'ù' && r <= 'ü':
		return 'u'
	case r == 'ý', r == 'ÿ':
		return 'y'
	}
	return r
}
