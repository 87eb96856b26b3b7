package report

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
)

// PeriodLabel names a period for a screen's bar: "Tháng 10/2026", "Quý
// 4/2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026", with
// "(chính thức)" for the official window, or the range's dates.
func PeriodLabel(cat *i18n.Catalog, p model.Period) string {
	y, m := p.Label()
	var s string
	switch p.Kind {
	case model.PeriodMonth:
		s = cat.T("period.month", int(m), y)
	case model.PeriodQuarter:
		s = cat.T("period.quarter", int(m)/3, y)
	case model.PeriodHalf:
		s = cat.T("period.half", cat.T("period.half"+string(rune('0'+int(m)/6))), y)
	case model.PeriodNine:
		s = cat.T("period.nine", y)
	case model.PeriodYear:
		s = cat.T("period.year", y)
	default:
		return cat.T("period.range", p.From.String(), p.To.String())
	}
	if p.Official {
		s += " " + cat.T("period.official_tag")
	}
	return s
}

// PeriodHeading names a period as offices write it after a report's
// subject: "tháng 10 năm 2026", "quý III năm 2026", "6 tháng đầu năm 2022",
// "9 tháng năm 2026", "năm 2025"; a custom range "từ ngày 01/01/2022 đến
// ngày 30/05/2022".
func PeriodHeading(cat *i18n.Catalog, p model.Period) string {
	y, m := p.Label()
	switch p.Kind {
	case model.PeriodMonth:
		return cat.T("period.h_month", int(m), y)
	case model.PeriodQuarter:
		return cat.T("period.h_quarter", roman(int(m)/3), y)
	case model.PeriodHalf:
		return cat.T("period.half", cat.T("period.half"+string(rune('0'+int(m)/6))), y)
	case model.PeriodNine:
		return cat.T("period.nine", y)
	case model.PeriodYear:
		return cat.T("period.h_year", y)
	}
	return cat.T("period.h_range", p.From.String(), p.To.String())
}

// PeriodDates gives a named period's dates as offices add them under the
// heading: "(số liệu từ ngày 15/12/2021 đến ngày 14/06/2022)"; empty for a
// custom range, whose heading holds them.
func PeriodDates(cat *i18n.Catalog, p model.Period) string {
	if p.Kind == model.PeriodRange {
		return ""
	}
	return cat.T("period.dates", p.From.String(), p.To.String())
}

// PeriodLines are the heading lines of a report on p: its subject with the
// period's name, then its dates.
func PeriodLines(cat *i18n.Catalog, subject string, p model.Period) []string {
	out := []string{subject + " " + PeriodHeading(cat, p)}
	if d := PeriodDates(cat, p); d != "" {
		out = append(out, d)
	}
	return out
}

// PeriodErrorText explains a refused period in the catalogue's language,
// naming what was typed and what is expected.
func PeriodErrorText(cat *i18n.Catalog, err error) string {
	var pe *model.PeriodError
	if errors.As(err, &pe) {
		return cat.T("period.bad", pe.Input, cat.T("period."+pe.Reason))
	}
	return cat.T("period.bad", "", err.Error())
}

// WriteErrorText explains why an export could not be written to path.
func WriteErrorText(cat *i18n.Catalog, path string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return cat.T("cli.write_no_folder", path, filepath.Dir(path))
	case errors.Is(err, fs.ErrPermission):
		return cat.T("cli.write_permission", path)
	case errors.Is(err, syscall.EROFS):
		return cat.T("cli.write_read_only", path)
	}
	return cat.T("cli.write_failed", path, err.Error())
}
