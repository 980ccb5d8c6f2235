package history

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/issuelens/analyze/analyze"
)

// Issue is what the store keeps of one analysed issue.
type Issue struct {
	Info          analyze.HistoryIssue
	Publication   string
	Lexicon       string // lexicon name
	LexiconSHA256 string
	Version       string // of analyze

	Articles     []Article
	Counts       []ArticleCount // non-zero only
	Formulations []Formulation  // every formulation of its lexicon, in lexicon order
	Themes       []ThemeCount
	Pairs        []Pair
	Discovered   []Candidate
	Modifiers    []analyze.ModifierCount // the words before its formulations' mentions
	Lists        []analyze.ListCount     // the lists of formulations it sets out
	Words        map[string]int          // its words (Result.WordTotals); not loaded by Load (see WordTotals)
}

// Article is one article of a stored issue.
type Article struct {
	N                     int
	Date, Venue, Headline string
	Tokens                int
}

// ArticleCount is how often an article mentions a formulation.
type ArticleCount struct {
	Article       int
	Theme, Phrase string
	Count         int
}

// Formulation is an issue's count of one formulation of its lexicon.
type Formulation struct {
	Theme, Phrase, Zh string
	Count             int
}

// ThemeCount is an issue's mentions of one theme.
type ThemeCount struct {
	Theme string
	Count int
}

// Pair is the co-occurrence of two themes over a whole issue.
type Pair struct {
	Window   string
	A, B     string
	Count    int
	Expected float64
	NPMI     float64 // NaN when Count is 0 or a theme is absent
}

// Candidate is one discovered phrase of an issue.
type Candidate struct {
	Phrase    string
	Count     int
	Articles  int
	Score     float64
	InLexicon string
}

// FromResult is what the store keeps of an analysed issue: sha256 is of
// its bytes, series the one it belongs to (see SeriesOf), version the
// tool's, at when it was analysed.
func FromResult(sha256 string, res *analyze.Result, series, version string, at time.Time) Issue {
	iss := res.Issue
	lang := iss.Language
	if lang == "" {
		lang = "en"
	}
	is := Issue{Info: analyze.HistoryIssue{SHA256: sha256, Name: iss.Name, Title: iss.Title, Series: series, Lang: lang,
		Mentions: len(res.Mentions), Articles: len(res.Articles), AnalyzedAt: at.UTC().Format(time.RFC3339)},
		Publication: iss.Publication, Version: version}
	info := &is.Info
	if res.Lexicon != nil {
		is.Lexicon = res.Lexicon.Name
		var sums []string
		for _, src := range res.Lexicon.Sources {
			sums = append(sums, src.SHA256)
		}
		is.LexiconSHA256 = strings.Join(sums, "+")
	}
	for _, a := range res.Articles {
		d := a.Date.String()
		if d != "" && !strings.HasPrefix(d, "--") {
			if info.Date == "" || d < info.Date {
				info.Date = d
			}
			if d > info.LastDate {
				info.LastDate = d
			}
		}
		info.Tokens += a.Tokens
		is.Articles = append(is.Articles, Article{N: a.N, Date: d, Venue: a.Venue, Headline: a.Headline, Tokens: a.Tokens})
	}
	per := map[[2]int]int{} // article, formulation → mentions
	for _, m := range res.Mentions {
		per[[2]int{m.Article, m.Form}]++
	}
	keys := make([][2]int, 0, len(per))
	for k := range per {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	byID := map[int]analyze.Formulation{}
	for _, f := range res.Formulations {
		byID[f.ID] = f
	}
	for _, k := range keys {
		f := byID[k[1]]
		is.Counts = append(is.Counts, ArticleCount{Article: k[0], Theme: f.Theme, Phrase: f.Phrase, Count: per[k]})
	}
	themes := map[string]int{}
	for _, f := range res.Formulations {
		n := res.Counts.Total(f.ID)
		is.Formulations = append(is.Formulations, Formulation{Theme: f.Theme, Phrase: f.Phrase, Zh: f.ZH, Count: n})
		themes[f.Theme] += n
	}
	for _, th := range res.Themes {
		is.Themes = append(is.Themes, ThemeCount{Theme: th, Count: themes[th]})
	}
	for _, p := range res.Pairs {
		if p.Scope == analyze.ScopeIssue {
			is.Pairs = append(is.Pairs, Pair{Window: p.Window, A: p.A, B: p.B, Count: p.Count, Expected: p.Expected, NPMI: npmiOrNaN(p)})
		}
	}
	is.Modifiers = res.Modifiers()
	is.Lists = res.ListCounts()
	is.Words = res.WordTotals
	for _, c := range res.Discovered {
		is.Discovered = append(is.Discovered, Candidate{Phrase: c.Phrase, Count: c.Count, Articles: c.Articles, Score: c.Score, InLexicon: c.InLexicon})
	}
	return is
}

// Record stores the issues of one run in one transaction: an issue
// already in the store (the same SHA-256) has its rows replaced, so a
// re-run counts nothing twice. The run's id (when not "") is kept with
// them, so HasRun tells later whether the transaction committed. On any
// error nothing is changed.
func (s *Store) Record(ctx context.Context, run string, issues []Issue) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(s.path, err)
	}
	defer tx.Rollback()
	if run != "" {
		if _, err := tx.ExecContext(ctx, `INSERT INTO runs VALUES (?, ?)`, run, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return classify(s.path, err)
		}
	}
	// each insert is prepared once for the run (a Chinese report's words
	// are thousands of rows, and SQLite parsed each statement anew)
	inserts := 0
	stmts := map[string]*sql.Stmt{}
	exec := func(query string, args ...any) (sql.Result, error) {
		if s.failAfter > 0 && inserts == s.failAfter {
			return nil, errors.New("stopped for a test")
		}
		inserts++
		st, ok := stmts[query]
		if !ok {
			var err error
			if st, err = tx.PrepareContext(ctx, query); err != nil {
				return nil, err
			}
			stmts[query] = st // closed with the transaction
		}
		return st.ExecContext(ctx, args...)
	}
	for _, is := range issues {
		in := is.Info
		if _, err := tx.ExecContext(ctx, `DELETE FROM issues WHERE sha256 = ?`, in.SHA256); err != nil {
			return classify(s.path, err)
		}
		r, err := exec(`INSERT INTO issues (sha256, name, title, publication, first_date, last_date, articles, tokens,
			mentions, lexicon, lexicon_sha256, tool_version, analyzed_at, series, lang) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			in.SHA256, in.Name, in.Title, is.Publication, in.Date, in.LastDate, in.Articles, in.Tokens,
			in.Mentions, is.Lexicon, is.LexiconSHA256, is.Version, in.AnalyzedAt, in.Series, in.Lang)
		if err != nil {
			return classify(s.path, err)
		}
		id, err := r.LastInsertId()
		if err != nil {
			return classify(s.path, err)
		}
		for _, a := range is.Articles {
			if _, err := exec(`INSERT INTO articles VALUES (?,?,?,?,?,?)`, id, a.N, a.Date, a.Venue, a.Headline, a.Tokens); err != nil {
				return classify(s.path, err)
			}
		}
		for _, c := range is.Counts {
			if _, err := exec(`INSERT INTO article_counts VALUES (?,?,?,?,?)`, id, c.Article, c.Theme, c.Phrase, c.Count); err != nil {
				return classify(s.path, err)
			}
		}
		for _, f := range is.Formulations {
			if _, err := exec(`INSERT INTO formulation_counts VALUES (?,?,?,?,?)`, id, f.Theme, f.Phrase, f.Zh, f.Count); err != nil {
				return classify(s.path, err)
			}
		}
		for _, t := range is.Themes {
			if _, err := exec(`INSERT INTO theme_counts VALUES (?,?,?)`, id, t.Theme, t.Count); err != nil {
				return classify(s.path, err)
			}
		}
		for _, p := range is.Pairs {
			var npmi any = p.NPMI
			if p.Count == 0 || p.NPMI != p.NPMI {
				npmi = nil
			}
			if _, err := exec(`INSERT INTO cooccurrence VALUES (?,?,?,?,?,?,?)`, id, p.Window, p.A, p.B, p.Count, p.Expected, npmi); err != nil {
				return classify(s.path, err)
			}
		}
		for _, m := range is.Modifiers {
			if _, err := exec(`INSERT INTO modifiers VALUES (?,?,?,?)`, id, m.Phrase, m.Modifier, m.Count); err != nil {
				return classify(s.path, err)
			}
		}
		for _, l := range is.Lists {
			if _, err := exec(`INSERT INTO set_lists VALUES (?,?,?)`, id, strings.Join(l.Items, "\t"), l.Count); err != nil {
				return classify(s.path, err)
			}
		}
		words := make([]string, 0, len(is.Words))
		for w := range is.Words {
			words = append(words, w)
		}
		sort.Strings(words)
		for _, w := range words {
			if _, err := exec(`INSERT INTO word_counts VALUES (?,?,?)`, id, w, is.Words[w]); err != nil {
				return classify(s.path, err)
			}
		}
		seen := map[string]bool{}
		for _, c := range is.Discovered {
			key := strings.ToLower(c.Phrase)
			if seen[key] {
				continue // two spellings of one phrase: the better-ranked stays
			}
			seen[key] = true
			if _, err := exec(`INSERT INTO discovered VALUES (?,?,?,?,?,?,?)`, id, c.Phrase, key, c.Count, c.Articles, c.Score, c.InLexicon); err != nil {
				return classify(s.path, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return classify(s.path, err)
	}
	return nil
}

// HasRun reports whether the run with that id recorded its issues.
func (s *Store) HasRun(ctx context.Context, run string) (bool, error) {
	var n int
	if err := s.read(func() error {
		return s.db.QueryRowContext(ctx, `SELECT count(*) FROM runs WHERE id = ?`, run).Scan(&n)
	}); err != nil {
		return false, classify(s.path, err)
	}
	return n > 0, nil
}

// npmiOrNaN is a pair's NPMI, NaN where it is undefined.
func npmiOrNaN(p analyze.PairStat) float64 {
	if !p.NPMIDefined {
		return math.NaN()
	}
	return p.NPMI
}

// WordTotals adds up the words kept of the issues with the given
// SHA-256s; nil when one of them has none (kept before words were).
func (s *Store) WordTotals(ctx context.Context, shas []string) (map[string]int, error) {
	out := map[string]int{}
	if len(shas) == 0 {
		return out, nil
	}
	in := `(?` + strings.Repeat(",?", len(shas)-1) + `)`
	args := make([]any, len(shas))
	for i, sha := range shas {
		args[i] = sha
	}
	var with int
	if err := s.db.QueryRowContext(ctx, `SELECT count(DISTINCT w.issue_id) FROM word_counts w JOIN issues i ON i.id = w.issue_id WHERE i.sha256 IN `+in,
		args...).Scan(&with); err != nil {
		return nil, classify(s.path, err)
	}
	if with < len(shas) {
		return nil, nil
	}
	err := s.each(ctx, `SELECT w.word, SUM(w.count) FROM word_counts w JOIN issues i ON i.id = w.issue_id WHERE i.sha256 IN `+in+
		` GROUP BY w.word`, func(rows *sql.Rows) error {
		var w string
		var n int
		err := rows.Scan(&w, &n)
		out[w] = n
		return err
	}, args...)
	if err != nil {
		return nil, err
	}
	return out, nil
}
