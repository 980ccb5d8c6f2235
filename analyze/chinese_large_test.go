//go:build !race

// Chinese reading and counting: gse's dictionary takes ten seconds to load
// under the race detector, and these tests run one goroutine; the race run
// of `make test` leaves them out and its second pass runs them.

package analyze_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/analyzetest"
	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/internal/testfiles"
	"github.com/liuzl/gocc"
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
	t.Run("national rejuvenation", func(t *testing.T) { testNationalRejuvenation(t, zh) })
	t.Run("layout", func(t *testing.T) { testChineseLayout(t, zh) })
	t.Run("one line", func(t *testing.T) { testChineseOneLine(t, zh) })
	t.Run("hostile shapes", func(t *testing.T) { testChineseHostileShapes(t, zh) })
	t.Run("dates", func(t *testing.T) { testChineseDates(t, zh) })
	t.Run("rules", func(t *testing.T) { testChineseRules(t, zh) })
	t.Run("news issue", func(t *testing.T) { testChineseNewsIssue(t, zh) })
	t.Run("table of contents", func(t *testing.T) { testChineseContents(t, zh) })
	t.Run("fold", func(t *testing.T) { testChineseFold(t, zh) })
}

// testChineseFold: a word folds to its simplified form, full-width letters
// and digits to ASCII in lower case; every unified ideograph alone (as
// matching folds them) folds to what OpenCC's conversion makes of it,
// whether Fold looks it up or passes it through as one OpenCC leaves.
func testChineseFold(t *testing.T, zh analyze.Language) {
	for in, want := range map[string]string{"會議": "会议", "日內瓦會議": "日内瓦会议", "会议": "会议", "ＡＢＣ１２": "abc12", "AI+": "ai+", "發": "发", "会": "会"} {
		if got := zh.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q; want %q", in, got, want)
		}
	}
	t2s, err := gocc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		want, err := t2s.Convert(string(r))
		if err != nil {
			t.Fatal(err)
		}
		if want != string(r) {
			changed++
		}
		if got := zh.Fold(string(r)); got != want {
			t.Errorf("Fold(%q) = %q; want OpenCC's %q", string(r), got, want)
		}
	}
	if changed < 2000 {
		t.Errorf("OpenCC changes %d of the unified ideographs; want the 2,000 and more traditional ones", changed)
	}
}

// testChineseContents: testdata/zh/contents_zh.txt opens with 本版导读 and
// the headlines of its two articles, one with a line of summary holding
// 高质量发展: the table of contents is dropped (listed as such) and every
// formulation counted once, in the articles: by reading, 9 mentions
// (因地制宜 2, 新质生产力 3, 高质量发展 1, 深化改革 2, 新兴领域战略能力 1), not 14.
// The same marker over headlines that stand nowhere else is read as text.
func testChineseContents(t *testing.T, zh analyze.Language) {
	b, err := os.ReadFile(testfiles.Testdata(t, "zh/contents_zh.txt"))
	if err != nil {
		t.Fatal(err)
	}
	iss, res := readChinese(t, zh, string(b), "contents_zh.txt")
	toc := 0
	for _, d := range iss.Dropped {
		if d.Kind == "table of contents" {
			toc++
		}
	}
	if len(iss.Articles) != 2 || len(res.Mentions) != 9 || toc != 4 {
		t.Errorf("%d articles, %d mentions, %d lines dropped as the table of contents; want 2, 9, 4", len(iss.Articles), len(res.Mentions), toc)
	}
	text := "新华社北京3月5日电 我们要推动高质量发展。\n\n本版导读\n\n推动高质量发展\n\n加快发展新质生产力\n"
	iss, res = readChinese(t, zh, text, "notoc.txt")
	for _, d := range iss.Dropped {
		if d.Kind == "table of contents" {
			t.Errorf("a list of headlines that stand nowhere else is dropped: %+v", d)
		}
	}
	if len(res.Mentions) != 3 {
		t.Errorf("%d mentions; want 3 (the article's sentence and the two lines after it)", len(res.Mentions))
	}
}

// testChineseNewsIssue: testdata/zh/two_sessions_2024_zh.txt, three
// Xinhua-style reports of the 2024 sessions (our own text, in the shape
// of the English sample: a masthead line, headlines, two set as markdown
// "###" headings, datelines 新华社北京3月5日电, a photo credit, an editor's
// line), read and counted as a careful reader would: three articles, each
// dated by its dateline (the year from the caption's full date, then from
// the issue's), each venue from its text (江苏代表团: Jiangsu delegation;
// 联组会: CPPCC joint group meeting; 解放军和武警部队代表团: PLA and PAP
// delegation), the caption apart, the editor's line dropped; by reading,
// 14 mentions: 因地制宜 2, 新质生产力 3, 高质量发展 1 (article 1, headline
// and body), 中国式现代化, 强国建设, 民族复兴, the CPPCC twice (政协 in the
// headline's 参加政协会议, 全国政协 in 参加全国政协十四届二次会议: Chinese
// variants, as "the CPPCC National Committee" is a mention in English)
// (article 2), 深化改革 2,
// 新兴领域战略能力 1 (article 3); the officials' titles (国家主席 …) hold
// none.
func testChineseNewsIssue(t *testing.T, zh analyze.Language) {
	b, err := os.ReadFile(testfiles.Testdata(t, "zh/two_sessions_2024_zh.txt"))
	if err != nil {
		t.Fatal(err)
	}
	iss, res := readChinese(t, zh, string(b), "two_sessions_2024_zh.txt")
	var arts []string
	for _, a := range iss.Articles {
		arts = append(arts, fmt.Sprintf("%s %s %d+%d", a.Date, a.Venue, len(a.Body), len(a.Captions)))
	}
	if want := "2024-03-05 Jiangsu delegation 1+1 | 2024-03-06 CPPCC joint group meeting 1+0 | 2024-03-07 PLA and PAP delegation 1+0"; strings.Join(arts, " | ") != want {
		t.Errorf("articles %q;\nwant %s", arts, want)
	}
	got := map[string]int{}
	for _, m := range res.Mentions {
		got[fmt.Sprintf("%d %s", m.Article, res.Formulations[m.Form].ZH)]++
	}
	want := map[string]int{"1 因地制宜": 2, "1 新质生产力": 2, "1 高质量发展": 1, "2 中国式现代化": 1, "2 强国建设": 1, "2 民族复兴": 1,
		"2 中国人民政治协商会议": 2, "3 深化改革": 2, "3 新兴领域战略能力": 1, "3 新质生产力": 1}
	if len(res.Mentions) != 14 || len(got) != len(want) {
		t.Errorf("%d mentions %v; want 14: %v", len(res.Mentions), got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d; want %d", k, got[k], n)
		}
	}
	editor := false
	for _, d := range iss.Dropped {
		editor = editor || (d.Kind == "footer" && strings.Contains(d.Text, "责任编辑"))
	}
	if !editor {
		t.Errorf("the editor's line is not dropped as the footer: %+v", iss.Dropped)
	}
}

// chineseRuleLexicon holds the entries testChineseRules needs, and an
// official title to mask.
const chineseRuleLexicon = `themes:
  - theme: T
    formulations:
      - {phrase: high-quality development, zh: 高质量发展}
      - {phrase: new industrialization, zh: 新型工业化}
      - {phrase: new urbanization, zh: 新型城镇化}
      - {phrase: IT application, zh: 信息化}
      - {phrase: agricultural modernization, zh: 农业现代化}
      - {phrase: artificial intelligence, zh: 人工智能}
      - {phrase: AI Plus, zh: 人工智能+}
      - {phrase: national security, zh: 国家安全}
      - {phrase: national rejuvenation, zh: 民族复兴, zh_variants: [中华民族伟大复兴, 民族伟大复兴]}
      - {phrase: Belt and Road Initiative, zh: 一带一路}
      - {phrase: community with a shared future for mankind, zh: 人类命运共同体}
      - {phrase: CPPCC, zh: 中国人民政治协商会议, zh_variants: [全国政协]}
      - {phrase: rural revitalization, zh: 乡村振兴}
      - {phrase: deepen reform, zh: 深化改革}
      - {phrase: macro regulation, zh: 宏观调控}
      - {phrase: reform and opening up, zh: 改革开放}
      - {phrase: manufacturer of quality, zh: 制造强国, zh_variants: [制造强国建设]}
      - {phrase: build a great country, zh: 强国建设}
ignore:
  - 国家安全部
  - 国务院总理
venues:
  - venue: PLA and PAP delegation
    patterns: [解放军和武警部队代表团]
`

// testChineseRules, each sentence counted by reading: a comma breaks a
// match (提高质量，发展 is no 高质量发展) where quotes do not (“高质量”发展 is
// one); a modifier shared by a list set off by 、 counts for each item
// it makes an entry with (新型工业化、信息化、城镇化: new industrialization,
// IT application as itself, new urbanization; 农业现代化 as itself);
// "人工智能+" is AI Plus, not also artificial intelligence; a Chinese
// variant counts under its formulation (中华民族伟大复兴 once, though it
// holds the variant 民族伟大复兴; 民族复兴; 民族伟大复兴); a formulation
// followed by an institution's suffix is part of its name (工业和信息化部,
// 瑞典“一带一路”研究所, “一带一路”国际合作高峰论坛), unless the suffix opens
// another word (部门, 部署), a particle stands between (高质量发展的论坛) or
// the committee is the formulation's own (中国人民政治协商会议全国委员会); an official
// title or institution is masked (国家安全部 is no national security); a
// province's delegation and the lexicon's Chinese venue patterns name
// the venue.
func testChineseRules(t *testing.T, zh analyze.Language) {
	lex, err := lexicon.Parse(strings.NewReader(chineseRuleLexicon), "rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rd, az := analyze.NewReaderIn(zh, analyze.VenuesOf(lex)), analyze.NewAnalyzerIn(zh, lex)
	for _, tt := range []struct{ text, want, venue string }{
		{"我们要提高质量，发展经济。", "", ""},
		{"要坚持“高质量”发展。", "high-quality development", ""},
		{"推进新型工业化、信息化、城镇化、农业现代化。", "new industrialization|new urbanization|IT application|agricultural modernization", ""},
		{"实施“人工智能+”行动，发展人工智能。", "AI Plus|artificial intelligence", ""},
		{"国家安全部负责人说，要维护国家安全。", "national security", ""},
		{"实现中华民族伟大复兴，民族复兴是梦想，推进民族伟大复兴。", "national rejuvenation|national rejuvenation|national rejuvenation", ""},
		// names of institutions: the formulation before the suffix is no
		// mention; the same formulation beside the name is one
		{"工业和信息化部推动信息化和工业化深度融合。", "IT application", ""},
		{"工業和信息化部部长说。", "", ""},
		{"瑞典“一带一路”研究所发布报告，推动共建“一带一路”。", "Belt and Road Initiative", ""},
		{"人类命运共同体研究中心成立，致力于推动构建人类命运共同体。", "community with a shared future for mankind", ""},
		{"办好第三届“一带一路”国际合作高峰论坛。", "", ""},
		{"国家乡村振兴局全面推进乡村振兴。", "rural revitalization", ""},
		{"中央全面深化改革委员会召开会议，强调要深化改革开放。", "deepen reform|reform and opening up", ""},
		// two formulations that cross both count; one inside a longer
		// wording does not
		{"全面深化改革开放。", "deepen reform|reform and opening up", ""},
		{"完善制造强国建设政策体系，推进强国建设。", "manufacturer of quality|build a great country", ""},
		// no name: departments (部门), a plan (部署), a forum on the
		// formulation (的), the CPPCC's own committees and members
		{"宏观调控部门要加强宏观调控。", "macro regulation|macro regulation", ""},
		{"加快信息化部署。", "IT application", ""},
		{"举办关于高质量发展的论坛。", "high-quality development", ""},
		{"中国人民政治协商会议全国委员会常务委员会举行会议，全国政协委员出席。", "CPPCC|CPPCC", ""},
		{"3月5日，习近平参加江苏代表团审议，强调高质量发展。", "high-quality development", "Jiangsu delegation"},
		{"3月7日，习近平出席解放军和武警部队代表团全体会议。", "", "PLA and PAP delegation"},
	} {
		iss, err := rd.Read(strings.NewReader(tt.text+"\n"), "rules.txt")
		if err != nil {
			t.Fatal(err)
		}
		res, err := az.Analyze(iss, analyze.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range res.Mentions {
			got = append(got, m.Phrase)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%s: %q; want %q", tt.text, got, tt.want)
		}
		if v := iss.Articles[0].Venue; tt.venue != "" && v != tt.venue {
			t.Errorf("%s: venue %q; want %q", tt.text, v, tt.venue)
		}
	}
}

// testChineseLayout: a report as Wikisource gives it, read as a careful
// reader would: the title broken by a link ("政府工作报" / "告") is one
// line and the headline; the delivery line in brackets with its date in
// Chinese numerals dates it and names the session, its venue; the office
// and the name under it are the speaker's lines, left out; a part title
// without a number after a wide gap ("关于经济建设") does not open a new
// article; a name on a line of its own inside a sentence (a link) runs on
// with the sentence.
func testChineseLayout(t *testing.T, zh analyze.Language) {
	text := "政府工作报\n告\n\n\n（一九七八年二月二十六日在第五届全国人民代表大会第一次会议上）\n\n\n国务院总理\n华国锋\n\n" +
		"各位代表：\n\n现在，我代表国务院作报告。我们要推动经济建设。\n\n\n关于经济建设\n\n我们要发展经济，坚持\n习近平\n同志的领导。\n\n\n" +
		"第二，加强国家安全\n\n国家安全是根本。\n\n\n" +
		"本作品是中国共产党的领导人讲话，依据中国共产党的相关规定，在中国大陆属于公有领域。\n"
	iss, res := readChinese(t, zh, text, "report.txt")
	for _, m := range res.Mentions {
		if m.Phrase == "leadership of the Party" {
			t.Errorf("the licence notice counted: %+v", m)
		}
	}
	if len(iss.Articles) != 1 {
		t.Fatalf("%d articles; want 1", len(iss.Articles))
	}
	a := iss.Articles[0]
	if a.Headline == nil || a.Headline.Text != "政府工作报告" || a.Date.String() != "1978-02-26" || a.Venue != "第五届全国人民代表大会第一次会议" {
		t.Errorf("headline %v, date %s, venue %s", a.Headline, a.Date, a.Venue)
	}
	var body, speakers []string
	for _, p := range a.Body {
		body = append(body, p.Text)
	}
	for _, d := range iss.Dropped {
		if d.Kind == "speaker" {
			speakers = append(speakers, d.Text)
		}
	}
	if want := "各位代表：|现在，我代表国务院作报告。我们要推动经济建设。|关于经济建设|我们要发展经济，坚持习近平同志的领导。|第二，加强国家安全|国家安全是根本。"; strings.Join(body, "|") != want {
		t.Errorf("body %q;\nwant %s", body, want)
	}
	if strings.Join(speakers, "|") != "国务院总理|华国锋" {
		t.Errorf("speaker lines %q; want 国务院总理, 华国锋", speakers)
	}
}

// testChineseOneLine: a report saved on one line (title, delivery line,
// speaker and paragraphs run together, paragraphs set off by "　　"),
// the whole saved twice: one article, its paragraphs as the ideographic
// spaces set them off, dated by the delivery line in full-width digits,
// the copy left out and listed.
func testChineseOneLine(t *testing.T, zh analyze.Language) {
	para := "我们要坚持以经济建设为中心，推动高质量发展，这是第%d段。"
	var b strings.Builder
	for k := range 2 {
		b.WriteString("1989年政府工作报告坚决贯彻治理整顿和深化改革的方针——１９８９年３月２０日在第七届全国人民代表大会第二次会议上　　国务院总理李鹏各位代表：")
		for i := range 60 {
			fmt.Fprintf(&b, "　　"+para, i+1)
		}
		if k == 0 {
			b.WriteString("\t\t")
		}
	}
	iss, res := readChinese(t, zh, b.String()+"\n", "1989.txt")
	if len(iss.Articles) != 1 {
		t.Fatalf("%d articles; want 1", len(iss.Articles))
	}
	a := iss.Articles[0]
	if a.Headline == nil || a.Headline.Text != "1989年政府工作报告坚决贯彻治理整顿和深化改革的方针" || a.Date.String() != "1989-03-20" ||
		a.Venue != "第七届全国人民代表大会第二次会议" || len(a.Body) != 61 {
		t.Errorf("headline %v, date %s, venue %s, %d paragraphs; want 61", a.Headline, a.Date, a.Venue, len(a.Body))
	}
	copies := 0
	for _, d := range iss.Dropped {
		if d.Kind == "copy of an earlier article" {
			copies++
		}
	}
	if got := counts(res)["high-quality development"]; copies != 1 || got != 60 {
		t.Errorf("%d copies dropped, high-quality development %d; want 1 and 60", copies, got)
	}
}

// testChineseDates: dates a Chinese line is, and the ones it is not.
func testChineseDates(t *testing.T, zh analyze.Language) {
	for _, tt := range []struct{ line, want string }{
		{"2024年3月5日", "2024-03-05"},
		{"２０２４年３月５日　星期二", "2024-03-05"},
		{"——2024年3月5日在第十四届全国人民代表大会第二次会议上", "2024-03-05"},
		{"1957年6月26日在第一届全国人民代表大会第四次会議上", "1957-06-26"},
		{"——１９６４年１２月２１日和２２日在第三届全国人民代表大会第一次会议上", "1964-12-21"},
		{"（二〇二二年十月十六日）", "2022-10-16"},
		{"一九七八年二月二十六日", "1978-02-26"},
		{"3月5日", "--03-05"},
		{"2024年3月5日，习近平参加江苏代表团审议。", ""},
		{"2024年3月5日在人民大会堂，代表们说", ""},
		{"2024年2月30日", ""},
	} {
		got := ""
		if d, ok := zh.DateLine(tt.line); ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("DateLine(%q) = %q; want %q", tt.line, got, tt.want)
		}
	}
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
	if got, want := analyzetest.Sentences(zh, "他说：“要发展。”我们同意！是吗？是的；好 "), "他说：“要发展。”|我们同意！|是吗？|是的；|好"; got != want {
		t.Errorf("sentences %q; want %s", got, want)
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

// testNationalRejuvenation: national rejuvenation in two reports, as a
// reader counts it (every 复兴 in them found with grep and read). 2018:
// 3, 凝聚起实现民族复兴的磅礴精神力量 and 中华民族伟大复兴 twice (共创中华民族伟大复兴的
// 美好未来, 实现中华民族伟大复兴的中国梦); 2023: 1, 全面推进中华民族伟大复兴, and
// not 同心共创复兴伟业 (the cause of rejuvenation, without the nation).
// Before Chinese variants only 民族复兴 counted: 1 and 0.
func testNationalRejuvenation(t *testing.T, zh analyze.Language) {
	for year, want := range map[string]int{"2018": 3, "2023": 1} {
		b, err := os.ReadFile(testfiles.Shared(t, "corpus/government_work_reports/zh/"+year+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		_, res := readChinese(t, zh, string(b), year+".txt")
		if got := counts(res)["national rejuvenation"]; got != want {
			t.Errorf("%s: national rejuvenation %d; by reading %d", year, got, want)
		}
	}
}

// testChineseHostileShapes: Chinese with no sentence end keeps or drops
// every character: 300,000 of 的 on one line, and the 2024 report with
// everything but its characters taken out (punctuation, digits, line
// ends). Counted as the characters written here.
func testChineseHostileShapes(t *testing.T, zh analyze.Language) {
	b, err := os.ReadFile(testfiles.Shared(t, "corpus/government_work_reports/zh/2024.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var joined strings.Builder
	for _, r := range string(b) {
		if unicode.Is(unicode.Han, r) {
			joined.WriteRune(r)
		}
	}
	rd := analyze.NewReaderIn(zh, nil)
	for _, tt := range []struct{ name, text string }{
		{"de.txt", strings.Repeat("的", 300_000)},
		{"joined.txt", joined.String()},
	} {
		iss, err := rd.Read(strings.NewReader(tt.text+"\n"), tt.name)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if want := utf8.RuneCountInString(tt.text); iss.WordsKept+iss.WordsDropped != want || want < 10_000 {
			t.Errorf("%s: %d characters kept and %d dropped; the text has %d", tt.name, iss.WordsKept, iss.WordsDropped, want)
		}
	}
}
