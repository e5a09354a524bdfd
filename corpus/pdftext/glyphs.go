package pdftext

import (
	"math"

	"github.com/ledongthuc/pdf"
)

// Limits that keep a hostile content stream from costing unbounded work.
const (
	maxGlyphsPerPage = 400000
	maxFormDepth     = 6
	maxRulesPerPage  = 10000
)

// glyph is one shown character in page space (points, y up): its baseline
// origin, advance width, font size and text.
type glyph struct {
	seq           int // drawing order on the page
	x, y, w, size float64
	font          string
	s             string
}

// rule is a thin horizontal line or rectangle drawn on a page.
type rule struct{ x0, x1, y float64 }

// matrix is a PDF affine matrix [a b c d e f]; p' = p × m.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// gstate is the part of the graphics and text state the walker tracks.
type gstate struct {
	ctm                matrix
	tc, tw, th, tl, fs float64
	rise               float64
	font               *fontMetrics
}

// pageWalker interprets a page's content stream (and its form XObjects)
// into glyphs and rules.
type pageWalker struct {
	glyphs []glyph
	rules  []rule
	fonts  map[string]*fontMetrics
}

// walkPage returns the glyphs and rules drawn on page p.
func walkPage(p pdf.Value) ([]glyph, []rule) {
	w := &pageWalker{fonts: map[string]*fontMetrics{}}
	res := inherited(p, "Resources")
	w.walk(p.Key("Contents"), res, identity, 0)
	return w.glyphs, w.rules
}

// inherited looks key up on the page and then its ancestors.
func inherited(p pdf.Value, key string) pdf.Value {
	for i := 0; i < 32 && !p.IsNull(); i++ {
		if v := p.Key(key); !v.IsNull() {
			return v
		}
		p = p.Key("Parent")
	}
	return pdf.Value{}
}

// textState is the text object state: matrices that BT resets.
type textState struct{ tm, tlm matrix }

func (w *pageWalker) walk(strm, res pdf.Value, ctm matrix, depth int) {
	if strm.IsNull() || depth > maxFormDepth {
		return
	}
	g := gstate{ctm: ctm, th: 1}
	var stack []gstate
	var ts textState
	var penX, penY float64
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		args := popArgs(stk)
		switch op {
		case "q":
			if len(stack) < 1000 {
				stack = append(stack, g)
			}
		case "Q":
			if n := len(stack); n > 0 {
				g, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if m, ok := matrixArgs(args); ok {
				g.ctm = m.mul(g.ctm)
			}
		case "re":
			if len(args) == 4 {
				w.addRect(g.ctm, num(args[0]), num(args[1]), num(args[2]), num(args[3]))
			}
		case "m":
			if len(args) == 2 {
				penX, penY = num(args[0]), num(args[1])
			}
		case "l":
			if len(args) == 2 {
				x, y := num(args[0]), num(args[1])
				if y == penY {
					w.addRect(g.ctm, math.Min(penX, x), y, math.Abs(x-penX), 0)
				}
				penX, penY = x, y
			}
		case "Do":
			if len(args) == 1 {
				w.form(res.Key("XObject").Key(args[0].Name()), res, g.ctm, depth)
			}
		default:
			w.textOp(op, args, &g, &ts, res)
		}
	})
}

// form walks a form XObject drawn with Do.
func (w *pageWalker) form(x, parentRes pdf.Value, ctm matrix, depth int) {
	if x.Key("Subtype").Name() != "Form" {
		return
	}
	m := identity
	if fm, ok := matrixArgs(arrayValues(x.Key("Matrix"))); ok {
		m = fm
	}
	res := x.Key("Resources")
	if res.IsNull() {
		res = parentRes
	}
	sub := &pageWalker{fonts: map[string]*fontMetrics{}}
	sub.walk(x, res, m.mul(ctm), depth+1)
	for i := range sub.glyphs {
		sub.glyphs[i].seq += len(w.glyphs)
	}
	w.glyphs = appendCapped(w.glyphs, sub.glyphs)
	w.rules = append(w.rules, sub.rules...)
}

func appendCapped(dst, src []glyph) []glyph {
	if room := maxGlyphsPerPage - len(dst); len(src) > room {
		src = src[:max(room, 0)]
	}
	return append(dst, src...)
}

func (w *pageWalker) addRect(ctm matrix, x, y, wd, ht float64) {
	x0, y0 := ctm.apply(x, y)
	x1, y1 := ctm.apply(x+wd, y+ht)
	if math.Abs(y1-y0) > 3 || math.Abs(x1-x0) < 20 || len(w.rules) >= maxRulesPerPage {
		return
	}
	w.rules = append(w.rules, rule{x0: math.Min(x0, x1), x1: math.Max(x0, x1), y: (y0 + y1) / 2})
}

// textOp handles the text operators (BT, Tf, Td, Tj, TJ, ...).
func (w *pageWalker) textOp(op string, args []pdf.Value, g *gstate, ts *textState, res pdf.Value) {
	switch op {
	case "BT":
		ts.tm, ts.tlm = identity, identity
	case "Tf":
		if len(args) == 2 {
			g.font = w.font(res, args[0].Name())
			g.fs = num(args[1])
		}
	case "Tc", "Tw", "Tz", "TL", "Ts":
		if len(args) == 1 {
			setTextParam(g, op, num(args[0]))
		}
	case "Td", "TD":
		if len(args) == 2 {
			if op == "TD" {
				g.tl = -num(args[1])
			}
			ts.tlm = matrix{1, 0, 0, 1, num(args[0]), num(args[1])}.mul(ts.tlm)
			ts.tm = ts.tlm
		}
	case "Tm":
		if m, ok := matrixArgs(args); ok {
			ts.tm, ts.tlm = m, m
		}
	case "T*":
		ts.nextLine(g)
	case "Tj":
		if len(args) == 1 {
			w.show(args[0].RawString(), g, ts)
		}
	case "'", "\"":
		if op == "\"" && len(args) == 3 {
			g.tw, g.tc = num(args[0]), num(args[1])
			args = args[2:]
		}
		if len(args) == 1 {
			ts.nextLine(g)
			w.show(args[0].RawString(), g, ts)
		}
	case "TJ":
		if len(args) == 1 {
			w.showArray(args[0], g, ts)
		}
	}
}

func setTextParam(g *gstate, op string, v float64) {
	switch op {
	case "Tc":
		g.tc = v
	case "Tw":
		g.tw = v
	case "Tz":
		g.th = v / 100
	case "TL":
		g.tl = v
	case "Ts":
		g.rise = v
	}
}

func (ts *textState) nextLine(g *gstate) {
	ts.tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(ts.tlm)
	ts.tm = ts.tlm
}

func (w *pageWalker) showArray(v pdf.Value, g *gstate, ts *textState) {
	for i := 0; i < v.Len(); i++ {
		x := v.Index(i)
		if x.Kind() == pdf.String {
			w.show(x.RawString(), g, ts)
			continue
		}
		tx := -x.Float64() / 1000 * g.fs * g.th
		ts.tm = matrix{1, 0, 0, 1, tx, 0}.mul(ts.tm)
	}
}

// show draws the string s with the current font, one glyph per code.
func (w *pageWalker) show(s string, g *gstate, ts *textState) {
	f := g.font
	if f == nil {
		return
	}
	cb := f.codeBytes
	for i := 0; i+cb <= len(s); i += cb {
		raw := s[i : i+cb]
		code := int(raw[0])
		if cb == 2 {
			code = code<<8 | int(raw[1])
		}
		w0 := f.width(code)
		trm := matrix{g.fs * g.th, 0, 0, g.fs, 0, g.rise}.mul(ts.tm).mul(g.ctm)
		w.addGlyph(trm, w0, f, raw)
		spacing := g.tc
		if cb == 1 && raw == " " {
			spacing += g.tw
		}
		tx := (w0/1000*g.fs + spacing) * g.th
		ts.tm = matrix{1, 0, 0, 1, tx, 0}.mul(ts.tm)
	}
}

func (w *pageWalker) addGlyph(trm matrix, w0 float64, f *fontMetrics, raw string) {
	if len(w.glyphs) >= maxGlyphsPerPage || trm[0] <= 0 || math.Abs(trm[1]) > 0.1*trm[0] {
		return // limit reached, or rotated or mirrored text (margin notes, stamps)
	}
	text := f.decode(raw)
	if text == "" {
		return
	}
	size := math.Hypot(trm[2], trm[3])
	if !(size > 0.5 && size < 2000 && abs(trm[4]) < 1e5 && abs(trm[5]) < 1e5 && trm[0] < 1e4) {
		return // invisible or off any page: hostile or broken coordinates
	}
	w.glyphs = append(w.glyphs, glyph{seq: len(w.glyphs), x: trm[4], y: trm[5], w: w0 / 1000 * trm[0], size: size, font: f.name, s: text})
}

func (w *pageWalker) font(res pdf.Value, name string) *fontMetrics {
	if f, ok := w.fonts[name]; ok {
		return f
	}
	v := res.Key("Font").Key(name)
	var f *fontMetrics
	if !v.IsNull() {
		f = loadFont(v)
	}
	w.fonts[name] = f
	return f
}

func popArgs(stk *pdf.Stack) []pdf.Value {
	n := stk.Len()
	args := make([]pdf.Value, n)
	for i := n - 1; i >= 0; i-- {
		args[i] = stk.Pop()
	}
	return args
}

func arrayValues(v pdf.Value) []pdf.Value {
	out := make([]pdf.Value, 0, v.Len())
	for i := 0; i < v.Len() && i < 16; i++ {
		out = append(out, v.Index(i))
	}
	return out
}

func matrixArgs(args []pdf.Value) (matrix, bool) {
	if len(args) != 6 {
		return matrix{}, false
	}
	var m matrix
	for i := range m {
		m[i] = num(args[i])
	}
	return m, true
}

// num reads an integer or real operand; anything else is 0.
func num(v pdf.Value) float64 {
	f := v.Float64()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}
