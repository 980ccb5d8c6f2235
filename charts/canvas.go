package charts

import (
	"image"

	"git.sr.ht/~sbinet/gg"
	"golang.org/x/image/draw"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/math/f64"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// pngCanvas is a vgimg canvas that draws text faster, to the same pixels:
// vgimg makes a new font face, with an empty glyph cache, for every string
// it draws, and gg places every glyph with a bilinear transform even when
// the glyph only moves by whole pixels. pngCanvas keeps one face per font
// and copies glyphs that only move (see glyphInterpolator).
type pngCanvas struct {
	*vgimg.Canvas
	img   *image.RGBA
	ctx   *gg.Context
	faces map[font.Font]xfont.Face
}

// newPNGCanvas makes a white canvas of w × h pixels at dpi, drawing into
// img when it has that size (vgimg paints it white first), or into a new
// image.
func newPNGCanvas(w, h, dpi int, img *image.RGBA) *pngCanvas {
	if img == nil || img.Rect != image.Rect(0, 0, w, h) {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	ctx := gg.NewContextForRGBA(img)
	// what vgimg.NewWith does to a context it makes itself
	ctx.SetLineCapButt()
	ctx.InvertY()
	ctx.SetInterpolator(glyphInterpolator{})
	return &pngCanvas{
		Canvas: vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(dpi)),
		img:    img,
		ctx:    ctx,
		faces:  map[font.Font]xfont.Face{},
	}
}

// FillString draws str as vgimg.Canvas.FillString does, with a face kept
// for the canvas's life.
func (c *pngCanvas) FillString(f font.Face, pt vg.Point, str string) {
	if f.Font.Size == 0 {
		return
	}
	face, ok := c.faces[f.Font]
	if !ok {
		face = f.FontFace(c.DPI())
		c.faces[f.Font] = face
	}
	c.ctx.Push()
	defer c.ctx.Pop()
	c.ctx.SetFontFace(face)
	dpi := c.DPI()
	_, h := c.Size()
	c.ctx.InvertY()
	c.ctx.DrawString(str, pt.X.Dots(dpi), h.Dots(dpi)-pt.Y.Dots(dpi))
}

// close releases the faces.
func (c *pngCanvas) close() {
	for _, f := range c.faces {
		f.Close()
	}
}

// glyphInterpolator copies a source that a transform only moves by whole
// pixels, which is what bilinear interpolation gives for such a move, and
// leaves every other transform (turned text, scaled images) to
// draw.BiLinear.
type glyphInterpolator struct{}

func (glyphInterpolator) Scale(dst draw.Image, dr image.Rectangle, src image.Image, sr image.Rectangle, op draw.Op, opts *draw.Options) {
	draw.BiLinear.Scale(dst, dr, src, sr, op, opts)
}

func (glyphInterpolator) Transform(dst draw.Image, s2d f64.Aff3, src image.Image, sr image.Rectangle, op draw.Op, opts *draw.Options) {
	dx, dy := int(s2d[2]), int(s2d[5])
	if s2d[0] == 1 && s2d[1] == 0 && s2d[3] == 0 && s2d[4] == 1 && float64(dx) == s2d[2] && float64(dy) == s2d[5] &&
		(opts == nil || opts.DstMask == nil) {
		draw.Copy(dst, sr.Min.Add(image.Pt(dx, dy)), src, sr, op, opts)
		return
	}
	draw.BiLinear.Transform(dst, s2d, src, sr, op, opts)
}
