// Package report computes the period summary of DESIGN §5 from the records —
// dossiers, citizen reception and petitions — with the identities it relies
// on, and renders it as tables, prose and exports (text, CSV, XLSX, HTML).
//
// Every figure is counted on its own from the records, never derived from
// another figure, so the identities (total = received + carried over, ...)
// are real checks: Summary.Identities lists them with their values and
// Summary.Check fails if one does not hold.
package report

import (
	"github.com/tiepdan/tiepdan/model"
)

// Summary is the period summary of one office.
type Summary struct {
	Office model.Office
	Period model.Period
	// AsOf is the date statuses are judged at: the period's last day, or
	// today while the period is still running. "Late" means a due date
	// before AsOf.
	AsOf model.Date
	// Made is the day the summary was computed: the date line of a printout.
	Made      model.Date
	Dossiers  DossierSummary
	Reception ReceptionSummary
	Petitions PetitionSummary
	// National are the figures of the national statistical forms.
	National NationalFacts
	// Friendly is dialogues, satisfaction, letters, online service and
	// what citizens raised.
	Friendly Friendly
}

// Running reports whether the period had not ended when the summary was
// made, so its figures are "so far".
func (s *Summary) Running() bool { return s.AsOf < s.Period.To }

// Compute builds the summary of period p from src. today bounds AsOf; office
// gives the group threshold, the session rules and the headings.
func Compute(src model.PeriodScanner, office model.Office, p model.Period, today model.Date) (*Summary, error) {
	s := &Summary{Office: office, Period: p, AsOf: min(p.To, today), Made: today}
	if s.AsOf < p.From {
		s.AsOf = p.From
	}
	d := newDossierAcc(s)
	r := newReceptionAcc(s)
	pt := newPetitionAcc(s)
	nat := newNationalAcc(s)
	fr := newFriendlyAcc(s)
	err := src.ScanPeriod(p.From, p.To, model.PeriodVisitor{
		Session: func(x model.SessionFacts) error { nat.session(x); return r.session(x) },
		Reception: func(x model.ReceptionFacts) error {
			nat.reception(x)
			fr.reception(x)
			return r.reception(x)
		},
		Petition:  func(x model.PetitionFacts) error { nat.petition(x); fr.petition(x); return pt.add(x) },
		Dossier:   func(x model.DossierFacts) error { fr.dossier(x); return d.add(x) },
		Case:      r.caseFacts,
		Dialogue:  fr.dialogue,
		Survey:    fr.survey,
		Letter:    fr.letter,
		Procedure: fr.procedure,
		OldCases:  fr.oldCase,
	})
	if err != nil {
		return nil, err
	}
	d.finish()
	r.finish()
	pt.finish()
	nat.finish(r.firstVisit)
	nat.finishPetitions()
	nat.finishDossiers()
	fr.finish()
	return s, nil
}

// carried reports whether a record received on received and closed on
// closed (zero: still open) is carried over into p: received before it and
// not closed before it.
func carried(p model.Period, received, closed model.Date) bool {
	return received < p.From && (closed.IsZero() || closed >= p.From)
}

// inScope reports whether the record belongs to p's summary at all.
func inScope(p model.Period, received, closed model.Date) bool {
	return p.Contains(received) || carried(p, received, closed)
}

// closedBy reports whether a record closed on closed was closed by the end
// of p.
func closedBy(p model.Period, closed model.Date) bool {
	return !closed.IsZero() && closed <= p.To
}

// Share is a fraction shown as a percentage with one decimal.
type Share struct{ Num, Den int }
