package main

import "testing"

// TestLimitFor: the memory limit is 256 MB (and the models reserved)
// while the live heap and a quarter fit under it, then the live heap and a
// quarter, and twice the live heap from 256 MB on.
func TestLimitFor(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct{ live, reserved, want uint64 }{
		{0, 0, 256}, {100 * mb, 0, 256}, {200 * mb, 0, 256}, {240 * mb, 0, 300}, {248 * mb, 0, 310}, {256 * mb, 0, 512}, {500 * mb, 0, 1000},
		// Chinese: gse's dictionary reserved
		{0, 160 * mb, 416}, {248 * mb, 160 * mb, 416}, {256 * mb, 160 * mb, 512}, {400 * mb, 160 * mb, 800},
	} {
		if got := limitFor(tc.live, tc.reserved); got != int64(tc.want*mb) {
			t.Errorf("limitFor(%d MB, %d MB) = %d MB; want %d MB", tc.live/mb, tc.reserved/mb, got/mb, tc.want)
		}
	}
}
