// The history a run reads and adds to: each issue's view of its series,
// the ranking against earlier issues, the summary of what was recorded.

package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/history"
)

// attachHistory opens the store (unless --no-history) and gives each
// result its view of the history: what earlier runs kept, with this run.
func (j *runJob) attachHistory(ctx context.Context) error {
	if j.cfg.noHistory {
		return nil
	}
	now := time.Now()
	for _, r := range j.runs {
		series, how := history.SeriesOf(j.cfg.series, r.issue.Publication, r.issue.Name)
		if how == history.SeriesAlone {
			j.alone = append(j.alone, r.issue.Name)
		}
		r.series = series
		j.recorded = append(j.recorded, history.FromResult(r.sha256, r.result, series, version, now))
	}
	path, err := historyPath(j.cfg.history)
	if err != nil {
		return err
	}
	if j.cfg.history == "" {
		j.noteOldStore(path)
	}
	store, err := history.Open(ctx, path)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	stored, err := store.Load(ctx)
	if err != nil {
		store.Close()
		return fmt.Errorf("history: %w", err)
	}
	if swept := store.Swept(); len(swept) > 0 {
		j.logf("history: removed %s that killed runs left building a new store: %s", count(len(swept), "file", "files"), strings.Join(swept, ", "))
	}
	j.store = store
	j.allIssues = history.Combine(stored, j.recorded)
	j.logf("history %s: %s before this run", path, count(len(stored), "issue", "issues"))
	for _, r := range j.runs {
		r.result.History = history.View(j.allIssues, []string{r.sha256}, r.result.Formulations)
		if err := j.againstEarlier(ctx, r.result); err != nil {
			return fmt.Errorf("history: %w", err)
		}
	}
	return nil
}

// againstEarlier sets a result against the issues before it in its
// series (at most analyze.DropWindow), when there are any: it ranks the
// discovered phrases against theirs (analyze.Result.RankAgainstEarlier),
// and adds to keyness the issue against them (those that kept their
// words).
func (j *runJob) againstEarlier(ctx context.Context, res *analyze.Result) error {
	h := res.History
	if h == nil || len(h.Current) != 1 || h.Earlier == 0 || h.Series == "" {
		return nil
	}
	cur := h.Current[0]
	var shas []string
	tokens := 0
	forms := map[string]int{}
	for i := max(0, cur-analyze.DropWindow); i < cur; i++ {
		shas = append(shas, h.Issues[i].SHA256)
		tokens += h.Issues[i].Tokens
		for _, p := range h.Phrases {
			forms[p.Phrase] += max(p.Counts[i], 0)
		}
	}
	res.RankAgainstEarlier(tokens, earlierCandidates(j.allIssues, shas))
	// this run's issues are not in the store yet: their words are at hand
	mine := map[string]map[string]int{}
	for _, is := range j.recorded {
		mine[is.Info.SHA256] = is.Words
	}
	var stored []string
	for _, sha := range shas {
		if _, ok := mine[sha]; !ok {
			stored = append(stored, sha)
		}
	}
	words, err := j.store.WordTotals(ctx, stored)
	if err != nil || words == nil { // issues kept before words were: nothing to compare with
		return err
	}
	for _, sha := range shas {
		for w, n := range mine[sha] {
			words[w] += n
		}
	}
	res.Keyness = append(res.Keyness, res.KeynessAgainst(analyze.KeyAgainstEarlierPrefix+h.Series, tokens, words, forms)...)
	return nil
}

// earlierCandidates adds up the candidate phrases of the issues (by
// SHA-256) with how often each occurred.
func earlierCandidates(issues []history.Issue, shas []string) map[string]int {
	want := map[string]bool{}
	for _, sha := range shas {
		want[sha] = true
	}
	out := map[string]int{}
	for _, is := range issues {
		if want[is.Info.SHA256] {
			for _, c := range is.Discovered {
				out[c.Phrase] += c.Count
			}
		}
	}
	return out
}

// noteOldStore points at the store earlier versions kept beside the
// reports (out/history.sqlite by default) when the user's store, at path,
// is yet to be made: its history is not read unless given.
func (j *runJob) noteOldStore(path string) {
	old := filepath.Join(filepath.Dir(filepath.Clean(j.runs[0].dir)), "history.sqlite")
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) || j.cfg.quiet {
		return
	}
	if st, err := os.Stat(old); err == nil && st.Mode().IsRegular() {
		fmt.Fprintf(j.stderr, "analyze: note: %s, kept by an earlier version beside the reports, is not read: the history is now kept in %s; give --history %s to go on with it, or move it there\n", old, path, old)
	}
}

// historySummary is what the run's history holds of the series of its
// inputs; nil when no history is kept.
func (j *runJob) historySummary() *historySummary {
	if j.store == nil {
		return nil
	}
	hs := &historySummary{Store: j.store.Path(), Recorded: len(j.recorded), Series: []seriesSummary{}}
	seen := map[string]bool{}
	for _, r := range j.runs {
		k := history.SeriesKey(r.series)
		if seen[k] {
			continue
		}
		seen[k] = true
		h := history.SeriesView(j.allIssues, r.series, nil, nil)
		s := seriesSummary{Name: h.Series, Issues: len(h.Issues), Undated: len(h.LeftOut)}
		if len(h.Issues) > 0 {
			s.First, s.Last = h.Issues[0].Label(), h.Issues[len(h.Issues)-1].Label()
		}
		hs.Series = append(hs.Series, s)
	}
	return hs
}

// historySummary is the history part of a run's summary.
type historySummary struct {
	Store    string          `json:"store"`
	Recorded int             `json:"recorded"` // this run's issues
	Series   []seriesSummary `json:"series"`   // of this run's issues, in input order
}

type seriesSummary struct {
	Name    string `json:"name"`
	Issues  int    `json:"issues"`  // in its trends
	Undated int    `json:"undated"` // out of its trends: undated issues of a series with dated ones
	First   string `json:"first"`   // the label of its first issue: a date, or a short title in an undated series
	Last    string `json:"last"`
}

// line is the summary's line on the history: where it is, and the
// series of the run's inputs (the first three).
func (h *historySummary) line() string {
	var parts []string
	for _, s := range h.Series[:min(3, len(h.Series))] {
		p := fmt.Sprintf("%q %s", s.Name, count(s.Issues, "issue", "issues"))
		if s.Issues > 1 {
			p += ", " + s.First + " to " + s.Last
		}
		if s.Undated > 0 {
			p += fmt.Sprintf(" (and %d undated, out of its trends)", s.Undated)
		}
		parts = append(parts, p)
	}
	if len(h.Series) > 3 {
		parts = append(parts, fmt.Sprintf("and %d more series", len(h.Series)-3))
	}
	return fmt.Sprintf("history: %s recorded in %s; series %s", count(h.Recorded, "issue", "issues"), h.Store, strings.Join(parts, "; "))
}
