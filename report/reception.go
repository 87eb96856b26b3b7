package report

import (
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
)

// VisitRow counts visits (lượt), people and matters, first raised or raised
// again.
type VisitRow struct {
	Visits, People, First, Repeat int
}

func (v *VisitRow) add(r model.ReceptionFacts) {
	v.Visits++
	v.People += max(r.HeadCount, 1)
	switch r.Matter {
	case model.MatterFirst:
		v.First++
	case model.MatterRepeat:
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
}

func newReceptionAcc(s *Summary) *receptionAcc {
	s.Reception.Threshold = s.Office.GroupThreshold
	if s.Reception.Threshold <= 0 {
		s.Reception.Threshold = model.DefaultOffice().GroupThreshold
	}
	s.Reception.Minimum = model.RequiredSessions(s.Office.Sessions(), s.Period, calendar.ForOffice(s.Office).IsWorkingDay)
	s.Reception.RequiredSessions = s.Reception.Minimum.Required
	return &receptionAcc{s: s, content: map[string]int{}, field: map[string]int{},
		handling: map[string]int{}, days: map[model.Date]bool{}}
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
	return nil
}

func (a *receptionAcc) reception(x model.ReceptionFacts) error {
	if !a.s.Period.Contains(x.Date) {
		return nil
	}
	r := &a.s.Reception
	r.Total.add(x)
	switch x.Kind {
	case model.ReceptionRegular:
		r.Regular.add(x)
	case model.ReceptionInSession:
		r.InSession.add(x)
	}
	if x.Group(r.Threshold) {
		r.Groups.add(x)
	}
	a.content[string(x.Content)]++
	if x.LandDispute {
		r.LandDispute++
	}
	a.field[string(x.Field)]++
	a.handling[string(x.Handling)]++
	return nil
}

func (a *receptionAcc) finish() {
	r := &a.s.Reception
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
