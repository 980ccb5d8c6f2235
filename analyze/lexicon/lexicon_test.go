package lexicon

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	lex, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	themes := map[string]map[string]bool{}
	for _, th := range lex.Themes {
		themes[th.Name] = map[string]bool{}
		for _, f := range th.Formulations {
			themes[th.Name][f.Phrase] = true
			n++
		}
	}
	if len(lex.Themes) < 10 || n < 120 {
		t.Errorf("default lexicon has %d themes and %d formulations; want at least 10 and 120", len(lex.Themes), n)
	}
	required := map[string][]string{
		"Development":                {"new quality productive forces", "high-quality development", "Chinese modernization"},
		"Reform and opening up":      {"deepen reform", "business environment", "private sector"},
		"Innovation":                 {"basic research", "core technologies", "artificial intelligence"},
		"Industry and supply chains": {"industrial chains", "supply chains", "innovation chains"},
		"Security and defense":       {"new quality combat capabilities", "strategic capabilities in emerging areas", "cyberspace"},
		"Taiwan and reunification":   {"national reunification", "Taiwan independence"},
		"Ecology":                    {"carbon neutrality", "green and low-carbon development"},
		"Livelihood and governance":  {"people's well-being", "workplace safety", "pointless formalities"},
		"Party and united front":     {"multi-party cooperation", "Chinese People's Political Consultative Conference"},
		"Regions and coordination":   {"Yangtze River Delta", "Yangtze Economic Belt"},
	}
	for theme, phrases := range required {
		for _, p := range phrases {
			if !themes[theme][p] {
				t.Errorf("default lexicon lacks %q in theme %q", p, theme)
			}
		}
	}
	if len(lex.Ignore) == 0 || len(lex.Venues) == 0 || len(lex.Stopwords) == 0 {
		t.Errorf("default lexicon: %d ignore spans, %d venues, %d stopwords; want some of each", len(lex.Ignore), len(lex.Venues), len(lex.Stopwords))
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "my.yaml: empty lexicon"},
		{"themes:\n  - theme: A\n    formulations:\n      - phrase: x\n     - phrase: y\n", "my.yaml:5: value is not allowed in this context"},
		{"themes:\n  - theme: A\n    formulations: []\n", `my.yaml:2: theme "A" has no formulations`},
		{"themes:\n  - theme: A\n    formulations:\n      - phrase: supply chains\n  - theme: B\n    formulations:\n      - phrase: Supply-chains\n",
			`my.yaml:7: "Supply-chains" is listed twice (first at line 4)`},
		{"themes:\n  - theme: A\n    formulations:\n      - phrase: x\n        variant: [y]\n", `my.yaml:5: unknown field "variant"`},
		{"themes:\n  - theme: A\n    formulations:\n      - phrase: \"\"\n", `my.yaml:4: empty phrase in theme "A"`},
		{"name: x\n", "my.yaml: no themes"},
		{"extend: other\nthemes: []\n", `my.yaml:1: extend: "other" is not known (only "default")`},
		{"extend: default\nthemes:\n  - theme: Development\n    formulations:\n      - phrase: High Quality Development\n",
			`my.yaml:5: "High Quality Development" is already in theme "Development" of the default lexicon`},
		{"themes:\n  - theme: A\n    formulations:\n      - phrase: x\n        zh_variants: [甲乙]\n",
			`my.yaml:4: zh_variants of "x" without its zh (the canonical Chinese form comes first)`},
		{"themes:\n  - theme: A\n    formulations:\n      - phrase: x\n        zh: 甲乙\n      - phrase: y\n        zh: 丙丁\n        zh_variants:\n          - 丁戊\n          - 甲乙\n",
			`my.yaml:10: zh variant "甲乙" of "y" is already a Chinese form (line 4)`},
		{"themes:\n  - theme: A\n    formulations:\n      - phrase: x\n        zh: 甲乙\n        zh_variants: [丙丁]\n      - phrase: y\n        zh: 戊己\n        zh_variants: [丙丁]\n",
			`my.yaml:9: zh variant "丙丁" of "y" is already a Chinese form (line 4)`},
		{"extend: default\nthemes:\n  - theme: T\n    formulations:\n      - phrase: great rejuvenation\n        zh: 伟大复兴\n        zh_variants: [民族复兴]\n",
			`my.yaml:5: zh variant "民族复兴" is already a Chinese form in theme "Development" of the default lexicon`},
		{"themes: [1, 2]\n", "my.yaml:1: int was used where mapping is expected"},
		{"colour: blue\n", `my.yaml:1: unknown field "colour"`},
		{"themes:\n  - theme: A\n    formulations:\n      - phrase: x\n        forms: {zh: [甲乙]}\n",
			`my.yaml:4: forms of "x": zh is written as zh and zh_variants`},
		{"themes:\n  - theme: A\n    formulations:\n      - phrase: x\n        forms: {Russian: [а]}\n",
			`my.yaml:4: forms of "x": "Russian" is not a language code (ru, ja, pt-br …)`},
		{"themes:\n  - theme: A\n    formulations:\n      - phrase: x\n        forms: {ru: []}\n",
			`my.yaml:4: forms of "x" in ru: none given`},
		{"themes:\n  - theme: A\n    formulations:\n      - phrase: x\n        forms:\n          ru: [новые силы]\n      - phrase: y\n        forms:\n          ru: [силы, Новые  силы]\n",
			`my.yaml:9: ru form "Новые  силы" of "y" is listed twice (first at line 4)`},
		{"themes:\n  - theme: A\n    formulations:\n      - phrase: x\n        forms:\n          ja: [\"…\"]\n",
			`my.yaml:6: ja form "…" of "x" has no letter or digit`},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.in), "my.yaml")
		var pe *ParseError
		if !errors.As(err, &pe) || err.Error() != tt.want {
			t.Errorf("Parse(%q) = %v; want ParseError %q", tt.in, err, tt.want)
		}
	}
}

func TestExtendDefault(t *testing.T) {
	lex, err := Parse(strings.NewReader("extend: default\nname: mine\nthemes:\n  - theme: Development\n    formulations:\n      - phrase: silver economy\n  - theme: Space\n    formulations:\n      - phrase: lunar exploration\nstopwords: [hereby]\n"), "mine.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base, _ := Default()
	var dev, space *Theme
	for i := range lex.Themes {
		switch lex.Themes[i].Name {
		case "Development":
			dev = &lex.Themes[i]
		case "Space":
			space = &lex.Themes[i]
		}
	}
	if dev == nil || space == nil || len(lex.Themes) != len(base.Themes)+1 {
		t.Fatalf("themes after extend: %d; want the default's %d plus Space", len(lex.Themes), len(base.Themes))
	}
	last := dev.Formulations[len(dev.Formulations)-1]
	if last.Phrase != "silver economy" || last.File != "mine.yaml" || last.Line != 6 {
		t.Errorf("last Development formulation = %+v; want silver economy from mine.yaml:6", last)
	}
	if lex.Name != "mine" || len(lex.Sources) != 2 || lex.Stopwords[len(lex.Stopwords)-1] != "hereby" {
		t.Errorf("name %q, sources %+v; want mine from default.yaml and mine.yaml", lex.Name, lex.Sources)
	}
	// the default is not changed by extending it
	again, _ := Default()
	for _, th := range again.Themes {
		if th.Name == "Development" && len(th.Formulations) != len(dev.Formulations)-1 {
			t.Errorf("extending changed the default lexicon")
		}
	}
}

// TestChineseVariants: zh may stand alone, as before Chinese variants, or
// with zh_variants, in a block or a flow list; two formulations may still
// share a zh (a lexicon written before variants may do so).
func TestChineseVariants(t *testing.T) {
	lex, err := Parse(strings.NewReader("themes:\n  - theme: A\n    formulations:\n      - phrase: national rejuvenation\n        zh: 民族复兴\n        zh_variants:\n          - 中华民族伟大复兴\n          - 民族伟大复兴\n"+
		"      - {phrase: Belt and Road, zh: 一带一路, zh_variants: [“一带一路”倡议]}\n      - {phrase: BRI, zh: 一带一路}\n"), "v.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range lex.Themes[0].Formulations {
		got = append(got, f.ZH+"="+strings.Join(f.ZHVariants, "+"))
	}
	if g, want := strings.Join(got, "; "), "民族复兴=中华民族伟大复兴+民族伟大复兴; 一带一路=“一带一路”倡议; 一带一路="; g != want {
		t.Errorf("Chinese forms %q; want %q", g, want)
	}
}

// TestFormsByLanguage: a formulation's forms in a language by its code:
// English's phrase and variants, Chinese's zh and variants, another
// language's forms (Russian, Japanese here), none where it has none.
func TestFormsByLanguage(t *testing.T) {
	lex, err := Parse(strings.NewReader("themes:\n  - theme: A\n    formulations:\n"+
		"      - phrase: new quality productive forces\n        variants: [new productive forces]\n        zh: 新质生产力\n"+
		"        forms:\n          ru: [новые качественные производительные силы, производительные силы нового качества]\n          ja: [新質生産力]\n"+
		"      - phrase: high-quality development\n"), "f.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, g := lex.Themes[0].Formulations[0], lex.Themes[0].Formulations[1]
	got := fmt.Sprint(f.FormsIn("en"), f.FormsIn("zh"), f.FormsIn("ru"), f.FormsIn("ja"), f.FormsIn("ko"), g.FormsIn("zh"), g.FormsIn("ru"))
	want := "[new quality productive forces new productive forces] [新质生产力] [новые качественные производительные силы производительные силы нового качества] [新質生産力] [] [] []"
	if got != want {
		t.Errorf("forms: %s; want %s", got, want)
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"High-Quality  Development": "high quality development",
		"people’s well‑being":       "people's well being",
		"cross–Strait":              "cross strait",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestControlCharacters: a control character in any text of a lexicon,
// written as a YAML escape ("\x0b", "\x00", "\u0007", "\t"), or as a raw
// tab inside a value (which goccy/go-yaml drops from a plain scalar),
// is refused at its line; a tab in a comment or between a key and its
// value is not.
func TestControlCharacters(t *testing.T) {
	const head = "themes:\n  - theme: A\n    formulations:\n"
	const msg = "a lexicon's text is printable characters on one line"
	tests := []struct{ in, want string }{
		{head + `      - phrase: "deepen\x0breform"` + "\n", `my.yaml:4: control character U+000B in "deepen\vreform": ` + msg},
		{head + `      - phrase: "nul\x00here"` + "\n", `my.yaml:4: control character U+0000 in "nul\x00here": ` + msg},
		{head + `      - phrase: x` + "\n" + `      - phrase: "new\u0007quality"` + "\n", `my.yaml:5: control character U+0007 in "new\aquality": ` + msg},
		{head + `      - phrase: "new\tquality"` + "\n", `my.yaml:4: control character U+0009 in "new\tquality": ` + msg},
		{head + "      - phrase: 'new\tquality'\n", `my.yaml:4: control character U+0009 in "new\tquality": ` + msg},
		{head + "      - phrase: new\tquality\n", `my.yaml:4: control character U+0009 in "new\tquality": ` + msg},
		{head + "      - phrase: new\n          quality\tforces\n", `my.yaml:5: control character U+0009 in "new\n          quality\tforces": ` + msg},
		{head + `      - phrase: "line\nbreak"` + "\n", `my.yaml:4: control character U+000A in "line\nbreak": ` + msg},
		{head + "      - phrase: x\n        zh: \"甲\\u0085乙\"\n", `my.yaml:5: control character U+0085 in "甲\u0085乙": ` + msg},
		{head + "      - phrase: x\nignore: [\"a\\x1bb\"]\n", `my.yaml:5: control character U+001B in "a\x1bb": ` + msg},
		{head + "      - phrase: x\nvenues:\n  - venue: V\n    patterns:\n      - \"at\\x7fV\"\n", `my.yaml:8: control character U+007F in "at\x7fV": ` + msg},
		{"name: \"mine\\r\"\n" + head + "      - phrase: x\n", `my.yaml:1: control character U+000D in "mine\r": ` + msg},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.in), "my.yaml")
		var pe *ParseError
		if !errors.As(err, &pe) || err.Error() != tt.want {
			t.Errorf("Parse(%q) = %v; want ParseError %q", tt.in, err, tt.want)
		}
	}
	// tabs in comments and between a key and its value are YAML's, not text
	lex, err := Parse(strings.NewReader("# a\tcomment\nname:\tmine # a\ttab\n"+head+"      - phrase:\t\"deepen reform\"\t# a\tcomment\n"), "my.yaml")
	if err != nil {
		t.Fatalf("tabs outside values: %v", err)
	}
	if got := lex.Name + "|" + lex.Themes[0].Formulations[0].Phrase; got != "mine|deepen reform" {
		t.Errorf("name and phrase %q; want mine|deepen reform", got)
	}
}

// TestByteOrderMark: a lexicon saved with a UTF-8 byte-order mark reads
// as without it, its lines numbered as an editor shows them; its source's
// SHA-256 is of the file as saved.
func TestByteOrderMark(t *testing.T) {
	const body = "name: mine\nthemes:\n  - theme: A\n    formulations:\n      - phrase: deepen reform\n      - phrase: opening up\n"
	lex, err := Parse(strings.NewReader("\ufeff"+body), "bom.yaml")
	if err != nil {
		t.Fatalf("Parse(BOM + lexicon) = %v", err)
	}
	f := lex.Themes[0].Formulations
	if got := fmt.Sprintf("%s %s:%d %s:%d", lex.Name, f[0].Phrase, f[0].Line, f[1].Phrase, f[1].Line); got != "mine deepen reform:5 opening up:6" {
		t.Errorf("read %q; want mine deepen reform:5 opening up:6", got)
	}
	if sum := sha256.Sum256([]byte("\ufeff" + body)); lex.Sources[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("source SHA-256 %s; want the file's, BOM and all", lex.Sources[0].SHA256)
	}
	for _, tt := range []struct{ in, want string }{
		{"\ufeffname: mine\nthemes:\n  - theme: A\n    formulations:\n      - phrase: x\n      - phrase: X\n", `bom.yaml:6: "X" is listed twice (first at line 5)`},
		{"\ufeffextend: other\nthemes: []\n", `bom.yaml:1: extend: "other" is not known (only "default")`},
		{"\ufeff\ufeffname: mine\n", "bom.yaml:1: unknown field \"\ufeffname\""}, // one mark is the file's; a second is text
	} {
		_, err := Parse(strings.NewReader(tt.in), "bom.yaml")
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) = %v; want %q", tt.in, err, tt.want)
		}
	}
}
