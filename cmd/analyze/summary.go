// What a run prints when it ends: warnings, a line per report, --json.

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/issuelens/analyze/analyze"
)

// printWarnings writes an input's warnings on stderr, one line for each
// kind: the first of a kind that came several times says how many more
// there are (-v lists them all; --json holds them all).
func (j *runJob) printWarnings(iss *analyze.Issue) {
	var kinds []string
	byKind := map[string][]analyze.Warning{}
	for _, w := range iss.Warnings {
		k := w.Kind
		if k == "" || j.cfg.verbose {
			k = fmt.Sprintf("%d %s", len(kinds), w.Msg) // a kind of its own
		}
		if _, ok := byKind[k]; !ok {
			kinds = append(kinds, k)
		}
		byKind[k] = append(byKind[k], w)
	}
	for _, k := range kinds {
		ws := byKind[k]
		more := ""
		if len(ws) > 1 {
			more = fmt.Sprintf(" (and %s like it; -v lists them)", count(len(ws)-1, "more", "more"))
		}
		where := iss.Name
		if ws[0].Line > 0 {
			where += ":" + strconv.Itoa(ws[0].Line)
		}
		fmt.Fprintf(j.stderr, "analyze: warning: %s: %s%s\n", where, ws[0].Msg, more)
	}
}

// print writes the warnings on stderr and the summary on stdout.
func (j *runJob) print(stdout io.Writer) error {
	for _, r := range j.all() {
		if !j.cfg.quiet && r.issue != nil {
			j.printWarnings(r.issue)
		}
	}
	if !j.cfg.quiet && len(j.alone) > 0 {
		if len(j.alone) == 1 {
			fmt.Fprintf(j.stderr, "analyze: note: %s names no publication: in the history it is a series of its own, compared with no other issue; --series NAME files it with others\n", j.alone[0])
		} else {
			names := strings.Join(j.alone[:min(3, len(j.alone))], ", ")
			if len(j.alone) > 3 {
				names += ", …"
			}
			fmt.Fprintf(j.stderr, "analyze: note: %s name no publication (%s): in the history each is a series of its own; --series NAME files them together\n",
				count(len(j.alone), "input", "inputs"), names)
		}
	}
	hist := j.historySummary()
	switch {
	case j.cfg.json:
		return writeSummary(stdout, j.runs, j.corpus, hist, j.timings)
	case j.cfg.quiet:
		return nil
	}
	for _, r := range j.all() {
		fmt.Fprintf(stdout, "%s: %s, %s of %s; report in %s\n", r.issue.Name, count(len(r.result.Articles), "article", "articles"),
			count(r.mentionCount(), "mention", "mentions"), count(r.result.FormulationsFound(), "formulation", "formulations"), r.dir)
	}
	if hist != nil {
		fmt.Fprintln(stdout, hist.line())
	}
	return nil
}

// runSummary is what --json prints.
type runSummary struct {
	Inputs   []issueSummary   `json:"inputs"`
	Corpus   *issueSummary    `json:"corpus,omitempty"`
	History  *historySummary  `json:"history,omitempty"` // absent under --no-history
	TimingMS map[string]int64 `json:"timings_ms"`
}

type issueSummary struct {
	File         string   `json:"file"`
	SHA256       string   `json:"sha256,omitempty"`
	Bytes        int64    `json:"bytes,omitempty"`
	Title        string   `json:"title"`
	Series       string   `json:"series,omitempty"` // in the history
	Articles     int      `json:"articles"`
	Mentions     int      `json:"mentions"`
	Formulations int      `json:"formulations"`
	Output       string   `json:"output"`
	Files        []string `json:"files"`
	Warnings     []string `json:"warnings"`
	// what the issue no longer says that the issues before it in its
	// series said (analyze.DropWindow); absent when nothing dropped
	Dropped       []analyze.DroppedFormulation `json:"dropped,omitempty"`
	DroppedThemes []analyze.DroppedTheme       `json:"dropped_themes,omitempty"`
	Drift         []analyze.Drift              `json:"drift,omitempty"`      // changes of wording (analyze.History.Drift)
	ListDrift     []analyze.ListDrift          `json:"list_drift,omitempty"` // items left out of set lists (analyze.History.ListDrift)
}

func summarize(r *issueRun) issueSummary {
	s := issueSummary{File: r.issue.Name, SHA256: r.sha256, Bytes: r.bytes, Title: r.issue.Title, Series: r.series, Articles: len(r.result.Articles),
		Mentions: r.mentionCount(), Formulations: r.result.FormulationsFound(), Output: r.dir, Warnings: []string{}}
	names := r.names
	if r.files != nil { // the corpus's, made while the others were staged
		names = slices.Sorted(maps.Keys(r.files))
	}
	for _, name := range names {
		s.Files = append(s.Files, filepath.ToSlash(name))
	}
	for _, w := range r.issue.Warnings {
		s.Warnings = append(s.Warnings, strconv.Itoa(w.Line)+": "+w.Msg)
	}
	if h := r.result.History; h != nil {
		s.Dropped, s.DroppedThemes, s.Drift, s.ListDrift = h.Dropped, h.DroppedThemes, h.Drift, h.ListDrift
	}
	return s
}

func writeSummary(w io.Writer, runs []*issueRun, corpus *issueRun, hist *historySummary, timings map[string]time.Duration) error {
	s := runSummary{History: hist, TimingMS: map[string]int64{}}
	for _, r := range runs {
		s.Inputs = append(s.Inputs, summarize(r))
	}
	if corpus != nil {
		c := summarize(corpus)
		s.Corpus = &c
	}
	for k, d := range timings {
		s.TimingMS[k] = d.Milliseconds()
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}
