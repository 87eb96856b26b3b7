package report

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
)

// PeriodLabel names a period for people: "Tháng 10/2026", "Quý 4/2026",
// "6 tháng đầu năm 2026", "Năm 2026", "Kỳ báo cáo tháng 11/2026", or the
// range's dates.
func PeriodLabel(cat *i18n.Catalog, p model.Period) string {
	y, m, _ := p.From.YMD()
	switch p.Kind {
	case model.PeriodMonth:
		return cat.T("period.month", int(m), y)
	case model.PeriodQuarter:
		return cat.T("period.quarter", (int(m)-1)/3+1, y)
	case model.PeriodHalf:
		return cat.T("period.half", cat.T("period.half"+string(rune('1'+(int(m)-1)/6))), y)
	case model.PeriodYear:
		return cat.T("period.year", y)
	case model.PeriodWindow:
		ty, tm, _ := p.To.YMD()
		return cat.T("period.window", int(tm), ty)
	}
	return cat.T("period.range", p.From.String(), p.To.String())
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
