package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/issuelens/analyze/analyze"
)

// Table is a named table: the unit written as a CSV file and, later, as a
// workbook sheet, so both hold the same rows. Its rows are in Rows, in a
// Spool, or (a table with a row per article or mention) made from the
// result each time they are written, so that they are never all in memory.
type Table struct {
	Name    string   // file name under data/, e.g. "mentions.csv"
	Columns []Column // one per cell of a row
	Rows    [][]string
	Spool   *Spool // when not nil, the rows are here and not in Rows
	gen     *rowGen
}

// rowGen makes a table's rows as they are written: row appends the cells
// of row i to cells and returns them.
type rowGen struct {
	n   int
	row func(i int, cells []string) []string
}

// order gives the places of the named columns, in that order.
func (t Table) order(names ...string) ([]int, error) {
	at := make(map[string]int, len(t.Columns))
	for i, c := range t.Columns {
		at[c.Name] = i
	}
	out := make([]int, len(names))
	for n, name := range names {
		i, ok := at[name]
		if !ok {
			return nil, fmt.Errorf("table %s: no column %q", t.Name, name)
		}
		out[n] = i
	}
	return out, nil
}

// Names of the CSV tables the workbook shows.
const (
	coocCSV       = "cooccurrence.csv"
	discoveredCSV = "discovered.csv"
	keynessCSV    = "keyness.csv"
	mentionsCSV   = "mentions.csv"
)

// Tables returns the count tables of a result, in the order they are
// written. The articles and mentions tables make their rows from res as
// they are written, so res must not change until then.
func Tables(res *analyze.Result) []Table {
	out := []Table{ArticlesTable(res), MentionsTable(res), PhraseCountsTable(res), ThemesTable(res),
		CooccurrenceTable(res), DiscoveredTable(res), KeynessTable(res)}
	if len(res.Translation) > 0 {
		out = append(out, TranslationTable(res))
	}
	return out
}

// translationCSV is the Translation table's file name.
const translationCSV = "translation.csv"

// TranslationTable lines up a Chinese issue and its English translation
// formulation by formulation (Result.Translation): the count in each, the
// English wordings found ("reform and opening up (3); opening-up (1)"),
// and the formulations found in one and not the other.
func TranslationTable(res *analyze.Result) Table {
	t := Table{Name: translationCSV, Columns: []Column{
		{Name: "zh_issue", Kind: Text, Header: "Chinese issue"}, {Name: "en_issue", Kind: Text, Header: "English issue"},
		{Name: "date", Kind: Text, Header: "Date"}, {Name: "theme", Kind: Text, Header: "Theme"},
		{Name: "phrase", Kind: Text, Header: "Formulation"}, {Name: "zh", Kind: Text, Header: "Chinese"},
		{Name: "count_zh", Kind: Int, Header: "Count in Chinese"}, {Name: "count_en", Kind: Int, Header: "Count in English"},
		{Name: "english_renderings", Kind: Long, Header: "English renderings"}, {Name: "drift", Kind: Text, Header: "Drift"},
	}}
	for _, r := range res.Translation {
		var rs []string
		for _, x := range r.Renderings {
			rs = append(rs, fmt.Sprintf("%s (%d)", x.Text, x.Count))
		}
		t.Rows = append(t.Rows, []string{r.Pair.ZH, r.Pair.EN, r.Date, r.Theme, r.Phrase, r.ZH, itoa(r.CountZH), itoa(r.CountEN),
			strings.Join(rs, "; "), r.Drift})
	}
	return t
}

// WriteCSV writes a table as UTF-8 CSV (RFC 4180, header first). A cell
// that a spreadsheet would run as a formula is neutralised (see safeCell).
func WriteCSV(w io.Writer, t Table) error {
	cw := csv.NewWriter(w)
	var out []string
	write := func(row []string) error {
		out = out[:0]
		for _, c := range row {
			out = append(out, safeCell(c))
		}
		return cw.Write(out)
	}
	if err := write(names(t.Columns)); err != nil {
		return err
	}
	if err := t.each(-1, func(_ int, row []string) error { return write(row) }); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// safeCell guards against CSV injection as OWASP advises: a cell that
// starts with =, +, -, @, a tab or a carriage return is what Excel and
// LibreOffice run as a formula when the CSV is opened, so it gets a
// leading single quote (text that starts so, such as "=HYPERLINK(…)"
// copied from a page, or an undated day "--03-05"). Numbers ("-0.52",
// "+3", "1e-05") stay as they are, so they stay numbers.
func safeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return "'" + s
	case '+', '-':
		if isNumber(s) {
			return s
		}
		return "'" + s
	}
	return s
}

// isNumber is whether s is a plain decimal number: an optional sign,
// digits with at most one point, an optional exponent.
func isNumber(s string) bool {
	s = strings.TrimLeft(s[:min(1, len(s))], "+-") + s[min(1, len(s)):]
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	whole, frac, _ := strings.Cut(mant, ".")
	if whole+frac == "" || !allDigits(whole) || !allDigits(frac) {
		return false
	}
	if hasExp {
		exp = strings.TrimLeft(exp[:min(1, len(exp))], "+-") + exp[min(1, len(exp)):]
		return exp != "" && allDigits(exp)
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func itoa(n int) string { return strconv.Itoa(n) }

// per1000 is count per 1,000 tokens, two decimals; empty when there are no tokens.
func per1000(count, tokens int) string {
	if v, ok := analyze.Rate(count, tokens); ok {
		return fmt.Sprintf("%.2f", v)
	}
	return ""
}

// ArticlesTable lists the articles with their sizes. Its rows are made as
// they are written.
func ArticlesTable(res *analyze.Result) Table {
	first := res.FirstFormulations()
	return Table{Name: "articles.csv", Columns: []Column{
		{Name: "article", Kind: Int}, {Name: "date", Kind: Text}, {Name: "venue", Kind: Text}, {Name: "headline", Kind: Text},
		{Name: "paragraphs", Kind: Int}, {Name: "sentences", Kind: Int}, {Name: "tokens", Kind: Int}, {Name: "captions", Kind: Int},
		{Name: "issue", Kind: Text}, {Name: "lang", Kind: Text}, {Name: "first_formulation", Kind: Text},
	}, gen: &rowGen{n: len(res.Articles), row: func(i int, cells []string) []string {
		a := &res.Articles[i]
		return append(cells, itoa(a.N), a.Date.String(), a.Venue, a.Headline, itoa(a.Paragraphs), itoa(a.Sentences), itoa(a.Tokens), itoa(a.Captions), a.Issue,
			res.LangOf(a.Issue), first[analyze.ArticleRef{Issue: a.Issue, Article: a.N}])
	}}}
}

// MentionsTable lists every counted mention as a KWIC line. Its rows are
// made as they are written: row r is res.Mentions[r].
func MentionsTable(res *analyze.Result) Table {
	return Table{Name: mentionsCSV, Columns: []Column{
		{Name: "article", Kind: Int, Header: "Article"}, {Name: "date", Kind: Text, Header: "Date"},
		{Name: "venue", Kind: Text, Header: "Venue"}, {Name: "part", Kind: Text, Header: "Part"},
		{Name: "paragraph", Kind: Int, Header: "Paragraph"}, {Name: "sentence", Kind: Int, Header: "Sentence"},
		{Name: "theme", Kind: Text, Header: "Theme"}, {Name: "phrase", Kind: Text, Header: "Formulation"},
		{Name: "matched", Kind: Text, Header: "Match"}, {Name: "left", Kind: Right, Header: "Context before"},
		{Name: "right", Kind: Text, Header: "Context after"}, {Name: "line", Kind: Int, Header: "Source line"},
		{Name: "issue", Kind: Text, Header: "Issue"}, {Name: "zh", Kind: Text, Header: "Chinese"}, {Name: "lang", Kind: Text, Header: "Language"},
		{Name: "position", Kind: Text, Header: "Position"}, {Name: "rank", Kind: Int, Header: "Rank in its article"},
		{Name: "weight", Kind: Text, Header: "Prominence weight"},
	}, gen: &rowGen{n: len(res.Mentions), row: func(i int, cells []string) []string {
		m := &res.Mentions[i]
		pos := m.Position()
		return append(cells, itoa(m.Article), m.Date.String(), m.Venue, m.Part, itoa(m.Paragraph), itoa(m.Sentence),
			m.Theme, m.Phrase, m.Matched, m.Left, m.Right, itoa(m.Line), m.Issue, res.Formulations[m.Form].ZH, res.LangOf(m.Issue),
			pos, itoa(m.Rank), weight(res.Options.Weights.Of(pos)))
	}}}
}

// weight writes a prominence weight or weighted count: as few decimals
// as it needs, at most two.
func weight(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// PhraseCountsTable gives, for every day and venue, the count of every
// formulation that occurs anywhere in the issue (zeros included), per
// 1,000 word tokens and, for Chinese, per 1,000 characters. Columns added
// since the first release (characters, zh, lang) stand at the end, so
// that a sheet that reads the columns by place still reads them.
func PhraseCountsTable(res *analyze.Result) Table {
	t := Table{Name: "phrase_counts.csv", Columns: []Column{
		{Name: "date", Kind: Text}, {Name: "venue", Kind: Text}, {Name: "theme", Kind: Text}, {Name: "phrase", Kind: Text},
		{Name: "count", Kind: Int}, {Name: "tokens", Kind: Int}, {Name: "per_1000", Kind: Dec1}, {Name: "issue", Kind: Text},
		{Name: "characters", Kind: Int}, {Name: "per_1000_characters", Kind: Dec1}, {Name: "zh", Kind: Text}, {Name: "lang", Kind: Text},
		{Name: "weighted", Kind: Text},
	}}
	type groupForm struct {
		k    analyze.GroupKey
		form int
	}
	weighted := map[groupForm]float64{}
	for _, m := range res.Mentions {
		weighted[groupForm{analyze.GroupKey{Date: m.Date.String(), Venue: m.Venue, Issue: m.Issue}, m.Form}] += res.Options.Weights.Of(m.Position())
	}
	c := res.Counts
	for _, k := range c.Groups {
		tokens, chars := c.Tokens[k], c.Chars[k]
		lang := res.LangOf(k.Issue)
		charCell := "" // English has words, not characters, as its denominator
		if chars > 0 {
			charCell = itoa(chars)
		}
		for _, f := range res.Formulations {
			if c.Total(f.ID) == 0 {
				continue
			}
			n := c.Count(k, f.ID)
			t.Rows = append(t.Rows, []string{k.Date, k.Venue, f.Theme, f.Phrase, itoa(n), itoa(tokens), per1000(n, tokens), k.Issue,
				charCell, per1000(n, chars), f.ZH, lang, weight(weighted[groupForm{k, f.ID}])})
		}
	}
	return t
}

// ThemesTable gives, for every day and venue, the mentions of every theme.
func ThemesTable(res *analyze.Result) Table {
	t := Table{Name: "themes.csv", Columns: []Column{
		{Name: "date", Kind: Text}, {Name: "venue", Kind: Text}, {Name: "theme", Kind: Text},
		{Name: "count", Kind: Int}, {Name: "tokens", Kind: Int}, {Name: "per_1000", Kind: Dec1}, {Name: "issue", Kind: Text},
	}}
	c := res.Counts
	for _, k := range c.Groups {
		tokens := c.Tokens[k]
		byTheme := map[string]int{}
		for _, f := range res.Formulations {
			byTheme[f.Theme] += c.Count(k, f.ID)
		}
		for _, th := range res.Themes {
			t.Rows = append(t.Rows, []string{k.Date, k.Venue, th, itoa(byTheme[th]), itoa(tokens), per1000(byTheme[th], tokens), k.Issue})
		}
	}
	return t
}

// f3 formats a measure with three decimals.
func f3(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }

// CooccurrenceTable gives every pair of themes in every scope and window.
func CooccurrenceTable(res *analyze.Result) Table {
	t := Table{Name: coocCSV, Columns: []Column{
		{Name: "scope", Kind: Text, Header: "Scope"}, {Name: "window", Kind: Text, Header: "Window"},
		{Name: "theme_a", Kind: Text, Header: "Theme A"}, {Name: "theme_b", Kind: Text, Header: "Theme B"},
		{Name: "count", Kind: Int, Header: "Windows with both"}, {Name: "expected", Kind: Dec3, Header: "Expected"},
		{Name: "pmi", Kind: Dec3, Header: "PMI"}, {Name: "npmi", Kind: Dec3, Header: "NPMI"},
		{Name: "llr", Kind: Dec3, Header: "G²"}, {Name: "jaccard", Kind: Dec3, Header: "Jaccard"},
		{Name: "article", Kind: Int, Header: "Article"}, {Name: "paragraph", Kind: Int, Header: "Paragraph"},
		{Name: "sentence", Kind: Int, Header: "Sentence"}, {Name: "evidence", Kind: Long, Header: "Evidence: the first window with both"},
		{Name: "part", Kind: Text, Header: "Part"}, {Name: "windows_a", Kind: Int, Header: "Windows with A"},
		{Name: "windows_b", Kind: Int, Header: "Windows with B"}, {Name: "windows", Kind: Int, Header: "Windows"},
		{Name: "issue", Kind: Text, Header: "Issue"}, {Name: "note", Kind: Text, Header: "Why a measure is empty"},
	}}
	for _, p := range res.Pairs {
		pmi, npmi := "", ""
		if p.PMIDefined {
			pmi = f3(p.PMI)
		}
		if p.NPMIDefined {
			npmi = f3(p.NPMI)
		}
		row := []string{p.Scope, p.Window, p.A, p.B, itoa(p.Count), f3(p.Expected), pmi, npmi, f3(p.LLR), f3(p.Jaccard)}
		if ev := p.Evidence; ev != nil {
			sentence := ""
			if ev.Sentence > 0 {
				sentence = itoa(ev.Sentence)
			}
			row = append(row, itoa(ev.Article), itoa(ev.Paragraph), sentence, ev.Text, ev.Part)
		} else {
			row = append(row, "", "", "", "", "")
		}
		row = append(row, itoa(p.WindowsA), itoa(p.WindowsB), itoa(p.Windows))
		if ev := p.Evidence; ev != nil {
			row = append(row, ev.Issue)
		} else {
			row = append(row, "")
		}
		t.Rows = append(t.Rows, append(row, p.Note))
	}
	return t
}

// DiscoveredTable lists candidate new formulations, best first.
func DiscoveredTable(res *analyze.Result) Table {
	t := Table{Name: discoveredCSV, Columns: []Column{
		{Name: "phrase", Kind: Text, Header: "Phrase"}, {Name: "count", Kind: Int, Header: "Count"},
		{Name: "articles", Kind: Int, Header: "Articles"}, {Name: "score", Kind: Dec3, Header: "Score"},
		{Name: "measure", Kind: Text, Header: "Measure"}, {Name: "in_lexicon", Kind: Text, Header: "In lexicon"},
		{Name: "example", Kind: Long, Header: "Example"}, {Name: "example_issue", Kind: Text, Header: "Example's issue"},
		{Name: "example_article", Kind: Text, Header: "Example's article"}, // written as text so far; Int would change the workbook
		{Name: "new_this_issue", Kind: Text, Header: "New this issue"},
		{Name: "mentions", Kind: Text, Header: "Mentions of the formulation"}, {Name: "count_note", Kind: Text, Header: "Why count and mentions differ"},
	}}
	mentions := map[string]int{}
	for _, f := range res.Formulations {
		mentions[f.Phrase] = res.Counts.Total(f.ID)
	}
	for _, c := range res.Discovered {
		in, n, note := c.InLexicon, "", ""
		switch {
		case in == "" && c.PartOf != "":
			in = c.PartOf
		case in == "":
			in = "new"
		default:
			n, note = itoa(mentions[c.InLexicon]), countNote(c, mentions[c.InLexicon])
		}
		t.Rows = append(t.Rows, []string{c.Phrase, itoa(c.Count), itoa(c.Articles), f3(c.Score), c.Measure, in, c.Example.Text, c.Example.Issue, itoa(c.Example.Article), newThisIssue(res, c.Phrase), n, note})
	}
	return t
}

// countNote says why a discovered lexicon phrase's count (its occurrences
// as written) and its formulation's mentions differ; "" when they do not.
func countNote(c analyze.Candidate, mentions int) string {
	if c.Count == mentions {
		return ""
	}
	var parts []string
	if inside := c.Count - c.Whole - c.Free; inside > 0 {
		parts = append(parts, fmt.Sprintf("%d inside a longer formulation, a mention of that one", inside))
	}
	if c.Free > 0 {
		parts = append(parts, fmt.Sprintf("%d where no mention is counted (a caption, or a span the lexicon ignores)", c.Free))
	}
	if other := mentions - c.Whole; other > 0 {
		parts = append(parts, fmt.Sprintf("%s written otherwise (a variant, or a coordination such as \"industrial and supply chains\")", plural(other, "mention")))
	}
	return strings.Join(parts, "; ")
}

// newThisIssue says whether a discovered phrase was a candidate of no
// earlier issue of the history: "yes" or "no", or "" when there is no
// earlier issue to compare with (no history, the first issue, a corpus).
func newThisIssue(res *analyze.Result, phrase string) string {
	h := res.History
	if h == nil || h.Earlier == 0 || len(h.Current) != 1 {
		return ""
	}
	if h.NewCandidates[strings.ToLower(phrase)] {
		return "yes"
	}
	return "no"
}

// KeynessTable lists, for each day and venue, the words and lexicon
// phrases that set it apart from the rest of the issue.
func KeynessTable(res *analyze.Result) Table {
	t := Table{Name: keynessCSV, Columns: []Column{
		{Name: "group", Kind: Text, Header: "Target (against the rest)"}, {Name: "phrase", Kind: Text, Header: "Word or formulation"},
		{Name: "count_target", Kind: Int, Header: "Target count"}, {Name: "count_reference", Kind: Int, Header: "Reference count"},
		{Name: "llr", Kind: Dec3, Header: "G²"}, {Name: "log_ratio", Kind: Dec3, Header: "Log ratio"}, {Name: "kind", Kind: Text, Header: "Kind"},
		{Name: "tokens_target", Kind: Int, Header: "Target tokens"}, {Name: "tokens_reference", Kind: Int, Header: "Reference tokens"},
		{Name: "p_value", Kind: PValue, Header: "p-value"}, {Name: "expected_below_5", Kind: Text, Header: "Expected < 5"},
	}}
	for _, k := range res.Keyness {
		low := "no"
		if k.LowExpected {
			low = "yes"
		}
		t.Rows = append(t.Rows, []string{k.Group, k.Item, itoa(k.Target), itoa(k.Reference), f3(k.LLR), f3(k.LogRatio),
			k.Kind, itoa(k.TargetTokens), itoa(k.ReferenceTokens), strconv.FormatFloat(k.P, 'g', 3, 64), low})
	}
	return t
}
