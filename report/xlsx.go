package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tiepdan/tiepdan/i18n"
)

// sheetName makes a valid worksheet name: at most 31 characters, none of
// : \ / ? * [ ].
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}

// xlsxStyles are the workbook's cell styles.
type xlsxStyles struct {
	bold, head, body, label, share, count, prose, note int
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var st xlsxStyles
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Bold: bold, Family: "Times New Roman", Size: size}
	}
	pct := "0.0%"
	for _, s := range []struct {
		dst *int
		def excelize.Style
	}{
		{&st.bold, excelize.Style{Font: font(true, 12)}},
		{&st.head, excelize.Style{Font: font(true, 11), Border: borders(),
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}}},
		{&st.body, excelize.Style{Font: font(false, 11), Border: borders()}},
		{&st.label, excelize.Style{Font: font(false, 11), Border: borders(),
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.share, excelize.Style{Font: font(false, 11), Border: borders(), CustomNumFmt: &pct}},
		{&st.count, excelize.Style{Font: font(false, 11), Border: borders(), NumFmt: 3}},
		{&st.prose, excelize.Style{Font: font(false, 12), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.note, excelize.Style{Font: &excelize.Font{Italic: true, Family: "Times New Roman", Size: 11},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	} {
		id, err := f.NewStyle(&s.def)
		if err != nil {
			return st, err
		}
		*s.dst = id
	}
	return st, nil
}

// xlsxSheet writes one worksheet, remembering the used range.
type xlsxSheet struct {
	f          *excelize.File
	name       string
	maxR, maxC int
}

func (w *xlsxSheet) put(col, row int, v any, style int) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	if v != nil {
		if err := w.f.SetCellValue(w.name, cell, v); err != nil {
			return err
		}
	}
	w.maxR, w.maxC = max(w.maxR, row), max(w.maxC, col)
	return w.f.SetCellStyle(w.name, cell, cell, style)
}

// finish records the used range, so a streaming reader sees every cell.
func (w *xlsxSheet) finish() error {
	last, err := excelize.CoordinatesToCellName(max(1, w.maxC), max(1, w.maxR))
	if err != nil {
		return err
	}
	return w.f.SetSheetDimension(w.name, "A1:"+last)
}

// The prose column is as wide as an A4 portrait page holds (a spreadsheet
// viewer that does not honour "fit to one page wide" would cut a wider
// one), and its rows as tall as the paragraph's wrapped lines.
const (
	proseColWidth     = 70
	proseCharsPerLine = 75
)

// pageSetup prints the sheet on A4, landscape when wide, one page wide,
// with the heading rows first..last repeated on every page and the page
// number in the footer.
func (w *xlsxSheet) pageSetup(cat *i18n.Catalog, landscape bool, first, last int) error {
	size, one, zero := 9, 1, 0
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	if err := w.f.SetPageLayout(w.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient,
		FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	fit := true
	if err := w.f.SetSheetProps(w.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := w.f.SetHeaderFooter(w.name, &excelize.HeaderFooterOptions{
		OddFooter: "&C" + cat.T("rpt.xlsx_page", "&P", "&N")}); err != nil {
		return err
	}
	if first > 0 {
		return w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: w.name,
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(w.name, "'", "''"), first, last)})
	}
	return nil
}

// writeXLSX writes the summary as a workbook: a first sheet with the
// heading and the prose, one sheet per table (the national forms named by
// their code), and a sheet of the identities checked. Every data sheet is
// headed with the office and the period, prints on A4 one page wide with
// its heading rows repeated, and keeps them in view (frozen panes). Counts
// are numbers; shares are fractions formatted 0.0%, an undefined share an
// empty cell, so the office can compute with them.
func writeXLSX(w io.Writer, s *Summary, cat *i18n.Catalog) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	heading := append([]string{s.Office.Name}, PeriodLines(cat, cat.T("rpt.title")+": "+cat.T("rpt.subtitle"), s.Period)...)
	if s.Running() {
		heading = append(heading, cat.T("rpt.asof", s.AsOf.String()))
	}

	first := &xlsxSheet{f: f, name: sheetName(cat.T("rpt.sec.prose"))}
	if err := f.SetSheetName("Sheet1", first.name); err != nil {
		return err
	}
	r := 1
	for _, l := range heading {
		if err := first.put(1, r, l, st.bold); err != nil {
			return err
		}
		r++
	}
	r++
	for _, p := range s.Prose(cat) {
		if err := first.put(1, r, p, st.prose); err != nil {
			return err
		}
		if err := f.SetRowHeight(first.name, r, float64(16*(1+len([]rune(p))/proseCharsPerLine))); err != nil {
			return err
		}
		r++
	}
	if err := f.SetColWidth(first.name, "A", "A", proseColWidth); err != nil {
		return err
	}
	if err := first.pageSetup(cat, false, 0, 0); err != nil {
		return err
	}
	if err := first.finish(); err != nil {
		return err
	}

	used := map[string]bool{first.name: true}
	for _, t := range s.AllTables(cat) {
		name := t.Sheet
		if name == "" {
			name = t.Title
		}
		name = sheetName(name)
		for i := 2; used[name]; i++ {
			name = sheetName(fmt.Sprintf("%s (%d)", strings.TrimSpace(string([]rune(name)[:min(len([]rune(name)), 26)])), i))
		}
		used[name] = true
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		sh := &xlsxSheet{f: f, name: name}
		if err := writeTableSheet(sh, st, cat, heading, t); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// writeTableSheet writes table t on its own sheet under the heading lines.
func writeTableSheet(sh *xlsxSheet, st xlsxStyles, cat *i18n.Catalog, heading []string, t Table) error {
	r := 1
	for _, l := range heading {
		if err := sh.put(1, r, l, st.bold); err != nil {
			return err
		}
		r++
	}
	r++
	if err := sh.put(1, r, t.Title, st.bold); err != nil {
		return err
	}
	r++
	headFirst := r
	depth := t.HeadDepth()
	if err := sh.put(1, r, t.Label, st.head); err != nil {
		return err
	}
	if depth > 1 {
		if err := mergeRange(sh, 1, r, 1, r+depth-1, st.head); err != nil {
			return err
		}
		for i := range t.Heads {
			// Two lines of a wrapped heading in a narrow column.
			if err := sh.f.SetRowHeight(sh.name, r+i, 30); err != nil {
				return err
			}
		}
		for _, h := range t.PlacedHeads() {
			col, row := h.Col+2, r+h.Row
			if err := sh.put(col, row, h.Text, st.head); err != nil {
				return err
			}
			if err := mergeRange(sh, col, row, col+h.Span-1, row+h.Rows-1, st.head); err != nil {
				return err
			}
		}
	} else {
		for i, c := range t.Cols {
			if err := sh.put(i+2, r, c.Head, st.head); err != nil {
				return err
			}
		}
	}
	r += depth
	if t.Numbered {
		if err := sh.put(1, r, "", st.head); err != nil {
			return err
		}
		for i, c := range t.Cols {
			if err := sh.put(i+2, r, c.Num, st.head); err != nil {
				return err
			}
		}
		r++
	}
	headLast := r - 1
	for _, row := range t.Rows {
		label := row.Label
		if row.Sub {
			label = "   " + label
		}
		if err := sh.put(1, r, label, st.label); err != nil {
			return err
		}
		for i, c := range row.Cells {
			var err error
			switch {
			case c.Blank:
				err = sh.put(i+2, r, nil, st.body)
			case !c.IsShare:
				err = sh.put(i+2, r, c.N, st.count)
			case c.Share.Den > 0:
				// Cut to a tenth of a percent like the printed report, so
				// Excel's 0.0% shows the same 98,7%.
				err = sh.put(i+2, r, float64(int64(c.Share.Num)*1000/int64(c.Share.Den))/1000, st.share)
			default:
				err = sh.put(i+2, r, nil, st.share)
			}
			if err != nil {
				return err
			}
		}
		r++
	}
	// The note, a line a row, each across the table's width so that a long
	// line never widens the printed page.
	for _, l := range t.NoteLines() {
		if err := sh.put(1, r, l, st.note); err != nil {
			return err
		}
		if err := mergeRange(sh, 1, r, len(t.Cols)+1, r, st.note); err != nil {
			return err
		}
		if err := sh.f.SetRowHeight(sh.name, r, float64(15*(1+len([]rune(l))/max(40, 12*len(t.Cols))))); err != nil {
			return err
		}
		r++
	}
	if err := sh.f.SetColWidth(sh.name, "A", "A", 40); err != nil {
		return err
	}
	if len(t.Cols) > 0 {
		last, _ := excelize.ColumnNumberToName(len(t.Cols) + 1)
		width := 11.0
		if len(t.Heads) > 0 {
			width = 8 // a national form's many narrow columns, headings wrapped
		}
		if err := sh.f.SetColWidth(sh.name, "B", last, width); err != nil {
			return err
		}
	}
	topLeft, _ := excelize.CoordinatesToCellName(2, headLast+1)
	if err := sh.f.SetPanes(sh.name, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: headLast, TopLeftCell: topLeft,
		ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if err := sh.pageSetup(cat, len(t.Cols) > 6, headFirst, headLast); err != nil {
		return err
	}
	return sh.finish()
}

func mergeRange(sh *xlsxSheet, c1, r1, c2, r2, style int) error {
	if c1 == c2 && r1 == r2 {
		return nil
	}
	a, _ := excelize.CoordinatesToCellName(c1, r1)
	b, err := excelize.CoordinatesToCellName(c2, r2)
	if err != nil {
		return err
	}
	if err := sh.f.MergeCell(sh.name, a, b); err != nil {
		return err
	}
	sh.maxR, sh.maxC = max(sh.maxR, r2), max(sh.maxC, c2)
	return sh.f.SetCellStyle(sh.name, a, b, style)
}

func borders() []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "top", "right", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: "000000", Style: 1})
	}
	return out
}
