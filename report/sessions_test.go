package report_test

import (
	"strings"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
	"github.com/tiepdan/tiepdan/report"
)

// sessionsOnly is a PeriodScanner over periodic sessions.
type sessionsOnly []model.Date

func (s sessionsOnly) ScanPeriod(_, _ model.Date, v model.PeriodVisitor) error {
	for _, d := range s {
		if err := v.Session(model.SessionFacts{Date: d, Kind: model.SessionPeriodic}); err != nil {
			return err
		}
	}
	return nil
}

// weeklySessions holds one session in every week of p that has a working
// day, on its last working day (the Friday, or the day before a bridge).
func weeklySessions(cal *calendar.Calendar, p model.Period) sessionsOnly {
	var out sessionsOnly
	for d := p.From; d <= p.To+6; d++ {
		if d.Weekday() != time.Sunday {
			continue
		}
		for x := d; x > d-7; x-- {
			if cal.IsWorkingDay(x) {
				if p.Contains(x) {
					out = append(out, x)
				}
				break
			}
		}
	}
	return out
}

// TestTet2022HalfYearMeetsTheMinimum: an office that received citizens every
// week with a working day in the first half of 2022 met the law, though the
// Tết week (31/01-04/02) had no session: the old count asked for one every
// calendar Friday and said "chưa đạt".
func TestTet2022HalfYearMeetsTheMinimum(t *testing.T) {
	office := model.DefaultOffice()
	h1 := model.HalfPeriod(2022, 1)
	held := weeklySessions(calendar.ForOffice(office), h1)
	sum, err := report.Compute(held, office, h1, model.NewDate(2022, 7, 1))
	if err != nil {
		t.Fatal(err)
	}
	r := sum.Reception
	if r.Short() || r.SessionDays != 24 || r.RequiredSessions != 24 {
		t.Errorf("H1 2022: held %d days, required %d, short %v; want 24, 24, false", r.SessionDays, r.RequiredSessions, r.Short())
	}
	if r.Minimum.IdleWeeks != 1 {
		t.Errorf("idle weeks %d, want the Tết week", r.Minimum.IdleWeeks)
	}
	prose := strings.Join(sum.Prose(vi), "\n")
	if strings.Contains(prose, "chưa đạt") || strings.Contains(prose, "Chưa đạt") {
		t.Errorf("prose says the minimum was missed:\n%s", prose)
	}
	var tables []string
	for _, sec := range sum.Sections(vi) {
		for _, tb := range sec.Tables {
			tables = append(tables, tb.TextLines(vi, 200, nil)...)
		}
	}
	mustContain(t, strings.Join(tables, "\n"),
		"Tối thiểu 24 ngày: 24 tuần có ngày làm việc, mỗi tuần 1 ngày; không tính 1 tuần không có ngày làm việc (nghỉ lễ, Tết).")
}

// TestNghiBuWeekAndMidWeekStart: the week of 27/04/2026 (Monday off for Giỗ
// Tổ on a Sunday, 30/4 and 1/5 off) still needs its session, held on
// Wednesday 29/4, and counts in April; a period that starts on a Wednesday
// counts its first week.
func TestNghiBuWeekAndMidWeekStart(t *testing.T) {
	office := model.DefaultOffice()
	cal := calendar.ForOffice(office)
	if cal.IsWorkingDay(model.NewDate(2026, 4, 27)) || !cal.IsWorkingDay(model.NewDate(2026, 4, 29)) {
		t.Fatal("calendar: 27/04/2026 should be the nghỉ bù of Giỗ Tổ and 29/04 a working day")
	}
	for _, tc := range []struct {
		name string
		p    model.Period
		want int
	}{
		{"April 2026", model.MonthPeriod(2026, time.April), 5},
		{"May 2026 (the week of 1/5 was April's)", model.MonthPeriod(2026, time.May), 4},
		{"Wednesday 08/04 to 30/04", model.Period{Kind: model.PeriodRange, From: model.NewDate(2026, 4, 8), To: model.NewDate(2026, 4, 30)}, 4},
	} {
		held := weeklySessions(cal, tc.p)
		sum, err := report.Compute(held, office, tc.p, model.NewDate(2026, 6, 1))
		if err != nil {
			t.Fatal(err)
		}
		if r := sum.Reception; r.RequiredSessions != tc.want || r.SessionDays != tc.want || r.Short() {
			t.Errorf("%s: required %d, held %d, short %v; want %d", tc.name, r.RequiredSessions, r.SessionDays, r.Short(), tc.want)
		}
	}
}
