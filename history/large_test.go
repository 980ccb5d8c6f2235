//go:build !race

// A corpus-sized test. The race detector makes it slow and finds nothing in
// it (one goroutine), so the race run of `make test` leaves it out and its
// second pass runs every test of a large_test.go once without it.

package history

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/issuelens/analyze/internal/testfiles"
)

// TestCorpusAsIssues: the reference issue and the public corpus cut into
// its 64 addresses, each an issue of its own: the history holds all 65 in
// date order, and each issue's counts in it are the issue's own.
func TestCorpusAsIssues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.sqlite")
	s := open(t, path)
	sotu := parts(t, testfiles.Shared(t, "corpus/state_of_the_union_1945-2006.txt"))
	ref := parts(t, testfiles.Sample(t))[:1]
	ref[0].Info.Series = sotu[0].Info.Series // as if run with the addresses' --series
	if err := s.Record(ctx, "", sotu); err != nil {
		t.Fatal(err)
	}
	if err := s.Record(ctx, "", ref); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := View(stored, []string{ref[0].Info.SHA256}, ref[0].lexiconOrder())
	// 54 addresses carry a date (see the reader's tests), then comes the
	// sample (2024); the 10 undated addresses are left out of the trends
	if len(h.Issues) != 55 || len(h.LeftOut) != 10 || fmt.Sprint(h.Current) != "[54]" || h.Earlier != 54 {
		t.Fatalf("%d issues (%d left out), current %v, %d earlier; want 55 (10), the sample 55th", len(h.Issues), len(h.LeftOut), h.Current, h.Earlier)
	}
	if h.Issues[0].Date != "1945-04-16" || h.Issues[53].Date != "2006-01-31" {
		t.Errorf("first and last dated addresses %q, %q; want 1945-04-16 (line 3 of the corpus), 2006-01-31", h.Issues[0].Date, h.Issues[53].Date)
	}
	byName := map[string]Issue{}
	for _, is := range append(sotu, ref...) {
		byName[is.Info.SHA256] = is
	}
	for i, is := range h.Issues {
		own := byName[is.SHA256]
		for _, f := range own.Formulations {
			if f.Count > 0 && phrase(h, f.Phrase).Counts[i] != f.Count {
				t.Fatalf("%s %q: %d in the history, %d in the issue", is.Name, f.Phrase, phrase(h, f.Phrase).Counts[i], f.Count)
			}
		}
	}
}
