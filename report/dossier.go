package report

import (
	"sort"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
)

// DossierRow is one row of the dossier table: all dossiers, one field or
// one procedure. Each figure is counted separately.
type DossierRow struct {
	Key   string // field code or procedure name; "" for all
	Total int    // to resolve: received in the period or carried over

	CarriedOver            int // received before the period, not closed before it
	Received               int // received in the period
	Direct, Online, Postal int // received in the period, by channel (Postal: BCCI)
	Post                   int // received in the period by ordinary post

	Resolved            int // a result dated in the period
	Early, OnTime, Late int // resolved, by timeliness
	Rejected, Withdrawn int // closed in the period without a result
	Pending             int // not closed at the period's end
	PendingInTime       int // pending, due date not passed at AsOf
	PendingLate         int // pending, due date passed at AsOf (or apology issued)
	PendingApology      int // of PendingLate, with an apology slip issued (a new date given)
}

// OnTimeShare is the share resolved early or on time of those resolved.
func (r DossierRow) OnTimeShare() Share { return Share{r.Early + r.OnTime, r.Resolved} }

// DossierSummary is the one-stop part of the summary.
type DossierSummary struct {
	All         DossierRow
	ByField     []DossierRow // in the catalogue's field order, rows with dossiers only
	ByProcedure []DossierRow // most dossiers first
}

type dossierAcc struct {
	s      *Summary
	fields map[string]*DossierRow
	procs  map[string]*DossierRow
}

func newDossierAcc(s *Summary) *dossierAcc {
	return &dossierAcc{s: s, fields: map[string]*DossierRow{}, procs: map[string]*DossierRow{}}
}

func (a *dossierAcc) add(d model.DossierFacts) error {
	p := a.s.Period
	closed := d.Closed
	if !inScope(p, d.Received, closed) {
		return nil
	}
	rows := []*DossierRow{&a.s.Dossiers.All, row(a.fields, string(d.Field)), row(a.procs, d.Procedure)}
	for _, r := range rows {
		r.Total++
		if carried(p, d.Received, closed) {
			r.CarriedOver++
		}
		if p.Contains(d.Received) {
			r.Received++
			switch d.Channel {
			case model.ChannelDirect:
				r.Direct++
			case model.ChannelOnline:
				r.Online++
			case model.ChannelPostal:
				r.Postal++
			case model.ChannelPost:
				r.Post++
			}
		}
		switch {
		case !closedBy(p, closed):
			r.Pending++
			if d.Due < a.s.AsOf || d.Apology {
				r.PendingLate++
				if d.Apology {
					r.PendingApology++
				}
			} else {
				r.PendingInTime++
			}
		case d.Status.Done():
			r.Resolved++
			switch d.Timeliness() {
			case model.Early:
				r.Early++
			case model.OnTime:
				r.OnTime++
			case model.Late:
				r.Late++
			}
		case d.Status == model.DossierRejected:
			r.Rejected++
		case d.Status == model.DossierWithdrawn:
			r.Withdrawn++
		}
	}
	return nil
}

func row(m map[string]*DossierRow, key string) *DossierRow {
	r := m[key]
	if r == nil {
		r = &DossierRow{Key: key}
		m[key] = r
	}
	return r
}

func (a *dossierAcc) finish() {
	for _, f := range model.Fields() {
		if r := a.fields[string(f)]; r != nil {
			a.s.Dossiers.ByField = append(a.s.Dossiers.ByField, *r)
		}
	}
	coll := vntext.NewCollator()
	for _, r := range a.procs {
		a.s.Dossiers.ByProcedure = append(a.s.Dossiers.ByProcedure, *r)
	}
	sort.Slice(a.s.Dossiers.ByProcedure, func(i, j int) bool {
		x, y := a.s.Dossiers.ByProcedure[i], a.s.Dossiers.ByProcedure[j]
		if x.Total != y.Total {
			return x.Total > y.Total
		}
		return coll.Compare(x.Key, y.Key) < 0
	})
}
