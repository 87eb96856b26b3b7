package printout

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tiepdan/tiepdan/report"
)

func width(s string) int { return utf8.RuneCountInString(s) }

func pad(s string, w int) string { return s + strings.Repeat(" ", max(0, w-width(s))) }

func center(s string, w int) string {
	return strings.Repeat(" ", max(0, (w-width(s))/2)) + s
}

// wrap breaks s into lines of at most w columns at spaces, and cuts words
// longer than a line.
func wrap(s string, w int) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		for _, line := range report.Wrap(para, w) {
			for width(line) > w {
				r := []rune(line)
				out = append(out, string(r[:w]))
				line = string(r[w:])
			}
			out = append(out, line)
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// side sets two columns of centred lines side by side.
func side(left, right []string, lw, rw int) []string {
	n := max(len(left), len(right))
	out := make([]string, 0, n)
	for i := range n {
		var l, r string
		if i < len(left) {
			l = center(left[i], lw)
		}
		if i < len(right) {
			r = center(right[i], rw)
		}
		out = append(out, strings.TrimRight(pad(l, lw)+r, " "))
	}
	return out
}

// TextLines renders d as plain text lines of at most its text width (a
// table wider than that keeps its own width).
func (d *Doc) TextLines() []string {
	w := d.TextWidth
	if w == 0 {
		w = 72
	}
	lw := w * 2 / 5
	var left []string
	if d.Superior != "" {
		left = append(left, wrap(strings.ToUpper(d.Superior), lw-2)...)
	}
	left = append(left, wrap(strings.ToUpper(d.Office), lw-2)...)
	if d.Unit != "" {
		left = append(left, wrap(strings.ToUpper(d.Unit), lw-2)...)
	}
	left = append(left, "-----")
	if d.Number != "" {
		left = append(left, d.Number)
	}
	lines := side(left, []string{d.Nation, d.Motto, "---------------"}, lw, w-lw)
	lines = append(lines, "", strings.Repeat(" ", max(0, w-width(d.PlaceDate)))+d.PlaceDate, "")
	for _, l := range wrap(strings.ToUpper(d.Title), w) {
		lines = append(lines, center(l, w))
	}
	for _, s := range d.Subtitle {
		for _, l := range wrap(s, w) {
			lines = append(lines, center(l, w))
		}
	}
	lines = append(lines, "")
	for _, b := range d.Blocks {
		switch b.Kind {
		case Para:
			// the first line indented, as in the printed page
			for i, l := range wrap(b.Text, w-4) {
				if i == 0 {
					l = "    " + l
				}
				lines = append(lines, l)
			}
		case Field:
			lines = append(lines, hanging(b.Text+": ", b.Value, w, 4)...)
		case List:
			if b.Text != "" {
				lines = append(lines, hanging("", b.Text, w, 4)...)
			}
			for i, it := range b.Items {
				lines = append(lines, hanging("    "+strconv.Itoa(i+1)+". ", it, w, 7)...)
			}
		case Grid:
			lines = append(lines, grid(b.Cols, b.Rows)...)
		case Heading:
			lines = append(lines, "")
			lines = append(lines, wrap(b.Text, w)...)
		case Note:
			lines = append(lines, wrap(b.Text, w)...)
		}
	}
	if len(d.Signs) > 0 {
		lines = append(lines, "")
		cw := w / max(2, len(d.Signs))
		var rows [4][]string
		for _, s := range d.SignCols() {
			rows[0] = append(rows[0], s.For)
			rows[1] = append(rows[1], s.Title)
			rows[2] = append(rows[2], s.Note)
			rows[3] = append(rows[3], s.Name)
		}
		for i, r := range rows {
			if strings.TrimSpace(strings.Join(r, "")) == "" {
				continue
			}
			if i == 3 {
				lines = append(lines, "", "", "")
			}
			line := ""
			for _, cell := range r {
				line += pad(center(cell, cw), cw)
			}
			lines = append(lines, strings.TrimRight(line, " "))
		}
	}
	return lines
}

// hanging wraps text after prefix, continuation lines indented by ind.
func hanging(prefix, text string, w, ind int) []string {
	first := wrap(text, w-width(prefix))
	out := []string{prefix + first[0]}
	if len(first) > 1 {
		for _, l := range wrap(strings.Join(first[1:], " "), w-ind) {
			out = append(out, strings.Repeat(" ", ind)+l)
		}
	}
	return out
}

// grid draws a table with ruled borders, each cell wrapped in its column.
func grid(cols []Col, rows [][]string) []string {
	rule := "+"
	for _, c := range cols {
		rule += strings.Repeat("-", c.Chars+2) + "+"
	}
	row := func(cells []string) []string {
		wrapped := make([][]string, len(cols))
		n := 1
		for i, c := range cols {
			v := ""
			if i < len(cells) {
				v = cells[i]
			}
			wrapped[i] = wrap(v, c.Chars)
			n = max(n, len(wrapped[i]))
		}
		out := make([]string, n)
		for l := range n {
			line := "|"
			for i, c := range cols {
				v := ""
				if l < len(wrapped[i]) {
					v = wrapped[i][l]
				}
				line += " " + pad(v, c.Chars) + " |"
			}
			out[l] = line
		}
		return out
	}
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.Head
	}
	out := []string{rule}
	out = append(out, row(heads)...)
	out = append(out, strings.ReplaceAll(rule, "-", "="))
	for _, r := range rows {
		out = append(out, row(r)...)
		out = append(out, rule)
	}
	if len(rows) == 0 {
		out[len(out)-1] = rule
	}
	return out
}

// WriteText writes d as plain text, lines ending in CRLF so Notepad on the
// desk's Windows PCs shows them, with a UTF-8 byte order mark.
func (d *Doc) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\ufeff")
	for _, l := range d.TextLines() {
		bw.WriteString(l)
		bw.WriteString("\r\n")
	}
	return bw.Flush()
}
