// Package testfiles finds the files the tests of every package share:
// the bundled sample issue and goldens under testdata/, the public-domain
// corpus in ../shared beside the repository, and the programs some tests
// run. It imports nothing of the module, so any package's tests may use it.
//
// Tests that need ../shared or a program (soffice, script, chattr) ask for
// it here: when it is missing they are skipped, saying what to install
// (and `make test` says so before it runs them), so a fresh clone with
// nothing beside it passes; under CI (ANALYZE_TEST_ALL set, as .ci/run
// does) a missing file or program fails the test instead, so that no
// check is skipped where the tests are judged. Under -short they are
// skipped whatever is here.
package testfiles

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// SampleName is the bundled sample issue's file name.
const SampleName = "two_sessions_2024.txt"

// root is the module's root directory, found from this file's place in it.
func root(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("testfiles: cannot tell where the module is")
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
// "corpus/state_of_the_union_2003-2006.txt"). Under -short, or when it is
// missing, the test is skipped (see Missing).
func Shared(t testing.TB, rel string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("needs ../shared/%s (skipped under -short)", rel)
	}
	p := filepath.Join(root(t), "..", "shared", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		Missing(t, "needs ../shared beside the repository, as CI has it: %v", err)
	}
	return p
}

// Missing skips a test whose file or program is not here, saying why;
// under CI (ANALYZE_TEST_ALL set) it fails it.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("ANALYZE_TEST_ALL") != "" {
		t.Fatalf(format, args...)
		return
	}
	t.Skipf(format+" (skipped; CI runs it)", args...)
}

// Program is the path of a program the test runs (soffice, script,
// chattr). Under -short, or when it is missing, the test is skipped,
// naming the Debian package that has it (see Missing).
func Program(t testing.TB, name, debian string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("needs %s (Debian's %s; skipped under -short)", name, debian)
	}
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, "needs %s: install Debian's %s (.ci/run does)", name, debian)
	}
	return p
}
