package model

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tiepdan/tiepdan/model/vntext"
)

// Limits that validation enforces.
const (
	MaxNameLen = 100
	MaxTextLen = 2000
	// ErrCodeDenunciationOnly: the field applies to denunciations only.
	ErrCodeDenunciationOnly = "err.denunciation_only"
	MaxShortLen             = 200
	MaxHeadCount            = 9999
	MaxCoSigners            = 9999
	MaxWorkingDay           = 365
	// FutureSlack tolerates clocks a few minutes apart between desk PCs.
	FutureSlack = 10 * time.Minute
)

// Field error codes; each is an i18n catalogue key.
const (
	ErrCodeRequired     = "err.required"
	ErrCodeTooLong      = "err.too_long"
	ErrCodeIDNumber     = "err.id_number"
	ErrCodePhone        = "err.phone"
	ErrCodeFuture       = "err.future"
	ErrCodeRange        = "err.range"
	ErrCodeChoice       = "err.choice"
	ErrCodeBefore       = "err.before"
	ErrCodeAfter        = "err.after"
	ErrCodeLandField    = "err.land_field"
	ErrCodeJurisdiction = "err.jurisdiction"
	ErrCodeOutcome      = "err.outcome"
	ErrCodeNotAllowed   = "err.not_allowed"
	ErrCodeDate         = "err.date"
	ErrCodeNumber       = "err.number"
)

func (e *errs) required(field, v string) bool {
	if strings.TrimSpace(v) == "" {
		e.add(field, ErrCodeRequired)
		return false
	}
	return true
}

func (e *errs) maxLen(field, v string, n int) {
	if utf8.RuneCountInString(v) > n {
		e.add(field, ErrCodeTooLong, n)
	}
}

func (e *errs) intRange(field string, v, lo, hi int) {
	if v < lo || v > hi {
		e.add(field, ErrCodeRange, lo, hi)
	}
}

func (e *errs) notFuture(field string, d Date, now time.Time) {
	if d > DateOf(now) {
		e.add(field, ErrCodeFuture)
	}
}

func (e *errs) choice(field string, ok bool) {
	if !ok {
		e.add(field, ErrCodeChoice)
	}
}

// ValidIDNumber reports whether s (digits only) is a 9-digit CMND or a
// 12-digit CCCD whose first three digits are a province code (001-096).
func ValidIDNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	switch len(s) {
	case 9:
		return true
	case 12:
		p := int(s[0]-'0')*100 + int(s[1]-'0')*10 + int(s[2]-'0')
		return p >= 1 && p <= 96
	}
	return false
}

// NormalizePhone reduces a typed phone number to its national digits form:
// "+84 912 345 678" and "0912.345.678" both give "0912345678".
func NormalizePhone(s string) string {
	d := vntext.Digits(s)
	if strings.HasPrefix(strings.TrimSpace(s), "+84") || (strings.HasPrefix(d, "84") && len(d) == 11) {
		d = "0" + strings.TrimPrefix(d, "84")
	}
	return d
}

// ValidPhone reports whether s (as NormalizePhone returns it) is a Vietnamese
// mobile number (10 digits, 03/05/07/08/09) or landline (11 digits, 02).
func ValidPhone(s string) bool {
	switch {
	case len(s) == 10 && s[0] == '0' && strings.ContainsRune("35789", rune(s[1])):
		return true
	case len(s) == 11 && strings.HasPrefix(s, "02"):
		return true
	}
	return false
}

// Normalize cleans the citizen's text and reduces ID number and phone to
// digits.
func (c *Citizen) Normalize() {
	c.FullName = vntext.Clean(c.FullName, false)
	c.Address = vntext.Clean(c.Address, false)
	c.IDNumber = vntext.Digits(vntext.Clean(c.IDNumber, false))
	c.Phone = NormalizePhone(vntext.Clean(c.Phone, false))
}

// Validate checks a citizen.
func (c *Citizen) Validate(now time.Time) error {
	var e errs
	if e.required("FullName", c.FullName) {
		e.maxLen("FullName", c.FullName, MaxNameLen)
	}
	if c.BirthYear != 0 {
		e.intRange("BirthYear", c.BirthYear, 1900, now.In(VN).Year())
	}
	e.choice("Gender", c.Gender.Valid())
	if c.IDNumber != "" && !ValidIDNumber(c.IDNumber) {
		e.add("IDNumber", ErrCodeIDNumber)
	}
	if c.Phone != "" && !ValidPhone(c.Phone) {
		e.add("Phone", ErrCodePhone)
	}
	e.maxLen("Address", c.Address, MaxShortLen)
	return e.err()
}

// Normalize cleans the session's text.
func (s *ReceptionSession) Normalize() {
	s.Presiding = vntext.Clean(s.Presiding, false)
	s.Place = vntext.Clean(s.Place, false)
	s.Note = vntext.Clean(s.Note, true)
}

// Validate checks a session. Sessions may be scheduled up to a year ahead.
func (s *ReceptionSession) Validate(now time.Time) error {
	var e errs
	if s.Date.IsZero() {
		e.add("Date", ErrCodeRequired)
	} else if s.Date > DateOf(now).AddDays(366) {
		e.add("Date", ErrCodeFuture)
	}
	e.choice("SessKind", s.SessKind.Valid())
	if e.required("Presiding", s.Presiding) {
		e.maxLen("Presiding", s.Presiding, MaxShortLen)
	}
	e.maxLen("Place", s.Place, MaxShortLen)
	e.maxLen("Note", s.Note, MaxTextLen)
	return e.err()
}

// Normalize cleans the visit's text.
func (r *Reception) Normalize() {
	r.Summary = vntext.Clean(r.Summary, true)
	r.TransferredTo = vntext.Clean(r.TransferredTo, false)
	r.HandledBefore = vntext.Clean(r.HandledBefore, false)
	r.ReceivedBy = vntext.Clean(r.ReceivedBy, false)
	r.Note = vntext.Clean(r.Note, true)
	r.Protection.normalize()
	if r.RecKind == ReceptionRegular {
		r.SessionID = 0
	}
}

// Validate checks a visit: not in the future, 1 to 9,999 people, a summary,
// kind, field, matter and handling; a land dispute is in the land field; a
// transfer names where to.
func (r *Reception) Validate(now time.Time) error {
	var e errs
	if r.At.IsZero() {
		e.add("At", ErrCodeRequired)
	} else if r.At.After(now.Add(FutureSlack)) {
		e.add("At", ErrCodeFuture)
	}
	e.choice("RecKind", r.RecKind.Valid())
	if r.RecKind == ReceptionInSession && r.SessionID == 0 {
		e.add("SessionID", ErrCodeRequired)
	}
	if r.CitizenID == 0 && !IsDenunciation(r.Content) {
		e.add("CitizenID", ErrCodeRequired)
	}
	r.Protection.validate(&e, r.Content, r.CitizenID)
	e.intRange("HeadCount", r.HeadCount, 1, MaxHeadCount)
	if e.required("Summary", r.Summary) {
		e.maxLen("Summary", r.Summary, MaxTextLen)
	}
	e.choice("Content", r.Content.Valid())
	e.choice("Field", r.Field.Valid())
	if r.LandDispute && r.Field != FieldLand {
		e.add("LandDispute", ErrCodeLandField)
	}
	e.choice("Matter", r.Matter == "" || r.Matter.Valid())
	e.choice("Handling", r.Handling.Valid())
	if r.Handling == HandlingTransferred {
		e.required("TransferredTo", r.TransferredTo)
	}
	e.maxLen("TransferredTo", r.TransferredTo, MaxShortLen)
	e.maxLen("HandledBefore", r.HandledBefore, MaxShortLen)
	if !r.FollowUpDue.IsZero() && !r.At.IsZero() && r.FollowUpDue < r.Date() {
		e.add("FollowUpDue", ErrCodeBefore, r.Date().String())
	}
	if !r.Replied.IsZero() {
		e.notFuture("Replied", r.Replied, now)
		if !r.At.IsZero() && r.Replied < r.Date() {
			e.add("Replied", ErrCodeBefore, r.Date().String())
		}
	}
	e.maxLen("Note", r.Note, MaxTextLen)
	return e.err()
}

// Normalize cleans the petition's text.
func (p *Petition) Normalize() {
	p.Summary = vntext.Clean(p.Summary, true)
	p.TransferredTo = vntext.Clean(p.TransferredTo, false)
	p.Note = vntext.Clean(p.Note, true)
	p.Protection.normalize()
	if p.Status != PetitionResolved {
		p.Outcome = ""
	}
}

// Validate checks a petition, including the consistency of its status with
// jurisdiction, outcome and dates.
func (p *Petition) Validate(now time.Time) error {
	var e errs
	e.choice("Sector", p.Sector.Valid())
	e.choice("Conduct", p.Conduct.Valid())
	if p.Conduct != "" && p.Content != ContentDenunciation {
		e.add("Conduct", ErrCodeDenunciationOnly)
	}
	if p.Received.IsZero() {
		e.add("Received", ErrCodeRequired)
	} else {
		e.notFuture("Received", p.Received, now)
	}
	e.choice("Source", p.Source.Valid())
	if p.CitizenID == 0 && p.Eligibility != EligibilityAnonymous && !IsDenunciation(p.Content) {
		e.add("CitizenID", ErrCodeRequired)
	}
	p.Protection.validate(&e, p.Content, p.CitizenID)
	e.intRange("CoSigners", p.CoSigners, 0, MaxCoSigners)
	if e.required("Summary", p.Summary) {
		e.maxLen("Summary", p.Summary, MaxTextLen)
	}
	e.choice("Content", p.Content.Valid())
	e.choice("Field", p.Field.Valid())
	if p.LandDispute && p.Field != FieldLand {
		e.add("LandDispute", ErrCodeLandField)
	}
	e.choice("Eligibility", p.Eligibility.Valid())
	if !p.Accepted.IsZero() {
		e.notFuture("Accepted", p.Accepted, now)
		if !p.Received.IsZero() && p.Accepted < p.Received {
			e.add("Accepted", ErrCodeBefore, p.Received.String())
		}
	}
	e.intRange("Extensions", p.Extensions, 0, 2)
	if p.Extensions > 0 && (p.Content != ContentDenunciation || p.Accepted.IsZero()) {
		e.add("Extensions", ErrCodeNotAllowed)
	}
	if !p.Due.IsZero() && !p.Received.IsZero() && p.Due < p.Received {
		e.add("Due", ErrCodeBefore, p.Received.String())
	}
	e.choice("Status", p.Status.Valid())
	switch p.Status {
	case PetitionResolved:
		if !p.InJurisdiction {
			e.add("Status", ErrCodeJurisdiction)
		}
		if (p.Content == ContentComplaint || p.Content == ContentDenunciation) && p.Outcome == "" {
			e.add("Outcome", ErrCodeOutcome)
		}
	case PetitionGuided, PetitionTransferred:
		if p.InJurisdiction {
			e.add("Status", ErrCodeJurisdiction)
		}
	}
	e.choice("Outcome", p.Outcome.Valid())
	if p.Status == PetitionTransferred {
		e.required("TransferredTo", p.TransferredTo)
	}
	e.maxLen("TransferredTo", p.TransferredTo, MaxShortLen)
	if !p.Due.IsZero() && !p.Received.IsZero() && p.Due < p.Received {
		e.add("Due", ErrCodeBefore, p.Received.String())
	}
	if p.Status != PetitionHandling && p.Status != PetitionArchived {
		if p.Resolved.IsZero() {
			e.add("Resolved", ErrCodeRequired)
		}
	}
	if !p.Resolved.IsZero() {
		if p.Status == PetitionHandling {
			e.add("Resolved", ErrCodeNotAllowed)
		}
		e.notFuture("Resolved", p.Resolved, now)
		if !p.Received.IsZero() && p.Resolved < p.Received {
			e.add("Resolved", ErrCodeBefore, p.Received.String())
		}
	}
	e.maxLen("Note", p.Note, MaxTextLen)
	return e.err()
}
