package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model/vntext"
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

// writeCSV writes the summary for Excel: UTF-8 with a byte-order mark,
// CRLF line ends, the heading rows, then every table with a title row, a
// heading row and its rows (counts as plain digits, shares as "98,7%", a
// share of nothing empty), a blank row between tables, and the identities.
func writeCSV(w io.Writer, s *Summary, cat *i18n.Catalog) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
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
	tables := []Table{}
	for _, sec := range s.Sections(cat) {
		tables = append(tables, sec.Tables...)
	}
	tables = append(tables, s.CheckTable(cat))
	for _, t := range tables {
		put()
		put(t.Title)
		head := []string{t.Label}
		for _, c := range t.Cols {
			head = append(head, c.Head)
		}
		put(head...)
		for _, r := range t.Rows {
			row := []string{r.Label}
			for _, c := range r.Cells {
				row = append(row, csvCell(c))
			}
			put(row...)
		}
		if t.Note != "" {
			put(t.Note)
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvCell(c Cell) string {
	if !c.IsShare {
		return strconv.Itoa(c.N)
	}
	if c.Share.Den == 0 {
		return ""
	}
	return vntext.Share(c.Share.Num, c.Share.Den)
}
