//go:build !race

// Tests over the whole public corpus that the race detector makes slow:
// the race run of `make test` leaves them out and its second pass runs
// every test of a large_test.go once without it. Streaming with several
// goroutines stays under the race detector in TestAnalyzeStreamStops and
// TestLongArticleInPieces.

package analyze

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/internal/testfiles"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestAnalyzeStreamMatchesAnalyze: analysing while reading gives what
// reading the whole issue and then analysing gives, on the sample issue
// and the public corpus; articles reach each in order.
func TestAnalyzeStreamMatchesAnalyze(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	az, err := NewAnalyzer(lex)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := NewReader(VenuesOf(lex))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{referencePath, corpus(t)} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (../shared must stand beside the repository)", err)
		}
		iss, err := rd.Read(bytes.NewReader(data), path)
		if err != nil {
			t.Fatal(err)
		}
		want, err := az.Analyze(iss, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var seen []*Article
		got, err := az.AnalyzeStream(context.Background(), rd, bytes.NewReader(data), path, Options{}, func(a *Article) error {
			seen = append(seen, a)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(seen) != len(iss.Articles) {
			t.Fatalf("%s: each saw %d articles; want %d", path, len(seen), len(iss.Articles))
		}
		for i, a := range seen {
			if !reflect.DeepEqual(*a, iss.Articles[i]) {
				t.Fatalf("%s: article %d as streamed differs from the one read", path, i+1)
			}
		}
		if len(got.Issue.Articles) != 0 {
			t.Errorf("%s: streamed result holds %d articles; want none", path, len(got.Issue.Articles))
		}
		wantIss := *iss
		wantIss.Articles = nil
		if !reflect.DeepEqual(*got.Issue, wantIss) {
			t.Errorf("%s: issue %+v; want %+v", path, *got.Issue, wantIss)
		}
		for name, pair := range map[string][2]any{
			"articles": {got.Articles, want.Articles}, "mentions": {got.Mentions, want.Mentions},
			"counts": {got.Counts, want.Counts}, "pairs": {got.Pairs, want.Pairs},
			"discovered": {got.Discovered, want.Discovered}, "keyness": {got.Keyness, want.Keyness},
			"issues": {got.Issues, want.Issues},
		} {
			if !reflect.DeepEqual(pair[0], pair[1]) {
				t.Errorf("%s: streamed %s differ", path, name)
			}
		}
	}
}

// TestLongLineWindows: a long line split into sentences a window at a
// time (see blockStream.readLong) gives the sentences of the line split
// whole, on the public corpus and the sample issue run together.
func TestLongLineWindows(t *testing.T) {
	rd, err := NewReader(DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{corpus(t), referencePath} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (../shared must stand beside the repository)", err)
		}
		text := normalizeLine(strings.ReplaceAll(string(data), "\n", " "))
		sents := rd.lang.Sentences(text)
		var want []string // the blocks of the sentences of the line split whole
		for _, st := range sents {
			for _, bl := range rd.classified(block{text: text[st.Start:st.End]}) {
				want = append(want, bl.text)
			}
		}
		for _, window := range []int{1, 100, 5000, segmentWindow} {
			s := &blockStream{rd: rd, iss: &Issue{}, long: &longRun{n: 1, text: text, window: window}}
			for s.long != nil {
				s.readLong()
			}
			var got []string
			for _, bl := range s.ready {
				got = append(got, bl.text)
			}
			if len(got) != len(want) {
				t.Fatalf("%s, windows of %d: %d blocks; whole, %d", path, window, len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("%s, windows of %d: block %d is %q; whole, %q", path, window, i+1, got[i], want[i])
				}
			}
			if len(s.iss.Warnings) != 1 || !strings.Contains(s.iss.Warnings[0].Msg, fmt.Sprintf("read as %d sentence", len(sents))) {
				t.Errorf("%s, windows of %d: warnings %+v; want one counting %d sentences", path, window, s.iss.Warnings, len(sents))
			}
		}
	}
}

// TestGovernmentWorkReports reads the 57 Chinese Government Work Reports
// (1954–2025, ../shared) as a careful reader wrote them down in
// testdata/zh/report_dates.tsv (REPORTS.md says how): each file is one
// report, one article (1991 holds its report twice and is read once);
// dated by its delivery line where it has one ("——１９９０年３月２０日在第七届全国
// 人民代表大会第三次会议上", "1957年6月26日在……会議上"), else by the year its
// file is named by; its title, where it has one, is the headline; and a
// report with a delivery line was given at the session the line names.
func TestGovernmentWorkReports(t *testing.T) {
	rd, _ := chineseReading(t)
	truth, err := os.ReadFile("../testdata/zh/report_dates.tsv")
	if err != nil {
		t.Fatal(err)
	}
	session := regexp.MustCompile(`第[一二三四五六七八九十]+届全国人民代表大会第[一二三四五六七八九十]+次会[议議]`)
	rows := strings.Split(strings.TrimSpace(string(truth)), "\n")[1:]
	if len(rows) != 57 {
		t.Fatalf("%d reports in report_dates.tsv; want 57", len(rows))
	}
	for _, row := range rows {
		f := strings.Split(row, "\t")
		year, date, evidence, title := f[0], f[1], f[2], f[4]
		iss := readReport(t, rd, year)
		if len(iss.Articles) != 1 {
			t.Errorf("%s: %d articles; want 1", year, len(iss.Articles))
			continue
		}
		a := iss.Articles[0]
		wantDate, wantVenue := year, VenueUnspecified
		if date != "none" {
			wantDate = date
			wantVenue = strings.ReplaceAll(session.FindString(evidence), "議", "议")
		}
		if a.Date.String() != wantDate {
			t.Errorf("%s: dated %q (%s); want %s", year, a.Date, a.DateNote, wantDate)
		}
		head := "none"
		if a.Headline != nil {
			head = a.Headline.Text
		}
		if head != title {
			t.Errorf("%s: headline %q; want %q", year, head, title)
		}
		if a.Venue != wantVenue {
			t.Errorf("%s: venue %q (%v); want %q", year, a.Venue, a.VenueCue, wantVenue)
		}
	}
}

// TestHandCounts: the 31 formulations counted by reading in three
// Government Work Reports, 1954 (traditional characters), 2017 and 2025
// (testdata/zh/handcounts.tsv, HANDCOUNTS.md: every occurrence listed
// with its line), against the built-in lexicon's counts: the column
// `counted`, which leaves out the occurrences a longer entry takes; each
// report read as saved (UTF-8) and as a GB18030 file.
func TestHandCounts(t *testing.T) {
	rd, az := chineseReading(t)
	truth, err := os.ReadFile("../testdata/zh/handcounts.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]int{} // year → zh form → count
	for _, row := range strings.Split(strings.TrimSpace(string(truth)), "\n")[1:] {
		f := strings.Split(row, "\t")
		if want[f[0]] == nil {
			want[f[0]] = map[string]int{}
		}
		n, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatalf("handcounts.tsv: %q: %v", row, err)
		}
		want[f[0]][f[1]] = n
	}
	if len(want) != 3 || len(want["2017"]) != 31 {
		t.Fatalf("handcounts.tsv holds %d reports, %d formulations for 2017; want 3 and 31", len(want), len(want["2017"]))
	}
	for year, forms := range want {
		utf8Text, err := os.ReadFile(testfiles.Shared(t, "corpus/government_work_reports/zh/"+year+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		// the same report as a GB18030 file (as Chinese Windows saves
		// text): its encoding found, its language told from the decoded
		// text, the same counts
		gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(utf8Text)
		if err != nil {
			t.Fatal(err)
		}
		for _, enc := range []struct {
			name, want string
			data       []byte
		}{{"utf-8", "utf-8", utf8Text}, {"gb18030", "gb18030 (detected)", gb}} {
			in, err := Open(bytes.NewReader(enc.data), year+".txt", OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if in.Encoding != enc.want || in.Language != "zh" {
				t.Errorf("%s in %s: opened as %s, language %s; want %s, zh", year, enc.name, in.Encoding, in.Language, enc.want)
			}
			iss, err := rd.Read(in, year+".txt")
			if err != nil {
				t.Fatal(err)
			}
			res, err := az.Analyze(iss, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, m := range res.Mentions {
				got[res.Formulations[m.Form].ZH]++
			}
			for form, n := range forms {
				if got[form] != n {
					t.Errorf("%s in %s: %s counted %d times; by reading %d", year, enc.name, form, got[form], n)
				}
			}
		}
	}
}

// chineseReading is a reader and an analyzer of Chinese with the built-in
// lexicon.
func chineseReading(t *testing.T) (*Reader, *Analyzer) {
	t.Helper()
	zh, err := NewLanguage("zh")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return NewReaderIn(zh, VenuesOf(lex)), NewAnalyzerIn(zh, lex)
}

// readReport reads the Chinese Government Work Report of a year
// (../shared).
func readReport(t *testing.T, rd *Reader, year string) *Issue {
	t.Helper()
	file, err := os.Open(testfiles.Shared(t, "corpus/government_work_reports/zh/"+year+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	iss, err := rd.Read(file, year+".txt")
	if err != nil {
		t.Fatal(err)
	}
	return iss
}

// readAnalyze reads an issue with rd and analyses it with az, default
// options.
func readAnalyze(t *testing.T, rd *Reader, az *Analyzer, r io.Reader, name string) *Result {
	t.Helper()
	iss, err := rd.Read(r, name)
	if err != nil {
		t.Fatal(err)
	}
	res, err := az.Analyze(iss, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestChineseDiscovery: discovery and lists in Chinese, one loaded
// dictionary for all (see each test).
func TestChineseDiscovery(t *testing.T) {
	rd, az := chineseReading(t)
	t.Run("traditional phrase", func(t *testing.T) { testChineseTraditionalPhrase(t, rd, az) })
	t.Run("set lists", func(t *testing.T) { testChineseSetLists(t, rd, az) })
	t.Run("term shape", func(t *testing.T) { testChineseTermShape(t, rd, az) })
}

// testChineseTraditionalPhrase: testdata/zh/geneva_1954.txt is four
// paragraphs of the 1954 Government Work Report, in traditional
// characters; by reading, 日內瓦會議 occurs 4 times. Cut as written, gse's
// simplified dictionary made 日|內瓦會議 of it in one sentence and
// 日內|瓦會議 in the other, and discovery listed it twice, 2 and 2, in an
// order that changed from run to run; cut as its simplified form, it is
// 日內瓦|會議 in both (see TestSameText for cuts that still differ).
func testChineseTraditionalPhrase(t *testing.T, rd *Reader, az *Analyzer) {
	f, err := os.Open("../testdata/zh/geneva_1954.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res := readAnalyze(t, rd, az, f, "geneva_1954.txt")
	var rows []string
	for _, c := range res.Discovered {
		if c.Phrase == "日內瓦會議" {
			rows = append(rows, fmt.Sprintf("%s %d", c.Phrase, c.Count))
		}
	}
	if strings.Join(rows, "; ") != "日內瓦會議 4" {
		t.Errorf("discovered %q; want one row, 日內瓦會議 4", rows)
	}
}

// testChineseSetLists: 、 and 和 set out a list in Chinese; by reading,
// the first sentence lists 产业链, 供应链 and 创新链, the second names
// 产业链 and 供应链 with words between them (no list).
func testChineseSetLists(t *testing.T, rd *Reader, az *Analyzer) {
	res := readAnalyze(t, rd, az, strings.NewReader("各位代表：\n\n要推动产业链、供应链和创新链深度融合。产业链带动了供应链。\n"), "lists.txt")
	var got []string
	for _, l := range res.Lists {
		got = append(got, fmt.Sprintf("%d:%s", l.Sentence, strings.Join(l.Items, "+")))
	}
	if g := strings.Join(got, "; "); g != "1:industrial chains+supply chains+innovation chains" {
		t.Errorf("lists %q; want the three chains of sentence 1", g)
	}
}

// testChineseTermShape: by reading, the text below says 基础上 (on the
// basis of: a noun and a localizer, no term) three times and 东部地区率先发展
// (the east leads development: a formulation opening with a direction)
// twice. Discovery lists the formulation, twice, and no phrase that ends
// with the localizer 上 or opens with the pronoun 各位.
func testChineseTermShape(t *testing.T, rd *Reader, az *Analyzer) {
	text := "各位代表：\n\n在稳定增长的基础上推进改革。在巩固成果的基础上扩大开放。在调整结构的基础上促进就业。\n\n" +
		"鼓励东部地区率先发展。支持东部地区率先发展。各位代表审议报告。\n"
	res := readAnalyze(t, rd, az, strings.NewReader(text), "shape.txt")
	found := false
	for _, c := range res.Discovered {
		if strings.HasSuffix(c.Phrase, "上") || strings.HasPrefix(c.Phrase, "各位") {
			t.Errorf("discovered %q (%d): a localizer ends it or a pronoun opens it", c.Phrase, c.Count)
		}
		found = found || c.Phrase == "东部地区率先发展" && c.Count == 2
	}
	if !found {
		t.Errorf("东部地区率先发展 not discovered twice: %v", res.Discovered)
	}
}
