package charts

import (
	"image"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// inked counts the pixels of a rectangle of img that are not white.
func inked(img *image.RGBA, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c := img.RGBAAt(x, y); c.R < 0xf0 || c.G < 0xf0 || c.B < 0xf0 {
				n++
			}
		}
	}
	return n
}

// TestChineseLabelDrawn: a Chinese label draws glyphs, in a chart of any
// script: in an English chart's Liberation Sans (which has no Chinese
// character; gonum draws nothing for a glyph its face lacks, silently)
// through the fallback, glyph by glyph, to WenQuanYi Micro Hei, and in a
// Chinese chart.
// Each of the label's halves, the Latin and the Chinese, draws its own
// pixels; drawn with gonum's own handler, the Chinese half is blank,
// which is the failure this guards against.
func TestChineseLabelDrawn(t *testing.T) {
	const latin, chinese = "high-quality development ", "高质量发展"
	draw1 := func(lk *look) (*image.RGBA, vg.Length) {
		cv := newPNGCanvas(900, 120, 150, nil)
		defer cv.close()
		dc := draw.New(cv)
		sty := lk.style(16, false, gray(ink))
		dc.FillText(sty, vg.Point{X: vg.Points(10), Y: vg.Points(20)}, latin+chinese)
		return cv.img, sty.Width(latin)
	}
	for _, script := range []string{"Latn", "Hans"} {
		img, split := draw1(newLook(vg.Points(640), vg.Points(400), script))
		// pixels: 150 dpi, 10 pt left margin; the Chinese half starts where the Latin ends
		cut := int((vg.Points(10) + split).Dots(150))
		left, right := inked(img, image.Rect(0, 0, cut, 120)), inked(img, image.Rect(cut, 0, 900, 120))
		if left < 200 || right < 200 {
			t.Errorf("%s chart: %d inked pixels in the Latin half, %d in the Chinese half; want both drawn", script, left, right)
		}
	}
	plain := newLook(vg.Points(640), vg.Points(400), "Latn")
	plain.hdl = plot.DefaultTextHandler
	img, split := draw1(plain)
	cut := int((vg.Points(10) + split).Dots(150))
	if n := inked(img, image.Rect(cut, 0, 900, 120)); n != 0 {
		t.Errorf("gonum's own handler drew %d pixels of Chinese in Liberation Sans; the test no longer shows the failure", n)
	}
	// per glyph: the Latin half is Liberation Sans, pixel for pixel what
	// gonum's own handler draws; only the Chinese takes the other face
	fb, _ := draw1(newLook(vg.Points(640), vg.Points(400), "Latn"))
	for y := 0; y < 120; y++ {
		for x := 0; x < cut; x++ {
			if fb.RGBAAt(x, y) != img.RGBAAt(x, y) {
				t.Fatalf("pixel %d,%d of the Latin half differs from Liberation Sans drawn alone", x, y)
			}
		}
	}
}

// TestFallbackWidths: a text's width measured again comes from the
// chart's widths, the same as measured afresh, run by run, for Latin,
// Chinese and mixed labels.
func TestFallbackWidths(t *testing.T) {
	lk := newLook(vg.Points(640), vg.Points(400), "Latn")
	h, ok := lk.hdl.(fallback)
	if !ok || h.widths == nil {
		t.Fatalf("the look's text handler is %T; want the fallback with its widths", lk.hdl)
	}
	sty := lk.style(11, false, gray(ink))
	for _, label := range []string{"high-quality development", "高质量发展", "high-quality development 高质量发展"} {
		first, _, _ := h.Box(label, sty.Font)
		again, _, _ := h.Box(label, sty.Font)
		var fresh vg.Length
		for _, r := range h.runs(label, sty.Font) {
			fresh += r.face.Width(r.text)
		}
		if first != fresh || again != fresh || fresh <= 0 {
			t.Errorf("%q: width %v, then %v; measured afresh %v", label, first, again, fresh)
		}
	}
	// the Latin label, the Chinese one (also the mixed label's second
	// run) and the mixed label's Latin run, "high-quality development "
	if len(h.widths.of) != 3 {
		t.Errorf("%d widths kept; want 3", len(h.widths.of))
	}
}
