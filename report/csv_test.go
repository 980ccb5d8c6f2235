package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze/analyzetest"

	"github.com/issuelens/analyze/analyze"
)

func analyzeReference(t testing.TB) *analyze.Result {
	return analyzetest.AnalyzeIssue(t, readReference(t))
}

func csvBytes(t *testing.T, tb Table) []byte {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, tb); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCSVGolden(t *testing.T) {
	res := analyzeReference(t)
	st, err := StructureSheetOf(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range append(Tables(res), st.Table) {
		golden(t, filepath.Join("../testdata/two_sessions_2024.golden/data", tb.Name), csvBytes(t, tb))
	}
}

func TestCSVHeaders(t *testing.T) {
	want := map[string]string{
		"articles.csv":      "article,date,venue,headline,paragraphs,sentences,tokens,captions,issue,lang",
		"mentions.csv":      "article,date,venue,part,paragraph,sentence,theme,phrase,matched,left,right,line,issue,zh,lang",
		"phrase_counts.csv": "date,venue,theme,phrase,count,tokens,per_1000,issue,characters,per_1000_characters,zh,lang",
		"themes.csv":        "date,venue,theme,count,tokens,per_1000",
		"cooccurrence.csv":  "scope,window,theme_a,theme_b,count,expected,pmi,npmi,llr,jaccard,article,paragraph,sentence,evidence",
		"discovered.csv":    "phrase,count,articles,score,measure,in_lexicon,example",
		"keyness.csv":       "group,phrase,count_target,count_reference,llr,log_ratio",
	}
	for _, tb := range Tables(analyzeReference(t)) {
		got := strings.Join(names(tb.Columns), ",")
		if !strings.HasPrefix(got, want[tb.Name]) {
			t.Errorf("%s header = %q; want it to start with %q", tb.Name, got, want[tb.Name])
		}
	}
}

// TestCSVConsistent reads the CSVs back: every phrase_counts row equals the
// number of its mentions rows, per_1000 is count/tokens×1000, theme rows add
// up their phrases, and nothing of the masthead or footer is in any table.
// columnsOf finds the named columns in a CSV header, in the order named.
func columnsOf(t *testing.T, header []string, names ...string) []int {
	t.Helper()
	var idx []int
	for _, n := range names {
		i := slices.Index(header, n)
		if i < 0 {
			t.Fatalf("no column %q in %v", n, header)
		}
		idx = append(idx, i)
	}
	return idx
}

func TestCSVConsistent(t *testing.T) {
	tables := map[string][][]string{}
	headers := map[string][]string{}
	for _, tb := range Tables(analyzeReference(t)) {
		rows, err := csv.NewReader(bytes.NewReader(csvBytes(t, tb))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", tb.Name, err)
		}
		tables[tb.Name], headers[tb.Name] = rows[1:], rows[0]
		for _, r := range rows {
			for _, cell := range r {
				for _, bad := range []string{"BEIJING REVIEW", "Beijing Review", "Copyright", "Partners:", "Advertise", "China Insight", "MONTHLY", "Related:"} {
					if strings.Contains(cell, bad) {
						t.Errorf("%s holds masthead/footer text %q in %q", tb.Name, bad, cell)
					}
				}
			}
		}
	}
	mentions := map[string]int{}
	m := columnsOf(t, headers["mentions.csv"], "date", "venue", "phrase", "issue", "zh", "lang")
	for _, r := range tables["mentions.csv"] {
		mentions[r[m[0]]+"|"+r[m[1]]+"|"+r[m[2]]+"|"+r[m[3]]]++
		if r[m[2]] == "high-quality development" && r[m[4]] != "高质量发展" || r[m[5]] != "en" {
			t.Errorf("mentions.csv: %q has zh %q and lang %q; want 高质量发展 and en", r[m[2]], r[m[4]], r[m[5]])
		}
	}
	byTheme := map[string]int{}
	total := 0
	pc := columnsOf(t, headers["phrase_counts.csv"], "date", "venue", "theme", "phrase", "count", "tokens", "per_1000", "issue", "characters", "lang")
	for _, r := range tables["phrase_counts.csv"] {
		date, venue, theme, phrase, count, tokens, rate, issue := r[pc[0]], r[pc[1]], r[pc[2]], r[pc[3]], r[pc[4]], r[pc[5]], r[pc[6]], r[pc[7]]
		if r[pc[8]] != "" || r[pc[9]] != "en" {
			t.Errorf("phrase_counts.csv: characters %q, lang %q in English; want none and en", r[pc[8]], r[pc[9]])
		}
		var c, n int
		fmt.Sscan(count, &c)
		fmt.Sscan(tokens, &n)
		if c != mentions[date+"|"+venue+"|"+phrase+"|"+issue] {
			t.Errorf("phrase_counts %s %s %q = %d; mentions.csv has %d rows", date, venue, phrase, c, mentions[date+"|"+venue+"|"+phrase+"|"+issue])
		}
		if want := fmt.Sprintf("%.2f", float64(c)/float64(n)*1000); rate != want {
			t.Errorf("per_1000 %s for %d/%d; want %s", rate, c, n, want)
		}
		byTheme[date+"|"+venue+"|"+theme] += c
		total += c
	}
	if total != len(tables["mentions.csv"]) {
		t.Errorf("phrase_counts add to %d; mentions.csv has %d rows", total, len(tables["mentions.csv"]))
	}
	for _, r := range tables["themes.csv"] {
		var c int
		fmt.Sscan(r[3], &c)
		if c != byTheme[r[0]+"|"+r[1]+"|"+r[2]] {
			t.Errorf("themes %v = %d; its phrases add to %d", r[:3], c, byTheme[r[0]+"|"+r[1]+"|"+r[2]])
		}
	}
	// 3 days × the 66 formulations that occur (zeros included)
	if n := len(tables["phrase_counts.csv"]); n%3 != 0 || n == 0 {
		t.Errorf("phrase_counts has %d rows; want every phrase for each of the 3 days", n)
	}
}

// TestCSVInjection: cells a spreadsheet would run as formulas get a
// leading quote (OWASP); numbers stay numbers.
func TestCSVInjection(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`=HYPERLINK("http://x","click")`, `'=HYPERLINK("http://x","click")`},
		{"+1+2", "'+1+2"}, {"-2+3", "'-2+3"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"--03-05", "'--03-05"}, {"-", "'-"}, {"+", "'+"},
		{"-0.52", "-0.52"}, {"+3", "+3"}, {"1e-05", "1e-05"}, {"-1.5E+3", "-1.5E+3"}, {"-.5", "-.5"},
		{"-1e", "'-1e"}, {"-1.2.3", "'-1.2.3"}, {"-Inf", "'-Inf"}, {"-0x1p-2", "'-0x1p-2"},
		{"new quality productive forces", "new quality productive forces"}, {"a=b", "a=b"},
	} {
		var b strings.Builder
		if err := WriteCSV(&b, Table{Columns: []Column{{Name: "h", Kind: Text}}, Rows: [][]string{{tt.in}}}); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
		if err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		if got := rows[1][0]; got != tt.want {
			t.Errorf("WriteCSV cell %q = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestDiscoveredCountNotes: where a lexicon phrase's count in
// discovered.csv differs from its mentions, the table says why. Read in
// the sample: "basic research" stands twice, once alone and once inside
// "applied basic research" (a mention of that one); "emerging industries"
// once alone and once inside "strategic emerging industries"; "industrial
// chains" is written twice and counted three times, the third time as
// "industrial and supply chains". Every other lexicon phrase agrees.
func TestDiscoveredCountNotes(t *testing.T) {
	tb := DiscoveredTable(analyzeReference(t))
	at, err := tb.order("phrase", "in_lexicon", "count", "mentions", "count_note")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range tb.Rows {
		if r[at[1]] == "new" || strings.HasPrefix(r[at[1]], "part of ") || strings.HasPrefix(r[at[1]], "holds ") {
			if r[at[3]] != "" || r[at[4]] != "" {
				t.Errorf("%q, not a lexicon entry: mentions %q, note %q; want both empty", r[at[0]], r[at[3]], r[at[4]])
			}
			continue
		}
		if r[at[2]] != r[at[3]] || r[at[4]] != "" {
			got[r[at[0]]] = r[at[2]] + " vs " + r[at[3]] + ": " + r[at[4]]
		}
	}
	want := map[string]string{
		"basic research":      "2 vs 1: 1 inside a longer formulation, a mention of that one",
		"emerging industries": "2 vs 1: 1 inside a longer formulation, a mention of that one",
		"industrial chains":   `2 vs 3: 1 mention written otherwise (a variant, or a coordination such as "industrial and supply chains")`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("differences:\n%v\nwant\n%v", got, want)
	}
}
