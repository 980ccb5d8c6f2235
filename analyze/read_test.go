package analyze

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func read(t testing.TB, text string) *Issue {
	t.Helper()
	iss, err := ReadIssue(strings.NewReader(text), "test.txt")
	if err != nil {
		t.Fatalf("ReadIssue(%q): %v", text, err)
	}
	return iss
}

// dates renders each article as "date|headline|paragraphs" for compact comparison.
func outline(iss *Issue) string {
	var parts []string
	for _, a := range iss.Articles {
		h := ""
		if a.Headline != nil {
			h = a.Headline.Text
		}
		parts = append(parts, fmt.Sprintf("%s|%s|%d", a.Date, h, len(a.Body)))
	}
	return strings.Join(parts, "; ")
}

const body = "President Xi Jinping stressed high-quality development on Tuesday.\n\nHe urged efforts to deepen reform.\n"

func TestDateHeadings(t *testing.T) {
	tests := []struct{ in, want string }{
		{"March 5\n\nXi Stresses New Quality Productive Forces\n\n" + body, "--03-05|Xi Stresses New Quality Productive Forces|2"},
		{"March 5, 2024\n\nXi Stresses Reform\n\n" + body, "2024-03-05|Xi Stresses Reform|2"},
		{"5 March 2024\n\nXi Stresses Reform\n\n" + body, "2024-03-05|Xi Stresses Reform|2"},
		{"Tuesday, March 5\n\nXi Stresses Reform\n\n" + body, "--03-05|Xi Stresses Reform|2"},
		{"Tuesday, March 5, 2024\n\n" + body, "2024-03-05||2"},
		{"Mar. 5\n\nXi Stresses Reform\n\n" + body, "--03-05|Xi Stresses Reform|2"},
		{"Sept. 30, 2023\n\n" + body, "2023-09-30||2"},
		{"2024-03-05\n\nXi Stresses Reform\n\n" + body, "2024-03-05|Xi Stresses Reform|2"},
		{"2024年3月5日\n\n" + body, "2024-03-05||2"},
		{"March 5 \u00a0 \n\nXi Stresses Reform\n\n" + body, "--03-05|Xi Stresses Reform|2"},
		{"MARCH 5, 2024\n\n" + body, "2024-03-05||2"},
		// no such day: not a heading, so a short body line
		{"February 30, 2024\n\n" + body, "|February 30, 2024|2"},
		// a date inside a sentence is not a heading
		{"President Xi Jinping on March 5 stressed developing new quality productive forces.\n", "||1"},
		// no date at all: one undated article
		{body, "||2"},
		// two sections
		{"March 5, 2024\n\nFirst Headline Of The Day\n\n" + body + "\nMarch 6, 2024\n\nSecond Headline Of The Day\n\n" + body,
			"2024-03-05|First Headline Of The Day|2; 2024-03-06|Second Headline Of The Day|2"},
		// title above its date (speech collections)
		{"STATE OF THE UNION ADDRESS\n \nJanuary 28, 2003\n\n" + body + "\n\nANNUAL MESSAGE TO THE CONGRESS\n\nJanuary 20, 2004\n\n" + body,
			"2003-01-28|STATE OF THE UNION ADDRESS|2; 2004-01-20|ANNUAL MESSAGE TO THE CONGRESS|2"},
		// a heading with nothing under it is dropped, the next one opens the article
		{"March 4, 2024\n\nMarch 5, 2024\n\n" + body, "2024-03-05||2"},
	}
	for _, tt := range tests {
		if got := outline(read(t, tt.in)); got != tt.want {
			t.Errorf("ReadIssue(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestYearInference(t *testing.T) {
	tests := []struct{ in, want string }{
		// from the masthead
		{"Special Issue on the Annual Sessions 2024\nXi Jinping at the Two Sessions\n\nMarch 5\n\n" + body, "2024-03-05"},
		// from a caption with the same day
		{"March 5\n\n" + body + "\nXi attends a deliberation in Beijing, March 5, 2023 (XINHUA)\n", "2023-03-05"},
		// from an earlier heading with a year
		{"March 4, 2022\n\n" + body + "\nMarch 5\n\n" + body, "2022-03-04 2022-03-05"},
		// from a dateline
		{"BEIJING, March 5, 2021 (Xinhua) -- Xi Jinping stressed reform.\n", "2021-03-05"},
		{"BEIJING, March 5 (Xinhua) -- Xi Jinping stressed reform.\n", "--03-05"},
		// nowhere: month and day only
		{"March 5\n\n" + body, "--03-05"},
		// from a full date later in the issue: the first article waits for it
		{"March 5\n\n" + body + "\nMarch 6\n\nThe session opened on March 7, 2019 in Beijing.\n", "2019-03-05 2019-03-06"},
	}
	for _, tt := range tests {
		var got []string
		for _, a := range read(t, tt.in).Articles {
			got = append(got, a.Date.String())
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("ReadIssue(%q) dates = %q; want %q", tt.in, s, tt.want)
		}
	}
}

// TestReadStreams: articles are handed on while the input is read, not at
// its end; only an article whose year waits for the rest of the issue
// holds back the articles after it.
func TestReadStreams(t *testing.T) {
	data, err := os.ReadFile(corpus(t))
	if err != nil {
		t.Fatal(err)
	}
	rd, err := NewReader(DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	src := &countingReader{r: bytes.NewReader(data)}
	var at []int64 // bytes read when each article was handed on
	var ns []int
	iss, err := rd.stream(src, "sotu.txt", func(a *Article) error {
		at, ns = append(at, src.n), append(ns, a.N)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// 64 articles (see TestStateOfTheUnion), numbered in order
	if len(ns) != 64 || ns[0] != 1 || ns[63] != 64 {
		t.Fatalf("stream handed on %d articles, %v … ; want 64 numbered 1 to 64", len(ns), ns[:min(3, len(ns))])
	}
	// the first address (1945, about 40 KB) is handed on within the first
	// 10% of the 2.07 MB, and half of the articles before the last 40%
	if at[0] > int64(len(data))/10 || at[31] > int64(len(data))*6/10 {
		t.Errorf("articles 1 and 32 handed on after %d and %d of %d bytes; want them on the way", at[0], at[31], len(data))
	}
	if len(iss.Articles) != 0 {
		t.Errorf("stream kept %d articles in the Issue; want none", len(iss.Articles))
	}
	// held: the first article's year comes from the second's text
	var got []string
	if _, err := rd.stream(strings.NewReader("March 5\n\n"+body+"\nMarch 6\n\nThe session opened on March 7, 2019 in Beijing.\n"), "t", func(a *Article) error {
		got = append(got, fmt.Sprintf("%d %s %s", a.N, a.Date, a.DateNote))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`1 2019-03-05 heading "March 5" (line 1); year from dates elsewhere in the issue`,
		`2 2019-03-06 heading "March 6" (line 7); year from dates elsewhere in the issue`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("held articles:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestDatelineDatesUndatedArticle(t *testing.T) {
	iss := read(t, "China vows to boost new quality productive forces\n\nBEIJING, March 5 (Xinhua) -- China will develop new quality productive forces.\n\nMore text follows here.\n")
	a := iss.Articles[0]
	if a.Date.String() != "--03-05" || !strings.HasPrefix(a.DateNote, `dateline "BEIJING, March 5 (Xinhua) --" (line 3)`) {
		t.Errorf("date = %q (%s); want --03-05 from the dateline on line 3", a.Date, a.DateNote)
	}
}

func TestCaptions(t *testing.T) {
	tests := []struct{ caption string }{
		{"Chinese President Xi Jinping attends a meeting in Beijing, capital of China, March 5, 2024 (XINHUA)"},
		{"Xi Jinping speaks at the meeting in Beijing. (Xinhua/Ju Peng)"},
		{"Delegates arrive at the Great Hall of the People. [Photo/Xinhua]"},
		{"A view of the meeting hall. (Photo by Wang Ye)"},
		{"Photo: Xinhua"},
		{"Photo taken on March 4, 2024 shows the venue of the session."},
		{"An aerial photo taken on March 1, 2024 shows a factory in Suzhou."},
		{"File photo shows the Great Hall of the People."},
		{"White House photo by Eric Draper"},
	}
	for _, tt := range tests {
		in := "Xi Stresses Reform\n\n" + body + "\n" + tt.caption + "\n\n" + tt.caption + "\n"
		iss := read(t, in)
		a := iss.Articles[0]
		got := fmt.Sprintf("body=%d captions=%d", len(a.Body), len(a.Captions))
		if len(a.Captions) == 1 {
			got += fmt.Sprintf(" copies=%d %q", a.Captions[0].Copies, a.Captions[0].Text)
		}
		want := fmt.Sprintf("body=2 captions=1 copies=2 %q", tt.caption)
		if got != want {
			t.Errorf("ReadIssue(... %q ...) = %s; want %s", tt.caption, got, want)
		}
	}
}

func TestGluedPhotoCredit(t *testing.T) {
	iss := read(t, "January 31, 2006\n\nWhite House photo by Eric DraperEvery time I'm invited to this rostrum, I'm humbled by the privilege.\n")
	a := iss.Articles[0]
	if len(a.Captions) != 1 || a.Captions[0].Text != "White House photo by Eric Draper" ||
		len(a.Body) != 1 || a.Body[0].Text != "Every time I'm invited to this rostrum, I'm humbled by the privilege." {
		t.Errorf("captions %+v, body %+v; want the credit apart from the sentence", a.Captions, a.Body)
	}
}

func TestStageDirections(t *testing.T) {
	iss := read(t, "January 31, 2006\n\nWe will win this war.\n(Applause.)\nAnd we will keep our promise. (Applause.) Thank you.\n9:10 P.M. EST\n")
	a := iss.Articles[0]
	var texts []string
	for _, p := range a.Body {
		texts = append(texts, p.Text)
	}
	if got, want := strings.Join(texts, " | "), "We will win this war. | And we will keep our promise. Thank you."; got != want {
		t.Errorf("body = %q; want %q", got, want)
	}
	var kinds []string
	for _, d := range iss.Dropped {
		kinds = append(kinds, fmt.Sprintf("%d:%s", d.Line, d.Kind))
	}
	if got, want := strings.Join(kinds, " "), "4:stage direction 5:stage direction 6:timestamp"; got != want {
		t.Errorf("dropped = %q; want %q", got, want)
	}
}

func TestVenues(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Xi made the remarks when he participated in a deliberation with fellow lawmakers from east China's Jiangsu Province.", "Jiangsu delegation"},
		{"Xi took part in a deliberation with his fellow deputies from the delegation of Jiangsu Province at the session.", "Jiangsu delegation"},
		{"Xi joined a deliberation with lawmakers from Inner Mongolia Autonomous Region on Tuesday.", "Inner Mongolia delegation"},
		{"Xi attended a plenary meeting of the delegation of the People's Liberation Army and the People’s Armed Police Force.", "PLA and PAP delegation"},
		{"Xi attended a joint group meeting of political advisors to the CPPCC National Committee.", "CPPCC joint group meeting"},
		{"The ministers held a joint group meeting.", "joint group meeting"},
		{"Xi presided over a symposium in Changsha on the rise of central China.", "symposium in Changsha"},
		{"Xi made the remarks during an inspection tour in central China's Hunan Province.", "inspection in Hunan"},
		{"Xi stressed high-quality development.", VenueUnspecified},
	}
	for _, tt := range tests {
		a := read(t, tt.text+"\n").Articles[0]
		if a.Venue != tt.want {
			t.Errorf("venue of %q = %q; want %q", tt.text, a.Venue, tt.want)
		}
		if (a.VenueCue == nil) != (tt.want == VenueUnspecified) {
			t.Errorf("venue cue of %q = %+v; want one exactly when a venue is named", tt.text, a.VenueCue)
		}
	}
}

func TestCustomVenue(t *testing.T) {
	rd, err := NewReader([]VenuePattern{{"Boao Forum for Asia", []string{"Boao Forum for Asia Annual Conference"}}})
	if err != nil {
		t.Fatal(err)
	}
	iss, err := rd.Read(strings.NewReader("Wang delivered a keynote at the opening of the Boao Forum for Asia Annual Conference 2024.\n"), "x")
	if err != nil {
		t.Fatal(err)
	}
	if got := iss.Articles[0].Venue; got != "Boao Forum for Asia" {
		t.Errorf("venue = %q; want Boao Forum for Asia", got)
	}
}

func TestEncodingsAndLineEnds(t *testing.T) {
	const text = "Xi Stresses Reform\n\nXi urged efforts to improve people’s well-being & safety.\n"
	const wantBody = "Xi urged efforts to improve people’s well-being & safety."
	utf16 := func(e unicode.Endianness, bom unicode.BOMPolicy) []byte {
		b, err := unicode.UTF16(e, bom).NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cp, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, enc string
		in        []byte
		warn      bool
	}{
		{"utf-8", "utf-8", []byte(text), false},
		{"utf-8 BOM", "utf-8 (BOM)", append([]byte{0xEF, 0xBB, 0xBF}, text...), false},
		{"utf-16le BOM", "utf-16le (BOM)", utf16(unicode.LittleEndian, unicode.UseBOM), false},
		{"utf-16be BOM", "utf-16be (BOM)", utf16(unicode.BigEndian, unicode.UseBOM), false},
		{"utf-16le no BOM", "utf-16le", utf16(unicode.LittleEndian, unicode.IgnoreBOM), false},
		{"windows-1252", "windows-1252", cp, true},
		{"CRLF", "utf-8", []byte(strings.ReplaceAll(text, "\n", "\r\n")), false},
		{"CR", "utf-8", []byte(strings.ReplaceAll(text, "\n", "\r")), false},
		{"NBSP and entities", "utf-8", []byte("Xi\u00a0Stresses Reform\n\nXi urged\u00a0\u00a0efforts to improve people&rsquo;s well-being &amp; safety.\n"), false},
	}
	for _, tt := range tests {
		iss, err := ReadIssue(bytes.NewReader(tt.in), "x.txt")
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		a := iss.Articles[0]
		got := fmt.Sprintf("%s|%s|%d|%s|%v", iss.Encoding, a.Headline.Text, len(a.Body), a.Body[0].Text, len(iss.Warnings) > 0)
		want := fmt.Sprintf("%s|Xi Stresses Reform|1|%s|%v", tt.enc, wantBody, tt.warn)
		if got != want {
			t.Errorf("%s: ReadIssue = %q; want %q", tt.name, got, want)
		}
		if a.Body[0].Line != 3 {
			t.Errorf("%s: body line = %d; want 3", tt.name, a.Body[0].Line)
		}
	}
}

func TestLongLineReadBySentences(t *testing.T) {
	sentence := "Xi Jinping stressed high-quality development in a speech on Tuesday. "
	text := strings.Repeat(sentence, 200) // 14 KB on one line
	iss := read(t, text)
	a := iss.Articles[0]
	if len(a.Body) != 200 || a.Body[0].Text != strings.TrimSpace(sentence) || a.Body[199].Line != 1 {
		t.Errorf("long line: %d paragraphs, first %q; want 200 sentence paragraphs of line 1", len(a.Body), a.Body[0].Text)
	}
	if len(iss.Warnings) != 1 || !strings.Contains(iss.Warnings[0].Msg, "read as 200 sentence paragraphs") {
		t.Errorf("warnings = %+v; want one saying the line was split", iss.Warnings)
	}
}

func TestWrappedLinesJoin(t *testing.T) {
	iss := read(t, "Xi Stresses Reform\n\nPresident Xi Jinping stressed developing new quality\nproductive forces according to local conditions.\n\nHe said more.\n")
	a := iss.Articles[0]
	if len(a.Body) != 2 || a.Body[0].Text != "President Xi Jinping stressed developing new quality productive forces according to local conditions." ||
		a.Body[0].Line != 3 || a.Body[0].EndLine != 4 {
		t.Errorf("body = %+v; want the wrapped paragraph joined as lines 3-4", a.Body)
	}
}

func TestRejectedInput(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "x.txt: empty input"},
		{"blank", []byte(" \n\u00a0\n\t\n"), "x.txt: empty input (only blank lines)"},
		{"NUL", []byte("hello\nwor\x00ld\n"), "x.txt:2: binary data (NUL byte), not a text issue"},
		{"controls", []byte("ok\n\x01\x02\x03\x04\x05\x06\x07\x08abc\n"), "x.txt:2: binary data (control characters), not a text issue"},
	}
	for _, tt := range tests {
		_, err := ReadIssue(bytes.NewReader(tt.in), "x.txt")
		var ie *InputError
		if !errors.As(err, &ie) || err.Error() != tt.want {
			t.Errorf("%s: ReadIssue error = %v; want InputError %q", tt.name, err, tt.want)
		}
	}
}

// TestReferenceIssue checks the reading of the Beijing Review issue
// against what a reader counts in testdata/two_sessions_2024.txt.
func TestReferenceIssue(t *testing.T) {
	f, err := os.Open("../testdata/two_sessions_2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	iss, err := ReadIssue(f, "two_sessions_2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	if iss.Title != "Xi Jinping at the Two Sessions" || iss.Publication != "Beijing Review" || iss.Lines != 144 {
		t.Errorf("title %q, publication %q, lines %d; want Xi Jinping at the Two Sessions, Beijing Review, 144", iss.Title, iss.Publication, iss.Lines)
	}
	// By reading: three dated sections, one article each. Body paragraphs
	// stand on every other line (10-46, 62-86, 97-119). Sentences: every
	// paragraph is one sentence except line 16 ("… Xi said. It is …") and
	// line 42 ("… bureaucratic practices. Practical steps …") on March 5,
	// and lines 70 ("… joined the discussion. Wang and Cai …") and 74
	// ("… an important speech. He said …") on March 6; plus the headline.
	// The March 5 caption stands twice (lines 50 and 54).
	want := []string{
		"1 2024-03-05 Jiangsu delegation | Xi Stresses Developing New Quality Productive Forces (8) | 19 paragraphs 10-46 | 22 sentences | captions 50+54",
		"2 2024-03-06 CPPCC joint group meeting | Xi Calls on Political Advisors to Build Consensus for Chinese Modernization (60) | 13 paragraphs 62-86 | 16 sentences | captions 90",
		"3 2024-03-07 PLA and PAP delegation | Xi Stresses Deepening Reform to Comprehensively Enhance Strategic Capabilities in Emerging Areas (95) | 12 paragraphs 97-119 | 13 sentences | captions 121",
	}
	var got []string
	for _, a := range iss.Articles {
		var caps []string
		for _, c := range a.Captions {
			var ls []string
			for _, l := range c.Lines {
				ls = append(ls, fmt.Sprint(l))
			}
			caps = append(caps, strings.Join(ls, "+"))
		}
		got = append(got, fmt.Sprintf("%d %s %s | %s (%d) | %d paragraphs %d-%d | %d sentences | captions %s",
			a.N, a.Date, a.Venue, a.Headline.Text, a.Headline.Line, len(a.Body), a.Body[0].Line, a.Body[len(a.Body)-1].Line,
			a.Sentences(), strings.Join(caps, ",")))
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("articles:\n%s\nwant:\n%s", g, w)
	}
	// Masthead: lines 1-3. Footer: "Related:" (125) to the copyright line
	// (144), less the blank lines 133 and 137.
	var dropped []string
	for _, d := range iss.Dropped {
		dropped = append(dropped, fmt.Sprintf("%d:%s", d.Line, d.Kind))
	}
	wantDropped := "1:masthead 2:masthead 3:masthead"
	for _, n := range []int{125, 126, 127, 128, 129, 130, 131, 132, 134, 135, 136, 138, 139, 140, 141, 142, 143, 144} {
		wantDropped += fmt.Sprintf(" %d:footer", n)
	}
	if g := strings.Join(dropped, " "); g != wantDropped {
		t.Errorf("dropped = %s\nwant      %s", g, wantDropped)
	}
	// Nothing of the masthead or footer is in an article.
	for _, a := range iss.Articles {
		for _, p := range articleParaPtrs(&a) {
			for _, bad := range []string{"BEIJING REVIEW", "Copyright", "Partners:", "Advertise with Us"} {
				if strings.Contains(p.Text, bad) {
					t.Errorf("article %d line %d holds %q", a.N, p.Line, bad)
				}
			}
		}
	}
	if len(iss.Warnings) != 0 {
		t.Errorf("warnings = %+v; want none", iss.Warnings)
	}
}

// TestReadLineBreaks: lines end at \n, \r\n or a lone \r, wherever the
// reader's buffer ends, and a line longer than the buffer is whole.
func TestReadLineBreaks(t *testing.T) {
	long := strings.Repeat("long line ", 10)
	tests := []struct{ in, want string }{
		{"a\nb\n", "a|b"},
		{"a\nb", "a|b"},
		{"a\r\nb\rc\r", "a|b|c"},
		{"\n\r\n\r", "||"},
		{"", ""},
		{"0123456789abcde\r\nx", "0123456789abcde|x"}, // \r last in a 16-byte buffer
		{"0123456789abcdef\r\n", "0123456789abcdef"},
		{long + "\r" + long + "\r\n" + long, long + "|" + long + "|" + long},
		{long, long},
	}
	for _, tt := range tests {
		lr := &lineReader{br: bufio.NewReaderSize(strings.NewReader(tt.in), 16)}
		var got []string
		for {
			b, ok, err := lr.readLine()
			if err != nil {
				t.Fatalf("readLine(%q): %v", tt.in, err)
			}
			if !ok {
				break
			}
			got = append(got, string(b))
		}
		if strings.Join(got, "|") != tt.want || (tt.want == "" && len(got) > 0) {
			t.Errorf("readLine(%q) = %q; want %q", tt.in, got, strings.Split(tt.want, "|"))
		}
	}
}

// TestLongArticleCut: a text with nothing to end an article (no
// headline, no date) is not held whole: past maxArticle of body text (1 MB
// here, 16 MB in a run) the article goes on as the next, said once, every
// word kept.
func TestLongArticleCut(t *testing.T) {
	rd, err := NewReader(DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	rd.maxArticle = 1 << 20
	maxArticle := rd.maxArticle
	para := strings.Repeat("the plan calls for steady growth and deeper reform in every province ", 15)
	n := maxArticle/len(para)*2 + 10 // a little over twice maxArticle
	var b strings.Builder
	for i := range n { // each paragraph its own: repeated ones are dropped as copies
		fmt.Fprintf(&b, "%s%d\n\n", para, i)
	}
	text := b.String()
	var sizes []int
	iss, err := rd.stream(strings.NewReader(text), "long.txt", func(a *Article) error {
		size := 0
		for _, p := range a.Body {
			size += len(p.Text)
		}
		sizes = append(sizes, size)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sizes) != 3 || sizes[0] > maxArticle || sizes[1] > maxArticle {
		t.Fatalf("articles of %v bytes; want three, the first two at most %d", sizes, maxArticle)
	}
	if want := len(strings.Fields(text)); iss.WordsKept != want || iss.WordsDropped != 0 {
		t.Errorf("%d words kept, %d dropped; want all %d kept", iss.WordsKept, iss.WordsDropped, want)
	}
	said := 0
	for _, w := range iss.Warnings {
		if strings.Contains(w.Msg, "read as several articles") {
			said++
		}
	}
	if said != 1 {
		t.Errorf("warnings %+v; want one saying the article was cut", iss.Warnings)
	}
}
