package charts

import (
	"cmp"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// bar is one rectangle of a bar panel.
type bar struct {
	cat    int     // category index (first at the top, or at the left)
	lo, hi float64 // extent across the category, in category units around its centre
	v0, v1 float64 // extent along the value axis
	fill   color.Color
	end    string // text just past the end of the bar (v1), "" for none
	inside string // text centred in the bar, drawn only where it fits
}

// barPanel is a bar chart body: categories along one axis, values along
// the other. Horizontal panels list categories top down with their labels
// wrapped on the left; vertical ones left to right under the bars.
type barPanel struct {
	cats       []string
	bars       []bar
	horizontal bool
	valueLabel string // the value axis title, with its unit
	catLabel   string // the category axis title, if any
	ticks      niceTicks
	vmin, vmax float64   // the values to show (the axis grows to fit the end texts)
	refs       []float64 // values of dashed lines across the bars
	halo       bool      // clear a white box behind the texts at the bar ends (bars well apart)
}

// plotFor is a gonum plot styled for these charts: Liberation Sans, grey
// axes, no title (the frame draws it).
func (lk *look) plotFor() *plot.Plot {
	p := plot.New()
	p.BackgroundColor = nil
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle = lk.style(sizeAxis, false, gray(ink))
		a.Label.TextStyle.XAlign, a.Label.TextStyle.YAlign = draw.XCenter, draw.YBottom
		a.Label.Padding = lk.pt(5)
		a.Tick.Label = lk.style(sizeTick, false, gray(ink))
		a.LineStyle = draw.LineStyle{Color: gray(inkFaint), Width: lk.pt(0.75)}
		a.Tick.LineStyle = a.LineStyle
		a.Tick.Length = lk.pt(4)
		a.Padding = lk.pt(3)
	}
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XCenter, draw.YTop
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	return p
}

// hideCategoryAxis keeps an axis's tick labels and drops its line and marks.
func hideCategoryAxis(a *plot.Axis) {
	a.Width = 0
	a.Tick.Length = 0
	a.Tick.Width = 0
	a.Padding = 0
}

// categoryLabels wraps the labels of a horizontal panel so that they fit
// the height of their rows: at about 30 characters, wider or in smaller
// type when rows are short, and cut with an ellipsis as a last resort.
func (lk *look) categoryLabels(cats []string, rowH, maxW vg.Length) ([]string, text.Style) {
	var sty text.Style
	var out []string
	for _, size := range []float64{sizeCategory, 9, 8.5, 8, 7.5} {
		sty = lk.style(size, false, gray(ink))
		for _, w := range []vg.Length{min(sty.Width(strings.Repeat("n", 30)), maxW*0.8), maxW} {
			out = out[:0]
			fits := true
			for _, c := range cats {
				lines := wrap(sty, c, w)
				if vg.Length(len(lines))*lineHeight(sty)*0.95 > rowH {
					fits = false
				}
				out = append(out, strings.Join(lines, "\n"))
			}
			if fits {
				return out, sty
			}
		}
	}
	n := max(1, int(rowH/(lineHeight(sty)*0.95)))
	out = out[:0]
	for _, c := range cats {
		out = append(out, strings.Join(clip(sty, wrap(sty, c, maxW), n, maxW), "\n"))
	}
	return out, sty
}

// columnLabels wraps the labels of a vertical panel into columns of width
// w, at most three lines each; ok is false when a label does not fit.
func (lk *look) columnLabels(cats []string, w vg.Length) (labels []string, ok bool) {
	sty := lk.style(sizeTick, false, gray(ink))
	ok = true
	for _, c := range cats {
		var lines []string
		for _, part := range strings.Split(c, "\n") {
			lines = append(lines, wrap(sty, part, w)...)
		}
		if len(lines) > 3 || strings.Contains(strings.Join(lines, " "), "…") {
			ok = false
		}
		labels = append(labels, strings.Join(lines, "\n"))
	}
	return labels, ok
}

// columnTicks labels n columns slot wide: wrapped under each column when
// the labels fit; else their first lines turned upright (at most maxLen
// long), and only every k-th when even upright labels would touch.
func (lk *look) columnTicks(cats []string, slot, maxLen vg.Length) ([]plot.Tick, text.Style) {
	sty := lk.style(sizeTick, false, gray(ink))
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
	ticks := make([]plot.Tick, 0, len(cats))
	if labels, ok := lk.columnLabels(cats, slot*0.92); ok {
		for i, l := range labels {
			ticks = append(ticks, plot.Tick{Value: float64(i), Label: l})
		}
		return ticks, sty
	}
	sty.Rotation, sty.XAlign, sty.YAlign = math.Pi/2, draw.XRight, draw.YCenter
	k := max(1, int(math.Ceil(float64(lineHeight(sty)*1.1/slot))))
	for i, c := range cats {
		first, _, _ := strings.Cut(c, "\n")
		if i%k == 0 {
			// the trailing space keeps the turned text off the axis line
			ticks = append(ticks, plot.Tick{Value: float64(i), Label: fit(sty, first, maxLen) + " "})
		}
	}
	return ticks, sty
}

// draw draws the panel into c.
func (bp *barPanel) draw(c draw.Canvas, lk *look) {
	p := lk.plotFor()
	n := len(bp.cats)
	cat, val := &p.Y, &p.X
	if !bp.horizontal {
		cat, val = &p.X, &p.Y
	}
	val.Label.Text = bp.valueLabel
	cat.Label.Text = bp.catLabel
	val.Tick.Marker = bp.ticks
	hideCategoryAxis(cat)
	cat.Min, cat.Max = -0.5, float64(n)-0.5
	val.Min, val.Max = bp.vmin, bp.vmax
	w, h := c.Max.X-c.Min.X, c.Max.Y-c.Min.Y
	ticks := make([]plot.Tick, n)
	if bp.horizontal {
		axisH := lineHeight(p.X.Tick.Label) + lineHeight(p.X.Label.TextStyle) + lk.pt(16)
		labels, sty := lk.categoryLabels(bp.cats, (h-axisH)/vg.Length(max(n, 1)), w*0.4)
		sty.XAlign, sty.YAlign = draw.XRight, draw.YCenter
		p.Y.Tick.Label = sty
		for i, l := range labels {
			ticks[i] = plot.Tick{Value: float64(n - 1 - i), Label: l}
		}
	} else {
		ticks, p.X.Tick.Label = lk.columnTicks(bp.cats, (w-lk.pt(60))/vg.Length(max(n, 1)), h*0.25)
	}
	cat.Tick.Marker = plot.ConstantTicks(ticks)
	bp.makeRoom(p, c, lk)

	grid := draw.LineStyle{Color: gray(rule), Width: lk.pt(0.6)}
	p.Add(&gridLines{horizontal: bp.horizontal, ticks: bp.ticks, style: grid})
	p.Add(&barPlotter{bp: bp, lk: lk})
	p.Draw(c)
}

// makeRoom widens the value axis so that the texts past the ends of the
// bars stay inside the plot.
func (bp *barPanel) makeRoom(p *plot.Plot, c draw.Canvas, lk *look) {
	vs := lk.style(sizeValue, false, gray(ink))
	val := &p.X
	if !bp.horizontal {
		val = &p.Y
	}
	for range 2 {
		dc := p.DataCanvas(c)
		span := dc.Max.X - dc.Min.X
		if !bp.horizontal {
			span = dc.Max.Y - dc.Min.Y
		}
		lo, hi := bp.vmin, bp.vmax
		for _, b := range bp.bars {
			if b.end == "" {
				continue
			}
			need := lk.pt(4) + capHeight(vs)
			if bp.horizontal {
				need = lk.pt(4) + vs.Width(b.end)
			}
			frac := float64(need / span)
			if frac >= 0.6 {
				continue
			}
			if b.v1 >= b.v0 {
				// (b.v1 - lo) / (hi' - lo) <= 1 - frac
				hi = max(hi, lo+(b.v1-lo)/(1-frac))
			} else {
				lo = min(lo, hi-(hi-b.v1)/(1-frac))
			}
		}
		val.Min, val.Max = lo, hi
	}
}

// barPlotter draws the bars of a panel, their texts, the zero line and
// the dashed reference lines.
type barPlotter struct {
	bp *barPanel
	lk *look
}

func (b *barPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	bp, lk := b.bp, b.lk
	tx, ty := p.Transforms(&c)
	n := len(bp.cats)
	// rect returns the corners of a bar: x0, y0 at the start of its value
	rect := func(br bar) (x0, y0, x1, y1 vg.Length) {
		if bp.horizontal {
			pos := float64(n - 1 - br.cat)
			return tx(br.v0), ty(pos + br.lo), tx(br.v1), ty(pos + br.hi)
		}
		pos := float64(br.cat)
		return tx(pos + br.lo), ty(br.v0), tx(pos + br.hi), ty(br.v1)
	}
	for _, br := range bp.bars {
		x0, y0, x1, y1 := rect(br)
		fillRect(c, br.fill, x0, y0, x1, y1)
		if luminance(br.fill) > 0.7 {
			strokeRect(c, draw.LineStyle{Color: gray(inkFaint), Width: lk.pt(0.4)}, x0, y0, x1, y1)
		}
	}
	// zero line
	zero := draw.LineStyle{Color: gray(0x44), Width: lk.pt(0.9)}
	if bp.horizontal {
		c.StrokeLine2(zero, tx(0), c.Min.Y, tx(0), c.Max.Y)
	} else {
		c.StrokeLine2(zero, c.Min.X, ty(0), c.Max.X, ty(0))
	}
	// reference lines, explained in the chart's notes
	for _, r := range bp.refs {
		sty := draw.LineStyle{Color: gray(inkFaint), Width: lk.pt(0.8), Dashes: []vg.Length{lk.pt(3), lk.pt(2.5)}}
		if bp.horizontal {
			c.StrokeLine2(sty, tx(r), c.Min.Y, tx(r), c.Max.Y)
		} else {
			c.StrokeLine2(sty, c.Min.X, ty(r), c.Max.X, ty(r))
		}
	}
	for _, br := range bp.bars {
		x0, y0, x1, y1 := rect(br)
		thick := y1 - y0
		if !bp.horizontal {
			thick = x1 - x0
		}
		thick = vg.Length(math.Abs(float64(thick)))
		// texts at the ends: beside horizontal bars in type no taller than
		// the bar; above vertical ones when no wider than their column
		vs := lk.style(min(sizeValue, float64(thick/lk.pt(1))*1.4), false, gray(ink))
		fits := vs.Font.Size >= lk.pt(5.5)
		if !bp.horizontal {
			vs = lk.style(sizeValue, false, gray(ink))
			fits = vs.Width(br.end) <= c.X(p.X.Norm(1))-c.X(p.X.Norm(0))
		}
		if br.end != "" && fits {
			gap := lk.pt(3)
			var x, y vg.Length
			var xa draw.XAlignment
			switch {
			case bp.horizontal && br.v1 >= br.v0:
				x, y, xa = x1+gap, (y0+y1)/2-capHeight(vs)/2, draw.XLeft
			case bp.horizontal:
				x, y, xa = x1-gap, (y0+y1)/2-capHeight(vs)/2, draw.XRight
			case br.v1 >= br.v0:
				x, y, xa = (x0+x1)/2, y1+gap, draw.XCenter
			default:
				x, y, xa = (x0+x1)/2, y1-gap-capHeight(vs), draw.XCenter
			}
			if bp.halo {
				tw := vs.Width(br.end)
				left := x + vg.Length(xa)*tw
				fillRect(c, gray(white), left-lk.pt(1), y-lk.pt(1.5), left+tw+lk.pt(1), y+capHeight(vs)+lk.pt(1.5))
			}
			textAt(c, vs, x, y, xa, br.end)
		}
		if br.inside != "" {
			is := lk.style(sizeValue, false, textOn(br.fill))
			bw, bh := vg.Length(math.Abs(float64(x1-x0))), vg.Length(math.Abs(float64(y1-y0)))
			if is.Width(br.inside)+lk.pt(4) <= bw && capHeight(is)+lk.pt(5) <= bh {
				textAt(c, is, (x0+x1)/2, (y0+y1)/2-capHeight(is)/2, draw.XCenter, br.inside)
			}
		}
	}
}

// gridLines draws light lines across the plot at the value ticks.
type gridLines struct {
	horizontal bool // the bars are horizontal: the lines are vertical
	ticks      plot.Ticker
	style      draw.LineStyle
}

func (g *gridLines) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	if g.horizontal {
		for _, t := range g.ticks.Ticks(p.X.Min, p.X.Max) {
			c.StrokeLine2(g.style, tx(t.Value), c.Min.Y, tx(t.Value), c.Max.Y)
		}
		return
	}
	for _, t := range g.ticks.Ticks(p.Y.Min, p.Y.Max) {
		c.StrokeLine2(g.style, c.Min.X, ty(t.Value), c.Max.X, ty(t.Value))
	}
}

// niceTicks marks an axis at round steps: whole numbers for counts,
// percentages for shares (values 0–1), decimals otherwise.
type niceTicks struct {
	integer, percent bool
	steps            int // about how many steps across the axis; 0 means 5
}

func (t niceTicks) Ticks(lo, hi float64) []plot.Tick {
	if hi <= lo {
		return nil
	}
	raw := (hi - lo) / float64(cmp.Or(t.steps, 5))
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	if t.integer && step < 1 {
		step = 1
	}
	if t.integer && step != math.Trunc(step) {
		step = 5 * mag // 2.5 is no step between whole numbers
	}
	if t.percent {
		step = math.Max(step, 0.05)
	}
	prec := 0
	if !t.integer {
		prec = max(0, int(-math.Floor(math.Log10(step)+1e-9)))
		if s := step / math.Pow(10, -float64(prec)); math.Abs(s-math.Round(s)) > 1e-9 {
			prec++
		}
	}
	var out []plot.Tick
	for i := math.Ceil(lo/step - 1e-9); i*step <= hi+step*1e-9; i++ {
		v := i * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		out = append(out, plot.Tick{Value: v, Label: t.format(v, prec)})
	}
	return out
}

func (t niceTicks) format(v float64, prec int) string {
	if t.percent {
		return strconv.FormatFloat(v*100, 'f', max(0, prec-2), 64) + "%"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', prec, 64)
	whole, frac, _ := strings.Cut(s, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if frac != "" {
		whole += "." + frac
	}
	if v < 0 {
		return "−" + whole
	}
	return whole
}
