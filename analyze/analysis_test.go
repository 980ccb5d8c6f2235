package analyze

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze/lexicon"
	"github.com/issuelens/analyze/internal/testfiles"
)

// TestLongArticleInPieces: an article longer than pieceBytes, analysed as
// several jobs (see pieces), gives what it gives analysed as one.
func TestLongArticleInPieces(t *testing.T) {
	data, err := os.ReadFile(testfiles.Shared(t, "corpus/state_of_the_union_2003-2006.txt"))
	if err != nil {
		t.Fatal(err)
	}
	iss, err := ReadIssue(bytes.NewReader(data), "sotu.txt")
	if err != nil {
		t.Fatal(err)
	}
	// the four addresses as one article
	one := iss.Articles[0]
	for _, a := range iss.Articles[1:] {
		one.Body = append(one.Body, *a.Headline)
		one.Body = append(one.Body, a.Body...)
		one.Captions = append(one.Captions, a.Captions...)
	}
	iss.Articles = []Article{one}
	if cuts := pieces(&one); len(cuts) < 3 {
		t.Fatalf("the article goes as %d job(s); want several", len(cuts)-1)
	}
	lex, _ := lexicon.Default()
	az, err := NewAnalyzer(lex)
	if err != nil {
		t.Fatal(err)
	}
	for _, opt := range []Options{{}, {CountCaptions: true, MinCount: 1}} {
		got, err := az.Analyze(iss, opt)
		if err != nil {
			t.Fatal(err)
		}
		want := az.newResult(opt.withDefaults())
		want.add(az.article(iss.Name, &one, want.Options, 0, numParas(&one)))
		want.Issue = iss
		az.finish(want)
		for name, pair := range map[string][2]any{
			"articles": {got.Articles, want.Articles}, "mentions": {got.Mentions, want.Mentions},
			"counts": {got.Counts, want.Counts}, "cooccurrence": {got.Cooc, want.Cooc}, "pairs": {got.Pairs, want.Pairs},
			"discovered": {got.Discovered, want.Discovered}, "keyness": {got.Keyness, want.Keyness},
		} {
			if !reflect.DeepEqual(pair[0], pair[1]) {
				t.Errorf("%+v: %s in pieces differ from the article at once", opt, name)
			}
		}
	}
}

// TestKWIC: the context of a mention is the words strings.Fields gives
// either side, however the words are spaced, in a string of its own.
func TestKWIC(t *testing.T) {
	tests := []struct {
		text, matched string
		n             int
		want          string
	}{
		{"one two three MATCH four five six", "MATCH", 2, "two three|MATCH|four five"},
		{"MATCH at the start", "MATCH", 8, "|MATCH|at the start"},
		{"at the end MATCH", "MATCH", 8, "at the end|MATCH|"},
		{"  spaced\u00a0 out\u2003MATCH \t here  ", "MATCH", 8, "spaced out|MATCH|here"},
		{"a b c MATCH d", "MATCH", 0, "|MATCH|"},
		{"unicode wörds „quoted“ MATCH é", "MATCH", 1, "„quoted“|MATCH|é"},
	}
	for _, tt := range tests {
		from := strings.Index(tt.text, tt.matched)
		l, m, r := kwic(tt.text, from, from+len(tt.matched), tt.n)
		if got := l + "|" + m + "|" + r; got != tt.want {
			t.Errorf("kwic(%q, %d) = %q; want %q", tt.text, tt.n, got, tt.want)
		}
		fl, fr := strings.Fields(tt.text[:from]), strings.Fields(tt.text[from+len(tt.matched):])
		if tt.n < len(fl) {
			fl = fl[len(fl)-tt.n:]
		}
		if tt.n < len(fr) {
			fr = fr[:tt.n]
		}
		if l != strings.Join(fl, " ") || r != strings.Join(fr, " ") {
			t.Errorf("kwic(%q, %d) = %q, %q; strings.Fields gives %q, %q", tt.text, tt.n, l, r, fl, fr)
		}
	}
}
