package analyze_test

import (
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze"
)

// randomWords is n words drawn from a small vocabulary, with no
// punctuation: a scrape with its sentence ends stripped.
func randomWords(n int) string {
	vocab := strings.Fields("reform economy rose new forces steady productive deepened growth policy quality china development people")
	r := rand.New(rand.NewPCG(1, 2))
	w := make([]string, n)
	for i := range w {
		w[i] = vocab[r.IntN(len(vocab))]
	}
	return strings.Join(w, " ")
}

// TestHostileShapes: text that runs on without an end is read in bounded
// pieces, every word of it kept or dropped and the cut said once: a line
// of 60,000 words with no sentence end (cut into sentences of at most
// 4 KB), a paragraph of 2,000 hard-wrapped lines (read as paragraphs of
// at most 64 KB), 20,000 lines of a bare "#". By counting: the words kept
// and dropped are the input's words (strings.Fields).
func TestHostileShapes(t *testing.T) {
	rd, err := analyze.NewReader(analyze.DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	oneLine := randomWords(60000) + "\n"
	var wrapped strings.Builder
	for i := range 2000 {
		wrapped.WriteString(randomWords(10 + i%7))
		wrapped.WriteString("\n")
	}
	tests := []struct {
		name, text, warning string
		maxParagraph        int
	}{
		{"one line", oneLine, "pieces of 4 KB cut from sentences longer than that", 4 << 10},
		{"wrapped", wrapped.String(), "paragraph(s) of hard-wrapped lines longer than 64 KB", 64 << 10},
		{"hashes", strings.Repeat("#\n", 20000), "", 64 << 10},
	}
	for _, tt := range tests {
		iss, err := rd.Read(strings.NewReader(tt.text), tt.name+".txt")
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if want := len(strings.Fields(tt.text)); iss.WordsKept+iss.WordsDropped != want {
			t.Errorf("%s: %d words kept and %d dropped; the input has %d", tt.name, iss.WordsKept, iss.WordsDropped, want)
		}
		longest := 0
		for _, a := range iss.Articles {
			for _, p := range a.Body {
				longest = max(longest, len(p.Text))
				for _, s := range p.Sentences {
					if s.End-s.Start > 4<<10 {
						t.Errorf("%s: a sentence of %d bytes", tt.name, s.End-s.Start)
					}
				}
			}
		}
		if longest > tt.maxParagraph+5000 {
			t.Errorf("%s: a paragraph of %d bytes; want at most %d and a line", tt.name, longest, tt.maxParagraph)
		}
		said := 0
		for _, w := range iss.Warnings {
			if tt.warning != "" && strings.Contains(w.Msg, tt.warning) {
				said++
			}
		}
		if tt.warning != "" && said != 1 {
			t.Errorf("%s: warnings %+v; want one saying %q", tt.name, iss.Warnings, tt.warning)
		}
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// zeros is an endless stream of NUL bytes (/dev/zero).
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestEndlessBinary: an endless stream of NUL bytes (/dev/zero) is
// refused from its first 64 KB, not after a line that never ends.
func TestEndlessBinary(t *testing.T) {
	c := &countingReader{r: zeros{}}
	_, err := analyze.Open(c, "zero", analyze.OpenOptions{})
	var ie *analyze.InputError
	if !errors.As(err, &ie) || ie.Msg != "binary data (NUL byte), not a text issue" || ie.Line != 1 {
		t.Errorf("Open(/dev/zero) = %v; want an input error at line 1", err)
	}
	if c.n > 64<<10 {
		t.Errorf("read %d bytes before refusing; want at most 64 KB", c.n)
	}
}

// TestHostileMarkupShapes: web pages and Markdown of hostile shapes keep
// or drop every word of their text, as TestHostileShapes does for plain
// text: a page whose head is 200 KB of script, with a paragraph of
// 60,000 words with no sentence end and 2,000 short paragraphs; Markdown
// with the same paragraph under an item heading, 2,000 list items and a
// code block. The words read are the text's, counted as written here,
// markup left out (the script is markup: not text).
func TestHostileMarkupShapes(t *testing.T) {
	rd, err := analyze.NewReader(analyze.DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	long := randomWords(60000)
	var page, md, pageText, mdText strings.Builder
	page.WriteString("<!DOCTYPE html><html><head><title>Reform Daily Page</title><script>var x = '" + strings.Repeat("y", 200<<10) + "';</script></head><body>")
	page.WriteString("<h1>Reform headline words</h1><p>" + long + "</p>")
	pageText.WriteString("Reform Daily Page Reform headline words " + long + " ")
	md.WriteString("# Evening news 2024-03-05\n\n## Reform headline words\n\n" + long + "\n\n")
	mdText.WriteString("Evening news 2024-03-05 Reform headline words " + long + " ")
	for i := range 2000 {
		w := randomWords(10 + i%7)
		page.WriteString("<p>" + w + "</p>\n")
		md.WriteString("- " + w + "\n")
		pageText.WriteString(w + " ")
		mdText.WriteString(w + " ")
	}
	page.WriteString("<footer>Copyright 2024 Reform Daily</footer></body></html>\n")
	pageText.WriteString("Copyright 2024 Reform Daily")
	md.WriteString("\n```\ncode words in a block\n```\n")
	mdText.WriteString("code words in a block")
	for _, tt := range []struct{ name, input, text string }{
		{"page.html", page.String(), pageText.String()},
		{"transcript.md", md.String(), mdText.String()},
	} {
		in, err := analyze.Open(strings.NewReader(tt.input), tt.name, analyze.OpenOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		iss, err := rd.Read(in, tt.name)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if want := len(strings.Fields(tt.text)); iss.WordsKept+iss.WordsDropped != want {
			t.Errorf("%s: %d words kept and %d dropped; the text has %d", tt.name, iss.WordsKept, iss.WordsDropped, want)
		}
	}
}
