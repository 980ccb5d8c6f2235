package analyze

import (
	"fmt"
	"sort"
)

// TranslationPair names a Chinese issue and its English translation
// counted in one result (Issue names).
type TranslationPair struct{ ZH, EN string }

// TranslationRow lines up one formulation in a Chinese issue and its
// English translation: how often each counts it, the English wordings
// that stood for it, and whether it is found in one and not the other.
type TranslationRow struct {
	Pair       TranslationPair
	Date       string // the pair's date, when both issues have the same one
	Theme      string
	Phrase, ZH string
	CountZH    int
	CountEN    int
	Renderings []Rendering // the English wordings matched, most frequent first
	Drift      string      // DriftOnlyZH, DriftOnlyEN or ""
}

// Rendering is an English wording of a formulation as it stood in the
// text, and how often.
type Rendering struct {
	Text  string
	Count int
}

// What a formulation found in one language of a pair and not the other
// is called: translation drift.
const (
	DriftOnlyZH = "only in Chinese"
	DriftOnlyEN = "only in English"
)

// issueDates gives each issue of res its date: the first of its
// articles' dates that are dated to the day (none: the issue is left out).
func issueDates(res *Result) map[string]string {
	out := map[string]string{}
	for _, a := range res.Articles {
		d := a.Date.String()
		if a.Date.Year == 0 || a.Date.Month == 0 {
			continue
		}
		if cur, ok := out[a.Issue]; !ok || d < cur {
			out[a.Issue] = d
		}
	}
	return out
}

// PairsOf finds the translation pairs of a result of several issues: the
// pairs given (each must name a Chinese and an English issue of res),
// then each Chinese issue and the English issues dated the same day. It
// reports a given pair that does not hold.
func PairsOf(res *Result, given []TranslationPair) ([]TranslationPair, error) {
	lang := map[string]string{}
	for _, is := range res.Issues {
		lang[is.Name] = is.Lang
	}
	var out []TranslationPair
	paired := map[string]bool{}
	for _, p := range given {
		if lang[p.ZH] != "zh" || lang[p.EN] != "en" {
			return nil, fmt.Errorf("--pair %s,%s: the first must be a Chinese input and the second an English one of this run (read as %s and %s)",
				p.ZH, p.EN, orNone(lang[p.ZH]), orNone(lang[p.EN]))
		}
		out = append(out, p)
		paired[p.ZH], paired[p.EN] = true, true
	}
	dates := issueDates(res)
	for _, zh := range res.Issues {
		if zh.Lang != "zh" || paired[zh.Name] || dates[zh.Name] == "" {
			continue
		}
		for _, en := range res.Issues {
			if en.Lang == "en" && !paired[en.Name] && dates[en.Name] == dates[zh.Name] {
				out = append(out, TranslationPair{ZH: zh.Name, EN: en.Name})
			}
		}
	}
	return out, nil
}

func orNone(lang string) string {
	if lang == "" {
		return "not an input"
	}
	return lang
}

// Translation lines up each pair's formulations: every formulation
// counted in either issue of the pair, in lexicon order.
func Translation(res *Result, pairs []TranslationPair) []TranslationRow {
	dates := issueDates(res)
	var out []TranslationRow
	for _, p := range pairs {
		zh, en := map[int]int{}, map[int]int{}
		renders := map[int]map[string]int{}
		for _, m := range res.Mentions {
			switch m.Issue {
			case p.ZH:
				zh[m.Form]++
			case p.EN:
				en[m.Form]++
				if renders[m.Form] == nil {
					renders[m.Form] = map[string]int{}
				}
				renders[m.Form][m.Matched]++
			}
		}
		date := ""
		if dates[p.ZH] == dates[p.EN] {
			date = dates[p.ZH]
		}
		for _, f := range res.Formulations {
			nz, ne := zh[f.ID], en[f.ID]
			if nz == 0 && ne == 0 {
				continue
			}
			row := TranslationRow{Pair: p, Date: date, Theme: f.Theme, Phrase: f.Phrase, ZH: f.ZH, CountZH: nz, CountEN: ne}
			for text, n := range renders[f.ID] {
				row.Renderings = append(row.Renderings, Rendering{text, n})
			}
			sort.Slice(row.Renderings, func(i, j int) bool {
				a, b := row.Renderings[i], row.Renderings[j]
				if a.Count != b.Count {
					return a.Count > b.Count
				}
				return a.Text < b.Text
			})
			switch {
			case ne == 0:
				row.Drift = DriftOnlyZH
			case nz == 0 && f.ZH != "":
				row.Drift = DriftOnlyEN // (with no Chinese form, the lexicon cannot tell)
			}
			out = append(out, row)
		}
	}
	return out
}
