package model

import "reflect"

// A period whose report is made is closed: its figures went upward. A
// record counted in one keeps what was counted unless the change says why
// (Meta.ChangeReason, written to the audit log with the change).

// OpenFrom is the first day of the reporting window that holds today, in
// the office's default window: the first of the month (calendar), or the
// day after the cut-off (official, 15/09-14/10 for October). Every day
// before it belongs to a closed period.
func (o *Office) OpenFrom(today Date) Date {
	y, m, _ := today.YMD()
	p := MonthPeriod(y, m)
	if o.Window() != WindowOfficial {
		return p.From
	}
	w := o.Official(p, WindowOfficial)
	if today > w.To { // past this month's cut-off: next month's window
		next := p.To + 1
		ny, nm, _ := next.YMD()
		w = o.Official(MonthPeriod(ny, nm), WindowOfficial)
	}
	return w.From
}

// Counted is a record whose figures are fixed by its date: what the
// summary counts of it (CountedFacts) belongs to the period of CountedOn.
// Dossiers and petitions are not: they are worked on across periods, their
// history is in the audit log.
type Counted interface {
	Record
	CountedOn() Date
	CountedFacts() any
}

// ErrCodeChangeReason is the field error for a change to what a closed
// period counted, without a reason; its argument is the first open day.
const ErrCodeChangeReason = "err.change_reason"

// ClosedChange reports whether saving rec over old changes what a closed
// period counted (before openFrom): the counted facts differ, and either
// version is dated before openFrom.
func ClosedChange(old, rec Counted, openFrom Date) bool {
	if old == nil || reflect.DeepEqual(old.CountedFacts(), rec.CountedFacts()) {
		return false
	}
	return old.CountedOn() < openFrom || rec.CountedOn() < openFrom
}

// CountedOn and CountedFacts of the records counted by their date.
func (s *ReceptionSession) CountedOn() Date   { return s.Date }
func (s *ReceptionSession) CountedFacts() any { return s.Facts() }
func (r *Reception) CountedOn() Date          { return r.Date() }

// CountedFacts of a visit are its summary facts (the reply owed to the
// citizen, given later, is not among them).
func (r *Reception) CountedFacts() any { return r.Facts() }
func (d *Dialogue) CountedOn() Date    { return d.Date }

// CountedFacts of a dialogue leave out the follow-up's completion, which
// comes later.
func (d *Dialogue) CountedFacts() any {
	f := d.Facts()
	f.FollowUpDone = 0
	return f
}
func (s *Survey) CountedOn() Date   { return s.Date }
func (s *Survey) CountedFacts() any { return s.Facts() }
func (l *Letter) CountedOn() Date   { return l.Date }
func (l *Letter) CountedFacts() any { return l.Facts() }
