package analyze

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// markdownText is the text of a Markdown input as the reader reads it,
// parsed by goldmark: each heading with text under it opens an article
// with it as the headline (a broadcast transcript's items, an archive's
// posts); the level-1 heading that opens the file is the title,
// and a date in it ("# 《新闻联播》 (20240305)") dates the articles; a
// section whose heading is a table of contents or a programme's summary
// (新闻摘要, "In this programme": Language.ContentsMarker) is left out, so
// that each headline it repeats counts once; so is a heading with no text
// of its own (## 详细新闻), and a block quote between the title and the
// first item (the archive's note). An item's number opening its heading
// ("## 1. …") is not its headline's. Inline HTML is reduced to its text (<p> a
// paragraph, <strong> nothing), links keep their text where it is prose
// and a paragraph of links alone ([查看原文](…)) is dropped; images and
// code are dropped. Each paragraph stands at its line in the file, so
// that line numbers point back at it, but for the paragraphs after a
// line of the file that held several (<p>…</p><p>…</p>), which follow it.
func (rd *Reader) markdownText(in *Input) *converted {
	src := in.whole
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	m := &mdWriter{rd: rd, src: src, lineAt: lineStarts(src),
		c: &converted{dateLines: map[int]string{}, titleLines: map[int]bool{}}}
	m.blocks(doc)
	for _, d := range m.c.dropped {
		for m.line < d.Line { // what is dropped after the last paragraph stands on a line of the text too
			m.out.WriteByte('\n')
			m.line++
		}
	}
	m.c.text = m.out.String()
	m.c.describe = fmt.Sprintf("%s, Markdown", in.Encoding)
	return m.c
}

// mdWriter writes the reader's text of a Markdown document.
type mdWriter struct {
	rd     *Reader
	src    []byte
	lineAt []int // byte offset of each line's start
	c      *converted
	out    strings.Builder
	line   int // lines written
	titled bool
	// skipLevel, while a section is left out (a summary), is its
	// heading's level; 0 when none is
	skipLevel int
	skipWhy   string
}

// lineStarts is the byte offset of each line of src.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf is the 1-based line of a byte offset.
func (m *mdWriter) lineOf(off int) int {
	return sort.Search(len(m.lineAt), func(i int) bool { return m.lineAt[i] > off })
}

// startLine is the line a block starts on, or the line after the text
// written so far when it has no position.
func (m *mdWriter) startLine(n ast.Node) int {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return m.lineOf(l.At(0).Start)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return m.lineOf(t.Segment.Start)
		}
	}
	return m.line + 1
}

// emit writes a paragraph of text at a line of the file (or after what is
// written, when that is past it), followed by a blank line, and returns
// the line it stands on.
func (m *mdWriter) emit(at int, t string) int {
	t = strings.Join(strings.Fields(t), " ")
	if t == "" {
		return 0
	}
	for m.line+1 < at {
		m.out.WriteByte('\n')
		m.line++
	}
	if m.line > 0 && !strings.HasSuffix(m.out.String(), "\n\n") {
		m.out.WriteByte('\n')
		m.line++
	}
	m.out.WriteString(t)
	m.out.WriteByte('\n')
	m.line++
	return m.line
}

// drop records text left out, at the line of the text it stood at (the
// file's, but for the paragraphs that one line of the file held more of).
func (m *mdWriter) drop(at int, kind, t string) {
	if t = strings.Join(strings.Fields(t), " "); t != "" {
		m.c.dropped = append(m.c.dropped, Dropped{Line: max(at, m.line+1), Kind: kind, Text: keep(t)})
	}
}

// blocks writes the blocks under n.
func (m *mdWriter) blocks(n ast.Node) {
	for b := n.FirstChild(); b != nil; b = b.NextSibling() {
		m.block(b)
	}
}

func (m *mdWriter) block(b ast.Node) {
	at := m.startLine(b)
	if h, ok := b.(*ast.Heading); ok && m.skipLevel > 0 && h.Level <= m.skipLevel {
		m.skipLevel = 0 // the left-out section ends at a heading of its level or above
	}
	if m.skipLevel > 0 {
		switch b.(type) {
		case *ast.List, *ast.ListItem, *ast.Blockquote:
			m.blocks(b) // each item dropped apart
		default:
			m.drop(at, m.skipWhy, m.plain(b))
		}
		return
	}
	switch b := b.(type) {
	case *ast.Heading:
		m.heading(b, at)
	case *ast.Blockquote:
		if m.titled && len(m.c.titleLines) == 0 {
			// a note under the title, before the first item (本文根据央视网
			// 《新闻联播》视频整理……): the archive's, not the programme's
			m.drop(at, "note", m.plain(b))
			return
		}
		m.blocks(b)
	case *ast.Paragraph, *ast.TextBlock:
		m.paragraph(b, at)
	case *ast.HTMLBlock:
		m.htmlBlock(b, at)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		m.drop(at, "code", m.plain(b))
	case *ast.ThematicBreak:
	default: // lists, block quotes: their blocks
		m.blocks(b)
	}
}

// heading writes a heading: the title (the first level-1
// heading), an article's headline, or a section left out.
func (m *mdWriter) heading(h *ast.Heading, at int) {
	t := m.inline(h)
	lang := m.rd.lang
	switch {
	case lang.ContentsMarker(t):
		m.skipLevel, m.skipWhy = h.Level, "programme summary"
		m.drop(at, m.skipWhy, t)
	case h.Level == 1 && !m.titled:
		m.titled = true
		// the title stands as a masthead line and names the issue; a date
		// in it ("(20240305)") dates the articles under it
		m.emit(at, t)
		m.c.title = strings.Join(strings.Fields(t), " ")
		if d, ok := m.rd.pagePatterns.headingDate(t); ok {
			line := m.emit(at+1, d.String())
			m.c.dateLines[line] = fmt.Sprintf("title %q", t)
		}
	case !m.hasText(h):
		m.drop(at, "section heading", t)
	default:
		// an item's number is the programme's, not its headline's
		// ("## 1. 习近平看望……", "### （二）……")
		if loc := m.rd.pagePatterns.itemNumber.FindStringIndex(t); loc != nil && loc[1] < len(t) {
			t = t[loc[1]:]
		}
		if line := m.emit(at, t); line > 0 {
			m.c.titleLines[line] = true
		}
	}
}

// hasText reports whether a heading has text under it before the next
// heading.
func (m *mdWriter) hasText(h *ast.Heading) bool {
	for n := h.NextSibling(); n != nil; n = n.NextSibling() {
		switch n.(type) {
		case *ast.Heading:
			return false
		case *ast.ThematicBreak:
			continue
		}
		if strings.TrimSpace(m.plain(n)) != "" {
			return true
		}
	}
	return false
}

// paragraph writes a paragraph's text, or drops it: a paragraph of links
// alone whose words are not prose ([查看原文](…), "Read more"); a marker
// of a summary, with the list after it.
func (m *mdWriter) paragraph(p ast.Node, at int) {
	t := m.inline(p)
	if m.linksOnly(p) {
		m.drop(at, "link", string(p.Lines().Value(m.src)))
		return
	}
	if m.rd.lang.ContentsMarker(t) {
		// "本期节目主要内容：" with the list of the day's items under it, up
		// to the next heading
		m.skipLevel, m.skipWhy = 7, "programme summary"
		m.drop(at, m.skipWhy, t)
		return
	}
	m.emit(at, t)
}

// linksOnly reports a paragraph that is links and nothing else, each of
// at most 12 characters (查看原文, 原文链接, "Read more", "Watch the
// video"): the archive's pointers to its source, not text.
func (m *mdWriter) linksOnly(p ast.Node) bool {
	links := 0
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Link:
			if utf8.RuneCountInString(m.inline(c)) > 12 {
				return false
			}
			links++
		case *ast.AutoLink:
			links++
		case *ast.Text:
			if strings.TrimSpace(string(c.Segment.Value(m.src))) != "" {
				return false
			}
		default:
			return false
		}
	}
	return links > 0
}

// htmlBlock writes the paragraphs of a block of HTML (<p>…</p><p>…</p>),
// their markup left out.
func (m *mdWriter) htmlBlock(b *ast.HTMLBlock, at int) {
	var raw bytes.Buffer
	for i := 0; i < b.Lines().Len(); i++ {
		seg := b.Lines().At(i)
		raw.Write(seg.Value(m.src))
	}
	if b.HasClosure() {
		raw.Write(b.ClosureLine.Value(m.src))
	}
	nodes, err := html.ParseFragment(&raw, &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		m.drop(at, "HTML", raw.String())
		return
	}
	for _, n := range nodes {
		for _, t := range blocks(n) {
			if m.rd.lang.ContentsMarker(t.text) {
				m.skipLevel, m.skipWhy = 7, "programme summary"
			}
			if m.skipLevel > 0 {
				m.drop(at, m.skipWhy, t.text)
				continue
			}
			m.emit(at, t.text)
		}
	}
}

// inline is the text of a block's inline content: its words, links'
// text, code spans; inline HTML tags and images left out; line breaks
// joined as the language joins the lines of a paragraph.
func (m *mdWriter) inline(n ast.Node) string {
	var b strings.Builder
	sep := m.rd.lang.WordSeparator()
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(m.src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteString(sep)
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.RawHTML:
				if br := strings.ToLower(string(c.Segments.Value(m.src))); strings.HasPrefix(br, "<br") {
					b.WriteString(sep)
				}
			case *ast.Image:
				// an image's alt text is not the article's
			case *ast.AutoLink:
				b.Write(c.Label(m.src))
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return html.UnescapeString(b.String())
}

// plain is the text of any block, for what is dropped.
func (m *mdWriter) plain(n ast.Node) string {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		var b strings.Builder
		for i := 0; i < l.Len(); i++ {
			seg := l.At(i)
			b.Write(seg.Value(m.src))
		}
		return b.String()
	}
	var parts []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		parts = append(parts, m.plain(c))
	}
	return strings.Join(parts, " ")
}

// headingDate is the date a title gives: 20240305, 2024-03-05,
// 2024年3月5日.
func (pp *pagePatterns) headingDate(t string) (Date, bool) {
	if m := pp.compactDate.FindStringSubmatch(t); m != nil {
		return makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := pp.numericDate.FindStringSubmatch(t); m != nil {
		return makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	return Date{}, false
}
