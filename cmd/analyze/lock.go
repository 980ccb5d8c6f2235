package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// lockError is a second run on an output that a first run holds.
type lockError struct{ dir string }

func (e *lockError) Error() string {
	return fmt.Sprintf("%s: another analyze run is writing this output; wait for it, or pass --wait", e.dir)
}

// lockOutput takes the lock of an output directory: a file beside it,
// .NAME.lock, held with flock(2) so that it is released when the process
// ends, however it ends. With wait it waits for the lock (until ctx is
// done); without, a held lock is an error. The returned function releases
// it and removes the file, so that no lock file is left beside the
// output; a run that was waiting on the removed file sees that the file at
// the path is no longer the one it locked, and locks the new one.
func lockOutput(ctx context.Context, dir string, wait bool) (func(), error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("%s: cannot create output directory: %w", parent, unwrapPath(err))
	}
	path := filepath.Join(parent, "."+filepath.Base(dir)+".lock")
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
		if err != nil {
			return nil, fmt.Errorf("%s: cannot write the output here: %w", dir, unwrapPath(err))
		}
		if err := flockWait(ctx, f, dir, wait); err != nil {
			f.Close()
			return nil, err
		}
		held, err1 := f.Stat()
		there, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, there) {
			return func() {
				os.Remove(path)
				syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				f.Close()
			}, nil
		}
		f.Close() // the run before removed it as it finished: lock the file now at the path
	}
}

// flockWait takes f's lock, waiting for it with wait (until ctx is done).
func flockWait(ctx context.Context, f *os.File, dir string, wait bool) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if err != syscall.EWOULDBLOCK || !wait {
			if err == syscall.EWOULDBLOCK {
				return &lockError{dir}
			}
			return fmt.Errorf("%s: cannot lock output: %w", dir, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}
