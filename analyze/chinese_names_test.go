package analyze

import (
	"strings"
	"testing"
)

// TestChineseNames: what follows a formulation, read: part of a name or
// not (see testdata/zh/NAMES.md for where each suffix fires in the
// Government Work Reports).
func TestChineseNames(t *testing.T) {
	n := newChineseNames()
	for _, tt := range []struct {
		after string // the text after 信息化, 一带一路 …
		want  bool
	}{
		{"部推动信息化", true},         // 工业和信息化部
		{"部部长说", true},           // the minister of the ministry
		{"”研究所发布报告", true},       // 瑞典“一带一路”研究所
		{"研究中心成立", true},         // 人类命运共同体研究中心
		{"”国际合作高峰论坛", true},      // the Belt and Road Forum: 6 characters, then 论坛
		{"局全面推进", true},          // 国家乡村振兴局
		{"委员会召开会议", true},        // 中央全面深化改革委员会
		{"建设峰会", true},           // 数字中国建设峰会
		{"部门要加强", false},         // departments
		{"部署", false},            // a plan
		{"部分", false},            // a part
		{"委员提出意见", false},        // 全国政协委员: members
		{"局面", false},            // a situation
		{"的论坛", false},           // a forum on it
		{"这个中心", false},          // 中心 is no suffix
		{"中心建设", false},          // 科技创新中心
		{"全国委员会", false},         // the CPPCC's own committee
		{"第五届全国委员会", false},      // the same, of a session
		{"，办好论坛", false},         // punctuation ends the name
		{"国际合作高峰七论坛", false},     // 7 characters: too far
		{"2030研究院", false},       // digits are no name characters here
		{"厅会同有关部门", true},        // 安徽省经济和信息化厅, a province's department
		{"厅长说", false},           // the head of a department
		{"”及全球治理研究院", true},      // 复旦大学“一带一路”及全球治理研究院
		{"及全球治理研究院", false},      // unquoted, 及 joins two things the sentence names
		{"”和人类命运共同体研究中心", false}, // too far: 7 characters before the suffix
		{"", false},
	} {
		if got := n.after(tt.after); got != tt.want {
			t.Errorf("after(%q) = %v; want %v", tt.after, got, tt.want)
		}
	}
}

// FuzzChineseNames: any text after a formulation is read without a
// panic, and one taken for a name's rest holds a suffix within the
// characters a name may have (a quote, 6 of the name, the suffix).
func FuzzChineseNames(f *testing.F) {
	for _, s := range []string{"部推动信息化", "”国际合作高峰论坛", "部门", "全国委员会", "的论坛", "\xe5\x9b", "”"} {
		f.Add(s)
	}
	n := newChineseNames()
	f.Fuzz(func(t *testing.T, after string) {
		if !n.after(after) {
			return
		}
		head := []rune(after)[:min(len([]rune(after)), 1+maxNameGap+4)]
		for _, s := range append(n.long, "部", "委", "局", "厅") {
			if strings.Contains(string(head), s) {
				return
			}
		}
		t.Errorf("after(%q) is a name without a suffix", after)
	})
}
