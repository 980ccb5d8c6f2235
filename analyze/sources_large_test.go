//go:build !race

package analyze_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/analyzetest"
)

// sourceArticle is an article of a fixture as counted by reading (a
// .truth file of testdata/zh_sources: see its FIXTURES.md).
type sourceArticle struct {
	date, venue, headline string
	counts                map[string]int // by the formulation's English phrase
}

// readTruth reads a .truth file: its articles in order.
func readSourceTruth(t *testing.T, path string) []sourceArticle {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head := regexp.MustCompile(`^=== article \d+ \| date (\S+) \| venue: (.*)$`)
	count := regexp.MustCompile(`^.+? \((.+)\): (\d+)`)
	var out []sourceArticle
	section := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case head.MatchString(line):
			m := head.FindStringSubmatch(line)
			out = append(out, sourceArticle{date: m[1], venue: m[2], counts: map[string]int{}})
			section = ""
		case strings.HasPrefix(line, "headline: ") && len(out) > 0:
			out[len(out)-1].headline = strings.TrimPrefix(line, "headline: ")
		case strings.HasPrefix(line, "--- "):
			section = strings.TrimPrefix(line, "--- ")
		case section == "counts" && count.MatchString(line):
			m := count.FindStringSubmatch(line)
			v, _ := strconv.Atoi(m[2])
			out[len(out)-1].counts[m[1]] = v
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestChineseSources reads each Chinese source fixture as analysts save
// them (a Xinhua page with byline, share bar and related links; a
// People's Daily page in GBK whose charset comes late; a page behind
// 200 KB of script; a China Daily page dated by its byline; a day of
// CCTV's evening news in Markdown; a Government Work Report in GB18030)
// and checks what a reader found by reading: the articles, each one's
// headline and date, and how often each formulation stands in it.
func TestChineseSources(t *testing.T) {
	checkSources(t, "../testdata/zh_sources", 6)
}

// TestHoldoutSources is TestChineseSources on fixtures of other sites and
// shapes, made and counted apart from the reader's rules, after them, to
// check that they hold beyond the fixtures they were built on
// (testdata/zh_holdout/HOLDOUT.md): China Youth Net, Huanqiu (a date in
// metadata only), Guangming in GB2312, Qiushi, an evening news day in
// another archive's Markdown, a report excerpt in GBK with CRLF, a Hong
// Kong text in Big5, an English Xinhua page.
func TestHoldoutSources(t *testing.T) {
	checkSources(t, "../testdata/zh_holdout", 8)
}

// checkSources reads each fixture of a folder with a truth file in the
// language its text is in, and compares what was read with the truth:
// the articles, each one's headline and date, whether it names a venue,
// and how often each formulation stands in it.
func checkSources(t *testing.T, dir string, want int) {
	lex := analyzetest.Lexicon(t)
	readers := map[string]*analyze.Reader{}
	analyzers := map[string]*analyze.Analyzer{}
	for _, code := range analyze.LanguageCodes() {
		lang, err := analyze.NewLanguage(code)
		if err != nil {
			t.Fatal(err)
		}
		readers[code], analyzers[code] = analyze.NewReaderIn(lang, analyze.VenuesOf(lex)), analyze.NewAnalyzerIn(lang, lex)
	}
	truths, err := filepath.Glob(filepath.Join(dir, "*.truth"))
	if err != nil || len(truths) != want {
		t.Fatalf("%d truth files in %s (%v); want %d", len(truths), dir, err, want)
	}
	for _, tp := range truths {
		path := strings.TrimSuffix(tp, ".truth")
		t.Run(filepath.Base(path), func(t *testing.T) {
			want := readSourceTruth(t, tp)
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			in, err := analyze.Open(f, filepath.Base(path), analyze.OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			iss, err := readers[in.Language].Read(in, filepath.Base(path))
			if err != nil {
				t.Fatal(err)
			}
			res, err := analyzers[in.Language].Analyze(iss, analyze.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(iss.Articles) != len(want) {
				t.Fatalf("%d articles; by reading %d", len(iss.Articles), len(want))
			}
			got := make([]map[string]int, len(want))
			for i := range got {
				got[i] = map[string]int{}
			}
			for _, m := range res.Mentions {
				got[m.Article-1][res.Formulations[m.Form].Phrase]++
			}
			for i, a := range iss.Articles {
				w := want[i]
				if d := a.Date.String(); d != w.date && !(d == "" && w.date == "none") {
					t.Errorf("article %d: date %s (%s); by reading %s", i+1, a.Date, a.DateNote, w.date)
				}
				if h := headlineText(a); w.headline != "" && h != w.headline {
					t.Errorf("article %d: headline %q; by reading %q", i+1, h, w.headline)
				}
				if (w.venue == "none") != (a.Venue == analyze.VenueUnspecified) {
					t.Errorf("article %d: venue %s; by reading %s", i+1, a.Venue, w.venue)
				}
				for _, d := range countDiffs(got[i], w.counts) {
					t.Errorf("article %d: %s", i+1, d)
				}
			}
		})
	}
}

func headlineText(a analyze.Article) string {
	if a.Headline == nil {
		return ""
	}
	return a.Headline.Text
}

// countDiffs lists the formulations counted otherwise than by reading.
func countDiffs(got, want map[string]int) []string {
	var out []string
	for p, n := range want {
		if got[p] != n {
			out = append(out, fmt.Sprintf("%s counted %d times; by reading %d", p, got[p], n))
		}
	}
	for p, n := range got {
		if _, ok := want[p]; !ok {
			out = append(out, fmt.Sprintf("%s counted %d times; by reading 0", p, n))
		}
	}
	sort.Strings(out)
	return out
}
