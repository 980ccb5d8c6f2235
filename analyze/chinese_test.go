package analyze_test

import (
	"os"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/analyzetest"
	"github.com/issuelens/analyze/internal/testfiles"
)

// TestChinese reads and counts Chinese with one Language made for all
// its subtests (loading gse's dictionary takes a second, ten under the
// race detector).
func TestChinese(t *testing.T) {
	zh, err := analyze.NewLanguage("zh")
	if err != nil {
		t.Fatal(err)
	}
	if zh.Code() != "zh" || zh.Script() != "Hans" {
		t.Errorf("code %s, script %s", zh.Code(), zh.Script())
	}
	t.Run("matching", func(t *testing.T) { testChineseMatching(t, zh) })
	t.Run("sentences", func(t *testing.T) { testChineseSentences(t, zh) })
	t.Run("report 2024", func(t *testing.T) { testGovernmentWorkReport2024(t, zh) })
}

// readChinese reads a text in Chinese with the built-in lexicon's venues.
func readChinese(t *testing.T, zh analyze.Language, text, name string) (*analyze.Issue, *analyze.Result) {
	t.Helper()
	lex := analyzetest.Lexicon(t)
	iss, err := analyze.NewReaderIn(zh, analyze.VenuesOf(lex)).Read(strings.NewReader(text), name)
	if err != nil {
		t.Fatal(err)
	}
	res, err := analyze.NewAnalyzerIn(zh, lex).Analyze(iss, analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return iss, res
}

func counts(res *analyze.Result) map[string]int {
	c := map[string]int{}
	for _, m := range res.Mentions {
		c[m.Phrase]++
	}
	return c
}

// testChineseMatching: formulations are matched on characters, whatever
// the segmenter made of the text: "产业链供应链" counts industrial chains
// and supply chains; a formulation broken over a hard line break
// (Wikisource's) still counts; traditional characters (社會主義) and a
// full-width digit are folded; a longer formulation wins over the one
// inside it (习近平新时代中国特色社会主义思想 is not also 中国特色社会主义). By
// reading: high-quality development 2 (one across the line break, one in
// traditional characters), new quality productive forces 1, industrial
// chains 1, supply chains 1, Xi Jinping Thought 1, and nothing for
// socialism with Chinese characteristics.
func testChineseMatching(t *testing.T, zh analyze.Language) {
	text := "政府工作报告\n\n——２０２４年３月５日在第十四届全国人民代表大会第二次会议上\n\n" +
		"各位代表：\n\n我们要推动高质\n量发展，加快发展新质生产力，提升产业链供应链韧性。\n\n" +
		"以习近平新时代中国特色社会主义思想为指导，推動高質量發展。\n"
	iss, res := readChinese(t, zh, text, "report.txt")
	if len(iss.Articles) != 1 || iss.Articles[0].Date.String() != "2024-03-05" || iss.Articles[0].Headline == nil ||
		iss.Articles[0].Headline.Text != "政府工作报告" {
		t.Fatalf("articles %+v", iss.Articles)
	}
	got := counts(res)
	want := map[string]int{"high-quality development": 2, "new quality productive forces": 1, "industrial chains": 1, "supply chains": 1,
		"Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era": 1}
	for p, n := range want {
		if got[p] != n {
			t.Errorf("%s: %d; want %d", p, got[p], n)
		}
	}
	if got["socialism with Chinese characteristics"] != 0 || len(res.Mentions) != 6 {
		t.Errorf("mentions %v; want only %v", got, want)
	}
	for _, m := range res.Mentions {
		if m.Phrase == "new quality productive forces" && (m.Matched != "新质生产力" || !strings.HasSuffix(m.Left, "加快发展")) {
			t.Errorf("KWIC %q [%q] %q", m.Left, m.Matched, m.Right)
		}
	}
}

// testChineseSentences: sentences end at 。！？； with their closing quotes.
func testChineseSentences(t *testing.T, zh analyze.Language) {
	text := "他说：“要发展。”我们同意！是吗？是的；好 "
	var got []string
	for _, s := range zh.Sentences(text) {
		got = append(got, text[s.Start:s.End])
	}
	if want := "他说：“要发展。”|我们同意！|是吗？|是的；|好"; strings.Join(got, "|") != want {
		t.Errorf("sentences %q; want %s", got, want)
	}
}

// TestDetectLanguage: Chinese text (simplified or traditional), an
// English text with a few Chinese words, and a Chinese web page's markup.
func TestDetectLanguage(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{strings.Repeat("加快发展新质生产力，推动高质量发展。", 5), "zh"},
		{strings.Repeat("推動高質量發展。", 5), "zh"},
		{"Xi called for new quality productive forces (新质生产力) in Jiangsu, and for high-quality development (高质量发展).", "en"},
		{`<html><head><meta charset="utf-8"><title>政府工作报告</title></head><body><p>` + strings.Repeat("推动高质量发展。", 20) + `</p></body></html>`, "zh"},
		{"", "en"},
	} {
		if got := analyze.DetectLanguage([]byte(tt.text)); got != tt.want {
			t.Errorf("DetectLanguage(%.30q) = %s; want %s", tt.text, got, tt.want)
		}
	}
}

// testGovernmentWorkReport2024: the 2024 report from Wikisource (its
// lines broken at every link, its licence notice at the end) is one
// article titled 政府工作报告, dated 2024-03-05 by its delivery line, with
// three numbered parts as subheads, the licence dropped; 高质量发展 stands
// 25 times in it and 新质生产力 once (each place found and read: none is
// inside a longer formulation, every one counts).
func testGovernmentWorkReport2024(t *testing.T, zh analyze.Language) {
	b, err := os.ReadFile(testfiles.Shared(t, "corpus/government_work_reports/zh/2024.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if analyze.DetectLanguage(b[:min(len(b), 64<<10)]) != "zh" {
		t.Fatal("the report is not detected as Chinese")
	}
	iss, res := readChinese(t, zh, string(b), "2024.txt")
	a := iss.Articles[0]
	subheads := 0
	for _, p := range a.Body {
		if p.Subhead {
			subheads++
		}
	}
	if len(iss.Articles) != 1 || a.Headline == nil || a.Headline.Text != "政府工作报告" || a.Date.String() != "2024-03-05" || subheads != 3 {
		t.Errorf("%d articles; headline %v, date %s, %d subheads", len(iss.Articles), a.Headline, a.Date, subheads)
	}
	licence := false
	for _, d := range iss.Dropped {
		licence = licence || strings.HasPrefix(d.Text, "本作品是中华人民共和国的法律")
	}
	if !licence {
		t.Errorf("the licence notice is not dropped: %+v", iss.Dropped)
	}
	got := counts(res)
	if got["high-quality development"] != 25 || got["new quality productive forces"] != 1 {
		t.Errorf("high-quality development %d, new quality productive forces %d; want 25 and 1",
			got["high-quality development"], got["new quality productive forces"])
	}
}
