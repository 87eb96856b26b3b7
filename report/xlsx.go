package report

import (
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

// writeXLSX writes the summary as a workbook: a first sheet with the
// heading and the prose, one sheet per section with its tables, and a sheet
// of the identities. Counts are numbers; shares are fractions formatted
// 0.0%, so the office can compute with them.
func writeXLSX(w io.Writer, s *Summary, cat *i18n.Catalog) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12}})
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 11},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"},
		Border:    borders()})
	if err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 11}, Border: borders(),
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	pct := "0.0%"
	share, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 11}, Border: borders(),
		CustomNumFmt: &pct})
	if err != nil {
		return err
	}
	thousands, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 11}, Border: borders(), NumFmt: 3})
	if err != nil {
		return err
	}
	prose, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}

	first := sheetName(cat.T("rpt.sec.prose"))
	if err := f.SetSheetName("Sheet1", first); err != nil {
		return err
	}
	rowN := 1
	put := func(sheet string, col int, row int, v any, style int) error {
		cell, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return err
		}
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	}
	lines := append([]string{s.Office.Name}, PeriodLines(cat, cat.T("rpt.title")+": "+cat.T("rpt.subtitle"), s.Period)...)
	for _, l := range lines {
		if err := put(first, 1, rowN, l, bold); err != nil {
			return err
		}
		rowN++
	}
	rowN++
	for _, p := range s.Prose(cat) {
		if err := put(first, 1, rowN, p, prose); err != nil {
			return err
		}
		if err := f.SetRowHeight(first, rowN, float64(16*(1+len([]rune(p))/110))); err != nil {
			return err
		}
		rowN++
	}
	if err := f.SetColWidth(first, "A", "A", 120); err != nil {
		return err
	}

	type sheet struct {
		name   string
		tables []Table
	}
	var sheets []sheet
	for _, sec := range s.Sections(cat) {
		sheets = append(sheets, sheet{sheetName(sec.Title), sec.Tables})
	}
	sheets = append(sheets, sheet{sheetName(cat.T("rpt.sec.check")), []Table{s.CheckTable(cat)}})
	for _, sh := range sheets {
		if _, err := f.NewSheet(sh.name); err != nil {
			return err
		}
		r := 1
		maxCols := 1
		for _, t := range sh.tables {
			if err := put(sh.name, 1, r, t.Title, bold); err != nil {
				return err
			}
			r++
			if err := put(sh.name, 1, r, t.Label, head); err != nil {
				return err
			}
			for i, c := range t.Cols {
				if err := put(sh.name, i+2, r, c.Head, head); err != nil {
					return err
				}
			}
			maxCols = max(maxCols, len(t.Cols)+1)
			r++
			for _, row := range t.Rows {
				label := row.Label
				if row.Sub {
					label = "   " + label
				}
				if err := put(sh.name, 1, r, label, body); err != nil {
					return err
				}
				for i, c := range row.Cells {
					var err error
					switch {
					case !c.IsShare:
						err = put(sh.name, i+2, r, c.N, thousands)
					case c.Share.Den > 0:
						// Cut to a tenth of a percent like the printed report, so
						// Excel's 0.0% shows the same 98,7%.
						err = put(sh.name, i+2, r, float64(int64(c.Share.Num)*1000/int64(c.Share.Den))/1000, share)
					default:
						err = put(sh.name, i+2, r, "", share)
					}
					if err != nil {
						return err
					}
				}
				r++
			}
			if t.Note != "" {
				if err := put(sh.name, 1, r, t.Note, 0); err != nil {
					return err
				}
				r++
			}
			r++
		}
		last, _ := excelize.ColumnNumberToName(maxCols)
		if err := f.SetColWidth(sh.name, "A", "A", 45); err != nil {
			return err
		}
		if maxCols > 1 {
			if err := f.SetColWidth(sh.name, "B", last, 12); err != nil {
				return err
			}
		}
	}
	_, err = f.WriteTo(w)
	return err
}

func borders() []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "top", "right", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: "000000", Style: 1})
	}
	return out
}
