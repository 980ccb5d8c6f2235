//go:build !race

// Tests over the whole public corpus that the race detector makes slow:
// the race run of `make test` leaves them out and its second pass runs
// every test of a large_test.go once without it. Streaming with several
// goroutines stays under the race detector in TestAnalyzeStreamStops and
// TestLongArticleInPieces.

package analyze

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze/lexicon"
)

// TestAnalyzeStreamMatchesAnalyze: analysing while reading gives what
// reading the whole issue and then analysing gives, on the sample issue
// and the public corpus; articles reach each in order.
func TestAnalyzeStreamMatchesAnalyze(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	az, err := NewAnalyzer(lex)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := NewReader(VenuesOf(lex))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{referencePath, corpus(t)} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (../shared must stand beside the repository)", err)
		}
		iss, err := rd.Read(bytes.NewReader(data), path)
		if err != nil {
			t.Fatal(err)
		}
		want, err := az.Analyze(iss, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var seen []*Article
		got, err := az.AnalyzeStream(context.Background(), rd, bytes.NewReader(data), path, Options{}, func(a *Article) error {
			seen = append(seen, a)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(seen) != len(iss.Articles) {
			t.Fatalf("%s: each saw %d articles; want %d", path, len(seen), len(iss.Articles))
		}
		for i, a := range seen {
			if !reflect.DeepEqual(*a, iss.Articles[i]) {
				t.Fatalf("%s: article %d as streamed differs from the one read", path, i+1)
			}
		}
		if len(got.Issue.Articles) != 0 {
			t.Errorf("%s: streamed result holds %d articles; want none", path, len(got.Issue.Articles))
		}
		wantIss := *iss
		wantIss.Articles = nil
		if !reflect.DeepEqual(*got.Issue, wantIss) {
			t.Errorf("%s: issue %+v; want %+v", path, *got.Issue, wantIss)
		}
		for name, pair := range map[string][2]any{
			"articles": {got.Articles, want.Articles}, "mentions": {got.Mentions, want.Mentions},
			"counts": {got.Counts, want.Counts}, "pairs": {got.Pairs, want.Pairs},
			"discovered": {got.Discovered, want.Discovered}, "keyness": {got.Keyness, want.Keyness},
			"issues": {got.Issues, want.Issues},
		} {
			if !reflect.DeepEqual(pair[0], pair[1]) {
				t.Errorf("%s: streamed %s differ", path, name)
			}
		}
	}
}

// TestLongLineWindows: a long line split into sentences a window at a
// time (see blockStream.readLong) gives the sentences of the line split
// whole, on the public corpus and the sample issue run together.
func TestLongLineWindows(t *testing.T) {
	rd, err := NewReader(DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{corpus(t), referencePath} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (../shared must stand beside the repository)", err)
		}
		text := normalizeLine(strings.ReplaceAll(string(data), "\n", " "))
		sents := rd.lang.Sentences(text)
		var want []string // the blocks of the sentences of the line split whole
		for _, st := range sents {
			for _, bl := range rd.classified(block{text: text[st.Start:st.End]}) {
				want = append(want, bl.text)
			}
		}
		for _, window := range []int{1, 100, 5000, segmentWindow} {
			s := &blockStream{rd: rd, iss: &Issue{}, long: &longRun{n: 1, text: text, window: window}}
			for s.long != nil {
				s.readLong()
			}
			var got []string
			for _, bl := range s.ready {
				got = append(got, bl.text)
			}
			if len(got) != len(want) {
				t.Fatalf("%s, windows of %d: %d blocks; whole, %d", path, window, len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("%s, windows of %d: block %d is %q; whole, %q", path, window, i+1, got[i], want[i])
				}
			}
			if len(s.iss.Warnings) != 1 || !strings.Contains(s.iss.Warnings[0].Msg, fmt.Sprintf("read as %d sentence", len(sents))) {
				t.Errorf("%s, windows of %d: warnings %+v; want one counting %d sentences", path, window, s.iss.Warnings, len(sents))
			}
		}
	}
}
