package main

import "testing"

// TestLimitFor: the memory limit is 256 MB while the live heap and a
// quarter fit under it, then the live heap and a quarter.
func TestLimitFor(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct{ live, want uint64 }{
		{0, 256}, {100 * mb, 256}, {200 * mb, 256}, {240 * mb, 300}, {500 * mb, 625},
	} {
		if got := limitFor(tc.live); got != int64(tc.want*mb) {
			t.Errorf("limitFor(%d MB) = %d MB; want %d MB", tc.live/mb, got/mb, tc.want)
		}
	}
}
