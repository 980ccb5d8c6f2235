package analyze

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// MaxPageBytes is the largest HTML page read: a saved article page is
// well under a megabyte; past this it is not an article page (and its
// HTML tree alone would take over 100 MB).
const MaxPageBytes = 4 << 20

// MaxPageElements is the most elements (start tags) a page may have: a
// news page has one to five thousand; finding the article of one costs
// about 4 KB of memory an element (go-trafilatura and its fallbacks), so
// that 200,000, in 0.9 MB of unclosed <p><b><i><span>, took 800 MB.
const MaxPageElements = 50000

// elements counts a page's start tags, up to one past MaxPageElements.
func elements(raw []byte) int {
	z := html.NewTokenizer(bytes.NewReader(raw))
	n := 0
	for n <= MaxPageElements {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.StartTagToken, html.SelfClosingTagToken:
			n++
		}
	}
	return n
}

// MaxHTMLBytes is the largest file of joined HTML pages read (it is held
// whole while its pages are cut apart).
const MaxHTMLBytes = 32 << 20

// minProseWords is the fewest words of a paragraph that makes a page an
// article: the content found must hold at least one, or the page is menus
// and links only.
const minProseWords = 8

// minProseRunes is the same for a paragraph written without spaces
// between words (Chinese), until its language counts its words.
const minProseRunes = 60

// Page is an HTML page turned into the plain text the reader reads: its
// main content found by go-trafilatura (menus, sidebars, footers,
// scripts and link lists left out), preceded by its publication date as
// a date line and its title as the headline, paragraph by paragraph.
type Page struct {
	Text  string // the text to read: date line, title, paragraphs, each followed by a blank line
	Title string
	Site  string // the site's name, from the page's metadata
	Date  string // ISO date: of its byline, its metadata (go-htmldate) or its address (see pageDate), or ""
	// DateNote says where Date came from: `page byline "…"`, `page
	// metadata "…"`, `page address "…"`
	DateNote string
	URL      string // the page's address: its canonical link, og:url, or what saving it wrote into it
	Charset  string // how the bytes were decoded (the page's own charset)
	// KeptBytes and PageTextBytes are the article text kept and all the
	// text of the page (both without markup): what share was dropped.
	KeptBytes, PageTextBytes int
	// Pages and Skipped, for a file of joined pages: how many pages, and
	// how many of them had no article text (left out)
	Pages, Skipped int
	// Furniture is the page's text outside its article (menus, link
	// lists, footer, the date of a byline), block by block in page order.
	Furniture []string
}

// IsHTML reports whether the start of an input is an HTML document: after
// a byte-order mark and space, "<!doctype html" or "<html", or a comment
// or XML declaration with <html> after it.
func IsHTML(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	switch {
	case bytes.HasPrefix(head, []byte("<!doctype html")), bytes.HasPrefix(head, []byte("<html")):
		return true
	case bytes.HasPrefix(head, []byte("<!--")), bytes.HasPrefix(head, []byte("<?xml")):
		return bytes.Contains(head, []byte("<html"))
	}
	return false
}

// convert hands back the input's text as it is or, when it is a web
// page or Markdown, the text its converter made of it, with what the
// reader needs to know of it.
func (rd *Reader) convert(in *Input) (io.Reader, *converted, error) {
	switch in.Format {
	case FormatHTML:
		c, err := rd.pageText(in)
		if err != nil {
			return nil, nil, err
		}
		return strings.NewReader(c.text), c, nil
	case FormatMarkdown:
		c := rd.markdownText(in)
		return strings.NewReader(c.text), c, nil
	}
	return in, nil, nil
}

// pageText is the main content of an HTML input's pages as text
// (ReadPage).
func (rd *Reader) pageText(in *Input) (*converted, error) {
	pages, skipped, err := rd.readPages(in)
	if err != nil {
		return nil, &InputError{File: in.Name, Msg: err.Error()} // the page reader says what is wrong: no cause to keep
	}
	sum := &Page{Charset: pages[0].Charset, Site: pages[0].Site, Pages: len(pages) + skipped, Skipped: skipped}
	c := &converted{web: true, site: pages[0].Site, dateLines: map[int]string{}, titleLines: map[int]bool{}}
	var text strings.Builder
	line := 1
	for _, p := range pages {
		for _, f := range p.Furniture {
			c.dropped = append(c.dropped, Dropped{Line: line, Kind: "outside the article", Text: keep(f)})
		}
		if p.Date != "" {
			c.dateLines[line] = p.DateNote
			if p.Title != "" {
				c.titleLines[line+2] = true // after the date line and a blank line
			}
		} else if p.Title != "" {
			c.titleLines[line] = true
		}
		line += strings.Count(p.Text, "\n")
		text.WriteString(p.Text)
		sum.KeptBytes += p.KeptBytes
		sum.PageTextBytes += p.PageTextBytes
	}
	c.text, c.describe = text.String(), sum.describe()
	return c, nil
}

// ReadPages reads a file of one or more HTML pages joined one after the
// other (as a scraper saves a site's pages: each opening with
// <!DOCTYPE html>, or with <html> when none does; at most MaxHTMLBytes in
// all, MaxPageBytes a page) and returns each page with article text as ReadPage does, in order,
// and how many pages had none (menus or an index only). A file where no
// page has article text is an error.
func ReadPages(r io.Reader, lang Language) (pages []*Page, skipped int, err error) {
	in, err := openHTML(r)
	if err != nil {
		return nil, 0, err
	}
	return readPages(in.whole, in.Encoding, lang, newPagePatterns())
}

// openHTML opens r as HTML (by the name ".html", whatever its bytes), its
// errors not naming the file.
func openHTML(r io.Reader) (*Input, error) {
	in, err := Open(r, ".html", OpenOptions{})
	var ie *InputError
	if errors.As(err, &ie) {
		return nil, errors.New(ie.Msg)
	}
	return in, err
}

// readPages is ReadPages over the file's text, decoded from charset.
func readPages(data []byte, charset string, lang Language, pp *pagePatterns) (pages []*Page, skipped int, err error) {
	var first error
	for _, seg := range splitPages(data) {
		p, err := readPage(seg, charset, lang, pp)
		if err != nil {
			skipped++
			first = cmp.Or(first, err)
			continue
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		return nil, 0, first
	}
	return pages, skipped, nil
}

// splitPages cuts joined HTML pages apart where each new one opens: at
// every <!DOCTYPE html> after the first, or, when the file has none, at
// every <html> after the first.
func splitPages(data []byte) [][]byte {
	lower := bytes.ToLower(data)
	mark := []byte("<!doctype html")
	if !bytes.Contains(lower, mark) {
		mark = []byte("<html")
	}
	var out [][]byte
	start, from := 0, 0
	for {
		i := bytes.Index(lower[from:], mark)
		if i < 0 {
			break
		}
		at := from + i
		if seg := lower[start:at]; bytes.Contains(seg, []byte("<body")) || bytes.Contains(seg, []byte("</html")) {
			out = append(out, data[start:at])
			start = at
		}
		from = at + len(mark)
	}
	return append(out, data[start:])
}

// ReadPage reads an HTML page (at most MaxPageBytes) and returns its main
// content as text, as one article: the page's date and title open it, and
// a paragraph of the content that is only a date (the date repeated in a
// byline block) is left out, so that it does not open a second article.
// The charset is the page's own (byte-order mark, then <meta charset>,
// then a guess from the bytes), so GBK and GB2312 pages read as well as
// UTF-8 ones; a page whose bytes are UTF-8 is read as UTF-8 whatever it
// says. A page with no article text is an error.
func ReadPage(r io.Reader, lang Language) (*Page, error) {
	in, err := openHTML(io.LimitReader(r, MaxPageBytes+1))
	if err != nil {
		return nil, err
	}
	if len(in.whole) > MaxPageBytes {
		return nil, fmt.Errorf("an HTML page over %d MB: not one page", MaxPageBytes>>20)
	}
	return readPage(in.whole, in.Encoding, lang, newPagePatterns())
}

// readPage reads a page's text, decoded to UTF-8 from its charset.
func readPage(raw []byte, charset string, lang Language, pp *pagePatterns) (*Page, error) {
	if len(raw) > MaxPageBytes {
		return nil, fmt.Errorf("an HTML page over %d MB: not an article page", MaxPageBytes>>20)
	}
	if elements(raw) > MaxPageElements {
		return nil, fmt.Errorf("an HTML page of more than %d elements: not an article page; save its article's text", MaxPageElements)
	}
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("not HTML: %w", err)
	}
	all := len(strings.Join(strings.Fields(visibleText(doc)), " "))
	captions := figcaptions(doc, lang) // before extraction, which leaves figures out
	pageBlocks := blocks(element(doc, "body"))
	h1 := headings(doc)
	// go-trafilatura's rescue for content under 250 characters takes the
	// text of the whole article element, its paragraphs run together
	// ("economySpeech delivered"): a short page is read by the main
	// extractor alone first, and rescued only when that finds no prose
	res, paras := extract(doc, 1)
	if !hasProse(paras, lang) {
		if doc, err = html.Parse(bytes.NewReader(raw)); err == nil { // the first extraction changed the tree
			res, paras = extract(doc, trafilatura.DefaultConfig().MinExtractedSize)
		}
	}
	if res == nil {
		return nil, errors.New("no article text found in the page")
	}
	// the <title> as the page has it (go-trafilatura's may have lost the
	// site's name already, which names the publication)
	title, titleSite := pp.cleanTitle(cmp.Or(strings.Join(elementBlocks(doc, "title", nil), " "), res.Metadata.Title), h1, res.Metadata.Sitename)
	p := &Page{Title: title, Site: cmp.Or(res.Metadata.Sitename, titleSite), Charset: charset, PageTextBytes: all,
		URL: cmp.Or(res.Metadata.URL, pp.savedURL(raw))}
	meta := ""
	if !res.Metadata.Date.IsZero() {
		meta = res.Metadata.Date.Format("2006-01-02")
	}
	p.Date, p.DateNote = pp.pageDate(pageBlocks, firstContent(pageBlocks, paras), meta, p.URL)
	if len(paras) > 0 && p.Title != "" && (strings.EqualFold(paras[0], p.Title) || strings.EqualFold(paras[0], res.Metadata.Title)) {
		paras = paras[1:] // the title, repeated as the article's first heading
	}
	var b strings.Builder
	if p.Date != "" {
		b.WriteString(p.Date + "\n\n") // a date line every language reads (ISO 8601)
	}
	if p.Title != "" {
		b.WriteString(p.Title + "\n\n")
	}
	for _, c := range captions {
		b.WriteString(c + "\n\n")
	}
	if !hasProse(paras, lang) {
		return nil, errors.New("no article text found in the page")
	}
	linked := map[string]bool{}
	for _, t := range pageBlocks {
		if t.linked() {
			linked[squeeze(t.text)] = true
		}
	}
	related := pp.relatedLinks(paras, linked)
	kept := map[string]bool{}
	for i, t := range paras {
		if _, ok := lang.DateLine(t); ok || related[i] {
			continue
		}
		p.KeptBytes += len(t) + 1
		b.WriteString(t + "\n\n")
		kept[squeeze(t)] = true
	}
	for _, c := range captions {
		kept[squeeze(c)] = true
	}
	p.Text = b.String()
	// what the reader keeps is an article's paragraph, its title or a
	// caption; every other block of the page is furniture (a menu item
	// that a sentence of the article happens to contain too)
	text := squeeze(p.Text)
	for _, t := range pageBlocks {
		sq := squeeze(t.text)
		if kept[sq] || sq == squeeze(p.Title) || (utf8.RuneCountInString(sq) >= 20 && strings.Contains(text, sq)) {
			continue
		}
		p.Furniture = append(p.Furniture, t.text)
	}
	return p, nil
}

// firstContent is the index of the page block where the article's text
// begins (its first paragraph as the extractor found it), or the number
// of blocks when it is not found.
func firstContent(page []textBlock, paras []string) int {
	for _, para := range paras[:min(len(paras), 3)] {
		sq := squeeze(para)
		for i, t := range page {
			if squeeze(t.text) == sq {
				return i
			}
		}
	}
	return len(page)
}

// element returns the first element named tag in n's tree, or n when
// there is none.
func element(n *html.Node, tag string) *html.Node {
	var find func(*html.Node) *html.Node
	find = func(n *html.Node) *html.Node {
		if n.Type == html.ElementNode && n.Data == tag {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if e := find(c); e != nil {
				return e
			}
		}
		return nil
	}
	if e := find(n); e != nil {
		return e
	}
	return n
}

// extract finds a page's main content with go-trafilatura, rescuing
// content under minSize characters with the text of its article element
// (see readPage), and returns it with its paragraphs; nil when it finds
// none. It changes doc.
func extract(doc *html.Node, minSize int) (*trafilatura.ExtractResult, []string) {
	cfg := trafilatura.DefaultConfig()
	cfg.MinExtractedSize = minSize
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		EnableFallback: true, ExcludeComments: true, ExcludeTables: false,
		HtmlDateMode: trafilatura.Fast, Config: cfg,
	})
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, nil
	}
	return res, texts(blocks(res.ContentNode))
}

// hasProse reports whether paragraphs hold one of prose: at least
// minProseWords words (minProseRunes characters in a script without
// spaces), other than a date line.
func hasProse(paras []string, lang Language) bool {
	for _, t := range paras {
		if _, ok := lang.DateLine(t); ok {
			continue
		}
		if lang.LineWords(t) >= minProseWords || utf8.RuneCountInString(t) >= minProseRunes {
			return true
		}
	}
	return false
}

// isBlock reports an element whose text is a paragraph of its own.
func isBlock(tag string) bool {
	switch tag {
	case "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "td", "th",
		"dt", "dd", "div", "section", "article", "table", "ul", "ol", "tr", "br", "hr", "figure", "caption":
		return true
	}
	return false
}

// blocks returns the text of a tree a paragraph per block element,
// spaces folded, empty ones left out, each with how much of it is the
// text of links.
func blocks(n *html.Node) []textBlock {
	var out []textBlock
	var cur strings.Builder
	links := 0 // runes of cur inside links
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			out = append(out, textBlock{text: t, linkRunes: links})
		}
		cur.Reset()
		links = 0
	}
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			if inLink {
				links += utf8.RuneCountInString(strings.Join(strings.Fields(n.Data), ""))
			}
			return
		case html.ElementNode:
			if n.Data == "script" || n.Data == "style" || n.Data == "noscript" {
				return
			}
			inLink = inLink || n.Data == "a"
		}
		block := n.Type == html.ElementNode && isBlock(n.Data)
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
		if block {
			flush()
		}
	}
	walk(n, false)
	flush()
	return out
}

// texts is the text of blocks.
func texts(bs []textBlock) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.text
	}
	return out
}

// visibleText is the text of a document outside scripts and styles.
func visibleText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "noscript" || n.Data == "head") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// describe says how the page was read, for Issue.Encoding: its charset,
// and how much of its text was kept as the article.
func (p *Page) describe() string {
	if p.Pages > 1 {
		s := fmt.Sprintf("%s, %d HTML pages joined: %s of their %s of text kept as articles (the rest: menus, links, footers)",
			p.Charset, p.Pages, kb(p.KeptBytes), kb(p.PageTextBytes))
		if p.Skipped > 0 {
			s += fmt.Sprintf("; %d with no article text left out", p.Skipped)
		}
		return s
	}
	return fmt.Sprintf("%s, HTML page: %s of its %s of text kept as the article (the rest: menus, links, footer)",
		p.Charset, kb(p.KeptBytes), kb(p.PageTextBytes))
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1000) }

// figcaptions returns the page's photo captions that read as captions in
// the language (Language.Caption: a credit such as "(Xinhua/Ju Peng)"),
// so that the reader keeps them apart from the body as it does in text; a
// figcaption that does not read as one is left out with the figure.
func figcaptions(doc *html.Node, lang Language) []string {
	return elementBlocks(doc, "figcaption", lang.Caption)
}

// elementBlocks returns the blocks of text of a page's elements of a tag
// (blocks) that keep takes (all, for nil).
func elementBlocks(doc *html.Node, tag string, keep func(string) bool) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			for _, t := range blocks(n) {
				if keep == nil || keep(t.text) {
					out = append(out, t.text)
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// readPages is ReadPages through the reader's page cache, if it has one:
// the pages of the same bytes the template scan read in the same language,
// or, for the scan (rd.fillCache), read now and kept for the reading.
func (rd *Reader) readPages(in *Input) ([]*Page, int, error) {
	data := in.whole
	if rd.pageCache == nil {
		return readPages(data, in.Encoding, rd.lang, rd.pagePatterns)
	}
	key := pageKey(data, rd.lang)
	if got, ok := rd.pageCache.take(key); ok {
		return got.pages, got.skipped, nil
	}
	pages, skipped, err := readPages(data, in.Encoding, rd.lang, rd.pagePatterns)
	if err == nil && rd.fillCache {
		rd.pageCache.put(key, pagesRead{pages: pages, skipped: skipped})
	}
	return pages, skipped, err
}

// PageCache holds the web pages read from a file for its next reading: a
// run reads a folder's web pages twice, once to find the text their site
// repeats (Reader.ScanPages) and once to read them, and finding a page's
// article (go-trafilatura) is most of a page's reading. A file's pages
// are given to the first reading of the same bytes in the same language
// after, and forgotten; the pages held are at most a size in all, past
// which pages are read twice as before.
type PageCache struct {
	mu      sync.Mutex
	entries map[[sha256.Size]byte]pagesRead
	size    int // bytes of text held
	max     int
}

// pagesRead is what readPages found in a file.
type pagesRead struct {
	pages   []*Page
	skipped int
	size    int // bytes of text held (see put)
}

// NewPageCache returns a cache that holds at most max bytes of pages'
// text.
func NewPageCache(max int) *PageCache {
	return &PageCache{entries: map[[sha256.Size]byte]pagesRead{}, max: max}
}

// WithPageCache returns a Reader like rd that reads web pages through c.
func (rd *Reader) WithPageCache(c *PageCache) *Reader {
	r := *rd
	r.pageCache = c
	return &r
}

func pageKey(data []byte, lang Language) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte(lang.Code() + "\x00"))
	h.Write(data)
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

// put keeps pr under key, its size counted once, unless that would take
// the cache over its size.
func (c *PageCache) put(key [sha256.Size]byte, pr pagesRead) {
	for _, p := range pr.pages {
		pr.size += len(p.Text) + len(p.Title)
		for _, f := range p.Furniture {
			pr.size += len(f)
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[key]; ok || c.size+pr.size > c.max {
		return
	}
	c.entries[key] = pr
	c.size += pr.size
}

func (c *PageCache) take(key [sha256.Size]byte) (pagesRead, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	pr, ok := c.entries[key]
	if ok {
		delete(c.entries, key)
		c.size -= pr.size
	}
	return pr, ok
}
