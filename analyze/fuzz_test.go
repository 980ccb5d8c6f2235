package analyze

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/issuelens/analyze/analyze/lexicon"
)

// FuzzReadIssue checks what must hold for any input: no panic; either an
// InputError or articles numbered in order whose paragraphs, captions and
// sentences lie inside the input.
func FuzzReadIssue(f *testing.F) {
	seeds := []string{
		body,
		"March 5\n\nXi Stresses Reform\n\n" + body,
		"STATE OF THE UNION ADDRESS\n \nJanuary 28, 2003\n\n" + body,
		"BEIJING, March 5 (Xinhua) -- Xi Jinping stressed reform.\n",
		"Xi attends a meeting in Beijing, March 5, 2024 (XINHUA)\n\nXi attends a meeting in Beijing, March 5, 2024 (XINHUA)\n",
		"White House photo by Eric DraperEvery time I'm invited to this rostrum, I'm humbled.\n(Applause.)\n",
		"Related:\nChina\nOpinion\nCopyright Beijing Review\n",
		"a\r\nb\rc\n\n\n\nD E F G H\n\nbody text.",
		"\xef\xbb\xbfMarch 5\n",
		"\xff\xfeM\x00a\x00r\x00c\x00h\x00 \x005\x00\n\x00",
		"caf\xe9 &amp; &rsquo;\n",
		"<!DOCTYPE html><html><head><title>T</title><meta charset=gbk></head><body><nav>Home World</nav><article><h1>Xi stresses reform</h1>" +
			"<p>March 5, 2024</p><p>Xi urged efforts to deepen reform and develop new quality productive forces in the province.</p></article></body></html>",
	}
	for _, page := range []string{"xi_inspection.html", "oneline_dump.txt", "site_dump_3pages.txt"} {
		if b, err := os.ReadFile("../testdata/pages/" + page); err == nil {
			seeds = append(seeds, string(b))
		}
	}
	if b, err := os.ReadFile("../testdata/two_sessions_2024.txt"); err == nil {
		seeds = append(seeds, string(b))
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	rd, err := NewReader(DefaultVenues())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		// read as one of a batch of web pages that repeat its text: the
		// template drops sentences and paragraphs, the rest must hold
		rd := rd
		if pages, err := rd.ScanPages(bytes.NewReader(in), "fuzz.txt"); err == nil && pages != nil {
			rd = rd.WithTemplate(NewTemplate(append(append(pages, pages...), pages...)))
		}
		checkRead(t, rd, in, "fuzz.txt")
	})
}

// FuzzReadMarkdown is FuzzReadIssue for Markdown (goldmark's blocks,
// inline HTML, links, summaries): the same must hold.
func FuzzReadMarkdown(f *testing.F) {
	for _, s := range []string{
		"# 《新闻联播》 (20240305)\n\n## 新闻摘要\n\n1.习近平在参加江苏代表团审议时强调；\n\n## 详细新闻\n\n### 标题\n\n<p><strong>央视网消息</strong>（新闻联播）：推动高质量发展。</p><p>第二段。</p>\n\n[查看原文](https://tv.cctv.com/x.shtml)\n",
		"# Evening News (20240305)\n\n## In this programme\n\n- one\n- two\n\n### Premier speaks\n\nHe said *high-quality development* and [the forces](u) matter.\n\n```\ncode\n```\n",
		"### only\n\n> quote\n> more\n\n1. a\n2. b\n\n<div>\n<p>x</p>\n</div>\n\n---\n\n![img](a.png)\n",
	} {
		f.Add([]byte(s))
	}
	if b, err := os.ReadFile("../testdata/zh_sources/xwlb_20240305.md"); err == nil {
		f.Add(b)
	}
	rd, err := NewReader(DefaultVenues())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in []byte) { checkRead(t, rd, in, "fuzz.md") })
}

// checkRead reads an input as name says and checks what must hold for
// any: either an InputError or articles numbered in order whose
// paragraphs, captions, sentences and dropped lines lie inside the text.
func checkRead(t *testing.T, rd *Reader, in []byte, name string) {
	t.Helper()
	iss, err := rd.Read(bytes.NewReader(in), name)
	if err != nil {
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Fatalf("error %v is not an InputError", err)
		}
		return
	}
	if len(iss.Articles) == 0 && len(iss.Dropped) == 0 {
		t.Fatalf("no articles and nothing dropped from %q", in)
	}
	lastLine := 0
	for i, a := range iss.Articles {
		if a.N != i+1 {
			t.Fatalf("article %d numbered %d", i+1, a.N)
		}
		paras := articleParaPtrs(&a)
		if len(paras) == 0 {
			t.Fatalf("article %d is empty", a.N)
		}
		first := paras[0].Line
		if first < lastLine && a.Headline != nil && a.Headline.Line < lastLine {
			t.Fatalf("article %d starts at line %d, before article %d (line %d)", a.N, first, a.N-1, lastLine)
		}
		for _, p := range paras {
			if p.Line < 1 || p.EndLine < p.Line || p.EndLine > iss.Lines {
				t.Fatalf("paragraph lines %d-%d outside 1-%d", p.Line, p.EndLine, iss.Lines)
			}
			if !utf8.ValidString(p.Text) {
				t.Fatalf("paragraph text %q is not UTF-8", p.Text)
			}
			end := 0
			for _, s := range p.Sentences {
				if s.Start < end || s.End < s.Start || s.End > len(p.Text) {
					t.Fatalf("sentence %v outside or out of order in %q", s, p.Text)
				}
				end = s.End
			}
		}
		if a.Headline != nil {
			lastLine = a.Headline.Line
		} else {
			lastLine = first
		}
		for _, c := range a.Captions {
			if c.Copies != len(c.Lines) || c.Copies < 1 {
				t.Fatalf("caption copies %d, lines %v", c.Copies, c.Lines)
			}
		}
	}
	for _, d := range iss.Dropped {
		if d.Line < 1 || d.Line > iss.Lines {
			t.Fatalf("dropped line %d outside 1-%d", d.Line, iss.Lines)
		}
	}
}

// FuzzMatch: any text against any lexicon entries never panics, and every
// count equals its mention rows.
func FuzzMatch(f *testing.F) {
	f.Add("Cooperation in industrial and supply chains grew.", "industrial chains|supply chains")
	f.Add("The Chinese People's Political Consultative Conference (CPPCC) met.", "Chinese People's Political Consultative Conference|CPPCC")
	f.Add("Xi stressed deepening reforms. New quality productive forces!", "deepen reform|new quality productive forces|forces")
	f.Add(`"Taiwan independence," he said; A, B, and C chains.`, "Taiwan independence|A chains|B chains|C chains|,")
	f.Add("high–quality  development (HQD) (HQD)", "high-quality development|HQD|development")
	f.Fuzz(func(t *testing.T, text, phrases string) {
		var b strings.Builder
		b.WriteString("themes:\n  - theme: T\n    formulations:\n")
		seen := map[string]bool{}
		n := 0
		for _, p := range strings.Split(phrases, "|") {
			k := lexicon.Key(p)
			if k == "" || seen[k] || n >= 8 {
				continue
			}
			seen[k] = true
			n++
			fmt.Fprintf(&b, "      - phrase: %q\n        exact: %v\n", p, len(p)%2 == 0)
		}
		lex, err := lexicon.Parse(strings.NewReader(b.String()), "fuzz.yaml")
		if err != nil {
			return // not a lexicon this test is about
		}
		iss, err := ReadIssue(strings.NewReader(text), "fuzz.txt")
		if err != nil {
			return
		}
		res, err := Analyze(iss, lex, Options{CountCaptions: true})
		if err != nil {
			t.Fatal(err)
		}
		rows := mentionRows(res)
		for _, m := range res.Mentions {
			if m.Matched == "" {
				t.Fatalf("empty match %+v", m)
			}
		}
		total := 0
		for _, g := range res.Counts.Groups {
			if res.Counts.Tokens[g] < 0 {
				t.Fatalf("negative tokens")
			}
			for _, fm := range res.Formulations {
				c := res.Counts.Count(g, fm.ID)
				if c != rows[g][fm.ID] {
					t.Fatalf("%v %q: count %d, rows %d", g, fm.Phrase, c, rows[g][fm.ID])
				}
				total += c
			}
		}
		if total != len(res.Mentions) {
			t.Fatalf("counts add to %d, mentions %d", total, len(res.Mentions))
		}
		for _, p := range res.Pairs {
			if p.Count < 0 || p.Count > min(p.WindowsA, p.WindowsB) || p.WindowsA > p.Windows || p.NPMI < -1 || p.NPMI > 1 {
				t.Fatalf("pair out of range: %+v", p)
			}
		}
		for _, c := range res.Discovered {
			if c.Count < 2 || c.Articles < 1 || c.Phrase == "" {
				t.Fatalf("candidate out of range: %+v", c)
			}
		}
	})
}

// FuzzPrefilters checks that the cheap tests run before the reader's
// expressions never hide a match: wherever an expression matches, its
// test passes.
func FuzzPrefilters(f *testing.F) {
	for _, s := range []string{
		"Xi attends a meeting in Beijing, March 5, 2024 (XINHUA)",
		"on March 5,\t2024, and on Jan. 1,  1999",
		"Delegates listen (Photo by Wang Ye) \t",
		"Students at a school [Photo/Xinhua]",
		"PHOTO: a view of the hall",
		"An aerial photo taken on March 4 shows the city",
		"Getty Images photo by John Smith",
		"White House photo by Eric DraperEvery time I'm invited to this rostrum, I'm humbled.",
		"(Applause.)", "(LAUGHTER)", "10:42 a.m. EST", "END 11:02 P.M.",
		"We will deepen reform (and opening up) (Applause.) in 2024.",
		"plain body text, with commas, 12 and 2024",
		"Copyright © 2024 Beijing Review. All Rights Reserved.", "京ICP备08005356号", "Related:", "the icp is", "epic",
		"Xi joined a deliberation with fellow lawmakers from east China's Jiangsu Province.",
		"the delegation of the PLA and the People’s Armed Police", "at a joint group meeting", "a ſymposium in Changsha",
		"during an INSPECTION TOUR in Hunan Province", "the Central Economic Work Conference was held",
	} {
		f.Add(s)
	}
	en := english(f).(*englishLang)
	p, dates := en.layout, en.dates
	lex, err := lexicon.Default()
	if err != nil {
		f.Fatal(err)
	}
	venues := newVenueRules(VenuesOf(lex))
	// the footer marker as one expression, before it was split in two
	footer := regexp.MustCompile(`(?i)^(?:related(?: news| stories| articles| links| reading)?\s*:?$|copyright\b|©|\(c\)\s*\d{4}|all rights reserved|partners?\s*:|editors?\s*:|\[editor|share\s*(?:this|on)?\s*:|source\s*:|follow us|back to top|print$|email$|more\s*:|tags?\s*:|keywords?\s*:)|all rights reserved|\bICP\b|ICP备`)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := en.FooterMarker(s), footer.MatchString(s); got != want {
			t.Errorf("FooterMarker(%q) = %v; the expression says %v", s, got, want)
		}
		check := func(name string, matches, passes bool) {
			if matches && !passes {
				t.Errorf("%s matches %q but its cheap test fails", name, s)
			}
		}
		check("inText", dates.inText.MatchString(s), hasCommaYear(s))
		check("captionEnd", p.captionEnd.MatchString(s), closesBracket(s))
		check("captionStart", p.captionStart.MatchString(s), mentionsPhoto(s))
		check("stage", p.stage.MatchString(s), s != "" && s[0] == '(')
		check("timestamp", p.timestamp.MatchString(s), s != "" && (isDigit(s[0]) || s[0] == 'e' || s[0] == 'E'))
		check("gluedCredit", p.gluedCredit.MatchString(s), strings.Contains(s, "hoto by "))
		check("stageInline", p.stageInline.MatchString(s), strings.Contains(s, "("))
		low := strings.ToLower(s)
		for i := range venues {
			check(fmt.Sprintf("venue rule %d (%s)", i, venues[i].re), venues[i].re.MatchString(s), venues[i].maybe(s, low))
		}
	})
}
