package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/lexicon"
)

// TestCorpusMergeInOrder: results that end in any order are merged in
// input order, an input that failed (nil) holds none back, and an input
// may not begin more than window inputs after the first not merged.
func TestCorpusMergeInOrder(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	az, err := analyze.NewAnalyzer(lex)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := analyze.NewReader(analyze.DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	results := make([]*analyze.Result, 5)
	for i := range results {
		text := fmt.Sprintf("March %d, 2024\n\nReform Report %d\n\nThe plan calls for high-quality development and new quality productive forces.\n", i+1, i)
		iss, err := rd.Read(strings.NewReader(text), fmt.Sprintf("issue%d.txt", i))
		if err != nil {
			t.Fatal(err)
		}
		if results[i], err = az.Analyze(iss, analyze.Options{Mergeable: true}); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	c := newCorpusMerge(2)
	begun := make(chan int, 5)
	go func() {
		for i := range 5 {
			if err := c.begin(ctx, i); err == nil {
				begun <- i
			}
		}
	}()
	wait := func(want []int) {
		t.Helper()
		var got []int
		for range want {
			select {
			case i := <-begun:
				got = append(got, i)
			case <-time.After(5 * time.Second):
				t.Fatalf("begun %v; want %v", got, want)
			}
		}
		select {
		case i := <-begun:
			t.Fatalf("input %d began after %v: window of 2 not kept", i, want)
		case <-time.After(50 * time.Millisecond):
		}
	}
	wait([]int{0, 1})
	c.done(1, nil) // failed: nothing to merge, nothing merged before 0 either
	wait(nil)
	c.done(0, results[0])
	wait([]int{2, 3})
	c.done(3, results[3])
	c.done(2, results[2])
	wait([]int{4})
	c.done(4, results[4])
	res := c.result(az, "Corpus")
	var names []string
	for _, is := range res.Issues {
		names = append(names, is.Name)
	}
	if want := []string{"issue0.txt", "issue2.txt", "issue3.txt", "issue4.txt"}; !slices.Equal(names, want) {
		t.Errorf("merged %v; want %v", names, want)
	}
	if len(res.Mentions) != 8 {
		t.Errorf("%d mentions merged; want 8 (two in each of four issues)", len(res.Mentions))
	}
	// a run that stops frees an input waiting to begin
	c = newCorpusMerge(1)
	stop, cancel := context.WithCancel(ctx)
	errs := make(chan error)
	go func() { errs <- c.begin(stop, 1) }()
	cancel()
	select {
	case err := <-errs:
		if err == nil {
			t.Errorf("begin after the run stopped: no error")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("begin still waits after the run stopped")
	}
}
