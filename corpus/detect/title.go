package detect

import (
	"regexp"
)

var (
	// resolutionTitleRe is the numbered title of a resolution: "73/27. Developments ...".
	resolutionTitleRe = regexp.MustCompile(`^\d{1,3}/\d{1,4}\.\s+\S`)
	openingRe         = regexp.MustCompile(`^(?:The General Assembly|We, the)\b`)
)

// Title returns the title a UN document prints under its masthead: the
// numbered title of a resolution ("73/27. Developments in the field ..."),
// or the block after a draft's sponsor line; "" for other documents.
func Title(head []string) string {
	lines := trimmedLines(head)
	for i, l := range lines {
		if resolutionTitleRe.MatchString(l) {
			return joinBlock(block(lines, i))
		}
	}
	_, end := sponsorLine(lines)
	if end < 0 {
		return ""
	}
	i := end + 1
	for i < len(lines) && lines[i] == "" {
		i++
	}
	if i == len(lines) || openingRe.MatchString(lines[i]) {
		return ""
	}
	return joinBlock(block(lines, i))
}
