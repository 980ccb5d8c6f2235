package analyze

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
)

// longLine is the length past which a line is taken to be a whole page run
// together (a scrape with no line breaks) and is read sentence by sentence.
const longLine = 5000

// Reader reads issues. Build one with NewReader and reuse it: it holds the
// compiled patterns and the shared sentence model, and is safe for
// concurrent use.
type Reader struct {
	pat    *textPatterns
	venues []venueRule
	seg    *segment.Segmenter
	pubs   []string
}

// NewReader returns a Reader that knows the given venues besides the
// general venue cues.
func NewReader(venues []VenuePattern) (*Reader, error) {
	seg, err := segment.New()
	if err != nil {
		return nil, fmt.Errorf("loading sentence model: %w", err)
	}
	return &Reader{
		pat:    newTextPatterns(),
		venues: newVenueRules(venues),
		seg:    seg,
		pubs: []string{"Beijing Review", "China Daily", "Xinhua", "People's Daily", "Global Times", "Qiushi",
			"China Today", "CGTN", "China.org.cn", "ECNS", "China Pictorial", "Guangming Daily", "PLA Daily"},
	}, nil
}

// ReadIssue reads one issue with the default venues. name is used in
// errors and as a title of last resort.
func ReadIssue(r io.Reader, name string) (*Issue, error) {
	rd, err := NewReader(DefaultVenues())
	if err != nil {
		return nil, err
	}
	return rd.Read(r, name)
}

// block is a paragraph-sized unit of input: one line, a hard-wrapped run of
// lines, or one sentence of an over-long line.
type block struct {
	first, last int // source lines
	text        string
	gap         int // blank lines before it
	kind        kind
	date        Date
}

// Read reads one issue from r.
func (rd *Reader) Read(r io.Reader, name string) (*Issue, error) {
	lines, enc, warnings, err := decodeLines(r, name)
	if err != nil {
		return nil, err
	}
	iss := &Issue{Name: name, Encoding: enc, Lines: len(lines), Warnings: warnings}
	blocks := rd.blocks(lines, iss)
	b := &builder{rd: rd, iss: iss, blocks: blocks}
	b.build()
	rd.finish(iss, b)
	return iss, nil
}

// blocks groups lines into classified blocks.
func (rd *Reader) blocks(lines []line, iss *Issue) []block {
	var (
		out   []block
		parts []string // lines of the block being built
		cur   block    // its lines, gap and the kind of its first line
	)
	flush := func() {
		if len(parts) == 0 {
			return
		}
		cur.text = strings.Join(parts, " ")
		out = append(out, rd.classified(cur)...)
		parts = parts[:0]
	}
	gap := 0
	for _, ln := range lines {
		if ln.text == "" {
			flush()
			gap++
			continue
		}
		if len(ln.text) > longLine {
			flush()
			sents := rd.seg.Segment(ln.text)
			iss.Warnings = append(iss.Warnings, Warning{Line: ln.n, Msg: fmt.Sprintf(
				"%d bytes on one line; read as %d sentence paragraphs", len(ln.text), len(sents))})
			for i, s := range sents {
				g := 0
				if i == 0 {
					g = gap
				}
				out = append(out, rd.classified(block{first: ln.n, last: ln.n, text: s.Text, gap: g})...)
			}
			gap = 0
			continue
		}
		if len(parts) > 0 && (cur.kind == kindBody || cur.kind == kindHead) && wrapped(parts[len(parts)-1], ln.text) {
			parts = append(parts, ln.text)
			cur.last = ln.n
			continue
		}
		flush()
		k, _ := rd.pat.classify(ln.text)
		cur = block{first: ln.n, last: ln.n, gap: gap, kind: k}
		parts = append(parts, ln.text)
		gap = 0
	}
	flush()
	return out
}

// classified sets the block's kind; a photo credit run into the next
// sentence becomes a caption and a body block.
func (rd *Reader) classified(b block) []block {
	if !strings.Contains(b.text, "hoto by ") {
		// not a credit: each has "Photo by" or "photo by"
	} else if m := rd.pat.gluedCredit.FindStringSubmatch(b.text); m != nil {
		credit, rest := b, b
		credit.text, credit.kind = m[1], kindCaption
		rest.text, rest.gap = m[2], 0
		rest.kind, rest.date = rd.pat.classify(rest.text)
		return []block{credit, rest}
	}
	b.kind, b.date = rd.pat.classify(b.text)
	return []block{b}
}

// builder walks the blocks once and assembles articles.
type builder struct {
	rd          *Reader
	iss         *Issue
	blocks      []block
	arts        []*Article
	cur         *Article
	dateLine    map[*Article]int    // line of the date heading that opened it
	sectionText map[*Article]string // and its text
	section     struct {
		date Date
		line int
		text string
	}
	masthead   []block
	pendingCap []block
	placedIdx  int // index of the block last added as a body paragraph, or -1
	// headBeforeDate is set when the last date heading took its headline
	// from the line above it (TITLE / date / body, as in speech collections)
	headBeforeDate bool
	footer         []block
	stage          []Dropped
	captionIdx     map[*Article]map[string]int
}

func (b *builder) build() {
	b.dateLine = map[*Article]int{}
	b.sectionText = map[*Article]string{}
	b.captionIdx = map[*Article]map[string]int{}
	b.placedIdx = -1
	end := b.footerStart()
	b.footer = b.blocks[end:]
	for i := 0; i < end; i++ {
		bl := b.blocks[i]
		switch bl.kind {
		case kindStage:
			b.stage = append(b.stage, Dropped{Line: bl.first, Kind: stageKind(b.rd.pat, bl.text), Text: bl.text})
		case kindDate:
			i = b.dateHeading(i, end)
		case kindHead:
			b.headLike(i, end)
		case kindCaption:
			if b.cur == nil {
				b.pendingCap = append(b.pendingCap, bl)
			} else {
				b.addCaption(b.cur, bl)
			}
		default:
			if b.cur == nil {
				b.start(nil)
			}
			b.addBody(i)
		}
	}
	if len(b.arts) == 0 {
		// nothing read as an article: the whole text is one undated article
		b.start(nil)
		for _, m := range b.masthead {
			b.cur.Body = append(b.cur.Body, b.para(m))
		}
		b.masthead = nil
	}
	if len(b.pendingCap) > 0 && len(b.arts) == 0 {
		b.start(nil)
	}
	for _, c := range b.pendingCap {
		b.addCaption(b.arts[0], c)
	}
	// a date heading with nothing under it is not an article
	kept := b.arts[:0]
	for _, a := range b.arts {
		if isEmpty(a) {
			if line := b.dateLine[a]; line > 0 {
				b.stage = append(b.stage, Dropped{Line: line, Kind: "empty section", Text: b.sectionText[a]})
			}
			continue
		}
		a.N = len(kept) + 1
		kept = append(kept, a)
	}
	b.arts = kept
}

func stageKind(p *textPatterns, text string) string {
	if p.timestamp.MatchString(text) {
		return "timestamp"
	}
	return "stage direction"
}

// footerStart finds where the site footer begins: a trailing run of
// navigation lines and footer markers ("Related:", "Copyright …").
func (b *builder) footerStart() int {
	start, marker := len(b.blocks), false
	for i := len(b.blocks) - 1; i >= 0; i-- {
		bl := b.blocks[i]
		if bl.kind == kindDate || bl.kind == kindCaption {
			break
		}
		isMarker := b.rd.pat.footerMarker.MatchString(bl.text)
		if !isMarker && !navLike(bl.text) {
			break
		}
		marker = marker || isMarker
		start = i
	}
	if marker || len(b.blocks)-start >= 3 {
		// the footer must leave something before it
		if start > 0 {
			return start
		}
	}
	return len(b.blocks)
}

// next returns the index of the next block after i that is not a stage
// direction (and not a caption when skipCaptions), or end.
func (b *builder) next(i, end int, skipCaptions bool) int {
	for j := i + 1; j < end; j++ {
		k := b.blocks[j].kind
		if k == kindStage || (skipCaptions && k == kindCaption) {
			continue
		}
		return j
	}
	return end
}

// opensArticle reports whether the headline-like block i is followed by body
// text (captions between are allowed).
func (b *builder) opensArticle(i, end int) bool {
	j := b.next(i, end, true)
	return j < end && b.blocks[j].kind == kindBody
}

func (b *builder) dateHeading(i, end int) int {
	bl := b.blocks[i]
	b.section.date, b.section.line, b.section.text = bl.date, bl.first, bl.text
	var head *block
	consumed := i
	if j := b.next(i, end, false); j < end && b.blocks[j].kind == kindHead && b.opensArticle(j, end) {
		head, consumed = &b.blocks[j], j
	} else if i > 0 && titleBefore(b.blocks[i-1]) {
		head = b.steal(i - 1)
	}
	b.headBeforeDate = head != nil && head.first < bl.first
	b.start(head)
	b.dateLine[b.cur], b.sectionText[b.cur] = bl.first, bl.text
	return consumed
}

// steal takes back the headline-like block i from where it was put (the
// masthead or the last body paragraph), to head the article a date opens.
func (b *builder) steal(i int) *block {
	bl := &b.blocks[i]
	if n := len(b.masthead); n > 0 && b.masthead[n-1].first == bl.first && b.cur == nil {
		b.masthead = b.masthead[:n-1]
		return bl
	}
	if b.cur != nil && b.placedIdx == i {
		b.cur.Body = b.cur.Body[:len(b.cur.Body)-1]
		b.placedIdx = -1
		return bl
	}
	return nil
}

// titleBefore reports whether a block may be the title of the article a
// date heading below it opens: a headline-like line, or a short title-case
// line ending in a full stop ("Annual Message to the Congress.").
func titleBefore(bl block) bool {
	switch bl.kind {
	case kindHead:
		return true
	case kindBody:
		first, _ := utf8.DecodeRuneInString(bl.text)
		return len(strings.Fields(bl.text)) <= 20 && titleCase(bl.text) && !unicode.IsLower(first)
	}
	return false
}

func (b *builder) headLike(i, end int) {
	bl := b.blocks[i]
	opens := b.opensArticle(i, end)
	switch {
	case b.cur == nil && opens:
		b.start(&b.blocks[i])
	case b.cur == nil:
		b.masthead = append(b.masthead, bl)
	case opens && b.cur.Headline == nil && len(b.cur.Body) == 0:
		b.cur.Headline = ptr(b.para(bl))
	case opens && len(b.cur.Body) > 0 && b.datelineNext(i, end):
		b.start(&b.blocks[i])
	case opens && len(b.cur.Body) > 0 && bl.gap >= 2 && len(strings.Fields(bl.text)) >= 4:
		// a title after a wider gap opens a new article; in a text whose
		// titles stand before their dates, one with no date is undated
		if b.headBeforeDate {
			b.section.date, b.section.line, b.section.text = Date{}, 0, ""
		}
		b.start(&b.blocks[i])
	default:
		b.addBody(i)
	}
}

func (b *builder) datelineNext(i, end int) bool {
	j := b.next(i, end, true)
	if j >= end {
		return false
	}
	_, _, ok := b.rd.pat.dates.datelineOf(b.blocks[j].text)
	return ok
}

func ptr[T any](v T) *T { return &v }

func isEmpty(a *Article) bool {
	return a.Headline == nil && len(a.Body) == 0 && len(a.Captions) == 0
}

// start opens a new article under the current date section.
func (b *builder) start(head *block) {
	a := &Article{N: len(b.arts) + 1, Date: b.section.date}
	if head != nil {
		a.Headline = ptr(b.para(*head))
	}
	if !b.section.date.IsZero() {
		a.DateNote = fmt.Sprintf("heading %q (line %d)", b.section.text, b.section.line)
	}
	b.arts = append(b.arts, a)
	b.cur = a
	b.placedIdx = -1
}

func (b *builder) addBody(i int) {
	bl := b.blocks[i]
	text := bl.text
	var loc [][]int
	if strings.Contains(text, "(") { // stage directions are in brackets
		loc = b.rd.pat.stageInline.FindAllStringIndex(text, -1)
	}
	if loc != nil {
		for _, l := range loc {
			b.stage = append(b.stage, Dropped{Line: bl.first, Kind: "stage direction", Text: strings.TrimSpace(text[l[0]:l[1]])})
		}
		text = strings.TrimSpace(b.rd.pat.stageInline.ReplaceAllString(text, ""))
		if text == "" {
			return
		}
		bl.text = text
	}
	b.cur.Body = append(b.cur.Body, b.para(bl))
	b.placedIdx = i
}

func (b *builder) addCaption(a *Article, bl block) {
	idx := b.captionIdx[a]
	if idx == nil {
		idx = map[string]int{}
		b.captionIdx[a] = idx
	}
	if k, ok := idx[bl.text]; ok {
		a.Captions[k].Copies++
		a.Captions[k].Lines = append(a.Captions[k].Lines, bl.first)
		return
	}
	idx[bl.text] = len(a.Captions)
	a.Captions = append(a.Captions, Caption{Para: b.para(bl), Copies: 1, Lines: []int{bl.first}})
}

// para makes a paragraph of a block; its sentences come later (see
// segmentAll), for all paragraphs at once and in parallel.
func (b *builder) para(bl block) Para {
	return Para{Line: bl.first, EndLine: bl.last, Text: bl.text}
}

// segmentAll splits every paragraph of the articles into sentences, on
// all cores.
func (rd *Reader) segmentAll(arts []*Article) {
	var paras []*Para
	for _, a := range arts {
		if a.Headline != nil {
			paras = append(paras, a.Headline)
		}
		for i := range a.Body {
			paras = append(paras, &a.Body[i])
		}
		for i := range a.Captions {
			paras = append(paras, &a.Captions[i].Para)
		}
	}
	parallel(context.Background(), len(paras), func(i int) {
		p := paras[i]
		for _, s := range rd.seg.Segment(p.Text) {
			p.Sentences = append(p.Sentences, Span{s.Start, s.End()})
		}
		if len(p.Sentences) == 0 {
			p.Sentences = []Span{{0, len(p.Text)}}
		}
	})
}

// finish dates and places the articles, names the issue and lists what
// was dropped.
func (rd *Reader) finish(iss *Issue, b *builder) {
	for _, m := range b.masthead {
		iss.Dropped = append(iss.Dropped, Dropped{Line: m.first, Kind: "masthead", Text: m.text})
	}
	for _, f := range b.footer {
		iss.Dropped = append(iss.Dropped, Dropped{Line: f.first, Kind: "footer", Text: f.text})
	}
	iss.Dropped = append(iss.Dropped, b.stage...)
	sort.SliceStable(iss.Dropped, func(i, j int) bool { return iss.Dropped[i].Line < iss.Dropped[j].Line })

	var mastText strings.Builder
	for _, m := range b.masthead {
		mastText.WriteString(m.text + "\n")
	}
	iss.Publication = rd.publication(mastText.String())
	for _, m := range b.masthead {
		if len(strings.Fields(m.text)) >= 3 && !navLike(m.text) {
			iss.Title = m.text // the last such line: the issue's own title under the masthead
		}
	}
	switch {
	case iss.Title != "":
	case len(b.arts) == 1 && b.arts[0].Headline != nil:
		iss.Title = b.arts[0].Headline.Text
	default:
		iss.Title = strings.TrimSuffix(filepath.Base(iss.Name), filepath.Ext(iss.Name))
	}

	rd.dateArticles(b)
	rd.segmentAll(b.arts)
	for _, a := range b.arts {
		a.Venue, a.VenueCue = findVenue(rd.venues, a)
		iss.Articles = append(iss.Articles, *a)
	}
}

func (rd *Reader) publication(masthead string) string {
	low := strings.ToLower(masthead)
	for _, p := range rd.pubs {
		if strings.Contains(low, strings.ToLower(p)) {
			return p
		}
	}
	return ""
}

// dateArticles gives undated articles the date of their dateline and fills
// in missing years from the best evidence at hand.
func (rd *Reader) dateArticles(b *builder) {
	p := rd.pat.dates
	var mastYears []int
	for _, m := range b.masthead {
		for _, y := range p.year.FindAllString(m.text, -1) {
			mastYears = append(mastYears, atoi(y))
		}
	}
	var issueYears map[int]int // years of full dates in the text, counted when first needed
	lastYear, lastYearLine := 0, 0
	for _, a := range b.arts {
		if a.Date.IsZero() {
			for k, para := range a.Body {
				if k > 1 {
					break
				}
				if d, cue, ok := p.datelineOf(para.Text); ok {
					a.Date = d
					a.DateNote = fmt.Sprintf("dateline %q (line %d)", cue, para.Line)
					break
				}
			}
		}
		if a.Date.IsZero() {
			continue
		}
		if a.Date.Year != 0 {
			if strings.HasPrefix(a.DateNote, "heading") {
				lastYear, lastYearLine = a.Date.Year, b.dateLine[a]
			}
			continue
		}
		if issueYears == nil {
			issueYears = map[int]int{}
			for _, a := range b.arts {
				for _, para := range articleParas(a) {
					for _, d := range p.fullDates(para.Text) {
						issueYears[d.Year]++
					}
				}
			}
		}
		a.Date.Year, a.DateNote = rd.inferYear(a, mastYears, issueYears, lastYear, lastYearLine, b)
	}
}

func (rd *Reader) inferYear(a *Article, mastYears []int, issueYears map[int]int, lastYear, lastYearLine int, b *builder) (int, string) {
	p := rd.pat.dates
	for _, c := range a.Captions {
		for _, d := range p.fullDates(c.Text) {
			if d.Month == a.Date.Month && d.Day == a.Date.Day {
				return d.Year, a.DateNote + fmt.Sprintf("; year from caption (line %d)", c.Line)
			}
		}
	}
	for _, para := range a.Body {
		for _, d := range p.fullDates(para.Text) {
			if d.Month == a.Date.Month && d.Day == a.Date.Day {
				return d.Year, a.DateNote + fmt.Sprintf("; year from text (line %d)", para.Line)
			}
		}
	}
	if lastYear != 0 {
		return lastYear, a.DateNote + fmt.Sprintf("; year from the heading at line %d", lastYearLine)
	}
	if y := mostCommon(mastYears); y != 0 {
		return y, a.DateNote + "; year from masthead"
	}
	var ys []int
	for y, n := range issueYears {
		for range n {
			ys = append(ys, y)
		}
	}
	if y := mostCommon(ys); y != 0 {
		return y, a.DateNote + "; year from dates elsewhere in the issue"
	}
	return 0, a.DateNote + "; year unknown"
}

// mostCommon returns the most frequent value, the latest on a tie, 0 for none.
func mostCommon(vs []int) int {
	count := map[int]int{}
	best := 0
	for _, v := range vs {
		count[v]++
		if count[v] > count[best] || (count[v] == count[best] && v > best) {
			best = v
		}
	}
	return best
}

func articleParas(a *Article) []Para {
	var ps []Para
	if a.Headline != nil {
		ps = append(ps, *a.Headline)
	}
	ps = append(ps, a.Body...)
	for _, c := range a.Captions {
		ps = append(ps, c.Para)
	}
	return ps
}
