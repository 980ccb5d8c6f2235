package report

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze"
)

// withHistory is the reference result as the second of two issues of a
// history, so that the workbook writes Trends and "New this issue".
func withHistory(t *testing.T) *analyze.Result {
	res := analyzeReference(t)
	res.History = &analyze.History{
		Issues: []analyze.HistoryIssue{
			{Name: "earlier.txt", Title: "Earlier", Date: "2024-03-01", LastDate: "2024-03-01", Articles: 2, Tokens: 900, Mentions: 4},
			{Name: "two_sessions_2024.txt", Title: res.Issue.Title, Date: "2024-03-05", LastDate: "2024-03-07", Articles: 3, Tokens: 1526, Mentions: 101},
		},
		Phrases: []analyze.HistoryPhrase{
			{Theme: "Development", Phrase: "new quality productive forces", Counts: []int{2, 10}, FirstSeen: "2024-03-01"},
			{Theme: "Development", Phrase: "high-quality development", Counts: []int{-1, 3}, FirstSeen: "2024-03-05", FirstIssue: 1},
		},
		Current: []int{1}, Earlier: 1,
		NewFormulations: []string{"high-quality development"},
		NewCandidates:   map[string]bool{},
	}
	return res
}

// TestColumnsDeclared: every column of every table the package builds has
// a declared kind, so none reaches the workbook as text by default: the
// CSV tables (each row as long as its columns) and Structure, and every
// Excel table of the workbook, with and without a history.
func TestColumnsDeclared(t *testing.T) {
	res := analyzeReference(t)
	st, err := StructureSheetOf(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range append(Tables(res), st.Table) {
		if err := checkColumns(tb.Name, tb.Columns); err != nil {
			t.Error(err)
		}
		if err := tb.each(-1, func(i int, r []string) error {
			if len(r) != len(tb.Columns) {
				return fmt.Errorf("%s row %d has %d cells; want %d, one per column", tb.Name, i+1, len(r), len(tb.Columns))
			}
			return nil
		}); err != nil {
			t.Error(err)
		}
	}
	for _, tt := range []struct {
		name string
		res  *analyze.Result
		want string // the Excel tables written
	}{
		{"no history", res, "Byday Byvenue ChartData CooccurrenceMatrix CooccurrencePairs Discovered Keyness LexiconFormulations " +
			"LexiconIgnored LexiconStopwords LexiconVenues Mentions Structure SummaryTop SummaryWords Themes Trends"},
		{"history", withHistory(t), "Byday Byvenue ChartData CooccurrenceMatrix CooccurrencePairs Discovered Keyness LexiconFormulations " +
			"LexiconIgnored LexiconStopwords LexiconVenues Mentions Structure SummaryNew SummaryTop SummaryWords Themes TrendIssues Trends"},
	} {
		b := newBook(io.Discard, maxTextRows)
		if err := b.report(tt.res, Tables(tt.res), nil, Provenance{}, Look{}); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got []string
		for name, cols := range b.tables {
			got = append(got, name)
			if len(cols) == 0 {
				t.Errorf("%s: Excel table %s has no columns", tt.name, name)
			}
			if err := checkColumns(name, cols); err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
		}
		sort.Strings(got)
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: Excel tables %s; want %s", tt.name, g, tt.want)
		}
		b.f.Close()
	}
	if err := WriteTrendsWorkbook(io.Discard, withHistory(t).History, "history.sqlite", "test"); err != nil {
		t.Errorf("WriteTrendsWorkbook: %v", err)
	}
}

// TestUndeclaredKind: a column without a declared kind fails the workbook,
// streamed or small, rather than land in it as text.
func TestUndeclaredKind(t *testing.T) {
	res := analyzeReference(t)
	tables := Tables(res)
	i := slices.IndexFunc(tables, func(tb Table) bool { return tb.Name == keynessCSV })
	cols := slices.Clone(tables[i].Columns)
	cols = append(cols, Column{Name: "new_statistic"})
	tables[i].Columns = cols
	for r := range tables[i].Rows {
		tables[i].Rows[r] = append(slices.Clone(tables[i].Rows[r]), "1.5")
	}
	err := WriteWorkbook(io.Discard, nil, res, tables, nil, Provenance{}, Look{})
	if err == nil || !strings.Contains(err.Error(), `column "new_statistic" has no declared kind`) {
		t.Errorf("WriteWorkbook with an undeclared column: %v; want the column named", err)
	}
	b := newBook(io.Discard, maxTextRows)
	defer b.f.Close()
	if err := b.setup(res, Provenance{}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.table(SheetLexicon, 1, 1, "Small", []Column{{Name: "a", Kind: Text}, {Name: "b"}}, [][]any{{"x", 1}}); err == nil {
		t.Error("table with an undeclared column: no error")
	}
}
