package model_test

import (
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
)

func TestRequiredSessions(t *testing.T) {
	rules := model.DefaultSessionRules()
	rng := func(y int, m1 time.Month, d1 int, m2 time.Month, d2 int) model.Period {
		return model.Period{Kind: model.PeriodRange, From: model.NewDate(y, m1, d1), To: model.NewDate(y, m2, d2)}
	}
	for _, tc := range []struct {
		name string
		p    model.Period
		want int
	}{
		{"October 2026, two a month", model.MonthPeriod(2026, time.October), 2},
		{"Q4 2026", model.QuarterPeriod(2026, 4), 6},
		{"year 2027", model.YearPeriod(2027), 24},
		{"May 2026 has five Fridays", model.MonthPeriod(2026, time.May), 5},
		{"June 2026 has four Fridays", model.MonthPeriod(2026, time.June), 4},
		// 26 weeks ending in H1 2026, then 2 a month for six months.
		{"year 2026 straddles the change", model.YearPeriod(2026), 26 + 12},
		{"official window 15/10-14/11 holds October's end", model.WindowPeriod(2026, time.November, 14), 2},
		{"a single week after the change", rng(2026, 10, 5, 10, 11), 0},
		{"a Monday-Thursday before the change", rng(2025, 3, 3, 3, 6), 0},
		{"starts on a Wednesday: that week counts", rng(2025, 3, 5, 3, 14), 2},
		{"ends on a Wednesday: that week is the next period's", rng(2025, 3, 3, 3, 12), 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := model.RequiredSessions(rules, tc.p, nil).Required; got != tc.want {
				t.Errorf("RequiredSessions(%v) = %d, want %d", tc.p, got, tc.want)
			}
		})
	}
	if got := model.RequiredSessions(nil, model.YearPeriod(2026), nil); got.Required != 0 {
		t.Errorf("no rules: %+v, want 0", got)
	}
}

// TestRequiredSessionsSkipIdleWeeks: a week without a working day requires
// no session and is reported as idle.
func TestRequiredSessionsSkipIdleWeeks(t *testing.T) {
	off := map[model.Date]bool{}
	for d := model.NewDate(2022, 1, 31); d <= model.NewDate(2022, 2, 4); d++ {
		off[d] = true
	}
	working := func(d model.Date) bool {
		w := d.Weekday()
		return w != time.Saturday && w != time.Sunday && !off[d]
	}
	got := model.RequiredSessions(model.DefaultSessionRules(), model.MonthPeriod(2022, time.February), working)
	// Weeks ending 4/2 (idle), 11/2, 18/2, 25/2.
	want := model.SessionMinimum{Required: 3, Weeks: 3, WeekDays: 3, IdleWeeks: 1}
	if got != want {
		t.Errorf("February 2022 = %+v, want %+v", got, want)
	}
}

// TestRequiredSessionsAddUp: every week and month counts in exactly one
// period, so the minimums of the months add up to the year's, and of the
// official windows to the official year's.
func TestRequiredSessionsAddUp(t *testing.T) {
	rules := model.DefaultSessionRules()
	for _, y := range []int{2022, 2025, 2026, 2027} {
		sum, win := 0, 0
		for m := time.January; m <= time.December; m++ {
			sum += model.RequiredSessions(rules, model.MonthPeriod(y, m), nil).Required
			win += model.RequiredSessions(rules, model.WindowPeriod(y, m, 14), nil).Required
		}
		if whole := model.RequiredSessions(rules, model.YearPeriod(y), nil).Required; sum != whole {
			t.Errorf("%d: months add to %d, year %d", y, sum, whole)
		}
		official := model.Period{From: model.NewDate(y-1, 12, 15), To: model.NewDate(y, 12, 14)}
		if whole := model.RequiredSessions(rules, official, nil).Required; win != whole {
			t.Errorf("%d: windows add to %d, official year %d", y, win, whole)
		}
	}
}
