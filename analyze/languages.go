package analyze

import (
	"fmt"
	"strings"
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
