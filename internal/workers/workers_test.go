package workers

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
)

// TestEach: every call runs, at most GOMAXPROCS at once; the error
// returned is the first in call order whatever order they ended in; a
// context done before starting runs nothing and says so.
func TestEach(t *testing.T) {
	var running, most, calls atomic.Int64
	err := Each(context.Background(), 100, func(i int) error {
		n := running.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		defer running.Add(-1)
		calls.Add(1)
		if i == 7 || i == 3 {
			return fmt.Errorf("call %d", i)
		}
		return nil
	})
	if err == nil || err.Error() != "call 3" || calls.Load() != 100 || most.Load() > int64(runtime.GOMAXPROCS(0)) {
		t.Errorf("Each = %v after %d calls, %d at once; want call 3 after 100, at most %d at once", err, calls.Load(), most.Load(), runtime.GOMAXPROCS(0))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls.Store(0)
	if err := Each(ctx, 10, func(int) error { calls.Add(1); return nil }); !errors.Is(err, context.Canceled) || calls.Load() != 0 {
		t.Errorf("Each after cancel = %v, %d calls; want context.Canceled, none", err, calls.Load())
	}
}
