package charts

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/analyzetest"
	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/internal/testfiles"
)

func analyzeReference(t testing.TB) *analyze.Result {
	return analyzetest.Sample(t)
}

// chart returns the chart of that name.
func chart(t testing.TB, cs []Chart, name string) Chart {
	t.Helper()
	for _, c := range cs {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no chart %q", name)
	return Chart{}
}

// row shows a label's value in every series: "6 1 3".
func row(c Chart, label string) string {
	var out []string
	for _, s := range c.Series {
		for i, l := range s.Labels {
			if l == label {
				out = append(out, fmt.Sprintf("%g", s.Values[i]))
			}
		}
	}
	return strings.Join(out, " ")
}

func names(ss []Series) string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Name)
	}
	return strings.Join(out, " | ")
}

func TestBuildOrder(t *testing.T) {
	var got []string
	for _, c := range Build(analyzeReference(t), Options{}) {
		got = append(got, c.Name)
	}
	want := "top_formulations_by_day formulations_by_venue themes_by_day theme_cooccurrence_heatmap theme_network " +
		"formulation_trend dispersion discovered keyness_2024-03-05 keyness_2024-03-06 keyness_2024-03-07"
	if strings.Join(got, " ") != want {
		t.Errorf("Build names = %q; want %q", strings.Join(got, " "), want)
	}
}

func TestFormulationsByDay(t *testing.T) {
	res := analyzeReference(t)
	c := chart(t, Build(res, Options{}), "top_formulations_by_day")
	if got, want := names(c.Series), "2024-03-05 | 2024-03-06 | 2024-03-07"; got != want {
		t.Errorf("series = %q; want %q (days in date order)", got, want)
	}
	for _, tt := range []struct{ label, want string }{
		{"new quality productive forces", "6 1 3"},
		{"Chinese modernization", "1 2 1"},
		{"deepen reform", "2 0 3"},
		{"Chinese People's Political Consultative Conference", "0 4 0"},
	} {
		if got := row(c, tt.label); got != tt.want {
			t.Errorf("top_formulations_by_day %q = %q; want %q", tt.label, got, tt.want)
		}
	}
	if n := len(c.Series[0].Labels); n != 12 {
		t.Errorf("top_formulations_by_day shows %d formulations; want 12", n)
	}
	// every value is the number of mentions rows of that day and phrase
	mentions := map[string]float64{}
	for _, m := range res.Mentions {
		mentions[m.Date.String()+"|"+m.Phrase]++
	}
	for _, s := range c.Series {
		for i, l := range s.Labels {
			if want := mentions[s.Name+"|"+l]; s.Values[i] != want {
				t.Errorf("%s %q = %g; mentions.csv has %g", s.Name, l, s.Values[i], want)
			}
		}
	}
	// most mentioned first
	total := func(i int) (n float64) {
		for _, s := range c.Series {
			n += s.Values[i]
		}
		return n
	}
	for i := 1; i < len(c.Series[0].Labels); i++ {
		if total(i) > total(i-1) {
			t.Errorf("%q (%g) ranked below %q (%g)", c.Series[0].Labels[i], total(i), c.Series[0].Labels[i-1], total(i-1))
		}
	}
}

func TestFormulationsByVenue(t *testing.T) {
	cs := Build(analyzeReference(t), Options{TopN: 3})
	c := chart(t, cs, "formulations_by_venue")
	if got, want := names(c.Series), "Jiangsu delegation | CPPCC joint group meeting | PLA and PAP delegation"; got != want {
		t.Errorf("series = %q; want %q (venues in order of appearance)", got, want)
	}
	if got, want := strings.Join(c.Series[0].Labels, " | "), "new quality productive forces | deepen reform | Chinese modernization"; got != want {
		t.Errorf("TopN 3 labels = %q; want %q", got, want)
	}
	for _, tt := range []struct{ label, want string }{
		{"new quality productive forces", "6 1 3"},
		{"Chinese modernization", "1 2 1"},
		{"deepen reform", "2 0 3"},
	} {
		if got := row(c, tt.label); got != tt.want {
			t.Errorf("formulations_by_venue %q = %q; want %q", tt.label, got, tt.want)
		}
	}
}

func TestRate(t *testing.T) {
	cs := Build(analyzeReference(t), Options{Rate: true})
	// phrase_counts.csv: 9.87, 1.85, 7.94 per 1,000 (608, 540, 378 tokens)
	for _, name := range []string{"top_formulations_by_day", "formulations_by_venue", "formulation_trend"} {
		c := chart(t, cs, name)
		var got []string
		for _, s := range c.Series {
			for i, l := range s.Labels {
				if l == "new quality productive forces" || s.Name == "new quality productive forces" {
					got = append(got, fmt.Sprintf("%.2f", s.Values[i]))
				}
			}
		}
		if g := strings.Join(got, " "); g != "9.87 1.85 7.94" {
			t.Errorf("%s rate of new quality productive forces = %s; want 9.87 1.85 7.94", name, g)
		}
		if !strings.Contains(c.Title, "per 1,000 words") {
			t.Errorf("%s title %q does not say per 1,000 words", name, c.Title)
		}
	}
	// the trend line of the same formulation is the formulation's row of chart 1, across days
	trend := chart(t, Build(analyzeReference(t), Options{}), "formulation_trend")
	if got := names(trend.Series); got != "new quality productive forces | deepen reform | Chinese modernization | "+
		"strategic capabilities in emerging areas | Chinese People's Political Consultative Conference | high-quality development" {
		t.Errorf("trend lines = %q; want the 6 most mentioned", got)
	}
	if got := fmt.Sprint(trend.Series[0].Labels, trend.Series[0].Values); got != "[2024-03-05 2024-03-06 2024-03-07] [6 1 3]" {
		t.Errorf("trend of new quality productive forces = %s", got)
	}
}

func TestThemesByDay(t *testing.T) {
	res := analyzeReference(t)
	c := chart(t, Build(res, Options{}), "themes_by_day")
	byDay, themeDay := map[string]float64{}, map[string]float64{}
	for _, m := range res.Mentions {
		byDay[m.Date.String()]++
		themeDay[m.Theme+"|"+m.Date.String()]++
	}
	// the themes mentioned, in lexicon order
	if got, want := names(c.Series), "Development | Reform and opening up | Innovation | Industry and supply chains | Security and defense | "+
		"Taiwan and reunification | Ecology | Livelihood and governance | Party and united front | Regions and coordination"; got != want {
		t.Errorf("themes = %q; want %q", got, want)
	}
	sums := map[string]float64{}
	for _, s := range c.Series {
		for i, d := range s.Labels {
			sums[d] += s.Values[i]
			if want := themeDay[s.Name+"|"+d] / byDay[d]; math.Abs(s.Values[i]-want) > 1e-12 {
				t.Errorf("share of %s on %s = %g; want %g", s.Name, d, s.Values[i], want)
			}
		}
	}
	for d, sum := range sums {
		if math.Abs(sum-1) > 1e-9 {
			t.Errorf("shares of %s sum to %g; want 1", d, sum)
		}
	}
	// themes.csv: Development 11 of the 41 mentions of 2024-03-05
	if got := row(c, "2024-03-05"); !strings.HasPrefix(got, fmt.Sprintf("%g ", 11.0/41)) {
		t.Errorf("Development on 2024-03-05 = %q; want 11/41 first", got)
	}
}

func TestHeatmap(t *testing.T) {
	res := analyzeReference(t)
	c := chart(t, Build(res, Options{}), "theme_cooccurrence_heatmap")
	pairs := map[[2]string]float64{}
	for _, p := range res.Pairs {
		if p.Scope == "issue" && p.Window == "sentence" {
			pairs[[2]string{p.A, p.B}] = float64(p.Count)
			pairs[[2]string{p.B, p.A}] = float64(p.Count)
		}
	}
	cells, nonzero := 0, 0
	for _, s := range c.Series {
		for i, l := range s.Labels {
			cells++
			if s.Values[i] != pairs[[2]string{s.Name, l}] {
				t.Errorf("cell %s × %s = %g; cooccurrence.csv has %g", s.Name, l, s.Values[i], pairs[[2]string{s.Name, l}])
			}
			if s.Values[i] > 0 {
				nonzero++
			}
		}
	}
	// 10 themes stand in sentences: 45 pairs, 13 of them share a sentence
	if cells != 45 || nonzero != 13 {
		t.Errorf("heat map has %d cells, %d non-zero; want 45 and 13", cells, nonzero)
	}
	if got := row(c, "Development"); got != "2 2 3 4 0 1 0 1 0" {
		t.Errorf("Development column = %q; want 2 2 3 4 0 1 0 1 0", got)
	}
	if c.Series[0].Name != "Reform and opening up" || strings.Join(c.Series[0].Labels, "") != "Development" {
		t.Errorf("first row = %s %v; want Reform and opening up [Development]", c.Series[0].Name, c.Series[0].Labels)
	}
}

func TestNetwork(t *testing.T) {
	res := analyzeReference(t)
	c := chart(t, Build(res, Options{}), "theme_network")
	byTheme := map[string]float64{}
	for _, m := range res.Mentions {
		byTheme[m.Theme]++
	}
	nodes, edges := c.Series[0], c.Series[1]
	for i, th := range nodes.Labels {
		if nodes.Values[i] != byTheme[th] {
			t.Errorf("node %s = %g; want %g mentions", th, nodes.Values[i], byTheme[th])
		}
	}
	if len(nodes.Labels) != 10 {
		t.Errorf("%d nodes; want the 10 themes mentioned", len(nodes.Labels))
	}
	if got := row(c, "Development"); got != "21" {
		t.Errorf("Development node = %q; want 21", got)
	}
	want := map[string]float64{}
	for _, p := range res.Pairs {
		if p.Scope == "issue" && p.Window == "sentence" && p.Count > 0 {
			want[p.A+"|"+p.B], want[p.B+"|"+p.A] = float64(p.Count), float64(p.Count)
		}
	}
	for i, l := range edges.Labels {
		a, b, _ := strings.Cut(l, " + ")
		if edges.Values[i] != want[a+"|"+b] {
			t.Errorf("edge %s = %g; want %g", l, edges.Values[i], want[a+"|"+b])
		}
	}
	if len(edges.Labels) != 13 {
		t.Errorf("%d edges; want 13", len(edges.Labels))
	}
	if got := row(c, "Development + Security and defense"); got != "4" {
		t.Errorf("edge Development + Security and defense = %q; want 4", got)
	}
}

func TestDiscovered(t *testing.T) {
	res := analyzeReference(t)
	c := chart(t, Build(res, Options{}), "discovered")
	nw, lex := c.Series[0], c.Series[1]
	if nw.Name != "new" || lex.Name != "in lexicon" {
		t.Fatalf("series = %s; want new | in lexicon", names(c.Series))
	}
	shown := map[string]float64{}
	for _, s := range c.Series {
		for i, l := range s.Labels {
			shown[l] = s.Values[i]
		}
	}
	if len(shown) != 15 {
		t.Errorf("%d candidates shown; want 15", len(shown))
	}
	for _, cd := range res.Discovered[:15] {
		v, ok := shown[cd.Phrase]
		if !ok || v != float64(cd.Count) {
			t.Errorf("candidate %q = %g (shown %v); want %d", cd.Phrase, v, ok, cd.Count)
		}
		in := row(Chart{Series: []Series{lex}}, cd.Phrase) != ""
		if in != cd.Known() {
			t.Errorf("candidate %q in lexicon series = %v; discovered.csv in_lexicon %q, %q", cd.Phrase, in, cd.InLexicon, cd.PartOf)
		}
	}
	// by reading: the sample says "ethnic groups" 3 times, no lexicon entry
	if got := row(c, "ethnic groups"); got != "3" || !strings.Contains(strings.Join(nw.Labels, "|"), "ethnic groups") {
		t.Errorf("ethnic groups = %q in %v; want 3, new", got, nw.Labels)
	}
}

func TestKeyness(t *testing.T) {
	res := analyzeReference(t)
	cs := Build(res, Options{})
	for _, day := range []string{"2024-03-05", "2024-03-06", "2024-03-07"} {
		c := chart(t, cs, "keyness_"+day)
		over, under := c.Series[0], c.Series[1]
		var wantOver, wantUnder []string
		for _, k := range res.Keyness {
			if k.Group != "day "+day {
				continue
			}
			if k.LogRatio > 0 && len(wantOver) < 10 {
				wantOver = append(wantOver, fmt.Sprintf("%s %.3f", k.Item, k.LLR))
			}
			if k.LogRatio < 0 && len(wantUnder) < 10 {
				wantUnder = append(wantUnder, fmt.Sprintf("%s %.3f", k.Item, -k.LLR))
			}
		}
		show := func(s Series) string {
			var out []string
			for i, l := range s.Labels {
				out = append(out, fmt.Sprintf("%s %.3f", l, s.Values[i]))
			}
			return strings.Join(out, ", ")
		}
		if got, want := show(over), strings.Join(wantOver, ", "); got != want {
			t.Errorf("%s over = %s; want %s", day, got, want)
		}
		if got, want := show(under), strings.Join(wantUnder, ", "); got != want {
			t.Errorf("%s under = %s; want %s", day, got, want)
		}
	}
	// keyness.csv: jiangsu 9.202 over, advisors 10.164 under on 2024-03-05
	c := chart(t, cs, "keyness_2024-03-05")
	if got := fmt.Sprintf("%.3f %.3f", c.Series[0].Values[0], c.Series[1].Values[0]); got != "9.202 -10.164" {
		t.Errorf("keyness_2024-03-05 first over and under = %s; want 9.202 -10.164", got)
	}
}

func TestSOTU(t *testing.T) {
	res := analyzetest.Analyze(t, testfiles.Shared(t, "corpus/state_of_the_union_2003-2006.txt"))
	cs := Build(res, Options{})
	c := chart(t, cs, "top_formulations_by_day")
	if got, want := names(c.Series), "2003-01-28 | 2004-01-20 | 2005-02-02 | 2006-01-31"; got != want {
		t.Errorf("days = %q; want %q", got, want)
	}
	if got := row(c, "private sector"); got != "0 1 0 2" {
		t.Errorf("private sector by day = %q; want 0 1 0 2", got)
	}
	th := chart(t, cs, "themes_by_day")
	if got := row(th, "2005-02-02"); strings.Trim(strings.ReplaceAll(got, "0", ""), " ") != "" {
		t.Errorf("shares on 2005-02-02 (no mentions) = %q; want all 0", got)
	}
	hm := chart(t, cs, "theme_cooccurrence_heatmap")
	if hm.Empty != "" || len(hm.Series) != 3 {
		t.Errorf("heat map: empty %q, %d rows; want 4 themes, all zero", hm.Empty, len(hm.Series))
	}
	for _, s := range hm.Series {
		for _, v := range s.Values {
			if v != 0 {
				t.Errorf("heat map %s = %v; want zeros", s.Name, s.Values)
			}
		}
	}
	if n := len(chart(t, cs, "theme_network").Series[1].Labels); n != 0 {
		t.Errorf("network has %d edges; want 0", n)
	}
}

// decode checks a PNG and returns its size.
func decode(t *testing.T, name string, b []byte) (int, int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return img.Bounds().Dx(), img.Bounds().Dy()
}

// TestRenderDeterministic renders twice at 800x600 px, 100 dpi, with SVG:
// the same bytes, at the size asked for, and the same as each chart drawn
// alone.
func TestRenderDeterministic(t *testing.T) {
	res := analyzeReference(t)
	opt := Options{Width: 800, Height: 600, DPI: 100, Source: "two_sessions_2024.txt", Version: "0.1.0"}
	a, err := RenderAll(res, opt, true)
	if err != nil {
		t.Fatal(err)
	}
	b, err := RenderAll(res, opt, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 22 || len(b) != 22 {
		t.Errorf("renderings gave %d and %d files; want 22", len(a), len(b))
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two renderings", name)
		}
		if strings.HasSuffix(name, ".svg") {
			if !bytes.HasPrefix(a[name], []byte("<?xml")) && !bytes.HasPrefix(a[name], []byte("<svg")) {
				t.Errorf("%s starts %q; want SVG", name, a[name][:min(20, len(a[name]))])
			}
			if !bytes.Contains(a[name], []byte("Arial")) {
				t.Errorf("%s names no fallback font", name)
			}
			continue
		}
		if w, h := decode(t, name, a[name]); w != 800 || h != 600 {
			t.Errorf("%s is %dx%d; want 800x600", name, w, h)
		}
	}
	// Render draws each chart into an image an earlier chart used: the
	// same bytes as a chart drawn alone into a new one
	for _, c := range Build(res, opt) {
		var alone bytes.Buffer
		if err := c.WritePNG(&alone, opt); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(alone.Bytes(), a[c.Name+".png"]) {
			t.Errorf("%s.png drawn alone differs from the one Render drew", c.Name)
		}
	}
}

func TestEmpty(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	iss, err := analyze.ReadIssue(strings.NewReader("A quiet day\n\nThe weather was fine and the river was calm.\n"), "quiet.txt")
	if err != nil {
		t.Fatal(err)
	}
	quiet, err := analyze.Analyze(iss, lex, analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		res  *analyze.Result
	}{
		{"no formulations", quiet},
		{"zero Result", &analyze.Result{}},
		{"nil Result", nil},
	} {
		cs := Build(tt.res, Options{})
		if len(cs) != 8 {
			t.Errorf("%s: %d charts; want 8 (no days, no keyness)", tt.name, len(cs))
		}
		for _, c := range cs {
			if !strings.HasPrefix(c.Empty, NoMentions) {
				t.Errorf("%s: %s says %q; want %q", tt.name, c.Name, c.Empty, NoMentions)
			}
			if len(c.Series) != 0 {
				t.Errorf("%s: %s has series %s", tt.name, c.Name, names(c.Series))
			}
		}
		if tt.name != "no formulations" {
			// the same drawing as a PNG, without rasterising it again
			for _, c := range cs {
				if err := c.WriteSVG(io.Discard, Options{}); err != nil {
					t.Errorf("%s: %s: %v", tt.name, c.Name, err)
				}
			}
			continue
		}
		files, err := RenderAll(tt.res, Options{Width: 800, Height: 600, DPI: 100}, true)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		for name, b := range files {
			if strings.HasSuffix(name, ".png") {
				if w, h := decode(t, name, b); w != 800 || h != 600 {
					t.Errorf("%s: %s is %dx%d", tt.name, name, w, h)
				}
			}
		}
	}
}

func TestOneDay(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "March 5, 2024\n\nXi stresses new quality productive forces\n\nXi called for developing new quality productive forces and deepening reform.\n"
	iss, err := analyze.ReadIssue(strings.NewReader(text), "one.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, err := analyze.Analyze(iss, lex, analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := Build(res, Options{})
	if got := row(chart(t, cs, "top_formulations_by_day"), "new quality productive forces"); got != "2" {
		t.Errorf("one day: new quality productive forces = %q; want 2", got)
	}
	k := chart(t, cs, "keyness_2024-03-05")
	if !strings.HasPrefix(k.Empty, NoMentions) || !strings.Contains(k.Empty, "only this day") {
		t.Errorf("keyness of the only day says %q", k.Empty)
	}
	for _, c := range cs {
		if err := c.WriteSVG(io.Discard, Options{}); err != nil {
			t.Errorf("%s: %v", c.Name, err)
		}
	}
}

func TestUndated(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	iss, err := analyze.ReadIssue(strings.NewReader("Xi called for developing new quality productive forces.\n"), "undated.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, err := analyze.Analyze(iss, lex, analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := chart(t, Build(res, Options{}), "top_formulations_by_day")
	if got := names(c.Series) + " " + row(c, "new quality productive forces"); got != "undated 1" {
		t.Errorf("undated issue by day = %q; want undated 1", got)
	}
}

func TestSizeErrors(t *testing.T) {
	res := analyzeReference(t)
	for _, opt := range []Options{
		{Width: -1},
		{DPI: -5},
		{Width: 200, Height: 100},
		{Width: 1600, Height: 900, DPI: 600},
		{Width: 20000, Height: 900},
	} {
		if _, err := RenderAll(res, opt, false); err == nil {
			t.Errorf("RenderAll(%+v) = nil error; want one", opt)
		}
		var buf bytes.Buffer
		if err := Build(res, opt)[0].WritePNG(&buf, opt); err == nil {
			t.Errorf("WritePNG(%+v) = nil error; want one", opt)
		}
	}
}

func TestThemeColor(t *testing.T) {
	seen := map[string]int{}
	for i := range 16 {
		r, g, b, _ := ThemeColor(i).RGBA()
		key := fmt.Sprint(r, g, b)
		if j, ok := seen[key]; ok {
			t.Errorf("ThemeColor(%d) = ThemeColor(%d)", i, j)
		}
		seen[key] = i
	}
	if got := fmt.Sprint(ThemeColor(0), ThemeColor(4), ThemeColor(7)); got != "{230 159 0 255} {0 114 178 255} {51 34 136 255}" {
		t.Errorf("ThemeColor(0, 4, 7) = %s; want Okabe–Ito orange, blue, then Tol indigo", got)
	}
}

func TestTicks(t *testing.T) {
	for _, tt := range []struct {
		t      niceTicks
		lo, hi float64
		want   string
	}{
		{niceTicks{integer: true}, 0, 6.2, "0 2 4 6"},
		{niceTicks{integer: true}, 0, 2, "0 1 2"},
		{niceTicks{integer: true}, 0, 12000, "0 2,500 5,000 7,500 10,000"},
		{niceTicks{percent: true}, 0, 1, "0% 20% 40% 60% 80% 100%"},
		{niceTicks{}, -10.2, 9.3, "−10 −5 0 5"},
		{niceTicks{}, 0, 0.9, "0.0 0.2 0.4 0.6 0.8"},
		{niceTicks{}, 0, 12.5, "0.0 2.5 5.0 7.5 10.0 12.5"},
	} {
		var got []string
		for _, tk := range tt.t.Ticks(tt.lo, tt.hi) {
			got = append(got, tk.Label)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%+v.Ticks(%g, %g) = %q; want %q", tt.t, tt.lo, tt.hi, g, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	lk := newLook(768, 432, "")
	sty := lk.style(sizeCategory, false, gray(ink))
	w := sty.Width("strategic capabilities")
	for _, tt := range []struct{ in, want string }{
		{"strategic capabilities in emerging areas", "strategic capabilities|in emerging areas"},
		{"deepen reform", "deepen reform"},
		{"", ""},
	} {
		if got := strings.Join(wrap(sty, tt.in, w), "|"); got != tt.want {
			t.Errorf("wrap(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	long := wrap(sty, "Supercalifragilisticexpialidocious-and-then-some words", sty.Width("Supercalifragilistic"))
	for _, l := range long {
		if sty.Width(l) > sty.Width("Supercalifragilistic") {
			t.Errorf("wrap line %q is wider than the limit", l)
		}
	}
	if !strings.HasSuffix(long[0], "…") {
		t.Errorf("a word wider than the line = %q; want it cut with an ellipsis", long[0])
	}
}

// TestNetworkCut: when every theme shares sentences with every other, the
// network keeps the strongest links only, and says so.
func TestNetworkCut(t *testing.T) {
	ref := analyzeReference(t)
	first := map[string]string{}
	for _, f := range ref.Formulations {
		if first[f.Theme] == "" {
			first[f.Theme] = f.Phrase
		}
	}
	var b strings.Builder
	b.WriteString("March 1, 2024\n\nEverything at once\n\n")
	for i, a := range ref.Themes {
		for j, c := range ref.Themes[i+1:] {
			b.WriteString("They spoke of " + first[a] + " and of " + first[c] + ". ")
			if (i+j)%4 == 0 { // a quarter of the pairs twice
				b.WriteString("Again " + first[a] + " and " + first[c] + ". ")
			}
		}
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	iss, err := analyze.ReadIssue(strings.NewReader(b.String()+"\n"), "all.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, err := analyze.Analyze(iss, lex, analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := chart(t, Build(res, Options{}), "theme_network")
	nodes, edges := c.Series[0], c.Series[1]
	if len(nodes.Labels) != 14 {
		t.Errorf("%d nodes; want 14", len(nodes.Labels))
	}
	// more than networkEdges pairs share 2 sentences: all of them are
	// drawn (the cut cannot fall between equals), none of the others
	top := 0
	for _, p := range res.Pairs {
		if p.Scope == "issue" && p.Window == "sentence" && p.Count == 2 {
			top++
		}
	}
	for _, v := range edges.Values {
		if v != 2 {
			t.Errorf("a link of %g drawn; want only the pairs of 2 sentences", v)
		}
	}
	if len(edges.Values) != top || top <= networkEdges {
		t.Errorf("%d links drawn; want the %d pairs sharing 2 sentences (more than %d)", len(edges.Values), top, networkEdges)
	}
	if note := strings.Join(c.notes, " "); !strings.Contains(note, fmt.Sprintf("Only the %d strongest of the 91 links", top)) {
		t.Errorf("notes = %q; want them to say how many links are drawn", note)
	}
	if err := c.WriteSVG(io.Discard, Options{}); err != nil {
		t.Fatal(err)
	}
}

func TestCutoff(t *testing.T) {
	for _, tt := range []struct {
		counts []int
		want   int
	}{
		{nil, 0},
		{[]int{1, 3}, 1},
		{[]int{3, 5, 4}, 3},
		{[]int{5, 4, 3, 2}, 3},
		{[]int{3, 5, 4, 3, 2}, 4},
		{[]int{2, 2, 2, 2}, 2},
		{[]int{1, 2, 2, 2, 2}, 2},
	} {
		if got := cutoff(tt.counts, 3); got != tt.want {
			t.Errorf("cutoff(%v, 3) = %d; want %d", tt.counts, got, tt.want)
		}
	}
}

// TestTrendAcrossIssues: in a corpus of several issues the trend runs
// issue by issue.
func TestTrendAcrossIssues(t *testing.T) {
	cs := Build(twoParts(t), Options{})
	c := chart(t, cs, "formulation_trend")
	if got := fmt.Sprint(c.Title, c.Series[0].Name, c.Series[0].Labels, c.Series[0].Values); got !=
		"Top formulations across issuesnew quality productive forces[First part part2.txt] [6 4]" {
		t.Errorf("trend across issues = %s", got)
	}
	// the other charts still go by day
	if got := row(chart(t, cs, "top_formulations_by_day"), "new quality productive forces"); got != "6 1 3" {
		t.Errorf("corpus by day = %q; want 6 1 3", got)
	}
	if err := c.WriteSVG(io.Discard, Options{}); err != nil {
		t.Fatal(err)
	}
}

// TestHistoryTrend: with a history of several issues, chart 6 follows the
// formulations most mentioned over all of them, issue by issue; a count
// missing from an issue's lexicon draws as 0 and a note says so.
func TestHistoryTrend(t *testing.T) {
	res := *analyzeReference(t)
	res.History = &analyze.History{
		Issues: []analyze.HistoryIssue{{Date: "2024-01-02", Tokens: 1000}, {Date: "2024-03-05", Tokens: 1526}},
		Phrases: []analyze.HistoryPhrase{
			{Theme: "Reform and opening up", Phrase: "deepen reform", Counts: []int{-1, 5}},
			{Theme: "Development", Phrase: "new quality productive forces", Counts: []int{2, 10}},
		},
		Current: []int{1},
	}
	c := chart(t, Build(&res, Options{}), "formulation_trend")
	if got := fmt.Sprint(c.Title, "|", c.Series[0].Name, c.Series[0].Labels, c.Series[0].Values, "|", c.Series[1].Name, c.Series[1].Values); got !=
		"Top formulations across the issues of the history|new quality productive forces[2024-01-02 2024-03-05] [2 10]|deepen reform[0 5]" {
		t.Errorf("trend = %s", got)
	}
	if !strings.Contains(strings.Join(c.notes, "\n"), "lacked a formulation shows 0") || !strings.Contains(strings.Join(c.notes, "\n"), "This report's issue: 2024-03-05.") {
		t.Errorf("notes %q", c.notes)
	}
	rated := chart(t, Build(&res, Options{Rate: true}), "formulation_trend")
	// 2 in 1,000 tokens, 10 in 1,526
	if got := fmt.Sprintf("%.3f %.3f", rated.Series[0].Values[0], rated.Series[0].Values[1]); got != "2.000 6.553" {
		t.Errorf("per 1,000: %s; want 2.000 6.553", got)
	}
	var buf bytes.Buffer
	if err := c.WritePNG(&buf, Options{}); err != nil {
		t.Fatal(err)
	}
	if w, h := decode(t, c.Name, buf.Bytes()); w != 1600 || h != 900 {
		t.Errorf("%dx%d", w, h)
	}
}

// twoParts is the sample split after its first article, each part an
// issue of its own ("part1.txt", titled "First part"; "part2.txt",
// untitled), merged into a corpus.
func twoParts(t *testing.T) *analyze.Result {
	t.Helper()
	whole := analyzeReference(t)
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	az, err := analyze.NewAnalyzer(lex)
	if err != nil {
		t.Fatal(err)
	}
	first, second := *whole.Issue, *whole.Issue
	first.Name, first.Title = "part1.txt", "First part"
	second.Name, second.Title = "part2.txt", ""
	first.Articles, second.Articles = whole.Issue.Articles[:1], whole.Issue.Articles[1:]
	var parts []*analyze.Result
	for _, is := range []*analyze.Issue{&first, &second} {
		r, err := az.Analyze(is, analyze.Options{Mergeable: true})
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, r)
	}
	return az.Merge("Two parts", parts...)
}
