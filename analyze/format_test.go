package analyze_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/issuelens/analyze/analyze"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestOpen: the format, encoding and language of inputs as analysts save
// them, one comparable string a case: "format | encoding | language |
// warnings", or the error.
func TestOpen(t *testing.T) {
	enc := func(e encoding.Encoding, s string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	zh := "习近平强调，推动高质量发展，加快发展新质生产力，扎实推进中国式现代化。"
	// a People's Daily-style page in GB2312 whose charset comes after a
	// kilobyte of keywords and scripts
	lateCharset := `<!DOCTYPE html><html><head><meta name="keywords" content="` + strings.Repeat("news,", 300) + `">` +
		`<script>var s = "` + strings.Repeat("x", 2000) + `";</script>` +
		`<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>推动高质量发展--时政--人民网</title></head>` +
		`<body><h1>推动高质量发展</h1><p>` + zh + zh + `</p></body></html>`
	// a Chinese page behind 200 KB of script with English words in it
	scriptHead := `<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><script>` +
		strings.Repeat("function loadAnalytics(window, document) { return window.location.href + document.title; }\n", 2200) +
		`</script></head><body><p>` + zh + `</p></body></html>`
	tests := []struct {
		name string
		data []byte
		o    analyze.OpenOptions
		want string
	}{
		{"report.txt", []byte(zh + "\n"), analyze.OpenOptions{}, "text | utf-8 | zh | "},
		{"report.txt", enc(simplifiedchinese.GBK, zh+"\n"), analyze.OpenOptions{}, "text | gb18030 (detected) | zh | "},
		{"report.txt", enc(simplifiedchinese.GB18030, strings.Repeat(zh+"\n", 40)), analyze.OpenOptions{}, "text | gb18030 (detected) | zh | "},
		{"report.txt", enc(traditionalchinese.Big5, strings.Repeat("政府工作報告強調，推動高質量發展，加快發展新質生產力。\n", 5)), analyze.OpenOptions{}, "text | big5 (detected) | zh | "},
		{"report.txt", enc(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), zh), analyze.OpenOptions{}, "text | utf-16le (BOM) | zh | "},
		{"speech.txt", []byte("The café’s “résumé”.\n"), analyze.OpenOptions{}, "text | utf-8 | en | "},
		{"report.txt", []byte(zh), analyze.OpenOptions{Encoding: "GBK"}, "text | gbk (--encoding) | zh | decoded as gbk, but its bytes are valid UTF-8: if the text looks garbled, give --encoding utf-8"},
		{"report.txt", enc(simplifiedchinese.GBK, zh), analyze.OpenOptions{Encoding: "gb2312"}, "text | gb2312 (--encoding) | zh | "},
		{"page.html", enc(simplifiedchinese.GBK, lateCharset), analyze.OpenOptions{}, "HTML | gb2312 (declared in the page) | zh | "},
		{"saved", enc(simplifiedchinese.GBK, lateCharset), analyze.OpenOptions{}, "HTML | gb2312 (declared in the page) | zh | "},
		{"page.html", enc(simplifiedchinese.GBK, strings.Replace(lateCharset, "gb2312", "iso-8859-1", 1)), analyze.OpenOptions{},
			"HTML | windows-1252 (declared in the page) | en | decoded as windows-1252, but its bytes read as gb18030: if the text looks garbled, give --encoding gb18030"},
		{"page.html", enc(simplifiedchinese.GBK, strings.Replace(lateCharset, "charset=gb2312", "", 1)), analyze.OpenOptions{}, "HTML | gb18030 (detected) | zh | "},
		{"page.html", []byte(strings.Replace(lateCharset, "gb2312", "gbk", 1)), analyze.OpenOptions{}, "HTML | utf-8 (the page says gbk) | zh | "},
		{"page.html", []byte(scriptHead), analyze.OpenOptions{}, "HTML | utf-8 | zh | "},
		{"xwlb_20240305.md", []byte("# 《新闻联播》 (20240305)\n\n## 详细新闻\n\n### 标题\n\n<p>" + zh + "</p>\n\n[查看原文](https://tv.cctv.com/2024/03/05/VIDEabcdefghijklmnopqrstuvwxyz.shtml)\n"), analyze.OpenOptions{}, "Markdown | utf-8 | zh | "},
		{"white paper.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), analyze.OpenOptions{}, "white paper.pdf: a PDF file, which analyze does not read yet: save its text as .txt"},
		{"memo.docx", []byte("PK\x03\x04\x14\x00\x06\x00"), analyze.OpenOptions{}, "memo.docx: a zip archive (or a Word, Excel or OpenDocument file), which analyze does not read yet: save its text as .txt"},
		{"image.txt", []byte("GIF89a\n\x00\x00"), analyze.OpenOptions{}, "image.txt:2: binary data (NUL byte), not a text issue"},
		{"empty.txt", nil, analyze.OpenOptions{}, "empty.txt: empty input"},
	}
	for _, tt := range tests {
		var got string
		in, err := analyze.Open(bytes.NewReader(tt.data), tt.name, tt.o)
		var ie *analyze.InputError
		switch {
		case errors.As(err, &ie):
			got = ie.Error()
		case err != nil:
			t.Fatalf("Open(%s): %v; want an input error or none", tt.name, err)
		default:
			var warns []string
			for _, w := range in.Warnings {
				warns = append(warns, w.Msg)
			}
			got = fmt.Sprintf("%s | %s | %s | %s", in.Format, in.Encoding, in.Language, strings.Join(warns, "; "))
		}
		if got != tt.want {
			t.Errorf("Open(%s) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

// TestTextEncodings: what the reader makes of a text's lines: a GBK text
// (its English lines too) reads as GB18030; a Windows-1252 text as
// Windows-1252, with a warning; a UTF-8 text with a stray GBK line past
// the start that told its encoding decodes that line as GBK and says so.
func TestTextEncodings(t *testing.T) {
	gbkLine, err := simplifiedchinese.GBK.NewEncoder().String("推动高质量发展。")
	if err != nil {
		t.Fatal(err)
	}
	zhLines := strings.Repeat("新华社北京3月5日电 会议强调，要加快发展新质生产力。\n\n", 1200) // 80 KB of UTF-8
	rd, err := analyze.NewReader(analyze.DefaultVenues())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, want string
	}{
		{"GBK", "March 5, 2024\n\nXi spoke in Beijing on Tuesday about the economy.\n\n" + gbkLine + "\n",
			"gb18030 (detected) | 推动高质量发展。 | "},
		{"Windows-1252", "March 5, 2024\n\nXi spoke in Beijing on Tuesday about the economy.\n\nThe caf\xe9 was full of d\xe9l\xe9gu\xe9s from the provinces.\n",
			"windows-1252 | The café was full of délégués from the provinces. | 5: not valid UTF-8 on 1 line(s), first here; those lines were decoded as Windows-1252"},
		{"stray GBK line", zhLines + gbkLine + "\n",
			"utf-8 with 1 gb18030 line(s) | 推动高质量发展。 | 2401: not valid UTF-8 on 1 line(s), first here; those lines were decoded as GB18030"},
	}
	for _, tt := range tests {
		iss, err := rd.Read(strings.NewReader(tt.text), tt.name+".txt")
		if err != nil {
			t.Fatal(err)
		}
		last := iss.Articles[len(iss.Articles)-1]
		var warns []string
		for _, w := range iss.Warnings {
			warns = append(warns, fmt.Sprintf("%d: %s", w.Line, w.Msg))
		}
		got := fmt.Sprintf("%s | %s | %s", iss.Encoding, last.Body[len(last.Body)-1].Text, strings.Join(warns, "; "))
		if got != tt.want {
			t.Errorf("%s: Read = %q; want %q", tt.name, got, tt.want)
		}
	}
}

// failing is a reader that fails with err after its first bytes.
type failing struct{ err error }

func (f failing) Read(p []byte) (int, error) { return 0, f.err }

// TestInputErrorKeepsCause: an input that cannot be read is an
// InputError naming the file, whose cause errors.Is still sees.
func TestInputErrorKeepsCause(t *testing.T) {
	cause := errors.New("device gone")
	_, err := analyze.Open(failing{cause}, "issue.txt", analyze.OpenOptions{})
	var ie *analyze.InputError
	if !errors.As(err, &ie) || !errors.Is(err, cause) || err.Error() != "issue.txt: cannot read: device gone" {
		t.Errorf("Open of a failing reader = %v (InputError %v, cause kept %v); want \"issue.txt: cannot read: device gone\", both", err, ie != nil, errors.Is(err, cause))
	}
}
