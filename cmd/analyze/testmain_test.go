package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestMain keeps the tests off the user's history store: the default
// store (historyPath) is under a temporary XDG_DATA_HOME for every test,
// and that directory goes when they end.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "analyze-test-data-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_DATA_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// testStores is each running test's own data directory (see ownStore).
var testStores sync.Map

// ownStore gives the test a data directory of its own, so that its runs
// share a default history store with each other and with no other test,
// and returns the path of that store. Called by runCLI and runMain; a test
// that runs the binary calls it first (the child inherits it).
func ownStore(t *testing.T) string {
	t.Helper()
	if d, ok := testStores.Load(t); ok {
		return filepath.Join(d.(string), "analyze", "history.sqlite")
	}
	d := t.TempDir()
	t.Setenv("XDG_DATA_HOME", d)
	testStores.Store(t, d)
	t.Cleanup(func() { testStores.Delete(t) })
	return filepath.Join(d, "analyze", "history.sqlite")
}
