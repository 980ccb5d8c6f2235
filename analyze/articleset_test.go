package analyze

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestArticleSet: places added in any order, merged and shifted give the
// set of distinct places, ascending; one place costs no bytes, and in
// order, a place under 128 apart costs one byte.
func TestArticleSet(t *testing.T) {
	tests := []struct {
		add  []int
		want string
	}{
		{nil, "[]"},
		{[]int{3}, "[3]"},
		{[]int{1, 1, 2, 300, 300, 301}, "[1 2 300 301]"},
		{[]int{5, 2, 9, 2, 0, 7}, "[0 2 5 7 9]"},
	}
	for _, tt := range tests {
		var s articleSet
		for _, a := range tt.add {
			s.add(a)
		}
		if got := fmt.Sprint(s.list()); got != tt.want || s.n != len(s.list()) {
			t.Errorf("add(%v) = %s (n %d); want %s", tt.add, got, s.n, tt.want)
		}
	}
	var one articleSet
	one.add(7)
	one.add(7)
	moved := one.shifted(3)
	if one.n != 1 || len(one.gaps) != 0 || fmt.Sprint(one.list(), moved.list()) != "[7] [10]" {
		t.Errorf("one place: n %d, %d bytes, %v; want 1, none, [7]", one.n, len(one.gaps), one.list())
	}
	var inOrder articleSet
	for a := range 1000 {
		inOrder.add(a * 3)
	}
	if len(inOrder.gaps) != 1000 {
		t.Errorf("1000 places 3 apart take %d bytes; want 1000", len(inOrder.gaps))
	}

	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		var a, b articleSet
		want := map[int]bool{}
		for range r.IntN(40) {
			x := r.IntN(500)
			a.add(x)
			want[x] = true
		}
		for range r.IntN(40) {
			x := r.IntN(500)
			b.add(x)
			want[x] = true
		}
		a.merge(&b)
		var keys []int
		for k := range want {
			keys = append(keys, k)
		}
		sort.Ints(keys)
		if got := a.list(); !slices.Equal(got, keys) || a.n != len(keys) || (a.n > 0 && a.last != keys[len(keys)-1]) {
			t.Fatalf("merge = %v (n %d, last %d); want %v", got, a.n, a.last, keys)
		}
		sh := a.shifted(1000)
		for i := range keys {
			keys[i] += 1000
		}
		if got := sh.list(); !slices.Equal(got, keys) || (sh.n > 0 && sh.last != keys[len(keys)-1]) {
			t.Fatalf("shifted = %v; want %v", got, keys)
		}
	}
}
