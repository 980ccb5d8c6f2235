package analyze

import (
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
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
	for _, path := range []string{referencePath, corpusPath} {
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

// TestAnalyzeStreamStops: an error from each, a bad input and a cancelled
// context each stop the stream with that error.
func TestAnalyzeStreamStops(t *testing.T) {
	lex, _ := lexicon.Default()
	az, _ := NewAnalyzer(lex)
	rd, _ := NewReader(VenuesOf(lex))
	data, err := os.ReadFile(corpusPath)
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("disk full")
	n := 0
	_, err = az.AnalyzeStream(context.Background(), rd, bytes.NewReader(data), "c", Options{}, func(a *Article) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("each failing at article 3: err %v after %d articles; want %v after 3", err, n, stop)
	}
	bad := append(append([]byte{}, data[:200000]...), 0)
	var ie *InputError
	if _, err := az.AnalyzeStream(context.Background(), rd, bytes.NewReader(bad), "c", Options{}, nil); !errors.As(err, &ie) || ie.Msg != "binary data (NUL byte), not a text issue" {
		t.Errorf("NUL byte after 200 KB: err %v; want the input error", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err = az.AnalyzeStream(ctx, rd, bytes.NewReader(data), "c", Options{}, func(a *Article) error {
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err %v; want context.Canceled", err)
	}
}
