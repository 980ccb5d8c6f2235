package analyze

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
)

// Template is the text a site repeats on its pages (a promotion line, a
// "follow us" line, a standing notice) found by repetition: a body
// paragraph standing word for word on many distinct pages of a batch is
// the site's, not an article's. One page cannot tell this; the pages of a
// file of joined pages, or of many files of one site, can (see
// Reader.ScanPages and Reader.WithTemplate).
type Template struct {
	pages int            // distinct pages seen
	on    map[uint64]int // paragraph hash → pages it stands on
}

// A paragraph is template when it stands on at least templateMinPages
// distinct pages and on at least a templateShare-th of them: a promotion
// line is on most of a site's pages, while a sentence two articles quote
// alike is on two or three of dozens.
const (
	templateMinPages = 3
	templateShare    = 4
)

// NewTemplate finds the template in pages, each given as its body
// paragraphs (as ScanPages returns them). A page that repeats an earlier
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

// Repeated reports whether a paragraph is template, with the reason to
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
// body paragraphs t holds as template, listing each as dropped with the
// pages it was found on.
func (rd *Reader) WithTemplate(t *Template) *Reader {
	r := *rd
	r.template = t
	return &r
}

// errNotPages stops ScanPages on an input that is not web pages.
var errNotPages = errors.New("not web pages")

// ScanPages reads an input to find its web pages for NewTemplate: the body
// paragraphs of each page, when the input is web pages (an HTML file, or
// text saved from pages: a page title line "headline - site", or pages
// joined with their footers). For any other text it returns nil, having
// read no further than its first article. Read errors are the reader's.
func (rd *Reader) ScanPages(r io.Reader, name string) ([][]string, error) {
	rd = rd.WithTemplate(nil)
	var pages [][]string
	web := false
	_, err := rd.read(r, name, func(b *builder, a *Article) error {
		web = web || b.web
		if !web {
			return errNotPages
		}
		paras := make([]string, len(a.Body))
		for i, p := range a.Body {
			paras[i] = p.Text
		}
		pages = append(pages, paras)
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

// dropTemplate drops from a finished article's body the paragraphs the
// reader's template holds.
func (b *builder) dropTemplate(a *Article) {
	if b.rd.template == nil {
		return
	}
	kept := a.Body[:0]
	for _, p := range a.Body {
		if why, ok := b.rd.template.Repeated(p.Text); ok {
			b.stage = append(b.stage, Dropped{Line: p.Line, Kind: why, Text: keep(p.Text)})
			continue
		}
		kept = append(kept, p)
	}
	clear(a.Body[len(kept):])
	a.Body = kept
}
