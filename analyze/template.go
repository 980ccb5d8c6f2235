package analyze

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"
)

// Template is the text a site repeats on its pages (a promotion line, a
// "follow us" line, a standing notice) found by repetition: a body
// sentence standing word for word on many distinct pages of a batch is
// the site's, not an article's. Sentences, not paragraphs, so that a
// page dumped on one line, whose article is one paragraph, loses its
// promotion line too. One page cannot tell this; the pages of a
// file of joined pages, or of many files of one site, can (see
// Reader.ScanPages and Reader.WithTemplate).
type Template struct {
	pages int            // distinct pages seen
	on    map[uint64]int // paragraph hash → pages it stands on
}

// A sentence is template when it stands on at least templateMinPages
// distinct pages and on at least a templateShare-th of them: a promotion
// line is on most of a site's pages, while a sentence two articles quote
// alike is on two or three of dozens.
const (
	templateMinPages = 3
	templateShare    = 4
)

// NewTemplate finds the template in pages, each given as the sentences
// of its body (as ScanPages returns them). A page that repeats an earlier
// one whole (the same article saved twice) counts once, so that an
// article is not taken for its site's template.
func NewTemplate(pages [][]string) *Template {
	t := &Template{on: map[uint64]int{}}
	seenPage := map[uint64]bool{}
	for _, paras := range pages {
		whole := fnv.New64a()
		hs := make([]uint64, 0, len(paras))
		for _, p := range paras {
			hs = append(hs, hashText(p))
			io.WriteString(whole, p+"\n")
		}
		if seenPage[whole.Sum64()] {
			continue
		}
		seenPage[whole.Sum64()] = true
		t.pages++
		slices.Sort(hs)
		for _, h := range slices.Compact(hs) {
			t.on[h]++
		}
	}
	for h, n := range t.on {
		if !t.repeated(n) {
			delete(t.on, h) // keep only what is template
		}
	}
	return t
}

func (t *Template) repeated(n int) bool {
	return n >= templateMinPages && n*templateShare >= t.pages
}

// Pages is how many distinct pages the template was found on.
func (t *Template) Pages() int {
	if t == nil {
		return 0
	}
	return t.pages
}

// Repeated reports whether a sentence is template, with the reason to
// list it under ("repeated on 9 of 12 pages").
func (t *Template) Repeated(text string) (why string, ok bool) {
	if t == nil || len(t.on) == 0 {
		return "", false
	}
	n, ok := t.on[hashText(text)]
	if !ok {
		return "", false
	}
	return fmt.Sprintf("repeated on %d of %d pages", n, t.pages), true
}

func hashText(s string) uint64 {
	h := fnv.New64a()
	io.WriteString(h, s)
	return h.Sum64()
}

// WithTemplate returns a Reader like rd that drops from every article the
// body sentences t holds as template, listing each as dropped with the
// pages it was found on.
func (rd *Reader) WithTemplate(t *Template) *Reader {
	r := *rd
	r.template = t
	return &r
}

// errNotPages stops ScanPages on an input that is not web pages.
var errNotPages = errors.New("not web pages")

// ScanPages reads an input to find its web pages for NewTemplate: the body
// sentences of each page, when the input is web pages (an HTML file, or
// text saved from pages: a page title line "headline - site", or pages
// joined with their footers). For any other text it returns nil, having
// read no further than its first article. Read errors are the reader's.
func (rd *Reader) ScanPages(r io.Reader, name string) ([][]string, error) {
	rd = rd.WithTemplate(nil)
	rd.fillCache = true // the reading takes the pages from the cache
	var pages [][]string
	web := false
	_, err := rd.read(r, name, func(b *builder, a *Article) error {
		web = web || b.web
		if !web {
			return errNotPages
		}
		var sents []string
		for _, p := range a.Body {
			for _, sp := range rd.sentences(p.Text) {
				sents = append(sents, p.Text[sp.Start:sp.End])
			}
		}
		pages = append(pages, sents)
		return nil
	})
	if errors.Is(err, errNotPages) || !web {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return pages, nil
}

// dropTemplate drops from a finished article's body the sentences the
// reader's template holds, and the paragraphs left empty.
func (b *builder) dropTemplate(a *Article) {
	t := b.rd.template
	if t == nil || len(t.on) == 0 {
		return
	}
	kept := a.Body[:0]
	for _, p := range a.Body {
		var rest []string
		cut := false
		for _, sp := range b.rd.sentences(p.Text) {
			s := p.Text[sp.Start:sp.End]
			if why, ok := t.Repeated(s); ok {
				b.stage = append(b.stage, Dropped{Line: p.Line, Kind: why, Text: keep(s)})
				cut = true
				continue
			}
			rest = append(rest, s)
		}
		if cut {
			if len(rest) == 0 {
				continue
			}
			p.Text = strings.Join(rest, " ")
		}
		kept = append(kept, p)
	}
	clear(a.Body[len(kept):])
	a.Body = kept
}

// sentences is the language's sentences of a text, trimmed of space, or
// the whole text when it has none.
func (rd *Reader) sentences(text string) []Span {
	sents := rd.lang.Sentences(text)
	if len(sents) == 0 {
		return []Span{{0, len(text)}}
	}
	out := sents[:0]
	for _, sp := range sents {
		for sp.Start < sp.End && text[sp.Start] == ' ' {
			sp.Start++
		}
		for sp.End > sp.Start && text[sp.End-1] == ' ' {
			sp.End--
		}
		if sp.End > sp.Start {
			out = append(out, sp)
		}
	}
	return out
}
