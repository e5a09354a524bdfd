package segment

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/precedent/precedent/corpus"
)

type want struct {
	number, kind, citation, prefix string
	pageFrom, pageTo               int
}

func check(t *testing.T, got []corpus.Passage, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		for _, p := range got {
			t.Logf("%s | %s | %.60s", p.Number, p.Kind, p.Text)
		}
		t.Fatalf("%d passages, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		p := got[i]
		if p.Number != w.number || p.Kind != w.kind || p.Citation != w.citation || !strings.HasPrefix(p.Text, w.prefix) {
			t.Errorf("passage %d: got %q %q %q %q", i+1, p.Number, p.Kind, p.Citation, p.Text)
		}
		if w.pageFrom != 0 && (p.PageFrom != w.pageFrom || p.PageTo != w.pageTo) {
			t.Errorf("passage %d: pages %d-%d, want %d-%d", i+1, p.PageFrom, p.PageTo, w.pageFrom, w.pageTo)
		}
		if p.Ordinal != i+1 || p.ID != corpus.PassageID(p.DocID, i+1) {
			t.Errorf("passage %d: ordinal %d id %q", i+1, p.Ordinal, p.ID)
		}
	}
}

func TestPagesResolution(t *testing.T) {
	data, err := os.ReadFile("testdata/resolution.txt")
	if err != nil {
		t.Fatal(err)
	}
	pages := SplitPages(string(data))
	if n := len(pages); n != 3 || pages[2].Number != 3 {
		t.Fatalf("SplitPages: %d pages", n)
	}
	d := &corpus.Document{ID: "A_RES_88_301.en", Symbol: "A/RES/88/301", Title: "88/301. Lighthouses and coastal signalling"}
	Pages(d, pages)
	const s = "A/RES/88/301, "
	check(t, d.Passages, []want{
		{"", corpus.KindPreambular, s + "preamble, para. 1", "Recalling its resolutions on the safety of coastal navigation,", 1, 1},
		{"", corpus.KindPreambular, s + "preamble, para. 2", "Noting with", 1, 1},
		{"", corpus.KindPreambular, s + "preamble, para. 3", "Convinced that well-maintained lighthouses save lives at sea and that their signals must remain visible to all vessels,", 1, 2},
		{"", corpus.KindPreambular, s + "preamble, para. 4", "Mindful", 2, 2},
		{"1", corpus.KindOperative, s + "para. 1", "Welcomes the following principles", 2, 2},
		{"1.1", corpus.KindOperative, s + "para. 1.1", "Keepers should keep", 2, 2},
		{"1.2", corpus.KindOperative, s + "para. 1.2", "Keepers should report every failure of the light without delay.", 2, 2},
		{"2", corpus.KindOperative, s + "para. 2", "Invites", 2, 2},
		{"2 (a)", corpus.KindOperative, s + "para. 2 (a)", "The number", 2, 2},
		{"2 (b)", corpus.KindOperative, s + "para. 2 (b)", "Their plans for maintenance;", 2, 2},
		{"2 (c)", corpus.KindOperative, s + "para. 2 (c)", "Measures taken", 3, 3},
		{"2 (c) (i)", corpus.KindOperative, s + "para. 2 (c) (i)", "Staffing;", 3, 3},
		{"2 (c) (ii)", corpus.KindOperative, s + "para. 2 (c) (ii)", "Training;", 3, 3},
		{"3", corpus.KindOperative, s + "para. 3", "Decides to include", 3, 3},
		{"1", corpus.KindFootnote, s + "footnote 1", "A/RES/80/7 and A/RES/81/9.", 1, 1},
	})
	if first := d.Passages[0].Text; first != "Recalling its resolutions on the safety of coastal navigation," {
		t.Errorf("footnote mark kept: %q", first)
	}
	if last := d.Passages[13].Text; strings.Contains(last, "plenary") {
		t.Errorf("closing lines kept: %q", last)
	}
}

func TestPagesPlainPositions(t *testing.T) {
	text := "Lighthouses matter to every coastal State.\n\n" +
		"12. The light must burn every night.\n\n" +
		"§ 2.1.3. No State may darken the light of another.\n\n" +
		"I. The duty of care\n\n" +
		"A. Keepers\n\n" +
		"Keepers are appointed by the coastal State.\n"
	d := &corpus.Document{ID: "ruritania", Title: "Ruritania: positions on lighthouses", Type: corpus.TypeNationalPosition,
		States: []string{"RUR"}, Date: "2031", Completeness: "full"}
	Pages(d, []Page{{Number: 1, Text: text}})
	const s = "Ruritania, national position (2031)"
	check(t, d.Passages, []want{
		{"", corpus.KindParagraph, s, "Lighthouses matter", 1, 1},
		{"12", corpus.KindParagraph, s + ", para. 12", "The light must burn", 1, 1},
		{"§ 2.1.3", corpus.KindParagraph, s + ", § 2.1.3", "No State may darken", 1, 1},
		{"", corpus.KindParagraph, s + ", section I.A", "Keepers are appointed", 1, 1},
	})
	if h := d.Passages[3].Headings; !reflect.DeepEqual(h, []string{"I. The duty of care", "A. Keepers"}) {
		t.Errorf("headings %q", h)
	}
}

func TestBlocks(t *testing.T) {
	d := &corpus.Document{ID: "call", Title: "Call for Lighthouses (1 May 2030)", Date: "2030-05-01", Completeness: "full"}
	Blocks(d, []Block{
		{Level: 1, Text: "Call for Lighthouses"},
		{Text: "We affirm that lights guide ships."},
		{Level: 2, Text: "Principles"},
		{Text: "We will keep the lights burning."},
		{Text: "3. We will share  charts."},
		{Text: "Keep watch"},
	})
	const s = "Call for Lighthouses (2030)"
	check(t, d.Passages, []want{
		{"", corpus.KindParagraph, s, "We affirm", 0, 0},
		{"", corpus.KindParagraph, s, "We will keep", 0, 0},
		{"3", corpus.KindParagraph, s + ", para. 3", "We will share charts.", 0, 0},
		{"", corpus.KindParagraph, s, "Keep watch", 0, 0},
	})
	if h := d.Passages[1].Headings; !reflect.DeepEqual(h, []string{"Call for Lighthouses", "Principles"}) {
		t.Errorf("headings %q", h)
	}
}

func TestJoinLines(t *testing.T) {
	vocab := vocabulary([]string{"maintenance is due", "a high-level meeting"})
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"soft hyphen mended", []string{"plans for mainte-", "nance"}, "plans for maintenance"},
		{"real hyphen kept", []string{"a high-", "level meeting"}, "a high-level meeting"},
		{"capital after hyphen", []string{"the Secretary-", "General"}, "the Secretary-General"},
		{"dash kept apart", []string{"lights -", "and ships"}, "lights - and ships"},
		{"spaced hyphen before capital", []string{"the Non- Proliferation Treaty"}, "the Non-Proliferation Treaty"},
		{"suspended hyphen kept", []string{"low- and middle-income"}, "low- and middle-income"},
		{"spaces", []string{"  two\u00a0 words ", "", "more\ttext"}, "two words more text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := joinLines(tc.lines, vocab); got != tc.want {
				t.Errorf("joinLines = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCleanPagesRunningHeaders(t *testing.T) {
	pages := []Page{
		{Number: 1, Text: "Lighthouse Review 2031\nFirst page text.\n1/3"},
		{Number: 2, Text: "Lighthouse Review 2031\nSecond page text.\n2/3"},
		{Number: 3, Text: "Lighthouse Review 2031\nThird page text.\n3/3"},
	}
	for i, p := range cleanPages(pages, "", "") {
		if i > 0 && p.Text != strings.Split(pages[i].Text, "\n")[1] {
			t.Errorf("page %d: %q", i+1, p.Text)
		}
	}
}

func TestTrailingFootnotes(t *testing.T) {
	text := "Keepers must report storms;1 and lights must burn.2 The rule\n\n" +
		"Another paragraph of the page.\n\n1. See the Lighthouse Code.\n\n2. Ibid., art. 3.\n\n397"
	body, notes := trailingFootnotes(text)
	if body != "Keepers must report storms;1 and lights must burn.2 The rule\n\nAnother paragraph of the page.\n\n397" ||
		len(notes) != 2 || notes[1] != "2. Ibid., art. 3." {
		t.Errorf("body %q notes %q", body, notes)
	}
	numbered := "Intro.\n\n1. Keepers keep the light.\n\n2. Keepers report storms."
	if body, notes := trailingFootnotes(numbered); body != numbered || notes != nil {
		t.Errorf("numbered paragraphs taken for footnotes: %q", notes)
	}
}

func TestContinues(t *testing.T) {
	tests := []struct {
		last, next string
		want       bool
	}{
		{"Taking note of resolution 80/45,1", "Noting that the keepers", false},
		{"Taking note of the report,", "Noting that the keepers", false},
		{"and that their", "signals must remain visible", true},
		{"as well as", "General Assembly resolution 9/1", true},
		{"shall report;", "(b) Keepers", false},
		{"the report of the", "Secretary-General", true},
		{"decisions EC-M-33/DEC.1 and EC-94/DEC.2", "and Security Council", true},
		{"in the cyber domain.1", "It cannot", false},
	}
	for _, tc := range tests {
		t.Run(tc.last, func(t *testing.T) {
			if got := continues(rawBlock{lines: []string{tc.last}}, tc.next); got != tc.want {
				t.Errorf("continues = %v", got)
			}
		})
	}
}

func TestPagesMastheadWithoutFurniture(t *testing.T) {
	text := "Ninety-fifth session\nAgenda item 7\nLighthouses\n\nReport of the keepers\n\n" +
		"I. Introduction\n\n1. The keepers met twice.\n\n2. They agreed on the following:\n\n(a) Lights burn;\n\n(b) Storms are reported."
	d := &corpus.Document{ID: "r", Symbol: "A/95/12", Title: "Report of the keepers"}
	Pages(d, []Page{{Number: 1, Text: text}})
	const s = "A/95/12, "
	check(t, d.Passages, []want{
		{"1", corpus.KindParagraph, s + "para. 1", "The keepers met twice.", 1, 1},
		{"2", corpus.KindParagraph, s + "para. 2", "They agreed", 1, 1},
		{"2 (a)", corpus.KindParagraph, s + "para. 2 (a)", "Lights burn;", 1, 1},
		{"2 (b)", corpus.KindParagraph, s + "para. 2 (b)", "Storms are reported.", 1, 1},
	})
	if h := d.Passages[0].Headings; !reflect.DeepEqual(h, []string{"I. Introduction"}) {
		t.Errorf("headings %q", h)
	}
}
