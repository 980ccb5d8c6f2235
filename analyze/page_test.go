package analyze_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/analyzetest"

	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/internal/testfiles"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// readPageIssue reads an HTML file as the reader does and analyses it with lex.
func readPageIssue(t *testing.T, path string, lex *lexicon.Lexicon) (*analyze.Issue, *analyze.Result) {
	t.Helper()
	iss := analyzetest.ReadAs(t, path, "page.html")
	res, err := analyze.Analyze(iss, lex, analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return iss, res
}

// articleText is all the text of an issue's articles.
func articleText(iss *analyze.Issue) string {
	var b strings.Builder
	for _, a := range iss.Articles {
		if a.Headline != nil {
			b.WriteString(a.Headline.Text + "\n")
		}
		for _, p := range a.Body {
			b.WriteString(p.Text + "\n")
		}
		for _, c := range a.Captions {
			b.WriteString(c.Text + "\n")
		}
	}
	return b.String()
}

// TestWeeklyAddressPage: a whitehouse.gov page (full HTML, nav, footer,
// scripts) is one article, dated and titled from the page, holding the
// address and its summary and none of the menus. "community college(s)"
// counted by reading the page: 12 times in the text, once in the title.
func TestWeeklyAddressPage(t *testing.T) {
	lex, err := lexicon.Parse(strings.NewReader("themes:\n  - theme: Education\n    formulations:\n      - phrase: community college\n"), "cc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	iss, res := readPageIssue(t, testfiles.Shared(t, "html/whitehouse_weekly_address.html"), lex)
	if len(iss.Articles) != 1 {
		t.Fatalf("%d articles; want the page as one", len(iss.Articles))
	}
	a := iss.Articles[0]
	if a.Headline == nil || a.Headline.Text != "Weekly Address: Tuition-Free Community College" || a.Date.String() != "2015-04-11" || iss.Publication != "whitehouse.gov" {
		t.Errorf("headline %v, date %s, publication %q; want the page's title, 2015-04-11, whitehouse.gov", a.Headline, a.Date, iss.Publication)
	}
	if n := len(res.Mentions); n != 13 {
		t.Errorf("%d mentions of community college; want 13 (12 in the text, 1 in the title)", n)
	}
	text := articleText(iss)
	for _, menu := range []string{"Briefing Room", "Jump to navigation", "Privacy Policy", "We the People Petitions", "Camp David"} {
		if strings.Contains(text, menu) {
			t.Errorf("the page's menu or footer %q was read as article text", menu)
		}
	}
	for _, want := range []string{"Ladies and Gentlemen, this is Joe Biden", "may God protect our troops."} {
		if !strings.Contains(text, want) {
			t.Errorf("the address lost %q", want)
		}
	}
}

// TestNewsPage: a news page of our own in the shape analysts save (a
// language menu, section menu, byline, photo with caption, "Most Read"
// and "We Recommend" link lists, editor and key-word lines, copyright,
// a script naming formulations) counts only the article. By reading
// testdata/pages/xi_inspection.html: new quality productive forces 3
// (headline, paragraphs 1 and 2), high-quality development 3, food
// security 1, deepen reform 1, according to local conditions 1, modern
// industrial system 1, scientific and technological innovation 1; the
// menus and footer name new quality productive forces 4 more times, food
// security 3, high-quality development 2, Belt and Road Initiative and
// common prosperity once: none counted. The photo's caption, which ends
// in a credit, is the article's caption.
func TestNewsPage(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	iss, res := readPageIssue(t, testfiles.Testdata(t, "pages/xi_inspection.html"), lex)
	if len(iss.Articles) != 1 {
		t.Fatalf("%d articles; want 1", len(iss.Articles))
	}
	a := iss.Articles[0]
	if a.Headline == nil || a.Headline.Text != "Xi stresses new quality productive forces in Jiangsu" || a.Date.String() != "2024-03-05" ||
		a.Venue != "Jiangsu delegation" || iss.Publication != "People's Daily Online" {
		t.Errorf("headline %v, date %s, venue %q, publication %q", a.Headline, a.Date, a.Venue, iss.Publication)
	}
	want := map[string]int{"new quality productive forces": 3, "high-quality development": 3, "food security": 1, "deepen reform": 1,
		"according to local conditions": 1, "modernized industrial system": 1, "sci-tech innovation": 1}
	got := map[string]int{}
	for _, m := range res.Mentions {
		got[m.Phrase]++
	}
	for p, n := range want {
		if got[p] != n {
			t.Errorf("%s: %d mentions; want %d", p, got[p], n)
		}
	}
	if len(res.Mentions) != 11 {
		t.Errorf("%d mentions; want 11: %v", len(res.Mentions), got)
	}
	text := articleText(iss)
	for _, furniture := range []string{"Most Read", "We Recommend", "Web editor", "Key Words", "Copyright", "Japanese French", "Business"} {
		if strings.Contains(text, furniture) {
			t.Errorf("page furniture %q read as article text", furniture)
		}
	}
	// the photo caption is kept as the article's caption, not as body
	if len(a.Captions) != 1 || !strings.HasSuffix(a.Captions[0].Text, "March 5, 2024. (Xinhua/Ju Peng)") {
		t.Errorf("captions %+v; want the figure's caption", a.Captions)
	}
	for _, p := range a.Body {
		if strings.Contains(p.Text, "Ju Peng") {
			t.Errorf("the caption was read as body: %q", p.Text)
		}
	}
}

// TestPageCharsets: a GBK page read by its <meta charset>; a page that
// says ISO-8859-1 but is UTF-8 read as UTF-8; a page with no article text
// is an input error.
func TestPageCharsets(t *testing.T) {
	en, err := analyze.NewLanguage("en")
	if err != nil {
		t.Fatal(err)
	}
	body := "<p>新质生产力是创新起主导作用的先进生产力质态。各地要因地制宜发展新质生产力，推动高质量发展，这是新时代的硬道理。</p>"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(`<html><head><meta charset="gbk"><title>新质生产力</title></head><body><article>` + body + body + `</article></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	p, err := analyze.ReadPage(strings.NewReader(gbk), en)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "因地制宜发展新质生产力") || p.Charset != "gbk (declared in the page)" {
		t.Errorf("GBK page read as %s: %q", p.Charset, p.Text)
	}
	wrong := `<html><head><meta charset="iso-8859-1"><title>Zhōngguó</title></head><body><article><p>` +
		strings.Repeat("Xi called for developing new quality productive forces in Zhèjiāng and beyond. ", 4) + `</p></article></body></html>`
	p, err = analyze.ReadPage(strings.NewReader(wrong), en)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "Zhèjiāng") || !strings.HasPrefix(p.Charset, "utf-8 (the page says") {
		t.Errorf("UTF-8 page declared ISO-8859-1 read as %s: %q", p.Charset, p.Text)
	}
	rd, err := analyze.NewReader(analyze.DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	_, err = rd.Read(bytes.NewReader([]byte(`<!DOCTYPE html><html><body><nav><a href="/">Home</a> <a href="/x">World</a></nav></body></html>`)), "empty.html")
	var ie *analyze.InputError
	if !errors.As(err, &ie) || ie.File != "empty.html" || ie.Msg != "no article text found in the page" {
		t.Errorf("a page of menus only: %v; want an input error naming the file", err)
	}
}

// BenchmarkReadPage: reading a saved page (charset, HTML tree, main
// content, metadata and date) for each of the three whitehouse.gov pages
// and the news-page fixture in turn; pages/s is b.N·4 over the time.
func BenchmarkReadPage(b *testing.B) {
	en, err := analyze.NewLanguage("en")
	if err != nil {
		b.Fatal(err)
	}
	var pages [][]byte
	for _, p := range []string{testfiles.Shared(b, "html/whitehouse_weekly_address.html"), testfiles.Shared(b, "html/whitehouse_blog.html"),
		testfiles.Shared(b, "html/whitehouse_page.html"), testfiles.Testdata(b, "pages/xi_inspection.html")} {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range pages {
			if _, err := analyze.ReadPage(bytes.NewReader(data), en); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkReadPageParallel is BenchmarkReadPage with a page read on
// every core at once, as a run reads a folder of pages: pages per second
// on the machine.
func BenchmarkReadPageParallel(b *testing.B) {
	en, err := analyze.NewLanguage("en")
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(testfiles.Shared(b, "html/whitehouse_weekly_address.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := analyze.ReadPage(bytes.NewReader(data), en); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// TestDateFromFileNameAndFlag: a text with no date in it takes the date
// its file name gives (2020-11-16, 20201116), else the date given with
// --date (WithDate), else the one year its file name gives, as a date to
// the year ("1978.txt" → 1978); a date in the text wins over all.
func TestDateFromFileNameAndFlag(t *testing.T) {
	rd, err := analyze.NewReader(analyze.DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	given, err := analyze.ParseISODate("2024-03-05")
	if err != nil {
		t.Fatal(err)
	}
	withDate := rd.WithDate(given)
	const undated = "Xi urged efforts to deepen reform.\n\nHe praised high-quality development.\n"
	const dated = "March 9, 2023\n\nXi urged efforts to deepen reform.\n"
	for _, tt := range []struct {
		rd         *analyze.Reader
		name, text string
		date, note string
	}{
		{rd, "2020-11-16_remarks.txt", undated, "2020-11-16", `file name "2020-11-16_remarks.txt"`},
		{rd, "speech20211208.html.txt", undated, "2021-12-08", `file name "speech20211208.html.txt"`},
		{rd, "report-2024.txt", undated, "2024", `file name "report-2024.txt" (the year only)`}, // a year alone dates to the year
		{rd, "addresses_2003-2006.txt", undated, "", ""},                                        // two years: neither
		{withDate, "1978.txt", undated, "2024-03-05", "given with --date"},                      // a day given beats a year
		{rd, "id-202011161234.txt", undated, "", ""},                                            // digits running on are no date
		{withDate, "notes.txt", undated, "2024-03-05", "given with --date"},
		{withDate, "2020-11-16.txt", undated, "2020-11-16", `file name "2020-11-16.txt"`},
		{withDate, "2020-11-16.txt", dated, "2023-03-09", `heading "March 9, 2023" (line 1)`},
	} {
		iss, err := tt.rd.Read(strings.NewReader(tt.text), tt.name)
		if err != nil {
			t.Fatal(err)
		}
		a := iss.Articles[0]
		if a.Date.String() != tt.date || a.DateNote != tt.note {
			t.Errorf("%s: date %q (%s); want %q (%s)", tt.name, a.Date, a.DateNote, tt.date, tt.note)
		}
	}
	for _, bad := range []string{"2024-02-30", "05/03/2024", "2024-3-5", ""} {
		if _, err := analyze.ParseISODate(bad); err == nil {
			t.Errorf("ParseISODate(%q) took it", bad)
		}
	}
}

// TestSpeechWithEditorsNote: testdata/pages/speech_with_note.txt, read as
// a careful reader would: the editor's note is not the speech (its date,
// May 1, 2022, and its mention of high-quality development are left out),
// the speech is dated by the line saying when it was delivered
// (2021-12-08), and the footnote markers [1] [2] [3] are cut out, so the
// formulations they stick to count. By reading: high-quality development,
// new quality productive forces, deepen reform, food security, once each.
func TestSpeechWithEditorsNote(t *testing.T) {
	iss, res, a := oneArticle(t, "pages/speech_with_note.txt")
	if a.Date.String() != "2021-12-08" || !strings.HasPrefix(a.DateNote, `dateline "delivered at the Central Conference on Economic Work on December 8, 2021"`) {
		t.Errorf("date %s (%s); want 2021-12-08 from the delivery line", a.Date, a.DateNote)
	}
	var kinds []string
	for _, d := range iss.Dropped {
		kinds = append(kinds, d.Kind+" "+d.Text[:min(len(d.Text), 14)])
	}
	if want := "editor's note Editor's note: | footnote marker [1] | footnote marker [2] | footnote marker [3]"; strings.Join(kinds, " | ") != want {
		t.Errorf("dropped %q; want %q", strings.Join(kinds, " | "), want)
	}
	var got []string
	for _, m := range res.Mentions {
		got = append(got, m.Phrase)
	}
	if want := "high-quality development, new quality productive forces, deepen reform, food security"; strings.Join(got, ", ") != want {
		t.Errorf("mentions %q; want %q", strings.Join(got, ", "), want)
	}
	if strings.Contains(articleText(iss), "[1]") {
		t.Error("a footnote marker stayed in the text")
	}
}

// TestJoinedPages: three pages of one site saved into one file (the news
// page of TestNewsPage, the same page a day later under another title,
// and an index page of menus only) are two articles, one per page with
// article text, each with its own date and headline and the 11 mentions
// of its text; the index page is left out and said so.
func TestJoinedPages(t *testing.T) {
	page, err := os.ReadFile(testfiles.Testdata(t, "pages/xi_inspection.html"))
	if err != nil {
		t.Fatal(err)
	}
	next := strings.NewReplacer("2024-03-05T18:20:00+08:00", "2024-03-06T09:00:00+08:00",
		"Xi stresses new quality productive forces in Jiangsu", "Jiangsu deputies answer Xi's call").Replace(string(page))
	index := `<!DOCTYPE html><html><head><title>China - People's Daily Online</title></head><body><nav><a href="/">Home</a> <a href="/china">China</a></nav></body></html>`
	dir := t.TempDir()
	path := dir + "/site.html"
	if err := os.WriteFile(path, []byte(string(page)+"\n"+next+"\n"+index+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	iss := analyzetest.Read(t, path)
	res := analyzetest.AnalyzeIssue(t, iss)
	var got []string
	for _, a := range iss.Articles {
		n := 0
		for _, m := range res.Mentions {
			if m.Article == a.N {
				n++
			}
		}
		got = append(got, fmt.Sprintf("%s %q %d", a.Date, a.Headline.Text, n))
	}
	want := []string{`2024-03-05 "Xi stresses new quality productive forces in Jiangsu" 11`, `2024-03-06 "Jiangsu deputies answer Xi's call" 10`}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("articles %q; want %q", got, want)
	}
	if !strings.Contains(iss.Encoding, "3 HTML pages joined") || !strings.Contains(iss.Encoding, "1 with no article text left out") {
		t.Errorf("encoding %q; want it to say 3 pages, 1 left out", iss.Encoding)
	}
}

// TestPageLimits: a page over MaxPageBytes and HTML nested past the
// parser's depth are input errors, at once.
func TestPageLimits(t *testing.T) {
	rd, err := analyze.NewReader(analyze.DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	big := "<!DOCTYPE html><html><body>" + strings.Repeat("<p>Xi urged efforts to deepen reform.</p>", analyze.MaxPageBytes/40) + "</body></html>"
	deep := "<!DOCTYPE html><html><body>" + strings.Repeat("<div>", 600) + "<p>Xi urged efforts to deepen reform and develop new productive forces.</p></body></html>"
	for name, page := range map[string]string{"big.html": big, "deep.html": deep} {
		_, err := rd.Read(strings.NewReader(page), name)
		var ie *analyze.InputError
		if !errors.As(err, &ie) || ie.File != name {
			t.Errorf("%s: %v; want an input error naming it", name, err)
		}
	}
}

// TestPageDump: the news page of TestNewsPage as a scraper dumps it to
// text (testdata/pages/xi_inspection_dump.txt, one line a block): the page
// title line, language and section menus, the byline with its time stamp,
// the photo caption run into the dateline on one line, "Most Read" and
// "We Recommend" link lists, editor, key words, copyright. Read as a
// careful reader would: one article dated by the byline, titled by its
// headline, the caption apart, the link lists and the rest of the page
// furniture dropped; the same 11 mentions as the HTML page, by reading.
func TestPageDump(t *testing.T) {
	iss, res, a := oneArticle(t, "pages/xi_inspection_dump.txt")
	if iss.Title != "Xi stresses new quality productive forces in Jiangsu" || a.Headline == nil || a.Headline.Text != iss.Title ||
		a.Date.String() != "2024-03-05" || a.Venue != "Jiangsu delegation" {
		t.Errorf("title %q, headline %v, date %s, venue %q", iss.Title, a.Headline, a.Date, a.Venue)
	}
	if len(a.Captions) != 1 || !strings.HasSuffix(a.Captions[0].Text, "(Xinhua/Ju Peng)") || !strings.HasPrefix(a.Body[0].Text, "BEIJING, March 5 (Xinhua) --") {
		t.Errorf("captions %v, first paragraph %q; want the caption apart and the body from the dateline", a.Captions, a.Body[0].Text)
	}
	var lines []int
	for _, d := range iss.Dropped {
		lines = append(lines, d.Line)
	}
	if want := []int{1, 2, 3, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}; fmt.Sprint(lines) != fmt.Sprint(want) {
		t.Errorf("dropped lines %v; want %v (title line and menus, then the link lists and footer)", lines, want)
	}
	got := map[string]int{}
	for _, m := range res.Mentions {
		got[m.Phrase]++
	}
	want := map[string]int{"new quality productive forces": 3, "high-quality development": 3, "food security": 1, "deepen reform": 1,
		"according to local conditions": 1, "modernized industrial system": 1, "sci-tech innovation": 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("mentions %v; want %v", got, want)
	}
}

// TestLinkTitlesNeedAMarker: short title-like lines at the end of a text
// are a footer's link list only under a marker such as "Most Read";
// without one they stay text, as before.
func TestLinkTitlesNeedAMarker(t *testing.T) {
	const body = "March 5, 2024\n\nXi Stresses Reform\n\nXi urged efforts to deepen reform and open up wider.\n\n"
	for _, tt := range []struct {
		tail    string
		dropped int
	}{
		{"Thank You America\n", 0},
		{"Most Read\n\nFull text: food security in the new era\n\nHigh-quality development in pictures\n", 3},
		{"Related reading\n\nBelt and Road Initiative: ten years on\n", 2},
	} {
		iss, err := analyze.ReadIssue(strings.NewReader(body+tt.tail), "t.txt")
		if err != nil {
			t.Fatal(err)
		}
		if len(iss.Dropped) != tt.dropped {
			t.Errorf("%q: %d lines dropped; want %d", tt.tail, len(iss.Dropped), tt.dropped)
		}
	}
}

// oneArticle reads and analyses a fixture under testdata that must be one
// article, and returns it.
func oneArticle(t *testing.T, fixture string) (*analyze.Issue, *analyze.Result, analyze.Article) {
	t.Helper()
	iss := analyzetest.Read(t, testfiles.Testdata(t, fixture))
	res := analyzetest.AnalyzeIssue(t, iss)
	if len(iss.Articles) != 1 {
		t.Fatalf("%s: %d articles; want 1", fixture, len(iss.Articles))
	}
	return iss, res, iss.Articles[0]
}

// TestSiteDumpPages: three pages of one site dumped to text one after the
// other (testdata/pages/site_dump_3pages.txt: the dump of TestPageDump,
// then two shorter pages with the same menus, link lists and footer) are
// three articles, each dated by its byline and titled by its headline;
// each page's footer, the next page's title line and its menus are
// dropped; the issue is the site's. By reading: 11 mentions on the first
// page; high-quality development, expand domestic demand and food
// security on the second;
// common prosperity in the third's headline and body. The furniture's
// formulations (link titles, key words, title lines) are not counted.
func TestSiteDumpPages(t *testing.T) {
	iss := analyzetest.Read(t, testfiles.Testdata(t, "pages/site_dump_3pages.txt"))
	res := analyzetest.AnalyzeIssue(t, iss)
	var got []string
	for _, a := range iss.Articles {
		var ms []string
		for _, m := range res.Mentions {
			if m.Article == a.N {
				ms = append(ms, m.Phrase)
			}
		}
		got = append(got, fmt.Sprintf("%s %q %d", a.Date, a.Headline.Text, len(ms)))
	}
	want := []string{`2024-03-05 "Xi stresses new quality productive forces in Jiangsu" 11`,
		`2024-03-06 "Premier Li outlines growth target" 3`, `2024-03-07 "Lawmakers discuss common prosperity" 2`}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("articles\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if iss.Title != "People's Daily Online" {
		t.Errorf("title %q; want the site's name", iss.Title)
	}
	dropped := map[int]bool{}
	for _, d := range iss.Dropped {
		dropped[d.Line] = true
	}
	for _, line := range []int{20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 39, 40, 41} {
		if !dropped[line] {
			t.Errorf("line %d (page furniture) kept", line)
		}
	}
}

// TestTemplateByRepetition: of the twelve pages dumped one after another
// (testdata/pages/twelve_pages.txt), ten end their article with the same
// "Follow People's Daily Online on WeChat …" line, which no marker
// flags: read as one batch, it is dropped from each of the ten as
// "repeated on 10 of 12 pages" (it holds high-quality development: ten
// mentions that TestPageFixturesByReading's counts leave out); read
// alone, without the scan, it stays. Text that is not web pages (the
// sample issue) is not scanned, and the same page saved three times is
// one page, not its site's template.
func TestTemplateByRepetition(t *testing.T) {
	path := testfiles.Testdata(t, "pages/twelve_pages.txt")
	iss := analyzetest.ReadBatch(t, path)[0]
	const follow = "Follow People's Daily Online on WeChat for the latest on high-quality development and the two sessions."
	var lines []int
	for _, d := range iss.Dropped {
		if d.Text == follow {
			if d.Kind != "repeated on 10 of 12 pages" {
				t.Errorf("line %d dropped as %q", d.Line, d.Kind)
			}
			lines = append(lines, d.Line)
		}
	}
	if len(lines) != 10 {
		t.Errorf("the follow line dropped on lines %v; want 10 of them", lines)
	}
	plain := analyzetest.Read(t, path)
	kept := 0
	for _, a := range plain.Articles {
		for _, p := range a.Body {
			if p.Text == follow {
				kept++
			}
		}
	}
	if kept != 10 {
		t.Errorf("read without the batch's scan, the follow line is in %d articles; want 10", kept)
	}

	rd, err := analyze.NewReader(analyze.DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(testfiles.Sample(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if pages, err := rd.ScanPages(f, "sample.txt"); err != nil || pages != nil {
		t.Errorf("the sample issue scanned as %d web pages (err %v); want none", len(pages), err)
	}

	page := []string{"Xi stresses reform.", "Deputies agreed."}
	tpl := analyze.NewTemplate([][]string{page, page, page, {"Other news.", "Deputies agreed."}})
	if tpl.Pages() != 2 {
		t.Errorf("%d distinct pages; want 2", tpl.Pages())
	}
	if why, ok := tpl.Repeated("Deputies agreed."); ok {
		t.Errorf("a paragraph on 2 distinct pages is template (%s)", why)
	}
	many := [][]string{{"a", "promo"}, {"b", "promo"}, {"c", "promo"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}, {"i"}, {"j"}, {"k"}, {"l"}}
	if why, ok := analyze.NewTemplate(many).Repeated("promo"); !ok || why != "repeated on 3 of 12 pages" {
		t.Errorf("promo on 3 of 12 pages: %q, %v; want template", why, ok)
	}
	many = append(many, []string{"m"})
	if why, ok := analyze.NewTemplate(many).Repeated("promo"); ok {
		t.Errorf("promo on 3 of 13 pages (under a quarter) is template: %s", why)
	}
}

// TestPageFurnitureListed: what an HTML page has outside its article is
// listed as dropped, block by block, with its reason, and the page's
// date says it comes from the page's metadata; the words kept and
// dropped add up (xi_inspection.html: by reading, the headline has 8
// words and the four paragraphs 45, 32, 21 and 12; the language menu 9).
func TestPageFurnitureListed(t *testing.T) {
	iss := analyzetest.Read(t, testfiles.Testdata(t, "pages/xi_inspection.html"))
	a := iss.Articles[0]
	if a.DateNote != `page metadata "2024-03-05"` {
		t.Errorf("date note %q", a.DateNote)
	}
	got := map[string]string{}
	for _, d := range iss.Dropped {
		got[d.Text] = d.Kind
	}
	for _, text := range []string{"Chinese Japanese French Spanish Russian Arabic Korean German Portuguese", "Most Read",
		"Belt and Road Initiative: ten years on", "Web editor: Wang Fang, Zhang Wei", "Copyright by People's Daily Online. All Rights Reserved."} {
		if got[text] != "outside the article" {
			t.Errorf("%q dropped as %q; want outside the article", text, got[text])
		}
	}
	if a.Words != iss.WordsKept || a.Words != 8+45+32+21+12 {
		t.Errorf("words kept %d (issue %d); want 118", a.Words, iss.WordsKept)
	}
	dropped := 0
	for _, d := range iss.Dropped {
		dropped += d.Words
	}
	if dropped != iss.WordsDropped || iss.Dropped[0].Words != 9 {
		t.Errorf("words dropped %d, issue says %d; first %q %d words", dropped, iss.WordsDropped, iss.Dropped[0].Text, iss.Dropped[0].Words)
	}
}

// TestDroppedWarnings: a reading that drops more than half of the words,
// or that reads web pages and drops nothing, says so.
func TestDroppedWarnings(t *testing.T) {
	read := func(text string) *analyze.Issue {
		rd, err := analyze.NewReader(analyze.DefaultVenues())
		if err != nil {
			t.Fatal(err)
		}
		iss, err := rd.Read(strings.NewReader(text), "t.txt")
		if err != nil {
			t.Fatal(err)
		}
		return iss
	}
	warned := func(iss *analyze.Issue, prefix string) bool {
		for _, w := range iss.Warnings {
			if strings.HasPrefix(w.Msg, prefix) {
				return true
			}
		}
		return false
	}
	heavy := "Reform Daily\nHome World Business Sports Culture Opinion Video Photos\n\nXi stresses reform\n\nXi urged efforts to deepen reform.\n\n" +
		"Related:\nChina\nOpinion\nWorld\nBusiness\nCopyright Reform Daily. All rights reserved. Reproduction in whole or in part without permission is prohibited.\n"
	if iss := read(heavy); !warned(iss, "more than half of the text was dropped") {
		t.Errorf("%d of %d words dropped, warnings %v", iss.WordsDropped, iss.WordsKept+iss.WordsDropped, iss.Warnings)
	}
	page := `<!DOCTYPE html><html><head><title>Xi stresses reform</title></head><body><article><h1>Xi stresses reform</h1>` +
		`<p>Xi urged efforts to deepen reform and develop new quality productive forces in the province.</p></article></body></html>`
	if iss := read(page); !warned(iss, "read as web pages, yet nothing was dropped") {
		t.Errorf("a page with nothing dropped: warnings %v", iss.Warnings)
	}
	if iss := read("Xi stresses reform\n\nXi urged efforts to deepen reform and develop new quality productive forces.\n"); len(iss.Warnings) != 0 {
		t.Errorf("plain text with nothing dropped: warnings %v", iss.Warnings)
	}
}

// TestDumpPageWithoutByline: pages of a dump are articles of their own
// even without a byline, and a page's date does not carry over to the
// next: in site_dump_3pages.txt without the second and third pages'
// bylines (and the third's dateline), the second page is dated by its
// dateline "BEIJING, March 6 (Xinhua) --" and the third is undated.
func TestDumpPageWithoutByline(t *testing.T) {
	b, err := os.ReadFile(testfiles.Testdata(t, "pages/site_dump_3pages.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "By Zhao Lei") || strings.HasPrefix(l, "By Li Ming (People's Daily Online) 16:40") {
			continue
		}
		lines = append(lines, strings.TrimPrefix(l, "BEIJING, March 7 (Xinhua) -- "))
	}
	iss := readString(t, strings.Join(lines, "\n"), "dump.txt")
	var got []string
	for _, a := range iss.Articles {
		got = append(got, fmt.Sprintf("%s %s", orUndated(a.Date), headline(&a)))
	}
	want := []string{"2024-03-05 Xi stresses new quality productive forces in Jiangsu", "2024-03-06 Premier Li outlines growth target",
		"undated Lawmakers discuss common prosperity"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("articles %q; want %q", got, want)
	}
}

func orUndated(d analyze.Date) string {
	if d.IsZero() {
		return "undated"
	}
	return d.String()
}

// TestSourceTags: the agency's tag closing an article, "( Xinhua )", on a
// line of its own or at the end of the last paragraph, is dropped as a
// source tag; by reading, the text keeps its two formulations and loses
// nothing else.
func TestSourceTags(t *testing.T) {
	text := "Xi stresses reform\n\nBEIJING, March 5 (Xinhua) -- Xi Jinping urged efforts to deepen reform and pursue high-quality development in the province.\n\n" +
		"He also called for food security. ( Xinhua )\n\n( Xinhua )\n"
	iss := readString(t, text, "tags.txt")
	a := iss.Articles[0]
	if len(a.Body) != 2 || a.Body[1].Text != "He also called for food security." {
		t.Errorf("body %+v", a.Body)
	}
	var got []string
	for _, d := range iss.Dropped {
		got = append(got, fmt.Sprintf("%d %s %s", d.Line, d.Kind, d.Text))
	}
	if want := []string{"5 source tag ( Xinhua )", "7 source tag ( Xinhua )"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("dropped %q; want %q", got, want)
	}
	res := analyzetest.AnalyzeIssue(t, iss)
	if len(res.Mentions) != 3 { // deepen reform, high-quality development, food security
		t.Errorf("%d mentions; want 3", len(res.Mentions))
	}
}

// TestSpeechPageDates: a speech's page whose metadata says December 9,
// 2021 and whose first paragraph says it was "delivered … on December 8,
// 2021" is dated December 8 (the delivery before the page's metadata, as
// a careful reader trusts them), and the page's title is its headline
// even over a line that reads like one. The page is short and written
// without space between its tags, as minified pages are: its paragraphs
// stay apart (go-trafilatura's rescue of short content would run them
// together: "economySpeech delivered").
func TestSpeechPageDates(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Remarks on the economy</title><meta property="og:site_name" content="Gov Site">` +
		`<meta property="article:published_time" content="2021-12-09T10:00:00+08:00"></head><body><nav><a href="/">Home</a> <a href="/n">News</a></nav>` +
		`<article><h1>Remarks on the economy</h1><p>Speech delivered at the Central Conference on Economic Work on December 8, 2021</p>` +
		`<p>Comrades, we must pursue high-quality development and ensure food security in the year ahead, and we must deepen reform across the board.</p>` +
		`</article><footer>Copyright Gov Site</footer></body></html>`
	iss := readString(t, page, "speech.html")
	a := iss.Articles[0]
	if a.Date.String() != "2021-12-08" || !strings.HasSuffix(a.DateNote, `before the page metadata "2021-12-09"`) {
		t.Errorf("date %s (%s); want 2021-12-08 from the delivery line", a.Date, a.DateNote)
	}
	if headline(&a) != "Remarks on the economy" {
		t.Errorf("headline %q", headline(&a))
	}
	if len(a.Body) != 2 || !strings.HasPrefix(a.Body[1].Text, "Comrades,") {
		t.Errorf("body %+v; want the delivery line and the speech's paragraph apart", a.Body)
	}
}

// TestSubheads: a subhead in capitals within a speech ("I. NEW QUALITY
// PRODUCTIVE FORCES", "FOOD SECURITY") stays a paragraph of its own, even
// with the paragraph after it on the next line, and is one heading: not
// split at its number into two sentences, not an article's headline. By
// reading: one article, six paragraphs of which two are subheads, and
// seven sentences with the headline (1 + 1 + 1 + 1 + 1 + 1 + 1).
func TestSubheads(t *testing.T) {
	text := "Remarks by the Premier\n\nDecember 8, 2021\n\nDistinguished guests, it is a pleasure to be here.\n\n" +
		"I. NEW QUALITY PRODUCTIVE FORCES\nWe must develop new quality productive forces according to local conditions.\nInnovation is the first driving force.\n\n" +
		"FOOD SECURITY\nWe will ensure food security.\n"
	iss := readString(t, text, "speech.txt")
	if len(iss.Articles) != 1 {
		t.Fatalf("%d articles; want 1", len(iss.Articles))
	}
	a := iss.Articles[0]
	var subheads []string
	for _, p := range a.Body {
		if p.Subhead {
			subheads = append(subheads, p.Text)
			if len(p.Sentences) != 1 {
				t.Errorf("subhead %q in %d sentences", p.Text, len(p.Sentences))
			}
		}
	}
	if len(a.Body) != 6 || strings.Join(subheads, "|") != "I. NEW QUALITY PRODUCTIVE FORCES|FOOD SECURITY" || a.Sentences() != 7 {
		t.Errorf("%d paragraphs, subheads %q, %d sentences; want 6, the two, 7", len(a.Body), subheads, a.Sentences())
	}
}

// readString reads a text given in a test, named name, with the default
// venues.
func readString(t *testing.T, text, name string) *analyze.Issue {
	t.Helper()
	rd, err := analyze.NewReader(analyze.DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	iss, err := rd.Read(strings.NewReader(text), name)
	if err != nil {
		t.Fatal(err)
	}
	return iss
}

// TestDatelineInsideLine: a dump that runs the headline and the article's
// dateline together on one line ("Xi stresses reform in Jiangsu BEIJING,
// March 5 (Xinhua) -- …") is split there: the headline heads the article,
// which the dateline dates.
func TestDatelineInsideLine(t *testing.T) {
	iss := readString(t, "Xi stresses reform in Jiangsu BEIJING, March 5 (Xinhua) -- Chinese President Xi Jinping on Tuesday called for "+
		"high-quality development when he joined the delegation of Jiangsu Province.\nHe urged efforts to ensure food security.\n", "dump.txt")
	a := iss.Articles[0]
	if len(iss.Articles) != 1 || headline(&a) != "Xi stresses reform in Jiangsu" || a.Date.Month != 3 || a.Date.Day != 5 ||
		!strings.HasPrefix(a.Body[0].Text, "BEIJING, March 5 (Xinhua) --") {
		t.Errorf("%d articles; headline %q, date %s, body %+v", len(iss.Articles), headline(&a), a.Date, a.Body)
	}
}

// TestPageElementsCap: a page of more elements than a news page has
// (100,000 unclosed <p><b><i><span> would take gigabytes and minutes to
// extract) is an input error at once, naming the file; a page just under
// the cap is read.
func TestPageElementsCap(t *testing.T) {
	rd, err := analyze.NewReader(analyze.DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	page := func(units int) string {
		return "<!DOCTYPE html><html><head><title>t</title></head><body><article><p>" +
			strings.Repeat("Xi urged efforts to develop new quality productive forces in the province. ", 3) + "</p>" +
			strings.Repeat("<p><b><i><span>x ", units) + "</article></body></html>"
	}
	_, err = rd.Read(strings.NewReader(page(analyze.MaxPageElements/4+10)), "deep.html")
	var ie *analyze.InputError
	if !errors.As(err, &ie) || ie.File != "deep.html" || !strings.Contains(ie.Msg, "more than 50000 elements") {
		t.Errorf("a page of %d elements: %v; want an input error naming the cap", analyze.MaxPageElements+40, err)
	}
	if _, err := analyze.ReadPage(strings.NewReader(page(100)), mustLanguage(t, "en")); err != nil {
		t.Errorf("a page of 400 elements: %v", err)
	}
}

func mustLanguage(t *testing.T, code string) analyze.Language {
	t.Helper()
	l, err := analyze.NewLanguage(code)
	if err != nil {
		t.Fatal(err)
	}
	return l
}
