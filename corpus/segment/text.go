package segment

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var spaceReplacer = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ", "\u00ad", "", "\t", " ", "\r", "")

// normalise collapses white space and trims.
func normalise(s string) string {
	return strings.Join(strings.Fields(spaceReplacer.Replace(s)), " ")
}

// joinLines joins the lines of one paragraph into one line. A line that
// ends with a hyphen joins the next without a space; the hyphen is dropped
// only when the next part starts in lower case and the word without it is
// a word of the document's vocabulary ("secu-" + "rity") while the
// hyphenated form is not, since UN texts break lines at real hyphens.
func joinLines(lines []string, vocab map[string]bool) string {
	var b strings.Builder
	for _, l := range lines {
		l = normalise(l)
		if l == "" {
			continue
		}
		cur := b.String()
		switch {
		case cur == "":
		case strings.HasSuffix(cur, "-") && !strings.HasSuffix(cur, " -"):
			if dropHyphen(cur, l, vocab) {
				b.Reset()
				b.WriteString(strings.TrimSuffix(cur, "-"))
			}
		default:
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return spacedHyphenRe.ReplaceAllString(b.String(), "$1-$2")
}

// spacedHyphenRe is a hyphen left before a space by a line join upstream
// ("Non- Proliferation"); a capital after it shows it is not "pre- and".
var spacedHyphenRe = regexp.MustCompile(`(\p{L})- (\p{Lu})`)

func dropHyphen(cur, next string, vocab map[string]bool) bool {
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLower(r) || vocab == nil {
		return false
	}
	head := lastWord(strings.TrimSuffix(cur, "-"))
	tail := firstWord(next)
	if head == "" || tail == "" {
		return false
	}
	joined := strings.ToLower(head + tail)
	return vocab[joined] && !vocab[strings.ToLower(head+"-"+tail)]
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if i < 0 {
		return s
	}
	return s[:i]
}

var wordRe = regexp.MustCompile(`[\p{L}][\p{L}-]*[\p{L}]`)

// vocabulary returns the set of lower-cased words of lines that are not
// broken at a line end.
func vocabulary(lines []string) map[string]bool {
	v := map[string]bool{}
	for _, l := range lines {
		l = strings.TrimRight(l, " -")
		for _, w := range wordRe.FindAllString(l, -1) {
			v[strings.ToLower(w)] = true
		}
	}
	return v
}
