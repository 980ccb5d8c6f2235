//go:build !race

// gse's dictionary loads twice here: ten seconds each under the race
// detector (see chinese_large_test.go).

package analyze

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/go-ego/gse"

	"github.com/issuelens/analyze/internal/testfiles"
)

// TestTrimmedDictionary: the dictionary as kept (trimDictionary) cuts
// text into the same words as gse's dictionary as loaded, on the 1954 and
// 2024 Government Work Reports and a run of one character.
func TestTrimmedDictionary(t *testing.T) {
	var full gse.Segmenter
	if err := full.LoadDictEmbed("zh_s"); err != nil {
		t.Fatal(err)
	}
	lang, err := newChinese()
	if err != nil {
		t.Fatal(err)
	}
	trimmed := &lang.(*chineseLang).seg
	if trimmed.Dict.Tokens[0].Text() != "" || full.Dict.NumTokens() != trimmed.Dict.NumTokens() {
		t.Fatalf("trimmed: first word %q, %d words; want no text kept, %d words", trimmed.Dict.Tokens[0].Text(), trimmed.Dict.NumTokens(), full.Dict.NumTokens())
	}
	texts := []string{strings.Repeat("的", 3000)}
	for _, y := range []string{"1954", "2024"} {
		b, err := os.ReadFile(testfiles.Shared(t, "corpus/government_work_reports/zh/"+y+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	cut := 0
	for _, text := range texts {
		if got, want := trimmed.Cut(text, true), full.Cut(text, true); !slices.Equal(got, want) {
			t.Fatalf("%.60q…: trimmed cuts %q; gse as loaded %q", text, got, want)
		}
		cut += len(text)
	}
	if cut < 100_000 {
		t.Errorf("%d bytes cut; want the two reports", cut)
	}
}
