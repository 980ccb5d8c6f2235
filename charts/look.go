package charts

import (
	_ "embed"
	"image/color"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// look holds the type sizes of one rendering. Sizes are in points for a
// canvas of at least 640 × 400 pt (1600 × 900 px at 150 dpi is 768 × 432
// pt); a smaller canvas scales every size down by s.
type look struct {
	s    float64
	hdl  text.Handler
	face font.Font // typeface and variant, from the text's script
	// paintBackground fills the image white first (SVG starts transparent)
	paintBackground bool
}

// Type sizes in points at scale 1.
const (
	sizeTitle    = 16
	sizeSubtitle = 11
	sizeAxis     = 11
	sizeTick     = 10
	sizeCategory = 9.5
	sizeLegend   = 10
	sizeValue    = 8.5
	sizeNote     = 8.5
	sizeEmpty    = 20
)

// Grey levels of text and lines that carry no data.
const (
	ink      = 0x1a // text
	inkSoft  = 0x55 // subtitles, notes
	inkFaint = 0x88 // empty messages, reference lines
	rule     = 0xdd // grid lines
	white    = 0xff
)

func gray(level uint8) color.Color { return color.Gray{Y: level} }

func newLook(w, h vg.Length, script string) *look { return newLookWith(w, h, script, nil) }

// newLookWith is newLook with the fonts of cjkFonts, parsed for it when
// nil.
func newLookWith(w, h vg.Length, script string, cache *font.Cache) *look {
	s := math.Min(1, math.Min(w.Points()/640, h.Points()/400))
	lk := &look{s: s, hdl: plot.DefaultTextHandler, face: font.Font{Typeface: "Liberation", Variant: "Sans"}}
	if cache == nil {
		var err error
		if cache, err = cjkFonts(); err != nil {
			return lk // the embedded font is checked by the tests; Liberation alone draws the Latin letters
		}
	}
	lk.hdl = fallback{text.Plain{Fonts: cache}, &widths{of: map[widthKey]vg.Length{}}}
	if script == "Hans" || script == "Hant" || script == "Hani" {
		// Chinese: WenQuanYi Micro Hei throughout, which has the Chinese
		// characters and the Latin letters
		lk.face = font.Font{Typeface: cjkTypeface}
	}
	return lk
}

// fallback draws each character in the look's face when the face has its
// glyph, else in WenQuanYi Micro Hei (Liberation has no Chinese, and gonum
// draws nothing for a glyph its face lacks, silently): a label is cut into
// runs of one face each, set one after the other on one baseline. An
// English chart's "high-quality development 高质量发展" draws its Latin
// letters in Liberation Sans and its Chinese in WenQuanYi; a text whose
// glyphs the face all has is drawn as gonum draws it.
type fallback struct {
	text.Plain
	widths *widths
}

// widths keeps the width of each text in each face measured for one
// chart: gonum measures a label several times as it lays a plot out, and
// each measure allocates.
type widths struct {
	mu sync.Mutex
	of map[widthKey]vg.Length
}

type widthKey struct {
	text string
	font font.Font
}

// width is face's width of txt, measured once.
func (h fallback) width(face font.Face, txt string) vg.Length {
	if h.widths == nil {
		return face.Width(txt)
	}
	h.widths.mu.Lock()
	defer h.widths.mu.Unlock()
	k := widthKey{txt, face.Font}
	w, ok := h.widths.of[k]
	if !ok {
		w = face.Width(txt)
		h.widths.of[k] = w
	}
	return w
}

// run is a piece of a line set in one face.
type run struct {
	text string
	face font.Face
}

// runs cuts a line into runs: the characters the face f has, and those it
// lacks, set in the Chinese face at the same size and weight.
func (h fallback) runs(line string, f font.Font) []run {
	base := h.Fonts.Lookup(f, f.Size)
	if f.Typeface == cjkTypeface || base.Face == nil || isASCII(line) {
		return []run{{line, base}} // Liberation has ASCII
	}
	cjk := h.Fonts.Lookup(font.Font{Typeface: cjkTypeface, Weight: f.Weight, Size: f.Size}, f.Size)
	var buf sfnt.Buffer
	has := func(r rune) bool {
		if r < utf8.RuneSelf {
			return true // Liberation has ASCII
		}
		g, err := base.Face.GlyphIndex(&buf, r)
		return err == nil && g != 0
	}
	var out []run
	start, inBase := 0, true
	add := func(end int) {
		if end > start {
			face := base
			if !inBase {
				face = cjk
			}
			out = append(out, run{line[start:end], face})
		}
	}
	for i, r := range line {
		if b := has(r); b != inBase {
			add(i)
			start, inBase = i, b
		}
	}
	add(len(line))
	return out
}

func (h fallback) Box(txt string, f font.Font) (width, height, depth vg.Length) {
	for _, r := range h.runs(txt, f) {
		ext := r.face.Extents()
		width += h.width(r.face, r.text)
		height, depth = max(height, ext.Ascent), max(depth, ext.Descent)
	}
	return width, height, depth
}

// Draw is text.Plain's Draw, each line set run by run.
func (h fallback) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if len(txt) == 0 {
		return
	}
	fnt := h.Fonts.Lookup(sty.Font, sty.Font.Size)
	c.SetColor(sty.Color)
	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
	}
	sin64, cos64 := math.Sincos(sty.Rotation)
	cos, sin := vg.Length(cos64), vg.Length(sin64)
	pt.X, pt.Y = pt.Y*sin+pt.X*cos, pt.Y*cos-pt.X*sin
	lines := h.Lines(txt)
	ht := sty.Height(txt)
	pt.Y += ht*vg.Length(sty.YAlign) - fnt.Extents().Ascent
	for i, line := range lines {
		runs := h.runs(line, sty.Font)
		var w vg.Length
		for _, r := range runs {
			w += h.width(r.face, r.text)
		}
		n := vg.Length(len(lines) - i)
		at := pt.Add(vg.Point{X: vg.Length(sty.XAlign) * w, Y: n * sty.Font.Size})
		for _, r := range runs {
			c.FillString(r.face, at, r.text)
			at.X += h.width(r.face, r.text)
		}
	}
	if sty.Rotation != 0 {
		c.Pop()
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// cjkTypeface is the name the Chinese face goes by in its cache.
const cjkTypeface = "WenQuanYi Micro Hei"

// wqyMicroHei is WenQuanYi Micro Hei 0.2.0-beta (the WenQuanYi Project,
// from Google's Droid Sans and Droid Sans Fallback; Apache License 2.0,
// fonts/LICENSE-wqy-microhei and COPYRIGHT-wqy-microhei; 4.6 MB, its
// first face taken out of Debian's fonts-wqy-microhei collection with
// fontTools, as x/image cannot read the collection): TrueType outlines of the CJK ideographs
// and the Latin letters, which gonum's renderers can draw.
//
//go:embed fonts/wqy-microhei.ttf
var wqyMicroHei []byte

// cjkFonts is a font cache holding Liberation (gonum's) and the Chinese
// face, regular and bold (the font has one weight; bold text is set in it
// too).
func cjkFonts() (*font.Cache, error) {
	f, err := opentype.Parse(wqyMicroHei)
	if err != nil {
		return nil, err
	}
	regular := font.Font{Typeface: cjkTypeface}
	bold := regular
	bold.Weight = xfont.WeightBold
	return font.NewCache(append(liberation.Collection(), font.Face{Font: regular, Face: f}, font.Face{Font: bold, Face: f})), nil
}

// pt is a length of v points, scaled.
func (lk *look) pt(v float64) vg.Length { return vg.Points(v * lk.s) }

// style is the look's typeface at size points (scaled).
func (lk *look) style(size float64, bold bool, col color.Color) text.Style {
	f := lk.face
	f.Size = lk.pt(size)
	if bold {
		f.Weight = xfont.WeightBold
	}
	return text.Style{Color: col, Font: f, Handler: lk.hdl, XAlign: draw.XLeft, YAlign: draw.YBottom}
}

// lineHeight is the distance between the baselines of two lines.
func lineHeight(sty text.Style) vg.Length { return sty.Font.Size * 1.2 }

// capHeight is the height of a capital or a digit.
func capHeight(sty text.Style) vg.Length { return sty.Font.Size * 0.69 }

// textAt draws one line of text with its baseline at y; x is its left
// edge, centre or right edge as xa says.
func textAt(c draw.Canvas, sty text.Style, x, y vg.Length, xa draw.XAlignment, s string) {
	sty.XAlign, sty.YAlign, sty.Rotation = xa, draw.YBottom, 0
	// the plain handler puts the baseline of a bottom-aligned line at
	// y - ascent + size
	asc := sty.FontExtents().Ascent
	c.FillText(sty, vg.Point{X: x, Y: y + asc - sty.Font.Size}, s)
}

// textRotated draws one line of text turned by theta (radians,
// anticlockwise) about its anchor: the baseline point at the left, centre or
// right of the text as xa says.
func textRotated(c draw.Canvas, sty text.Style, at vg.Point, theta float64, xa draw.XAlignment, s string) {
	sty.XAlign, sty.YAlign, sty.Rotation = xa, draw.YBottom, theta
	d := float64(sty.FontExtents().Ascent - sty.Font.Size)
	sin, cos := math.Sincos(theta)
	c.FillText(sty, vg.Point{X: at.X - vg.Length(d*sin), Y: at.Y + vg.Length(d*cos)}, s)
}

// wrap breaks s into lines no wider than w, at spaces; a word wider than w
// is shortened with an ellipsis so that nothing is ever cut at the edge.
func wrap(sty text.Style, s string, w vg.Length) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		word = fit(sty, word, w)
		if cur == "" {
			cur = word
			continue
		}
		if sty.Width(cur+" "+word) <= w {
			cur += " " + word
			continue
		}
		lines = append(lines, cur)
		cur = word
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// fit shortens s with an ellipsis until it is no wider than w.
func fit(sty text.Style, s string, w vg.Length) string {
	if sty.Width(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := strings.TrimRight(string(r), " ") + "…"
		if sty.Width(t) <= w {
			return t
		}
	}
	return "…"
}

// clip keeps the first n lines, marking a cut with an ellipsis.
func clip(sty text.Style, lines []string, n int, w vg.Length) []string {
	if len(lines) <= n {
		return lines
	}
	out := append([]string(nil), lines[:n]...)
	out[n-1] = fit(sty, out[n-1]+"…", w)
	return out
}

// widest is the width of the widest line.
func widest(sty text.Style, lines []string) vg.Length {
	var w vg.Length
	for _, l := range lines {
		w = max(w, sty.Width(l))
	}
	return w
}

// fillRect fills the rectangle between two corners.
func fillRect(c draw.Canvas, col color.Color, x0, y0, x1, y1 vg.Length) {
	c.SetColor(col)
	c.Fill(vg.Rectangle{Min: vg.Point{X: min(x0, x1), Y: min(y0, y1)}, Max: vg.Point{X: max(x0, x1), Y: max(y0, y1)}}.Path())
}

// strokeRect outlines the rectangle between two corners.
func strokeRect(c draw.Canvas, sty draw.LineStyle, x0, y0, x1, y1 vg.Length) {
	c.SetLineStyle(sty)
	c.Stroke(vg.Rectangle{Min: vg.Point{X: min(x0, x1), Y: min(y0, y1)}, Max: vg.Point{X: max(x0, x1), Y: max(y0, y1)}}.Path())
}

// luminance is the relative luminance of a colour (0 black, 1 white).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// textOn is dark or white text, whichever reads better on a fill.
func textOn(fill color.Color) color.Color {
	if luminance(fill) > 0.33 {
		return gray(ink)
	}
	return gray(white)
}
