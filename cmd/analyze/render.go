// Rendering a run's reports: each report's files (tables, charts,
// workbook), made when they are written.

package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"sync"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/charts"
	"github.com/issuelens/analyze/report"
)

// render builds every report's files, and the corpus report of several
// inputs.
func (j *runJob) render() error {
	params := j.cfg.params()
	j.bar.stage(stageCharts, len(j.runs)) // the corpus's is rendered as they are written
	for _, r := range j.runs {
		j.copt.Source = r.issue.Name
		prov := report.Provenance{Input: r.issue.Name, InputSHA256: r.sha256, Version: version, Params: params}
		var err error
		if r.files, err = outputs(r.result, r.structure, j.copt, j.svg, prov, j.issueCharts()); err != nil {
			return err
		}
		j.bar.step()
	}
	if len(j.runs) > 1 {
		// merged and rendered beside the issues' reports being written,
		// which do not wait for it (one core, 2 s for the 57 Chinese
		// reports); the corpus report is staged last (corpusFiles)
		j.corpus = &issueRun{name: "corpus", dir: filepath.Join(j.root, "corpus")}
		j.merged = make(chan struct{})
		var results []*analyze.Result
		for _, r := range j.runs {
			results = append(results, r.result)
		}
		az, title := j.langs.combiner(results), corpusTitle(j.runs)
		go func() {
			defer close(j.merged)
			j.mergeErr = j.mergeCorpus(params, az, title)
		}()
	}
	return nil
}

// corpusFiles waits for the corpus report's files (see render).
func (j *runJob) corpusFiles(ctx context.Context) (map[string]func(io.Writer) error, error) {
	select {
	case <-j.merged:
		return j.corpus.files, j.mergeErr
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// waitCorpus waits for the corpus report's merging to end, if it began,
// whatever became of the run.
func (j *runJob) waitCorpus() {
	if j.merged != nil {
		<-j.merged
	}
}

// issueCharts is "" when each issue's report gets its charts, else what
// its Charts sheet says instead.
func (j *runJob) issueCharts() string {
	switch j.cfg.charts {
	case chartsCorpus:
		return "The PNG charts of this run are in its corpus report (corpus/charts/), across its issues; run with --charts issue to draw each issue's."
	case chartsNone:
		return "No PNG charts were drawn (--charts none)."
	}
	return ""
}

// outputs prepares a result's files: the CSV tables, the charts and the
// workbook holding them; noCharts, when not "", says why there are no PNG
// charts (none are drawn) in the workbook's Charts sheet. The charts are
// drawn when the first of their files is written, on all cores, while the
// workbook fills its other sheets: it waits for them at its last sheet.
func outputs(res *analyze.Result, st *report.StructureSheet, copt charts.Options, svg bool, prov report.Provenance, noCharts string) (map[string]func(io.Writer) error, error) {
	files := map[string]func(io.Writer) error{}
	// the tables are made when their files are written, not kept from
	// now to then for every report of a batch: made here for their names
	tables := sync.OnceValue(func() []report.Table { return report.Tables(res) })
	for i, t := range report.Tables(res) {
		files[filepath.Join("data", t.Name)] = func(w io.Writer) error { return report.WriteCSV(w, tables()[i]) }
	}
	files[filepath.Join("data", st.Table.Name)] = func(w io.Writer) error { return report.WriteCSV(w, st.Table) }
	var built []charts.Chart
	if noCharts == "" {
		built = charts.Build(res, copt)
	}
	draw := sync.OnceValues(func() (map[string][]byte, error) {
		images, err := charts.Render(built, copt, svg)
		if err != nil {
			return nil, fmt.Errorf("rendering charts: %w", err)
		}
		return images, nil
	})
	look := report.Look{NoImages: noCharts, Wait: func() ([]report.ChartImage, error) {
		images, err := draw()
		var out []report.ChartImage
		for _, c := range built {
			out = append(out, report.ChartImage{Name: c.Name, Title: c.Title, PNG: images[c.Name+".png"]})
		}
		return out, err
	}}
	// the workbook colours the days (or issues) as the charts do
	for _, c := range charts.GroupColors(len(res.Periods())) {
		r, g, b, _ := c.RGBA()
		look.DayColors = append(look.DayColors, fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8))
	}
	exts := []string{".png"}
	if svg {
		exts = append(exts, ".svg")
	}
	for _, c := range built {
		for _, ext := range exts {
			name := c.Name + ext
			files[filepath.Join("charts", name)] = func(w io.Writer) error {
				images, err := draw()
				if err == nil {
					_, err = w.Write(images[name])
				}
				return err
			}
		}
	}
	files[workbookName] = func(w io.Writer) error { return writeWorkbook(w, res, tables(), st, prov, look) }
	return files, nil
}

// workbookName is the workbook's file in a report directory.
const workbookName = "report.xlsx"

func names(runs []*issueRun) []string {
	var out []string
	for _, r := range runs {
		out = append(out, r.issue.Name)
	}
	return out
}

// corpusTitle names a corpus by its issues' dates.
func corpusTitle(runs []*issueRun) string {
	var dates []string
	for _, r := range runs {
		for _, a := range r.result.Articles {
			if d := a.Date.String(); d != "" {
				dates = append(dates, d)
			}
		}
	}
	sort.Strings(dates)
	title := fmt.Sprintf("Corpus of %d issues", len(runs))
	if len(dates) > 0 {
		title += ", " + dates[0] + " to " + dates[len(dates)-1]
	}
	return title
}
