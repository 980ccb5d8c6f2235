package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows a bar on a terminal while a long run works, stage by
// stage: reading and analysing the inputs (with the rate of bytes read so
// far over the time taken), drawing the charts, writing the reports and
// the history; on anything else (a cron mail, a pipe, a test) it shows
// nothing.
type progress struct {
	mu    sync.Mutex
	bar   *progressbar.ProgressBar
	start time.Time
	bytes int64
}

// longRun is the input size past which one input gets a bar.
const longRun = 5 << 20

// Stage names, as the bar shows them.
const (
	stageRead   = "reading and analysing"
	stageCharts = "preparing reports"
	stageWrite  = "drawing charts, writing reports and history"
)

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
	return &progress{start: time.Now(), bar: progressbar.NewOptions(len(runs),
		progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription(stageRead),
		progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(),
		progressbar.OptionSetPredictTime(false), progressbar.OptionThrottle(100*time.Millisecond))}
}

// done counts an input read and analysed, and shows the rate so far.
func (p *progress) done(r *issueRun) {
	if p == nil || p.bar == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bytes += r.bytes
	if s := time.Since(p.start).Seconds(); s > 0 {
		p.bar.Describe(fmt.Sprintf("%s, %.1f MB/s", stageRead, float64(p.bytes)/1e6/s))
	}
	p.bar.Add(1)
}

// stage starts the next stage, of n steps.
func (p *progress) stage(name string, n int) {
	if p == nil || p.bar == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar.Reset()
	p.bar.ChangeMax(n)
	p.bar.Describe(name)
	p.bar.RenderBlank()
}

// step counts a step of the stage.
func (p *progress) step() {
	if p == nil || p.bar == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar.Add(1)
}

func (p *progress) stop() {
	if p != nil && p.bar != nil {
		p.bar.Finish()
	}
}
