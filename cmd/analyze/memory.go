package main

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// memoryLimit is the heap the Go runtime is asked to stay near unless
// GOMEMLIMIT says otherwise: the garbage collector works harder as the
// heap nears it instead of letting it grow to twice what is live.
const memoryLimit = 256 << 20

// limitFor is the memory limit for a live heap of live bytes: memoryLimit
// while a quarter more than the live heap fits under it, then the live
// heap and a quarter. A limit at or under the live heap leaves the
// collector running without pause, taking half the cores: a batch of the
// 57 Chinese reports, which holds gse's dictionary and every issue's
// tallies for the corpus report (about 500 MB), ran in 35 s instead of
// 16 s under a fixed 256 MB, and a 100 MB English input keeps under
// 300 MB (a limit of the live heap and 96 MB took it to 307 MB).
func limitFor(live uint64) int64 {
	return max(memoryLimit, int64(live+live/4))
}

// guardMemory sets the memory limit, and moves it with the live heap
// (see limitFor) every 50 ms until ctx is done or stop is called.
func guardMemory(ctx context.Context) (stop func()) {
	debug.SetMemoryLimit(memoryLimit)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				metrics.Read(sample)
				if sample[0].Value.Kind() == metrics.KindUint64 {
					debug.SetMemoryLimit(limitFor(sample[0].Value.Uint64()))
				}
			}
		}
	}()
	return func() { cancel(); <-done }
}
