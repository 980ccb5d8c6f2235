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
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/charts"
	"github.com/issuelens/analyze/history"
	"github.com/issuelens/analyze/report"
)

// defaultHistory is where `analyze run` keeps its history with the
// default output directories.
const defaultHistory = "out/history.sqlite"

type historyConfig struct {
	history string
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
	fs.StringVar(&cfg.history, "history", defaultHistory, "history store (SQLite) written by analyze run")
	if name == "history" {
		fs.BoolVar(&cfg.json, "json", false, "print the issues as JSON (an array, oldest first)")
	}
	if name == "trends" {
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
		return nil, &analyze.InputError{File: path, Msg: "no history store here (analyze run keeps one beside its reports; or give --history)"}
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
	s, err := openHistory(ctx, cfg.history)
	if err != nil {
		return nil, nil, err
	}
	defer s.Close()
	issues, err := s.Load(ctx)
	return cfg, issues, err
}

// runHistory lists the issues of a history store, oldest first.
func runHistory(ctx context.Context, args []string, stdout io.Writer) error {
	cfg, issues, err := loadHistory(ctx, "history", args)
	if err != nil {
		return err
	}
	h := history.View(issues, nil, nil)
	if cfg.json {
		return writeHistoryJSON(stdout, h.Issues)
	}
	fmt.Fprintf(stdout, "%s: %s, oldest first\n", cfg.history, count(len(h.Issues), "issue", "issues"))
	if len(h.Issues) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "date\tlast date\tarticles\ttokens\tmentions\tsha256\tanalysed (UTC)\t")
	for _, is := range h.Issues {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\t%s\t\n", orDash(is.Date), orDash(is.LastDate), is.Articles, is.Tokens, is.Mentions, is.SHA256[:min(12, len(is.SHA256))], is.AnalyzedAt)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(stdout)
	for i, is := range h.Issues {
		fmt.Fprintf(stdout, "%3d  %s  %s — %s\n", i+1, orDash(is.Date), is.Name, is.Title)
	}
	return nil
}

// writeHistoryJSON writes the issues of a history as a JSON array, oldest
// first.
func writeHistoryJSON(w io.Writer, issues []analyze.HistoryIssue) error {
	type issue struct {
		Name       string `json:"name"`
		Title      string `json:"title"`
		Date       string `json:"date"`
		LastDate   string `json:"last_date"`
		Articles   int    `json:"articles"`
		Tokens     int    `json:"tokens"`
		Mentions   int    `json:"mentions"`
		SHA256     string `json:"sha256"`
		AnalyzedAt string `json:"analyzed_at"`
	}
	out := make([]issue, 0, len(issues))
	for _, is := range issues {
		out = append(out, issue{is.Name, is.Title, is.Date, is.LastDate, is.Articles, is.Tokens, is.Mentions, is.SHA256, is.AnalyzedAt})
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
	// the lexicon gives the order of formulations and themes only: no
	// analyzer, so no language models are loaded
	h := history.View(issues, nil, analyze.FormulationsOf(lex))
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
	if err := checkOutput(cfg.out, false); err != nil {
		return err
	}
	if err := commit(ctx, cfg.out, newRunID(), []output{{dir: cfg.out, files: files}}, nil, nil); err != nil {
		return interrupted(err)
	}
	fmt.Fprintf(stdout, "%s, %s counted; trends in %s\n", count(len(h.Issues), "issue", "issues"), count(len(h.Phrases), "formulation", "formulations"), cfg.out)
	return nil
}
