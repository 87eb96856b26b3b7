package model_test

import (
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
)

func TestRequiredSessions(t *testing.T) {
	rules := model.DefaultSessionRules()
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
		// 26 Fridays in H1 2026, then 2 a month for six months.
		{"year 2026 straddles the change", model.YearPeriod(2026), 26 + 12},
		{"official window 15/10-14/11", model.WindowPeriod(2026, time.November, 14), 2},
		{"a single week after the change", model.Period{From: model.NewDate(2026, 10, 5), To: model.NewDate(2026, 10, 11)}, 0},
		{"a Monday-Thursday before the change", model.Period{From: model.NewDate(2025, 3, 3), To: model.NewDate(2025, 3, 6)}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := model.RequiredSessions(rules, tc.p); got != tc.want {
				t.Errorf("RequiredSessions(%v) = %d, want %d", tc.p, got, tc.want)
			}
		})
	}
	if got := model.RequiredSessions(nil, model.YearPeriod(2026)); got != 0 {
		t.Errorf("no rules: %d, want 0", got)
	}
}
