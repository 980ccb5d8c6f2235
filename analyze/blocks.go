// The reader's first stage: lines into blocks (paragraphs, headings,
// date lines), long lines read in windows and long sentences cut.

package analyze

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// blockStream groups lines into classified blocks, a block at a time.
type blockStream struct {
	rd    *Reader
	lr    *lineReader
	iss   *Issue   // for warnings
	ready []block  // blocks made and not yet taken
	parts []string // lines of the block being built
	cur   block    // its lines, gap and the kind of its first line
	gap   int      // blank lines since the last block
	long  *longRun // the long line being read sentence by sentence, or nil
	done  bool
	// pageLines is how many lines held a whole web page (Language.PageLine)
	pageLines int
	partsLen  int // bytes of the block's lines
	// splitParas counts paragraphs of hard-wrapped lines cut at
	// maxParagraph, the first at firstSplit
	splitParas, firstSplit int
}

// longRun is a long line read a window at a time (see readLong).
type longRun struct {
	cuts   int // pieces cut from sentences longer than maxSentence
	n      int // its line
	text   string
	at     int // where the sentences not yet made into blocks begin
	window int
	made   int // sentences made into blocks
	gap    int // blank lines before it
}

// next returns the next block, or false at the end of the input.
func (s *blockStream) next() (block, bool, error) {
	for len(s.ready) == 0 && !s.done {
		if s.long != nil {
			s.readLong()
			continue
		}
		ln, ok, err := s.lr.next()
		if err != nil {
			return block{}, false, err
		}
		if !ok {
			s.flush()
			s.done = true
			if s.splitParas > 0 {
				s.iss.Warnings = append(s.iss.Warnings, Warning{Line: s.firstSplit, Msg: fmt.Sprintf(
					"%d paragraph(s) of hard-wrapped lines longer than %d KB, first here, read as several (a formulation across the cut is not counted)", s.splitParas, maxParagraph>>10)})
			}
			break
		}
		s.add(ln)
	}
	if len(s.ready) == 0 {
		return block{}, false, nil
	}
	bl := s.ready[0]
	s.ready = s.ready[1:]
	return bl, true, nil
}

func (s *blockStream) flush() {
	if len(s.parts) == 0 {
		return
	}
	sep := " "
	if s.rd.lang.WordSeparator() == "" {
		sep = "" // lines of a language written without spaces join without one
	}
	s.cur.text = strings.Join(s.parts, sep)
	s.ready = append(s.ready, s.rd.classified(s.cur)...)
	s.parts = s.parts[:0]
}

func (s *blockStream) add(ln line) {
	rd := s.rd
	if ln.text == "" {
		s.flush()
		s.gap++
		return
	}
	if pieces := rd.lang.PageLine(ln.text); pieces != nil {
		// a page on one line: its pieces are lines of their own, none
		// continuing the one before; its title, menus and footer are dropped
		for _, p := range pieces {
			if p.Drop != "" {
				s.pageLines++ // a web page's: its furniture is cut out
				break
			}
		}
		for _, p := range pieces {
			s.flush()
			if p.Drop != "" {
				s.ready = append(s.ready, block{first: ln.n, last: ln.n, text: p.Text, gap: s.gap, kind: kindStage, why: p.Drop})
				s.gap = 0
				continue
			}
			s.addLine(line{n: ln.n, text: p.Text})
		}
		return
	}
	s.addLine(ln)
}

// addLine adds a line of text to the block at hand or starts a new one.
func (s *blockStream) addLine(ln line) {
	rd := s.rd
	if len(ln.text) > longLine {
		s.flush()
		s.long = &longRun{n: ln.n, text: ln.text, window: segmentWindow, gap: s.gap}
		s.gap = 0
		return
	}
	if len(s.parts) > 0 && (s.cur.kind == kindBody || s.cur.kind == kindHead) && rd.lang.Wraps(s.parts[len(s.parts)-1], ln.text) {
		if s.partsLen+len(ln.text) <= maxParagraph {
			s.parts = append(s.parts, ln.text)
			s.partsLen += len(ln.text) + 1
			s.cur.last = ln.n
			return
		}
		// a paragraph of hard-wrapped lines past maxParagraph goes on as
		// the next paragraph
		if s.splitParas == 0 {
			s.firstSplit = ln.n
		}
		s.splitParas++
	}
	s.flush()
	k, _ := rd.classify(ln.text)
	s.cur = block{first: ln.n, last: ln.n, gap: s.gap, kind: k}
	s.parts = append(s.parts, ln.text)
	s.partsLen = len(ln.text)
	s.gap = 0
}

// readLong makes blocks of the next sentences of the long line: it
// splits a window of the line that ends after a space (or, in text with
// no space, at a character) into sentences and keeps all but the last,
// which may go on past the window (the next window begins with it).
// Whether a sentence ends where a window has one depends on the words
// around the end only, all in the window, so the line splits as it would
// whole, in memory that does not grow with it. A sentence longer than a
// window (maxSentence: text with no sentence end, as a scrape with its
// punctuation stripped) is cut into pieces of at most that, each a block,
// and the warning says how many.
func (s *blockStream) readLong() {
	l := s.long
	end := len(l.text)
	if l.at+l.window < end {
		end = windowEnd(l.text, l.at+l.window)
	}
	sents := s.rd.lang.Sentences(l.text[l.at:end])
	next := end
	if end < len(l.text) {
		if len(sents) < 2 && l.window < maxSentence {
			l.window *= 2 // a sentence longer than a small window
			return
		}
		if len(sents) < 2 {
			// no sentence ends in the window: cut the one that runs on
			cut := cutAt(l.text, l.at, l.at+maxSentence)
			s.addLongBlock(l, l.text[l.at:cut])
			l.cuts++
			l.at = cut
			return
		}
		next = l.at + sents[len(sents)-1].Start
		sents = sents[:len(sents)-1]
	}
	for _, st := range sents {
		text := l.text[l.at+st.Start : l.at+st.End]
		for len(text) > maxSentence {
			cut := cutAt(text, 0, maxSentence)
			s.addLongBlock(l, text[:cut])
			l.cuts++
			text = text[cut:]
		}
		s.addLongBlock(l, text)
	}
	l.at = next
	if end == len(l.text) {
		msg := fmt.Sprintf("%d bytes on one line; read as %d sentence paragraphs", len(l.text), l.made)
		if l.cuts > 0 {
			msg += fmt.Sprintf(", %d of them pieces of %d KB cut from sentences longer than that (text with no sentence end; a formulation across a cut is not counted)", l.cuts, maxSentence>>10)
		}
		s.iss.Warnings = append(s.iss.Warnings, Warning{Line: l.n, Kind: "long line", Msg: msg})
		s.long = nil
	}
}

// addLongBlock makes a block of a sentence (or piece) of the long line.
func (s *blockStream) addLongBlock(l *longRun, text string) {
	g := 0
	if l.made == 0 {
		g = l.gap
	}
	if text = strings.TrimSpace(text); text == "" {
		return
	}
	s.ready = append(s.ready, s.rd.classified(block{first: l.n, last: l.n, text: text, gap: g})...)
	l.made++
}

// maxSentence is the longest sentence the reader makes: one that runs on
// further (no sentence end in 4 KB: text with its punctuation stripped) is
// cut into pieces. The longest sentence of the public corpus has 1.3 KB.
const maxSentence = 4 << 10

// maxParagraph is the longest paragraph of hard-wrapped lines: the next
// line begins another.
const maxParagraph = 64 << 10

// windowEnd is where a window of a long line that would end at i ends:
// after the next space within 4 KB, else at the character at i (text
// written without spaces).
func windowEnd(text string, i int) int {
	if j := strings.IndexByte(text[i:min(len(text), i+4096)], ' '); j >= 0 {
		return i + j + 1
	}
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// cutAt is where a sentence of text from at, longer than end-at bytes, is
// cut: after the last space, comma, enumeration comma or colon in the
// second half of at..end, else at the last character boundary before end.
func cutAt(text string, at, end int) int {
	end = min(end, len(text))
	piece := text[at:end]
	if i := strings.LastIndexAny(piece, " ，、,：;；"); i >= len(piece)/2 {
		_, size := utf8.DecodeRuneInString(piece[i:])
		return at + i + size
	}
	for end > at+1 && end < len(text) && !utf8.RuneStart(text[end]) {
		end--
	}
	return end
}
