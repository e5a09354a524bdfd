package pdftext

import (
	"math"

	"github.com/ledongthuc/pdf"
)

// maxWidthEntries bounds the glyph-width table read from a hostile font.
const maxWidthEntries = 1 << 16

// fontMetrics is what the glyph walker needs from a PDF font: how many
// bytes make one character code, each code's advance width (in 1/1000 em)
// and its Unicode text.
type fontMetrics struct {
	name      string
	codeBytes int
	widths    map[int]float64
	defWidth  float64
	scale     float64 // glyph-space width to 1/1000 em (1 except Type3)
	font      *pdf.Font
}

// loadFont reads the metrics of one font dictionary.
func loadFont(v pdf.Value) *fontMetrics {
	f := &pdf.Font{V: v}
	m := &fontMetrics{name: cleanFontName(v.Key("BaseFont").Name()), codeBytes: 1,
		widths: map[int]float64{}, defWidth: 0, scale: 1, font: f}
	switch v.Key("Subtype").Name() {
	case "Type0":
		m.codeBytes = 2
		desc := v.Key("DescendantFonts").Index(0)
		m.defWidth = 1000
		if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			m.defWidth = dw.Float64()
		}
		readCIDWidths(desc.Key("W"), m.widths)
	case "Type3":
		if fm := v.Key("FontMatrix"); fm.Len() >= 1 && fm.Index(0).Float64() != 0 {
			m.scale = math.Abs(fm.Index(0).Float64()) * 1000
		}
		fallthrough
	default:
		m.defWidth = 500
		readSimpleWidths(v, m.widths)
	}
	return m
}

func readSimpleWidths(v pdf.Value, out map[int]float64) {
	first := int(v.Key("FirstChar").Int64())
	w := v.Key("Widths")
	n := w.Len()
	if n > 256 {
		n = 256
	}
	for i := 0; i < n; i++ {
		out[first+i] = w.Index(i).Float64()
	}
}

// readCIDWidths parses a CIDFont W array: "c [w1 w2 ...]" or "cfirst clast w".
func readCIDWidths(w pdf.Value, out map[int]float64) {
	n := w.Len()
	for i := 0; i < n && len(out) < maxWidthEntries; {
		c := int(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && len(out) < maxWidthEntries; j++ {
				out[c+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			return
		}
		last, width := int(next.Int64()), w.Index(i+2).Float64()
		for c2 := c; c2 <= last && len(out) < maxWidthEntries; c2++ {
			out[c2] = width
		}
		i += 3
	}
}

// width returns the advance of code in 1/1000 em.
func (m *fontMetrics) width(code int) float64 {
	if w, ok := m.widths[code]; ok && w > 0 {
		return w * m.scale
	}
	return m.defWidth
}

// decode returns the Unicode text of one character code.
func (m *fontMetrics) decode(raw string) string {
	enc := m.font.Encoder()
	if enc == nil {
		return raw
	}
	return enc.Decode(raw)
}

// cleanFontName drops the subset prefix ("ABCDEF+Times-Bold" -> "Times-Bold").
func cleanFontName(s string) string {
	if len(s) > 7 && s[6] == '+' {
		return s[7:]
	}
	return s
}
