//go:build !race

// Tests that draw every chart at full size. The race detector makes them
// slow and finds nothing in them (they run on one goroutine), so the race
// run of `make test` leaves them out and its second pass runs every test
// of a large_test.go once without it.

package charts

import (
	"bytes"
	"image"
	"testing"

	vgdraw "gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

func TestRenderSizes(t *testing.T) {
	res := analyzeReference(t)
	files, err := RenderAll(res, Options{}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 11 {
		t.Errorf("RenderAll gave %d files; want 11", len(files))
	}
	for name, b := range files {
		if w, h := decode(t, name, b); w != 1600 || h != 900 {
			t.Errorf("%s is %dx%d; want 1600x900", name, w, h)
		}
	}
	// sizes that do not divide evenly by the dpi still come out exact
	c := Build(res, Options{})[3]
	for _, opt := range []Options{{Width: 1000, Height: 700, DPI: 96}, {Width: 1333, Height: 777, DPI: 144}} {
		var buf bytes.Buffer
		if err := c.WritePNG(&buf, opt); err != nil {
			t.Fatal(err)
		}
		if w, h := decode(t, c.Name, buf.Bytes()); w != opt.Width || h != opt.Height {
			t.Errorf("%s at %+v is %dx%d", c.Name, opt, w, h)
		}
	}
}

// TestCanvasDrawsAsVgimg: the canvas with kept faces and copied glyphs
// paints what vgimg's own canvas paints, for every chart of the sample
// (bilinear rounding may leave a few pixels one level apart).
func TestCanvasDrawsAsVgimg(t *testing.T) {
	const w, h, dpi = 1600, 900, 150
	wd, ht, _ := Options{}.withDefaults().size()
	for _, c := range Build(analyzeReference(t), Options{}) {
		ours := newPNGCanvas(w, h, dpi, nil)
		c.draw(vgdraw.New(ours), newLook(wd, ht, ""))
		ours.close()
		theirs := vgimg.NewWith(vgimg.UseWH(wd, ht), vgimg.UseDPI(dpi))
		c.draw(vgdraw.New(theirs), newLook(wd, ht, ""))
		ref := theirs.Image().(*image.RGBA)
		apart, worst := 0, 0
		for i := range ref.Pix {
			if d := int(ref.Pix[i]) - int(ours.img.Pix[i]); d != 0 {
				apart++
				worst = max(worst, d, -d)
			}
		}
		if apart > 50 || worst > 1 {
			t.Errorf("%s: %d bytes differ from vgimg's, by up to %d", c.Name, apart, worst)
		}
	}
}
