package analyze

import (
	"regexp"
	"strings"
)

// chineseVenueCues are the general venue cues of Chinese text, after the
// venue list: a session of the National People's Congress or of the
// CPPCC named in a delivery line ("在第十四届全国人民代表大会第二次会议上"), the
// opening, closing or a plenary meeting of the NPC's or the CPPCC's
// session ("十四届全国人大二次会议在京开幕", "全国政协十四届二次会议举行第二次
// 全体会议": the venues the lexicon calls "NPC opening meeting" and "NPC
// plenary session", and "CPPCC plenary session"), a province's
// delegation ("参加江苏代表团审议").
type chineseVenueCues struct {
	session    *regexp.Regexp
	npcMeeting *regexp.Regexp // 十四届全国人大二次会议在京开幕, 第十四届全国人民代表大会第二次会议……闭幕
	delegation *regexp.Regexp
	province   map[string]string
}

func newChineseVenueCues() *chineseVenueCues {
	// China's province-level divisions in Chinese and in the short English
	// form English venues use, so that a delegation is one venue in both
	// languages ("江苏代表团", "the delegation of Jiangsu Province": "Jiangsu
	// delegation")
	provinces := [][2]string{
		{"北京", "Beijing"}, {"天津", "Tianjin"}, {"河北", "Hebei"}, {"山西", "Shanxi"},
		{"内蒙古", "Inner Mongolia"}, {"辽宁", "Liaoning"}, {"吉林", "Jilin"}, {"黑龙江", "Heilongjiang"},
		{"上海", "Shanghai"}, {"江苏", "Jiangsu"}, {"浙江", "Zhejiang"}, {"安徽", "Anhui"},
		{"福建", "Fujian"}, {"江西", "Jiangxi"}, {"山东", "Shandong"}, {"河南", "Henan"},
		{"湖北", "Hubei"}, {"湖南", "Hunan"}, {"广东", "Guangdong"}, {"广西", "Guangxi"},
		{"海南", "Hainan"}, {"重庆", "Chongqing"}, {"四川", "Sichuan"}, {"贵州", "Guizhou"},
		{"云南", "Yunnan"}, {"西藏", "Xizang"}, {"陕西", "Shaanxi"}, {"甘肃", "Gansu"},
		{"青海", "Qinghai"}, {"宁夏", "Ningxia"}, {"新疆", "Xinjiang"}, {"香港", "Hong Kong"},
		{"澳门", "Macao"}, {"台湾", "Taiwan"},
	}
	m := map[string]string{}
	var alt []string
	for _, p := range provinces {
		m[p[0]] = p[1]
		alt = append(alt, p[0])
	}
	return &chineseVenueCues{
		session:    regexp.MustCompile(`第[一二三四五六七八九十]+届全国人民代表大会(?:常务委员会)?第[一二三四五六七八九十]+次会议|全国政协[一二三四五六七八九十]+届[一二三四五六七八九十]+次会议|中国人民政治协商会议第[一二三四五六七八九十]+届全国委员会第[一二三四五六七八九十]+次会议`),
		npcMeeting: regexp.MustCompile(`(?:第?[一二三四五六七八九十]+届)?全国(人民代表大会|人大|政协)(?:第?[一二三四五六七八九十]+届)?第?[一二三四五六七八九十]+次会议[^。；，]{0,20}?(开幕|闭幕|全体会议)(?:会|[。，；！\s]|$)`),
		delegation: regexp.MustCompile(`(` + strings.Join(alt, "|") + `)(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?代表团`),
		province:   m,
	}
}

// Venues: Chinese venues come from the lexicon's venue list (its Chinese
// patterns) and the general cues; there is no built-in list.
func (*chineseLang) Venues() []VenuePattern { return nil }

// VenueFinder: the lexicon's venue patterns written in Chinese characters
// (matched on folded text: traditional characters as simplified), then a
// province's delegation, then a session of the NPC or the CPPCC named in
// a delivery line ("——2024年3月5日在第十四届全国人民代表大会第二次会议上"); the cue
// that stands first in the paragraph wins, the list before the cues on a
// tie.
func (c *chineseLang) VenueFinder(venues []VenuePattern) VenueFinder {
	type pattern struct{ venue, text string }
	var list []pattern
	for _, v := range venues {
		for _, p := range v.Patterns {
			if hasHan(p) {
				list = append(list, pattern{v.Venue, c.Fold(p)})
			}
		}
	}
	cues := c.layout.venues
	return func(text string, _ func() string) (string, string, bool) {
		if !hasHan(text) {
			return "", "", false
		}
		folded := c.t2sText(text)
		best, bestAt, cue := "", len(folded)+1, ""
		for _, p := range list {
			if i := strings.Index(folded, p.text); i >= 0 && i < bestAt {
				best, bestAt, cue = p.venue, i, p.text
			}
		}
		if loc := cues.delegation.FindStringSubmatchIndex(folded); loc != nil && loc[0] < bestAt {
			best, bestAt, cue = cues.province[folded[loc[2]:loc[3]]]+" delegation", loc[0], folded[loc[0]:loc[1]]
		}
		if loc := cues.npcMeeting.FindStringSubmatchIndex(folded); loc != nil && loc[0] < bestAt {
			// the opening or closing meeting of the NPC's session, as the
			// news of the day reports it ("……第二次会议3月5日上午在人民大会堂开幕")
			body, what := folded[loc[2]:loc[3]], folded[loc[4]:loc[5]]
			best, bestAt, cue = "NPC plenary session", loc[0], folded[loc[0]:loc[1]]
			switch {
			case body == "政协":
				best = "CPPCC plenary session"
			case what == "开幕":
				best = "NPC opening meeting"
			}
		}
		if loc := cues.session.FindStringIndex(folded); loc != nil && loc[0] < bestAt && c.isDateLine(folded) {
			// a session only where the speech says it was delivered there:
			// a report's lead names the session before ("自第六届全国人民代表大会
			// 第一次会议以来")
			best, cue = folded[loc[0]:loc[1]], folded[loc[0]:loc[1]]
		}
		return best, cue, best != ""
	}
}

// t2sText folds a text's traditional characters to simplified (OpenCC),
// keeping its length in characters; the text as it was when OpenCC fails.
func (c *chineseLang) t2sText(text string) string {
	s, err := c.t2s.Convert(text)
	if err != nil {
		return text
	}
	return s
}

// isDateLine reports a text that is a date line, as a speech's delivery
// line is ("——1989年3月20日在第七届全国人民代表大会第二次会议上", "1957年6月26日在
// ……会议上"): a session it names is where the speech was given.
func (c *chineseLang) isDateLine(text string) bool {
	_, ok := c.DateLine(text)
	return ok
}
