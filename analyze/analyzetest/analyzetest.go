// Package analyzetest reads and analyses issues for the tests of every
// package the one way: with the built-in lexicon and the default options.
// The files themselves (the sample, ../shared) come from
// internal/testfiles.
package analyzetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/internal/testfiles"
)

// Sample reads and analyses the bundled sample issue.
func Sample(t testing.TB) *analyze.Result {
	t.Helper()
	return Analyze(t, testfiles.Sample(t))
}

// Read reads the issue at path with the built-in lexicon's venues, named
// by its base name.
func Read(t testing.TB, path string) *analyze.Issue {
	t.Helper()
	return ReadAs(t, path, filepath.Base(path))
}

// ReadAs reads the issue at path under the given name.
func ReadAs(t testing.TB, path, name string) *analyze.Issue {
	t.Helper()
	lex := Lexicon(t)
	rd, err := analyze.NewReader(analyze.VenuesOf(lex))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	iss, err := rd.Read(f, name)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return iss
}

// ReadBatch reads the issues at paths as `analyze run` reads a batch:
// the text their web pages repeat is found across all of them first
// (Reader.ScanPages, NewTemplate) and dropped from each.
func ReadBatch(t testing.TB, paths ...string) []*analyze.Issue {
	t.Helper()
	rd, err := analyze.NewReader(analyze.VenuesOf(Lexicon(t)))
	if err != nil {
		t.Fatal(err)
	}
	var pages [][]string
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		found, err := rd.ScanPages(f, filepath.Base(path))
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		pages = append(pages, found...)
	}
	rd = rd.WithTemplate(analyze.NewTemplate(pages))
	var out []*analyze.Issue
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		iss, err := rd.Read(f, filepath.Base(path))
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, iss)
	}
	return out
}

// Analyze reads and analyses the issue at path with the built-in lexicon
// and the default options.
func Analyze(t testing.TB, path string) *analyze.Result {
	t.Helper()
	return AnalyzeIssue(t, Read(t, path))
}

// AnalyzeIssue analyses an issue with the built-in lexicon and the
// default options.
func AnalyzeIssue(t testing.TB, iss *analyze.Issue) *analyze.Result {
	t.Helper()
	res, err := analyze.Analyze(iss, Lexicon(t), analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Lexicon is the built-in lexicon.
func Lexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

// Sentences is the sentences a language splits text into, joined by "|".
func Sentences(lang analyze.Language, text string) string {
	var out []string
	for _, s := range lang.Sentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return strings.Join(out, "|")
}
