package charts

import (
	"fmt"
	"image/color"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/issuelens/analyze/analyze"
)

// Limits of what the dispersion chart marks at its top and draws.
const (
	// dispersionLabels is the most article starts that are labelled
	dispersionLabels = 12
	// dispersionArticles is the most article starts drawn as lines: past
	// it, they turn the rows grey
	dispersionArticles = 300
)

// mark is a place on the dispersion chart's axis: where an article or an
// issue starts.
type mark struct {
	at    int
	long  string // "article 1 · 2024-03-05"; an issue's title
	short string // "1 · 2024-03-05"; an issue's first date
	tiny  string // "1"; an issue's year
}

// spread is the dispersion chart's data: the top formulations' mentions
// placed along the issue, or along the issues of a corpus laid end to end
// in input order.
type spread struct {
	total    int        // positions run from 1 to total
	corpus   bool       // several issues, end to end
	issues   []mark     // where each issue starts (a corpus only)
	articles []mark     // where each article starts, in order
	rows     [][]int    // for each top formulation, the position of each mention
	where    [][]string // for each mention of rows, its issue and source line: "two_sessions_2024.txt:8"
}

// spread places the mentions of top along the issue: a mention stands at
// the source line of its paragraph. In a corpus (several issues) each
// issue starts after the lines of the ones before it (IssueInfo.Lines).
func (f *facts) spread(top []analyze.Formulation) spread {
	res := f.res
	sp := spread{corpus: len(res.Issues) > 1, rows: make([][]int, len(top)), where: make([][]string, len(top))}
	// the issue of an article or mention, by name (a corpus only)
	issue := func(name string) int { return 0 }
	span := []int{0}
	if sp.corpus {
		at := map[string]int{}
		for i := len(res.Issues) - 1; i >= 0; i-- {
			at[res.Issues[i].Name] = i // the first of equal names
		}
		issue = func(name string) int { return at[name] }
		span = make([]int, len(res.Issues))
		for k, is := range res.Issues {
			span[k] = is.Lines
		}
	} else if res.Issue != nil {
		span[0] = res.Issue.Lines
	}
	for _, a := range res.Articles {
		k := issue(a.Issue)
		span[k] = max(span[k], a.LastLine, a.FirstLine)
	}
	for _, m := range res.Mentions {
		k := issue(m.Issue)
		span[k] = max(span[k], m.Line)
	}
	offset := make([]int, len(span))
	for k := range span {
		if k > 0 {
			offset[k] = offset[k-1] + span[k-1]
		}
		sp.total = offset[k] + span[k]
	}
	if sp.corpus {
		first := make([]string, len(res.Issues)) // the first date of each issue
		for _, a := range res.Articles {
			k := issue(a.Issue)
			if d := a.Date.String(); d != "" && (first[k] == "" || d < first[k]) {
				first[k] = d
			}
		}
		for k, is := range res.Issues {
			m := mark{at: offset[k] + 1, long: is.Title, short: first[k], tiny: strconv.Itoa(k + 1)}
			if m.long == "" {
				m.long = is.Name
			}
			if m.short == "" {
				m.short = is.Name
			}
			if len(first[k]) >= 4 && first[k][0] != '-' {
				m.tiny = first[k][:4] // the year
			}
			sp.issues = append(sp.issues, m)
		}
	}
	for _, a := range res.Articles {
		if a.FirstLine <= 0 {
			continue // an empty article stands nowhere
		}
		n := strconv.Itoa(a.N)
		m := mark{at: offset[issue(a.Issue)] + a.FirstLine, long: "article " + n, short: n, tiny: n}
		if d := a.Date.String(); d != "" {
			m.long += " · " + d
			m.short += " · " + d
		}
		sp.articles = append(sp.articles, m)
	}
	row := map[int]int{}
	for i, fm := range top {
		row[fm.ID] = i
	}
	for _, m := range res.Mentions {
		i, ok := row[m.Form]
		if !ok || m.Line <= 0 {
			continue
		}
		sp.rows[i] = append(sp.rows[i], offset[issue(m.Issue)]+m.Line)
		sp.where[i] = append(sp.where[i], m.Issue+":"+strconv.Itoa(m.Line))
	}
	return sp
}

// dispersionChart is chart 7: where the top formulations stand in the
// issue, as a concordance plot (AntConc's): a row for each formulation,
// most mentioned on top, a tick at the source line of each mention, the
// starts of the articles (and of the issues of a corpus) marked across
// the rows.
func dispersionChart(f *facts, opt Options) Chart {
	top := f.top(opt.TopN)
	c := Chart{Name: "dispersion", Title: "Where the top formulations stand in the issue"}
	if t := f.issueTitle(); t != "" {
		c.Title = "Where the top formulations stand in " + t
	}
	sp := f.spread(top)
	if sp.corpus {
		c.Title = fmt.Sprintf("Where the top formulations stand across %d issues", len(f.res.Issues))
	}
	sizes := plural(len(f.res.Articles), "article", "articles") + ", " + plural(len(f.res.Mentions), "mention", "mentions")
	if sp.corpus {
		sizes = plural(len(f.res.Issues), "issue", "issues") + ", " + sizes
	}
	c.Subtitle = f.when() + " · " + sizes
	if len(top) == 0 || sp.total == 0 {
		c.Empty = NoMentions + "\nNo formulation of the lexicon occurs in this issue."
		return c
	}
	c.Subtitle += fmt.Sprintf(" · the %d most mentioned of %s found", len(top), plural(len(f.ranked), "formulation", "formulations"))
	for i, fm := range top {
		s := Series{Name: f.name(fm), Labels: sp.where[i]}
		for _, at := range sp.rows[i] {
			s.Values = append(s.Values, float64(at))
		}
		c.Series = append(c.Series, s)
	}
	starts := Series{Name: "article starts"}
	for _, m := range sp.articles {
		starts.Labels = append(starts.Labels, m.long)
		starts.Values = append(starts.Values, float64(m.at))
	}
	c.Series = append(c.Series, starts)
	if sp.corpus {
		is := Series{Name: "issue starts"}
		for _, m := range sp.issues {
			is.Labels = append(is.Labels, m.long)
			is.Values = append(is.Values, float64(m.at))
		}
		c.Series = append(c.Series, is)
	}

	themeIndex := map[string]int{}
	for _, t := range f.themes {
		themeIndex[t.name] = t.index
	}
	shown := map[string]bool{}
	for _, fm := range top {
		shown[fm.Theme] = true
	}
	for _, t := range f.themes {
		if shown[t.name] {
			c.legend = append(c.legend, legendItem{label: t.name, fill: ThemeColor(t.index)})
		}
	}
	lines := len(sp.articles) <= dispersionArticles
	note := "A tick for each mention, at the source line of its paragraph (mentions in one paragraph share a tick, the thicker the more it holds); " +
		"the number at the end of a row is its mentions; colour: the formulation's theme."
	switch {
	case !lines:
		note += fmt.Sprintf(" The %s articles are too many to mark their starts.", thousands(len(sp.articles)))
	case len(sp.articles) <= dispersionLabels:
		note += " Grey lines: where each article starts (its first line), numbered at the top."
	default:
		note += " Grey lines: where each article starts (its first line)."
	}
	c.notes = append(c.notes, note)
	if sp.corpus {
		c.notes = append(c.notes, "The issues stand end to end in the order they were given, each starting at a dark line.")
	}
	d := dispersion{sp: sp, articleLines: lines, axis: "position in the issue (source line)"}
	if sp.corpus {
		d.axis = "position in the issues, end to end (source line)"
	}
	for _, fm := range top {
		d.cats = append(d.cats, f.name(fm))
		d.colors = append(d.colors, ThemeColor(themeIndex[fm.Theme]))
	}
	c.body = d.draw
	return c
}

// dispersion draws chart 7's rows.
type dispersion struct {
	sp           spread
	cats         []string // row labels, top down
	colors       []color.Color
	articleLines bool // draw the article starts
	axis         string
}

// labelRow lays out labels of marks on one line from left to right: the
// longest form of each that fits before the next mark (or the right
// edge), the same form for all; past that, a mark whose shortest form
// does not fit goes unlabelled. tx is where a position stands.
func labelRow(ms []mark, tx func(int) vg.Length, right vg.Length, width func(string) vg.Length, gap vg.Length) []string {
	room := func(i int) vg.Length {
		end := right
		if i+1 < len(ms) {
			end = tx(ms[i+1].at)
		}
		return end - tx(ms[i].at) - 2*gap
	}
	for _, form := range []func(mark) string{
		func(m mark) string { return m.long },
		func(m mark) string { return m.short },
	} {
		out := make([]string, len(ms))
		ok := true
		for i, m := range ms {
			out[i] = form(m)
			ok = ok && out[i] != "" && width(out[i]) <= room(i)
		}
		if ok {
			return out
		}
	}
	out := make([]string, len(ms))
	end := vg.Length(-1e9)
	for i, m := range ms {
		x := tx(m.at) + gap
		if m.tiny != "" && x >= end && width(m.tiny) <= right-x {
			out[i] = m.tiny
			end = x + width(m.tiny) + gap
		}
	}
	return out
}

// labelEach labels each mark with the longest of its long and short
// forms that fits before the next mark (or the right edge), as an issue's
// title, else its first date; else with its tiny form (an issue's year)
// if that stays clear of the label before it, running past the next mark
// if need be (whose line then stops below the labels).
func labelEach(ms []mark, tx func(int) vg.Length, right vg.Length, width func(string) vg.Length, gap vg.Length) []string {
	out := make([]string, len(ms))
	clear := vg.Length(-1e9) // where the last label ends
	for i, m := range ms {
		x := tx(m.at) + gap
		end := right
		if i+1 < len(ms) {
			end = tx(ms[i+1].at)
		}
		if x < clear {
			continue
		}
		for _, l := range []string{m.long, m.short} {
			if l != "" && x+width(l)+gap <= end {
				out[i] = l
				break
			}
		}
		if out[i] == "" && m.tiny != "" && x+width(m.tiny) <= right {
			out[i] = m.tiny
		}
		if out[i] != "" {
			clear = x + width(out[i]) + gap
		}
	}
	return out
}

func (d dispersion) draw(dc draw.Canvas, lk *look) {
	sp := d.sp
	n := len(d.cats)
	ls := lk.style(sizeTick, false, gray(ink))  // marks at the top
	is := lk.style(sizeTick, true, gray(ink))   // issue titles
	vs := lk.style(sizeValue, false, gray(ink)) // counts at the ends of the rows
	gap := lk.pt(3)
	var countW vg.Length
	for _, r := range sp.rows {
		countW = max(countW, vs.Width(thousands(len(r))))
	}
	countW += 2 * gap
	// the strip above the rows for the marks' labels: issue titles, then
	// article numbers
	labelArticles := d.articleLines && len(sp.articles) <= dispersionLabels
	var strip vg.Length
	if sp.corpus {
		strip += lineHeight(is)
	}
	if labelArticles {
		strip += lineHeight(ls)
	}
	if strip > 0 {
		strip += lk.pt(4)
	}
	pc := draw.Crop(dc, 0, -countW, 0, -strip)

	p := lk.plotFor()
	p.X.Label.Text = d.axis
	xt := niceTicks{integer: true, steps: 10}
	p.X.Tick.Marker = xt
	p.X.Min, p.X.Max = 0.5, float64(sp.total)+0.5
	hideCategoryAxis(&p.Y)
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	w, h := pc.Max.X-pc.Min.X, pc.Max.Y-pc.Min.Y
	axisH := lineHeight(p.X.Tick.Label) + lineHeight(p.X.Label.TextStyle) + lk.pt(16)
	labels, sty := lk.categoryLabels(d.cats, (h-axisH)/vg.Length(max(n, 1)), w*0.35)
	sty.XAlign, sty.YAlign = draw.XRight, draw.YCenter
	p.Y.Tick.Label = sty
	ticks := make([]plot.Tick, n)
	for i, l := range labels {
		ticks[i] = plot.Tick{Value: float64(n - 1 - i), Label: l}
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)

	p.Add(plotFunc(func(c draw.Canvas, p *plot.Plot) {
		tx, ty := p.Transforms(&c)
		at := func(v int) vg.Length { return tx(float64(v)) }
		x0, x1 := tx(p.X.Min), tx(p.X.Max)
		// the rows' bands, then the marks across them, then the ticks
		row := ty(1) - ty(0)
		bandH, tickH := min(row*0.38, lk.pt(11)), min(row*0.3, lk.pt(8.5))
		for i := range n {
			y := ty(float64(n - 1 - i))
			fillRect(c, gray(0xf2), x0, y-bandH, x1, y+bandH)
		}
		// the labels' baselines: article numbers just above the rows,
		// issue titles above them
		artBase := pc.Max.Y + lk.pt(2)
		issueBase := artBase
		if labelArticles {
			issueBase += lineHeight(ls)
		}
		if d.articleLines {
			thin := draw.LineStyle{Color: gray(0xb0), Width: lk.pt(0.6)}
			reach := c.Max.Y
			if labelArticles {
				reach = artBase + capHeight(ls)
			}
			for _, m := range sp.articles {
				c.StrokeLine2(thin, at(m.at), c.Min.Y, at(m.at), reach)
			}
			if labelArticles {
				for i, l := range labelRow(sp.articles, at, c.Max.X+countW, ls.Width, gap) {
					if l != "" {
						textAt(c, ls, at(sp.articles[i].at)+gap, artBase, draw.XLeft, l)
					}
				}
			}
		}
		if sp.corpus {
			thick := draw.LineStyle{Color: gray(0x33), Width: lk.pt(1.4)}
			if len(sp.issues) > dispersionLabels {
				thick.Width = lk.pt(0.9) // many: lines that do not hide the ticks
			}
			for i, l := range labelEach(sp.issues, at, c.Max.X+countW, is.Width, gap) {
				m := sp.issues[i]
				if l == "" { // a label before it may run over its place
					c.StrokeLine2(thick, at(m.at), c.Min.Y, at(m.at), pc.Max.Y)
					continue
				}
				c.StrokeLine2(thick, at(m.at), c.Min.Y, at(m.at), issueBase+capHeight(is))
				textAt(c, is, at(m.at)+gap, issueBase, draw.XLeft, l)
			}
		}
		for i, r := range sp.rows {
			y := ty(float64(n - 1 - i))
			// a tick for each position, thicker the more mentions it
			// holds; a light colour is outlined to show on the band
			held := map[int]int{}
			var at0 []int
			for _, v := range r {
				if held[v] == 0 {
					at0 = append(at0, v)
				}
				held[v]++
			}
			halo := luminance(d.colors[i]) > 0.6
			for _, v := range at0 {
				w := min(lk.pt(1.2)+lk.pt(0.7)*vg.Length(held[v]-1), lk.pt(4))
				if halo {
					c.StrokeLine2(draw.LineStyle{Color: gray(0x66), Width: w + lk.pt(0.8)}, at(v), y-tickH-lk.pt(0.4), at(v), y+tickH+lk.pt(0.4))
				}
				c.StrokeLine2(draw.LineStyle{Color: d.colors[i], Width: w}, at(v), y-tickH, at(v), y+tickH)
			}
			textAt(c, vs, x1+gap, y-capHeight(vs)/2, draw.XLeft, thousands(len(r)))
		}
	}))
	p.Draw(pc)
}
