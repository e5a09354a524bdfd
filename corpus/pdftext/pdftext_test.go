package pdftext

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func extractFixture(t *testing.T, pages []fixturePage, opt fixtureOptions) *Document {
	t.Helper()
	data := buildPDF(pages, opt)
	doc, err := Extract(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return doc
}

// words places each word on its own with the given gap (in points) after
// the previous one, 10 pt Courier (6 pt per character).
func words(x, y, gap float64, ws ...string) []fixtureText {
	var out []fixtureText
	for _, w := range ws {
		out = append(out, fixtureText{x: x, y: y, size: 10, s: w})
		x += 6*float64(len(w)) + gap
	}
	return out
}

func TestWordSpacing(t *testing.T) {
	tests := []struct {
		name  string
		texts []fixtureText
		want  string
	}{
		{"space characters", rowsAt(72, 700, 10, "the quiet harbour sleeps"), "the quiet harbour sleeps"},
		{"gaps without spaces", words(72, 700, 3, "lanterns", "over", "water"), "lanterns over water"},
		{"kerning is not a space", words(72, 700, 0.4, "lan", "terns"), "lanterns"},
		{"runs drawn out of order", append(words(150, 700, 3, "second"), words(72, 700, 3, "first")...), "first second"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := extractFixture(t, []fixturePage{{texts: tc.texts}}, fixtureOptions{})
			if got := doc.Pages[0].Text; got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTwoColumns(t *testing.T) {
	left := rowsAt(60, 700, 10, "West one alpha", "West two beta", "West three gamma", "West four delta", "West five epsilon", "West six zeta", "West seven eta")
	right := rowsAt(320, 694, 10, "East one kappa", "East two lambda", "East three mu", "East four nu", "East five xi", "East six omicron", "East seven pi")
	title := fixtureText{x: 60, y: 740, size: 10, s: "A heading that runs across both of the columns here"}
	doc := extractFixture(t, []fixturePage{{texts: append(append([]fixtureText{title}, left...), right...)}}, fixtureOptions{})
	text := doc.Pages[0].Text
	if !strings.HasPrefix(text, "A heading") {
		t.Errorf("the spanning heading should come first:\n%s", text)
	}
	if strings.Index(text, "West seven") > strings.Index(text, "East one") {
		t.Errorf("left column must be read before the right one:\n%s", text)
	}
	if !strings.Contains(text, "West one alpha\nWest two beta") || !strings.Contains(text, "East six omicron\nEast seven pi") {
		t.Errorf("column rows mixed up:\n%s", text)
	}
}

func TestFurnitureRemoved(t *testing.T) {
	var pages []fixturePage
	for i := 1; i <= 3; i++ {
		texts := []fixtureText{
			{x: 60, y: 800, size: 9, s: "Memo on the quiet harbour"},
			{x: 60, y: 40, size: 9, s: "26-01234 (E)"},
			{x: 300, y: 40, size: 9, s: string(rune('0'+i)) + "/3"},
			{x: 60, y: 28, size: 9, s: "*2601234*"},
		}
		texts = append(texts, rowsAt(60, 700, 10, "Body text of page number "+string(rune('0'+i))+" talks of boats.")...)
		pages = append(pages, fixturePage{texts: texts})
	}
	doc := extractFixture(t, pages, fixtureOptions{})
	for _, p := range doc.Pages {
		for _, bad := range []string{"Memo on", "26-01234", "*2601234*", "/3"} {
			if strings.Contains(p.Text, bad) {
				t.Errorf("page %d keeps furniture %q:\n%s", p.Number, bad, p.Text)
			}
		}
		if !strings.Contains(p.Text, "talks of boats") || len(p.Furniture) != 3 {
			t.Errorf("page %d: text %q furniture %q", p.Number, p.Text, p.Furniture)
		}
	}
}

func TestHyphenJoin(t *testing.T) {
	tests := []struct {
		name string
		rows []string
		want []string
	}{
		{"compounds are kept", []string{
			"The open-ended group met. Its open-",
			"ended talks and the non-binding",
			"text; the non-",
			"binding report of the Harbour-",
			"Master. It needs no care\u00ad",
			"ful reading.",
		}, []string{"Its open-ended\n", "the non-binding\n", "Harbour-Master.\n", "careful\nreading."}},
		{"hyphenation is joined", []string{
			"The harbour board approved the imple-",
			"mentation and the implementation",
			"of the plan with reg-",
			"ular care.",
		}, []string{"approved the implementation\n", "with regular\n"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := extractFixture(t, []fixturePage{{texts: rowsAt(60, 700, 10, tc.rows...)}}, fixtureOptions{})
			for _, want := range tc.want {
				if !strings.Contains(doc.Pages[0].Text, want) {
					t.Errorf("want %q in:\n%s", want, doc.Pages[0].Text)
				}
			}
		})
	}
}

func TestFootnotesApart(t *testing.T) {
	texts := rowsAt(60, 700, 10, "A body paragraph about tides,1 and more text", "that continues on the next row.")
	texts = append(texts, fixtureText{x: 60, y: 150, size: 10, s: "__________"})
	texts = append(texts, rowsAt(60, 136, 8, "1 A note we made up for this test,", "  running onto a second row.", "2 Another invented note.")...)
	doc := extractFixture(t, []fixturePage{{texts: texts}}, fixtureOptions{})
	p := doc.Pages[0]
	if strings.Contains(p.Text, "note") || strings.Contains(p.Text, "____") {
		t.Errorf("footnotes left in the body:\n%s", p.Text)
	}
	want := []string{"1 A note we made up for this test, running onto a second row.", "2 Another invented note."}
	if strings.Join(p.Footnotes, "|") != strings.Join(want, "|") {
		t.Errorf("footnotes = %q, want %q", p.Footnotes, want)
	}
}

func TestParagraphs(t *testing.T) {
	texts := rowsAt(60, 700, 10,
		"The first paragraph starts here and runs to the",
		"right margin before it ends.")
	texts = append(texts, rowsAt(96, 670, 10, "An indented first row opens a second one that")...)
	texts = append(texts, rowsAt(60, 658, 10, "goes on for a while.")...)
	texts = append(texts, rowsAt(60, 622, 10, "A third after a gap.")...)
	doc := extractFixture(t, []fixturePage{{texts: texts}}, fixtureOptions{title: "Invented title"})
	paras := strings.Split(doc.Pages[0].Text, "\n\n")
	if len(paras) != 3 {
		t.Errorf("want 3 paragraphs, got %d:\n%s", len(paras), doc.Pages[0].Text)
	}
	if doc.Title != "Invented title" {
		t.Errorf("title = %q", doc.Title)
	}
}

func TestFailures(t *testing.T) {
	valid := buildPDF([]fixturePage{{texts: rowsAt(60, 700, 10, "some text")}}, fixtureOptions{})
	tests := []struct {
		name string
		data []byte
		is   error
		msg  string
	}{
		{"image only", buildPDF([]fixturePage{{rules: [][4]float64{{50, 50, 400, 600}}}}, fixtureOptions{}), ErrNoTextLayer, "no text layer (needs OCR)"},
		{"encrypted", buildPDF([]fixturePage{{texts: rowsAt(60, 700, 10, "secret")}}, fixtureOptions{encrypted: true}), ErrEncrypted, "encrypted PDF"},
		{"not a PDF", []byte("hello, I am a text file"), nil, "broken PDF"},
		{"truncated", valid[:len(valid)/2], nil, "broken PDF"},
		{"empty", nil, nil, "broken PDF"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Extract(bytes.NewReader(tc.data), int64(len(tc.data)))
			if err == nil {
				t.Fatalf("want an error, got %d pages", len(doc.Pages))
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			if !strings.HasPrefix(err.Error(), tc.msg) {
				t.Errorf("error %q should start with %q", err, tc.msg)
			}
		})
	}
}

func TestNormalise(t *testing.T) {
	tests := map[string]string{
		"\ufb01nal \ufb02ow":      "final flow",
		"non\u2011binding":        "non-binding",
		"\u201cquoted\u201d":      "\u201cquoted\u201d",
		"a\u00a0b\u200bc\x01":     "a bc",
		"keep\u2010this\u00adone": "keep\u2010this\u00adone",
	}
	for in, want := range tests {
		t.Run(want, func(t *testing.T) {
			if got := normalise(in); got != want {
				t.Errorf("normalise(%q) = %q, want %q", in, got, want)
			}
		})
	}
}
