package charts

import (
	"sort"
	"strconv"
	"strings"

	"github.com/issuelens/analyze/analyze"
)

// facts are the views of a Result the charts share: days, venues, the
// formulations ranked by mentions and the mentions of each theme. The
// groupings, sums and rates are analyze's (Result.Days, Group.Count,
// analyze.Rate), the same the workbook shows.
type facts struct {
	res     *analyze.Result
	days    []string        // ISO dates in order, then "undated" when some article has no date
	dayKeys []analyze.Group // the groups of days, in the same order
	dated   []string        // the ISO dates only
	venues  []analyze.Group // in order of first appearance
	ranked  []analyze.Formulation
	themes  []themeTotal // lexicon order, every theme of the lexicon
	// bilingual: formulations are named in English and Chinese (name)
	bilingual bool
	zh        map[string]string // a formulation's English phrase → its Chinese form
}

type themeTotal struct {
	index    int // in Result.Themes
	name     string
	mentions int
}

func newFacts(res *analyze.Result) *facts {
	if res == nil {
		res = &analyze.Result{}
	}
	if res.Counts == nil {
		r := *res // a copy: what Build is given stays as it was
		r.Counts = analyze.NewCounts()
		res = &r
	}
	f := &facts{res: res, dayKeys: res.Days(), dated: res.Dates(), venues: res.Venues(), ranked: res.Ranked(), zh: map[string]string{}}
	for _, fm := range res.Formulations {
		if fm.ZH != "" {
			f.zh[fm.Phrase] = fm.ZH
		}
	}
	for _, d := range f.dayKeys {
		f.days = append(f.days, d.Name)
	}
	byTheme := map[string]int{}
	for _, fm := range f.ranked {
		byTheme[fm.Theme] += res.Counts.Total(fm.ID)
	}
	for i, t := range res.Themes {
		f.themes = append(f.themes, themeTotal{index: i, name: t, mentions: byTheme[t]})
	}
	return f
}

// top returns the n most mentioned formulations (ties in lexicon order).
func (f *facts) top(n int) []analyze.Formulation {
	if len(f.ranked) < n {
		n = len(f.ranked)
	}
	return f.ranked[:n]
}

// mentioned returns the themes with at least one mention, lexicon order.
func (f *facts) mentioned() []themeTotal {
	var out []themeTotal
	for _, t := range f.themes {
		if t.mentions > 0 {
			out = append(out, t)
		}
	}
	return out
}

// groupValues returns, for every formulation, its mentions in g, or its
// mentions per 1,000 word tokens of g (0 where g has no tokens).
func (f *facts) groupValues(forms []analyze.Formulation, g analyze.Group, rate bool) []float64 {
	c := f.res.Counts
	out := make([]float64, len(forms))
	tokens := g.Tokens(c)
	for i, fm := range forms {
		n := g.Count(c, fm.ID)
		out[i] = float64(n)
		if rate {
			out[i], _ = analyze.Rate(n, tokens)
		}
	}
	return out
}

func (f *facts) phrases(forms []analyze.Formulation) []string {
	out := make([]string, len(forms))
	for i, fm := range forms {
		out[i] = f.name(fm)
	}
	return out
}

// name is how a chart names a formulation: its English phrase, and its
// Chinese form after it when the chart is bilingual.
func (f *facts) name(fm analyze.Formulation) string {
	if f.bilingual && fm.ZH != "" {
		return fm.Phrase + " " + fm.ZH
	}
	return fm.Phrase
}

// byDay is chart 1's data: one series per day over the top formulations.
func (f *facts) byDay(top []analyze.Formulation, rate bool) []Series {
	var out []Series
	for _, d := range f.dayKeys {
		out = append(out, Series{Name: d.Name, Labels: f.phrases(top), Values: f.groupValues(top, d, rate)})
	}
	return out
}

// byVenue is chart 2's data: one series per venue over the top formulations.
func (f *facts) byVenue(top []analyze.Formulation, rate bool) []Series {
	var out []Series
	for _, v := range f.venues {
		out = append(out, Series{Name: v.Name, Labels: f.phrases(top), Values: f.groupValues(top, v, rate)})
	}
	return out
}

// trendAxis is what the trend runs across: the issues of a corpus, in
// order, once a Result holds several (analyze's Merge); else the dates, or
// "undated" alone when no article has a date. It returns the labels and,
// for each, the groups it holds.
func (f *facts) trendAxis() (labels []string, groups []analyze.Group, issues bool) {
	if len(f.res.Issues) > 1 {
		for i, g := range f.res.IssueGroups() {
			l := f.res.Issues[i].Title
			if l == "" {
				l = g.Name
			}
			labels = append(labels, l)
		}
		return labels, f.res.IssueGroups(), true
	}
	groups = f.dayKeys
	if len(f.dated) > 0 {
		groups = f.dayKeys[:len(f.dated)]
	}
	for _, g := range groups {
		labels = append(labels, g.Name)
	}
	return labels, groups, false
}

// trend is chart 6's data: one series per formulation across the days (or
// issues).
func (f *facts) trend(top []analyze.Formulation, rate bool) []Series {
	labels, groups, _ := f.trendAxis()
	out := make([]Series, len(top))
	for i, fm := range top {
		out[i] = Series{Name: f.name(fm), Labels: append([]string(nil), labels...)}
	}
	for _, g := range groups {
		vs := f.groupValues(top, g, rate)
		for i := range top {
			out[i].Values = append(out[i].Values, vs[i])
		}
	}
	return out
}

// themeDays returns the mentions of every theme (lexicon order) per day.
func (f *facts) themeDays() [][]int {
	idx := map[string]int{}
	for i, t := range f.res.Themes {
		idx[t] = i
	}
	out := make([][]int, len(f.res.Themes))
	for i := range out {
		out[i] = make([]int, len(f.days))
	}
	for di, d := range f.dayKeys {
		for _, fm := range f.ranked {
			if t, ok := idx[fm.Theme]; ok {
				out[t][di] += d.Count(f.res.Counts, fm.ID)
			}
		}
	}
	return out
}

// themeShares is chart 3's data: one series per mentioned theme, its
// share of the day's mentions (a day without mentions has all zeros), and
// the mentions per day.
func (f *facts) themeShares() ([]Series, []int) {
	m := f.themeDays()
	perDay := make([]int, len(f.days))
	for _, row := range m {
		for d, n := range row {
			perDay[d] += n
		}
	}
	var out []Series
	for _, t := range f.mentioned() {
		s := Series{Name: t.name, Labels: append([]string(nil), f.days...)}
		for d, n := range m[t.index] {
			v := 0.0
			if perDay[d] > 0 {
				v = float64(n) / float64(perDay[d])
			}
			s.Values = append(s.Values, v)
		}
		out = append(out, s)
	}
	return out, perDay
}

// sentencePairs returns the issue-wide sentence co-occurrence counts by
// theme pair (names in either order).
func (f *facts) sentencePairs() map[[2]string]int {
	out := map[[2]string]int{}
	for _, p := range f.res.Pairs {
		if p.Scope == analyze.ScopeIssue && p.Window == analyze.WindowSentence {
			out[[2]string{p.A, p.B}] = p.Count
			out[[2]string{p.B, p.A}] = p.Count
		}
	}
	return out
}

// sentenceThemes returns the themes (lexicon order) that stand in at
// least one sentence window of the issue.
func (f *facts) sentenceThemes() []themeTotal {
	in := map[string]bool{}
	for _, p := range f.res.Pairs {
		if p.Scope == analyze.ScopeIssue && p.Window == analyze.WindowSentence {
			if p.WindowsA > 0 {
				in[p.A] = true
			}
			if p.WindowsB > 0 {
				in[p.B] = true
			}
		}
	}
	var out []themeTotal
	for _, t := range f.themes {
		if in[t.name] {
			out = append(out, t)
		}
	}
	return out
}

// matrix is chart 4's data: the lower triangle of the theme × theme
// matrix of sentences holding both themes, one series per row (the
// second theme on), its labels the themes before it.
func (f *facts) matrix() ([]themeTotal, []Series) {
	ts := f.sentenceThemes()
	pairs := f.sentencePairs()
	var out []Series
	for i := 1; i < len(ts); i++ {
		s := Series{Name: ts[i].name}
		for _, c := range ts[:i] {
			s.Labels = append(s.Labels, c.name)
			s.Values = append(s.Values, float64(pairs[[2]string{ts[i].name, c.name}]))
		}
		out = append(out, s)
	}
	return ts, out
}

// pairLabel names an edge of the theme network.
func pairLabel(a, b string) string { return a + " + " + b }

// networkEdges is about the most lines the theme network draws: past it,
// the picture turns into a hairball and the numbers on the lines collide.
const networkEdges = 24

// network is chart 5's data: the mentioned themes with their mentions, and
// the pairs of them that share at least one sentence, with how many. When
// more than networkEdges pairs share sentences, only the strongest are
// kept: those above the count at which the cut falls (all pairs of the top
// count if that leaves none). all is the number of pairs before the cut,
// least the smallest count kept.
func (f *facts) network() (nodes []themeTotal, series []Series, all, least int) {
	nodes = f.mentioned()
	pairs := f.sentencePairs()
	ns := Series{Name: "mentions"}
	es := Series{Name: "sentences with both"}
	var counts []int
	for i, a := range nodes {
		for _, b := range nodes[i+1:] {
			if n := pairs[[2]string{a.name, b.name}]; n > 0 {
				counts = append(counts, n)
			}
		}
	}
	all = len(counts)
	least = cutoff(counts, networkEdges)
	for i, a := range nodes {
		ns.Labels = append(ns.Labels, a.name)
		ns.Values = append(ns.Values, float64(a.mentions))
		for _, b := range nodes[i+1:] {
			if n := pairs[[2]string{a.name, b.name}]; n > 0 && n >= least {
				es.Labels = append(es.Labels, pairLabel(a.name, b.name))
				es.Values = append(es.Values, float64(n))
			}
		}
	}
	return nodes, []Series{ns, es}, all, least
}

// cutoff returns the smallest count to keep so that at most limit counts
// are kept, never parting equal counts: those above the count at which the
// cut falls, or, when that leaves none, all of the largest count.
func cutoff(counts []int, limit int) int {
	cs := append([]int(nil), counts...)
	sort.Sort(sort.Reverse(sort.IntSlice(cs)))
	switch {
	case len(cs) == 0:
		return 0
	case len(cs) <= limit || cs[limit] < cs[limit-1]:
		return cs[min(limit, len(cs))-1]
	case cs[0] > cs[limit-1]:
		return cs[limit-1] + 1
	default:
		return cs[0]
	}
}

// discoveredTop is how many candidate phrases chart 8 shows.
const discoveredTop = 15

// candidates is chart 8's data: the best-scored candidates, shown by
// occurrences (most first; ties in score order), split into new phrases
// and lexicon entries.
func (f *facts) candidates() ([]analyze.Candidate, []Series) {
	cs := append([]analyze.Candidate(nil), f.res.Discovered...)
	if len(cs) > discoveredTop {
		cs = cs[:discoveredTop]
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Count > cs[j].Count })
	nw, lex := Series{Name: "new"}, Series{Name: "in lexicon"}
	for _, c := range cs {
		s := &nw
		if c.Known() {
			s = &lex
		}
		s.Labels = append(s.Labels, c.Phrase)
		s.Values = append(s.Values, float64(c.Count))
	}
	return cs, []Series{nw, lex}
}

// keynessTop is how many items each side of a keyness chart shows.
const keynessTop = 10

// keyItems is chart 9's data for one day: the most over- and
// under-represented items by G², each side most distinctive first; the
// values are signed G² (negative when under-represented).
func (f *facts) keyItems(day string) (over, under []analyze.KeyItem, series []Series) {
	group := "day " + day
	for _, k := range f.res.Keyness {
		if k.Group != group {
			continue
		}
		switch {
		case k.LogRatio > 0 && len(over) < keynessTop:
			over = append(over, k)
		case k.LogRatio < 0 && len(under) < keynessTop:
			under = append(under, k)
		}
	}
	o, u := Series{Name: "over"}, Series{Name: "under"}
	for _, k := range over {
		o.Labels = append(o.Labels, k.Item)
		o.Values = append(o.Values, k.LLR)
	}
	for _, k := range under {
		u.Labels = append(u.Labels, k.Item)
		u.Values = append(u.Values, -k.LLR)
	}
	return over, under, []Series{o, u}
}

// hasKeyness reports whether analyze compared the day with the rest.
func (f *facts) hasKeyness(day string) bool {
	for _, k := range f.res.Keyness {
		if k.Group == "day "+day {
			return true
		}
	}
	return false
}

// when is the date range of the issue: "2024-03-05 to 2024-03-07", one
// date, or "undated".
func (f *facts) when() string {
	switch len(f.dated) {
	case 0:
		return analyze.Undated
	case 1:
		return f.dated[0]
	default:
		return f.dated[0] + " to " + f.dated[len(f.dated)-1]
	}
}

// issueTitle is the issue's title, or its name, or "".
func (f *facts) issueTitle() string {
	if f.res == nil || f.res.Issue == nil {
		return ""
	}
	if t := strings.TrimSpace(f.res.Issue.Title); t != "" {
		return t
	}
	return f.res.Issue.Name
}

// subtitle is the issue title and its dates, plus what follows.
func (f *facts) subtitle(extra ...string) string {
	parts := []string{}
	if t := f.issueTitle(); t != "" {
		parts = append(parts, t)
	}
	parts = append(parts, f.when())
	parts = append(parts, extra...)
	return strings.Join(parts, " · ")
}

// mentionTotal is the number of counted mentions in the issue.
func (f *facts) mentionTotal() int {
	n := 0
	for _, t := range f.themes {
		n += t.mentions
	}
	return n
}

// plural is "1 mention", "2 mentions", "12,345 mentions".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// thousands writes n with thousands separators: 12,345.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if n < 0 {
		s = "-" + s
	}
	return s
}

// MaxKeynessCharts is the most days that get a keyness chart: a corpus of
// years of daily issues would otherwise make thousands. The keyness table
// covers every day.
const MaxKeynessCharts = 31

// keynessDays returns the days that get a keyness chart, in date order:
// every day, or the MaxKeynessCharts with the most words (the earlier on
// a tie).
func (f *facts) keynessDays() []string {
	if len(f.dated) <= MaxKeynessCharts {
		return f.dated
	}
	words := map[string]int{}
	for _, d := range f.dayKeys {
		words[d.Name] = d.Tokens(f.res.Counts)
	}
	days := append([]string(nil), f.dated...)
	sort.SliceStable(days, func(i, j int) bool { return words[days[i]] > words[days[j]] })
	days = days[:MaxKeynessCharts]
	sort.Strings(days)
	return days
}
