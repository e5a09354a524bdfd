package detect

import (
	"strings"
	"testing"

	"github.com/precedent/precedent/corpus"
)

// draftMasthead is an invented First Committee draft in the UN layout,
// with a sponsor list broken across lines (and inside a state's name).
const draftMasthead = `United Nations
A/C.1/91/L.7
 
General Assembly
Distr.: Limited
3 November 2036
Original: English
 
36-12345 (E)    041136
*3612345*
 
Ninety-first session
First Committee
Agenda item 98 (m)
General and complete disarmament: lighthouses and
coastal signalling
 
 
Andorra, Bolivia (Plurinational State of), Guinea-
Bissau, Netherlands
(Kingdom of the), Nigeria,* San
Marino and Tuvalu: draft resolution
 
 
Lighthouses and coastal signalling
 
The General Assembly,
 
Recalling its earlier resolutions on lighthouses,
__________________
* On behalf of the States Members of the United Nations that are members of the
Group of Imaginary Coastal States.
`

func TestText(t *testing.T) {
	m := Text(draftMasthead)
	want := Metadata{Symbol: "A/C.1/91/L.7", Title: "Lighthouses and coastal signalling", Date: "2036-11-03", Body: corpus.BodyGA, Type: corpus.TypeDraftResolution,
		Session: "91", AgendaItem: "98 (m)", Language: "en",
		Sponsors:   "Andorra, Bolivia (Plurinational State of), Guinea-Bissau, Netherlands (Kingdom of the), Nigeria, San Marino and Tuvalu",
		OnBehalfOf: "On behalf of the States Members of the United Nations that are members of the Group of Imaginary Coastal States."}
	if m != want {
		t.Errorf("Text:\n got %+v\nwant %+v", m, want)
	}
}

func TestSponsors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"single with marker", "Agenda item 9\nLighthouses\n \nNauru:* draft resolution\n", "Nauru"},
		{"draft decision", "Agenda item 9\n \nPalau and Fiji: draft decision\n", "Palau and Fiji"},
		{"draft alone on next line", "Agenda item 9\n \nTonga, Samoa and\nVanuatu:\ndraft resolution\n", "Tonga, Samoa and Vanuatu"},
		{"blank line inside an OCR list", "Agenda item 9\n\nLIGHTHOUSES\n\nChile, Peru, United States of\n\nAmerica and Uruguay: draft resolution\n", "Chile, Peru, United States of America and Uruguay"},
		{"marker after colon", "Agenda item 9\n \nChile and Peru:** draft resolution\n", "Chile and Peru"},
		{"submitted by", "Agenda item 9\n \nDraft resolution submitted by the President of the General Assembly\n", "President of the General Assembly"},
		{"resolution has none", "Resolution adopted by the General Assembly on 1 May 2030\n \nThe General Assembly,\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Sponsors(strings.Split(tc.text, "\n")); got != tc.want {
				t.Errorf("Sponsors = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestResolutionMasthead(t *testing.T) {
	text := "United Nations\nA/RES/88/301\n \nGeneral Assembly\nDistr.: General\n20 December 2033\n \n" +
		"Eighty-eighth session\nAgenda item 12\n \nResolution adopted by the General Assembly\non 14 December 2033\n \n" +
		"[on the report of the Second Committee (A/88/500)]\n \n88/301. Lighthouses\n \nThe General Assembly,\n"
	m := Text(text)
	if m.Title != "88/301. Lighthouses" {
		t.Errorf("title %q", m.Title)
	}
	if m.Date != "2033-12-14" || m.Type != corpus.TypeResolution || m.Session != "88" || m.Symbol != "A/RES/88/301" {
		t.Errorf("got %+v", m)
	}
}

func TestSymbolBodyType(t *testing.T) {
	tests := []struct {
		name, text, symbol, body, typ, session string
	}{
		{"oewg crp", "United Nations\nA/AC.290/2031/CRP.4\n \nOpen-ended working group on lighthouses\n", "A/AC.290/2031/CRP.4", corpus.BodyOEWG, corpus.TypeWorkingPaper, ""},
		{"gge report", "United Nations\nA/95/174\n \nGeneral Assembly\nNinety-fifth session\n \nReport of the Group of Governmental Experts on Lighthouses\n", "A/95/174", corpus.BodyGGE, corpus.TypeConsensusReport, "95"},
		{"sg report", "A/96/88\n \nReport of the Secretary-General\n", "A/96/88", corpus.BodyGA, corpus.TypeSGReport, "96"},
		{"revision", "A/C.1/91/L.7/Rev.1\n", "A/C.1/91/L.7/Rev.1", corpus.BodyGA, corpus.TypeDraftResolution, "91"},
		{"no symbol", "Some national position\n", "", "", "", ""},
		{"pdf masthead row", "United Nations A/RES/90/12\nDistr.: General\nGeneral Assembly 3 May 2035\n", "A/RES/90/12", corpus.BodyGA, corpus.TypeResolution, "90"},
		{"oewg only mentioned", "A/C.1/90/L.3\n \nRecalling the work of the Open-ended working group on lighthouses,\n", "A/C.1/90/L.3", corpus.BodyGA, corpus.TypeDraftResolution, "90"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Text(tc.text)
			if m.Symbol != tc.symbol || m.Body != tc.body || m.Type != tc.typ || m.Session != tc.session {
				t.Errorf("got symbol %q body %q type %q session %q", m.Symbol, m.Body, m.Type, m.Session)
			}
		})
	}
}

func TestOrdinal(t *testing.T) {
	for w, n := range map[string]int{"First": 1, "tenth": 10, "Seventy-third": 73, "Eightieth": 80,
		"ninety-ninth": 99, "twenty": 0, "seventy-tenth": 0, "lighthouse": 0} {
		if got := ordinal(w); got != n {
			t.Errorf("ordinal(%q) = %d, want %d", w, got, n)
		}
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The keepers of the lighthouses shall report every storm to the coastal authorities without delay.", "en"},
		{"Les gardiens des phares signalent chaque tempête aux autorités côtières sans délai et avec soin.", "fr"},
		{"Los guardianes de los faros informarán de cada tormenta a las autoridades costeras sin demora.", "es"},
		{"Смотрители маяков сообщают о каждом шторме береговым властям без промедления.", "ru"},
		{"يبلغ حراس المنارات السلطات الساحلية عن كل عاصفة دون تأخير.", "ar"},
		{"灯塔看守人应立即向沿海当局报告每一次风暴。", "zh"},
		{"ok", ""},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := Language(tc.text); got != tc.want {
				t.Errorf("Language = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFillKeepsKnownFields(t *testing.T) {
	d := &corpus.Document{Symbol: "A/1/2", Language: "fr"}
	Metadata{Symbol: "A/9/9", Language: "en", Date: "2030-01-01"}.Fill(d)
	if d.Symbol != "A/1/2" || d.Language != "fr" || d.Date != "2030-01-01" {
		t.Errorf("Fill: %+v", d)
	}
}
