package search

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the query syntax.
const (
	MaxQueryLength  = 1000 // bytes of query text
	MaxQueryClauses = 64   // words, phrases and field:value terms
	MinPrefixLength = 3    // letters before a trailing *
	MaxFuzziness    = 2    // edit distance of word~N
)

// node is one element of a parsed query.
type node interface{ isNode() }

// wordNode is a word, matched on the stemmed and unstemmed text fields, or
// with Prefix a trailing-* prefix, or with Fuzzy > 0 a word~N.
type wordNode struct {
	Text   string
	Prefix bool
	Fuzzy  int
}

// phraseNode is a quoted phrase, matched exactly on the unstemmed text.
type phraseNode struct{ Text string }

// fieldNode is field:value on a filter field.
type fieldNode struct{ Field, Value string }

// boolNode combines clauses: all of Must, at least one of Should (when
// Must is empty), none of MustNot.
type boolNode struct {
	Must, Should, MustNot []node
}

// matchAllNode is the empty query or "*".
type matchAllNode struct{}

func (wordNode) isNode()     {}
func (phraseNode) isNode()   {}
func (fieldNode) isNode()    {}
func (boolNode) isNode()     {}
func (matchAllNode) isNode() {}

type tokenKind int

const (
	tokWord tokenKind = iota
	tokPhrase
	tokLParen
	tokRParen
	tokAnd
	tokOr
	tokNot
	tokMinus
	tokPlus
)

type token struct {
	kind tokenKind
	text string
	pos  int // byte offset in the query, for messages
}

// ParseQuery checks the syntax of query text; a malformed query yields a
// *Error with code "bad_query" and a hint. It is what Search does before
// any index access.
func ParseQuery(q string) error {
	_, err := parseQuery(q)
	return err
}

// parseQuery parses the syntax people type:
//
//	words               all must occur (implicit AND), stemmed per language
//	"exact phrase"      matched word for word, without stemming
//	a OR b, a AND b     uppercase operators; AND binds tighter than OR
//	NOT a, -a, +a       exclusion, exclusion, requirement
//	( ... )             grouping
//	field:value         a filter field (state:FRA, principle:sovereignty)
//	pre*                prefix of at least MinPrefixLength letters
//	word~ / word~1      fuzzy match, edit distance 1 (default) or 2
func parseQuery(q string) (node, error) {
	if len(q) > MaxQueryLength {
		return nil, badQuery(fmt.Sprintf("query is %d bytes long, the limit is %d", len(q), MaxQueryLength),
			"shorten the query; use filters for states, topics and principles")
	}
	if !utf8.ValidString(q) {
		return nil, badQuery("query is not valid UTF-8", "send the query as UTF-8 text")
	}
	trimmed := strings.TrimSpace(q)
	if trimmed == "" || trimmed == "*" {
		return matchAllNode{}, nil
	}
	toks, err := tokenize(q)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	n, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		t := p.toks[p.pos]
		return nil, badQuery(fmt.Sprintf("unexpected %q at position %d", t.text, t.pos),
			"check that every ')' has a matching '('")
	}
	if p.clauses > MaxQueryClauses {
		return nil, badQuery(fmt.Sprintf("query has %d clauses, the limit is %d", p.clauses, MaxQueryClauses),
			"use fewer words, or filters instead of field:value terms")
	}
	return n, nil
}

func badQuery(msg, hint string) *Error {
	return &Error{Code: "bad_query", Message: msg, Hint: hint}
}

// tokenize splits the query into words, quoted phrases, parentheses and
// operators. Curly quotes count as straight quotes.
func tokenize(q string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(q) {
		r, size := utf8.DecodeRuneInString(q[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isQuote(r):
			end, text, ok := scanPhrase(q, i+size)
			if !ok {
				return nil, badQuery(fmt.Sprintf("unbalanced quote at position %d", i),
					`close the phrase with a second '"'`)
			}
			toks = append(toks, token{kind: tokPhrase, text: text, pos: i})
			i = end
		case r == '(':
			toks = append(toks, token{kind: tokLParen, text: "(", pos: i})
			i += size
		case r == ')':
			toks = append(toks, token{kind: tokRParen, text: ")", pos: i})
			i += size
		case (r == '-' || r == '+') && i+1 < len(q) && startsTerm(q[i+1:]):
			kind := tokMinus
			if r == '+' {
				kind = tokPlus
			}
			toks = append(toks, token{kind: kind, text: string(r), pos: i})
			i += size
		default:
			end := scanWord(q, i)
			toks = append(toks, wordToken(q[i:end], i))
			i = end
		}
	}
	return toks, nil
}

func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '„' }

// startsTerm reports whether s begins with something a - or + can apply to.
func startsTerm(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return !unicode.IsSpace(r) && r != ')' && r != '-' && r != '+'
}

// scanPhrase returns the end of a phrase opened before start and its text.
// A field:"quoted value" is scanned by scanWord instead.
func scanPhrase(q string, start int) (end int, text string, ok bool) {
	for i, r := range q[start:] {
		if isQuote(r) {
			return start + i + utf8.RuneLen(r), q[start : start+i], true
		}
	}
	return 0, "", false
}

// scanWord returns the end of the word starting at i; a quote right after
// "field:" is part of the word up to its closing quote.
func scanWord(q string, i int) int {
	j := i
	for j < len(q) {
		r, size := utf8.DecodeRuneInString(q[j:])
		if unicode.IsSpace(r) || r == '(' || r == ')' {
			break
		}
		if isQuote(r) {
			if j > i && q[j-1] == ':' {
				if end, _, ok := scanPhrase(q, j+size); ok {
					j = end
					continue
				}
			}
			break
		}
		j += size
	}
	return j
}

func wordToken(w string, pos int) token {
	switch w {
	case "AND", "&&":
		return token{kind: tokAnd, text: w, pos: pos}
	case "OR", "||":
		return token{kind: tokOr, text: w, pos: pos}
	case "NOT":
		return token{kind: tokNot, text: w, pos: pos}
	}
	return token{kind: tokWord, text: w, pos: pos}
}

type parser struct {
	toks    []token
	pos     int
	depth   int
	clauses int
}

func (p *parser) peek() (token, bool) {
	if p.pos >= len(p.toks) {
		return token{}, false
	}
	return p.toks[p.pos], true
}

// parseOr: and (OR and)*
func (p *parser) parseOr() (node, error) {
	first, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	alts := []node{first}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tokOr {
			break
		}
		p.pos++
		next, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		alts = append(alts, next)
	}
	if len(alts) == 1 {
		return first, nil
	}
	return boolNode{Should: alts}, nil
}

// parseAnd: unary ((AND)? unary)*; NOT and - clauses become MustNot.
func (p *parser) parseAnd() (node, error) {
	var b boolNode
	for {
		t, ok := p.peek()
		if !ok || t.kind == tokOr || t.kind == tokRParen {
			break
		}
		if t.kind == tokAnd {
			if len(b.Must)+len(b.MustNot) == 0 {
				return nil, dangling(t)
			}
			p.pos++
			if nt, ok := p.peek(); !ok || nt.kind == tokOr || nt.kind == tokRParen || nt.kind == tokAnd {
				return nil, dangling(t)
			}
			continue
		}
		negated, n, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		if negated {
			b.MustNot = append(b.MustNot, n)
		} else {
			b.Must = append(b.Must, n)
		}
	}
	if len(b.Must)+len(b.MustNot) == 0 {
		t, ok := p.peek()
		if !ok && p.pos > 0 {
			t = p.toks[p.pos-1]
		}
		return nil, dangling(t)
	}
	if len(b.Must) == 1 && len(b.MustNot) == 0 {
		return b.Must[0], nil
	}
	return b, nil
}

func dangling(t token) *Error {
	return badQuery(fmt.Sprintf("operator or parenthesis %q at position %d has nothing to apply to", t.text, t.pos),
		"put words on both sides of AND/OR, a word after NOT, and something inside ( )")
}

// parseUnary: NOT unary | - primary | + primary | primary
func (p *parser) parseUnary() (negated bool, n node, err error) {
	t, _ := p.peek()
	switch t.kind {
	case tokNot, tokMinus:
		p.pos++
		if _, ok := p.peek(); !ok {
			return false, nil, dangling(t)
		}
		neg, inner, err := p.parseUnary()
		if err != nil {
			return false, nil, err
		}
		if neg { // NOT NOT x
			return false, inner, nil
		}
		return true, inner, nil
	case tokPlus:
		p.pos++
		n, err := p.parsePrimary()
		return false, n, err
	}
	n, err = p.parsePrimary()
	return false, n, err
}

func (p *parser) parsePrimary() (node, error) {
	t, ok := p.peek()
	if !ok {
		return nil, dangling(p.toks[len(p.toks)-1])
	}
	p.pos++
	switch t.kind {
	case tokLParen:
		return p.parseGroup(t)
	case tokPhrase:
		return p.phrase(t)
	case tokWord:
		return p.word(t)
	}
	return nil, dangling(t)
}

func (p *parser) parseGroup(open token) (node, error) {
	p.depth++
	if p.depth > 20 {
		return nil, badQuery("parentheses nest too deeply", "use at most 20 levels of ( )")
	}
	n, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	t, ok := p.peek()
	if !ok || t.kind != tokRParen {
		return nil, badQuery(fmt.Sprintf("unbalanced parenthesis at position %d", open.pos),
			"close every '(' with a ')'")
	}
	p.pos++
	p.depth--
	return n, nil
}

func (p *parser) phrase(t token) (node, error) {
	text := strings.Join(strings.Fields(t.text), " ")
	if text == "" {
		return nil, badQuery(fmt.Sprintf("empty phrase at position %d", t.pos), `put words between the quotes`)
	}
	p.clauses++
	return phraseNode{Text: text}, nil
}

// word parses field:value, prefix*, fuzzy~N and plain words.
func (p *parser) word(t token) (node, error) {
	p.clauses++
	w := t.text
	if field, value, ok := strings.Cut(w, ":"); ok && field != "" && !strings.HasPrefix(field, "http") {
		value = strings.TrimFunc(value, isQuote)
		if value == "" {
			return nil, badQuery(fmt.Sprintf("%s: has no value at position %d", field, t.pos),
				"write field:value with no space, e.g. state:FRA")
		}
		if !validFilterField(field) {
			return nil, unknownField(field, "query")
		}
		return fieldNode{Field: field, Value: value}, nil
	}
	if strings.HasSuffix(w, "*") {
		stem := strings.TrimRight(w, "*")
		if utf8.RuneCountInString(stem) < MinPrefixLength || strings.ContainsAny(stem, "*?") {
			return nil, badQuery(fmt.Sprintf("prefix %q is too short", w),
				fmt.Sprintf("write at least %d letters before '*'", MinPrefixLength))
		}
		return wordNode{Text: strings.ToLower(stem), Prefix: true}, nil
	}
	if i := strings.LastIndex(w, "~"); i > 0 {
		fuzz := 1
		if digits := w[i+1:]; digits != "" {
			n, err := strconv.Atoi(digits)
			if err != nil || n < 1 || n > MaxFuzziness {
				return nil, badQuery(fmt.Sprintf("bad fuzziness in %q", w),
					fmt.Sprintf("write word~ or word~N with N from 1 to %d", MaxFuzziness))
			}
			fuzz = n
		}
		return wordNode{Text: strings.ToLower(w[:i]), Fuzzy: fuzz}, nil
	}
	return wordNode{Text: w}, nil
}
