package report

import "github.com/tiepdan/tiepdan/model"

// Petition kinds as reports group them: proposals and reflections together.
const (
	PetComplaint    = "complaint"
	PetDenunciation = "denunciation"
	PetProposal     = "proposal_reflection"
)

// PetitionKinds lists the report's petition kinds in order.
func PetitionKinds() []string { return []string{PetComplaint, PetDenunciation, PetProposal} }

func petitionKind(c model.ContentKind) string {
	switch c {
	case model.ContentComplaint:
		return PetComplaint
	case model.ContentDenunciation:
		return PetDenunciation
	}
	return PetProposal
}

// PetitionRow is one row of the petition table: one kind, land disputes, or
// all. Each figure is counted separately.
type PetitionRow struct {
	Key   string
	Total int // to handle: received in the period or carried over

	CarriedOver int
	Received    int

	Eligible, NotEligible             int
	InJurisdiction, NotInJurisdiction int

	// How each petition stood at the period's end.
	Resolved, Guided, Transferred, Withdrawn, Archived, Pending int
	// Overdue are pending petitions whose deadline passed before AsOf.
	Overdue int
}

// ResolvedShare is the share resolved of the petitions within jurisdiction.
func (r PetitionRow) ResolvedShare() Share { return Share{r.Resolved, r.InJurisdiction} }

// PetitionSummary is the petitions part of the summary.
type PetitionSummary struct {
	All    PetitionRow
	ByKind []PetitionRow // PetitionKinds order
	// Land counts the land disputes among All (trong đó tranh chấp đất đai).
	Land    PetitionRow
	ByField []KeyCount // fields with petitions, in order
}

type petitionAcc struct {
	s     *Summary
	kinds map[string]*PetitionRow
	field map[string]int
}

func newPetitionAcc(s *Summary) *petitionAcc {
	a := &petitionAcc{s: s, kinds: map[string]*PetitionRow{}, field: map[string]int{}}
	for _, k := range PetitionKinds() {
		a.kinds[k] = &PetitionRow{Key: k}
	}
	s.Petitions.Land.Key = "land"
	return a
}

func (a *petitionAcc) add(x model.PetitionFacts) error {
	p := a.s.Period
	closed := x.Closed
	if !inScope(p, x.Received, closed) {
		return nil
	}
	rows := []*PetitionRow{&a.s.Petitions.All, a.kinds[petitionKind(x.Content)]}
	if x.LandDispute {
		rows = append(rows, &a.s.Petitions.Land)
	}
	a.field[string(x.Field)]++
	for _, r := range rows {
		r.Total++
		if carried(p, x.Received, closed) {
			r.CarriedOver++
		}
		if p.Contains(x.Received) {
			r.Received++
		}
		if x.Eligibility == model.EligibilityEligible {
			r.Eligible++
		} else {
			r.NotEligible++
		}
		if x.InJurisdiction {
			r.InJurisdiction++
		} else {
			r.NotInJurisdiction++
		}
		if !closedBy(p, closed) {
			r.Pending++
			if !x.Due.IsZero() && x.Due < a.s.AsOf {
				r.Overdue++
			}
			continue
		}
		switch x.Status {
		case model.PetitionResolved:
			r.Resolved++
		case model.PetitionGuided:
			r.Guided++
		case model.PetitionTransferred:
			r.Transferred++
		case model.PetitionWithdrawn:
			r.Withdrawn++
		case model.PetitionArchived:
			r.Archived++
		}
	}
	return nil
}

func (a *petitionAcc) finish() {
	for _, k := range PetitionKinds() {
		a.s.Petitions.ByKind = append(a.s.Petitions.ByKind, *a.kinds[k])
	}
	for _, f := range model.Fields() {
		if n := a.field[string(f)]; n > 0 {
			a.s.Petitions.ByField = append(a.s.Petitions.ByField, KeyCount{string(f), n})
		}
	}
}
