package analyze

import "math"

// The association and keyness measures, each a plain function of counts.
// Logarithms: base 2 for PMI and log ratio (bits), natural for G².

// pmi is pointwise mutual information, log2(k·n / (a·b)), for k windows
// holding both of two events seen in a and b of n windows; false when
// k is 0 (minus infinity).
func pmi(k, a, b, n int) (float64, bool) {
	if k == 0 || a == 0 || b == 0 || n == 0 {
		return 0, false
	}
	return math.Log2(float64(k) * float64(n) / (float64(a) * float64(b))), true
}

// npmi is PMI normalised to [-1, 1] by -log2(k/n): 1 when the two events
// always occur together, 0 when independent, -1 when they never meet. It
// is undefined (false) when either event never occurs: "never together"
// says nothing of a theme that is not there.
func npmi(k, a, b, n int) (float64, bool) {
	if a == 0 || b == 0 || n == 0 {
		return 0, false
	}
	p, ok := pmi(k, a, b, n)
	switch {
	case !ok:
		return -1, true
	case k == n:
		return 1, true
	}
	return p / -math.Log2(float64(k)/float64(n)), true
}

// g2 is Dunning's log-likelihood ratio of a 2×2 table
// [[k11 k12] [k21 k22]]: 2 Σ O·ln(O/E), E from the margins.
func g2(k11, k12, k21, k22 int) float64 {
	n := float64(k11 + k12 + k21 + k22)
	if n == 0 {
		return 0
	}
	r1, r2 := float64(k11+k12), float64(k21+k22)
	c1, c2 := float64(k11+k21), float64(k12+k22)
	sum := 0.0
	for _, c := range []struct{ o, e float64 }{
		{float64(k11), r1 * c1 / n}, {float64(k12), r1 * c2 / n},
		{float64(k21), r2 * c1 / n}, {float64(k22), r2 * c2 / n},
	} {
		if c.o > 0 {
			sum += c.o * math.Log(c.o/c.e)
		}
	}
	return math.Max(0, 2*sum)
}

// jaccard is k / (a + b - k): the share of windows holding either that
// hold both.
func jaccard(k, a, b int) float64 {
	if a+b-k == 0 {
		return 0
	}
	return float64(k) / float64(a+b-k)
}

// keynessG2 is the log-likelihood of a word seen a times in a target of
// na tokens and b times in a reference of nb tokens (Rayson and Garside):
// 2·(a·ln(a/E1) + b·ln(b/E2)), E1 = na·(a+b)/(na+nb), E2 = nb·(a+b)/(na+nb).
func keynessG2(a, na, b, nb int) float64 {
	if na == 0 || nb == 0 || a+b == 0 {
		return 0
	}
	e1, e2 := expected(a, na, b, nb)
	sum := 0.0
	if a > 0 {
		sum += float64(a) * math.Log(float64(a)/e1)
	}
	if b > 0 {
		sum += float64(b) * math.Log(float64(b)/e2)
	}
	return math.Max(0, 2*sum)
}

// expected returns the counts a word would have in target and reference
// if it were spread evenly: E1 = na·(a+b)/(na+nb), E2 = nb·(a+b)/(na+nb).
func expected(a, na, b, nb int) (float64, float64) {
	total := float64(na + nb)
	return float64(na) * float64(a+b) / total, float64(nb) * float64(a+b) / total
}

// logRatio is Hardie's effect size, log2 of the ratio of relative
// frequencies, a zero count taken as 0.5 so the ratio stays finite:
// positive when the word is more frequent in the target.
func logRatio(a, na, b, nb int) float64 {
	fa, fb := float64(a), float64(b)
	if fa == 0 {
		fa = 0.5
	}
	if fb == 0 {
		fb = 0.5
	}
	return math.Log2((fa / float64(na)) / (fb / float64(nb)))
}

// chiSquareP is the p-value of a G² (or χ²) statistic with one degree of
// freedom: P(X > g) = erfc(√(g/2)).
func chiSquareP(g float64) float64 {
	return math.Erfc(math.Sqrt(g / 2))
}
