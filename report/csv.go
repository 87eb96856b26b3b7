package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/tiepdan/tiepdan/i18n"
)

// safeCell keeps Excel from reading a text cell as a formula: a cell that
// starts with = + - @ (or a tab or carriage return) gets a leading
// apostrophe, which Excel shows as text.
func safeCell(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}

// csvDialect is how one kind of CSV writes what is not plain text.
type csvDialect struct {
	sep rune
	bom bool
	// share writes a fraction num/den, den > 0, cut to a tenth of a percent.
	share func(num, den int) string
}

// excelVN is the CSV a double-click opens right in Excel on a Windows PC set
// to Vietnamese: ";" separated (the list separator there), UTF-8 with a
// byte-order mark, shares as "98,7%" with the decimal comma, which Excel
// reads as the number 0,987 shown as a percentage.
var excelVN = csvDialect{sep: ';', bom: true, share: func(num, den int) string {
	tenths := int64(num) * 1000 / int64(den)
	return strconv.FormatInt(tenths/10, 10) + "," + strconv.FormatInt(tenths%10, 10) + "%"
}}

// plainCSV is RFC 4180 for programs: "," separated, no byte-order mark, a
// share as the fraction with a "." decimal point ("0.987").
var plainCSV = csvDialect{sep: ',', share: func(num, den int) string {
	return strconv.FormatFloat(float64(int64(num)*1000/int64(den))/1000, 'f', -1, 64)
}}

// writeCSV writes the summary as CSV in dialect d, CRLF line ends: the
// heading rows, then every table with a title row, its heading rows (a
// national form's column tree, each heading in its first column) and
// column numbers, its rows (counts as plain digits, a share of nothing or a
// figure the records cannot give empty) and its note, a blank row between
// tables, and the identities.
func writeCSV(w io.Writer, s *Summary, cat *i18n.Catalog, d csvDialect) error {
	if d.bom {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Comma = d.sep
	cw.UseCRLF = true
	put := func(cells ...string) {
		for i := range cells {
			cells[i] = safeCell(cells[i])
		}
		_ = cw.Write(cells) // errors surface from cw.Error below
	}
	put(s.Office.Name)
	for _, l := range PeriodLines(cat, cat.T("rpt.title")+": "+cat.T("rpt.subtitle"), s.Period) {
		put(l)
	}
	if s.Running() {
		put(cat.T("rpt.asof", s.AsOf.String()))
	}
	for _, t := range s.AllTables(cat) {
		put()
		put(t.Title)
		if len(t.Heads) > 0 {
			rows := make([][]string, len(t.Heads))
			for i := range rows {
				rows[i] = make([]string, len(t.Cols)+1)
			}
			rows[0][0] = t.Label
			for _, h := range t.PlacedHeads() {
				rows[h.Row][h.Col+1] = h.Text
			}
			for _, r := range rows {
				put(r...)
			}
		} else {
			head := []string{t.Label}
			for _, c := range t.Cols {
				head = append(head, c.Head)
			}
			put(head...)
		}
		if t.Numbered {
			nums := []string{""}
			for _, c := range t.Cols {
				nums = append(nums, c.Num)
			}
			put(nums...)
		}
		for _, r := range t.Rows {
			row := []string{r.Label}
			for _, c := range r.Cells {
				row = append(row, d.cell(c))
			}
			put(row...)
		}
		for _, l := range t.NoteLines() {
			put(l)
		}
	}
	cw.Flush()
	return cw.Error()
}

func (d csvDialect) cell(c Cell) string {
	switch {
	case c.Blank:
		return ""
	case !c.IsShare:
		return strconv.Itoa(c.N)
	case c.Share.Den == 0:
		return ""
	}
	return d.share(c.Share.Num, c.Share.Den)
}

// ParseCSVNumber reads a number cell of either CSV dialect back: "1770",
// "98,7%" or "0.987" (a share as its fraction); ok is false for an empty or
// text cell.
func ParseCSVNumber(s string) (v float64, ok bool) {
	pct := strings.HasSuffix(s, "%")
	s = strings.Replace(strings.TrimSuffix(s, "%"), ",", ".", 1)
	if s == "" || strings.ContainsAny(s, "eE") {
		return 0, false
	}
	if pct {
		s += "e-2" // exact: 66.6e-2 is the float nearest 0.666
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}
