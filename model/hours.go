package model

import (
	"fmt"
	"strconv"
	"strings"
)

// HourRange is a span of office hours in minutes after midnight.
type HourRange struct {
	From int `json:"f"`
	To   int `json:"t"`
}

// DefaultOfficeHours are 07:30-11:30 and 13:30-17:00.
func DefaultOfficeHours() []HourRange {
	return []HourRange{{7*60 + 30, 11*60 + 30}, {13*60 + 30, 17 * 60}}
}

// Hours returns the office's hours, or the defaults.
func (o *Office) Hours() []HourRange {
	if len(o.OfficeHours) == 0 {
		return DefaultOfficeHours()
	}
	return o.OfficeHours
}

// InHours returns the minute of the day a result can be collected that is
// nearest minute and within office hours: minute itself when the office is
// open then, otherwise the start of the next span of hours (after the last
// one, the first of the day). An appointment slip's return time is the
// receipt's clock time brought into the hours this way.
func InHours(hours []HourRange, minute int) int {
	if len(hours) == 0 {
		return minute
	}
	for _, h := range hours {
		if minute < h.From {
			return h.From
		}
		if minute < h.To {
			return minute
		}
	}
	return hours[0].From
}

// FormatHours writes hours as the settings show them: "07:30-11:30,
// 13:30-17:00".
func FormatHours(hours []HourRange) string {
	parts := make([]string, len(hours))
	for i, h := range hours {
		parts[i] = fmt.Sprintf("%02d:%02d-%02d:%02d", h.From/60, h.From%60, h.To/60, h.To%60)
	}
	return strings.Join(parts, ", ")
}

// ParseHours reads "07:30-11:30, 13:30-17:00": spans in order, each ending
// after it starts and before the next starts. ok is false otherwise.
func ParseHours(s string) (hours []HourRange, ok bool) {
	clock := func(t string) (int, bool) {
		h, m, found := strings.Cut(strings.TrimSpace(t), ":")
		if !found {
			m = "00"
		}
		hh, err1 := strconv.Atoi(h)
		mm, err2 := strconv.Atoi(m)
		return hh*60 + mm, err1 == nil && err2 == nil && hh >= 0 && hh <= 24 && mm >= 0 && mm < 60 && hh*60+mm <= 24*60
	}
	prev := -1
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		a, b, found := strings.Cut(part, "-")
		if !found {
			return nil, false
		}
		from, ok1 := clock(a)
		to, ok2 := clock(b)
		if !ok1 || !ok2 || to <= from || from < prev {
			return nil, false
		}
		hours = append(hours, HourRange{from, to})
		prev = to
	}
	return hours, len(hours) > 0
}
