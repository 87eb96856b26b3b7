package report

import (
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
)

// VisitRow counts visits (lượt), people and cases (vụ việc): a case counts
// once however many visits raised it in the period, as First when its first
// visit ever fell in the period (tiếp lần đầu) and as Repeat when it had been
// received before (tiếp nhiều lần).
type VisitRow struct {
	Visits, People, Cases, First, Repeat int
}

func (v *VisitRow) add(r model.ReceptionFacts) {
	v.Visits++
	v.People += max(r.HeadCount, 1)
}

func (v *VisitRow) addCase(first bool) {
	v.Cases++
	if first {
		v.First++
	} else {
		v.Repeat++
	}
}

// KeyCount is a count of visits or petitions under one enum code.
type KeyCount struct {
	Key string
	N   int
}

// ReceptionSummary is the citizen-reception part of the summary.
type ReceptionSummary struct {
	PeriodicSessions int // số kỳ tiếp định kỳ
	AdhocSessions    int
	RequiredSessions int // the legal minimum of days with a periodic session in the period
	// Minimum says how RequiredSessions was counted (weeks with a working
	// day, months), shown beside the figure.
	Minimum model.SessionMinimum

	Regular, InSession, Total VisitRow
	// Groups are the visits of groups at or above Threshold people.
	Groups    VisitRow
	Threshold int

	ByContent   []KeyCount // every content kind, in order
	LandDispute int        // of which land disputes
	ByField     []KeyCount // fields with visits, in order
	ByHandling  []KeyCount // every handling, in order
	SessionDays int        // distinct days with a periodic session
	// Presiding counts the periodic and ad hoc sessions by who presided,
	// in the order first met.
	Presiding []KeyCount
}

// kindRow is the row of visits of kind k: regular or in a session.
func (r *ReceptionSummary) kindRow(k model.ReceptionKind) *VisitRow {
	switch k {
	case model.ReceptionRegular:
		return &r.Regular
	case model.ReceptionInSession:
		return &r.InSession
	}
	return nil
}

// Short reports whether periodic sessions were held on fewer days than the
// law requires for the period (it counts days: two sessions on one day are
// one day of reception).
func (r *ReceptionSummary) Short() bool { return r.SessionDays < r.RequiredSessions }

type receptionAcc struct {
	s        *Summary
	content  map[string]int
	field    map[string]int
	handling map[string]int
	days     map[model.Date]bool
	// cases are the period's cases in the order first raised, each with
	// where it was first raised; firstVisit the date of each case's first
	// visit ever (from the scanner's case facts).
	cases      []periodCase
	caseIndex  map[uint64]int
	firstVisit map[uint64]model.Date
}

// periodCase is one case the period's visits raised: the kind of visit that
// raised it first in the period (so the rows add up to the total; on one
// day a regular visit before a session), whether a group raised it, and,
// for a visit from before cases (no case id, its own case), the matter flag
// the clerk set.
type periodCase struct {
	id       uint64
	date     model.Date
	kind     model.ReceptionKind
	group    bool
	legacy   bool
	legacyOK bool // the legacy visit was marked as the first about its matter
}

// earlier reports whether a visit of kind k on d comes before c's first.
func (c *periodCase) earlier(d model.Date, k model.ReceptionKind) bool {
	return d < c.date || d == c.date && k == model.ReceptionRegular && c.kind != model.ReceptionRegular
}

func newReceptionAcc(s *Summary) *receptionAcc {
	s.Reception.Threshold = s.Office.GroupThreshold
	if s.Reception.Threshold <= 0 {
		s.Reception.Threshold = model.DefaultOffice().GroupThreshold
	}
	s.Reception.Minimum = model.RequiredSessions(s.Office.Sessions(), s.Period, calendar.ForOffice(s.Office).IsWorkingDay)
	s.Reception.RequiredSessions = s.Reception.Minimum.Required
	return &receptionAcc{s: s, content: map[string]int{}, field: map[string]int{},
		handling: map[string]int{}, days: map[model.Date]bool{}, caseIndex: map[uint64]int{},
		firstVisit: map[uint64]model.Date{}}
}

func (a *receptionAcc) session(x model.SessionFacts) error {
	if !a.s.Period.Contains(x.Date) {
		return nil
	}
	switch x.Kind {
	case model.SessionPeriodic:
		a.s.Reception.PeriodicSessions++
		a.days[x.Date] = true
	case model.SessionAdhoc:
		a.s.Reception.AdhocSessions++
	}
	if x.Presiding != "" {
		r := &a.s.Reception
		for i := range r.Presiding {
			if r.Presiding[i].Key == x.Presiding {
				r.Presiding[i].N++
				return nil
			}
		}
		r.Presiding = append(r.Presiding, KeyCount{x.Presiding, 1})
	}
	return nil
}

func (a *receptionAcc) reception(x model.ReceptionFacts) error {
	if !a.s.Period.Contains(x.Date) {
		return nil
	}
	r := &a.s.Reception
	r.Total.add(x)
	if row := r.kindRow(x.Kind); row != nil {
		row.add(x)
	}
	group := x.Group(r.Threshold)
	if group {
		r.Groups.add(x)
	}
	if len(x.CaseIDs) == 0 {
		a.cases = append(a.cases, periodCase{date: x.Date, kind: x.Kind, group: group, legacy: true,
			legacyOK: x.Matter != model.MatterRepeat})
	}
	for _, id := range x.CaseIDs {
		if i, ok := a.caseIndex[id]; ok {
			c := &a.cases[i]
			c.group = c.group || group
			if c.earlier(x.Date, x.Kind) {
				c.date, c.kind = x.Date, x.Kind
			}
			continue
		}
		a.caseIndex[id] = len(a.cases)
		a.cases = append(a.cases, periodCase{id: id, date: x.Date, kind: x.Kind, group: group})
	}
	a.content[string(x.Content)]++
	if x.LandDispute {
		r.LandDispute++
	}
	a.field[string(x.Field)]++
	a.handling[string(x.Handling)]++
	return nil
}

// caseFacts records when a case raised in the period was first received.
func (a *receptionAcc) caseFacts(f model.CaseFacts) error {
	a.firstVisit[f.ID] = f.FirstVisit
	return nil
}

func (a *receptionAcc) finish() {
	r := &a.s.Reception
	for _, c := range a.cases {
		first := c.legacyOK
		if !c.legacy {
			fv, ok := a.firstVisit[c.id]
			first = !ok || fv >= a.s.Period.From
		}
		r.Total.addCase(first)
		if row := r.kindRow(c.kind); row != nil {
			row.addCase(first)
		}
		if c.group {
			r.Groups.addCase(first)
		}
	}
	r.SessionDays = len(a.days)
	for _, k := range model.ContentKinds() {
		r.ByContent = append(r.ByContent, KeyCount{string(k), a.content[string(k)]})
	}
	for _, k := range model.Fields() {
		if n := a.field[string(k)]; n > 0 {
			r.ByField = append(r.ByField, KeyCount{string(k), n})
		}
	}
	for _, k := range model.Handlings() {
		r.ByHandling = append(r.ByHandling, KeyCount{string(k), a.handling[string(k)]})
	}
}
