package charts

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/issuelens/analyze/analyze"
)

// formulationsChart is chart 1 (by day) or chart 2 (by venue): the most
// mentioned formulations, one bar per day or venue.
func formulationsChart(f *facts, opt Options, byVenue bool) Chart {
	top := f.top(opt.TopN)
	c := Chart{Name: "top_formulations_by_day", Title: "Most frequent formulations, by day"}
	group, series := "day", f.byDay(top, opt.Rate)
	if byVenue {
		c.Name, c.Title = "formulations_by_venue", "Most frequent formulations, by venue"
		group, series = "venue", f.byVenue(top, opt.Rate)
	}
	unit := "mentions"
	if opt.Rate {
		unit = "mentions per 1,000 words"
		c.Title += ", per 1,000 words"
	}
	c.Subtitle = f.subtitle(fmt.Sprintf("the %d most mentioned of %s found", len(top), plural(len(f.ranked), "formulation", "formulations")))
	if len(top) == 0 || len(series) == 0 {
		c.Subtitle = f.subtitle()
		c.Empty = NoMentions + "\nNo formulation of the lexicon occurs in this issue."
		return c
	}
	c.Series = series
	colors := groupColors(len(series))
	for i, s := range series {
		label := s.Name
		if byVenue && label == analyze.VenueUnspecified {
			label = "venue not specified"
		}
		c.legend = append(c.legend, legendItem{label: label, fill: colors[i]})
	}
	if byVenue && len(series) == 1 {
		c.notes = append(c.notes, "Every article of the issue has the same venue ("+c.legend[0].label+"): the bars are the issue's totals.")
	}
	if opt.Rate {
		c.notes = append(c.notes, "Mentions per 1,000 word tokens of each "+group+"'s headlines and body text.")
	}
	vmax := 0.0
	for _, s := range series {
		for _, v := range s.Values {
			vmax = max(vmax, v)
		}
	}
	if len(series) > tableGroups {
		c.legend = nil
		c.bar = &colorBar{label: strings.ToUpper(unit[:1]) + unit[1:], max: vmax, rate: opt.Rate}
		c.notes = append(c.notes, "An empty tile: no mention.")
		c.body = func(dc draw.Canvas, lk *look) { drawTable(dc, lk, f.phrases(top), series, vmax, opt.Rate) }
		return c
	}
	c.body = func(dc draw.Canvas, lk *look) {
		bp := &barPanel{cats: f.phrases(top), valueLabel: unit, ticks: niceTicks{integer: !opt.Rate}, vmax: vmax}
		bp.horizontal = !bp.fitsColumns(dc, lk)
		if !bp.horizontal {
			bp.catLabel = "formulation"
		}
		// one bar per series in each category, a little apart; a zero
		// is marked "0" so that a missing bar does not puzzle
		k := float64(len(series))
		slot := min(0.9, 0.3+0.15*k)
		for g, s := range series {
			lo := -slot/2 + float64(g)*slot/k
			if bp.horizontal { // the first series on top
				lo = slot/2 - float64(g+1)*slot/k
			}
			for i, v := range s.Values {
				bp.bars = append(bp.bars, bar{cat: i, lo: lo, hi: lo + slot/k*0.9, v1: v, fill: colors[g], end: number(v, opt.Rate)})
			}
		}
		bp.draw(dc, lk)
	}
	return c
}

// fitsColumns reports whether the category labels fit under vertical bars.
func (bp *barPanel) fitsColumns(c draw.Canvas, lk *look) bool {
	w := c.Max.X - c.Min.X - lk.pt(60)
	_, ok := lk.columnLabels(bp.cats, w/vg.Length(max(1, len(bp.cats)))*0.92)
	return ok
}

// number formats a value shown at a bar: a count, or a rate to one decimal.
func number(v float64, rate bool) string {
	if rate && v != 0 {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return thousands(int(math.Round(v)))
}

// themesByDayChart is chart 3: the share of each theme in each day's
// mentions, as stacked bars.
func themesByDayChart(f *facts) Chart {
	c := Chart{Name: "themes_by_day", Title: "Theme mix by day: each theme's share of the day's mentions"}
	c.Subtitle = f.subtitle(plural(f.mentionTotal(), "mention", "mentions"))
	series, perDay := f.themeShares()
	if f.mentionTotal() == 0 || len(f.days) == 0 {
		c.Empty = NoMentions + "\nNo formulation of the lexicon occurs in this issue."
		return c
	}
	c.Series = series
	mentioned := f.mentioned()
	for _, t := range mentioned {
		c.legend = append(c.legend, legendItem{label: t.name, fill: ThemeColor(t.index)})
	}
	c.body = func(dc draw.Canvas, lk *look) {
		bp := &barPanel{valueLabel: "share of the day's mentions", catLabel: "day (date of the articles)", ticks: niceTicks{percent: true}, vmax: 1}
		for d, day := range f.days {
			bp.cats = append(bp.cats, day+"\n"+plural(perDay[d], "mention", "mentions"))
			if perDay[d] == 0 {
				bp.bars = append(bp.bars, bar{cat: d, lo: -0.3, hi: 0.3, fill: gray(white), end: NoMentions})
				continue
			}
			v := 0.0
			for i, s := range series {
				share := s.Values[d]
				if share == 0 {
					continue
				}
				fill := ThemeColor(mentioned[i].index)
				bp.bars = append(bp.bars, bar{cat: d, lo: -0.3, hi: 0.3, v0: v, v1: v + share, fill: fill,
					inside: strconv.FormatFloat(share*100, 'f', 0, 64) + "%"})
				v += share
			}
		}
		bp.draw(dc, lk)
	}
	return c
}

// discoveredChart is chart 8: the best candidate phrases, new ones marked.
func discoveredChart(f *facts) Chart {
	c := Chart{Name: "discovered", Title: "Candidate new formulations: frequent phrases of 2–6 words"}
	cands, series := f.candidates()
	minCount := max(2, f.res.Options.MinCount)
	c.Subtitle = f.subtitle(fmt.Sprintf("the %d best-scored of %d candidates, by occurrences", len(cands), f.res.Candidates()))
	if len(cands) == 0 {
		c.Subtitle = f.subtitle()
		c.Empty = NoMentions + fmt.Sprintf("\nNo phrase of 2 to 6 words occurs %d times or more.", minCount)
		return c
	}
	c.Series = series
	if len(series[0].Values) > 0 {
		c.legend = append(c.legend, legendItem{label: "new: not in the lexicon", fill: colorStrong()})
	}
	if len(series[1].Values) > 0 {
		c.legend = append(c.legend, legendItem{label: "a lexicon formulation, or part of one", fill: colorWeak()})
	}
	c.notes = []string{"Candidates are scored by C-value (frequent, multi-word, not just part of a longer phrase); the best " +
		strconv.Itoa(len(cands)) + " are shown, most occurrences first, with the number of articles holding them."}
	vmax := 0.0
	for _, cd := range cands {
		vmax = max(vmax, float64(cd.Count))
	}
	c.body = func(dc draw.Canvas, lk *look) {
		bp := &barPanel{horizontal: true, halo: true, valueLabel: "occurrences in the issue", ticks: niceTicks{integer: true}, vmax: vmax}
		for i, cd := range cands {
			fill := colorStrong()
			if cd.Known() {
				fill = colorWeak()
			}
			bp.cats = append(bp.cats, cd.Phrase)
			bp.bars = append(bp.bars, bar{cat: i, lo: -0.36, hi: 0.36, v1: float64(cd.Count), fill: fill,
				end: thousands(cd.Count) + " (" + plural(cd.Articles, "article", "articles") + ")"})
		}
		bp.draw(dc, lk)
	}
	return c
}

// criticalG2 is G² at p = 0.05 (χ², 1 df).
const criticalG2 = 3.84

// keynessChart is chart 9 for one day: the words and formulations most
// over- and under-represented on that day against the rest of the issue.
func keynessChart(f *facts, day string) Chart {
	c := Chart{Name: "keyness_" + day, Title: "What sets " + day + " apart: words and formulations over- and under-represented"}
	c.Subtitle = f.subtitle(day + " against the rest of the issue")
	over, under, series := f.keyItems(day)
	if len(over)+len(under) == 0 {
		c.Empty = NoMentions + "\nNo word or formulation occurs twice or more."
		if !f.hasKeyness(day) {
			c.Empty = NoMentions + "\nThe issue has only this day: there is nothing to compare it with."
		}
		return c
	}
	c.Series = series
	if len(over) > 0 {
		c.legend = append(c.legend, legendItem{label: "more frequent on " + day, fill: colorStrong()})
	}
	if len(under) > 0 {
		c.legend = append(c.legend, legendItem{label: "less frequent on " + day, fill: colorWeak()})
	}
	// over-represented first, most distinctive on top; then the
	// under-represented, most distinctive at the bottom
	ks := append([]analyze.KeyItem(nil), over...)
	for i := len(under) - 1; i >= 0; i-- {
		ks = append(ks, under[i])
	}
	low := false
	vmin, vmax := 0.0, 0.0
	for _, k := range ks {
		low = low || k.LowExpected
	}
	if len(over) > 0 {
		vmax = max(over[0].LLR, criticalG2)
	}
	if len(under) > 0 {
		vmin = -max(under[0].LLR, criticalG2)
	}
	tgt, ref := ks[0].TargetTokens, ks[0].ReferenceTokens
	c.notes = append(c.notes, fmt.Sprintf("Bars: log-likelihood G² of each word or formulation on %s (%s) against the rest of the issue (%s), "+
		"ranked by G²; the numbers are occurrences on the day vs in the rest. Dashed lines: G² = 3.84, p = 0.05.",
		day, plural(tgt, "word", "words"), plural(ref, "word", "words")))
	if low {
		c.notes = append(c.notes, "* An expected count below 5: indicative only, the p-value is not to be trusted.")
	}
	c.body = func(dc draw.Canvas, lk *look) {
		bp := &barPanel{horizontal: true, halo: true, ticks: niceTicks{}, vmin: vmin, vmax: vmax,
			valueLabel: "G²  (← less frequent on " + day + "   |   more frequent →)"}
		if len(over) > 0 {
			bp.refs = append(bp.refs, criticalG2)
		}
		if len(under) > 0 {
			bp.refs = append(bp.refs, -criticalG2)
		}
		for i, k := range ks {
			label, v, fill := k.Item, k.LLR, colorStrong()
			if k.LogRatio < 0 {
				v, fill = -v, colorWeak()
			}
			if k.LowExpected {
				label += " *"
			}
			bp.cats = append(bp.cats, label)
			bp.bars = append(bp.bars, bar{cat: i, lo: -0.36, hi: 0.36, v1: v, fill: fill,
				end: thousands(k.Target) + " vs " + thousands(k.Reference)})
		}
		bp.draw(dc, lk)
	}
	return c
}
