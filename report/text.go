package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model/vntext"
)

// width counts the columns a string takes on a terminal. Text is NFC on the
// way in, so a Vietnamese letter is one rune and one column.
func width(s string) int { return utf8.RuneCountInString(s) }

func padLeft(s string, w int) string  { return strings.Repeat(" ", max(0, w-width(s))) + s }
func padRight(s string, w int) string { return s + strings.Repeat(" ", max(0, w-width(s))) }

// cellText writes a cell for screens and text: "1.770", "98,7%", "-".
// Text is the cell as printed: "1.770", "98,7%", or nothing when blank.
func (c Cell) Text() string { return cellText(c) }

func cellText(c Cell) string {
	if c.Blank {
		return ""
	}
	if c.IsShare {
		return vntext.Share(c.Share.Num, c.Share.Den)
	}
	return vntext.Int(c.N)
}

// maxLabel bounds the label column of a text table; longer labels (names of
// procedures) are cut with "…".
const maxLabel = 30

// TextLines renders t in at most w columns: the label column and as many
// number columns as fit, then the remaining columns in further blocks that
// repeat the labels. Short headings are used and explained in a legend,
// except those already in seen (a legend says each once per document); nil
// seen explains all.
func (t Table) TextLines(cat *i18n.Catalog, w int, seen map[string]bool) []string {
	longest := width(t.Label)
	for _, r := range t.Rows {
		longest = max(longest, width(r.Label)+indent(r))
	}
	cw := make([]int, len(t.Cols))
	for i, c := range t.Cols {
		cw[i] = width(c.Short)
		for _, r := range t.Rows {
			if i < len(r.Cells) {
				cw[i] = max(cw[i], width(cellText(r.Cells[i])))
			}
		}
	}
	need := 0
	for _, c := range cw {
		need += 1 + c
	}
	lw := longest
	if longest+need > w {
		lw = min(longest, maxLabel, max(8, w-need))
		if lw < 12 {
			lw = min(longest, maxLabel)
		}
	}
	lines := []string{t.Title}
	for start := 0; start < len(t.Cols); {
		end, used := start, lw
		for end < len(t.Cols) && (end == start || used+1+cw[end] <= w) {
			used += 1 + cw[end]
			end++
		}
		head := padRight(vntext.Truncate(t.Label, lw), lw)
		for i := start; i < end; i++ {
			head += " " + padLeft(t.Cols[i].Short, cw[i])
		}
		lines = append(lines, head, strings.Repeat("-", min(used, w)))
		for _, r := range t.Rows {
			label := strings.Repeat(" ", indent(r)) + r.Label
			line := padRight(vntext.Truncate(label, lw), lw)
			for i := start; i < end; i++ {
				v := ""
				if i < len(r.Cells) {
					v = cellText(r.Cells[i])
				}
				line += " " + padLeft(v, cw[i])
			}
			lines = append(lines, line)
		}
		start = end
		if start < len(t.Cols) {
			lines = append(lines, "")
		}
	}
	var legend []string
	for _, c := range t.Cols {
		if c.Short != c.Head && !seen[c.Short+c.Head] {
			legend = append(legend, c.Short+": "+c.Head)
			if seen != nil {
				seen[c.Short+c.Head] = true
			}
		}
	}
	for _, l := range t.NoteLines() {
		lines = append(lines, Wrap(l, w)...)
	}
	if len(legend) > 0 {
		lines = append(lines, Wrap(cat.T("rpt.legend")+": "+strings.Join(legend, "; ")+".", w)...)
	}
	return lines
}

func indent(r Row) int {
	if r.Sub {
		return 2
	}
	return 0
}

// Wrap breaks a paragraph into lines of at most w columns at spaces.
func Wrap(s string, w int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case width(line)+1+width(word) <= w:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// SignerTitle is the signer's title block under "TM. ỦY BAN NHÂN DÂN", as
// Nghị định 30 writes it: "CHỦ TỊCH"; for a deputy signing for the chair,
// "KT. CHỦ TỊCH" then "PHÓ CHỦ TỊCH" (on two lines); the default when the
// settings name none.
func SignerTitle(cat *i18n.Catalog, title string) string {
	t := strings.ToUpper(strings.TrimSpace(title))
	if t == "" {
		return cat.T("rpt.signer_def")
	}
	if rest, ok := strings.CutPrefix(t, "PHÓ "); ok {
		return cat.T("rpt.signer_kt", rest) + "\n" + t
	}
	return t
}

// placeDate is the place and date line of a paper: "Quang Trung, ngày 05
// tháng 01 năm 2027".
func placeDate(cat *i18n.Catalog, place string, y, m, d int) string {
	dd, mm := vntext.DayMonth(d, m)
	return cat.T("rpt.place_date", place, dd, mm, y)
}

func center(s string, w int) string {
	return strings.Repeat(" ", max(0, (w-width(s))/2)) + s
}

// HeadingLines is the document heading as text: office and nation side by
// side, place and date, title and period.
func (s *Summary) HeadingLines(cat *i18n.Catalog, w int) []string {
	office := strings.ToUpper(s.Office.Name)
	left, right := []string{strings.ToUpper(s.Office.Superior), office}, []string{cat.T("rpt.nation"), cat.T("rpt.motto")}
	if s.Office.Superior == "" {
		left = []string{office, ""}
	}
	var out []string
	for i := range left {
		l := left[i]
		r := right[i]
		gap := w - width(r)
		out = append(out, padRight(vntext.Truncate(l, max(0, gap-1)), gap)+r)
	}
	y, m, d := s.Made.YMD()
	out = append(out, padLeft(placeDate(cat, s.Office.Place, y, int(m), d), w), "",
		center(cat.T("rpt.title"), w))
	for _, line := range PeriodLines(cat, cat.T("rpt.subtitle"), s.Period) {
		for _, l := range Wrap(line, w) {
			out = append(out, center(l, w))
		}
	}
	if s.Running() {
		out = append(out, center(cat.T("rpt.asof", s.AsOf.String()), w))
	}
	return out
}

// TextLines is the whole summary as text of at most w columns: heading,
// then each section's paragraph and tables, then the identity check.
func (s *Summary) TextLines(cat *i18n.Catalog, w int) []string {
	lines := s.HeadingLines(cat, w)
	seen := map[string]bool{}
	secs := s.Sections(cat)
	for i, sec := range secs {
		lines = append(lines, "", fmt.Sprintf("%s. %s", roman(i+1), strings.ToUpper(sec.Title)))
		for _, p := range sec.Prose {
			lines = append(lines, Wrap(p, w)...)
		}
		for _, t := range sec.Tables {
			lines = append(lines, "")
			lines = append(lines, t.TextLines(cat, w, seen)...)
		}
	}
	lines = append(lines, "", fmt.Sprintf("%s. %s", roman(len(secs)+1), strings.ToUpper(cat.T("rpt.sec.national"))))
	for _, t := range s.NationalTables(cat) {
		lines = append(lines, "")
		lines = append(lines, t.TextLines(cat, w, nil)...)
	}
	return append(lines, "", s.CheckLine(cat))
}

// CheckLine says whether every identity holds, or how many do not.
func (s *Summary) CheckLine(cat *i18n.Catalog) string {
	ids := s.Identities()
	bad := 0
	for _, id := range ids {
		if !id.Holds() {
			bad++
		}
	}
	if bad > 0 {
		return cat.T("rpt.ids_bad", bad, len(ids))
	}
	return cat.T("rpt.ids_ok", len(ids))
}

func roman(i int) string {
	return [...]string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}[min(i, 10)]
}

// writeText writes the summary as text lines of at most 80 columns, CRLF
// ended so Notepad on the office PC shows it right.
func writeText(w io.Writer, s *Summary, cat *i18n.Catalog) error {
	for _, l := range s.TextLines(cat, 80) {
		if _, err := io.WriteString(w, strings.TrimRight(l, " ")+"\r\n"); err != nil {
			return err
		}
	}
	return nil
}

// writeProse writes the paragraphs only, one per line, for pasting into a
// word processor.
func writeProse(w io.Writer, s *Summary, cat *i18n.Catalog) error {
	for _, p := range s.Prose(cat) {
		if _, err := io.WriteString(w, p+"\r\n\r\n"); err != nil {
			return err
		}
	}
	return nil
}
