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
	// letters are the letters that tell a text is in it (see
	// DetectLanguage); nil for the default, which a text is otherwise
	letters *unicode.RangeTable
}

// languages lists the languages NewLanguage makes, the default first.
// Adding a language is adding its line here (see Language).
func languages() []knownLanguage {
	return []knownLanguage{
		{"en", newEnglish, nil},
		{"zh", newChinese, unicode.Han},
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
// letters: a language's letters (Chinese: its characters) tell it when
// they number 500, or are at least a quarter of the letters and number
// 20, or half of them in a short text; the language whose letters number
// most among those, else the default, English.
func DetectLanguage(head []byte) string { return detectAmong(head, languages()) }

// detectAmong is DetectLanguage among langs, the default first.
func detectAmong(head []byte, langs []knownLanguage) string {
	counts := make([]int, len(langs))
	letters := 0
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		head = head[size:]
		found := false
		for i, l := range langs {
			if l.letters != nil && unicode.Is(l.letters, r) { // Han's 〇 is a number, and counts
				counts[i]++
				found = true
				break
			}
		}
		if found || unicode.IsLetter(r) {
			letters++
		}
	}
	best, most := langs[0].code, 0
	for i, l := range langs {
		n := counts[i]
		if l.letters != nil && n > most && (n >= 500 || (n >= 20 && 4*n >= letters) || (n > 0 && 2*n >= letters)) {
			best, most = l.code, n
		}
	}
	return best
}
