package analyze

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Reference is a background for discovery: how often each phrase of 2 to
// 6 words occurs in a reference corpus, so that a phrase as common there
// as in the issue (a phrase of any speech: "economic growth", "hard
// work") sinks, and what is particular to the issue stands out.
type Reference struct {
	Name    string
	Lang    string         // the code of the language it was counted in
	Tokens  int            // word tokens of the corpus
	Phrases map[string]int // folded words (one, or 2 to 6 joined by spaces) → count, those seen at least twice
}

// defaultReference is the background that ships with analyze: the
// State of the Union addresses of 1945 to 2006 (public domain; the public
// corpus of ../shared), made by TestReferenceFile -update.
//
//go:embed reference/sotu_1945-2006.tsv.gz
var defaultReference []byte

// DefaultReference returns the shipped background, read once.
var DefaultReference = sync.OnceValues(func() (*Reference, error) {
	return ReadReference(bytes.NewReader(defaultReference))
})

// BuildReference counts the words and the phrases of 2 to 6 words of a
// text, words as keyness counts them and phrases as discovery forms its
// candidates (within a sentence, across no token without a letter),
// keeping those seen at least twice.
func BuildReference(lang Language, name string, text string) *Reference {
	ref := &Reference{Name: name, Lang: lang.Code(), Phrases: map[string]int{}}
	counts := map[string]int{}
	for _, line := range strings.Split(text, "\n") {
		var run []string
		flush := func() {
			for i := range run {
				for j := i + 2; j <= len(run) && j-i <= maxTermWords; j++ {
					counts[strings.Join(run[i:j], " ")]++
				}
			}
			run = run[:0]
		}
		for _, tk := range lang.Tokens(line, false) {
			if lang.TermRole(tk, "") == TermBreak {
				flush()
				continue
			}
			if lang.WordToken(tk.Text) {
				ref.Tokens++
				counts[lang.Fold(tk.Text)]++
			}
			run = append(run, lang.Fold(tk.Text))
		}
		flush()
	}
	for p, n := range counts {
		if n >= 2 {
			ref.Phrases[p] = n
		}
	}
	return ref
}

// word is a single word's count in the reference.
func (r *Reference) word(w string) int { return r.Phrases[w] }

// words yields the reference's single words (its phrases without a
// space) with their counts.
func (r *Reference) words(yield func(string, int) bool) {
	for p, n := range r.Phrases {
		if !strings.Contains(p, " ") && !yield(p, n) {
			return
		}
	}
}

// Write writes the reference as gzipped lines, "# NAME TOKENS LANGUAGE" then
// "COUNT<tab>PHRASE" sorted by phrase: the same reference, the same bytes.
func (r *Reference) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "# %s %d %s\n", r.Name, r.Tokens, r.Lang)
	keys := make([]string, 0, len(r.Phrases))
	for p := range r.Phrases {
		keys = append(keys, p)
	}
	sort.Strings(keys)
	for _, p := range keys {
		fmt.Fprintf(bw, "%d\t%s\n", r.Phrases[p], p)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadReference reads what Write wrote.
func ReadReference(rd io.Reader) (*Reference, error) {
	zr, err := gzip.NewReader(rd)
	if err != nil {
		return nil, fmt.Errorf("reference: %w", err)
	}
	// The list is read whole and its phrases kept as pieces of one string,
	// in a map made to its size: the shipped list's 83,000 lines in a
	// third of the time of a growing map of strings of their own.
	const most = 256 << 20 // the shipped list is 1.4 MB
	data, err := io.ReadAll(io.LimitReader(zr, most+1))
	if err != nil {
		return nil, fmt.Errorf("reference: %w", err)
	}
	if len(data) > most {
		return nil, fmt.Errorf("reference: over %d MB uncompressed", most>>20)
	}
	text := string(data)
	head, rest, _ := strings.Cut(text, "\n")
	f := strings.Fields(strings.TrimPrefix(head, "# "))
	if len(f) != 3 {
		return nil, fmt.Errorf("reference:1: want \"# NAME TOKENS LANGUAGE\"")
	}
	ref := &Reference{Name: f[0], Lang: f[2], Phrases: make(map[string]int, strings.Count(rest, "\n")+1)}
	if ref.Tokens, err = strconv.Atoi(f[1]); err != nil {
		return nil, fmt.Errorf("reference:1: %w", err)
	}
	for n := 2; rest != ""; n++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimSuffix(line, "\r")
		c, p, ok := strings.Cut(line, "\t")
		k, err := strconv.Atoi(c)
		if !ok || err != nil {
			return nil, fmt.Errorf("reference:%d: want COUNT<tab>PHRASE", n)
		}
		ref.Phrases[p] = k
	}
	return ref, nil
}

// Specificity is how particular to a text of tokens words a phrase seen
// count times there is against the reference: from 1 (at least 16 times
// as frequent as in the reference, or absent from it) down to 0.1 (as
// frequent or less), by the log2 ratio of the two frequencies (each count
// plus a half) over 4.
func (r *Reference) Specificity(phrase string, count, tokens int) float64 {
	if r == nil || r.Tokens == 0 || tokens == 0 {
		return 1
	}
	ratio := (float64(count) + 0.5) / float64(tokens) / ((float64(r.Phrases[phrase]) + 0.5) / float64(r.Tokens))
	return math.Min(1, math.Max(0.1, math.Log2(ratio)/4))
}
