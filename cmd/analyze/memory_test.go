package main

import "testing"

// TestLimitFor: the memory limit is 256 MB while the live heap leaves
// room under it, then the live heap and 128 MB.
func TestLimitFor(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct{ live, want uint64 }{
		{0, 256}, {100 * mb, 256}, {128 * mb, 256}, {200 * mb, 328}, {500 * mb, 628},
	} {
		if got := limitFor(tc.live); got != int64(tc.want*mb) {
			t.Errorf("limitFor(%d MB) = %d MB; want %d MB", tc.live/mb, got/mb, tc.want)
		}
	}
}
