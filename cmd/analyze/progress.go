package main

import (
	"io"
	"os"
	"sync"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows a bar on a terminal while a long run reads and analyses
// its inputs; on anything else (a cron mail, a pipe, a test) it shows
// nothing.
type progress struct {
	mu  sync.Mutex
	bar *progressbar.ProgressBar
}

// longRun is the input size past which one input gets a bar.
const longRun = 5 << 20

func newProgress(stderr io.Writer, runs []*issueRun, quiet bool) *progress {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	var total int64
	for _, r := range runs {
		if r.input == "-" {
			continue
		}
		if st, err := os.Stat(r.input); err == nil {
			total += st.Size()
		}
	}
	if len(runs) < 2 && total < longRun {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("analysing"),
		progressbar.OptionShowBytes(true), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100_000_000))}
}

// done advances the bar by an input's bytes.
func (p *progress) done(r *issueRun) {
	if p.bar == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar.Add64(r.bytes)
}

func (p *progress) stop() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
