package analyze

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// knownLanguage is a language the package reads: its code and how to
// make it.
type knownLanguage struct {
	code string
	make func() (Language, error)
}

// languages lists the languages NewLanguage makes, the default first.
// Adding a language is adding its line here (see Language).
func languages() []knownLanguage {
	return []knownLanguage{
		{"en", newEnglish},
		{"zh", newChinese},
	}
}

// LanguageCodes lists the codes NewLanguage knows, the default first.
func LanguageCodes() []string {
	var out []string
	for _, l := range languages() {
		out = append(out, l.code)
	}
	return out
}

// NewLanguage makes the language of a code (see LanguageCodes; "" is the
// default, English), compiling its patterns and loading its models. Make
// one per process and share it: it is safe for concurrent use.
func NewLanguage(code string) (Language, error) {
	all := languages()
	if code == "" {
		return all[0].make()
	}
	for _, l := range all {
		if l.code == code {
			return l.make()
		}
	}
	return nil, fmt.Errorf("unknown language %q (known: %s)", code, strings.Join(LanguageCodes(), ", "))
}

// DetectLanguage tells the language of a text from its first bytes (a
// few tens of kilobytes are enough; text, not markup: see Open) by its
// script: "zh" when Chinese characters number 500, or are at least a
// quarter of its letters and number 20, or half of them in a short text,
// else "en".
func DetectLanguage(head []byte) string {
	han, letters := 0, 0
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		head = head[size:]
		switch {
		case unicode.Is(unicode.Han, r):
			han++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if han >= 500 || (han >= 20 && 4*han >= letters) || (han > 0 && 2*han >= letters) {
		return "zh"
	}
	return "en"
}
