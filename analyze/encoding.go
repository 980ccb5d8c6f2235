package analyze

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/wlynxg/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// encodingChoice is the encoding an input's bytes are decoded in, and
// why it was chosen.
type encodingChoice struct {
	// enc decodes the bytes; nil for UTF-8, whose lines that are not
	// valid UTF-8 are then decoded one at a time (lineReader)
	enc  encoding.Encoding
	name string // as shown: "utf-8", "gb18030", "big5", "utf-16le" …
	why  string // "BOM", "--encoding", "declared in the page", "detected", or "" for plain UTF-8
	bom  int    // bytes of a byte-order mark to skip
	// warnings: the bytes read better in another encoding than the one
	// asked for or declared
	warnings []Warning
}

func (c encodingChoice) String() string {
	if c.why == "" {
		return c.name
	}
	return c.name + " (" + c.why + ")"
}

// chooseEncoding decides the encoding of an input from a sample of its
// bytes (its start, or all of it when read whole): a byte-order mark,
// then the encoding the user gives (forced), UTF-16's zero bytes, bytes
// that are valid UTF-8 (over a charset the page declares wrongly), the
// charset the page declares, then detection (chardet) for the encodings
// of Chinese, Japanese, Korean and Cyrillic text. Anything else is UTF-8
// with its stray lines read as Windows-1252, as before detection.
func chooseEncoding(sample []byte, forced, declared string) (encodingChoice, error) {
	switch {
	case bytes.HasPrefix(sample, []byte{0xEF, 0xBB, 0xBF}):
		return encodingChoice{name: "utf-8", why: "BOM", bom: 3}, nil
	case bytes.HasPrefix(sample, []byte{0xFF, 0xFE}):
		return encodingChoice{enc: unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), name: "utf-16le", why: "BOM"}, nil
	case bytes.HasPrefix(sample, []byte{0xFE, 0xFF}):
		return encodingChoice{enc: unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), name: "utf-16be", why: "BOM"}, nil
	}
	if forced != "" {
		enc, name, err := EncodingNamed(forced)
		if err != nil {
			return encodingChoice{}, err
		}
		c := encodingChoice{enc: enc, name: name, why: "--encoding"}
		if name == "utf-8" {
			c.enc = nil
		}
		c.warnings = misread(sample, name)
		return c, nil
	}
	if e := utf16Guess(sample); e != nil {
		name := "utf-16le"
		if *e == unicode.BigEndian {
			name = "utf-16be"
		}
		return encodingChoice{enc: unicode.UTF16(*e, unicode.IgnoreBOM), name: name}, nil
	}
	ascii := isASCII(sample)
	if !ascii && validUTF8(sample) {
		c := encodingChoice{name: "utf-8"}
		if declared != "" {
			if _, name, err := EncodingNamed(declared); err == nil && name != "utf-8" {
				c.why = "the page says " + name
			}
		}
		return c, nil
	}
	if declared != "" && !ascii {
		if enc, name, err := EncodingNamed(declared); err == nil {
			c := encodingChoice{enc: enc, name: name, why: "declared in the page"}
			if name == "utf-8" {
				c.enc = nil
			}
			c.warnings = misread(sample, name)
			return c, nil
		}
	}
	if ascii {
		return encodingChoice{name: "utf-8"}, nil
	}
	if enc, name, _, ok := detect(sample); ok {
		return encodingChoice{enc: enc, name: name, why: "detected"}, nil
	}
	return encodingChoice{name: "utf-8"}, nil
}

// EncodingNamed returns the encoding of a name or label as HTML knows them
// ("gbk", "GB2312", "big5", "shift_jis", "windows-1252", "utf-8" …) and the
// name it is shown by. The GB family (GB2312, GBK, GB18030) is decoded as
// GB18030, which holds the others.
func EncodingNamed(label string) (encoding.Encoding, string, error) {
	l := strings.ToLower(strings.TrimSpace(label))
	enc, err := htmlindex.Get(l)
	if err != nil {
		return nil, "", fmt.Errorf("unknown encoding %q (try utf-8, gb18030, gbk, big5, shift_jis, euc-kr, windows-1252)", label)
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		name = l
	}
	switch name {
	case "gbk", "gb18030":
		if l == "gb2312" || l == "gbk" || l == "gb18030" {
			name = l
		}
		return simplifiedchinese.GB18030, name, nil
	case "utf-8":
		return unicode.UTF8, name, nil
	}
	return enc, name, nil
}

// detect finds the encoding of bytes that are not UTF-8 with chardet, from
// the part of the sample where bytes above ASCII begin (a page's markup
// and scripts say nothing of it), and how sure chardet is of it. Only the
// encodings of scripts other than Latin count, when chardet is sure
// enough: multi-byte Chinese, Japanese and Korean (a half is enough:
// their byte patterns are distinctive), single-byte Cyrillic, Greek and
// others (four fifths). Latin text that is not UTF-8 is left to the
// reader's Windows-1252.
func detect(sample []byte) (enc encoding.Encoding, name string, confidence float64, ok bool) {
	r := chardet.Detect(nonASCIIWindow(sample, 32<<10))
	label := strings.ToLower(r.Encoding)
	switch label {
	case "gb2312", "gbk", "gb18030":
		return simplifiedchinese.GB18030, "gb18030", r.Confidence, r.Confidence >= 0.5
	case "big5", "euc-jp", "shift_jis", "euc-kr", "iso-2022-jp", "cp949":
		if r.Confidence < 0.5 {
			return nil, "", 0, false
		}
	case "", "ascii", "utf-8", "windows-1252", "iso-8859-1", "iso-8859-15", "windows-1254", "iso-8859-9":
		return nil, "", 0, false
	default:
		if r.Confidence < 0.8 {
			return nil, "", 0, false
		}
	}
	enc, name, err := EncodingNamed(label)
	if err != nil {
		return nil, "", 0, false
	}
	return enc, name, r.Confidence, true
}

// misread warns when bytes decoded in the encoding asked for or declared
// (name) read as another: chardet is all but sure of a different Chinese,
// Japanese or Korean encoding, or of UTF-8.
func misread(sample []byte, name string) []Warning {
	if isASCII(sample) {
		return nil
	}
	if validUTF8(sample) {
		if name == "utf-8" {
			return nil
		}
		return []Warning{{Msg: fmt.Sprintf("decoded as %s, but its bytes are valid UTF-8: if the text looks garbled, give --encoding utf-8", name)}}
	}
	_, better, confidence, ok := detect(sample)
	if !ok || confidence < 0.9 || better == name || sameFamily(better, name) {
		return nil
	}
	return []Warning{{Msg: fmt.Sprintf("decoded as %s, but its bytes read as %s: if the text looks garbled, give --encoding %s", name, better, better)}}
}

// sameFamily reports two names of encodings one decoder reads (GB2312,
// GBK and GB18030 are read as GB18030).
func sameFamily(a, b string) bool {
	gb := func(s string) bool { return s == "gb2312" || s == "gbk" || s == "gb18030" }
	return gb(a) && gb(b)
}

// nonASCIIWindow is up to n bytes of b from a little before its first
// byte above ASCII.
func nonASCIIWindow(b []byte, n int) []byte {
	i := bytes.IndexFunc(b, func(r rune) bool { return r >= utf8.RuneSelf })
	if i < 0 {
		return nil
	}
	i = max(0, i-64)
	return b[i:min(len(b), i+n)]
}

// validUTF8 reports whether b is UTF-8, allowing a character cut off at
// its end (b may be the start of an input).
func validUTF8(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	for cut := 1; cut < utf8.UTFMax && cut < len(b); cut++ {
		if utf8.Valid(b[:len(b)-cut]) && !utf8.FullRune(b[len(b)-cut:]) {
			return true
		}
	}
	return false
}

// cp1252 is Windows-1252, the reader's decoding of lines that are not
// UTF-8 in Latin text.
func cp1252() encoding.Encoding { return charmap.Windows1252 }

// fallbackFor decides how the lines of a UTF-8 input that are not valid
// UTF-8 are decoded, from the first such line and what follows it: in an
// encoding of Chinese, Japanese or Korean when chardet finds one, else
// Windows-1252.
func fallbackFor(sample []byte) (encoding.Encoding, string) {
	if enc, name, _, ok := detect(sample); ok {
		return enc, name
	}
	return cp1252(), "windows-1252"
}

// declaredCharset returns the charset a page declares anywhere in its
// head (after however many scripts), as <meta charset>, <meta
// http-equiv="Content-Type" content="…; charset=…"> or an XML
// declaration; "" when it declares none.
func declaredCharset(data []byte) string {
	if enc := xmlEncoding(data); enc != "" {
		return enc
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return ""
			case atom.Meta:
				var charset, equiv, content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "charset":
						charset = string(v)
					case "http-equiv":
						equiv = strings.ToLower(string(v))
					case "content":
						content = string(v)
					}
				}
				if charset != "" {
					return strings.TrimSpace(charset)
				}
				if equiv == "content-type" {
					if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
						return strings.Trim(strings.TrimSpace(content[i+len("charset="):]), `"';`)
					}
				}
			}
		}
	}
}

// visibleSample is up to n bytes of a page's text that a reader sees: its
// title and its body's text outside scripts, styles and templates, for
// telling its language.
func visibleSample(data []byte, n int) []byte {
	var out []byte
	skip := 0 // depth of elements whose text is not shown
	inHead, inTitle := false, false
	z := html.NewTokenizer(bytes.NewReader(data))
	for len(out) < n {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			d := 1
			if tt == html.EndTagToken {
				d = -1
			}
			switch atom.Lookup(name) {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Textarea:
				skip = max(0, skip+d)
			case atom.Head:
				inHead = d > 0
			case atom.Title:
				inTitle = d > 0
			}
		case html.TextToken:
			if skip == 0 && (!inHead || inTitle) {
				out = append(out, z.Text()...)
				out = append(out, ' ')
			}
		}
	}
	return out
}

// markdownSample is up to n bytes of Markdown's text without its inline
// HTML tags and link addresses, for telling its language.
func markdownSample(data []byte, n int) []byte {
	var out []byte
	for i := 0; i < len(data) && len(out) < n; i++ {
		switch c := data[i]; {
		case c == '<':
			if j := bytes.IndexByte(data[i:], '>'); j > 0 {
				i += j
				continue
			}
		case c == ']' && i+1 < len(data) && data[i+1] == '(':
			if j := bytes.IndexByte(data[i:], ')'); j > 0 {
				i += j
				continue
			}
		}
		out = append(out, data[i])
	}
	return out
}

// xmlEncoding is the encoding an XML declaration opening data names
// (<?xml version="1.0" encoding="gb2312"?>), or "".
func xmlEncoding(data []byte) string {
	head := bytes.TrimLeft(data[:min(len(data), 256)], " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	if end := bytes.IndexByte(head, '>'); end > 0 {
		head = head[:end]
	}
	i := bytes.Index(head, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(head[i+len("encoding"):], " =")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	if j := bytes.IndexByte(rest[1:], rest[0]); j > 0 {
		return string(rest[1 : 1+j])
	}
	return ""
}
