package main

import (
	"context"
	"sync"

	"github.com/issuelens/analyze/analyze"
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
