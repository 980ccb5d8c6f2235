package charts

import (
	"math"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// tableGroups is the most days or venues charts 1 and 2 draw as grouped
// bars: past it the bars are too thin to tell apart, and a table of tiles,
// formulations down and days or venues across, reads better.
const tableGroups = 6

// drawTable draws one row per label and one column per series, each tile
// shaded by its value (white for none) and marked with it where it fits.
func drawTable(dc draw.Canvas, lk *look, rows []string, series []Series, vmax float64, rate bool) {
	W, H := dc.Max.X-dc.Min.X, dc.Max.Y-dc.Min.Y
	n := len(series)
	cs := lk.style(sizeTick, false, gray(ink))
	gap := lk.pt(6)
	// column labels, upright, as long as the longest (at most a quarter of the height)
	var colH vg.Length
	cols := make([]string, n)
	for j, s := range series {
		cols[j] = fit(cs, s.Name, H*0.25)
		colH = max(colH, cs.Width(cols[j]))
	}
	cellH := (H - colH - gap) / vg.Length(max(1, len(rows)))
	labels, rs := lk.categoryLabels(rows, cellH, W*0.35)
	var rowW vg.Length
	for _, l := range labels {
		rowW = max(rowW, widest(rs, strings.Split(l, "\n")))
	}
	x0 := dc.Min.X + rowW + gap
	cellW := min((dc.Max.X-x0)/vg.Length(max(1, n)), lk.pt(90))
	top := dc.Max.Y
	vs := lk.style(sizeValue, false, gray(ink))
	border := draw.LineStyle{Color: gray(rule), Width: lk.pt(0.5)}
	for i, l := range labels {
		y1 := top - vg.Length(i)*cellH
		y0 := y1 - cellH
		lines := strings.Split(l, "\n")
		base := (y0+y1)/2 + vg.Length(len(lines)-1)*lineHeight(rs)/2 - capHeight(rs)/2
		for k, line := range lines {
			textAt(dc, rs, x0-gap, base-vg.Length(k)*lineHeight(rs), draw.XRight, line)
		}
		for j, s := range series {
			v := s.Values[i]
			x := x0 + vg.Length(j)*cellW
			fill := heatColor(v, vmax)
			fillRect(dc, fill, x, y0, x+cellW, y1)
			strokeRect(dc, border, x, y0, x+cellW, y1)
			if v == 0 {
				continue
			}
			txt := number(v, rate)
			if vs.Width(txt)+lk.pt(3) <= cellW && capHeight(vs)+lk.pt(3) <= cellH {
				vs.Color = textOn(fill)
				textAt(dc, vs, x+cellW/2, (y0+y1)/2-capHeight(vs)/2, draw.XCenter, txt)
			}
		}
	}
	// column labels under the tiles, every k-th when they would touch
	k := max(1, int((lineHeight(cs)*1.1+cellW-1)/cellW))
	bottom := top - vg.Length(len(rows))*cellH - lk.pt(4)
	for j, l := range cols {
		if j%k != 0 {
			continue
		}
		at := vg.Point{X: x0 + (vg.Length(j)+0.5)*cellW + capHeight(cs)/2, Y: bottom}
		textRotated(dc, cs, at, math.Pi/2, draw.XRight, l)
	}
}
