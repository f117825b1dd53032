package thai

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// show writes text with | at cluster breaks and / at word breaks.
func show(text string, bs []Break) string {
	rs := []rune(text)
	var b strings.Builder
	k := 0
	for i, r := range rs {
		if k < len(bs) && bs[k].Pos == i {
			if bs[k].Word {
				b.WriteByte('/')
			} else {
				b.WriteByte('|')
			}
			k++
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestClusterBreaks(t *testing.T) {
	tests := []struct{ in, want string }{
		// Leading vowels stay with their consonant; marks, following
		// vowels and silent carriers stay with what they follow.
		{"เสรีภาพสื่อ", "เส|รี|ภา|พ|สื่อ"},
		{"ไม่ใช่", "ไม่|ใช่"},
		{"ตัวเรือเสีย", "ตัว|เรือ|เสีย"},
		{"กำลังๆ", "กำ|ลั|งๆ"},
		{"abc ไทย def", "abc ไท|ย def"},
		{"ก", "ก"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := show(tc.in, Breaks([]rune(tc.in), nil)); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.in, got, tc.want)
		}
	}
}

// With a dictionary, word boundaries are marked; unknown text falls back to
// clusters, and the segmentation with fewest unknown clusters wins over a
// greedy longest match.
func TestWordBreaks(t *testing.T) {
	d, err := Load(strings.NewReader("# test words\nเสรีภาพ\nสื่อ\nไม่\nใช่\nอาชญากรรม\nตา\nกลม\nตาก\nลม\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 9 {
		t.Fatalf("%d words", d.Len())
	}
	tests := []struct{ in, want string }{
		{"เสรีภาพสื่อไม่ใช่อาชญากรรม", "เส|รี|ภา|พ/สื่อ/ไม่/ใช่/อา|ช|ญา|ก|ร|ร|ม"},
		// ตากลม: ตาก+ลม and ตา+กลม both cover it; fewest words is a tie,
		// so the first found stands; what matters is no unknown cluster.
		{"ตากลม", ""},
		{"ตาxกลม", "ตาxก|ล|ม"},
	}
	for _, tc := range tests {
		got := show(tc.in, Breaks([]rune(tc.in), d))
		if tc.in == "ตากลม" && got != "ตา/ก|ล|ม" && got != "ตา|ก/ล|ม" {
			t.Errorf("%q: %q", tc.in, got)
			continue
		}
		if tc.in != "ตากลม" && got != tc.want {
			t.Errorf("%q: %q, want %q", tc.in, got, tc.want)
		}
	}
	if _, err := Load(strings.NewReader("ไทย\nhello\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a Latin word: err = %v, want one naming line 2", err)
	}
}

// With libthai's dictionary (Debian libthai-data, listed by trietool from
// libdatrie1-bin, as docs/languages.md tells users), a sentence breaks
// into its words.
func TestLibthaiDictionary(t *testing.T) {
	tool, err := exec.LookPath("trietool")
	if err != nil || fileMissing("/usr/share/libthai/thbrk.tri") {
		if os.Getenv("CI") == "true" {
			t.Fatal("trietool or libthai's dictionary is missing; CI must install libdatrie1-bin libthai-data")
		}
		t.Skip("trietool or libthai's dictionary is missing (apt-get install libdatrie1-bin libthai-data)")
	}
	out, err := exec.Command(tool, "-p", "/usr/share/libthai", "thbrk", "list").Output()
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(strings.NewReader(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() < 20000 {
		t.Fatalf("only %d words", d.Len())
	}
	in := "เสรีภาพสื่อไม่ใช่อาชญากรรม"
	var words []string
	rs := []rune(in)
	last := 0
	for _, b := range Breaks(rs, d) {
		if b.Word {
			words = append(words, string(rs[last:b.Pos]))
			last = b.Pos
		}
	}
	words = append(words, string(rs[last:]))
	if got := strings.Join(words, " "); got != "เสรีภาพ สื่อ ไม่ใช่ อาชญากรรม" && got != "เสรีภาพ สื่อ ไม่ ใช่ อาชญากรรม" {
		t.Errorf("words %q", got)
	}
}

func fileMissing(p string) bool { _, err := os.Stat(p); return err != nil }

func FuzzBreaks(f *testing.F) {
	d, _ := Load(strings.NewReader("ไทย\nภาษา\n"))
	for _, s := range []string{"ภาษาไทย", "เ", "ืือ", "ไทย ok ภาษา", "ๆๆ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		prev := 0
		for _, b := range Breaks(rs, d) {
			if b.Pos <= prev || b.Pos >= len(rs) || !isThai(rs[b.Pos]) || !isThai(rs[b.Pos-1]) || attaches(rs[b.Pos]) {
				t.Fatalf("%q: bad break %d", s, b.Pos)
			}
			prev = b.Pos
		}
	})
}
