package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/charts"
	"github.com/issuelens/analyze/history"
	"github.com/issuelens/analyze/report"
)

// defaultHistory is how the help names the store kept when --history
// does not name one (see historyPath).
const defaultHistory = "~/.local/share/analyze/history.sqlite, or $XDG_DATA_HOME/analyze/history.sqlite when that is set"

// historyPath is the store a command reads or writes: the one given,
// else the user's one store, $XDG_DATA_HOME/analyze/history.sqlite
// (XDG's default for XDG_DATA_HOME: ~/.local/share; on Windows,
// %LocalAppData%), wherever the reports go: its series keep unrelated
// inputs apart.
func historyPath(given string) (string, error) {
	if given != "" {
		return given, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "analyze", "history.sqlite"), nil
	}
	if d := os.Getenv("LocalAppData"); runtime.GOOS == "windows" && d != "" {
		return filepath.Join(d, "analyze", "history.sqlite"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || !filepath.IsAbs(home) {
		return "", &usageError{"no home directory to keep the history in ($HOME is not set): give --history FILE, or --no-history"}
	}
	return filepath.Join(home, ".local", "share", "analyze", "history.sqlite"), nil
}

type historyConfig struct {
	history string
	series  string // history, trends: the series to list or draw
	out     string
	lexicon string
	phrases phraseList // trends: the formulations to draw
	labels  string     // trends: en or both
	json    bool       // history: the issues as JSON
}

// phraseList is a flag given once per value (--phrase A --phrase B).
type phraseList []string

func (p *phraseList) String() string { return strings.Join(*p, ", ") }

func (p *phraseList) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("an empty formulation")
	}
	*p = append(*p, strings.TrimSpace(s))
	return nil
}

func historyFlags(out io.Writer, name string) (*flag.FlagSet, *historyConfig) {
	cfg := &historyConfig{}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&cfg.history, "history", "", "history store (SQLite) written by analyze run (default: "+defaultHistory+")")
	if name == "history" {
		fs.BoolVar(&cfg.json, "json", false, "print the issues as JSON (an array: series by name, each oldest first)")
		fs.StringVar(&cfg.series, "series", "", "list only the series `NAME` (default: every series)")
	}
	if name == "trends" {
		fs.StringVar(&cfg.series, "series", "", "the series `NAME` to draw (needed when the store holds several; analyze history lists them)")
		fs.StringVar(&cfg.out, "out", "", "output directory for trends.xlsx and charts/ (required)")
		fs.StringVar(&cfg.lexicon, "lexicon", "", "lexicon YAML whose order the formulations follow (default: the built-in lexicon)")
		fs.Var(&cfg.phrases, "phrase", "a formulation `PHRASE` to draw, its English phrase or its Chinese form (once per formulation, up to 6; default: the 6 most mentioned)")
		fs.StringVar(&cfg.labels, "labels", "en", "name formulations in English (en) or in English and Chinese (both)")
	}
	return fs, cfg
}

// openHistory opens an existing store: these commands never make one.
func openHistory(ctx context.Context, path string) (*history.Store, error) {
	_, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, &analyze.InputError{File: path, Msg: "no history store here (analyze run keeps one here unless given --history or --no-history)"}
	case err != nil:
		return nil, &analyze.InputError{File: path, Msg: describeOpenError(err)}
	}
	return history.OpenExisting(ctx, path) // refuses a directory or an empty file
}

// loadHistory parses a history command's flags and loads its store.
func loadHistory(ctx context.Context, name string, args []string) (*historyConfig, []history.Issue, error) {
	fs, cfg := historyFlags(io.Discard, name)
	if err := fs.Parse(args); err != nil {
		return nil, nil, flagError(fs, err)
	}
	if fs.NArg() > 0 {
		return nil, nil, &usageError{name + " takes no arguments (the store is --history)"}
	}
	if name == "trends" && cfg.out == "" {
		return nil, nil, &usageError{"trends needs --out DIR"}
	}
	var err error
	if cfg.history, err = historyPath(cfg.history); err != nil {
		return nil, nil, err
	}
	s, err := openHistory(ctx, cfg.history)
	if err != nil {
		return nil, nil, err
	}
	defer s.Close()
	issues, err := s.Load(ctx)
	return cfg, issues, err
}

// runHistory lists the series of a history store and the issues of
// each, oldest first.
func runHistory(ctx context.Context, args []string, stdout io.Writer) error {
	cfg, issues, err := loadHistory(ctx, "history", args)
	if err != nil {
		return err
	}
	list := history.SeriesList(issues)
	if cfg.series != "" {
		s, err := findSeries(list, cfg.series)
		if err != nil {
			return err
		}
		list = []history.Series{s}
	}
	var views []*analyze.History
	for _, s := range list {
		views = append(views, history.SeriesView(issues, s.Name, nil, nil))
	}
	if cfg.json {
		return writeHistoryJSON(stdout, views)
	}
	n := 0
	for _, s := range list {
		n += s.Issues
	}
	fmt.Fprintf(stdout, "%s: %s in %s\n", cfg.history, count(n, "issue", "issues"), count(len(list), "series", "series"))
	if n == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\nseries\tissues\tdated\tfirst\tlast")
	for _, s := range list {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", s.Name, s.Issues, s.Dated, orDash(s.First), orDash(s.Last))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, h := range views {
		fmt.Fprintf(stdout, "\n%s: %s, oldest first\n", h.Series, count(len(h.Issues), "issue", "issues"))
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "\tdate\tlast date\tarticles\ttokens\tmentions\tlang\tsha256\tanalysed (UTC)\t")
		for i, is := range h.Issues {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%d\t%s\t%s\t%s\t\n", i+1, orDash(is.Date), orDash(is.LastDate), is.Articles, is.Tokens, is.Mentions, orDash(is.Lang), is.SHA256[:min(12, len(is.SHA256))], is.AnalyzedAt)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		for i, is := range h.Issues {
			fmt.Fprintf(stdout, "%3d  %s  %s — %s\n", i+1, is.Label(), is.Name, is.Title)
		}
		if len(h.LeftOut) > 0 {
			fmt.Fprintf(stdout, "undated, out of the series' trends (give them --date, or a date in the text, to place them):\n")
			for _, is := range h.LeftOut {
				fmt.Fprintf(stdout, "     -  %s — %s (%s)\n", is.Name, is.Title, is.SHA256[:min(12, len(is.SHA256))])
			}
		}
	}
	return nil
}

// findSeries is the series of the list named (case and spacing aside),
// or a usage error naming what there is.
func findSeries(list []history.Series, name string) (history.Series, error) {
	var names []string
	for _, s := range list {
		if history.SeriesKey(s.Name) == history.SeriesKey(name) {
			return s, nil
		}
		names = append(names, s.Name)
	}
	msg := fmt.Sprintf("--series %q: no such series in the store", name)
	if c := closest(name, names); c != "" {
		msg += fmt.Sprintf("; did you mean %q?", c)
	} else if len(names) > 0 {
		msg += " (it holds " + quoteList(names) + ")"
	}
	return history.Series{}, &usageError{msg}
}

// quoteList is names quoted and joined by commas, the first 8 of them.
func quoteList(names []string) string {
	var q []string
	for _, n := range names[:min(8, len(names))] {
		q = append(q, strconv.Quote(n))
	}
	if len(names) > 8 {
		q = append(q, fmt.Sprintf("and %d more", len(names)-8))
	}
	return strings.Join(q, ", ")
}

// writeHistoryJSON writes the issues of the series as a JSON array: each
// series' dated issues oldest first, then its undated ones.
func writeHistoryJSON(w io.Writer, views []*analyze.History) error {
	type issue struct {
		Series     string `json:"series"`
		InTrends   bool   `json:"in_trends"` // false for an undated issue of a series with dated ones
		Name       string `json:"name"`
		Title      string `json:"title"`
		Lang       string `json:"lang"`
		Date       string `json:"date"`
		LastDate   string `json:"last_date"`
		Articles   int    `json:"articles"`
		Tokens     int    `json:"tokens"`
		Mentions   int    `json:"mentions"`
		SHA256     string `json:"sha256"`
		AnalyzedAt string `json:"analyzed_at"`
	}
	out := []issue{}
	for _, h := range views {
		for k, list := range [][]analyze.HistoryIssue{h.Issues, h.LeftOut} {
			for _, is := range list {
				out = append(out, issue{h.Series, k == 0, is.Name, is.Title, is.Lang, is.Date, is.LastDate, is.Articles, is.Tokens, is.Mentions, is.SHA256, is.AnalyzedAt})
			}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// runTrends builds trends.xlsx and charts/formulation_trend.png from a
// history store alone.
func runTrends(ctx context.Context, args []string, stdout io.Writer) error {
	cfg, issues, err := loadHistory(ctx, "trends", args)
	if err != nil {
		return err
	}
	lex, err := parseLexicon(ctx, cfg.lexicon)
	if err != nil {
		return err
	}
	series, err := trendSeries(history.SeriesList(issues), cfg.series)
	if err != nil {
		return err
	}
	// the lexicon gives the order of formulations and themes only: no
	// analyzer, so no language models are loaded
	h := history.SeriesView(issues, series, nil, analyze.FormulationsOf(lex))
	if cfg.labels != "en" && cfg.labels != "both" {
		return &usageError{fmt.Sprintf("--labels %q: say en or both", cfg.labels)}
	}
	if len(cfg.phrases) > 6 {
		return &usageError{fmt.Sprintf("--phrase given %d times: a trend draws at most 6 formulations", len(cfg.phrases))}
	}
	forms := analyze.FormulationsOf(lex)
	for _, p := range cfg.phrases {
		if !slices.ContainsFunc(forms, func(f analyze.Formulation) bool { return strings.EqualFold(f.Phrase, p) || f.ZH == p }) {
			return &usageError{fmt.Sprintf("--phrase %q: no such formulation in the lexicon (see analyze lexicon)", p)}
		}
	}
	chart := charts.HistoryTrend(h, analyze.ThemesOf(lex), forms, filepath.Base(cfg.history),
		charts.Options{Version: version, Labels: cfg.labels, Phrases: cfg.phrases})
	files := map[string]func(io.Writer) error{
		"trends.xlsx": func(w io.Writer) error { return report.WriteTrendsWorkbook(w, h, filepath.Base(cfg.history), version) },
		filepath.Join("charts", "formulation_trend.png"): func(w io.Writer) error { return chart.WritePNG(w, charts.Options{}) },
	}
	unlock, err := lockOutput(ctx, cfg.out, false)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := recoverOutput(ctx, cfg.out, []string{cfg.out}); err != nil {
		return err
	}
	if err := checkOutput(cfg.out); err != nil {
		return err
	}
	if err := commit(ctx, cfg.out, newRunID(), []output{{dir: cfg.out, files: files}}, nil, nil); err != nil {
		return interrupted(err)
	}
	left := ""
	if len(h.LeftOut) > 0 {
		left = fmt.Sprintf(" (%s left out: undated)", count(len(h.LeftOut), "issue", "issues"))
	}
	fmt.Fprintf(stdout, "%s: %s%s, %s counted; trends in %s\n", h.Series, count(len(h.Issues), "issue", "issues"), left,
		count(len(h.Phrases), "formulation", "formulations"), cfg.out)
	return nil
}

// trendSeries is the series trends draws: the one named, or the store's
// only one.
func trendSeries(list []history.Series, name string) (string, error) {
	if name != "" {
		s, err := findSeries(list, name)
		return s.Name, err
	}
	switch len(list) {
	case 0:
		return "", nil
	case 1:
		return list[0].Name, nil
	}
	var names []string
	for _, s := range list {
		names = append(names, s.Name)
	}
	return "", &usageError{fmt.Sprintf("the store holds %d series: name one with --series (%s; analyze history lists them)", len(list), quoteList(names))}
}
