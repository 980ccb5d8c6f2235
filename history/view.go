package history

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/issuelens/analyze/analyze"
)

// Load returns the stored issues with what trends need: each issue's
// description, its formulation counts and its discovered phrases (not its
// articles, per-article counts or co-occurrence, which stay in the store
// for queries).
func (s *Store) Load(ctx context.Context) ([]Issue, error) {
	fail := func(err error) ([]Issue, error) { return nil, fmt.Errorf("%s: %w", s.path, err) }
	rows, err := s.db.QueryContext(ctx, `SELECT id, sha256, name, title, publication, first_date, last_date, articles,
		tokens, mentions, lexicon, lexicon_sha256, tool_version, analyzed_at FROM issues ORDER BY id`)
	if err != nil {
		return fail(err)
	}
	var out []Issue
	byID := map[int64]int{}
	for rows.Next() {
		var id int64
		var is Issue
		in := &is.Info
		if err := rows.Scan(&id, &in.SHA256, &in.Name, &in.Title, &is.Publication, &in.Date, &in.LastDate, &in.Articles,
			&in.Tokens, &in.Mentions, &is.Lexicon, &is.LexiconSHA256, &is.Version, &in.AnalyzedAt); err != nil {
			rows.Close()
			return fail(err)
		}
		byID[id] = len(out)
		out = append(out, is)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT issue_id, theme, phrase, zh, count FROM formulation_counts ORDER BY issue_id, rowid`)
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var id int64
		var f Formulation
		if err := rows.Scan(&id, &f.Theme, &f.Phrase, &f.Zh, &f.Count); err != nil {
			rows.Close()
			return fail(err)
		}
		is := &out[byID[id]]
		is.Formulations = append(is.Formulations, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT issue_id, phrase, count, articles, score, in_lexicon FROM discovered ORDER BY issue_id, rowid`)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var c Candidate
		if err := rows.Scan(&id, &c.Phrase, &c.Count, &c.Articles, &c.Score, &c.InLexicon); err != nil {
			return fail(err)
		}
		is := &out[byID[id]]
		is.Discovered = append(is.Discovered, c)
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	return out, nil
}

// Combine is the stored issues with this run's: an issue of the run
// replaces the stored one with the same SHA-256.
func Combine(stored, run []Issue) []Issue {
	mine := map[string]bool{}
	for _, is := range run {
		mine[is.Info.SHA256] = true
	}
	var out []Issue
	for _, is := range stored {
		if !mine[is.Info.SHA256] {
			out = append(out, is)
		}
	}
	return append(out, run...)
}

// order is how issues stand in a history: by date; an undated issue by the
// day it was analysed; then by when analysed and by SHA-256.
func order(issues []Issue) []Issue {
	out := append([]Issue(nil), issues...)
	key := func(is Issue) string {
		if is.Info.Date != "" {
			return is.Info.Date
		}
		return is.Info.AnalyzedAt[:min(10, len(is.Info.AnalyzedAt))]
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Info, out[j].Info
		if ka, kb := key(out[i]), key(out[j]); ka != kb {
			return ka < kb
		}
		if a.AnalyzedAt != b.AnalyzedAt {
			return a.AnalyzedAt < b.AnalyzedAt
		}
		return a.SHA256 < b.SHA256
	})
	return out
}

// View is the history seen from a report about the issues with the given
// SHA-256s (one issue, or the issues of a corpus): all issues in order,
// every formulation counted somewhere (the lexicon's in its order, then
// the others), and, for one issue, what no earlier issue had.
func View(issues []Issue, current []string, lex []analyze.Formulation) *analyze.History {
	ordered := order(issues)
	h := &analyze.History{}
	place := map[string]int{}
	for i, is := range ordered {
		h.Issues = append(h.Issues, is.Info)
		place[is.Info.SHA256] = i
	}
	for _, sha := range current {
		if i, ok := place[sha]; ok {
			h.Current = append(h.Current, i)
		}
	}
	sort.Ints(h.Current)

	// every phrase, with the theme it was last filed under
	type key struct{ theme, phrase string }
	counts := map[string][]int{}
	theme := map[string]string{}
	for i, is := range ordered {
		for _, f := range is.Formulations {
			c := counts[f.Phrase]
			if c == nil {
				c = make([]int, len(ordered))
				for j := range c {
					c[j] = -1
				}
				counts[f.Phrase] = c
			}
			c[i] = f.Count
			theme[f.Phrase] = f.Theme
		}
	}
	var phrases []key
	inLex := map[string]bool{}
	for _, f := range lex {
		inLex[f.Phrase] = true
		phrases = append(phrases, key{f.Theme, f.Phrase})
	}
	var others []key
	for p := range counts {
		if !inLex[p] {
			others = append(others, key{theme[p], p})
		}
	}
	sort.Slice(others, func(i, j int) bool {
		if others[i].theme != others[j].theme {
			return others[i].theme < others[j].theme
		}
		return others[i].phrase < others[j].phrase
	})
	for _, k := range append(phrases, others...) {
		c := counts[k.phrase]
		first := -1
		for i, n := range c {
			if n > 0 {
				first = i
				break
			}
		}
		if first < 0 {
			continue // counted nowhere
		}
		h.Phrases = append(h.Phrases, analyze.HistoryPhrase{Theme: k.theme, Phrase: k.phrase, Counts: c,
			FirstSeen: ordered[first].Info.Date, FirstIssue: first})
	}

	if len(h.Current) != 1 {
		return h
	}
	cur := h.Current[0]
	h.Earlier = cur
	if cur == 0 {
		return h
	}
	for _, p := range h.Phrases {
		if p.FirstIssue == cur {
			h.NewFormulations = append(h.NewFormulations, p.Phrase)
		}
	}
	seen := map[string]bool{}
	for _, is := range ordered[:cur] {
		for _, c := range is.Discovered {
			seen[strings.ToLower(c.Phrase)] = true
		}
	}
	h.NewCandidates = map[string]bool{}
	for _, c := range ordered[cur].Discovered {
		if k := strings.ToLower(c.Phrase); !seen[k] {
			h.NewCandidates[k] = true
		}
	}
	return h
}
