package charts

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"github.com/issuelens/analyze/analyze"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// trendLines is the most lines the trend chart draws, whatever
// Options.TopN says: past six, lines tangle and the markers that tell them
// apart run out.
const trendLines = 6

// trendChart is chart 6: the mentions of the top formulations day by day
// (issue by issue in a corpus of several issues), as lines with markers. Each line has its theme's colour; formulations of
// one theme differ by marker and dash.
func trendChart(f *facts, opt Options) Chart {
	if h := f.res.History; h != nil && len(h.Issues) > 1 {
		return historyTrendChart(f, opt, h)
	}
	top := f.top(min(opt.TopN, trendLines))
	c := Chart{Name: "formulation_trend", Title: "Top formulations across days"}
	days, _, byIssue := f.trendAxis()
	what, axis := "day by day", "day (date of the articles)"
	if byIssue {
		c.Title = "Top formulations across issues"
		what, axis = "issue by issue", "issue"
	}
	unit := "mentions"
	if opt.Rate {
		unit = "mentions per 1,000 words"
		c.Title += ", per 1,000 words"
	}
	c.Subtitle = f.subtitle(fmt.Sprintf("the %d most frequent formulations, %s", len(top), what))
	if len(top) == 0 || len(days) == 0 {
		c.Subtitle = f.subtitle()
		c.Empty = NoMentions + "\nNo formulation of the lexicon occurs in this issue."
		return c
	}
	series := f.trend(top, opt.Rate)
	if len(days) == 1 {
		c.notes = append(c.notes, "One day only: each formulation is a single point; lines appear once the issue spans several days.")
	}
	if !byIssue && len(days) < len(f.days) {
		c.notes = append(c.notes, "Mentions in articles without a date are left out of the trend.")
	}
	return drawTrend(c, f, opt, top, days, series, axis, unit)
}

// historyTrendChart is chart 6 when a history holds several issues: the
// formulations most mentioned over all its issues, issue by issue in date
// order.
func historyTrendChart(f *facts, opt Options, h *analyze.History) Chart {
	c := Chart{Name: "formulation_trend", Title: historyTitle(h)}
	unit := "mentions"
	if opt.Rate {
		unit = "mentions per 1,000 words"
		c.Title += ", per 1,000 words"
	}
	missing := false
	for _, p := range h.Phrases {
		missing = missing || slices.ContainsFunc(p.Counts, func(n int) bool { return n < 0 })
	}
	var labels []string
	for _, is := range h.Issues {
		labels = append(labels, is.Label())
	}
	var top []analyze.Formulation
	var series []Series
	chosen := h.Top(min(opt.TopN, trendLines))
	what := fmt.Sprintf("the %d formulations most mentioned over all of them", len(chosen))
	if len(opt.Phrases) > 0 {
		chosen = historyPhrases(h, f.zh, opt.Phrases)
		what = fmt.Sprintf("%d formulations chosen", len(chosen))
		c.Title = strings.Replace(c.Title, "Top formulations", "Formulations", 1)
	}
	for _, k := range chosen {
		p := h.Phrases[k]
		fm := analyze.Formulation{Theme: p.Theme, Phrase: p.Phrase, ZH: f.zh[p.Phrase]}
		top = append(top, fm)
		sr := Series{Name: f.name(fm), Labels: append([]string(nil), labels...)}
		for i, n := range p.Counts {
			v := float64(max(n, 0))
			if opt.Rate {
				v = 0
				if n > 0 {
					v, _ = analyze.Rate(n, h.Issues[i].Tokens)
				}
			}
			sr.Values = append(sr.Values, v)
		}
		series = append(series, sr)
	}
	first, last := h.Issues[0].Label(), h.Issues[len(h.Issues)-1].Label()
	c.Subtitle = fmt.Sprintf("%d issues, %s to %s: %s, issue by issue", len(h.Issues), first, last, what)
	if len(top) == 0 {
		c.Empty = NoMentions + "\nNo formulation of the lexicon occurs in the issues of the history."
		return c
	}
	if len(h.Current) == 1 {
		c.notes = append(c.notes, "This report's issue: "+h.Issues[h.Current[0]].Label()+".")
	}
	if missing {
		c.notes = append(c.notes, "An issue analysed with a lexicon that lacked a formulation shows 0 for it.")
	}
	if n := len(h.LeftOut); n > 0 {
		c.notes = append(c.notes, fmt.Sprintf("%d undated %s of the series left out.", n, plural(n, "issue", "issues")))
	}
	axis := "issue (first date)"
	switch first := h.Issues[0]; {
	case first.Date == "":
		axis = "issue (undated: in the order of the file names)"
	case first.Short != "":
		axis = "issue (year)"
	}
	return drawTrend(c, f, opt, top, labels, series, axis, unit)
}

// drawTrend draws chart 6's lines: one per formulation of top across the
// labels, as series holds them.
func drawTrend(c Chart, f *facts, opt Options, top []analyze.Formulation, days []string, series []Series, axis, unit string) Chart {
	c.Series = series
	themeIndex := map[string]int{}
	for _, t := range f.themes {
		themeIndex[t.name] = t.index
	}
	type lineLook struct {
		col    color.Color
		dashes []vg.Length
	}
	styles := make([]lineLook, len(top))
	perTheme := map[string]int{}
	vmax := 0.0
	chosen := len(opt.Phrases) > 0 // formulations the user named: a colour each, whatever their themes
	for i, fm := range top {
		styles[i].col = ThemeColor(themeIndex[fm.Theme])
		if chosen {
			styles[i].col = ThemeColor(i)
			perTheme[fm.Theme] = 0
		}
		switch perTheme[fm.Theme] {
		case 1:
			styles[i].dashes = []vg.Length{vg.Points(6), vg.Points(3)}
		case 2:
			styles[i].dashes = []vg.Length{vg.Points(2), vg.Points(2)}
		case 3:
			styles[i].dashes = []vg.Length{vg.Points(8), vg.Points(2), vg.Points(2), vg.Points(2)}
		}
		perTheme[fm.Theme]++
		label := f.name(fm)
		if !strings.EqualFold(fm.Phrase, fm.Theme) {
			label += " (" + fm.Theme + ")"
		}
		c.legend = append(c.legend, legendItem{label: label, line: styles[i].col, dashes: styles[i].dashes, marker: i})
		for _, v := range series[i].Values {
			vmax = max(vmax, v)
		}
	}
	if chosen {
		c.notes = append(c.notes, "A colour for each formulation. Points of equal value are set slightly apart so that none hides another.")
	} else {
		c.notes = append(c.notes, "Line colour: the formulation's theme. Points of equal value are set slightly apart so that none hides another.")
	}
	c.body = func(dc draw.Canvas, lk *look) {
		p := lk.plotFor()
		n := len(days)
		slot := (dc.Max.X - dc.Min.X - lk.pt(60)) / vg.Length(n)
		ticks, sty := lk.columnTicks(days, slot, lk.pt(110))
		p.X.Tick.Marker, p.X.Tick.Label = plot.ConstantTicks(ticks), sty
		p.X.Min, p.X.Max = -0.5, float64(n)-0.5
		r := min(lk.pt(4.2), max(lk.pt(2), slot*0.16))
		p.X.Label.Text = axis
		p.Y.Label.Text = unit
		yt := niceTicks{integer: !opt.Rate}
		p.Y.Tick.Marker = yt
		p.Y.Min, p.Y.Max = 0, max(vmax*1.08, 1)
		if opt.Rate {
			p.Y.Max = max(vmax*1.08, 0.1)
		}
		p.Add(&gridLines{ticks: yt, style: draw.LineStyle{Color: gray(rule), Width: lk.pt(0.6)}})
		p.Add(plotFunc(func(c draw.Canvas, p *plot.Plot) {
			tx, ty := p.Transforms(&c)
			// points of equal value on a day are set side by side, the
			// others stand on their day
			dodge := 0.045
			pts := make([][]vg.Point, len(series))
			for s, ser := range series {
				for i, v := range ser.Values {
					same, rank := 0, 0
					for o := range series {
						if series[o].Values[i] == v {
							if o < s {
								rank++
							}
							same++
						}
					}
					dx := (float64(rank) - float64(same-1)/2) * dodge
					pts[s] = append(pts[s], vg.Point{X: tx(float64(i) + dx), Y: ty(v)})
				}
				if len(pts[s]) > 1 {
					c.StrokeLines(draw.LineStyle{Color: styles[s].col, Width: lk.pt(2.2), Dashes: scaled(lk, styles[s].dashes)}, pts[s])
				}
			}
			for s := range series {
				for _, pt := range pts[s] {
					drawMarker(c, s, pt, r, styles[s].col, lk)
				}
			}
		}))
		p.Draw(dc)
	}
	return c
}

// plotFunc is a plot.Plotter made of a function.
type plotFunc func(c draw.Canvas, p *plot.Plot)

func (f plotFunc) Plot(c draw.Canvas, p *plot.Plot) { f(c, p) }

// scaled is a dash pattern at the look's scale.
func scaled(lk *look, ds []vg.Length) []vg.Length {
	var out []vg.Length
	for _, d := range ds {
		out = append(out, d*vg.Length(lk.s))
	}
	return out
}

// HistoryTrend is chart 6 drawn from a history alone, for `analyze
// trends`: the formulations most mentioned over its issues (or those
// opt.Phrases names), issue by issue. themes gives the lexicon's theme
// order (for the colours), forms its formulations (for their Chinese
// forms); the source line names the store.
func HistoryTrend(h *analyze.History, themes []string, forms []analyze.Formulation, store string, opt Options) Chart {
	opt = opt.withDefaults()
	f := newFacts(&analyze.Result{Themes: themes, History: h, Formulations: forms})
	f.bilingual = opt.Labels == "both"
	var c Chart
	if h == nil || len(h.Issues) == 0 {
		c = Chart{Name: "formulation_trend", Title: historyTitle(h), Empty: NoMentions + "\nThe history holds no issue."}
	} else {
		c = historyTrendChart(f, opt, h)
	}
	c.source = "Source: " + store
	if opt.Version != "" {
		c.source += "; analyze " + opt.Version
	}
	return c
}

// historyTitle is the title of a history's trend chart: it names the
// series.
func historyTitle(h *analyze.History) string {
	if h == nil || h.Series == "" {
		return "Top formulations across the issues of the history"
	}
	return "Top formulations across the issues of " + h.Series
}

// historyPhrases finds the history's formulations named by phrases, each
// by its English phrase or its Chinese form (zh maps the phrases to
// theirs), in the order named; a name the history lacks is left out.
func historyPhrases(h *analyze.History, zh map[string]string, phrases []string) []int {
	var out []int
	for _, want := range phrases {
		for k, p := range h.Phrases {
			if strings.EqualFold(p.Phrase, want) || (zh[p.Phrase] != "" && zh[p.Phrase] == want) {
				out = append(out, k)
				break
			}
		}
	}
	return out
}
