package model

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/tiepdan/tiepdan/model/vntext"
)

// Normalize cleans the office settings.
func (o *Office) Normalize() {
	o.Name = vntext.Clean(o.Name, false)
	o.Superior = vntext.Clean(o.Superior, false)
	o.Place = vntext.Clean(o.Place, false)
	o.SignerTitle = vntext.Clean(o.SignerTitle, false)
	o.SignerName = vntext.Clean(o.SignerName, false)
	for k, v := range o.LetterTexts {
		if v = vntext.Clean(v, true); v == "" {
			delete(o.LetterTexts, k)
		} else {
			o.LetterTexts[k] = v
		}
	}
	var leaders []string
	for _, l := range o.Leaders {
		if l = vntext.Clean(l, false); l != "" && !slices.Contains(leaders, l) {
			leaders = append(leaders, l)
		}
	}
	o.Leaders = leaders
	o.Code = strings.ToUpper(vntext.Fold(vntext.Clean(o.Code, false)))
	o.ResultPlace = vntext.Clean(o.ResultPlace, false)
	for i := range o.DeadlineRules {
		o.DeadlineRules[i].Basis = vntext.Clean(o.DeadlineRules[i].Basis, false)
	}
	sort.SliceStable(o.DeadlineRules, func(i, j int) bool {
		a, b := o.DeadlineRules[i], o.DeadlineRules[j]
		if a.Key != b.Key {
			return deadlineOrder(a.Key) < deadlineOrder(b.Key)
		}
		return a.From < b.From
	})
	for i := range o.DayOverrides {
		o.DayOverrides[i].Note = vntext.Clean(o.DayOverrides[i].Note, false)
	}
	sort.SliceStable(o.DayOverrides, func(i, j int) bool { return o.DayOverrides[i].Date < o.DayOverrides[j].Date })
}

// MaxDeadlineDays bounds a deadline rule's days.
const MaxDeadlineDays = 365

func deadlineOrder(k DeadlineKey) int {
	for i, x := range DeadlineKeys() {
		if x == k {
			return i
		}
	}
	return len(DeadlineKeys())
}

// ErrCodeDueReason is the field error for a due date other than the one
// the working calendar gives, without a (new) reason.
const ErrCodeDueReason = "err.due_reason"

// Years the working calendar answers for (model/calendar).
const (
	MinCalendarYear = 1900
	MaxCalendarYear = 2199
)

// Field error codes of the working calendar: a date outside the years the
// calendar answers for, a date given twice, a week without a working day.
const (
	ErrCodeCalendarYear  = "err.calendar_year"
	ErrCodeDuplicateDate = "err.duplicate_date"
	ErrCodeWorkdays      = "err.workdays"
	ErrCodeHours         = "err.hours"
)

// Validate checks the office settings.
func (o *Office) Validate(time.Time) error {
	var e errs
	for k, v := range o.LetterTexts {
		e.choice("LetterTexts", k.Valid())
		e.maxLen("LetterTexts", v, MaxTextLen)
	}
	if e.required("Name", o.Name) {
		e.maxLen("Name", o.Name, MaxShortLen)
	}
	if e.required("Place", o.Place) {
		e.maxLen("Place", o.Place, MaxShortLen)
	}
	e.maxLen("Code", o.Code, 10)
	for _, l := range o.Leaders {
		e.maxLen("Leaders", l, MaxShortLen)
	}
	e.intRange("GroupThreshold", o.GroupThreshold, 2, 1000)
	e.intRange("CutoffDay", o.CutoffDay, 1, 28)
	e.choice("ReportWindow", o.ReportWindow.Valid())
	e.intRange("IntakeCutoffHour", o.IntakeCutoffHour, 0, 24)
	e.intRange("FollowUpDays", o.FollowUpDays, 1, 90)
	e.choice("Protected", o.Protected.Valid())
	seen := map[time.Weekday]bool{}
	for _, w := range o.Workdays {
		if w < time.Sunday || w > time.Saturday || seen[w] {
			e.add("Workdays", ErrCodeWorkdays)
			break
		}
		seen[w] = true
	}
	for i, d := range o.DayOverrides {
		y, _, _ := d.Date.YMD()
		switch {
		case d.Date.IsZero():
			e.add("DayOverrides", ErrCodeRequired)
		case y < MinCalendarYear || y > MaxCalendarYear:
			e.add("DayOverrides", ErrCodeCalendarYear, MinCalendarYear, MaxCalendarYear)
		case i > 0 && d.Date == o.DayOverrides[i-1].Date:
			e.add("DayOverrides", ErrCodeDuplicateDate, d.Date.String())
		}
		e.choice("DayOverrides", d.Kind.Valid())
		e.maxLen("DayOverrides", d.Note, MaxShortLen)
	}
	e.maxLen("ResultPlace", o.ResultPlace, MaxShortLen)
	e.maxLen("Printer", o.Printer, MaxShortLen)
	e.maxLen("SlipSymbol", o.SlipSymbol, 20)
	e.maxLen("ReportNumber", o.ReportNumber, 20)
	if len(o.OfficeHours) > 0 {
		if _, ok := ParseHours(FormatHours(o.OfficeHours)); !ok {
			e.add("OfficeHours", ErrCodeHours)
		}
	}
	for i, r := range o.DeadlineRules {
		e.choice("DeadlineKey", r.Key.Valid())
		e.choice("CountMode", r.Mode.Valid())
		e.intRange("DeadlineDays", r.Days, 1, MaxDeadlineDays)
		e.maxLen("Basis", r.Basis, MaxShortLen)
		if i > 0 && r.Key == o.DeadlineRules[i-1].Key && r.From == o.DeadlineRules[i-1].From {
			e.add("DeadlineFrom", ErrCodeDuplicateDate, r.From.String())
		}
	}
	for i, r := range o.CutoffRules {
		e.intRange("CutoffDay", r.Day, 1, 28)
		if i > 0 && r.From <= o.CutoffRules[i-1].From {
			e.add("CutoffFrom", ErrCodeBefore, o.CutoffRules[i-1].From.String())
		}
	}
	for i, r := range o.SessionRules {
		e.intRange("SessionRules", r.PerMonth, 0, 31)
		e.intRange("SessionRules", r.PerWeek, 0, 7)
		if i > 0 && r.From <= o.SessionRules[i-1].From {
			e.add("SessionFrom", ErrCodeBefore, o.SessionRules[i-1].From.String())
		}
	}
	return e.err()
}
