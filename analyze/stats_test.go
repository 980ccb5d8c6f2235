package analyze

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-4 }

// Each measure on a tiny example worked by hand.
func TestMeasures(t *testing.T) {
	// 10 windows; theme A in 4, B in 5, both in 3.
	// PMI = log2(3·10 / (4·5)) = log2(1.5) = 0.58496
	if p, ok := pmi(3, 4, 5, 10); !ok || !near(p, 0.58496) {
		t.Errorf("pmi = %v; want 0.58496", p)
	}
	// NPMI = 0.58496 / -log2(3/10) = 0.58496 / 1.73697 = 0.33677
	if v, ok := npmi(3, 4, 5, 10); !ok || !near(v, 0.33677) {
		t.Errorf("npmi = %v; want 0.33677", v)
	}
	if v, ok := npmi(0, 4, 5, 10); !ok || v != -1 {
		t.Errorf("npmi never together = %v; want -1", v)
	}
	if v, ok := npmi(10, 10, 10, 10); !ok || v != 1 {
		t.Errorf("npmi always together = %v; want 1", v)
	}
	// a theme in no window: undefined, not "never together"
	if v, ok := npmi(0, 0, 5, 10); ok {
		t.Errorf("npmi with a theme absent = %v, defined; want undefined", v)
	}
	// Jaccard = 3 / (4 + 5 - 3) = 0.5
	if v := jaccard(3, 4, 5); v != 0.5 {
		t.Errorf("jaccard = %v; want 0.5", v)
	}
	// G² of [[3 1] [2 4]] (both, A only, B only, neither): n = 10, rows 4 and 6,
	// columns 5 and 5, so E = [[2 2] [3 3]].
	// 2·(3 ln(3/2) + 1 ln(1/2) + 2 ln(2/3) + 4 ln(4/3))
	// = 2·(1.21640 − 0.69315 − 0.81093 + 1.15073) = 2·0.86305 = 1.72609
	if v := g2(3, 1, 2, 4); !near(v, 1.72609) {
		t.Errorf("g2 = %v; want 1.72609", v)
	}
	if v := g2(2, 2, 3, 3); !near(v, 0) {
		t.Errorf("g2 of an independent table = %v; want 0", v)
	}
	// Keyness: 10 in 1,000 target tokens, 5 in 4,000 reference tokens.
	// E1 = 1000·15/5000 = 3, E2 = 4000·15/5000 = 12.
	// G² = 2·(10 ln(10/3) + 5 ln(5/12)) = 2·(12.03973 − 4.37734) = 15.32477
	if v := keynessG2(10, 1000, 5, 4000); !near(v, 15.32477) {
		t.Errorf("keynessG2 = %v; want 15.32477", v)
	}
	// log ratio = log2((10/1000) / (5/4000)) = log2(8) = 3
	if v := logRatio(10, 1000, 5, 4000); !near(v, 3) {
		t.Errorf("logRatio = %v; want 3", v)
	}
	// a zero count is taken as 0.5: log2((0.5/1000) / (4/4000)) = log2(0.5) = -1
	if v := logRatio(0, 1000, 4, 4000); !near(v, -1) {
		t.Errorf("logRatio with zero = %v; want -1", v)
	}
	// χ² with 1 df: P(X > 3.841459) = 0.05
	if v := chiSquareP(3.841459); !near(v, 0.05) {
		t.Errorf("chiSquareP(3.84) = %v; want 0.05", v)
	}
}
