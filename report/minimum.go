package report

import (
	"strings"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
)

// MinimumText says how the legal minimum of periodic reception days was
// counted, to be shown beside the figure: "Tối thiểu 24 ngày: 24 tuần có
// ngày làm việc, mỗi tuần 1 ngày; không tính 1 tuần không có ngày làm việc
// (nghỉ lễ, Tết)."
func MinimumText(cat *i18n.Catalog, m model.SessionMinimum) string {
	var parts []string
	if m.Weeks > 0 {
		if m.WeekDays == m.Weeks {
			parts = append(parts, cat.T("rpt.min.weeks", vntext.Int(m.Weeks)))
		} else {
			parts = append(parts, cat.T("rpt.min.weeks_days", vntext.Int(m.Weeks), vntext.Int(m.WeekDays)))
		}
	}
	if m.IdleWeeks > 0 {
		parts = append(parts, cat.T("rpt.min.idle", vntext.Int(m.IdleWeeks)))
	}
	if m.Months > 0 {
		if m.MonthDays%m.Months == 0 {
			parts = append(parts, cat.T("rpt.min.months", vntext.Int(m.Months), vntext.Int(m.MonthDays/m.Months)))
		} else {
			parts = append(parts, cat.T("rpt.min.months_days", vntext.Int(m.Months), vntext.Int(m.MonthDays)))
		}
	}
	if len(parts) == 0 {
		parts = append(parts, cat.T("rpt.min.none"))
	}
	return cat.T("rpt.min", vntext.Int(m.Required), strings.Join(parts, "; ")) + " " + cat.T("rpt.min.edges")
}
