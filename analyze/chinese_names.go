package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// chineseNames tells a formulation that is part of an institution's name
// from a mention: 信息化 in 工业和信息化部 (a ministry), 一带一路 in
// 瑞典“一带一路”研究所 or “一带一路”国际合作高峰论坛 (the Belt and Road Forum),
// 人类命运共同体 in …人类命运共同体研究中心. A formulation is part of a name
// when what follows it, after a closing quote mark, is an institution's
// suffix: one of the long suffixes (委员会, 研究所, 论坛 …) after at most
// maxNameGap characters of the name (国际合作高峰), or one of the
// one-character suffixes (部, 委, 局, 厅: 安徽省经济和信息化厅) at once and not
// opening another word (部门, 部署, 委员, 局面, 厅长 …). After a quoted
// formulation the name may join it to its next words with 及, as it may
// with 和 or 与 anywhere (复旦大学“一带一路”及全球治理研究院). The lists were set by every place they fire in
// the 57 Government Work Reports, 1954-2025 (testdata/zh/NAMES.md): 中心
// alone is no suffix (科技创新中心 is a city's role, 经济建设这个中心 the
// centre of work), nor are 办 (改革开放办法), 署 and 司.
type chineseNames struct {
	long []string
	// short maps a one-character suffix to the characters that, after
	// it, make another word of it
	short map[rune]string
	// notName are characters no name has between a formulation and its
	// suffix: particles, copulas, prepositions (经济建设是一切工作的中心)
	notName string
	// joins may stand in a name after a quoted formulation, joining it
	// to the name's next words (复旦大学“一带一路”及全球治理研究院)
	joins string
	// ownBody ends what stands before 委员会 in the name of a committee of
	// the body the formulation names (中国人民政治协商会议全国委员会,
	// 第五届全国委员会: the CPPCC's own, a mention of it)
	ownBody []string
}

// maxNameGap is the most characters of a name between a formulation and
// a long suffix: 一带一路 国际合作高峰 论坛 has 6.
const maxNameGap = 6

// closingQuotes may stand between a formulation and the rest of a name.
const closingQuotes = "”\"」』’'"

func newChineseNames() *chineseNames {
	return &chineseNames{
		long: []string{"委员会", "领导小组", "工作组", "办公室", "研究中心", "研究院", "研究所", "研究会",
			"实验室", "基金会", "学院", "协会", "学会", "论坛", "峰会", "联盟"},
		short:   map[rune]string{'部': "门署分队位件落属首", '委': "员托派任屈婉", '局': "面势部限", '厅': "长级堂"},
		notName: "的之是为在对把将被了着过要也都并而这那其以于从向等或及",
		joins:   "及",
		ownBody: []string{"全国", "常务"},
	}
}

// after reports whether text, simplified, standing right after a
// formulation, makes the formulation part of a name.
func (n *chineseNames) after(text string) bool {
	quoted := false
	if r, size := utf8.DecodeRuneInString(text); size > 0 && strings.ContainsRune(closingQuotes, r) {
		text, quoted = text[size:], true
	}
	if r, size := utf8.DecodeRuneInString(text); size > 0 {
		if not, ok := n.short[r]; ok {
			if next, _ := utf8.DecodeRuneInString(text[size:]); !strings.ContainsRune(not, next) {
				return true
			}
		}
	}
	gap := 0
	for i, r := range text {
		for _, s := range n.long {
			if strings.HasPrefix(text[i:], s) {
				return s != "委员会" || !n.ofOwnBody(text[:i])
			}
		}
		if gap == maxNameGap || !unicode.Is(unicode.Han, r) {
			return false
		}
		if strings.ContainsRune(n.notName, r) && !(quoted && strings.ContainsRune(n.joins, r)) {
			return false
		}
		gap++
	}
	return false
}

// ofOwnBody reports a name's middle that makes a 委员会 the committee of
// the body the formulation names.
func (n *chineseNames) ofOwnBody(middle string) bool {
	for _, s := range n.ownBody {
		if strings.HasSuffix(middle, s) {
			return true
		}
	}
	return false
}
