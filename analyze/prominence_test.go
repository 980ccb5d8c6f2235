package analyze

import (
	"fmt"
	"strings"
	"testing"
)

// TestProminence, read in the sample. Article 1's headline (line 8) says
// "New Quality Productive Forces", its first body paragraph (line 10)
// "new quality productive forces", and four later body paragraphs (lines
// 16, 22, 24, 32) say it again: positions headline, lead, body ×4; at the
// default weights 3 + 2 + 4 × 1 = 9 for the 6 mentions. The headlines put
// first: article 1 new quality productive forces, article 2 ("… for
// Chinese Modernization") Chinese modernization, article 3 ("Xi Stresses
// Deepening Reform to … Strategic Capabilities in Emerging Areas") deepen
// reform, then strategic capabilities in emerging areas (rank 2).
func TestProminence(t *testing.T) {
	res := referenceResult(t)
	var pos []string
	weighted := 0.0
	for _, m := range res.Mentions {
		if m.Article == 1 && m.Phrase == "new quality productive forces" {
			pos = append(pos, fmt.Sprintf("%s@%d", m.Position(), m.Line))
			weighted += res.Options.Weights.Of(m.Position())
		}
		if m.Article == 3 && m.Phrase == "strategic capabilities in emerging areas" && m.Rank != 2 {
			t.Errorf("strategic capabilities in emerging areas ranks %d in article 3; want 2", m.Rank)
		}
	}
	if got := strings.Join(pos, " "); got != "headline@8 lead@10 body@16 body@22 body@24 body@32" || weighted != 9 {
		t.Errorf("article 1, new quality productive forces: %s, weighted %v; want headline, lead, four body paragraphs, 9", got, weighted)
	}
	first := res.FirstFormulations()
	if got := fmt.Sprint(first[ArticleRef{res.Issue.Name, 1}], "|", first[ArticleRef{res.Issue.Name, 2}], "|", first[ArticleRef{res.Issue.Name, 3}]); got != "new quality productive forces|Chinese modernization|deepen reform" {
		t.Errorf("first formulations %s", got)
	}
}

func TestParseWeights(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"headline=5", "headline=5,lead=2,body=1,caption=0.5"},
		{"headline=3, lead=1.5 ,body=1,caption=0", "headline=3,lead=1.5,body=1,caption=0"},
		{"title=3", `error: "title": no such position (headline, lead, body, caption)`},
		{"lead=-1", `error: "lead=-1": write POSITION=WEIGHT, a number from 0 to 100 (e.g. headline=3,lead=2,body=1,caption=0.5)`},
		{"lead", `error: "lead": write POSITION=WEIGHT, a number from 0 to 100 (e.g. headline=3,lead=2,body=1,caption=0.5)`},
	} {
		w, err := ParseWeights(tc.in)
		got := w.String()
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != tc.want {
			t.Errorf("ParseWeights(%q) = %s; want %s", tc.in, got, tc.want)
		}
	}
}
