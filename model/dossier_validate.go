package model

import (
	"time"

	"github.com/tiepdan/tiepdan/model/vntext"
)

// Normalize cleans the dossier's text.
func (d *Dossier) Normalize() {
	d.Code = vntext.Clean(d.Code, false)
	d.ProcedureName = vntext.Clean(d.ProcedureName, false)
	d.DueReason = vntext.Clean(d.DueReason, false)
	d.Documents = vntext.Clean(d.Documents, true)
	d.SupplementItems = vntext.Clean(d.SupplementItems, true)
	for i := range d.Apologies {
		d.Apologies[i].Reason = vntext.Clean(d.Apologies[i].Reason, true)
	}
	d.Note = vntext.Clean(d.Note, true)
	d.ForwardedTo = vntext.Clean(d.ForwardedTo, false)
}

// Validate checks a dossier: a procedure, an applicant, a channel, a receipt
// time not in the future, a due date not before receipt, and dates that match
// the status.
func (d *Dossier) Validate(now time.Time) error {
	var e errs
	e.required("ProcedureName", d.ProcedureName)
	e.maxLen("ProcedureName", d.ProcedureName, MaxShortLen)
	e.choice("Field", d.Field.Valid())
	e.intRange("WorkingDays", d.WorkingDays, 0, MaxWorkingDay)
	if d.ApplicantID == 0 {
		e.add("ApplicantID", ErrCodeRequired)
	}
	e.choice("Channel", d.Channel.Valid())
	if d.ReceivedAt.IsZero() {
		e.add("ReceivedAt", ErrCodeRequired)
	} else if d.ReceivedAt.After(now.Add(FutureSlack)) {
		e.add("ReceivedAt", ErrCodeFuture)
	}
	// An empty due date is computed by the store from the working calendar.
	if !d.Due.IsZero() && !d.ReceivedAt.IsZero() && d.Due < d.Received() {
		e.add("Due", ErrCodeBefore, d.Received().String())
	}
	e.maxLen("Documents", d.Documents, MaxTextLen)
	e.maxLen("SupplementItems", d.SupplementItems, MaxTextLen)
	if d.Status == DossierSupplement && d.SupplementItems == "" {
		e.add("SupplementItems", ErrCodeRequired)
	}
	for _, a := range d.Apologies {
		switch {
		case a.NewDue.IsZero():
			e.add("NewDue", ErrCodeRequired)
		case a.NewDue < a.Issued:
			e.add("NewDue", ErrCodeBefore, a.Issued.String())
		case !d.Due.IsZero() && a.NewDue <= d.Due:
			e.add("NewDue", ErrCodeAfter, d.Due.String())
		}
		if a.Issued.IsZero() {
			e.add("Issued", ErrCodeRequired)
		}
		if e.required("ApologyReason", a.Reason) {
			e.maxLen("ApologyReason", a.Reason, MaxTextLen)
		}
	}
	e.choice("Status", d.Status.Valid())
	e.choice("Rating", d.Rating.Valid())
	if d.Rating != "" && d.Returned.IsZero() {
		// a rating is given when the result is handed back
		e.add("Rating", ErrCodeRatingReturned)
	}
	if d.Status.Closed() && d.Resolved.IsZero() {
		e.add("Resolved", ErrCodeRequired)
	}
	if !d.Resolved.IsZero() {
		if d.Status.Open() {
			e.add("Resolved", ErrCodeNotAllowed)
		}
		e.notFuture("Resolved", d.Resolved, now)
		if !d.ReceivedAt.IsZero() && d.Resolved < d.Received() {
			e.add("Resolved", ErrCodeBefore, d.Received().String())
		}
	}
	if d.Status == DossierReturned && d.Returned.IsZero() {
		e.add("Returned", ErrCodeRequired)
	}
	if !d.Returned.IsZero() && !d.Resolved.IsZero() && d.Returned < d.Resolved {
		e.add("Returned", ErrCodeBefore, d.Resolved.String())
	}
	e.maxLen("Note", d.Note, MaxTextLen)
	e.maxLen("ForwardedTo", d.ForwardedTo, MaxShortLen)
	if !d.ForwardedOn.IsZero() && d.ForwardedOn < d.Received() {
		e.add("ForwardedOn", ErrCodeBefore, d.Received().String())
	}
	return e.err()
}

// Normalize cleans the procedure's text.
func (p *Procedure) Normalize() { p.Name = vntext.Clean(p.Name, false) }

// Validate checks a catalogue entry.
func (p *Procedure) Validate(time.Time) error {
	var e errs
	if e.required("Name", p.Name) {
		e.maxLen("Name", p.Name, MaxShortLen)
	}
	e.choice("Field", p.Field.Valid())
	e.intRange("WorkingDays", p.WorkingDays, 0, MaxWorkingDay)
	e.choice("Online", p.Online.Valid())
	e.choice("Letter", p.Letter == "" || p.Letter.Valid())
	return e.err()
}

// ErrCodeRatingReturned is the field error for a rating on a dossier whose
// result was not handed back.
const ErrCodeRatingReturned = "err.rating_returned"
