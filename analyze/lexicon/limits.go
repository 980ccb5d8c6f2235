package lexicon

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml/scanner"
	"github.com/goccy/go-yaml/token"
)

// Limits on a lexicon file, checked before it is decoded. goccy/go-yaml
// has no limits of its own: it expands aliases without bound (a 330-byte
// "billion laughs" takes gigabytes) and nesting costs it more than linear
// time and memory (200 KB of "[" took 15 GB). Decoding costs it about
// 1 KB and 10 µs per YAML token and four bytes per byte of the file, so
// the limits below keep any file to a few tens of MB and a fraction of a
// second.
const (
	// maxSize is the largest lexicon in bytes: 32 times the 32 KB
	// default. At 4 MiB one long scalar alone cost goccy 150 MB.
	maxSize = 1 << 20
	// maxItems is the most words and punctuation marks (see items) a
	// lexicon may have: over five times the default's 7,900. It bounds the
	// number of YAML tokens, hence the time and memory of decoding (a
	// lexicon of 8,000 formulations, 40,000 items, decodes in 0.2 s and
	// 85 MB).
	maxItems = 40_000
	// maxDepth is the deepest nesting of YAML collections. The schema
	// needs 6 (themes, a theme, formulations, a formulation, variants in
	// the top mapping).
	maxDepth = 32
)

// screen refuses, with the line to blame, a lexicon that is too large,
// not UTF-8, too long in words and marks, nested too deep, or that uses
// anchors, aliases, merge keys or tags. It reads the bytes once without
// allocating, then, once their number is known to be bounded, goccy's
// own tokens, so it sees what the decoder will see.
func screen(data []byte, name string) error {
	if len(data) > maxSize {
		return &ParseError{File: name, Line: lineAt(data, maxSize), Msg: fmt.Sprintf("lexicon is larger than %d MiB (the limit is reached on this line)", maxSize>>20)}
	}
	if i, ok := invalidUTF8(data); !ok {
		line := lineAt(data, i)
		col := utf8.RuneCount(data[bytes.LastIndexByte(data[:i], '\n')+1:i]) + 1
		return &ParseError{File: name, Line: line, Msg: fmt.Sprintf("not UTF-8: byte %#x in column %d (save the lexicon as UTF-8)", data[i], col)}
	}
	if i, ok := items(data, maxItems); !ok {
		return &ParseError{File: name, Line: lineAt(data, i), Msg: fmt.Sprintf("more than %d words and punctuation marks (the limit for a lexicon is reached on this line)", maxItems)}
	}
	return screenTokens(data, name)
}

// lineAt returns the line, from 1, of byte offset i.
func lineAt(data []byte, i int) int {
	return 1 + bytes.Count(data[:i], []byte("\n"))
}

// invalidUTF8 returns the offset of the first byte that is not part of a
// UTF-8 encoding, and false; or 0 and true when all of data is UTF-8.
func invalidUTF8(data []byte) (int, bool) {
	if utf8.Valid(data) {
		return 0, true
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i, false
		}
		i += n
	}
	return 0, true
}

// items counts the runs of non-space bytes in data and its bytes that
// are YAML indicators ("-?:,[]{}#&*!|>'"%@`"), where a token may start
// without a space before it. goccy makes at most two tokens per item, so
// the count bounds its work. It returns the offset at which the count
// passes limit, and false; or the count and true.
func items(data []byte, limit int) (int, bool) {
	n := 0
	inRun := false
	for i, c := range data {
		switch c {
		case ' ', '\t', '\n', '\r':
			inRun = false
			continue
		case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
			n++
		}
		if !inRun {
			n++
			inRun = true
		}
		if n > limit {
			return i, false
		}
	}
	return n, true
}

// screenTokens refuses anchors, aliases, merge keys and tags, and
// nesting deeper than maxDepth, in goccy's tokens of data.
func screenTokens(data []byte, name string) error {
	var s scanner.Scanner
	s.Init(string(data))
	var d depth
	for {
		toks, err := s.Scan() // as lexer.Tokenize does: past errors, to the end
		if err == io.EOF {
			return nil
		}
		for i, t := range toks {
			line := t.Position.Line
			switch t.Type {
			case token.AnchorType, token.AliasType:
				label := t.Value
				if i+1 < len(toks) && toks[i+1].Position.Line == line {
					label += toks[i+1].Value
				}
				if len(label) > 40 {
					label = label[:40] + "…"
				}
				kind := "anchor"
				if t.Type == token.AliasType {
					kind = "alias"
				}
				return &ParseError{File: name, Line: line, Msg: fmt.Sprintf("%s %q: anchors and aliases are not allowed in a lexicon", kind, label)}
			case token.MergeKeyType:
				return &ParseError{File: name, Line: line, Msg: `merge key "<<" is not allowed in a lexicon`}
			case token.TagType:
				// goccy panics decoding some ("themes:\n ! 0"); a
				// lexicon is strings and lists of them, and needs none
				return &ParseError{File: name, Line: line, Msg: fmt.Sprintf("tag %q is not allowed in a lexicon", t.Value)}
			}
			if err := screenText(t, name); err != nil {
				return err
			}
			var prev *token.Token
			if i > 0 {
				prev = toks[i-1]
			}
			if d.add(t, prev) > maxDepth {
				return &ParseError{File: name, Line: line, Msg: fmt.Sprintf("nested more than %d levels deep", maxDepth)}
			}
		}
	}
}

// screenText refuses a scalar (a key or a value) holding a control
// character: in its value, where YAML's escapes put them ("\x0b",
// "\u0007", "\t"), or in its text as written, where goccy drops a tab
// from a plain scalar ("new<TAB>quality" reads "newquality"). Line breaks
// between the lines of a scalar written on several are YAML's; so are
// tabs between tokens and in comments, which are not scalars.
func screenText(t *token.Token, name string) error {
	switch t.Type {
	case token.StringType, token.DoubleQuoteType, token.SingleQuoteType:
	default:
		return nil
	}
	line, text := t.Position.Line, t.Value
	i := strings.IndexFunc(text, unicode.IsControl)
	if i < 0 {
		written := strings.TrimSpace(t.Origin)
		j := strings.IndexFunc(written, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\r' })
		if j < 0 {
			return nil
		}
		line += strings.Count(written[:j], "\n")
		i, text = j, written
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return &ParseError{File: name, Line: line, Msg: fmt.Sprintf("control character U+%04X in %q: a lexicon's text is printable characters on one line", r, text)}
}

// depth follows how deep YAML collections are nested, from tokens: flow
// collections by their brackets, block ones by the columns of their
// entries ("-"), keys ("key:") and explicit keys ("?"). It counts an
// indentless sequence ("key:\n- a") as a level of its own.
type depth struct {
	flow  int
	block []blockLevel
}

// blockLevel is an open block collection: a sequence or a mapping whose
// entries or keys start at col.
type blockLevel struct {
	col int
	seq bool
}

// add takes the next token t (prev before it, or nil) and returns the
// depth of collections open at t.
func (d *depth) add(t, prev *token.Token) int {
	switch t.Type {
	case token.SequenceStartType, token.MappingStartType:
		d.flow++
	case token.SequenceEndType, token.MappingEndType:
		if d.flow > 0 {
			d.flow--
		}
	case token.DocumentHeaderType, token.DocumentEndType:
		d.flow, d.block = 0, d.block[:0]
	case token.SequenceEntryType:
		if d.flow == 0 {
			d.open(t.Position.Column, true)
		}
	case token.MappingKeyType:
		if d.flow == 0 {
			d.open(t.Position.Column, false)
		}
	case token.MappingValueType:
		if d.flow == 0 {
			col := t.Position.Column // ": v" after "? k" on a line before
			if prev != nil && prev.Position.Line == t.Position.Line {
				col = prev.Position.Column
			}
			d.open(col, false)
		}
	}
	return d.flow + len(d.block)
}

// open records a block entry or key at col: it closes the collections
// indented further, and opens one unless it continues the innermost.
func (d *depth) open(col int, seq bool) {
	for n := len(d.block); n > 0 && d.block[n-1].col > col; n-- {
		d.block = d.block[:n-1]
	}
	if n := len(d.block); n > 0 && d.block[n-1].col == col {
		switch top := d.block[n-1]; {
		case top.seq == seq:
			return // the next entry or key of the same collection
		case !seq:
			// a key after an indentless sequence closes it
			d.block = d.block[:n-1]
			if n >= 2 && d.block[n-2].col == col && !d.block[n-2].seq {
				return
			}
		}
	}
	d.block = append(d.block, blockLevel{col: col, seq: seq})
}
