package main

import (
	"errors"
	"testing"
)

// TestCeiling: the heap a memory ceiling leaves a run, and what is said
// when it is too little or outgrown.
func TestCeiling(t *testing.T) {
	for _, tt := range []struct {
		c        ceiling
		heap     int64
		tooSmall string
	}{
		{ceiling{}, 1 << 62, ""},
		{ceiling{bytes: 1000 << 20, source: "the cgroup's memory limit"}, 800 << 20, ""},
		{ceiling{bytes: 100 << 20, source: "the cgroup's memory limit"}, 80 << 20, "too little memory: the cgroup's memory limit allows 100 MB, which leaves analyze under the 96 MB of heap it needs; raise it"},
		{ceiling{bytes: 1000 << 20, source: "ulimit -v", virtual: true}, 250 << 20, ""},
		{ceiling{bytes: 300 << 20, source: "ulimit -v", virtual: true}, 75 << 20, "too little memory: ulimit -v allows 300 MB, which leaves analyze under the 96 MB of heap it needs; raise it"},
	} {
		if got := tt.c.heap(); got != tt.heap {
			t.Errorf("%+v: heap %d MB; want %d MB", tt.c, got>>20, tt.heap>>20)
		}
		err := tt.c.tooSmall()
		if got := ""; err != nil {
			got = err.Error()
			if got != tt.tooSmall || !errors.Is(err, errOutOfMemory) {
				t.Errorf("%+v: tooSmall %q; want %q", tt.c, got, tt.tooSmall)
			}
		} else if tt.tooSmall != "" {
			t.Errorf("%+v: not too small; want %q", tt.c, tt.tooSmall)
		}
	}
	e := &outOfMemory{ceiling: ceiling{bytes: 2000 << 20, source: "ulimit -v", virtual: true}, live: 520 << 20}
	if want := "out of memory: the run holds 520 MB and ulimit -v allows 2000 MB; nothing written, the previous report is left as it was (raise the limit, or give the inputs in several runs)"; e.Error() != want || exitStatus(e, discard{}) != exitRuntime {
		t.Errorf("%q (exit %d); want %q, exit %d", e.Error(), exitStatus(e, discard{}), want, exitRuntime)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
