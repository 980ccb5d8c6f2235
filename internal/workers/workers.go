// Package workers runs n calls of a function on all cores, GOMAXPROCS
// at a time, and reports their errors in call order: the one bounded
// worker pool of the inputs, the articles and the charts.
package workers

import (
	"context"
	"runtime"

	"golang.org/x/sync/errgroup"
)

// Each runs do(0), …, do(n-1), GOMAXPROCS at a time, starting none once
// ctx is done. It returns the first error in call order (not the first
// to happen: the same run reports the same error), else ctx's error.
func Each(ctx context.Context, n int, do func(i int) error) error {
	errs := make([]error, n)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error { errs[i] = do(i); return nil })
	}
	_ = g.Wait() // the errors are in errs, reported in call order
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}
