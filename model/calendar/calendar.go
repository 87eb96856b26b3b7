package calendar

import (
	"errors"
	"sort"
	"sync"
	"time"

	"github.com/tiepdan/tiepdan/model"
)

// Years the calendar answers for. Dates outside are refused with
// ErrYearRange rather than computed from formulas that were never checked
// there.
const (
	MinYear = model.MinCalendarYear
	MaxYear = model.MaxCalendarYear
)

// ErrYearRange means a year outside MinYear..MaxYear.
var ErrYearRange = errors.New("calendar: year out of range")

// Holiday names, as catalogue keys ("hol.…").
const (
	NewYear       = "hol.new_year"
	TetEve        = "hol.tet_eve"
	Tet1          = "hol.tet_1"
	Tet2          = "hol.tet_2"
	Tet3          = "hol.tet_3"
	Tet4          = "hol.tet_4"
	HungKings     = "hol.hung_kings"
	Reunification = "hol.reunification"
	Labour        = "hol.labour"
	National      = "hol.national"
	NationalExtra = "hol.national_extra"
	Compensation  = "hol.compensation" // a holiday moved off a rest day
	OverrideOff   = "hol.override_off" // an extra day off set by the administrator
)

// Override is one date the administrator set: an extra day off or a
// swapped working day (model.DayOverride, kept in the office settings).
type Override = model.DayOverride

// Holiday is a day off other than a weekly rest day: a public holiday, a
// day moved off a rest day, or an override. Name is a catalogue key; Note
// the administrator's text for overrides; For the holiday a compensation
// day replaces.
type Holiday struct {
	Date model.Date
	Name string
	Note string
	For  string
}

// Calendar answers which days are working days. It is safe for concurrent
// use; holidays are computed once per year.
type Calendar struct {
	work      [7]bool
	overrides map[model.Date]Override
	mu        sync.Mutex
	years     map[int]map[model.Date]Holiday
	// cums holds, per year, the running count of working days: cums[y][i]
	// is the number among the first i days of year y.
	cums map[int][]int32
}

// DefaultWorkdays are Monday to Friday.
func DefaultWorkdays() []time.Weekday {
	return []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
}

// New returns the calendar with the given working weekdays (none: Monday to
// Friday) and overrides.
func New(workdays []time.Weekday, overrides []Override) *Calendar {
	if len(workdays) == 0 {
		workdays = DefaultWorkdays()
	}
	c := &Calendar{overrides: map[model.Date]Override{}, years: map[int]map[model.Date]Holiday{},
		cums: map[int][]int32{}}
	for _, w := range workdays {
		c.work[w] = true
	}
	for _, o := range overrides {
		c.overrides[o.Date] = o
	}
	return c
}

// ForOffice returns the calendar of an office's settings.
func ForOffice(o model.Office) *Calendar { return New(o.Workdays, o.DayOverrides) }

// Default is Monday to Friday with no overrides.
func Default() *Calendar { return New(nil, nil) }

// rest reports whether d is a weekly rest day (before holidays).
func (c *Calendar) rest(d model.Date) bool { return !c.work[d.Weekday()] }

// RestDay reports whether d is a weekly rest day that no override made a
// working day.
func (c *Calendar) RestDay(d model.Date) bool {
	if o, ok := c.overrides[d]; ok && o.Kind == model.WorkDay {
		return false
	}
	return c.rest(d)
}

// InRange reports whether d's year is one the calendar answers for.
func InRange(d model.Date) bool {
	y, _, _ := d.YMD()
	return y >= MinYear && y <= MaxYear
}

// rules returns the public holidays of solar year y by the Labour Code
// (Article 112 of the 2019 code; earlier rules for earlier years), before
// any move off a rest day.
func rules(y int) []Holiday {
	var hs []Holiday
	add := func(d model.Date, name string) { hs = append(hs, Holiday{Date: d, Name: name}) }
	add(model.NewDate(y, 1, 1), NewYear)
	if tet, ok := Solar(LunarDate{Year: y, Month: 1, Day: 1}); ok {
		// The PM fixes the five days each year; by default the last day of
		// the old year and the first four of the new (four days before 2013).
		add(tet-1, TetEve)
		add(tet, Tet1)
		add(tet+1, Tet2)
		add(tet+2, Tet3)
		if y >= 2013 {
			add(tet+3, Tet4)
		}
	}
	if y >= 2007 {
		if d, ok := Solar(LunarDate{Year: y, Month: 3, Day: 10}); ok {
			add(d, HungKings)
		}
	}
	add(model.NewDate(y, 4, 30), Reunification)
	add(model.NewDate(y, 5, 1), Labour)
	sep2 := model.NewDate(y, 9, 2)
	add(sep2, National)
	if y >= 2021 {
		// One day next to 2/9, chosen by the PM; by default the one that
		// joins it to the weekend (Thursday for a Wednesday 2/9).
		switch sep2.Weekday() {
		case time.Tuesday, time.Friday, time.Saturday:
			add(sep2-1, NationalExtra)
		default:
			add(sep2+1, NationalExtra)
		}
	}
	return hs
}

// year returns the days off of solar year y other than rest days: rule
// holidays (those falling on a rest day move to the next working day) and
// overrides. Tết days of a lunar year that straddles two solar years are
// placed by date, so a year's table holds the days that fall in it.
func (c *Calendar) year(y int) map[model.Date]Holiday {
	c.mu.Lock()
	defer c.mu.Unlock()
	if m, ok := c.years[y]; ok {
		return m
	}
	// Rules of y-1 and y+1 can spill into y (Tết eve on 31/12, a moved day
	// into the next January).
	var hs []Holiday
	for _, yy := range []int{y - 1, y, y + 1} {
		hs = append(hs, rules(yy)...)
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i].Date < hs[j].Date })
	off := map[model.Date]Holiday{}
	for _, h := range hs {
		off[h.Date] = h
	}
	// A holiday on a rest day gives the next day that is neither a rest day
	// nor a holiday (Article 112(3)).
	for _, h := range hs {
		if !c.rest(h.Date) {
			continue
		}
		d := h.Date + 1
		for c.rest(d) || off[d].Name != "" {
			d++
		}
		off[d] = Holiday{Date: d, Name: Compensation, For: h.Name}
	}
	m := map[model.Date]Holiday{}
	for d, h := range off {
		if yy, _, _ := d.YMD(); yy == y && !c.rest(d) {
			m[d] = h
		}
	}
	for d, o := range c.overrides {
		if yy, _, _ := d.YMD(); yy != y {
			continue
		}
		switch o.Kind {
		case model.DayOff:
			if h, ok := m[d]; ok {
				h.Note = o.Note
				m[d] = h
			} else {
				m[d] = Holiday{Date: d, Name: OverrideOff, Note: o.Note}
			}
		case model.WorkDay:
			delete(m, d)
		}
	}
	c.years[y] = m
	return m
}

// IsWorkingDay reports whether d is a working day: a working weekday that
// is no holiday, or a date the administrator made a working day.
func (c *Calendar) IsWorkingDay(d model.Date) bool {
	if o, ok := c.overrides[d]; ok {
		return o.Kind == model.WorkDay
	}
	if c.rest(d) {
		return false
	}
	y, _, _ := d.YMD()
	_, off := c.year(y)[d]
	return !off
}

// DayOff returns why d is off when it is a holiday or override (not for a
// plain rest day).
func (c *Calendar) DayOff(d model.Date) (Holiday, bool) {
	y, _, _ := d.YMD()
	h, ok := c.year(y)[d]
	return h, ok
}

// Holidays returns the days off of solar year y other than weekly rest
// days, in date order. Rest days that are holidays are listed too, so the
// year's table shows Tết whole.
func (c *Calendar) Holidays(y int) ([]Holiday, error) {
	if y < MinYear || y > MaxYear {
		return nil, ErrYearRange
	}
	m := c.year(y)
	out := make([]Holiday, 0, len(m)+4)
	for _, h := range m {
		out = append(out, h)
	}
	for _, h := range rules(y) {
		if _, listed := m[h.Date]; !listed && c.rest(h.Date) {
			if o, ok := c.overrides[h.Date]; !ok || o.Kind != model.WorkDay {
				out = append(out, h)
			}
		}
	}
	for _, yy := range []int{y - 1, y + 1} { // Tết eve of the next year on 31/12
		for _, h := range rules(yy) {
			if hy, _, _ := h.Date.YMD(); hy == y && c.rest(h.Date) {
				out = append(out, h)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out, nil
}

// AddWorkingDays returns the date n working days after d: the n-th working
// day following d (d itself never counts). n = 0 returns d; a negative n
// counts back to the |n|-th working day before d.
func (c *Calendar) AddWorkingDays(d model.Date, n int) model.Date {
	for n > 0 {
		d++
		if c.IsWorkingDay(d) {
			n--
		}
	}
	for n < 0 {
		d--
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return d
}

// NextWorkingDay returns the first working day after d.
func (c *Calendar) NextWorkingDay(d model.Date) model.Date { return c.AddWorkingDays(d, 1) }

// OnOrAfter returns d if it is a working day, or the next one.
func (c *Calendar) OnOrAfter(d model.Date) model.Date {
	if c.IsWorkingDay(d) {
		return d
	}
	return c.NextWorkingDay(d)
}

// WorkingDaysBetween counts the working days after a up to and including
// b: the inverse of AddWorkingDays. It is negative when b is before a.
// Spans longer than two months are counted from per-year running totals,
// so a dossier late by years costs no more than one late by a week.
func (c *Calendar) WorkingDaysBetween(a, b model.Date) int {
	if b < a {
		return -c.WorkingDaysBetween(b, a)
	}
	if b-a > 62 {
		ya, _, _ := a.YMD()
		return c.through(b, ya) - c.through(a, ya)
	}
	n := 0
	for d := a + 1; d <= b; d++ {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}

// cum returns year y's running count of working days, computing it once.
func (c *Calendar) cum(y int) []int32 {
	c.mu.Lock()
	v, ok := c.cums[y]
	c.mu.Unlock()
	if ok {
		return v
	}
	first, next := model.NewDate(y, time.January, 1), model.NewDate(y+1, time.January, 1)
	v = make([]int32, next-first+1)
	for i := model.Date(0); i < next-first; i++ {
		v[i+1] = v[i]
		if c.IsWorkingDay(first + i) {
			v[i+1]++
		}
	}
	c.mu.Lock()
	c.cums[y] = v
	c.mu.Unlock()
	return v
}

// through counts the working days from 1 January of year from up to and
// including d (d in year from or later).
func (c *Calendar) through(d model.Date, from int) int {
	y, _, _ := d.YMD()
	n := 0
	for yy := from; yy < y; yy++ {
		v := c.cum(yy)
		n += int(v[len(v)-1])
	}
	return n + int(c.cum(y)[d-model.NewDate(y, time.January, 1)+1])
}

// WorkingDaysInMonth counts the working days of a month.
func (c *Calendar) WorkingDaysInMonth(y int, m time.Month) int {
	first := model.NewDate(y, m, 1)
	next := model.NewDate(y, m+1, 1)
	return c.WorkingDaysBetween(first-1, next-1)
}

// Intake returns the day a dossier received at at counts as received: that
// day when it is a working day and the dossier came before the intake
// cut-off hour, else the next working day.
func (c *Calendar) Intake(at time.Time, cutoffHour int) model.Date {
	d := model.DateOf(at)
	if !c.IsWorkingDay(d) || at.In(model.VN).Hour() >= cutoffHour {
		return c.NextWorkingDay(d)
	}
	return d
}

// DossierDue returns the appointment date of a dossier received at at for
// a procedure of days working days: days working days after the day it
// counts as received (Intake).
func (c *Calendar) DossierDue(at time.Time, days, cutoffHour int) model.Date {
	return c.AddWorkingDays(c.Intake(at, cutoffHour), days)
}

// SwappedWorkdays returns the overrides of year y that make a rest day a
// working day, in date order.
func (c *Calendar) SwappedWorkdays(y int) []Override {
	var out []Override
	for d, o := range c.overrides {
		if oy, _, _ := d.YMD(); oy == y && o.Kind == model.WorkDay && c.rest(d) {
			out = append(out, o)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// Describe names a day off through the catalogue function t: the holiday
// (with its lunar date when lunar is set and it is a lunar holiday), the
// holiday a compensation day replaces, the administrator's note, and
// whether it falls on a weekly rest day of c.
func (c *Calendar) Describe(h Holiday, t func(key string, args ...any) string, lunar bool) string {
	s := t(h.Name)
	switch h.Name {
	case Compensation:
		s = t(h.Name, t(h.For))
	case TetEve, Tet1, Tet2, Tet3, Tet4, HungKings:
		if lunar {
			l := Lunar(h.Date)
			s += " (" + t("hol.lunar", l.Day, l.Month) + ")"
		}
	}
	if h.Note != "" {
		s += " — " + h.Note
	}
	if c.RestDay(h.Date) {
		s += " " + t("hol.on_rest_day")
	}
	return s
}

// Deadline returns the last day of rule r counted from the date from:
// r.Days working days after it, or r.Days calendar days after it moved on
// to the next working day when it falls on a day off.
func (c *Calendar) Deadline(r model.DeadlineRule, from model.Date) model.Date {
	if r.Mode == model.CountCalendar {
		return c.OnOrAfter(from.AddDays(r.Days))
	}
	return c.AddWorkingDays(from, r.Days)
}

// Resume returns a due date moved by a pause of the clock: the working
// days left after paused (the day the supplements were requested) up to
// due start again after resumed. A request made after the due date leaves
// it where it is.
func (c *Calendar) Resume(due, paused, resumed model.Date) model.Date {
	left := c.WorkingDaysBetween(paused, due)
	if left < 0 || resumed <= paused {
		return due
	}
	return c.AddWorkingDays(resumed, left)
}

// DossierDueFor returns the appointment date the calendar gives dossier d:
// DossierDue from its receipt and working days, moved by every request
// for supplements the applicant has answered.
func (c *Calendar) DossierDueFor(d *model.Dossier, cutoffHour int) model.Date {
	due := c.DossierDue(d.ReceivedAt, d.WorkingDays, cutoffHour)
	for _, s := range d.Supplements {
		if !s.Resumed.IsZero() {
			due = c.Resume(due, s.Requested, s.Resumed)
		}
	}
	return due
}

// PetitionDue returns petition p's deadline under the rules table and the
// rule that gave it (ok false when the table has no rule for it). A
// denunciation's extensions add the extension rule's days each.
func (c *Calendar) PetitionDue(rules []model.DeadlineRule, p *model.Petition) (due model.Date, rule model.DeadlineRule, ok bool) {
	key, from := p.PetitionDeadline()
	if from.IsZero() {
		return 0, rule, false
	}
	rule, ok = model.DeadlineRuleAt(rules, key, from)
	if !ok {
		return 0, rule, false
	}
	due = c.Deadline(rule, from)
	if key == model.DeadlineDenounceResolve && p.Extensions > 0 {
		if ext, ok := model.DeadlineRuleAt(rules, model.DeadlineDenounceExtend, from); ok {
			for range p.Extensions {
				due = c.Deadline(ext, due)
			}
		}
	}
	return due, rule, true
}
