package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/history"
	"github.com/issuelens/analyze/report"
)

// corpusMerge merges the issues' results into the corpus result in input
// order as their analyses end, which is in any order: a batch keeps the
// corpus's tallies and those of the few issues that wait for an earlier
// one, not every issue's to the end. An input begins at most window
// inputs after the first one not yet merged.
type corpusMerge struct {
	mu      sync.Mutex
	turn    *sync.Cond // broadcast when next moves or the run stops
	m       analyze.Merger
	waiting map[int]*analyze.Result
	next    int // the first input not merged
	window  int
}

func newCorpusMerge(window int) *corpusMerge {
	c := &corpusMerge{waiting: map[int]*analyze.Result{}, window: window}
	c.turn = sync.NewCond(&c.mu)
	return c
}

// begin waits until input i may begin, or ctx is done.
func (c *corpusMerge) begin(ctx context.Context, i int) error {
	stop := context.AfterFunc(ctx, func() {
		c.mu.Lock()
		c.turn.Broadcast()
		c.mu.Unlock()
	})
	defer stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for i >= c.next+c.window && ctx.Err() == nil {
		c.turn.Wait()
	}
	return ctx.Err()
}

// done hands on input i's result, nil for an input that failed (the run
// fails then, and the inputs after it must not wait for it); the results
// up to the first missing one are merged.
func (c *corpusMerge) done(i int, r *analyze.Result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waiting[i] = r
	for {
		r, ok := c.waiting[c.next]
		if !ok {
			break
		}
		delete(c.waiting, c.next)
		if r != nil {
			c.m.Add(r)
		}
		c.next++
	}
	c.turn.Broadcast()
}

// result is the corpus result, titled title and computed with az, once
// every input is done.
func (c *corpusMerge) result(az *analyze.Analyzer, title string) *analyze.Result {
	return c.m.Result(az, title)
}

// mergeCorpus merges the issues into the corpus report and renders it.
func (j *runJob) mergeCorpus(params []string, az *analyze.Analyzer, title string) error {
	var sums, shas []string
	for _, r := range j.runs {
		sums = append(sums, r.issue.Name+" "+r.sha256)
		shas = append(shas, r.sha256)
	}
	res := j.merging.result(az, title)
	spool, err := newSpool(&j.spools)
	if err != nil {
		return err
	}
	st := report.NewStructureSheet(spool)
	for _, r := range j.runs {
		if err := st.AddArticlesOf(r.structure); err != nil {
			return fmt.Errorf("structure spool: %w", err)
		}
	}
	var given []analyze.TranslationPair
	for _, p := range j.cfg.pairs {
		zh, en, ok := strings.Cut(p, ",")
		if !ok {
			return &usageError{fmt.Sprintf("--pair %q: write the Chinese input's file name, a comma, the English one's", p)}
		}
		given = append(given, analyze.TranslationPair{ZH: filepath.Base(strings.TrimSpace(zh)), EN: filepath.Base(strings.TrimSpace(en))})
	}
	pairs, err := analyze.PairsOf(res, given)
	if err != nil {
		return &usageError{err.Error()}
	}
	res.Translation = analyze.Translation(res, pairs)
	j.corpus.result, j.corpus.issue, j.corpus.structure = res, res.Issue, st
	if j.store != nil {
		res.History = history.View(j.allIssues, shas, res.Formulations)
	}
	j.copt.Source = fmt.Sprintf("%d issues", len(j.runs))
	prov := report.Provenance{Input: strings.Join(names(j.runs), ", "), InputSHA256: strings.Join(sums, "; "), Version: version, Params: params}
	draw := ""
	if j.cfg.charts == chartsNone {
		draw = "No PNG charts were drawn (--charts none)."
	}
	j.corpus.files, err = outputs(res, st, j.copt, j.svg, prov, draw)
	return err
}
