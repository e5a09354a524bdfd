package detect

import (
	"regexp"
	"strings"
)

var (
	// draftLineRe matches the end of a sponsor line: "Indonesia:* draft
	// resolution", "...and Uruguay: draft decision".
	draftLineRe = regexp.MustCompile(`(?i):\s*\**\s*(?:revised\s+)?draft\s+(?:resolution|decision)\s*$`)
	// draftAloneRe matches "draft resolution" left alone on the line after
	// a sponsor list that ends with ":".
	draftAloneRe  = regexp.MustCompile(`(?i)^(?:revised\s+)?draft\s+(?:resolution|decision)$`)
	submittedRe   = regexp.MustCompile(`(?i)^(?:revised\s+)?draft\s+(?:resolution|decision)\s+submitted\s+by\s+(?:the\s+)?(.+)$`)
	onBehalfRe    = regexp.MustCompile(`^\*+\s*(On behalf of\b.*)$`)
	sponsorMarkRe = regexp.MustCompile(`\s*\*+`)
)

// Sponsors returns the sponsor line of a draft as printed, joined into one
// line with line-break hyphens mended and footnote asterisks removed
// ("Maldives, Nigeria and Thailand"), or "" for documents without one. For
// drafts "submitted by" an officer, it returns who submitted it.
func Sponsors(head []string) string {
	s, _ := sponsorLine(trimmedLines(head))
	return s
}

// sponsorLine returns the sponsor line of trimmed masthead lines and the
// index of the last line it covers (-1 when there is none).
func sponsorLine(lines []string) (string, int) {
	for i, l := range lines {
		if m := submittedRe.FindStringSubmatch(l); m != nil {
			b := block(lines, i+1)
			return strings.TrimRight(joinBlock(append([]string{m[1]}, b...)), " ."), i + len(b)
		}
		end := i
		switch {
		case draftLineRe.MatchString(l):
			l = draftLineRe.ReplaceAllString(l, "")
		case draftAloneRe.MatchString(l) && i > 0 && strings.HasSuffix(lines[i-1], ":"):
			end = i - 1
			l = strings.TrimSuffix(lines[end], ":")
		default:
			continue
		}
		start := listStart(lines, end)
		parts := append(append([]string{}, lines[start:end]...), l)
		return strings.TrimSpace(sponsorMarkRe.ReplaceAllString(joinBlock(parts), "")), i
	}
	return "", -1
}

// listStart returns the first line of the sponsor list that ends at line
// end: the list runs up to a blank line, and on over blank lines that an
// OCR layer put inside it (the line above ends with "," or "of").
func listStart(lines []string, end int) int {
	start := end
	for start > 0 {
		switch {
		case lines[start-1] != "":
			start--
		case start > 1 && listContinues.MatchString(lines[start-2]):
			start -= 2
		default:
			return start
		}
	}
	return start
}

// listContinues matches a line that a sponsor list goes on after.
var listContinues = regexp.MustCompile(`(?:,|\b(?:of|and|the))$`)

// block returns the non-blank lines from i up to the next blank line.
func block(lines []string, i int) []string {
	j := i
	for j < len(lines) && lines[j] != "" {
		j++
	}
	return lines[i:j]
}

// OnBehalfOf returns the footnote "* On behalf of ..." of a draft, joined
// into one line without its marker, or "".
func OnBehalfOf(lines []string) string {
	lines = trimmedLines(lines)
	for i, l := range lines {
		if m := onBehalfRe.FindStringSubmatch(l); m != nil {
			parts := append([]string{m[1]}, block(lines, i+1)...)
			return joinBlock(parts)
		}
	}
	return ""
}

// joinBlock joins lines broken by the layout into one line: a line that
// ends with a hyphen joins the next without a space (the hyphen is kept,
// since UN documents break lines at real hyphens: "Guinea-\nBissau").
func joinBlock(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
