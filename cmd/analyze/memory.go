package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// memoryLimit is the heap the Go runtime is asked to stay near unless
// GOMEMLIMIT says otherwise: the garbage collector works harder as the
// heap nears it instead of letting it grow to twice what is live.
const memoryLimit = 256 << 20

// limitFor is the memory limit for a live heap of live bytes when models
// of reserved bytes are loaded beside what every run holds (see
// modelBytes): memoryLimit and reserved while the live heap and 64 MB (or
// an eighth, when more) fit under it, then the live heap and that much.
//
// A limit at or under the live heap leaves the collector running without
// pause, taking half the cores; 64 MB over it lets the heap grow 64 MB
// between collections: the folder of 57 Chinese reports, whose live heap
// peaks at about 270 MB (gse's dictionary, the corpus's tallies, reports
// being written), keeps near 370 MB for about the time it takes without
// a limit (near 500 MB); a 100 MB English input keeps under 300 MB.
func limitFor(live, reserved uint64) int64 {
	return max(int64(memoryLimit+reserved), int64(live+max(live/8, headroom)))
}

// headroom is the least the heap may grow past the live heap between
// collections once that is over memoryLimit and the models.
const headroom = 64 << 20

// modelBytes is the memory a language's models hold that a run of English
// does not (prose's models are in memoryLimit): gse's dictionary, trimmed
// (see analyze's trimDictionary), and OpenCC's tables for Chinese, and the
// lexicon's words added.
func modelBytes(code string) uint64 {
	if code == "zh" {
		return 80 << 20
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
// stop is called. Under a ceiling (see memoryCeiling) the limit stays
// within the heap the ceiling leaves, and a live heap past it stops the
// run: fail calls stop's caller's cancel with an *outOfMemory, which the
// run reports in one line, leaving nothing behind, rather than the Go
// runtime's crash when memory runs out.
func guardMemory(ctx context.Context, c ceiling, fail func(error)) (g *memoryGuard, stop func()) {
	g = &memoryGuard{}
	budget := c.heap()
	debug.SetMemoryLimit(min(memoryLimit, budget))
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
				if sample[0].Value.Kind() != metrics.KindUint64 {
					continue
				}
				live := sample[0].Value.Uint64()
				debug.SetMemoryLimit(min(limitFor(live, g.reserved.Load()), budget))
				if c.bytes > 0 && (int64(live) > budget || c.nearly()) {
					fail(&outOfMemory{ceiling: c, live: live})
					return
				}
			}
		}
	}()
	return g, func() { cancel(); <-done }
}

// ceiling is the most memory the process may use, and what sets it.
type ceiling struct {
	bytes  uint64 // 0: none found
	source string // "ulimit -v", "the cgroup's memory.max" …
	// virtual: the ceiling counts address space (ulimit -v), of which
	// the Go runtime and the program's mappings take a share besides the
	// heap
	virtual bool
}

// heap is the heap the ceiling leaves the run: four fifths of a cgroup's
// memory; a quarter of an address-space limit (ulimit -v), the rest being
// the Go runtime's reservations, the binary and the heap's growth (the
// sample runs under 1 GB of address space, its heap under 60 MB).
func (c ceiling) heap() int64 {
	switch {
	case c.bytes == 0:
		return 1 << 62
	case c.virtual:
		return int64(c.bytes) / 4
	}
	return int64(c.bytes) / 5 * 4
}

// resident is the memory the process holds in RAM (/proc/self/statm),
// and whether it could tell.
func resident() (uint64, bool) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0, false
	}
	pages, err := strconv.ParseUint(f[1], 10, 64)
	if err != nil {
		return 0, false
	}
	return pages * uint64(os.Getpagesize()), true
}

// minHeap is the least heap a run needs: the models of English and the
// lexicon loaded, a small issue read.
const minHeap = 96 << 20

// outOfMemory is a run stopped because its live heap outgrew the ceiling.
type outOfMemory struct {
	ceiling ceiling
	live    uint64 // 0: stopped before starting
}

func (e *outOfMemory) Error() string {
	if e.live == 0 {
		return fmt.Sprintf("too little memory: %s allows %d MB, which leaves analyze under the %d MB of heap it needs; raise it", e.ceiling.source, e.ceiling.bytes>>20, minHeap>>20)
	}
	return fmt.Sprintf("out of memory: the run holds %d MB and %s allows %d MB; nothing written, the previous report is left as it was (raise the limit, or give the inputs in several runs)",
		e.live>>20, e.ceiling.source, e.ceiling.bytes>>20)
}

// memoryCeiling finds the most memory the process may use: its
// address-space limit (ulimit -v), its cgroup's memory limit (v2
// memory.max, v1 memory.limit_in_bytes), the lower of those set.
func memoryCeiling() ceiling {
	var c ceiling
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &rl); err == nil && rl.Cur != ^uint64(0) && rl.Cur < 1<<50 {
		c = ceiling{bytes: rl.Cur, source: "ulimit -v", virtual: true}
	}
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
		if err != nil || n >= 1<<50 { // "max", or v1's "no limit"
			continue
		}
		if cg := (ceiling{bytes: n, source: "the cgroup's memory limit"}); c.bytes == 0 || cg.heap() < c.heap() {
			c = cg
		}
		break
	}
	return c
}

// nearly reports whether the process holds nearly all the memory a
// cgroup's limit allows (90% resident). Under ulimit -v the Go runtime's
// own reservations count, and its heap is watched instead (heap).
func (c ceiling) nearly() bool {
	if c.virtual {
		return false
	}
	n, ok := resident()
	return ok && n > c.bytes/10*9
}

// tooSmall is the error of a ceiling that leaves less than minHeap, or nil.
func (c ceiling) tooSmall() error {
	if c.bytes > 0 && c.heap() < minHeap {
		return &outOfMemory{ceiling: c}
	}
	return nil
}

// errOutOfMemory matches an *outOfMemory.
var errOutOfMemory = errors.New("out of memory")

func (e *outOfMemory) Is(target error) bool { return target == errOutOfMemory }
