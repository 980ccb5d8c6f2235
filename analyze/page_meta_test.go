package analyze

import (
	"fmt"
	"testing"
)

// TestCleanTitle: a page's title without the site's and channel's names,
// and the site it names; titles whose parts are not a site's name stay
// whole.
func TestCleanTitle(t *testing.T) {
	pp := newPagePatterns()
	tests := []struct {
		title string
		h1    []string
		want  string
	}{
		{"工业互联网加快落地 为制造业高质量发展注入新动能_新华网", nil, "工业互联网加快落地 为制造业高质量发展注入新动能 | 新华网"},
		{"持续优化营商环境 激发民营经济活力--时政--人民网", nil, "持续优化营商环境 激发民营经济活力 | 人民网"},
		{"高校毕业生就业创业工作推进会召开_教育频道_中国青年网", nil, "高校毕业生就业创业工作推进会召开 | 中国青年网"},
		{"Xi stresses reform - People's Daily Online", nil, "Xi stresses reform | People's Daily Online"},
		{"Xi stresses reform | Xinhua", []string{"Xi stresses reform"}, "Xi stresses reform | Xinhua"},
		{"一带一路：从大写意到工笔画_专题", []string{"一带一路：从大写意到工笔画"}, "一带一路：从大写意到工笔画 | "},
		{"Xi Jinping - a profile of the leader's early years in Fujian", nil, "Xi Jinping - a profile of the leader's early years in Fujian | "},
		{"Reform - opening up", nil, "Reform - opening up | "},
		{"政府工作报告", nil, "政府工作报告 | "},
		{"外国专家：中国式现代化为世界提供新机遇-环球网", nil, "外国专家：中国式现代化为世界提供新机遇 | 环球网"},
		{"Xi urges Jiangsu to lead in developing new quality productive forces-Xinhua", nil, "Xi urges Jiangsu to lead in developing new quality productive forces | Xinhua"},
		{"Xi calls for high-quality development", nil, "Xi calls for high-quality development | "},
		{"Hong Kong-Macao cooperation", nil, "Hong Kong-Macao cooperation | "},
	}
	for _, tt := range tests {
		title, site := pp.cleanTitle(tt.title, tt.h1, "")
		if got := title + " | " + site; got != tt.want {
			t.Errorf("cleanTitle(%q, %q) = %q; want %q", tt.title, tt.h1, got, tt.want)
		}
	}
}

// TestPageDate: the byline's date before the metadata's before the
// address's; a date above the article that is no byline (a caption's
// year) is none.
func TestPageDate(t *testing.T) {
	pp := newPagePatterns()
	blocks := func(texts ...string) []textBlock {
		var out []textBlock
		for _, s := range texts {
			out = append(out, textBlock{text: s})
		}
		return out
	}
	tests := []struct {
		page       []textBlock
		meta, url  string
		want, note string
	}{
		{blocks("首页 时政", "标题", "2019-12-10 07:57:40　来源：新华网", "正文"), "2019-12-09", "", "2019-12-10", `page byline "2019-12-10 07:57:40　来源：新华网"`},
		{blocks("标题", "2019年06月15日08:10 | 来源：人民网－人民日报", "正文"), "", "", "2019-06-15", `page byline "2019年06月15日08:10 | 来源：人民网－人民日报"`},
		{blocks("Headline", "Source: Xinhua | 2024-03-05 18:20:11 | Editor: huaxia", "Body"), "", "", "2024-03-05", `page byline "Source: Xinhua | 2024-03-05 18:20:11 | Editor: huaxia"`},
		{blocks("标题", "2021-06-18", "正文"), "", "", "2021-06-18", `page byline "2021-06-18"`},
		{blocks("标题", "2019年12月9日，参观者在展区参观。", "正文"), "2019-12-10", "", "2019-12-10", `page metadata "2019-12-10"`},
		{blocks("标题", "正文"), "", "http://www.xinhuanet.com/politics/2019-12/10/c_1125328763.htm", "2019-12-10", `page address "http://www.xinhuanet.com/politics/2019-12/10/c_1125328763.htm"`},
		{blocks("标题", "正文"), "", "http://politics.people.com.cn/n1/2019/0615/c1001-31138285.html", "2019-06-15", `page address "http://politics.people.com.cn/n1/2019/0615/c1001-31138285.html"`},
		{blocks("标题", "正文"), "", "https://cn.chinadaily.com.cn/a/201912/10/WS5def0a1ba31099ab995ef3a2.html", "2019-12-10", `page address "https://cn.chinadaily.com.cn/a/201912/10/WS5def0a1ba31099ab995ef3a2.html"`},
		{blocks("标题", "正文"), "", "https://www.huanqiu.com/article/45kDcM5mDnu", "", ""},
	}
	for _, tt := range tests {
		first := len(tt.page) - 1
		iso, note := pp.pageDate(tt.page, first, tt.meta, tt.url)
		if got, want := fmt.Sprint(iso, " ", note), fmt.Sprint(tt.want, " ", tt.note); got != want {
			t.Errorf("pageDate(%v) = %q; want %q", tt.page, got, want)
		}
	}
}
