package charts

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// networkChart is chart 5: the mentioned themes as circles whose area is
// their mentions, on an ellipse in lexicon order (starting at the top,
// clockwise), joined by lines as wide as the sentences that mention both.
func networkChart(f *facts) Chart {
	c := Chart{Name: "theme_network", Title: "How themes connect: mentions and shared sentences"}
	c.Subtitle = f.subtitle("whole issue")
	nodes, series, all, least := f.network()
	if len(nodes) == 0 {
		c.Empty = NoMentions + "\nNo formulation of the lexicon occurs in this issue."
		return c
	}
	c.Series = series
	c.notes = []string{"Circle area: mentions of the theme's formulations. Line width and number: sentences that mention both themes " +
		"(headlines count as sentences). Themes with no mention are left out."}
	if len(series[1].Values) == 0 {
		c.notes = append(c.notes, "No sentence of this issue mentions two themes: there are no lines to draw.")
	}
	if kept := len(series[1].Values); kept < all {
		c.notes = append(c.notes, fmt.Sprintf("Only the %d strongest of the %d links are drawn: pairs of themes sharing %s or more.",
			kept, all, plural(least, "sentence", "sentences")))
	}
	c.body = func(dc draw.Canvas, lk *look) { drawNetwork(dc, lk, nodes, series[1]) }
	return c
}

// box is an axis-aligned rectangle used to keep labels apart.
type box struct{ x0, y0, x1, y1 vg.Length }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// hitsCircle reports whether the box comes within r of centre p.
func (a box) hitsCircle(p vg.Point, r vg.Length) bool {
	dx := max(a.x0-p.X, 0, p.X-a.x1)
	dy := max(a.y0-p.Y, 0, p.Y-a.y1)
	return dx*dx+dy*dy < r*r
}

func drawNetwork(dc draw.Canvas, lk *look, nodes []themeTotal, edges Series) {
	k := len(nodes)
	ls := lk.style(sizeTick, true, gray(ink))
	ms := lk.style(sizeValue, false, gray(inkSoft))
	es := lk.style(sizeValue, true, gray(ink))
	dc = draw.Crop(dc, 0, 0, lk.pt(4), -lk.pt(4))
	W, H := dc.Max.X-dc.Min.X, dc.Max.Y-dc.Min.Y
	ctr := dc.Center()
	// labels: the theme in up to two lines, then its mentions
	type label struct {
		lines []string
		w, h  vg.Length
	}
	labels := make([]label, k)
	for i, n := range nodes {
		l := label{lines: clip(ls, wrap(ls, n.name, lk.pt(120)), 2, lk.pt(120))}
		l.w = max(widest(ls, l.lines), ms.Width(plural(n.mentions, "mention", "mentions")))
		l.h = capHeight(ls) + vg.Length(len(l.lines)-1)*lineHeight(ls) + lineHeight(ms) + ms.Font.Size*0.25
		labels[i] = l
	}
	angle := func(i int) float64 { return math.Pi/2 - 2*math.Pi*float64(i)/float64(k) }
	if k == 2 {
		angle = func(i int) float64 { return math.Pi * float64(1-i) } // left, right
	}
	mMax := 0
	for _, n := range nodes {
		mMax = max(mMax, n.mentions)
	}
	pad := lk.pt(5)
	rx, ry := W/2, H/2
	pos := make([]vg.Point, k)
	rad := make([]vg.Length, k)
	place := func() {
		for i := range nodes {
			s, c := math.Sincos(angle(i))
			pos[i] = vg.Point{X: ctr.X + rx*vg.Length(c), Y: ctr.Y + ry*vg.Length(s)}
			if k == 1 {
				pos[i] = ctr
			}
		}
		// the largest circle: no two circles touch, none is huge
		rMax := min(W, H) * 0.13
		for i := range pos {
			for j := i + 1; j < k; j++ {
				d := pos[i].Sub(pos[j])
				rMax = min(rMax, vg.Length(math.Hypot(float64(d.X), float64(d.Y)))*0.42)
			}
		}
		for i, n := range nodes {
			rad[i] = max(lk.pt(3), rMax*vg.Length(math.Sqrt(float64(n.mentions)/float64(mMax))))
		}
	}
	// the ellipse as large as the labels outside it allow
	for range 4 {
		place()
		rx, ry = W/2, H/2
		for i := range nodes {
			s, c := math.Sincos(angle(i))
			out := rad[i] + pad
			lw, lh := labels[i].w, labels[i].h
			switch {
			case c > 0.25:
				rx = min(rx, (W/2-out*vg.Length(c)-lw)/vg.Length(c))
			case c < -0.25:
				rx = min(rx, (W/2-out*vg.Length(-c)-lw)/vg.Length(-c))
			default:
				rx = min(rx, W/2-lw/2)
			}
			switch {
			case s > 0.25:
				ry = min(ry, (H/2-out*vg.Length(s)-lh)/vg.Length(s))
			case s < -0.25:
				ry = min(ry, (H/2-out*vg.Length(-s)-lh)/vg.Length(-s))
			default:
				ry = min(ry, H/2-lh/2-rad[i])
			}
		}
		rx = max(min(rx, ry*2.2), lk.pt(20))
		ry = max(ry, lk.pt(20))
	}
	place()

	// edges under the circles
	idx := map[string]int{}
	for i, n := range nodes {
		idx[n.name] = i
	}
	type edge struct {
		a, b int
		n    float64
	}
	var es0 []edge
	eMax := 0.0
	for e, l := range edges.Labels {
		for i := range nodes {
			for j := i + 1; j < k; j++ {
				if pairLabel(nodes[i].name, nodes[j].name) == l {
					es0 = append(es0, edge{i, j, edges.Values[e]})
				}
			}
		}
		eMax = max(eMax, edges.Values[e])
	}
	// each edge bows towards the centre, as far as it takes to pass clear
	// of the circles it does not join
	curve := func(e edge, bow float64) (p0, c1, p1 vg.Point) {
		p0, p1 = pos[e.a], pos[e.b]
		mid := p0.Add(p1).Scale(0.5)
		return p0, mid.Add(ctr.Sub(mid).Scale(vg.Length(bow))), p1
	}
	at := func(p0, c1, p1 vg.Point, t float64) vg.Point {
		u := vg.Length(1 - t)
		return p0.Scale(u * u).Add(c1.Scale(2 * u * vg.Length(t))).Add(p1.Scale(vg.Length(t * t)))
	}
	// the widest line: thinner when there are many
	maxW := max(lk.pt(3), lk.pt(9)*vg.Length(math.Sqrt(8/float64(max(8, len(es0))))))
	bows := make([]float64, len(es0))
	for n, e := range es0 {
		bestBow, bestGap := 0.3, vg.Length(-1)
		for _, bow := range []float64{0.3, 0.5, 0.7, 0.15, 0.9, 0} {
			p0, c1, p1 := curve(e, bow)
			gap := vg.Length(math.Inf(1)) // closest approach to another circle's edge
			for t := 0.02; t < 1; t += 0.02 {
				q := at(p0, c1, p1, t)
				for i := range nodes {
					if i != e.a && i != e.b {
						d := q.Sub(pos[i])
						gap = min(gap, vg.Length(math.Hypot(float64(d.X), float64(d.Y)))-rad[i])
					}
				}
			}
			if gap > bestGap {
				bestBow, bestGap = bow, gap
			}
			if gap > lk.pt(8) {
				break
			}
		}
		bows[n] = bestBow
		w := max(lk.pt(1), maxW*vg.Length(e.n/eMax))
		p0, c1, p1 := curve(e, bestBow)
		var p vg.Path
		p.Move(p0)
		p.QuadTo(c1, p1)
		dc.SetLineStyle(draw.LineStyle{Color: gray(0xa8), Width: w})
		dc.Stroke(p)
	}
	for i, n := range nodes {
		var p vg.Path
		p.Move(vg.Point{X: pos[i].X + rad[i], Y: pos[i].Y})
		p.Arc(pos[i], rad[i], 0, 2*math.Pi)
		p.Close()
		dc.SetColor(ThemeColor(n.index))
		dc.Fill(p)
		dc.SetLineStyle(draw.LineStyle{Color: gray(0x33), Width: lk.pt(0.9)})
		dc.Stroke(p)
	}
	// theme labels outside the ellipse
	var taken []box
	for i := range nodes {
		s, c := math.Sincos(angle(i))
		if k == 1 {
			s, c = -1, 0
		}
		a := pos[i].Add(vg.Point{X: vg.Length(c), Y: vg.Length(s)}.Scale(rad[i] + pad))
		l := labels[i]
		var x0, y1 vg.Length // left and top of the label block
		switch {
		case c > 0.25:
			x0 = a.X
		case c < -0.25:
			x0 = a.X - l.w
		default:
			x0 = a.X - l.w/2
		}
		switch {
		case s > 0.25:
			y1 = a.Y + l.h
		case s < -0.25:
			y1 = a.Y
		default:
			y1 = a.Y + l.h/2
		}
		taken = append(taken, box{x0, y1 - l.h, x0 + l.w, y1})
		xa, x := draw.XLeft, x0
		if c < -0.25 {
			xa, x = draw.XRight, x0+l.w
		} else if c <= 0.25 {
			xa, x = draw.XCenter, x0+l.w/2
		}
		base := y1 - capHeight(ls)
		for j, line := range l.lines {
			if j > 0 {
				base -= lineHeight(ls)
			}
			textAt(dc, ls, x, base, xa, line)
		}
		textAt(dc, ms, x, base-lineHeight(ms), xa, plural(nodes[i].mentions, "mention", "mentions"))
	}
	// edge counts, each where it overlaps nothing (or least)
	for n, e := range es0 {
		p0, c1, p1 := curve(e, bows[n])
		txt := number(e.n, false)
		bw, bh := es.Width(txt)+lk.pt(5), capHeight(es)+lk.pt(5)
		best, bestHits := box{}, -1
		for _, t := range []float64{0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74} {
			p := at(p0, c1, p1, t)
			b := box{p.X - bw/2, p.Y - bh/2, p.X + bw/2, p.Y + bh/2}
			hits := 0
			for _, o := range taken {
				if b.overlaps(o) {
					hits++
				}
			}
			for i := range nodes {
				if b.hitsCircle(pos[i], rad[i]+lk.pt(1)) {
					hits++
				}
			}
			if bestHits < 0 || hits < bestHits {
				best, bestHits = b, hits
			}
			if hits == 0 {
				break
			}
		}
		taken = append(taken, best)
		drawTag(dc, lk, es, best, txt)
	}
}

// drawTag writes txt centred in a white box with a grey edge.
func drawTag(dc draw.Canvas, lk *look, sty text.Style, b box, txt string) {
	fillRect(dc, gray(white), b.x0, b.y0, b.x1, b.y1)
	strokeRect(dc, draw.LineStyle{Color: gray(0xa8), Width: lk.pt(0.6)}, b.x0, b.y0, b.x1, b.y1)
	textAt(dc, sty, (b.x0+b.x1)/2, (b.y0+b.y1)/2-capHeight(sty)/2, draw.XCenter, txt)
}
