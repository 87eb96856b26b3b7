package model

import (
	"time"
)

// Office holds the office's settings. There is one per database.
type Office struct {
	Meta
	Name        string `json:"name"`
	Superior    string `json:"sup,omitempty"`
	Place       string `json:"place"`
	SignerTitle string `json:"st,omitempty"`
	SignerName  string `json:"sn,omitempty"`
	// Leaders are the office's leaders who preside over citizen reception
	// ("Chủ tịch Nguyễn Văn An"): a session's Presiding is one of them.
	Leaders        []string `json:"ldr,omitempty"`
	Code           string   `json:"code,omitempty"`
	GroupThreshold int      `json:"grp"`
	// CutoffDay is the last day of an official reporting window (14: data
	// from the 15th to the 14th), before any CutoffRules.
	CutoffDay int `json:"cut"`
	// CutoffRules change the cut-off day from a date on (a new circular);
	// empty means CutoffDay always.
	CutoffRules []CutoffRule `json:"cutr,omitempty"`
	// ReportWindow is the window a period is first shown in; empty is the
	// calendar.
	ReportWindow     Window `json:"rw,omitempty"`
	IntakeCutoffHour int    `json:"ich"`
	FollowUpDays     int    `json:"fud"`
	// ResultPlace is where applicants collect results, printed on the
	// appointment slip.
	ResultPlace string `json:"rp,omitempty"`
	// ReportNumber is the number the văn thư gave the next written report,
	// printed in "Số: 15/BC-UBND"; empty leaves the number blank to write
	// by hand.
	ReportNumber string `json:"rno,omitempty"`
	// SlipSymbol is the ký hiệu printed after an appointment slip's
	// number ("Số: 0042/TNHS"); empty prints the number alone.
	SlipSymbol string `json:"slsym,omitempty"`
	// OfficeHours are when the desk is open; an appointment's time of day
	// falls within them. Empty means DefaultOfficeHours.
	OfficeHours []HourRange `json:"hrs,omitempty"`
	// Printer is the printer a printed form goes straight to on the desk's
	// own PC; empty opens it in the PC's PDF viewer instead.
	Printer string `json:"prn,omitempty"`
	// DeadlineRules is the deadline rules table; empty means the defaults.
	DeadlineRules []DeadlineRule `json:"dl,omitempty"`
	// Protected is how denouncers' identities are kept; empty is offline.
	Protected ProtectedMode `json:"pm,omitempty"`
	// Passphrase, only on the way in, is the saving administrator's new
	// passphrase for the protected-identity key: needed to switch to
	// restricted mode the first time (it makes the key). Never stored.
	Passphrase string `json:"-"`
	// LetterTexts are the office's own bodies of the letters it sends, by
	// letter kind; a kind without one prints the catalogue's. "{người
	// nhận}", "{nhân dịp}" and "{ngày}" are replaced by the letter's.
	LetterTexts map[LetterKind]string `json:"ltx,omitempty"`
	// SessionRules are the legal minimum of periodic sessions by date; empty
	// means DefaultSessionRules.
	SessionRules []SessionRule `json:"sr,omitempty"`
	// Workdays are the working weekdays; empty means Monday to Friday.
	Workdays []time.Weekday `json:"wdays,omitempty"`
	// DayOverrides are the administrator's changes to the working
	// calendar: extra days off and swapped working days, by date.
	DayOverrides []DayOverride `json:"dov,omitempty"`
}

// DayOverrideKind says what an override makes of its date.
type DayOverrideKind string

// Override kinds.
const (
	// DayOff makes a date a day off (the PM's decision on Tết or 2/9, a
	// local event).
	DayOff DayOverrideKind = "off"
	// WorkDay makes a date a working day (a Saturday worked to swap for a
	// bridge day), or cancels a holiday the rules gave.
	WorkDay DayOverrideKind = "work"
)

// DayOverrideKinds lists the override kinds.
func DayOverrideKinds() []DayOverrideKind { return []DayOverrideKind{DayOff, WorkDay} }

// Valid reports whether k is a known kind.
func (k DayOverrideKind) Valid() bool { return k == DayOff || k == WorkDay }

// DayOverride is one date of the working calendar set by the
// administrator, with the note shown beside it ("Theo Thông báo số …").
type DayOverride struct {
	Date Date            `json:"d"`
	Kind DayOverrideKind `json:"k"`
	Note string          `json:"n,omitempty"`
}

// LatestSessionRule returns the rule in force last, creating the office's
// own copy of the defaults first, so a settings form can edit it in place.
func (o *Office) LatestSessionRule() *SessionRule {
	if len(o.SessionRules) == 0 {
		o.SessionRules = DefaultSessionRules()
	}
	return &o.SessionRules[len(o.SessionRules)-1]
}

// Sessions returns the office's session rules, or the defaults.
func (o *Office) Sessions() []SessionRule {
	if len(o.SessionRules) == 0 {
		return DefaultSessionRules()
	}
	return o.SessionRules
}

// CutoffRule is the cut-off day of official windows in force from a date
// until the next rule.
type CutoffRule struct {
	From Date `json:"from,omitempty"`
	Day  int  `json:"day"`
}

// CutoffOn returns the cut-off day of official windows in force on d.
func (o *Office) CutoffOn(d Date) int {
	day := o.CutoffDay
	for _, r := range o.CutoffRules {
		if r.From <= d {
			day = r.Day
		}
	}
	if day <= 0 {
		return DefaultOffice().CutoffDay
	}
	return day
}

// CutoffFor returns the cut-off day that shapes period p: the one in force
// in its last month.
func (o *Office) CutoffFor(p Period) int {
	y, m := p.Label()
	return o.CutoffOn(NewDate(y, m, 1))
}

// Official returns p in window w with the cut-off day in force for it.
func (o *Office) Official(p Period, w Window) Period { return p.In(w, o.CutoffFor(p)) }

// LatestCutoffRule returns the cut-off rule in force last, creating the
// office's first rule from CutoffDay, so a settings form can edit it.
func (o *Office) LatestCutoffRule() *CutoffRule {
	if len(o.CutoffRules) == 0 {
		o.CutoffRules = []CutoffRule{{Day: o.CutoffOn(0)}}
	}
	return &o.CutoffRules[len(o.CutoffRules)-1]
}

// Window returns the office's default report window.
func (o *Office) Window() Window {
	if o.ReportWindow == "" {
		return WindowCalendar
	}
	return o.ReportWindow
}

// ProtectedMode returns the office's protected-identity mode.
func (o *Office) ProtectedMode() ProtectedMode {
	if o.Protected == "" {
		return ProtectedOffline
	}
	return o.Protected
}

// Kind returns KindOffice.
func (*Office) Kind() Kind { return KindOffice }

// Configured reports whether the first-run setup has been done.
func (o *Office) Configured() bool { return o.Name != "" }

// DefaultOffice returns the settings a new database starts with.
func DefaultOffice() Office {
	return Office{GroupThreshold: 5, CutoffDay: 14, IntakeCutoffHour: 15, FollowUpDays: 10}
}
