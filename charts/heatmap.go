package charts

import (
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// colorBar is the key of the heat map, drawn in the footer: a label,
// then a ramp from 0 to max.
type colorBar struct {
	label string
	max   float64
	rate  bool // max is a rate, not a count
}

// heatmapChart is chart 4: for every pair of themes, the sentences of the
// issue that mention both, as the lower triangle of a theme × theme matrix.
func heatmapChart(f *facts) Chart {
	c := Chart{Name: "theme_cooccurrence_heatmap", Title: "Themes mentioned in the same sentence"}
	c.Subtitle = f.subtitle("sentences mentioning both themes, whole issue")
	ts, series := f.matrix()
	if len(ts) < 2 {
		c.Empty = NoMentions + "\nFewer than two themes are mentioned in this issue: there is no pair to show."
		return c
	}
	c.Series = series
	vmax := 0.0
	for _, s := range series {
		for _, v := range s.Values {
			vmax = max(vmax, v)
		}
	}
	c.bar = &colorBar{label: "Sentences mentioning both themes", max: max(vmax, 1)}
	c.notes = []string{"A sentence counts once per pair, however many mentions it holds; headlines count as sentences. Themes with no mention are left out."}
	if vmax == 0 {
		c.notes = append(c.notes, "No sentence of this issue mentions two themes.")
	}
	c.body = func(dc draw.Canvas, lk *look) { drawHeatmap(dc, lk, ts, series, max(vmax, 1)) }
	return c
}

func drawHeatmap(dc draw.Canvas, lk *look, ts []themeTotal, rows []Series, vmax float64) {
	m := len(rows) // cells per side
	W, H := dc.Max.X-dc.Min.X, dc.Max.Y-dc.Min.Y
	ls := lk.style(sizeTick, false, gray(ink))
	sw, gap := ls.Font.Size*0.8, lk.pt(5)
	// row labels: the themes from the second on, wrapped in two lines
	rowLabels := make([][]string, m)
	var rowW vg.Length
	for r := range rows {
		rowLabels[r] = clip(ls, wrap(ls, rows[r].Name, W*0.26), 2, W*0.26)
		rowW = max(rowW, widest(ls, rowLabels[r]))
	}
	left := rowW + gap + sw + gap // from the body's left edge to the grid
	const diag = math.Sqrt2 / 2
	asc := capHeight(ls)
	// the largest cell for which the slanted column labels fit, shortening
	// the labels if need be
	var cell vg.Length
	var colLabels []string
	for _, cap := range []vg.Length{W, lk.pt(150), lk.pt(120), lk.pt(95), lk.pt(75)} {
		colLabels = colLabels[:0]
		for j := 0; j < m; j++ {
			colLabels = append(colLabels, fit(ls, ts[j].name, cap))
		}
		for cell = lk.pt(64); cell >= lk.pt(14); cell -= lk.pt(1) {
			up, right := vg.Length(0), left+vg.Length(m)*cell
			for j, l := range colLabels {
				reach := (sw + gap + ls.Width(l)) * diag
				up = max(up, reach+asc-vg.Length(j)*cell)
				right = max(right, left+(vg.Length(j)+0.5)*cell+reach+asc)
			}
			if up+vg.Length(m)*cell+lk.pt(4) <= H && right <= W {
				break
			}
		}
		if cell >= lk.pt(14) {
			break
		}
	}
	cell = max(cell, lk.pt(14))
	// place the grid: its top below the tallest column label, the whole
	// centred across the body
	var up, right vg.Length
	for j, l := range colLabels {
		reach := (sw + gap + ls.Width(l)) * diag
		up = max(up, reach+asc-vg.Length(j)*cell)
		right = max(right, left+(vg.Length(j)+0.5)*cell+reach+asc)
	}
	right = max(right, left+vg.Length(m)*cell)
	x0 := dc.Min.X + max(0, (W-right)/2) + left
	top := dc.Max.Y - max(0, (H-up-vg.Length(m)*cell)/2) - up
	cs := lk.style(min(sizeTick, float64(cell/lk.pt(1))*0.42), false, gray(ink))
	border := draw.LineStyle{Color: gray(rule), Width: lk.pt(0.6)}
	for r, row := range rows {
		y1 := top - vg.Length(r)*cell
		y0 := y1 - cell
		for j, v := range row.Values {
			x := x0 + vg.Length(j)*cell
			fill := heatColor(v, vmax)
			fillRect(dc, fill, x, y0, x+cell, y1)
			strokeRect(dc, border, x, y0, x+cell, y1)
			cs.Color = textOn(fill)
			if v == 0 {
				cs.Color = gray(inkFaint)
			}
			textAt(dc, cs, x+cell/2, (y0+y1)/2-capHeight(cs)/2, draw.XCenter, number(v, false))
		}
		// row label and swatch
		mid := (y0 + y1) / 2
		fillRect(dc, ThemeColor(ts[r+1].index), x0-gap-sw, mid-sw/2, x0-gap, mid+sw/2)
		lines := rowLabels[r]
		base := mid + vg.Length(len(lines)-1)*lineHeight(ls)/2 - capHeight(ls)/2
		for i, l := range lines {
			textAt(dc, ls, x0-gap-sw-gap, base-vg.Length(i)*lineHeight(ls), draw.XRight, l)
		}
	}
	// column labels, slanted up from the top of each column
	for j, l := range colLabels {
		at := vg.Point{X: x0 + (vg.Length(j)+0.5)*cell, Y: top - vg.Length(j)*cell + lk.pt(3)}
		d := vg.Point{X: diag, Y: diag}
		s0 := at.Add(d.Scale(lk.pt(1)))
		c := ThemeColor(ts[j].index)
		// the swatch, turned with the label
		var p vg.Path
		p.Move(s0)
		p.Line(s0.Add(vg.Point{X: diag * sw, Y: diag * sw}))
		p.Line(s0.Add(vg.Point{X: 0, Y: 2 * diag * sw}))
		p.Line(s0.Add(vg.Point{X: -diag * sw, Y: diag * sw}))
		p.Close()
		dc.SetColor(c)
		dc.Fill(p)
		tp := at.Add(d.Scale(sw + gap)).Add(vg.Point{X: diag * asc / 2, Y: -diag * asc / 2})
		textRotated(dc, ls, tp, math.Pi/4, draw.XLeft, l)
	}
}

// drawColorBar draws the heat map's key just above y and returns its height.
func (lk *look) drawColorBar(c draw.Canvas, cb *colorBar, y vg.Length) vg.Length {
	ls := lk.style(sizeLegend, false, gray(ink))
	base := y + ls.Font.Size*0.3
	x := c.Min.X
	textAt(c, ls, x, base, draw.XLeft, cb.label+":")
	x += ls.Width(cb.label+":") + lk.pt(8)
	textAt(c, ls, x, base, draw.XLeft, "0")
	x += ls.Width("0") + lk.pt(4)
	w, h := lk.pt(160), capHeight(ls)*1.3
	const steps = 64
	for i := range steps {
		x0 := x + w*vg.Length(i)/steps
		fillRect(c, heatColor(cb.max*(float64(i)+0.5)/steps, cb.max), x0, base-lk.pt(1), x0+w/steps+lk.pt(0.3), base-lk.pt(1)+h)
	}
	strokeRect(c, draw.LineStyle{Color: gray(inkFaint), Width: lk.pt(0.5)}, x, base-lk.pt(1), x+w, base-lk.pt(1)+h)
	textAt(c, ls, x+w+lk.pt(4), base, draw.XLeft, number(cb.max, cb.rate))
	return lineHeight(ls) * 1.2
}
