package analyze

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
)

// longLine is the length past which a line is taken to be a whole page run
// together (a scrape with no line breaks) and is read sentence by sentence.
const longLine = 5000

// segmentWindow is how much of a long line is split into sentences at a
// time (see blockStream.readLong).
const segmentWindow = 64 << 10

// Reader reads issues in one language. Build one with NewReader or
// NewReaderIn and reuse it: it holds the language and the compiled
// venues, and is safe for concurrent use.
type Reader struct {
	lang         Language
	venues       VenueFinder
	pubs         []string
	nameDate     *regexp.Regexp // a date in a file name: 2020-11-16, 20201116
	nameYear     *regexp.Regexp // the runs of digits of a file name, for a year alone: 1978
	date         Date           // the date of articles nothing else dates (WithDate), or zero
	template     *Template      // the site's repeated text, dropped from articles (WithTemplate), or nil
	pageCache    *PageCache     // web pages the template scan read (WithPageCache), or nil
	open         OpenOptions    // how inputs not opened yet are opened (WithOpenOptions)
	pagePatterns *pagePatterns  // of saved web pages' dates, titles and link lists
	fillCache    bool           // the template scan: the pages read go into pageCache
	maxArticle   int            // the most body text an article holds (maxArticle; smaller in tests)
}

// NewReader returns a Reader of English that knows the given venues
// besides the general venue cues.
func NewReader(venues []VenuePattern) (*Reader, error) {
	lang, err := newEnglish()
	if err != nil {
		return nil, err
	}
	return NewReaderIn(lang, venues), nil
}

// NewReaderIn returns a Reader of a language that knows the given venues
// (those of a lexicon, then the language's own: see Language.Venues)
// besides the language's general venue cues.
func NewReaderIn(lang Language, venues []VenuePattern) *Reader {
	return &Reader{lang: lang, venues: lang.VenueFinder(venues), pubs: lang.Publications(), pagePatterns: newPagePatterns(), maxArticle: maxArticle,
		nameDate: regexp.MustCompile(`(?:^|[^0-9])((?:18|19|20|21)[0-9]{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)`),
		nameYear: regexp.MustCompile(`[0-9]+`)}
}

// WithDate returns a Reader like rd that dates the articles nothing else
// dates (no date heading, dateline, page date or date in the file name)
// with d: the date the user gives (`--date`).
func (rd *Reader) WithDate(d Date) *Reader {
	r := *rd
	r.date = d
	return &r
}

// WithOpenOptions returns a Reader like rd that opens the inputs given
// to it as io.Readers (not opened with Open) with o: the encoding the
// user gives.
func (rd *Reader) WithOpenOptions(o OpenOptions) *Reader {
	r := *rd
	r.open = o
	return &r
}

// ParseISODate parses a date written YYYY-MM-DD.
func ParseISODate(s string) (Date, error) {
	var y, m, d int
	if n, err := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); err != nil || n != 3 || len(s) != 10 {
		return Date{}, fmt.Errorf("%q is not a date written YYYY-MM-DD", s)
	}
	date, ok := makeDate(y, m, d)
	if !ok {
		return Date{}, fmt.Errorf("%q is not a date of the calendar", s)
	}
	return date, nil
}

// fileDate is the date a file name gives ("2020-11-16-speech.txt",
// "people_20201116.html"), if one.
func (rd *Reader) fileDate(name string) (Date, bool) {
	m := rd.nameDate.FindStringSubmatch(name)
	if m == nil {
		return Date{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	return makeDate(y, mo, d)
}

// fileYear is the year a file name gives alone ("1978.txt",
// "report-2024.txt"): the date of a text nothing else dates, to the year
// only. A name with two years ("2003-2006") gives none.
func (rd *Reader) fileYear(name string) (Date, bool) {
	var years []int
	for _, run := range rd.nameYear.FindAllString(name, -1) {
		if y := atoi(run); len(run) == 4 && y >= 1800 && y < 2200 {
			years = append(years, y)
		}
	}
	if len(years) != 1 {
		return Date{}, false
	}
	return Date{Year: years[0]}, true
}

// Language returns the language rd reads.
func (rd *Reader) Language() Language { return rd.lang }

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
	footer      int8   // may be footer (see footerLike): 0 not yet known, footerLine, footerNot, footerLink
	why         string // why a block of kindStage is dropped, when the language's Stage does not say
}

// Read reads one issue from r, all its articles at once.
func (rd *Reader) Read(r io.Reader, name string) (*Issue, error) {
	var arts []*Article
	iss, err := rd.stream(r, name, func(a *Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if cuts := rd.segmentAll(arts); cuts > 0 {
		iss.Warnings = append(iss.Warnings, cutSentences(cuts))
	}
	for _, a := range arts {
		iss.Articles = append(iss.Articles, *a)
	}
	return iss, nil
}

// stream reads an issue from r and hands each article to emit as soon as
// it is complete (dated, numbered, with its venue; not yet split into
// sentences, see segmentPara), in input order. Only the article being read,
// a few blocks around it and the boilerplate are held, so memory does not
// grow with the input; only articles whose year can come from nothing but
// the dates in the rest of the issue wait for its end. The Issue returned
// has everything but the articles.
func (rd *Reader) stream(r io.Reader, name string, emit func(*Article) error) (*Issue, error) {
	return rd.read(r, name, func(_ *builder, a *Article) error { return emit(a) })
}

// read is stream, handing emit the builder too (to see what it found of
// the input so far).
func (rd *Reader) read(r io.Reader, name string, emit func(*builder, *Article) error) (*Issue, error) {
	in, err := asInput(r, name, rd.open)
	if err != nil {
		return nil, err
	}
	r, page, err := rd.convert(in)
	if err != nil {
		return nil, err
	}
	lr := newLineReader(r, in)
	iss := &Issue{Name: name, Language: rd.lang.Code()}
	b := &builder{rd: rd, iss: iss, src: &blockStream{rd: rd, lr: lr, iss: iss}, web: page != nil && page.web, page: page,
		footerAt: -1, lastSolid: -1, placedIdx: -1, issueYears: map[int]int{}, paraSeen: map[uint64]int{}, seenDates: map[int]Date{}}
	b.emit = func(a *Article) error { return emit(b, a) }
	b.build()
	if b.err != nil {
		return nil, b.err
	}
	enc, warnings, err := lr.finish()
	if err != nil {
		return nil, err
	}
	iss.Encoding, iss.Lines = enc, lr.n
	if page != nil {
		iss.Encoding = page.describe
	}
	iss.Warnings = slices.Concat(in.Warnings, warnings, iss.Warnings)
	if err := b.finish(); err != nil {
		return nil, err
	}
	if page != nil && iss.Publication == "" {
		iss.Publication = page.site
	}
	if page != nil && page.title != "" {
		iss.Title = page.title
	}
	return iss, nil
}

// classified sets the block's kind; a photo credit run into the next
// sentence becomes a caption and a body block.
func (rd *Reader) classified(b block) []block {
	if caption, rest, ok := rd.lang.SplitCaption(b.text); ok {
		credit, after := b, b
		credit.text, credit.kind = caption, kindCaption
		after.text, after.gap = rest, 0
		after.kind, after.date = rd.classify(after.text)
		return []block{credit, after}
	}
	if before, rest, ok := rd.lang.SplitDateline(b.text); ok {
		// the headline (or a caption …) and the article after its dateline
		head, after := b, b
		head.text, after.text, after.gap = before, rest, 0
		head.kind, head.date = rd.classify(head.text)
		after.kind, after.date = rd.classify(after.text)
		return []block{head, after}
	}
	b.kind, b.date = rd.classify(b.text)
	return []block{b}
}
