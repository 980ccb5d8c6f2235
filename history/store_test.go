package history

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/analyzetest"
	"github.com/issuelens/analyze/internal/testfiles"
)

var ctx = context.Background()

// at is a fixed analysis time, so stored rows do not depend on the clock.
var at = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// parts reads an issue file and analyses each of its articles as an issue
// of its own (the issue's name gets the article's number), as if the
// articles had come out one a day.
func parts(t *testing.T, path string) []Issue {
	t.Helper()
	az, err := analyze.NewAnalyzer(analyzetest.Lexicon(t))
	if err != nil {
		t.Fatal(err)
	}
	whole := analyzetest.Read(t, path)
	var out []Issue
	for i := range whole.Articles {
		part := *whole
		part.Name = fmt.Sprintf("%s#%d", whole.Name, i+1)
		part.Title = fmt.Sprintf("%s, article %d", whole.Title, i+1)
		part.Articles = []analyze.Article{whole.Articles[i]}
		part.Articles[0].N = 1
		res, err := az.Analyze(&part, analyze.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, FromResult(fmt.Sprintf("sha-%s-%03d", filepath.Base(path), i+1), res, filepath.Base(path), "test", at))
	}
	return out
}

func open(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// tableCounts counts the rows of every table: what must not change when
// nothing is recorded.
func tableCounts(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var parts []string
	for _, table := range []string{"issues", "articles", "article_counts", "formulation_counts", "theme_counts", "cooccurrence", "discovered"} {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, fmt.Sprintf("%s=%d", table, n))
	}
	return strings.Join(parts, " ")
}

func phrase(h *analyze.History, p string) analyze.HistoryPhrase {
	for _, hp := range h.Phrases {
		if hp.Phrase == p {
			return hp
		}
	}
	return analyze.HistoryPhrase{}
}

// TestTwoIssuesAndReruns: the sample issue's three days as three issues,
// recorded in two runs, then the first run again. Counts by reading the
// text: new quality productive forces 6, 1 and 3 times; strategic
// capabilities in emerging areas, new quality combat capabilities and
// cyberspace only on March 7 (4, 3, 2).
func TestTwoIssuesAndReruns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out", "history.sqlite")
	s := open(t, path)
	days := parts(t, testfiles.Sample(t))
	if err := s.Record(ctx, "", days[:2]); err != nil {
		t.Fatal(err)
	}
	if err := s.Record(ctx, "", days[2:]); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := View(stored, []string{days[2].Info.SHA256}, days[2].lexiconOrder())
	var dates []string
	for _, is := range h.Issues {
		dates = append(dates, is.Date)
	}
	if got := strings.Join(dates, " "); got != "2024-03-05 2024-03-06 2024-03-07" || fmt.Sprint(h.Current) != "[2]" || h.Earlier != 2 {
		t.Fatalf("issues %s, current %v, %d earlier; want the three days, the last current, 2 earlier", got, h.Current, h.Earlier)
	}
	if c := phrase(h, "new quality productive forces"); fmt.Sprint(c.Counts) != "[6 1 3]" || c.FirstSeen != "2024-03-05" {
		t.Errorf("new quality productive forces %v first seen %q; want [6 1 3] from 2024-03-05", c.Counts, c.FirstSeen)
	}
	if c := phrase(h, "strategic capabilities in emerging areas"); fmt.Sprint(c.Counts) != "[0 0 4]" || c.FirstSeen != "2024-03-07" {
		t.Errorf("strategic capabilities in emerging areas %v first seen %q; want [0 0 4] from 2024-03-07", c.Counts, c.FirstSeen)
	}
	for _, want := range []string{"strategic capabilities in emerging areas", "new quality combat capabilities", "cyberspace"} {
		found := false
		for _, p := range h.NewFormulations {
			found = found || p == want
		}
		if !found {
			t.Errorf("new formulations %q lack %q", h.NewFormulations, want)
		}
	}
	for _, p := range h.NewFormulations {
		if c := phrase(h, p); c.Counts[0] > 0 || c.Counts[1] > 0 {
			t.Errorf("%q is flagged new but was counted before: %v", p, c.Counts)
		}
	}
	// the same issues again: replaced, not added
	before := tableCounts(t, path)
	if err := s.Record(ctx, "", days[:2]); err != nil {
		t.Fatal(err)
	}
	if after := tableCounts(t, path); after != before {
		t.Errorf("recording the same issues again: %s; before %s", after, before)
	}
	again, _ := s.Load(ctx)
	if h2 := View(again, []string{days[2].Info.SHA256}, days[2].lexiconOrder()); fmt.Sprint(phrase(h2, "new quality productive forces").Counts) != "[6 1 3]" {
		t.Errorf("after a re-run: %v; want [6 1 3]", phrase(h2, "new quality productive forces").Counts)
	}
	if !strings.HasPrefix(before, "issues=3 articles=3 ") {
		t.Errorf("rows %s; want 3 issues of 1 article", before)
	}
}

// TestSeriesKeptApart: the sample's three days in one series and the
// same three days again as another publication a year on: each issue's
// history is its series' alone (three issues, not six), "new" is worked
// out within it, series match whatever their case and spacing, an
// undated issue stays out of its dated series' trends (and nothing is
// new in it), and a series with no date is in file-name order under
// short titles.
func TestSeriesKeptApart(t *testing.T) {
	days := parts(t, testfiles.Sample(t))
	var later []Issue
	for i, is := range days {
		is.Info.SHA256 = fmt.Sprintf("later-%d", i)
		is.Info.Series = "Other  Weekly"
		is.Info.Date = "2025" + is.Info.Date[4:]
		later = append(later, is)
	}
	s := open(t, filepath.Join(t.TempDir(), "history.sqlite"))
	if err := s.Record(ctx, "", append(append([]Issue(nil), days...), later...)); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	labels := func(h *analyze.History) string {
		var out []string
		for _, is := range h.Issues {
			out = append(out, is.Label())
		}
		return strings.Join(out, " | ")
	}
	h := View(stored, []string{later[0].Info.SHA256}, later[0].lexiconOrder())
	if got := labels(h); h.Series != "Other  Weekly" || got != "2025-03-05 | 2025-03-06 | 2025-03-07" || fmt.Sprint(h.Current) != "[0]" || h.Earlier != 0 || len(h.NewFormulations) != 0 {
		t.Errorf("the other series' first issue sees %q: %s, current %v, %d earlier, new %q; want its own three days, nothing earlier, nothing new",
			h.Series, got, h.Current, h.Earlier, h.NewFormulations)
	}
	h = View(stored, []string{days[2].Info.SHA256}, days[2].lexiconOrder())
	if got := labels(h); got != "2024-03-05 | 2024-03-06 | 2024-03-07" || fmt.Sprint(phrase(h, "new quality productive forces").Counts) != "[6 1 3]" {
		t.Errorf("the sample's series: %s, %v; want its three days, [6 1 3]", got, phrase(h, "new quality productive forces").Counts)
	}
	if h := SeriesView(stored, "other weekly", nil, nil); len(h.Issues) != 3 || h.Series != "Other  Weekly" || len(h.Current) != 0 {
		t.Errorf("SeriesView(other weekly): %d issues of %q, current %v; want 3 of \"Other  Weekly\"", len(h.Issues), h.Series, h.Current)
	}
	if got := fmt.Sprint(SeriesList(stored)); got != "[{Other  Weekly 3 3 2025-03-05 2025-03-07} {two_sessions_2024.txt 3 3 2024-03-05 2024-03-07}]" {
		t.Errorf("SeriesList = %s", got)
	}
	// a corpus of issues of both series: its own issues, no series
	if h := View(stored, []string{days[0].Info.SHA256, later[0].Info.SHA256}, nil); len(h.Issues) != 2 || h.Series != "" || fmt.Sprint(h.Current) != "[0 1]" {
		t.Errorf("a corpus across series sees %d issues of %q, current %v; want its 2, no series", len(h.Issues), h.Series, h.Current)
	}

	// March 6 undated: out of the trends, listed as left out; nothing is new in it
	undated := append([]Issue(nil), days...)
	undated[1].Info.Date = ""
	h = View(undated, []string{undated[1].Info.SHA256}, undated[1].lexiconOrder())
	if got := labels(h); got != "2024-03-05 | 2024-03-07" || len(h.LeftOut) != 1 || h.LeftOut[0].SHA256 != undated[1].Info.SHA256 || len(h.Current) != 0 || h.NewFormulations != nil {
		t.Errorf("an undated issue of a dated series: trends %s, left out %d, current %v, new %q; want the two dated days, it left out, nothing new",
			got, len(h.LeftOut), h.Current, h.NewFormulations)
	}
	if h := View(undated, []string{undated[2].Info.SHA256}, nil); h.Earlier != 1 || fmt.Sprint(h.Current) != "[1]" {
		t.Errorf("March 7 after an undated March 6: current %v, %d earlier; want [1], 1", h.Current, h.Earlier)
	}
	// a yearly series read from some texts to the day, from others to the
	// year: labelled by year; two issues in one year keep their dates
	yearly := append([]Issue(nil), days...)
	yearly[0].Info.Date, yearly[1].Info.Date, yearly[2].Info.Date = "1990", "1989-03-20", "1954"
	if got := labels(View(yearly, []string{yearly[0].Info.SHA256}, nil)); got != "1954 | 1989 | 1990" {
		t.Errorf("a yearly series: labels %q; want the years", got)
	}
	yearly[2].Info.Date = "1989"
	if got := labels(View(yearly, []string{yearly[0].Info.SHA256}, nil)); got != "1989 | 1989-03-20 | 1990" {
		t.Errorf("two issues of 1989: labels %q; want the dates", got)
	}

	// no date anywhere: file-name order, short titles as labels
	for i := range undated {
		undated[i].Info.Date = ""
		undated[i].Info.Name = fmt.Sprintf("day%d.txt", 3-i)
	}
	undated[0].Info.Title = "A very long headline about new quality productive forces and more"
	h = View(undated, []string{undated[0].Info.SHA256}, nil)
	if got := labels(h); got != "day1.txt | day2.txt | day3.txt" || h.Earlier != 2 {
		t.Errorf("an undated series whose cut titles repeat: labels %q, %d earlier; want the file names, 2 earlier", got, h.Earlier)
	}
	undated[1].Info.Title = "Second"
	if got := labels(SeriesView(undated, "two_sessions_2024.txt", nil, nil)); got != "Xi Jinping at the Two… | Second | A very long headline about…" {
		t.Errorf("an undated series: labels %q; want short titles", got)
	}
}

// lexiconOrder lists the issue's formulations as a lexicon would.
func (is Issue) lexiconOrder() []analyze.Formulation {
	var out []analyze.Formulation
	for _, f := range is.Formulations {
		out = append(out, analyze.Formulation{Theme: f.Theme, Phrase: f.Phrase})
	}
	return out
}

// TestFailedRecordChangesNothing: a run that fails after its first insert
// leaves the store as it was.
func TestFailedRecordChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.sqlite")
	s := open(t, path)
	days := parts(t, testfiles.Sample(t))
	if err := s.Record(ctx, "", days[:1]); err != nil {
		t.Fatal(err)
	}
	before := tableCounts(t, path)
	s.failAfter = 1
	if err := s.Record(ctx, "run-failed", days); err == nil {
		t.Fatal("Record failing after one insert returned no error")
	}
	s.failAfter = 0
	if after := tableCounts(t, path); after != before {
		t.Errorf("after a failed run: %s; want %s", after, before)
	}
	if has, err := s.HasRun(ctx, "run-failed"); has || err != nil {
		t.Errorf("HasRun(failed run) = %v, %v; want false", has, err)
	}
	// and the store still works
	if err := s.Record(ctx, "run-ok", days); err != nil {
		t.Fatal(err)
	}
	if got := tableCounts(t, path); !strings.HasPrefix(got, "issues=3 ") {
		t.Errorf("after the next run: %s; want 3 issues", got)
	}
	if has, err := s.HasRun(ctx, "run-ok"); !has || err != nil {
		t.Errorf("HasRun(recorded run) = %v, %v; want true", has, err)
	}
}

// TestConcurrentRecords: runs recording into one store at once, each
// through its own connection, all land; none fails with "database is
// locked".
func TestConcurrentRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.sqlite")
	open(t, path) // created once, as the first run would
	days := parts(t, testfiles.Sample(t))
	var wg sync.WaitGroup
	errs := make([]error, 3*4)
	for i := range errs {
		wg.Go(func() {
			s, err := Open(ctx, path)
			if err != nil {
				errs[i] = err
				return
			}
			defer s.Close()
			errs[i] = s.Record(ctx, "", days[i%3:i%3+1])
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("run %d: %v", i, err)
		}
	}
	if got := tableCounts(t, path); !strings.HasPrefix(got, "issues=3 articles=3 ") {
		t.Errorf("after 12 concurrent runs of 3 issues: %s; want each issue once", got)
	}
}

// TestSchema: a new store is at the latest schema version; a store from a
// newer analyze, a file that is not SQLite and a database with tables of
// its own are refused, naming the file.
func TestSchema(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "history.sqlite")
	s := open(t, path)
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(migrations) {
		t.Fatalf("user_version %d (%v); want %d", v, err, len(migrations))
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q (%v); want wal", mode, err)
	}
	s.Close()
	open(t, path).Close() // opening again changes nothing

	newer := filepath.Join(dir, "newer.sqlite")
	db, _ := sql.Open("sqlite", newer)
	db.Exec("PRAGMA user_version = 99")
	db.Close()
	other := filepath.Join(dir, "other.sqlite")
	db, _ = sql.Open("sqlite", other)
	db.Exec("CREATE TABLE mine (x)")
	db.Close()
	text := filepath.Join(dir, "notes.sqlite")
	os.WriteFile(text, []byte(strings.Repeat("not a database\n", 100)), 0o644)
	for path, want := range map[string]string{
		newer: fmt.Sprintf("schema version 99: made by a newer version of analyze (this one knows %d)", len(migrations)),
		other: "not a history store of analyze (it has tables of its own)",
		text:  "not a history store",
	} {
		_, err := Open(ctx, path)
		if err == nil || !strings.HasPrefix(err.Error(), path+": "+want) {
			t.Errorf("Open(%s) = %v; want %q", filepath.Base(path), err, path+": "+want)
		}
	}
}

// TestEmptyFileAndReadOnly: an empty file is refused, not made a store,
// by Open and OpenExisting alike, and left as it was; OpenExisting reads
// a store without changing a byte of it; a file that is not SQLite is a
// FormatError.
func TestEmptyFileAndReadOnly(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.sqlite")
	os.WriteFile(empty, nil, 0o644)
	for name, open := range map[string]func(context.Context, string) (*Store, error){"Open": Open, "OpenExisting": OpenExisting} {
		_, err := open(ctx, empty)
		var fe *FormatError
		if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), empty+": empty file (0 bytes), not a history store") {
			t.Errorf("%s(empty file) = %v; want a FormatError", name, err)
		}
		if st, _ := os.Stat(empty); st.Size() != 0 {
			t.Errorf("%s wrote into the empty file", name)
		}
	}
	path := filepath.Join(dir, "history.sqlite")
	s := open(t, path)
	if err := s.Record(ctx, "", parts(t, testfiles.Sample(t))[:1]); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	r, err := OpenExisting(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := r.Load(ctx); err != nil || len(got) != 1 {
		t.Errorf("Load = %d issues, %v; want 1", len(got), err)
	}
	if err := r.Record(ctx, "a-run", nil); err == nil {
		t.Errorf("a read-only store took a write")
	}
	r.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Errorf("OpenExisting changed the store")
	}
	text := filepath.Join(dir, "notes.sqlite")
	os.WriteFile(text, []byte(strings.Repeat("not a database\n", 100)), 0o644)
	var fe *FormatError
	if _, err := OpenExisting(ctx, text); !errors.As(err, &fe) {
		t.Errorf("OpenExisting(text file) = %v; want a FormatError", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".new-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestOldStoreGetsSeries: a store of schema 2 (before series) is brought
// up to date on opening, each issue in the series it would get now
// without --series: its publication, else its file name.
func TestOldStoreGetsSeries(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.sqlite")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range append(migrations[:2:2],
		`INSERT INTO issues (sha256, name, title, publication, first_date, last_date, articles, tokens, mentions, lexicon,
			lexicon_sha256, tool_version, analyzed_at) VALUES
			('a', 'seed.txt', 'Two Sessions', 'Beijing Review', '2024-03-05', '2024-03-07', 3, 100, 10, 'l', 's', '0.1.0', '2026-11-01T00:00:00Z'),
			('b', 'sotu.txt', 'sotu', '', '', '', 1, 50, 0, 'l', 's', '0.1.0', '2026-11-01T00:00:00Z')`,
		`PRAGMA user_version = 2`) {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	issues, err := open(t, path).Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, is := range issues {
		got = append(got, is.Info.Name+"="+is.Info.Series)
	}
	if strings.Join(got, " ") != "seed.txt=Beijing Review sotu.txt=sotu.txt" {
		t.Errorf("series after the upgrade: %q; want the publication, else the file name", got)
	}
}

// TestDropped: five issues of a series, counts made up so that the
// answer can be worked by hand. Before the last issue: alpha 2, 3, 0, 1
// (3 of the 4 issues), beta 1, 1, 0, 0 (2 of 4), zeta 1, 1, 1, 1 (but the
// last issue's lexicon has no zeta); in the last, alpha and beta 0:
// alpha is dropped (last in 2024-01-04, once), beta is not (2 < 3), zeta
// is not (not counted there, not "0"). Theme shares: T1 (alpha, beta)
// 3/9, 4/10, 0/6, 1/7 of the mentions, mean 0.2190, now 0: dropped; T3
// (eps) 4/9, 4/10, 4/6, 4/7, mean 0.5206, now 1/7 = 0.1429 < 0.2603:
// dropped; T2 (delta, gamma, zeta) rose.
func TestDropped(t *testing.T) {
	counts := map[string][5]int{
		"alpha": {2, 3, 0, 1, 0}, "beta": {1, 1, 0, 0, 0}, "gamma": {0, 0, 0, 0, 5},
		"delta": {1, 1, 1, 1, 1}, "eps": {4, 4, 4, 4, 1}, "zeta": {1, 1, 1, 1, -1},
	}
	theme := map[string]string{"alpha": "T1", "beta": "T1", "gamma": "T2", "delta": "T2", "zeta": "T2", "eps": "T3"}
	order := []string{"alpha", "beta", "gamma", "delta", "zeta", "eps"}
	var issues []Issue
	for i := range 5 {
		is := Issue{Info: analyze.HistoryIssue{SHA256: fmt.Sprint("s", i), Name: fmt.Sprint(i, ".txt"), Series: "S",
			Date: fmt.Sprintf("2024-01-0%d", i+1), AnalyzedAt: "2026-12-02T00:00:00Z"}}
		for _, p := range order {
			if n := counts[p][i]; n >= 0 {
				is.Formulations = append(is.Formulations, Formulation{Theme: theme[p], Phrase: p, Count: n})
			}
		}
		issues = append(issues, is)
	}
	var lex []analyze.Formulation
	for _, p := range order[:4] {
		lex = append(lex, analyze.Formulation{Theme: theme[p], Phrase: p})
	}
	lex = append(lex, analyze.Formulation{Theme: "T3", Phrase: "eps"})
	h := View(issues, []string{"s4"}, lex)
	if got := fmt.Sprint(h.Dropped); got != "[{T1 alpha 3 4 2024-01-04 1}]" {
		t.Errorf("Dropped = %s; want alpha, in 3 of 4, last 2024-01-04 once", got)
	}
	var themes []string
	for _, d := range h.DroppedThemes {
		themes = append(themes, fmt.Sprintf("%s %.4f→%.4f", d.Theme, d.Before, d.Share))
	}
	if got := strings.Join(themes, "; "); got != "T1 0.2190→0.0000; T3 0.5206→0.1429" {
		t.Errorf("DroppedThemes = %s", got)
	}
	// with two issues before, nothing can have dropped (3 of the last 5)
	if h := View(issues[2:], []string{"s4"}, lex); h.Dropped != nil || h.DroppedThemes != nil || h.Earlier != 2 {
		t.Errorf("two issues before: dropped %v %v", h.Dropped, h.DroppedThemes)
	}
}

// TestDrift: three issues before the last say "high-standard socialist
// market economy" (two of them) and "promote high-quality development"
// (all three); the last says "high-level socialist market economy" and
// "promote high-quality development": socialist market economy's wording
// changed (high-level, where 2 of the 3 said high-standard); high-quality
// development's did not. A word one issue before used is no change.
func TestDrift(t *testing.T) {
	mods := [][]analyze.ModifierCount{
		{{Phrase: "high-quality development", Modifier: "promote", Count: 1}, {Phrase: "socialist market economy", Modifier: "high-standard", Count: 1}},
		{{Phrase: "high-quality development", Modifier: "promote", Count: 2}, {Phrase: "socialist market economy", Modifier: "high-standard", Count: 1}},
		{{Phrase: "high-quality development", Modifier: "promote", Count: 1}, {Phrase: "socialist market economy", Modifier: "improve", Count: 1}},
		{{Phrase: "high-quality development", Modifier: "promote", Count: 1}, {Phrase: "socialist market economy", Modifier: "high-level", Count: 2},
			{Phrase: "socialist market economy", Modifier: "improve", Count: 1}},
	}
	var issues []Issue
	for i, m := range mods {
		issues = append(issues, Issue{Info: analyze.HistoryIssue{SHA256: fmt.Sprint("d", i), Name: fmt.Sprint(i, ".txt"), Series: "S",
			Date: fmt.Sprintf("2024-02-0%d", i+1), AnalyzedAt: "2026-12-02T00:00:00Z"}, Modifiers: m})
	}
	h := View(issues, []string{"d3"}, nil)
	if got := fmt.Sprint(h.Drift); got != "[{socialist market economy high-level 2 high-standard 2 3}]" {
		t.Errorf("Drift = %s; want high-level where 2 of 3 said high-standard", got)
	}
	if h := View(issues[2:], []string{"d3"}, nil); h.Drift != nil {
		t.Errorf("one issue before: drift %v; want none", h.Drift)
	}
}

// TestListDrift: of the three issues before the last, two set out
// "industrial chains, supply chains and innovation chains" (one in
// another order), one "industrial chains and supply chains"; the last
// sets out "industrial chains and supply chains" twice (and once the
// other way round, which is the same list): innovation chains is left out
// of a list 2 of 3 issues set out whole, reported once. A list one issue
// before set out whole ("A, B and C") is no usual list; an issue that also
// sets out the whole list left nothing out. Then the order (see below).
func TestListDrift(t *testing.T) {
	chains := []string{"industrial chains", "supply chains", "innovation chains"}
	two := []string{"industrial chains", "supply chains"}
	abc := []string{"A", "B", "C"}
	lists := [][]analyze.ListCount{
		{{Items: chains, Count: 1}, {Items: abc, Count: 1}},
		{{Items: []string{"innovation chains", "industrial chains", "supply chains"}, Count: 2}},
		{{Items: two, Count: 1}},
		{{Items: two, Count: 2}, {Items: []string{"A", "B"}, Count: 1}, {Items: []string{"supply chains", "industrial chains"}, Count: 1}},
	}
	var issues []Issue
	for i, l := range lists {
		issues = append(issues, Issue{Info: analyze.HistoryIssue{SHA256: fmt.Sprint("l", i), Name: fmt.Sprint(i, ".txt"), Series: "S",
			Date: fmt.Sprintf("2024-02-0%d", i+1), AnalyzedAt: "2026-12-02T00:00:00Z"}, Lists: l})
	}
	h := View(issues, []string{"l3"}, nil)
	want := "[{left out [innovation chains] [industrial chains supply chains] 2 [industrial chains supply chains innovation chains] 2 3}]"
	if got := fmt.Sprint(h.ListDrift); got != want {
		t.Errorf("ListDrift = %s; want %s", got, want)
	}
	issues[3].Lists = append(issues[3].Lists, analyze.ListCount{Items: chains, Count: 1})
	if h := View(issues, []string{"l3"}, nil); h.ListDrift != nil {
		t.Errorf("the whole list set out too: %v; want nothing left out", h.ListDrift)
	}
	// the order: two issues set out the chains industrial, supply,
	// innovation; the third innovation first, an order none used: changed;
	// a fourth in the second issue's order: no change
	reordered := []string{"innovation chains", "industrial chains", "supply chains"}
	for i, l := range [][]analyze.ListCount{{{Items: chains, Count: 1}}, {{Items: chains, Count: 1}}, {{Items: reordered, Count: 1}}} {
		issues[i].Lists = l
	}
	h = View(issues[:3], []string{"l2"}, nil)
	want = "[{order changed [] [innovation chains industrial chains supply chains] 1 [industrial chains supply chains innovation chains] 2 2}]"
	if got := fmt.Sprint(h.ListDrift); got != want {
		t.Errorf("ListDrift = %s; want %s", got, want)
	}
	issues[3].Lists = []analyze.ListCount{{Items: chains, Count: 1}}
	issues[2].Lists = []analyze.ListCount{{Items: chains, Count: 1}}
	if h := View(issues, []string{"l3"}, nil); h.ListDrift != nil {
		t.Errorf("the usual order: %v; want no change", h.ListDrift)
	}
}

// TestWordTotals: the words of the issues asked for add up; when one of
// them kept none (recorded before words were), there is nothing to
// compare with (nil).
func TestWordTotals(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "history.sqlite"))
	mk := func(sha string, words map[string]int) Issue {
		return Issue{Info: analyze.HistoryIssue{SHA256: sha, Name: sha + ".txt", Series: "S", AnalyzedAt: "2026-12-02T00:00:00Z"}, Words: words}
	}
	if err := s.Record(ctx, "", []Issue{mk("a", map[string]int{"reform": 2, "market": 1}), mk("b", map[string]int{"reform": 3}), mk("c", nil)}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.WordTotals(ctx, []string{"a", "b"}); err != nil || fmt.Sprint(got) != "map[market:1 reform:5]" {
		t.Errorf("WordTotals(a, b) = %v, %v; want market 1, reform 5", got, err)
	}
	if got, err := s.WordTotals(ctx, []string{"a", "c"}); err != nil || got != nil {
		t.Errorf("WordTotals(a, c) = %v, %v; want nil (c kept no words)", got, err)
	}
}

// buildEnv names the store that a child process of
// TestSweepsNewStoreLeftovers builds: it prints the new store's file once
// the schema is in, then waits on its standard input to be killed.
const buildEnv = "ANALYZE_TEST_BUILD_STORE"

func TestMain(m *testing.M) {
	if path := os.Getenv(buildEnv); path != "" {
		err := create(context.Background(), path, func(tmp string) {
			fmt.Println(tmp)
			io.Copy(io.Discard, os.Stdin)
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestSweepsNewStoreLeftovers: a run killed with SIGKILL while it builds a
// new store (a child process, stopped with the schema in) leaves
// .history.sqlite.new-N with its -wal and -shm. Open leaves them while
// that run lives, making the store itself, and removes them once the run
// is killed; a -wal whose store file is gone goes too, a file of the
// user's that only looks like one stays.
func TestSweepsNewStoreLeftovers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "history.sqlite")
	listing := func() string {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return strings.Join(names, " ")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), buildEnv+"="+path)
	stdin, err := cmd.StdinPipe() // kept open: the child waits on it
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("the child building a store: %v", err)
	}
	tmp := filepath.Base(strings.TrimSpace(line))
	os.WriteFile(filepath.Join(dir, ".history.sqlite.new-12345-wal"), []byte("a killed run's"), 0o600)
	os.WriteFile(filepath.Join(dir, ".history.sqlite.new-notes.txt"), []byte("the user's"), 0o600)
	sorted := func(names ...string) string {
		slices.Sort(names)
		return strings.Join(names, " ")
	}
	building := []string{tmp, tmp + "-shm", tmp + "-wal"}
	if got, want := listing(), sorted(append(building, ".history.sqlite.new-12345-wal", ".history.sqlite.new-notes.txt")...); got != want {
		t.Fatalf("while a run builds the store: %s; want %s", got, want)
	}

	// a second run while the first builds: it makes the store, and leaves
	// the first run's files (and the user's)
	open(t, path).Close()
	if got, want := listing(), sorted(append(building, ".history.sqlite.new-notes.txt", "history.sqlite")...); got != want {
		t.Errorf("opened while a run builds the store: %s; want %s", got, want)
	}

	// the first run killed: the next Open removes what it left
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	s := open(t, path)
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(migrations) {
		t.Errorf("user_version %d (%v); want %d", v, err, len(migrations))
	}
	if got, want := sorted(s.Swept()...), sorted(building...); got != want {
		t.Errorf("Swept() = %s; want %s", got, want)
	}
	s.Close()
	if got, want := listing(), ".history.sqlite.new-notes.txt history.sqlite"; got != want {
		t.Errorf("opened after the run was killed: %s; want %s", got, want)
	}
}

// TestReadOnlyLeavesNoFiles: OpenExisting reads a store no run has open
// as immutable, leaving no -wal or -shm beside it; when a run records
// into the store between two of its reads (checkpointing into the file
// as it closes), the second read is made again through SQLite's locks and
// sees the run's issue.
func TestReadOnlyLeavesNoFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "history.sqlite")
	issues := parts(t, testfiles.Sample(t))
	w := open(t, path)
	if err := w.Record(ctx, "", issues[:1]); err != nil {
		t.Fatal(err)
	}
	w.Close()
	listing := func() string {
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return strings.Join(names, " ")
	}
	r, err := OpenExisting(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got, err := r.Load(ctx); err != nil || len(got) != 1 {
		t.Fatalf("Load = %d issues, %v; want 1", len(got), err)
	}
	if got := listing(); got != "history.sqlite" {
		t.Errorf("beside a store read as immutable: %s; want the store alone", got)
	}
	time.Sleep(10 * time.Millisecond) // the file's time moves on (it moves by the clock's tick)
	w = open(t, path)
	if err := w.Record(ctx, "a-run", issues[1:2]); err != nil {
		t.Fatal(err)
	}
	w.Close()
	got, err := r.Load(ctx)
	if err != nil || len(got) != 2 || got[1].Info.Title != issues[1].Info.Title {
		t.Fatalf("Load after a run recorded an issue = %d issues, %v; want 2, the second %q", len(got), err, issues[1].Info.Title)
	}
	if has, err := r.HasRun(ctx, "a-run"); err != nil || !has {
		t.Errorf("HasRun(a-run) = %v, %v; want true", has, err)
	}
}
