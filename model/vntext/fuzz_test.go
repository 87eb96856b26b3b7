package vntext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Clean gives valid UTF-8 in NFC, with no control, format or separator
// character left (newlines only in multi-line text), and is idempotent.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"Nguyễn Văn Ân", "Tra\u0300n\u200b\t\r\n x", "a\u2028b\u2029c", "\xff\xfe", "  ", "\u202etxt",
		"Đề nghị 解决 土地", "a\r\rb\n\n"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		c := Clean(s, multiline)
		if !utf8.ValidString(c) {
			t.Fatalf("Clean(%q) = %q: invalid UTF-8", s, c)
		}
		if !norm.NFC.IsNormalString(c) {
			t.Fatalf("Clean(%q) = %q: not NFC", s, c)
		}
		if again := Clean(c, multiline); again != c {
			t.Fatalf("Clean is not idempotent: %q → %q → %q", s, c, again)
		}
		if strings.ContainsAny(c, "\u2028\u2029\r\t\x00") || !multiline && strings.Contains(c, "\n") {
			t.Fatalf("Clean(%q, %v) = %q keeps a break or a control", s, multiline, c)
		}
		_ = Fold(c)
		_ = Wrap(c, 1+len(s)%40, 0)
	})
}
