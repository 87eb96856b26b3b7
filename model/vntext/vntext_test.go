package vntext

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		multiline bool
		want      string
	}{
		{"decomposed becomes NFC", "Nguye\u0302\u0303n", false, "Nguyễn"},
		{"zero width and bidi removed", "Ân\u200b\u202e", false, "Ân"},
		{"control chars removed", "a\x00b\x1bc\x7f", false, "abc"},
		{"newline folded in one-line field", "Thôn 1\r\nXã A", false, "Thôn 1 Xã A"},
		{"newline kept in multiline", "dòng 1\r\ndòng 2  \n", true, "dòng 1\ndòng 2"},
		{"spaces collapsed", "  Lê   Thị  ", false, "Lê Thị"},
		{"invalid utf8 dropped", "a\xffb", false, "ab"},
		{"private use dropped", "x\ue000y", false, "xy"},
		{"tab to space", "a\tb", false, "a b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Clean(tc.in, tc.multiline); got != tc.want {
				t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFoldAndTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nguyễn Văn Ân", "nguyen van an"},
		{"ĐẶNG THỊ ĐÀO", "dang thi dao"},
		{"Hoà Hòa", "hoa hoa"},
		{"Nguye\u0302\u0303n", "nguyen"},
		{"Phường 12", "phuong 12"},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	got := Tokens("Trần-Thị  Bích, (Hà)")
	want := []string{"tran", "thi", "bich", "ha"}
	if len(got) != len(want) {
		t.Fatalf("Tokens = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Tokens = %v, want %v", got, want)
		}
	}
	if d := Digits("0912.345 678"); d != "0912345678" {
		t.Errorf("Digits = %q", d)
	}
}

func TestCollation(t *testing.T) {
	words := []string{"đá", "dê", "ăn", "an", "âm", "bò", "ơn", "ô", "o"}
	c := NewCollator()
	sort.Slice(words, func(i, j int) bool { return c.Compare(words[i], words[j]) < 0 })
	want := []string{"an", "ăn", "âm", "bò", "dê", "đá", "o", "ô", "ơn"}
	for i := range want {
		if words[i] != want[i] {
			t.Fatalf("sorted = %v, want %v", words, want)
		}
	}
	names := []string{"Lê Thị Bình", "Trần Văn An", "Nguyễn Văn An"}
	sort.Slice(names, func(i, j int) bool { return c.CompareNames(names[i], names[j]) < 0 })
	if names[0] != "Nguyễn Văn An" || names[1] != "Trần Văn An" || names[2] != "Lê Thị Bình" {
		t.Fatalf("names sorted = %v", names)
	}
}

func TestNumbers(t *testing.T) {
	ints := map[int]string{0: "0", 7: "7", 999: "999", 1000: "1.000", 1770: "1.770",
		1234567: "1.234.567", -1500: "-1.500", -15: "-15"}
	for n, want := range ints {
		if got := Int(n); got != want {
			t.Errorf("Int(%d) = %q, want %q", n, got, want)
		}
	}
	counts := map[int]string{0: "00", 4: "04", 9: "09", 10: "10", 1770: "1.770"}
	for n, want := range counts {
		if got := Count(n); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
	for _, tc := range []struct {
		num, den int
		want     string
	}{
		{2453, 2484, "98,7%"}, {20, 23, "86,9%"}, {1, 1, "100%"}, {999, 1000, "99,9%"},
		{9999, 10000, "99,9%"}, {0, 5, "0%"}, {2, 5, "40%"}, {1, 3, "33,3%"}, {0, 0, "-"},
	} {
		if got := Share(tc.num, tc.den); got != tc.want {
			t.Errorf("Share(%d, %d) = %q, want %q", tc.num, tc.den, got, tc.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	if got := Truncate("Nguyễn Văn Ân", 8); got != "Nguyễn …" {
		t.Errorf("Truncate = %q", got)
	}
	if got := Truncate("Ân", 8); got != "Ân" {
		t.Errorf("Truncate short = %q", got)
	}
}

// Truncate counts display columns, not runes: a name typed in combining
// form (Unikey's "Unicode tổ hợp": e + U+0302 + U+0303) is as wide as in
// precomposed form, and a wide character takes two columns.
func TestTruncateByDisplayWidth(t *testing.T) {
	nfd := "Nguye\u0302\u0303n Va\u0306n A\u0302n" // Nguyễn Văn Ân, decomposed
	if got := Truncate(nfd, 13); got != nfd {
		t.Errorf("a 13-column name cut at 13: %q", got)
	}
	if got := Truncate(nfd, 8); got != "Nguye\u0302\u0303n …" {
		t.Errorf("cut at 8: %q", got)
	}
	if got := Truncate("漢字漢字", 5); got != "漢字…" {
		t.Errorf("wide characters cut at 5: %q", got)
	}
	if w := Width(nfd); w != 13 {
		t.Errorf("width %d, want 13", w)
	}
}

func TestWrapByDisplayWidth(t *testing.T) {
	for _, c := range []struct {
		s    string
		w, n int
		want []string
	}{
		{"Đề nghị giải quyết tranh chấp", 12, 0, []string{"Đề nghị giải", "quyết tranh", "chấp"}},
		{"土地土地土地 đất", 8, 0, []string{"土地土地", "土地 đất"}},
		{"một hai ba bốn năm sáu", 7, 2, []string{"một hai", "ba bốn…"}},
		{"a\nb c", 5, 0, []string{"a", "b c"}},
		{"Tra\u0300n Va\u0306\u0301n", 4, 0, []string{"Tra\u0300n", "Va\u0306\u0301n"}},
		{"土地", 1, 0, []string{"土", "地"}}, // wider than the line: one a line, never a loop
	} {
		got := Wrap(c.s, c.w, c.n)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Wrap(%q, %d, %d) = %q, want %q", c.s, c.w, c.n, got, c.want)
		}
		for _, l := range got {
			if Width(l) > c.w && utf8.RuneCountInString(l) > 1 {
				t.Errorf("Wrap(%q, %d): line %q is %d wide", c.s, c.w, l, Width(l))
			}
		}
	}
}
