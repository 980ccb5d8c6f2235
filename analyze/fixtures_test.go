package analyze_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/analyzetest"
	"github.com/issuelens/analyze/internal/testfiles"
)

// truthArticle is an article of a fixture as a reader wrote it down in
// FILE.truth (see testdata/pages/FIXTURES.md): its date, the text a
// careful reader keeps (headline and body) and the mentions counted by
// reading.
type truthArticle struct {
	date   string
	text   []string
	counts map[string]int
}

// readTruth reads a truth file: "=== article N | date D | venue-cue: …",
// the headline and body lines, "--- captions" and their lines, "---
// counts" and "phrase: n" lines.
func readTruth(t *testing.T, path string) []truthArticle {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []truthArticle
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, "=== "):
			a := truthArticle{counts: map[string]int{}}
			for _, field := range strings.Split(line, "|") {
				if d, ok := strings.CutPrefix(strings.TrimSpace(field), "date "); ok {
					a.date = d
				}
			}
			out = append(out, a)
			section = "text"
		case strings.HasPrefix(line, "--- "):
			section = strings.TrimPrefix(line, "--- ")
		case len(out) == 0:
			t.Fatalf("%s: %q before the first article", path, line)
		case section == "text":
			out[len(out)-1].text = append(out[len(out)-1].text, line)
		case section == "counts":
			phrase, n, ok := strings.Cut(line, ": ")
			k, err := strconv.Atoi(n)
			if !ok || err != nil {
				t.Fatalf("%s: bad count line %q", path, line)
			}
			out[len(out)-1].counts[phrase] = k
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// words is a text's words as a bag: lower case, punctuation around them
// trimmed.
func words(texts ...string) map[string]int {
	bag := map[string]int{}
	for _, s := range texts {
		for _, w := range strings.Fields(s) {
			w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
			if w != "" {
				bag[w]++
			}
		}
	}
	return bag
}

// TestPageFixturesByReading reads the page fixtures as `analyze run`
// reads a batch and holds every article against what a reader wrote
// down for it (FILE.truth, counted by reading): its date and its
// mentions of five formulations, in the headline and body only. Across
// all fixtures, the kept words that are article text (precision) and
// the article words kept (recall) must each be at least 0.95. The
// fixtures: a page dumped on one line (menus, byline, caption with the
// dateline after it, footer); twelve pages dumped one after another,
// ten of them ending with the same "Follow … on WeChat" line, which is
// the site's (repeated on 10 of 12 pages); the same twelve pages each
// dumped on one line; four HTML pages of one site
// with nav, aside, footer, figure and the same promotion paragraph in
// each article.
func TestPageFixturesByReading(t *testing.T) {
	type input struct{ path, truth string }
	fixture := func(name string) input {
		p := testfiles.Testdata(t, name)
		return input{p, p + ".truth"}
	}
	twelve := fixture("pages/twelve_pages.txt")
	batches := [][]input{
		{fixture("pages/oneline_dump.txt")},
		{twelve},
		{{oneLinePages(t, twelve.path), twelve.truth}},
		{fixture("pages/site/page1.html"), fixture("pages/site/page2.html"), fixture("pages/site/page3.html"), fixture("pages/site/page4.html")},
	}
	phrases := []string{"new quality productive forces", "high-quality development", "food security", "Belt and Road Initiative", "common prosperity"}
	var kept, truth, both int
	for _, batch := range batches {
		k0, t0, b0 := kept, truth, both
		paths := make([]string, len(batch))
		for i, b := range batch {
			paths[i] = b.path
		}
		for i, iss := range analyzetest.ReadBatch(t, paths...) {
			want := readTruth(t, batch[i].truth)
			name := filepath.Base(paths[i])
			if len(iss.Articles) != len(want) {
				t.Errorf("%s: %d articles; want %d", name, len(iss.Articles), len(want))
				continue
			}
			res := analyzetest.AnalyzeIssue(t, iss)
			for k, a := range iss.Articles {
				w := want[k]
				if a.Date.String() != w.date {
					t.Errorf("%s #%d: date %s; want %s", name, a.N, a.Date, w.date)
				}
				got := map[string]int{}
				for _, m := range res.Mentions {
					if m.Article == a.N && m.Part != analyze.PartCaption {
						got[m.Phrase]++
					}
				}
				for _, p := range phrases {
					if got[p] != w.counts[p] {
						t.Errorf("%s #%d %q: %d %s; want %d", name, a.N, headline(&a), got[p], p, w.counts[p])
					}
				}
				var text []string
				if a.Headline != nil {
					text = append(text, a.Headline.Text)
				}
				for _, p := range a.Body {
					text = append(text, p.Text)
				}
				kb, tb := words(text...), words(w.text...)
				for word, n := range kb {
					kept += n
					both += min(n, tb[word])
				}
				for _, n := range tb {
					truth += n
				}
			}
		}
		t.Logf("%s: precision %.3f, recall %.3f", filepath.Base(paths[0]),
			float64(both-b0)/float64(kept-k0), float64(both-b0)/float64(truth-t0))
	}
	precision, recall := float64(both)/float64(kept), float64(both)/float64(truth)
	t.Logf("words kept %d, article words %d, both %d: precision %.3f, recall %.3f", kept, truth, both, precision, recall)
	if precision < 0.95 || recall < 0.95 {
		t.Errorf("precision %.3f, recall %.3f; want both at least 0.95", precision, recall)
	}
}

func headline(a *analyze.Article) string {
	if a.Headline == nil {
		return fmt.Sprintf("article %d", a.N)
	}
	return a.Headline.Text
}

// oneLinePages writes the pages of a text of pages dumped one after the
// other (each opening with its title line "… - People's Daily Online")
// each on one line, as a text export of a page gives it, and returns the
// file's path.
func oneLinePages(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case line == "":
		case strings.HasSuffix(line, " - People's Daily Online") || len(pages) == 0:
			pages = append(pages, line)
		default:
			pages[len(pages)-1] += " " + line
		}
	}
	if len(pages) != 12 {
		t.Fatalf("%s: %d pages; want 12", path, len(pages))
	}
	out := filepath.Join(t.TempDir(), "twelve_pages_one_line_each.txt")
	if err := os.WriteFile(out, []byte(strings.Join(pages, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}
