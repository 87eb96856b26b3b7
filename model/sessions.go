package model

import "time"

// SessionRule is the legal minimum of periodic reception sessions a leader
// must hold, in force from a date until the next rule: PerWeek sessions a
// week, or PerMonth sessions a month. The law changes (weekly until
// 30/6/2026, at least two days a month from 1/7/2026), so the office keeps
// the rules with their dates and old periods are judged by the old rule.
type SessionRule struct {
	From     Date `json:"from"`
	PerWeek  int  `json:"pw,omitempty"`
	PerMonth int  `json:"pm,omitempty"`
}

// DefaultSessionRules returns the rules a new office starts with.
func DefaultSessionRules() []SessionRule {
	return []SessionRule{
		{PerWeek: 1},
		{From: NewDate(2026, time.July, 1), PerMonth: 2},
	}
}

// SessionMinimum is the legal minimum of periodic reception days in a
// period and how it was counted, so the figure can be shown with its rule
// ("tối thiểu 24 ngày: 24 tuần có ngày làm việc, trừ 1 tuần không có ngày
// làm việc").
type SessionMinimum struct {
	// Required is the minimum number of days with a periodic session.
	Required int
	// Weeks are the weeks judged by a weekly rule that count in the period;
	// WeekDays the days they require.
	Weeks, WeekDays int
	// IdleWeeks are weeks judged by a weekly rule that have no working day
	// at all (a Tết week): they require nothing.
	IdleWeeks int
	// Months are the months judged by a monthly rule that count in the
	// period; MonthDays the days they require.
	Months, MonthDays int
}

// RequiredSessions returns the legal minimum of periodic reception days in
// p. working tells the office's working days (nil: Monday to Friday).
//
// Each week (Monday to Sunday) and each calendar month is counted in
// exactly one period, so the minimums of adjacent periods add up: the one
// that holds its last working day, judged by the rule in force on that day.
// A week with no working day (Tết) requires nothing; it is reported in
// IdleWeeks when its Friday falls in p. So a period that starts mid-week
// counts that week (its last working day is still ahead), one that ends
// mid-week leaves it to the next period; the official window 15/10-14/11
// counts October (2 days under the monthly rule), a calendar month its own
// month, and a range that holds no month's end requires no monthly days.
// Rules must be sorted by From.
func RequiredSessions(rules []SessionRule, p Period, working func(Date) bool) SessionMinimum {
	var m SessionMinimum
	if len(rules) == 0 || p.To < p.From {
		return m
	}
	if working == nil {
		working = func(d Date) bool { w := d.Weekday(); return w != time.Saturday && w != time.Sunday }
	}
	lastWorking := func(from, to Date) (Date, bool) {
		for d := to; d >= from; d-- {
			if working(d) {
				return d, true
			}
		}
		return 0, false
	}
	monday := p.From - Date((int(p.From.Weekday())+6)%7)
	for w := monday; w <= p.To; w += 7 {
		last, ok := lastWorking(w, w+6)
		if !ok {
			if fri := w + 4; p.Contains(fri) {
				if r, found := ruleAt(rules, fri); found && r.PerWeek > 0 {
					m.IdleWeeks++
				}
			}
			continue
		}
		if r, found := ruleAt(rules, last); found && r.PerWeek > 0 && p.Contains(last) {
			m.Weeks++
			m.WeekDays += r.PerWeek
		}
	}
	y, mo, _ := p.From.YMD()
	for first := NewDate(y, mo, 1); first <= p.To; {
		fy, fm, _ := first.YMD()
		next := NewDate(fy, fm+1, 1)
		if last, ok := lastWorking(first, next-1); ok && p.Contains(last) {
			if r, found := ruleAt(rules, last); found && r.PerMonth > 0 {
				m.Months++
				m.MonthDays += r.PerMonth
			}
		}
		first = next
	}
	m.Required = m.WeekDays + m.MonthDays
	return m
}

func ruleAt(rules []SessionRule, d Date) (SessionRule, bool) {
	var r SessionRule
	found := false
	for _, x := range rules {
		if x.From <= d {
			r, found = x, true
		}
	}
	return r, found
}
