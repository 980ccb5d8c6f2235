package testfiles

import (
	"fmt"
	"testing"
)

// recorder is a testing.TB that notes a skip or a failure instead of
// acting on it.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Skipf(format string, args ...any)  { r.skipped = fmt.Sprintf(format, args...) }
func (r *recorder) Fatalf(format string, args ...any) { r.failed = fmt.Sprintf(format, args...) }

// TestMissing: a missing file or program skips its test, saying what to
// install; under CI (ANALYZE_TEST_ALL) it fails it.
func TestMissing(t *testing.T) {
	t.Setenv("ANALYZE_TEST_ALL", "")
	r := &recorder{TB: t}
	Missing(r, "needs %s", "soffice")
	if r.skipped != "needs soffice (skipped; CI runs it)" || r.failed != "" {
		t.Errorf("without ANALYZE_TEST_ALL: skipped %q, failed %q", r.skipped, r.failed)
	}
	t.Setenv("ANALYZE_TEST_ALL", "1")
	r = &recorder{TB: t}
	Missing(r, "needs %s", "soffice")
	if r.failed != "needs soffice" || r.skipped != "" {
		t.Errorf("with ANALYZE_TEST_ALL: skipped %q, failed %q", r.skipped, r.failed)
	}
}
