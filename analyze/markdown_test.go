package analyze_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/analyzetest"
)

// TestMarkdownTranscript: a broadcast transcript as archives keep it in
// Markdown, in English. By reading: the title and its date (2024-03-05)
// date every item; the summary under "In this programme" and the
// section heading with nothing under it are left out; each "###"
// heading opens an article with its paragraphs (inline HTML and
// emphasis reduced to text, a link in a sentence kept as its words); the
// "[Watch](…)" link lines and the code block are dropped. High-quality
// development stands once in item 1 and twice in item 2, and once more
// in the summary, which is not counted.
func TestMarkdownTranscript(t *testing.T) {
	md := "# Evening News (20240305)\n\n" +
		"## In this programme\n\n" +
		"- Premier delivers the government work report on high-quality development\n" +
		"- Jiangsu delegation meets\n\n" +
		"## Full stories\n\n" +
		"### Premier delivers the government work report\n\n" +
		"<p>The premier delivered the <strong>government work report</strong> on Tuesday.</p><p>He said China would pursue high-quality development.</p>\n\n" +
		"[Watch](https://example.org/1)\n\n" +
		"### Jiangsu delegation meets\n\n" +
		"Lawmakers of the delegation of Jiangsu Province discussed *high-quality development*\n" +
		"and the [new quality productive forces](https://example.org/nqpf) on Tuesday.\n\n" +
		"They said high-quality development needs more research.\n\n" +
		"```\nplayer.load(1)\n```\n\n" +
		"[Watch](https://example.org/2)\n"
	rd, err := analyze.NewReader(analyze.DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	iss, err := rd.Read(strings.NewReader(md), "evening_news.md")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range iss.Articles {
		var body []string
		for _, p := range a.Body {
			body = append(body, p.Text)
		}
		got = append(got, fmt.Sprintf("%s | %s | %s | %s", a.Date, a.Venue, headline(&a), strings.Join(body, " / ")))
	}
	want := []string{
		"2024-03-05 | unspecified | Premier delivers the government work report | The premier delivered the government work report on Tuesday. / He said China would pursue high-quality development.",
		"2024-03-05 | Jiangsu delegation | Jiangsu delegation meets | Lawmakers of the delegation of Jiangsu Province discussed high-quality development and the new quality productive forces on Tuesday. / They said high-quality development needs more research.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("articles:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if iss.Title != "Evening News (20240305)" || !strings.HasSuffix(iss.Encoding, "Markdown") {
		t.Errorf("title %q, read as %q", iss.Title, iss.Encoding)
	}
	kinds := map[string]int{}
	for _, d := range iss.Dropped {
		kinds[d.Kind]++
	}
	if kinds["programme summary"] != 3 || kinds["section heading"] != 1 || kinds["link"] != 2 || kinds["code"] != 1 {
		t.Errorf("dropped %v; want 3 lines of programme summary, a section heading, 2 links, a code block", kinds)
	}
	az, err := analyze.NewAnalyzer(analyzetest.Lexicon(t))
	if err != nil {
		t.Fatal(err)
	}
	res, err := az.Analyze(iss, analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range res.Mentions {
		if m.Phrase == "high-quality development" {
			n++
		}
	}
	if n != 3 {
		t.Errorf("high-quality development counted %d times; by reading 3 (the summary's not counted)", n)
	}
}
