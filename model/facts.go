package model

// Facts are the few fields of a record that period summaries count. Each
// record derives its own (the one place the derivation lives); storage keeps
// them beside the date and closed indexes, so a summary reads a compact
// projection instead of decoding every record.

// SessionFacts is what a summary counts of a reception session.
type SessionFacts struct {
	Date Date
	Kind SessionKind
	// ID and Delegated tell the head's own sessions from those he
	// delegated (the national form 01/TCD counts them apart).
	ID        uint64
	Delegated bool
	// Presiding is who presided, as typed ("Chủ tịch", "Phó Chủ tịch").
	Presiding string
}

// Facts returns the session's facts.
func (s *ReceptionSession) Facts() SessionFacts {
	return SessionFacts{Date: s.Date, Kind: s.SessKind, ID: s.ID, Delegated: s.Delegated, Presiding: s.Presiding}
}

// ReceptionFacts is what a summary counts of a visit.
type ReceptionFacts struct {
	Date        Date
	Kind        ReceptionKind
	HeadCount   int
	Content     ContentKind
	Field       Field
	LandDispute bool
	Matter      Matter
	Handling    Handling
	// CaseIDs are the cases the visit raised (empty in records from before
	// cases: the visit is then its own case).
	CaseIDs []uint64
	// SessionID is the session of a visit received in one.
	SessionID uint64
}

// Facts returns the visit's facts.
func (r *Reception) Facts() ReceptionFacts {
	return ReceptionFacts{Date: r.Date(), Kind: r.RecKind, HeadCount: r.HeadCount, Content: r.Content, Field: r.Field,
		LandDispute: r.LandDispute, Matter: r.Matter, Handling: r.Handling, CaseIDs: r.CaseIDs,
		SessionID: r.SessionID}
}

// Group reports whether the visit was a group at or above threshold people.
func (r ReceptionFacts) Group(threshold int) bool { return r.HeadCount >= threshold }

// PetitionFacts is what a summary counts of a petition.
type PetitionFacts struct {
	Received, Due  Date
	Closed         Date // zero while open; see Petition.ClosedOn
	Status         PetitionStatus
	Content        ContentKind
	Field          Field
	LandDispute    bool
	Eligibility    Eligibility
	InJurisdiction bool
	// For the national forms: acceptance date, case, outcome, sector and
	// conduct.
	Accepted Date
	CaseID   uint64
	Outcome  Outcome
	Sector   Sector
	Conduct  Conduct
}

// Facts returns the petition's facts.
func (p *Petition) Facts() PetitionFacts {
	return PetitionFacts{Received: p.Received, Due: p.Due, Closed: p.ClosedOn(), Status: p.Status, Content: p.Content,
		Field: p.Field, LandDispute: p.LandDispute, Eligibility: p.Eligibility, InJurisdiction: p.InJurisdiction,
		Accepted: p.Accepted, CaseID: p.CaseID, Outcome: p.Outcome, Sector: p.SectorOrDefault(), Conduct: p.Conduct}
}

// DossierFacts is what a summary counts of a dossier.
type DossierFacts struct {
	Received, Due Date
	Closed        Date // zero while open; see Dossier.ClosedOn
	Status        DossierStatus
	Channel       Channel
	Field         Field
	Procedure     string
	Apology       bool // an apology slip was issued: late whatever the dates
	// Schema 7: the catalogue entry, whether the dossier was received on
	// the electronic one-stop system, and the rating given at handback.
	ProcedureID uint64
	InSystem    bool
	Rating      Rating
	Returned    Date
}

// Facts returns the dossier's facts.
func (d *Dossier) Facts() DossierFacts {
	return DossierFacts{Received: d.Received(), Due: d.Due, Closed: d.ClosedOn(), Status: d.Status, Channel: d.Channel,
		Field: d.Field, Procedure: d.ProcedureName, Apology: len(d.Apologies) > 0,
		ProcedureID: d.ProcedureID, InSystem: d.InSystem, Rating: d.Rating, Returned: d.Returned}
}

// Timeliness says whether a dossier with a result was early, on time or
// late; an apology slip makes it late.
func (f DossierFacts) Timeliness() Timeliness {
	if f.Apology {
		return Late
	}
	return TimelinessOf(f.Closed, f.Due)
}
