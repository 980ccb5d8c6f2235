package analyze

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze/lexicon"
)

func referenceResult(t *testing.T) *Result {
	t.Helper()
	data, err := os.ReadFile("../testdata/two_sessions_2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	rd, err := NewReader(VenuesOf(lex))
	if err != nil {
		t.Fatal(err)
	}
	iss, err := rd.Read(strings.NewReader(string(data)), "two_sessions_2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Analyze(iss, lex, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func findPair(res *Result, scope, window, a, b string) *PairStat {
	for i, p := range res.Pairs {
		if p.Scope == scope && p.Window == window && p.A == a && p.B == b {
			return &res.Pairs[i]
		}
	}
	return nil
}

// A window counts once per pair, however many mentions it holds.
func TestCooccurrenceWindows(t *testing.T) {
	az := ruleAnalyzer(t)
	text := "Build innovation chains and supply chains with basic research and applied basic research.\n\n" +
		"Basic research matters. Supply chains matter.\n\n" +
		"Nothing here.\n"
	res := analyzeText(t, az, text, Options{})
	// sentences: 1 (both themes, 4 mentions), 2 (Innovation), 3 (Industry), 4 (none): N = 4
	s := findPair(res, ScopeIssue, WindowSentence, "Industry and supply chains", "Innovation")
	if s == nil || s.Count != 1 || s.WindowsA != 2 || s.WindowsB != 2 || s.Windows != 4 || s.Evidence.Paragraph != 1 {
		t.Errorf("sentence windows: %+v; want count 1, 2 and 2 of 4, evidence in paragraph 1", s)
	}
	// paragraphs: 1 (both), 2 (both), 3 (none): N = 3
	p := findPair(res, ScopeIssue, WindowParagraph, "Industry and supply chains", "Innovation")
	if p == nil || p.Count != 2 || p.WindowsA != 2 || p.Windows != 3 || p.Evidence.Sentence != 0 {
		t.Errorf("paragraph windows: %+v; want count 2 of 3", p)
	}
	// expected = 2·2/4 = 1; PMI = log2(1·4/(2·2)) = 0
	if s.Expected != 1 || !s.PMIDefined || s.PMI != 0 {
		t.Errorf("expected %v, pmi %v; want 1 and 0", s.Expected, s.PMI)
	}
}

func TestCooccurrenceReference(t *testing.T) {
	res := referenceResult(t)
	// By reading: sentence windows are the 51 sentences of headlines and
	// bodies (22 + 16 + 13); paragraph windows the 3 headlines and 44 body
	// paragraphs. Taiwan and reunification stands in 3 sentences (lines 72,
	// 76, 78), Industry and supply chains in 7 (lines 14, 16, 18, 22, 38,
	// 72, 119); both only in line 72 ("cross-Strait cooperation in
	// industrial and supply chains"). Expected = 7·3/51 = 0.412.
	p := findPair(res, ScopeIssue, WindowSentence, "Industry and supply chains", "Taiwan and reunification")
	if p == nil || p.Windows != 51 || p.WindowsA != 7 || p.WindowsB != 3 || p.Count != 1 ||
		p.Evidence.Article != 2 || p.Evidence.Paragraph != 6 || p.Evidence.Sentence != 1 {
		t.Fatalf("Industry × Taiwan = %+v", p)
	}
	if !near(p.Expected, 21.0/51) {
		t.Errorf("expected = %v; want %v", p.Expected, 21.0/51)
	}
	if q := findPair(res, ScopeIssue, WindowParagraph, "Industry and supply chains", "Taiwan and reunification"); q.Windows != 47 {
		t.Errorf("paragraph windows = %d; want 47", q.Windows)
	}
	// scopes: the issue, then each day
	scopes := map[string]bool{}
	for _, p := range res.Pairs {
		scopes[p.Scope] = true
	}
	if len(scopes) != 4 || !scopes["2024-03-05"] || !scopes["2024-03-07"] {
		t.Errorf("scopes %v; want issue and the three days", scopes)
	}
	// invariants, for every pair in every scope
	sentence := map[[3]string]PairStat{}
	for _, p := range res.Pairs {
		if p.A >= p.B {
			t.Errorf("pair %q, %q not in order", p.A, p.B)
		}
		if p.Count > min(p.WindowsA, p.WindowsB) {
			t.Errorf("%+v: count above the smaller theme's windows", p)
		}
		if p.Window == WindowSentence {
			sentence[[3]string{p.Scope, p.A, p.B}] = p
		}
	}
	for _, p := range res.Pairs {
		if p.Window == WindowParagraph {
			s := sentence[[3]string{p.Scope, p.A, p.B}]
			if p.Count < s.Count {
				t.Errorf("%s %s × %s: paragraph count %d < sentence count %d", p.Scope, p.A, p.B, p.Count, s.Count)
			}
		}
	}
	// symmetric: the measures do not depend on the order of the themes
	themes := res.Themes
	for _, k := range []CoocKey{{ScopeIssue, WindowSentence}, {"2024-03-06", WindowParagraph}} {
		for i := range themes {
			for j := range themes {
				ab, ba := res.Cooc.pair(k, themes, i, j), res.Cooc.pair(k, themes, j, i)
				if ab.Count != ba.Count || ab.Expected != ba.Expected || ab.NPMI != ba.NPMI || ab.LLR != ba.LLR || ab.Jaccard != ba.Jaccard {
					t.Errorf("%v %s × %s not symmetric: %+v vs %+v", k, themes[i], themes[j], ab, ba)
				}
			}
		}
	}
}

func TestDiscovery(t *testing.T) {
	az := ruleAnalyzer(t)
	az.stop = map[string]bool{"the": true, "of": true, "said": true, "and": true, "to": true, "in": true, "he": true, "also": true}
	text := "The green silk road initiative grew. He said the green silk road initiative works.\n\n" +
		"Officials praised green silk roads. He also said the reform grew.\n\n" +
		"Xi, General Secretary of the CPC Central Committee, spoke. The General Secretary of the CPC Central Committee spoke.\n\n" +
		"Basic research matters. More basic research is needed.\n"
	res := analyzeText(t, az, text, Options{})
	got := map[string]Candidate{}
	for _, c := range res.Discovered {
		got[c.Phrase] = c
	}
	// "green silk road initiative" twice: its parts "silk road initiative" and
	// "road initiative" also twice, so they are reported once, as the longer.
	if c, ok := got["green silk road initiative"]; !ok || c.Count != 2 || c.InLexicon != "" {
		t.Errorf("green silk road initiative = %+v; want count 2, new", c)
	}
	for _, nested := range []string{"silk road initiative", "road initiative", "green silk"} {
		if _, ok := got[nested]; ok {
			t.Errorf("%q reported beside the longer phrase with the same count", nested)
		}
	}
	// "green silk road" three times (roads merged with road): more than the
	// longer phrase, so it stands, discounted: C = log2(3)·(3 − 2) = 1.585
	if c, ok := got["green silk road"]; !ok || c.Count != 3 || !near(c.Score, 1.58496) {
		t.Errorf("green silk road = %+v; want count 3, score 1.585", c)
	}
	// a lexicon entry is marked as such
	if c, ok := got["basic research"]; !ok || c.InLexicon != "basic research" {
		t.Errorf("basic research = %+v; want in the lexicon", c)
	}
	// stopword edges and official titles never
	for p := range got {
		for _, bad := range []string{"said", "the ", "General Secretary", "Central Committee", "CPC"} {
			if strings.Contains(p, bad) {
				t.Errorf("discovered %q", p)
			}
		}
	}
}

func TestDiscoveryReference(t *testing.T) {
	res := referenceResult(t)
	if len(res.Discovered) < 10 {
		t.Fatalf("%d candidates; want at least 10", len(res.Discovered))
	}
	stop := map[string]bool{}
	for _, w := range res.Lexicon.Stopwords {
		stop[strings.ToLower(w)] = true
	}
	for _, c := range res.Discovered[:15] {
		words := strings.Fields(strings.ToLower(c.Phrase))
		if stop[words[0]] || stop[words[len(words)-1]] {
			t.Errorf("top candidate %q opens or closes with a stopword", c.Phrase)
		}
	}
	for _, c := range res.Discovered {
		for _, title := range []string{"general secretary", "central military commission", "standing committee", "political bureau", "general office"} {
			if strings.Contains(strings.ToLower(c.Phrase), title) {
				t.Errorf("official title discovered: %q", c.Phrase)
			}
		}
	}
	byPhrase := map[string]Candidate{}
	for _, c := range res.Discovered {
		byPhrase[c.Phrase] = c
	}
	// By reading: "political advisors" 10 times, all on March 6 (headline 60;
	// lines 62, 64, 66, 72, two in 74, 80, 82, 86); not in the lexicon.
	if c := byPhrase["political advisors"]; c.Count != 10 || c.Articles != 1 || c.InLexicon != "" {
		t.Errorf("political advisors = %+v; want 10 in 1 article, new", c)
	}
	// the lexicon's own: 10 mentions of new quality productive forces, in all 3 articles
	if c := byPhrase["new quality productive forces"]; c.Count != 10 || c.Articles != 3 || c.InLexicon != "new quality productive forces" {
		t.Errorf("new quality productive forces = %+v", c)
	}
	// pieces of known formulations are not discoveries
	for _, piece := range []string{"new quality", "productive forces", "strategic capabilities", "developing new quality productive forces"} {
		if _, ok := byPhrase[piece]; ok {
			t.Errorf("%q, a piece of or wrapper around a known formulation, was discovered", piece)
		}
	}
}

func TestKeynessReference(t *testing.T) {
	res := referenceResult(t)
	var jiangsu *KeyItem
	for i, k := range res.Keyness {
		if k.Group == "day 2024-03-05" && k.Item == "jiangsu" {
			jiangsu = &res.Keyness[i]
		}
	}
	// By reading: "Jiangsu" 5 times on March 5 (lines 12, 20, 22, 36, 38),
	// never after; 608 tokens that day, 540 + 378 = 918 in the rest.
	// E1 = 608·5/1526 = 1.99214; G² = 2·5·ln(5/1.99214) = 10·ln(2.50987) = 9.2023;
	// log ratio = log2((5/608) / (0.5/918)) = 3.9164.
	if jiangsu == nil || jiangsu.Target != 5 || jiangsu.Reference != 0 || jiangsu.TargetTokens != 608 || jiangsu.ReferenceTokens != 918 {
		t.Fatalf("jiangsu = %+v", jiangsu)
	}
	if math.Abs(jiangsu.LLR-9.2023) > 1e-3 || math.Abs(jiangsu.LogRatio-3.9164) > 1e-3 || !jiangsu.LowExpected {
		t.Errorf("jiangsu G² %v, log ratio %v, low expected %v; want 9.2023, 3.9164, true", jiangsu.LLR, jiangsu.LogRatio, jiangsu.LowExpected)
	}
	groups := map[string]bool{}
	for _, k := range res.Keyness {
		groups[k.Group] = true
		if k.Target+k.Reference < 2 || k.LLR < 0 || k.P < 0 || k.P > 1 {
			t.Errorf("keyness row %+v out of range", k)
		}
	}
	if len(groups) != 7 || !groups[KeyAgainstPrefix+"sotu_1945-2006"] {
		t.Errorf("groups %v; want 3 days, 3 venues and the issue against the reference", groups)
	}
}
