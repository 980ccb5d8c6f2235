// Command analyze counts the formulations of official political discourse
// in plain-text news issues. See README.md; `analyze help` lists commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"
)

// memoryLimit is the heap the Go runtime is asked to stay near unless
// GOMEMLIMIT says otherwise: the garbage collector works harder as the
// heap nears it instead of letting it grow to twice what is live.
const memoryLimit = 256 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go stopAnyway(ctx)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitStatus(err, os.Stderr))
}

// stopAnyway ends the process if run has not returned gracePeriod after
// a signal: every step of run gives way to ctx, so this is a backstop.
// What is left then is finished or swept by the next run.
func stopAnyway(ctx context.Context) {
	<-ctx.Done()
	time.Sleep(gracePeriod)
	fmt.Fprintln(os.Stderr, "analyze: interrupted; stopped before cleaning up (the next run on this output finishes or undoes what was left)")
	os.Exit(exitRuntime)
}

// gracePeriod is how long run has to return after a signal.
const gracePeriod = 10 * time.Second
