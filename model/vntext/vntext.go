// Package vntext holds the Vietnamese text helpers every layer needs: NFC
// normalisation and sanitising of user input, diacritic folding for search,
// collation for sorting, and the Vietnamese number style of reports.
//
// It imports only the standard library and golang.org/x/text, so model,
// storage, report and tui can all share it.
package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"golang.org/x/text/unicode/norm"
)

// Clean returns s in NFC with every control and format character removed and
// surrounding white space trimmed. Tabs become spaces. Newlines survive only
// when multiline is true (CR LF and lone CR become LF); otherwise they become
// a space, so a pasted line break cannot split a one-line field. Invalid UTF-8
// bytes are dropped.
func Clean(s string, multiline bool) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == unicode.ReplacementChar:
			// invalid input byte, or a replacement char pasted in: drop it
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			// U+2028/U+2029 (line and paragraph separators) are line breaks
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t':
			b.WriteByte(' ')
		case unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r),
			unicode.Is(unicode.Co, r), unicode.Is(unicode.Cs, r):
			// control, format (zero-width, bidi), private-use: never stored
		default:
			b.WriteRune(r)
		}
	}
	out := norm.NFC.String(b.String())
	if multiline {
		lines := strings.Split(out, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		return strings.TrimSpace(strings.Join(lines, "\n"))
	}
	return strings.Join(strings.Fields(out), " ")
}

// Fold returns s lower-cased with every diacritic removed and đ folded to d,
// so "Nguyễn Văn Ân" and "nguyen van an" compare equal. It is the form every
// search index stores and every query is reduced to.
func Fold(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Tokens returns the folded words of s: runs of letters and digits. It is how
// names are split for the name index and how queries are split to use it.
func Tokens(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Digits returns only the ASCII digits of s: "0912.345.678" gives
// "0912345678". ID numbers and phones are stored and searched in this form.
func Digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Truncate cuts s to at most n terminal columns (display width: a letter
// typed with combining marks is one column, a wide character two), ending
// with "…" when it cut anything.
func Truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if runewidth.StringWidth(s) <= n {
		return s
	}
	return runewidth.Truncate(s, n, "…")
}

// Width is s's width on a terminal, in columns: a combining mark takes
// none, a wide character two.
func Width(s string) int { return runewidth.StringWidth(s) }

// Pad fits s into exactly n columns: cut with "…" when wider, spaces after
// it when narrower.
func Pad(s string, n int) string {
	s = Truncate(s, n)
	if w := runewidth.StringWidth(s); w < n {
		s += strings.Repeat(" ", n-w)
	}
	return s
}

// UpperFirst returns s with its first letter in upper case ("tháng 10 năm
// 2026" → "Tháng 10 năm 2026"), for a heading that starts a line.
func UpperFirst(s string) string {
	for i, r := range s {
		return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}

// Wrap breaks s into lines of at most w columns (display width), at spaces
// where it can and inside a word longer than a line where it must; a
// newline in s starts a new line. At most n lines are returned (n <= 0: no
// limit), the last one ending in "…" when text was left out.
func Wrap(s string, w, n int) []string {
	w = max(w, 1)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line, start := "", len(out)
		for _, word := range strings.Fields(para) {
			for runewidth.StringWidth(word) > w {
				// a word longer than a line: as much as fits, then the rest
				if line != "" {
					out = append(out, line)
					line = ""
				}
				head := runewidth.Truncate(word, w, "")
				if head == "" {
					// a character wider than the line: it goes alone
					_, size := utf8.DecodeRuneInString(word)
					head = word[:size]
				}
				out = append(out, head)
				word = word[len(head):]
			}
			if word == "" {
				continue
			}
			switch {
			case line == "":
				line = word
			case runewidth.StringWidth(line)+1+runewidth.StringWidth(word) <= w:
				line += " " + word
			default:
				out = append(out, line)
				line = word
			}
		}
		if line != "" || len(out) == start { // an empty paragraph is an empty line
			out = append(out, line)
		}
	}
	if n > 0 && len(out) > n {
		out = out[:n]
		out[n-1] = Truncate(out[n-1]+" …", w)
		if !strings.HasSuffix(out[n-1], "…") {
			out[n-1] = Truncate(out[n-1], w-1) + "…"
		}
	}
	return out
}
