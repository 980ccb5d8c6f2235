package main

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// memoryLimit is the heap the Go runtime is asked to stay near unless
// GOMEMLIMIT says otherwise: the garbage collector works harder as the
// heap nears it instead of letting it grow to twice what is live.
const memoryLimit = 256 << 20

// limitFor is the memory limit for a live heap of live bytes when models
// of reserved bytes are loaded beside what every run holds (see
// modelBytes): memoryLimit and reserved while a quarter more than the
// live heap fits under it, then the live heap and a quarter, and from
// bigHeap on twice the live heap (Go's own pace).
//
// A limit at or under the live heap leaves the collector running without
// pause, taking half the cores: a batch of the 57 Chinese reports, which
// holds gse's dictionary and every issue's tallies for the corpus report
// (about 450 MB at the end), ran in 35 s instead of 16 s under a fixed
// 256 MB. A limit a little over it does much the same: under 256 MB, or
// the live heap and a quarter, that batch read most of its reports with
// the dictionary taking 200 MB of the 256 and the collector running a
// quarter of the time (20 to 23 s of wall time, 615 MB peak); with the
// dictionary's bytes reserved, and twice the live heap past 256 MB, 14 to
// 16 s and 0.97 GB (without any limit, 12.5 s and 1.1 GB). A 100 MB
// English input keeps under 300 MB: its live heap stays under 170 MB (a
// limit of the live heap and 96 MB took it to 307 MB).
func limitFor(live, reserved uint64) int64 {
	if live >= bigHeap {
		return int64(2 * live)
	}
	return max(int64(memoryLimit+reserved), int64(live+live/4))
}

// bigHeap is the live heap from which the limit is twice the live heap.
const bigHeap = 256 << 20

// modelBytes is the memory a language's models hold that a run of English
// does not (prose's models are in memoryLimit): gse's dictionary and
// OpenCC's tables for Chinese, 129 MB of heap (BenchmarkLoadChinese) and
// the lexicon's words added.
func modelBytes(code string) uint64 {
	if code == "zh" {
		return 160 << 20
	}
	return 0
}

// memoryGuard moves the memory limit with the live heap (guardMemory).
type memoryGuard struct {
	reserved atomic.Uint64
}

// reserve raises the limit by n bytes, for models loaded.
func (g *memoryGuard) reserve(n uint64) {
	if g != nil {
		g.reserved.Add(n)
	}
}

type guardKey struct{}

// withGuard returns ctx carrying g, for the run to reserve its models'
// memory (guardOf).
func withGuard(ctx context.Context, g *memoryGuard) context.Context {
	return context.WithValue(ctx, guardKey{}, g)
}

// guardOf is the memory guard ctx carries, or nil (a run under
// GOMEMLIMIT, tests).
func guardOf(ctx context.Context) *memoryGuard {
	g, _ := ctx.Value(guardKey{}).(*memoryGuard)
	return g
}

// guardMemory sets the memory limit, and moves it with the live heap
// and the models reserved (see limitFor) every 50 ms until ctx is done or
// stop is called.
func guardMemory(ctx context.Context) (g *memoryGuard, stop func()) {
	g = &memoryGuard{}
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
					debug.SetMemoryLimit(limitFor(sample[0].Value.Uint64(), g.reserved.Load()))
				}
			}
		}
	}()
	return g, func() { cancel(); <-done }
}
