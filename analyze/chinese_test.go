package analyze_test

import (
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze"
	"github.com/issuelens/analyze/analyze/analyzetest"
)

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

// TestRunTogetherSentences: a full stop with no space after it between a
// lower-case word and a capitalised one ends a sentence ("development.We");
// "U.S." and "3.5" stay whole.
func TestRunTogetherSentences(t *testing.T) {
	en, err := analyze.NewLanguage("en")
	if err != nil {
		t.Fatal(err)
	}
	text := "They pursued green development.We formulated plans. The U.S. economy grew 3.5 percent."
	if got, want := analyzetest.Sentences(en, text), "They pursued green development.|We formulated plans.|The U.S. economy grew 3.5 percent."; got != want {
		t.Errorf("sentences %q; want %s", got, want)
	}
	var toks []string
	for _, tk := range en.Tokens("development.We formulated", false) {
		toks = append(toks, tk.Text)
	}
	if strings.Join(toks, " ") != "development . We formulated" {
		t.Errorf("tokens %q", toks)
	}
}
