package analyze

import (
	"fmt"
	"strings"
	"testing"
)

// TestSetLists: formulations set out together in a sentence, worked out
// by reading the text below (built-in lexicon): sentence 1 lists three
// chains with commas and "and"; sentence 2 coordinates two ("industrial
// and supply chains"); sentence 3 names two formulations with words
// between them, no list; sentence 4 lists the three again, the Oxford
// comma before "and"; sentence 5 holds two formulations that cross
// (deepen reform, reform and opening up), no list. TestChineseDiscovery
// has 、 and 和.
func TestSetLists(t *testing.T) {
	text := "March 5, 2024\n\nChains\n\n" +
		"We will strengthen industrial chains, supply chains and innovation chains. " +
		"Industrial and supply chains must be secure. " +
		"New quality productive forces drive high-quality development. " +
		"We will link innovation chains, industrial chains, and supply chains. " +
		"We will deepen reform and opening up.\n"
	res := analyzeText(t, builtinAnalyzer(t), text, Options{})
	var got []string
	for _, l := range res.Lists {
		got = append(got, fmt.Sprintf("%d:%s", l.Sentence, strings.Join(l.Items, "+")))
	}
	want := "1:industrial chains+supply chains+innovation chains; 2:industrial chains+supply chains; 4:innovation chains+industrial chains+supply chains"
	if g := strings.Join(got, "; "); g != want {
		t.Errorf("lists %q; want %q", g, want)
	}
	var counts []string
	for _, c := range res.ListCounts() {
		counts = append(counts, fmt.Sprintf("%s %d", strings.Join(c.Items, "+"), c.Count))
	}
	if g := strings.Join(counts, "; "); g != "industrial chains+supply chains 1; industrial chains+supply chains+innovation chains 1; innovation chains+industrial chains+supply chains 1" {
		t.Errorf("ListCounts %q", g)
	}
}
