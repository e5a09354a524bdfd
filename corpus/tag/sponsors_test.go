package tag

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/precedent/precedent/internal/testcorpus"
)

var (
	sponsorLine = regexp.MustCompile(`(?s)^(.*?):\**\s*draft (?:resolution|decision)`)
	onBehalfOf  = regexp.MustCompile(`(?m)^\s*\*+\s*On behalf of ([^\n]*(?:\n[^\n*]+)?)`)
)

// sponsorsOf returns the sponsor list of a draft's masthead: the block of
// lines that ends in ": draft resolution" (or ":* draft resolution", ": draft decision"), and
// its "* On behalf of" footnote. ok is false for drafts without state
// sponsors, such as those submitted by the President of the Assembly.
func sponsorsOf(text string) (sponsors, behalf string, ok bool) {
	m := sponsorLine.FindStringSubmatch(text)
	if m == nil {
		return "", "", false
	}
	bs := blankLine.Split(m[1], -1)
	sponsors = strings.TrimSpace(bs[len(bs)-1])
	if b := onBehalfOf.FindStringSubmatch(text); b != nil {
		behalf = b[1]
	}
	return sponsors, behalf, true
}

// TestDraftSponsorsResolve checks that every sponsor of every draft
// resolution in the corpus resolves to a state, and that "on behalf of"
// footnotes yield their group.
func TestDraftSponsorsResolve(t *testing.T) {
	root := testcorpus.Corpus(t)
	files, _ := filepath.Glob(filepath.Join(root, "ga", "A_C.1_80_L.*.json"))
	plenary, _ := filepath.Glob(filepath.Join(root, "ga", "A_80_L.*.json"))
	files = append(files, plenary...)
	if len(files) == 0 {
		t.Fatal("no draft resolutions in the corpus")
	}
	drafts, names := 0, 0
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		sponsors, behalf, ok := sponsorsOf(documentText(t, root, rel))
		if !ok {
			t.Logf("%s: no state sponsors", rel)
			continue
		}
		drafts++
		codes, unresolved := ResolveStates(sponsors)
		names += len(codes)
		if len(codes) == 0 || len(unresolved) > 0 {
			t.Errorf("%s: sponsors %q: resolved %v, unresolved %q", rel, sponsors, codes, unresolved)
		}
		if strings.Contains(behalf, "Group") || strings.Contains(behalf, "Non-Aligned") {
			if len(FindGroups(behalf)) == 0 {
				t.Errorf("%s: no group in %q", rel, behalf)
			}
		}
	}
	t.Logf("%d drafts with sponsors, %d sponsor names resolved", drafts, names)

	_, behalf, _ := sponsorsOf(documentText(t, root, "ga/A_C.1_80_L.13.json"))
	if got := FindGroups(behalf); !slices.Equal(got, []string{"NAM"}) {
		t.Errorf("A/C.1/80/L.13 on behalf of %q: groups %v, want [NAM]", behalf, got)
	}
}
