package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze"
	"github.com/xuri/excelize/v2"
)

// wholeArticles and wholeMentions are the articles and mentions tables
// with every row made up front, as the tables were before their rows were
// made as they are written; computed here from the result on their own.
func wholeArticles(res *analyze.Result) Table {
	t := ArticlesTable(res)
	t.gen = nil
	first := res.FirstFormulations()
	for _, a := range res.Articles {
		t.Rows = append(t.Rows, []string{fmt.Sprint(a.N), a.Date.String(), a.Venue, a.Headline, fmt.Sprint(a.Paragraphs),
			fmt.Sprint(a.Sentences), fmt.Sprint(a.Tokens), fmt.Sprint(a.Captions), a.Issue, "en", first[analyze.ArticleRef{Issue: a.Issue, Article: a.N}]})
	}
	return t
}

func wholeMentions(res *analyze.Result) Table {
	t := MentionsTable(res)
	t.gen = nil
	for _, m := range res.Mentions {
		t.Rows = append(t.Rows, []string{fmt.Sprint(m.Article), m.Date.String(), m.Venue, m.Part, fmt.Sprint(m.Paragraph),
			fmt.Sprint(m.Sentence), m.Theme, m.Phrase, m.Matched, m.Left, m.Right, fmt.Sprint(m.Line), m.Issue, res.Formulations[m.Form].ZH, "en",
			m.Position(), fmt.Sprint(m.Rank), fmt.Sprint(res.Options.Weights.Of(m.Position()))})
	}
	return t
}

// TestTablesMadeAsWritten: the articles and mentions tables, whose rows
// are made as they are written, give the CSV and the workbook that the
// same rows made up front give; the workbook's parts waiting in a scratch
// file give the bytes of the parts waiting in memory; and the Mentions
// sheet read back holds the rows.
func TestTablesMadeAsWritten(t *testing.T) {
	res := analyzeReference(t)
	made := Tables(res)
	whole := slices.Clone(made)
	for i, tb := range made {
		switch tb.Name {
		case "articles.csv":
			whole[i] = wholeArticles(res)
		case mentionsCSV:
			whole[i] = wholeMentions(res)
		}
		if tb.Len() != whole[i].Len() {
			t.Errorf("%s: %d rows; want %d", tb.Name, tb.Len(), whole[i].Len())
		}
		got, want := strings.Split(string(csvBytes(t, tb)), "\n"), strings.Split(string(csvBytes(t, whole[i])), "\n")
		if !slices.Equal(got, want) {
			n := 0
			for n < min(len(got), len(want))-1 && got[n] == want[n] {
				n++
			}
			t.Errorf("%s made as written, line %d = %q; want %q", tb.Name, n+1, got[n], want[n])
		}
	}
	if n := whole[1].Len(); n != 101 || whole[0].Len() != 3 {
		t.Fatalf("sample: %d articles, %d mentions; want 3 and 101", whole[0].Len(), n)
	}
	write := func(tables []Table, scratch io.ReadWriteSeeker) []byte {
		var buf bytes.Buffer
		if err := WriteWorkbook(&buf, scratch, res, tables, nil, Provenance{Input: "two_sessions_2024.txt", Version: "test"}, Look{}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	inMemory := write(made, nil)
	if !bytes.Equal(inMemory, write(whole, nil)) {
		t.Error("workbook of the tables made as written differs from the one of the rows made up front")
	}
	got := write(made, spoolFile(t))
	if !bytes.Equal(got, inMemory) {
		t.Error("workbook written through a scratch file differs from the one written in memory")
	}
	f, err := excelize.OpenReader(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetMentions)
	if err != nil || len(rows) != 1+len(whole[1].Rows) {
		t.Fatalf("Mentions: %d rows (%v); want a header and %d", len(rows), err, len(whole[1].Rows))
	}
	for i, r := range whole[1].Rows {
		// the sheet's columns: date, formulation and the line in context
		// (left, matched, right), then where it stands, then the link
		want := strings.Join([]string{r[1], r[7], r[9], r[8], r[10], r[2], r[6], r[0], r[3], r[15], r[16], r[17], r[4], r[5], r[11], r[13], r[12], r[14]}, "|")
		if g := strings.Join(rows[i+1][:18], "|"); g != want {
			t.Errorf("Mentions row %d = %s; want %s", i+2, g, want)
		}
	}
}

// TestSortedZipOneEntryAtATime: an entry written to after the next one
// began is an error, not a corrupt zip.
func TestSortedZipOneEntryAtATime(t *testing.T) {
	z := newSortedZip(io.Discard, spoolFile(t))
	a, err := z.Create("a.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := z.Create("b.xml"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Write([]byte("<a/>")); err == nil || !strings.Contains(err.Error(), "a.xml written after the next entry began") {
		t.Errorf("write to a.xml after b.xml began: %v; want an error naming a.xml", err)
	}
}

// manyArticles is a result of n articles and a mention in each, for the
// benchmarks.
func manyArticles(n int) *analyze.Result {
	res := &analyze.Result{}
	for i := range n {
		res.Articles = append(res.Articles, analyze.ArticleStats{Issue: "many.txt", N: i + 1, Venue: "Xinhua",
			Headline: fmt.Sprintf("Headline of article %d", i+1), Paragraphs: 4, Sentences: 9, Tokens: 180})
		res.Mentions = append(res.Mentions, analyze.Mention{Issue: "many.txt", Article: i + 1, Part: analyze.PartBody,
			Paragraph: 2, Sentence: 1, Line: 3 * i, Theme: "Development", Phrase: "high-quality development",
			Matched: "high-quality development", Left: "words before the phrase", Right: "and words after it"})
	}
	return res
}

// BenchmarkArticlesCSV writes the articles table of 100,000 articles
// (go test -bench ArticlesCSV -benchmem: the bytes allocated are for the
// rows as they are written, none of them kept).
func BenchmarkArticlesCSV(b *testing.B) {
	res := manyArticles(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteCSV(io.Discard, ArticlesTable(res)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMentionsCSV writes the mentions table of 100,000 mentions.
func BenchmarkMentionsCSV(b *testing.B) {
	res := manyArticles(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteCSV(io.Discard, MentionsTable(res)); err != nil {
			b.Fatal(err)
		}
	}
}
