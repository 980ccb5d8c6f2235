// Package analyzetest gives the tests of every package the inputs they
// share, read and analysed the one way: the bundled sample issue
// (testdata/two_sessions_2024.txt) and the public-domain corpus in
// ../shared beside the repository.
//
// Tests that need ../shared or a program (soffice, script, chattr) ask for
// it here: under `go test -short` they are skipped, so a fresh clone with
// nothing beside it passes; otherwise a missing file or program fails the
// test with what to install, because CI runs them all.
package analyzetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/lexicon"
)

// SampleName is the bundled sample issue's file name.
const SampleName = "two_sessions_2024.txt"

// root is the module's root directory, found from this file's place in it.
func root(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("analyzetest: cannot tell where the module is")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Testdata is the path of a file under the module's testdata directory.
func Testdata(t testing.TB, name string) string {
	t.Helper()
	return filepath.Join(root(t), "testdata", name)
}

// Sample is the path of the bundled sample issue.
func Sample(t testing.TB) string {
	t.Helper()
	return Testdata(t, SampleName)
}

// Shared is the path of a file under ../shared (rel like
// "corpus/state_of_the_union_2003-2006.txt"). Under -short the test is
// skipped; without it, a missing file fails the test.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("needs ../shared/%s (skipped under -short)", rel)
	}
	p := filepath.Join(root(t), "..", "shared", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("needs ../shared beside the repository, as CI has it: %v", err)
	}
	return p
}

// Program is the path of a program the test runs (soffice, script,
// chattr). Under -short the test is skipped; without it, a missing
// program fails the test, naming the Debian package that has it.
func Program(t testing.TB, name, debian string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("needs %s (Debian's %s; skipped under -short)", name, debian)
	}
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("needs %s: install Debian's %s (.ci/run does)", name, debian)
	}
	return p
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
