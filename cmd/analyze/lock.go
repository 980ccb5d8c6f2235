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
// done); without, a held lock is an error. The returned function releases it.
func lockOutput(ctx context.Context, dir string, wait bool) (func(), error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("%s: cannot create output directory: %w", parent, unwrapPath(err))
	}
	path := filepath.Join(parent, "."+filepath.Base(dir)+".lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot lock output: %w", dir, unwrapPath(err))
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if err != syscall.EWOULDBLOCK || !wait {
			f.Close()
			if err == syscall.EWOULDBLOCK {
				return nil, &lockError{dir}
			}
			return nil, fmt.Errorf("%s: cannot lock output: %w", dir, err)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
