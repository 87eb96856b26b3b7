// Package model holds tiepdan's domain: the records of the three registers,
// their validation, the enums with stable codes, dates in Vietnam time, and
// the Store interface the storage layer implements. It imports only the
// standard library and small pure helpers under model/.
package model

import "time"

// Kind names a record type. It is stored in audit events and indexes.
type Kind string

const (
	KindCitizen   Kind = "citizen"
	KindSession   Kind = "session"
	KindReception Kind = "reception"
	KindPetition  Kind = "petition"
	KindDossier   Kind = "dossier"
	KindProcedure Kind = "procedure"
	KindOffice    Kind = "office"
	// KindDocument names a printed document in the audit log.
	KindDocument Kind = "document"
)

// Meta is what every record carries: identity, who made and changed it, the
// Version counter for optimistic concurrency and the void state. Records are
// never deleted by users; a voided record keeps its data and stops counting.
type Meta struct {
	ID         uint64    `json:"id"`
	Version    uint64    `json:"v"`
	CreatedAt  time.Time `json:"ca"`
	CreatedBy  string    `json:"cb,omitempty"`
	UpdatedAt  time.Time `json:"ua"`
	UpdatedBy  string    `json:"ub,omitempty"`
	Voided     bool      `json:"vd,omitempty"`
	VoidReason string    `json:"vr,omitempty"`
	// ChangeReason, only on the way in, says why a save changes what a
	// closed period counted (see ClosedChange); the audit event keeps it.
	ChangeReason string `json:"-"`
}

// Base returns m itself, so every record can hand its Meta to generic code.
func (m *Meta) Base() *Meta { return m }

// Record is implemented by every stored record type.
type Record interface {
	Base() *Meta
	Kind() Kind
	// Normalize cleans every text field (NFC, no control characters) and
	// derives normalised forms (digits-only ID and phone).
	Normalize()
	// Validate checks the record as of now and returns a *ValidationError
	// listing every bad field, or nil.
	Validate(now time.Time) error
}

// Citizen is a person (or an organisation's representative) dealing with the
// office. Found again by ID number, phone, or name without diacritics.
type Citizen struct {
	Meta
	FullName  string `json:"name"`
	BirthYear int    `json:"by,omitempty"`
	Gender    Gender `json:"g,omitempty"`
	IDNumber  string `json:"idn,omitempty"`
	Phone     string `json:"ph,omitempty"`
	Address   string `json:"addr,omitempty"`
}

// Kind returns KindCitizen.
func (*Citizen) Kind() Kind { return KindCitizen }

// ReceptionSession is a reception session presided by a leader; periodic
// sessions are what reports count as "số kỳ tiếp".
type ReceptionSession struct {
	Meta
	Date      Date        `json:"d"`
	SessKind  SessionKind `json:"k"`
	Presiding string      `json:"pr"`
	Delegated bool        `json:"dl,omitempty"`
	Place     string      `json:"pl,omitempty"`
	Note      string      `json:"n,omitempty"`
}

// Kind returns KindSession.
func (*ReceptionSession) Kind() Kind { return KindSession }

// Reception is one visit: one citizen, or a group led by CitizenID with
// HeadCount people.
type Reception struct {
	Meta
	At          time.Time     `json:"at"`
	RecKind     ReceptionKind `json:"k"`
	SessionID   uint64        `json:"ses,omitempty"`
	CitizenID   uint64        `json:"cit,omitempty"`
	HeadCount   int           `json:"hc"`
	Summary     string        `json:"sum"`
	Content     ContentKind   `json:"ck"`
	Field       Field         `json:"f"`
	LandDispute bool          `json:"ld,omitempty"`
	// Matter says whether the visit was the first about its case or a
	// return; the store derives it from the cases' history on save.
	Matter Matter `json:"m"`
	// CaseIDs are the cases the visit raised, the first the main one; a 0
	// asks the store to open a new case from the visit. Empty is one new
	// case.
	CaseIDs       []uint64 `json:"cases,omitempty"`
	Written       bool     `json:"w,omitempty"`
	PetitionID    uint64   `json:"pet,omitempty"`
	Handling      Handling `json:"h"`
	TransferredTo string   `json:"to,omitempty"`
	// HandledBefore is the agency that already dealt with the matter
	// (and how: "UBND xã, QĐ số 12/QĐ-UBND"), the register's "Cơ quan đã
	// giải quyết".
	HandledBefore string `json:"hb,omitempty"`
	ReceivedBy    string `json:"rb,omitempty"`
	FollowUpDue   Date   `json:"fu,omitempty"`
	// FollowUpRule is the Ref of the deadline rule that gave FollowUpDue
	// (empty when the clerk set the date).
	FollowUpRule string `json:"fur,omitempty"`
	// Replied is the date the citizen got the reply owed.
	Replied Date   `json:"rpl,omitempty"`
	Note    string `json:"n,omitempty"`
	Protection
}

// Kind returns KindReception.
func (*Reception) Kind() Kind { return KindReception }

// Date returns the calendar date of the visit.
func (r *Reception) Date() Date { return DateOf(r.At) }

// Group reports whether the visit was a group at or above threshold people
// (đoàn đông người).
func (r *Reception) Group(threshold int) bool { return r.HeadCount >= threshold }

// Petition is a written petition (đơn thư).
type Petition struct {
	Meta
	Received       Date           `json:"d"`
	Source         PetitionSource `json:"src"`
	CitizenID      uint64         `json:"cit,omitempty"`
	CoSigners      int            `json:"cs,omitempty"`
	Summary        string         `json:"sum"`
	Content        ContentKind    `json:"ck"`
	Field          Field          `json:"f"`
	LandDispute    bool           `json:"ld,omitempty"`
	Eligibility    Eligibility    `json:"el"`
	InJurisdiction bool           `json:"jur,omitempty"`
	Status         PetitionStatus `json:"st"`
	Outcome        Outcome        `json:"out,omitempty"`
	TransferredTo  string         `json:"to,omitempty"`
	// Accepted is the date the petition was accepted for resolution (thụ
	// lý); from then its deadline is the resolution's.
	Accepted Date `json:"acc,omitempty"`
	// Complex marks a complex case (a longer resolution deadline).
	Complex bool `json:"cx,omitempty"`
	// SecondTime marks a complaint brought a second time (khiếu nại lần
	// hai), against the first decision.
	SecondTime bool `json:"k2,omitempty"`
	// Sector is the area the national forms count the petition in; empty
	// takes its field's (SectorOf).
	Sector Sector `json:"sec,omitempty"`
	// Conduct marks a denunciation of corruption or of public duty.
	Conduct Conduct `json:"cdt,omitempty"`
	// Extensions counts the extensions of a denunciation's resolution.
	Extensions int  `json:"ext,omitempty"`
	Due        Date `json:"due,omitempty"`
	// DueRule is the Ref of the deadline rule that gave Due (empty when the
	// clerk set the date).
	DueRule     string `json:"dru,omitempty"`
	Resolved    Date   `json:"res,omitempty"`
	ReceptionID uint64 `json:"rec,omitempty"`
	// CaseID is the case the petition belongs to; 0 asks the store to open
	// a new one from the petition.
	CaseID uint64 `json:"case,omitempty"`
	Note   string `json:"n,omitempty"`
	Protection
}

// Kind returns KindPetition.
func (*Petition) Kind() Kind { return KindPetition }

// Apology is an apology slip issued for a late dossier, with the new date.
type Apology struct {
	Issued Date   `json:"d"`
	NewDue Date   `json:"due"`
	Reason string `json:"r,omitempty"`
}

// Dossier is an administrative-procedure application at the one-stop desk.
// Procedure name, field and working days are copied from the catalogue at
// intake, so later catalogue edits do not rewrite history.
type Dossier struct {
	Meta
	Code          string `json:"code"`
	ProcedureID   uint64 `json:"proc,omitempty"`
	ProcedureName string `json:"pn"`
	Field         Field  `json:"f"`
	WorkingDays   int    `json:"wd"`
	ApplicantID   uint64 `json:"cit,omitempty"`
	// Documents lists the papers received (thành phần hồ sơ), one per
	// line or separated by ";".
	Documents  string        `json:"docs,omitempty"`
	Channel    Channel       `json:"ch"`
	ReceivedAt time.Time     `json:"at"`
	Due        Date          `json:"due"`
	DueReason  string        `json:"dr,omitempty"`
	Status     DossierStatus `json:"st"`
	Resolved   Date          `json:"res,omitempty"`
	Returned   Date          `json:"ret,omitempty"`
	// ForwardedTo is the agency the one-stop desk sent the dossier to for
	// resolution, on ForwardedOn (the register's "Chuyển đến cơ quan").
	ForwardedTo string    `json:"fwd,omitempty"`
	ForwardedOn Date      `json:"fwdon,omitempty"`
	Apologies   []Apology `json:"ap,omitempty"`
	// Supplements are the requests for supplements, oldest first; while the
	// last one is not resumed the dossier's clock is stopped.
	Supplements []Supplement `json:"sup,omitempty"`
	// SupplementItems is what the applicant is asked to bring; setting the
	// status to "supplement requested" files it as a new request.
	SupplementItems string `json:"si,omitempty"`
	Note            string `json:"n,omitempty"`
	// InSystem says the dossier was received on the electronic one-stop
	// system (Hệ thống thông tin một cửa điện tử), whatever its channel.
	InSystem bool `json:"sys,omitempty"`
	// Rating is the applicant's satisfaction, asked when the result is
	// handed back (empty: not asked).
	Rating Rating `json:"rt,omitempty"`
}

// Kind returns KindDossier.
func (*Dossier) Kind() Kind { return KindDossier }

// Received returns the calendar date the dossier was received.
func (d *Dossier) Received() Date { return DateOf(d.ReceivedAt) }

// Procedure is an entry of the one-stop procedure catalogue.
type Procedure struct {
	Meta
	Name        string `json:"name"`
	Field       Field  `json:"f"`
	WorkingDays int    `json:"wd"`
	Inactive    bool   `json:"off,omitempty"`
	// Online is how far the procedure is offered as an online public
	// service, from OnlineFrom; Letter is the letter its dossiers call for
	// (a birth or marriage registration: congratulations).
	Online     OnlineLevel `json:"ol,omitempty"`
	OnlineFrom Date        `json:"olf,omitempty"`
	Letter     LetterKind  `json:"lt,omitempty"`
}

// Kind returns KindProcedure.
func (*Procedure) Kind() Kind { return KindProcedure }

// AuditEvent records one change: written in the same transaction as the
// change itself and never modified afterwards.
type AuditEvent struct {
	Seq      uint64    `json:"seq"`
	At       time.Time `json:"at"`
	Staff    string    `json:"by"`
	Action   string    `json:"act"`
	Kind     Kind      `json:"k"`
	RecordID uint64    `json:"id"`
	Changes  []Change  `json:"ch,omitempty"`
	// Reason is why a change to a closed period was made.
	Reason string `json:"rs,omitempty"`
}

// Audit actions. ActionViewIdentity records that a protected identity was
// shown; it changes nothing.
const (
	ActionCreate       = "create"
	ActionUpdate       = "update"
	ActionVoid         = "void"
	ActionViewIdentity = "view_identity"
	// ActionHandOut records that a printed document was handed to a
	// clerk's browser; it changes nothing.
	ActionHandOut = "hand_out"
)

// Changed reports whether the event records a change of the record (not a
// view).
func (e *AuditEvent) Changed() bool {
	return e.Action == ActionCreate || e.Action == ActionUpdate || e.Action == ActionVoid
}

// AuditQuery selects audit events, newest first: of one staff member, of one
// day, of one record (Kind and RecordID), or all. Before continues a listing
// below that sequence number (0: from the newest).
type AuditQuery struct {
	Staff    string
	Day      Date
	Kind     Kind
	RecordID uint64
	Before   uint64
	Limit    int
}

// Change is one field's old and new value in an audit event, as text.
type Change struct {
	Field string `json:"f"`
	Old   string `json:"o,omitempty"`
	New   string `json:"n,omitempty"`
}

// ClosedOn returns the date the petition stopped being handled, or zero while
// it is still open. A petition archived without a date counts as closed on
// the day it was received (filed on receipt).
func (p *Petition) ClosedOn() Date {
	switch {
	case p.Status.Open():
		return 0
	case !p.Resolved.IsZero():
		return p.Resolved
	}
	return p.Received
}

// ClosedOn returns the date the dossier was finished (result, rejection or
// withdrawal), or zero while it is still open.
func (d *Dossier) ClosedOn() Date {
	if d.Status.Open() {
		return 0
	}
	return d.Resolved
}
