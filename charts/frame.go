package charts

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendItem is one entry of a legend: a filled box, or a line with a marker.
type legendItem struct {
	label  string
	fill   color.Color // box swatch; nil for a line swatch
	line   color.Color // line swatch
	dashes []vg.Length
	marker int // marker shape (see drawMarker) on the line swatch
}

// draw lays out the whole image: a header with the title and subtitle,
// the body, and a footer with the legend, the notes and the source line.
// The legend never stands over the data.
func (c Chart) draw(dc draw.Canvas, lk *look) {
	if lk.paintBackground { // an image canvas starts white; SVG starts transparent
		fillRect(dc, gray(white), dc.Min.X, dc.Min.Y, dc.Max.X, dc.Max.Y)
	}
	in := draw.Crop(dc, lk.pt(18), -lk.pt(18), lk.pt(10), -lk.pt(12))
	w := in.Max.X - in.Min.X

	// header, top down
	ts := lk.style(sizeTitle, true, gray(ink))
	ss := lk.style(sizeSubtitle, false, gray(inkSoft))
	y := in.Max.Y
	for i, l := range wrap(ts, c.Title, w) {
		if i == 0 {
			y -= capHeight(ts)
		} else {
			y -= lineHeight(ts)
		}
		textAt(in, ts, in.Min.X, y, draw.XLeft, l)
	}
	if c.Subtitle != "" {
		y -= lk.pt(4)
		for _, l := range wrap(ss, c.Subtitle, w) {
			y -= lineHeight(ss)
			textAt(in, ss, in.Min.X, y, draw.XLeft, l)
		}
	}
	top := y - lk.pt(14)

	// footer, bottom up
	ns := lk.style(sizeNote, false, gray(inkSoft))
	yb := in.Min.Y + ns.Font.Size*0.25
	if c.source != "" {
		textAt(in, ns, in.Min.X, yb, draw.XLeft, fit(ns, c.source, w))
		yb += lineHeight(ns)
	}
	var notes []string
	for _, n := range c.notes {
		notes = append(notes, wrap(ns, n, w)...)
	}
	for i := len(notes) - 1; i >= 0; i-- {
		textAt(in, ns, in.Min.X, yb, draw.XLeft, notes[i])
		yb += lineHeight(ns)
	}
	yb += lk.pt(2)
	if c.Empty == "" && len(c.legend) > 0 {
		yb += lk.drawLegend(in, c.legend, yb) + lk.pt(8)
	}
	if c.Empty == "" && c.bar != nil {
		yb += lk.drawColorBar(in, c.bar, yb) + lk.pt(8)
	}
	body := draw.Crop(in, 0, 0, yb-in.Min.Y, top-in.Max.Y)
	if body.Max.Y-body.Min.Y < lk.pt(40) {
		return // no room left: the header and footer say what there is
	}
	if c.Empty != "" || c.body == nil {
		drawEmpty(body, lk, c.Empty)
		return
	}
	c.body(body, lk)
}

// drawLegend draws the items in a grid of equal columns just above y and
// returns the height it took.
func (lk *look) drawLegend(c draw.Canvas, items []legendItem, y vg.Length) vg.Length {
	ls := lk.style(sizeLegend, false, gray(ink))
	w := c.Max.X - c.Min.X
	swatch, gap, colGap := lk.pt(10), lk.pt(5), lk.pt(18)
	for _, it := range items {
		if it.fill == nil {
			swatch = lk.pt(26)
		}
	}
	// as many columns as fit, each as wide as its widest entry
	itemW := make([]vg.Length, len(items))
	for i, it := range items {
		itemW[i] = min(swatch+gap+ls.Width(it.label), w)
	}
	cols, colX := 1, []vg.Length{0}
	for n := len(items); n > 1; n-- {
		xs := make([]vg.Length, n)
		var x vg.Length
		for k := 0; k < n; k++ {
			xs[k] = x
			var cw vg.Length
			for i := k; i < len(items); i += n {
				cw = max(cw, itemW[i])
			}
			x += cw + colGap
		}
		if x-colGap <= w {
			cols, colX = n, xs
			break
		}
	}
	rows := (len(items) + cols - 1) / cols
	rowH := lineHeight(ls) * 1.1
	for i, it := range items {
		r, k := i/cols, i%cols
		x := c.Min.X + colX[k]
		base := y + vg.Length(rows-1-r)*rowH + ls.Font.Size*0.3
		mid := base + capHeight(ls)/2
		if it.fill != nil {
			s := ls.Font.Size * 0.8
			fillRect(c, it.fill, x, mid-s/2, x+s, mid+s/2)
			if luminance(it.fill) > 0.7 {
				strokeRect(c, draw.LineStyle{Color: gray(inkFaint), Width: lk.pt(0.5)}, x, mid-s/2, x+s, mid+s/2)
			}
		} else {
			c.StrokeLine2(draw.LineStyle{Color: it.line, Width: lk.pt(2), Dashes: it.dashes}, x, mid, x+swatch, mid)
			drawMarker(c, it.marker, vg.Point{X: x + swatch/2, Y: mid}, lk.pt(3.5), it.line, lk)
		}
		textAt(c, ls, x+swatch+gap, base, draw.XLeft, fit(ls, it.label, w-colX[k]-swatch-gap))
	}
	return vg.Length(rows) * rowH
}

// drawEmpty writes the message of a chart without data in the middle of
// where the data would be: its first line large, the rest smaller.
func drawEmpty(c draw.Canvas, lk *look, msg string) {
	if msg == "" {
		msg = NoMentions
	}
	big := lk.style(sizeEmpty, false, gray(inkFaint))
	small := lk.style(sizeSubtitle, false, gray(inkSoft))
	first, rest, _ := strings.Cut(msg, "\n")
	w := (c.Max.X - c.Min.X) * 0.8
	var lines []string
	if rest != "" {
		lines = wrap(small, rest, w)
	}
	h := capHeight(big) + vg.Length(len(lines))*lineHeight(small)
	mid := c.Center()
	y := mid.Y + h/2 - capHeight(big)
	textAt(c, big, mid.X, y, draw.XCenter, fit(big, first, w))
	y -= lk.pt(6)
	for _, l := range lines {
		y -= lineHeight(small)
		textAt(c, small, mid.X, y, draw.XCenter, l)
	}
}

// drawMarker draws marker shape k (0 circle, 1 square, 2 diamond,
// 3 triangle, 4 inverted triangle, 5 hexagon) filled with col, outlined dark.
func drawMarker(c draw.Canvas, k int, at vg.Point, r vg.Length, col color.Color, lk *look) {
	var p vg.Path
	poly := func(n int, phase, scale float64) {
		for i := 0; i < n; i++ {
			a := phase + 2*math.Pi*float64(i)/float64(n)
			pt := vg.Point{X: at.X + vg.Length(math.Cos(a)*scale)*r, Y: at.Y + vg.Length(math.Sin(a)*scale)*r}
			if i == 0 {
				p.Move(pt)
			} else {
				p.Line(pt)
			}
		}
		p.Close()
	}
	switch k % 6 {
	case 0:
		p.Move(vg.Point{X: at.X + r, Y: at.Y})
		p.Arc(at, r, 0, 2*math.Pi)
		p.Close()
	case 1:
		poly(4, math.Pi/4, 1.2)
	case 2:
		poly(4, 0, 1.35)
	case 3:
		poly(3, math.Pi/2, 1.35)
	case 4:
		poly(3, -math.Pi/2, 1.35)
	case 5:
		poly(6, 0, 1.15)
	}
	c.SetColor(col)
	c.Fill(p)
	c.SetLineStyle(draw.LineStyle{Color: gray(0x33), Width: lk.pt(0.75)})
	c.Stroke(p)
}
