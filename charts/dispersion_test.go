package charts

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// series returns a chart's series of that name: "label=value …".
func series(c Chart, name string) string {
	for _, s := range c.Series {
		if s.Name == name {
			var out []string
			for i, v := range s.Values {
				out = append(out, fmt.Sprintf("%s=%g", s.Labels[i], v))
			}
			return strings.Join(out, " ")
		}
	}
	return "no series " + name
}

// values returns a series' values: "8 10 16".
func values(c Chart, name string) string {
	for _, s := range c.Series {
		if s.Name == name {
			return strings.Trim(fmt.Sprint(s.Values), "[]")
		}
	}
	return "no series " + name
}

// TestDispersion checks chart 7 on the sample against the source: the
// lines `grep -n "new quality productive forces"` finds (case folded),
// and the headlines' lines `analyze inspect` prints.
func TestDispersion(t *testing.T) {
	res := analyzeReference(t)
	cs := Build(res, Options{})
	c := chart(t, cs, "dispersion")
	if want := "Where the top formulations stand in Xi Jinping at the Two Sessions"; c.Title != want {
		t.Errorf("title = %q; want %q", c.Title, want)
	}
	if want := "2024-03-05 to 2024-03-07 · 3 articles, 101 mentions · the 12 most mentioned of 66 formulations found"; c.Subtitle != want {
		t.Errorf("subtitle = %q; want %q", c.Subtitle, want)
	}
	// the rows in the order of the bar charts, then the article starts
	want := "new quality productive forces | deepen reform | Chinese modernization | strategic capabilities in emerging areas | " +
		"Chinese People's Political Consultative Conference | high-quality development | industrial chains | " +
		"new quality combat capabilities | core technologies | supply chains | innovation chains | modernized industrial system | " +
		"article starts"
	if got := names(c.Series); got != want {
		t.Errorf("rows = %q;\nwant %q", got, want)
	}
	bars := chart(t, cs, "top_formulations_by_day")
	if got, want := strings.Join(bars.Series[0].Labels, " | ")+" | article starts", names(c.Series); got != want {
		t.Errorf("rows = %q; the bar chart has %q", want, got)
	}
	// 6 + 1 + 3 mentions by day; the headline (line 8) and body lines
	if got, want := values(c, "new quality productive forces"), "8 10 16 22 24 32 80 105 107 113"; got != want {
		t.Errorf("new quality productive forces at %q; want %q", got, want)
	}
	if got, want := c.Series[0].Labels[0], "two_sessions_2024.txt:8"; got != want {
		t.Errorf("first mention is at %q; want %q", got, want)
	}
	// CPPCC: the full name on line 62 (its "(CPPCC)" is the same
	// mention), "CPPCC" three times on line 86; line 70's "CPPCC National
	// Committee" is not this formulation, the caption (line 90) is not counted
	if got, want := values(c, "Chinese People's Political Consultative Conference"), "62 86 86 86"; got != want {
		t.Errorf("CPPCC at %q; want %q", got, want)
	}
	if got, want := series(c, "article starts"), "article 1 · 2024-03-05=8 article 2 · 2024-03-06=60 article 3 · 2024-03-07=95"; got != want {
		t.Errorf("article starts = %q; want %q", got, want)
	}
	// every row holds its formulation's mentions, as the bars count them
	for i, s := range c.Series[:12] {
		n := 0.0
		for _, b := range bars.Series {
			n += b.Values[i]
		}
		if float64(len(s.Values)) != n {
			t.Errorf("%s: %d ticks; the bars count %g", s.Name, len(s.Values), n)
		}
	}

	// the PNG, twice: the same bytes, at the size asked for
	opt := Options{Width: 900, Height: 500, DPI: 100}
	var a, b bytes.Buffer
	if err := c.WritePNG(&a, opt); err != nil {
		t.Fatal(err)
	}
	if err := c.WritePNG(&b, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("dispersion.png differs between two renderings")
	}
	if w, h := decode(t, "dispersion.png", a.Bytes()); w != 900 || h != 500 {
		t.Errorf("dispersion.png is %dx%d; want 900x500", w, h)
	}
}

// TestDispersionTopN: the rows follow Options.TopN, as the bar charts do.
func TestDispersionTopN(t *testing.T) {
	c := chart(t, Build(analyzeReference(t), Options{TopN: 3}), "dispersion")
	if got, want := names(c.Series), "new quality productive forces | deepen reform | Chinese modernization | article starts"; got != want {
		t.Errorf("TopN 3: rows = %q; want %q", got, want)
	}
}

// TestDispersionCorpus splits the sample after its first article and
// merges the parts: each part keeps the sample's 144 lines (its input),
// so the second issue starts after the first's 144 and everything in it
// moves by 144.
func TestDispersionCorpus(t *testing.T) {
	c := chart(t, Build(twoParts(t), Options{}), "dispersion")
	if want := "Where the top formulations stand across 2 issues"; c.Title != want {
		t.Errorf("title = %q; want %q", c.Title, want)
	}
	if got, want := series(c, "issue starts"), "First part=1 part2.txt=145"; got != want {
		t.Errorf("issue starts = %q; want %q", got, want)
	}
	if got, want := values(c, "article starts"), "8 204 239"; got != want {
		t.Errorf("article starts = %q; want %q", got, want)
	}
	if got, want := values(c, "new quality productive forces"), "8 10 16 22 24 32 224 249 251 257"; got != want {
		t.Errorf("new quality productive forces at %q; want %q", got, want)
	}
	if got, want := c.Series[0].Labels[6], "part2.txt:80"; got != want {
		t.Errorf("7th mention is at %q; want %q", got, want)
	}
	var buf bytes.Buffer
	if err := c.WriteSVG(&buf, Options{}); err != nil {
		t.Fatal(err)
	}
}

// TestLabelRow: the marks' labels take the longest form that fits them
// all, else their numbers, leaving out one that would touch the one
// before it.
func TestLabelRow(t *testing.T) {
	ms := []mark{
		{at: 0, long: "article 1", short: "1 · x", tiny: "1"},
		{at: 60, long: "article 2", short: "2 · x", tiny: "2"},
		{at: 62, long: "article 3", short: "3 · x", tiny: "3"},
	}
	x := func(v int) vg.Length { return vg.Length(v) }
	width := func(s string) vg.Length { return vg.Length(len(s)) * 5 }
	for _, tt := range []struct {
		ms    []mark
		right vg.Length
		want  string
	}{
		{ms[:2], 200, "article 1|article 2"},
		{ms[:2], 95, "1 · x|2 · x"},
		{ms[:2], 64, "1|"},
		{ms, 200, "1|2|"},
	} {
		if got := strings.Join(labelRow(tt.ms, x, tt.right, width, 1), "|"); got != tt.want {
			t.Errorf("labelRow(%d marks, right %v) = %q; want %q", len(tt.ms), tt.right, got, tt.want)
		}
	}
}

// TestLabelEach: each issue gets the longest label that fits before the
// next, else its year where that stays clear of the label before it.
func TestLabelEach(t *testing.T) {
	ms := []mark{
		{at: 0, long: "Two Sessions", short: "2024-03-05", tiny: "2024"},
		{at: 55, long: "SOTU", short: "2003-01-28", tiny: "2003"},
		{at: 90, long: "Report", short: "1954-09-23", tiny: "1954"},
		{at: 100, long: "Report", short: "1955-07-05", tiny: "1955"},
		{at: 105, long: "Report", short: "1956-06-15", tiny: "1956"},
	}
	x := func(v int) vg.Length { return vg.Length(v) }
	width := func(s string) vg.Length { return vg.Length(len(s)) * 5 }
	// 1 + 50 + 1 <= 55: the short form; "SOTU" fits in 55 to 90; "1954"
	// runs past 100 (clear at 111), so 1955 goes unlabelled and 1956
	// (at 106) too; nothing fits after it
	if got, want := strings.Join(labelEach(ms, x, 200, width, 1), "|"), "2024-03-05|SOTU|1954||"; got != want {
		t.Errorf("labelEach = %q; want %q", got, want)
	}
}
