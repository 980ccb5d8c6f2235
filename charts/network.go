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

// network is the layout of chart 5: the theme circles on an ellipse, their
// labels outside it and the edges between them.
type network struct {
	dc     draw.Canvas
	lk     *look
	nodes  []themeTotal
	ls, ms text.Style // label, mentions
	w, h   vg.Length
	ctr    vg.Point
	pad    vg.Length
	labels []netLabel
	pos    []vg.Point
	rad    []vg.Length
	rx, ry vg.Length
	edges  []netEdge
}

// netLabel is a theme's label: its name in up to two lines, then its mentions.
type netLabel struct {
	lines []string
	w, h  vg.Length
}

// netEdge joins nodes a and b, n sentences; bow is how far it bends to the centre.
type netEdge struct {
	a, b int
	n    float64
	bow  float64
}

func drawNetwork(dc draw.Canvas, lk *look, nodes []themeTotal, edges Series) {
	dc = draw.Crop(dc, 0, 0, lk.pt(4), -lk.pt(4))
	nw := &network{dc: dc, lk: lk, nodes: nodes,
		ls: lk.style(sizeTick, true, gray(ink)), ms: lk.style(sizeValue, false, gray(inkSoft)),
		w: dc.Max.X - dc.Min.X, h: dc.Max.Y - dc.Min.Y, ctr: dc.Center(), pad: lk.pt(5)}
	nw.measureLabels()
	nw.fit()
	nw.pickEdges(edges)
	nw.drawEdges()
	nw.drawNodes()
	taken := nw.drawLabels()
	nw.drawCounts(taken)
}

func (nw *network) measureLabels() {
	nw.labels = make([]netLabel, len(nw.nodes))
	for i, n := range nw.nodes {
		l := netLabel{lines: clip(nw.ls, wrap(nw.ls, n.name, nw.lk.pt(120)), 2, nw.lk.pt(120))}
		l.w = max(widest(nw.ls, l.lines), nw.ms.Width(plural(n.mentions, "mention", "mentions")))
		l.h = capHeight(nw.ls) + vg.Length(len(l.lines)-1)*lineHeight(nw.ls) + lineHeight(nw.ms) + nw.ms.Font.Size*0.25
		nw.labels[i] = l
	}
}

// angle is where node i stands on the ellipse: from the top, clockwise;
// two nodes stand left and right.
func (nw *network) angle(i int) float64 {
	k := len(nw.nodes)
	if k == 2 {
		return math.Pi * float64(1-i)
	}
	return math.Pi/2 - 2*math.Pi*float64(i)/float64(k)
}

// place puts the nodes on the ellipse rx, ry and sizes the circles: the
// largest such that no two touch and none is huge.
func (nw *network) place() {
	k := len(nw.nodes)
	nw.pos, nw.rad = make([]vg.Point, k), make([]vg.Length, k)
	mMax := 0
	for _, n := range nw.nodes {
		mMax = max(mMax, n.mentions)
	}
	for i := range nw.nodes {
		s, c := math.Sincos(nw.angle(i))
		nw.pos[i] = vg.Point{X: nw.ctr.X + nw.rx*vg.Length(c), Y: nw.ctr.Y + nw.ry*vg.Length(s)}
		if k == 1 {
			nw.pos[i] = nw.ctr
		}
	}
	rMax := min(nw.w, nw.h) * 0.13
	for i := range nw.pos {
		for j := i + 1; j < k; j++ {
			d := nw.pos[i].Sub(nw.pos[j])
			rMax = min(rMax, vg.Length(math.Hypot(float64(d.X), float64(d.Y)))*0.42)
		}
	}
	for i, n := range nw.nodes {
		nw.rad[i] = max(nw.lk.pt(3), rMax*vg.Length(math.Sqrt(float64(n.mentions)/float64(mMax))))
	}
}

// fit makes the ellipse as large as the labels outside it allow.
func (nw *network) fit() {
	W, H := nw.w, nw.h
	nw.rx, nw.ry = W/2, H/2
	for range 4 {
		nw.place()
		rx, ry := W/2, H/2
		for i := range nw.nodes {
			s, c := math.Sincos(nw.angle(i))
			out := nw.rad[i] + nw.pad
			lw, lh := nw.labels[i].w, nw.labels[i].h
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
				ry = min(ry, H/2-lh/2-nw.rad[i])
			}
		}
		nw.rx = max(min(rx, ry*2.2), nw.lk.pt(20))
		nw.ry = max(ry, nw.lk.pt(20))
	}
	nw.place()
}

// pickEdges finds the nodes each edge joins.
func (nw *network) pickEdges(edges Series) {
	k := len(nw.nodes)
	for e, l := range edges.Labels {
		for i := range nw.nodes {
			for j := i + 1; j < k; j++ {
				if pairLabel(nw.nodes[i].name, nw.nodes[j].name) == l {
					nw.edges = append(nw.edges, netEdge{a: i, b: j, n: edges.Values[e]})
				}
			}
		}
	}
}

// curve is edge e as a quadratic Bézier bowing towards the centre.
func (nw *network) curve(e netEdge, bow float64) (p0, c1, p1 vg.Point) {
	p0, p1 = nw.pos[e.a], nw.pos[e.b]
	mid := p0.Add(p1).Scale(0.5)
	return p0, mid.Add(nw.ctr.Sub(mid).Scale(vg.Length(bow))), p1
}

// bezier is the point at t of the curve p0, c1, p1.
func bezier(p0, c1, p1 vg.Point, t float64) vg.Point {
	u := vg.Length(1 - t)
	return p0.Scale(u * u).Add(c1.Scale(2 * u * vg.Length(t))).Add(p1.Scale(vg.Length(t * t)))
}

// clearance is how close edge e, bowed so, comes to the edge of a circle
// it does not join.
func (nw *network) clearance(e netEdge, bow float64) vg.Length {
	p0, c1, p1 := nw.curve(e, bow)
	gap := vg.Length(math.Inf(1))
	for t := 0.02; t < 1; t += 0.02 {
		q := bezier(p0, c1, p1, t)
		for i := range nw.nodes {
			if i != e.a && i != e.b {
				d := q.Sub(nw.pos[i])
				gap = min(gap, vg.Length(math.Hypot(float64(d.X), float64(d.Y)))-nw.rad[i])
			}
		}
	}
	return gap
}

// drawEdges draws the edges under the circles, each bowed towards the
// centre as far as it takes to pass clear of the circles it does not
// join, as wide as its count (thinner when there are many).
func (nw *network) drawEdges() {
	eMax := 0.0
	for _, e := range nw.edges {
		eMax = max(eMax, e.n)
	}
	maxW := max(nw.lk.pt(3), nw.lk.pt(9)*vg.Length(math.Sqrt(8/float64(max(8, len(nw.edges))))))
	for n, e := range nw.edges {
		bestBow, bestGap := 0.3, vg.Length(-1)
		for _, bow := range []float64{0.3, 0.5, 0.7, 0.15, 0.9, 0} {
			gap := nw.clearance(e, bow)
			if gap > bestGap {
				bestBow, bestGap = bow, gap
			}
			if gap > nw.lk.pt(8) {
				break
			}
		}
		nw.edges[n].bow = bestBow
		w := max(nw.lk.pt(1), maxW*vg.Length(e.n/eMax))
		p0, c1, p1 := nw.curve(e, bestBow)
		var p vg.Path
		p.Move(p0)
		p.QuadTo(c1, p1)
		nw.dc.SetLineStyle(draw.LineStyle{Color: gray(0xa8), Width: w})
		nw.dc.Stroke(p)
	}
}

func (nw *network) drawNodes() {
	for i, n := range nw.nodes {
		var p vg.Path
		p.Move(vg.Point{X: nw.pos[i].X + nw.rad[i], Y: nw.pos[i].Y})
		p.Arc(nw.pos[i], nw.rad[i], 0, 2*math.Pi)
		p.Close()
		nw.dc.SetColor(ThemeColor(n.index))
		nw.dc.Fill(p)
		nw.dc.SetLineStyle(draw.LineStyle{Color: gray(0x33), Width: nw.lk.pt(0.9)})
		nw.dc.Stroke(p)
	}
}

// drawLabels writes the theme labels outside the ellipse and returns the
// boxes they take.
func (nw *network) drawLabels() []box {
	var taken []box
	for i := range nw.nodes {
		s, c := math.Sincos(nw.angle(i))
		if len(nw.nodes) == 1 {
			s, c = -1, 0
		}
		a := nw.pos[i].Add(vg.Point{X: vg.Length(c), Y: vg.Length(s)}.Scale(nw.rad[i] + nw.pad))
		l := nw.labels[i]
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
		base := y1 - capHeight(nw.ls)
		for j, line := range l.lines {
			if j > 0 {
				base -= lineHeight(nw.ls)
			}
			textAt(nw.dc, nw.ls, x, base, xa, line)
		}
		textAt(nw.dc, nw.ms, x, base-lineHeight(nw.ms), xa, plural(nw.nodes[i].mentions, "mention", "mentions"))
	}
	return taken
}

// drawCounts writes each edge's count where it overlaps nothing (or least).
func (nw *network) drawCounts(taken []box) {
	es := nw.lk.style(sizeValue, true, gray(ink))
	for _, e := range nw.edges {
		p0, c1, p1 := nw.curve(e, e.bow)
		txt := number(e.n, false)
		bw, bh := es.Width(txt)+nw.lk.pt(5), capHeight(es)+nw.lk.pt(5)
		best, bestHits := box{}, -1
		for _, t := range []float64{0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74} {
			p := bezier(p0, c1, p1, t)
			b := box{p.X - bw/2, p.Y - bh/2, p.X + bw/2, p.Y + bh/2}
			hits := 0
			for _, o := range taken {
				if b.overlaps(o) {
					hits++
				}
			}
			for i := range nw.nodes {
				if b.hitsCircle(nw.pos[i], nw.rad[i]+nw.lk.pt(1)) {
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
		drawTag(nw.dc, nw.lk, es, best, txt)
	}
}

// drawTag writes txt centred in a white box with a grey edge.
func drawTag(dc draw.Canvas, lk *look, sty text.Style, b box, txt string) {
	fillRect(dc, gray(white), b.x0, b.y0, b.x1, b.y1)
	strokeRect(dc, draw.LineStyle{Color: gray(0xa8), Width: lk.pt(0.6)}, b.x0, b.y0, b.x1, b.y1)
	textAt(dc, sty, (b.x0+b.x1)/2, (b.y0+b.y1)/2-capHeight(sty)/2, draw.XCenter, txt)
}
