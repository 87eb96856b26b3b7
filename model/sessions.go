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

// RequiredSessions returns how many periodic sessions the rules require in
// p. A weekly rule counts each week whose Friday falls in p; a monthly rule
// counts each month in full and a part month pro rata by days, the total
// rounded to the nearest whole session (the official window 15/10-14/11
// requires 2, a single week 0). Rules must be sorted by From.
func RequiredSessions(rules []SessionRule, p Period) int {
	if len(rules) == 0 || p.To < p.From {
		return 0
	}
	weekly := 0
	var monthly float64
	for d := p.From; d <= p.To; d++ {
		r, ok := ruleAt(rules, d)
		if !ok {
			continue
		}
		if r.PerWeek > 0 && d.Weekday() == time.Friday {
			weekly += r.PerWeek
		}
		if r.PerMonth > 0 {
			y, m, _ := d.YMD()
			days := int(NewDate(y, m+1, 1) - NewDate(y, m, 1))
			monthly += float64(r.PerMonth) / float64(days)
		}
	}
	return weekly + int(monthly+0.5+1e-9)
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
