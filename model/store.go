package model

// ListQuery selects one page of a register, newest first. From and To bound
// the record's date inclusively (zero means open). Filter holds the register's
// own filters: "kind" (reception kind, content kind, channel) and "status".
// Cursor continues after the last item of the previous page.
type ListQuery struct {
	From, To      Date
	Kind          string
	Status        string
	IncludeVoided bool
	Cursor        []byte
	Limit         int
}

// Page is one page of a register. Next is the cursor of the following page,
// nil on the last one. Citizens holds the citizens the page refers to, so a
// list can show names without one lookup per row.
type Page[T any] struct {
	Items    []T
	Next     []byte
	Citizens map[uint64]Citizen
}

// Contact is a citizen's last visit or petition, and how many of their
// cases are open: what a picker row shows to tell namesakes apart and to
// offer the case the citizen came back about.
type Contact struct {
	Kind      Kind
	ID        uint64
	Date      Date
	Summary   string
	OpenCases int
}

// HistoryItem is one entry of a citizen's history across the registers.
type HistoryItem struct {
	Kind      Kind
	ID        uint64
	Date      Date
	Reception *Reception
	Petition  *Petition
	Dossier   *Dossier
}

// Store is what the UI and reports need from persistence. The storage package
// implements it over bbolt; each value acts for one staff member, recorded as
// the author of every change and audit event.
//
// Saves normalise and validate the record, check its Version against the
// stored one (ErrConflict when someone saved first), bump Version, fill the
// created/updated fields and write one audit event, all in one transaction.
// A new record has ID 0 and gets its ID on save.
type Store interface {
	PeriodScanner

	Office() (Office, error)
	SaveOffice(o *Office) error

	Citizen(id uint64) (Citizen, error)
	SaveCitizen(c *Citizen) error
	// SearchCitizens finds citizens by name without diacritics (every query
	// word a prefix of a name word), by ID number or by phone (digits).
	SearchCitizens(query string, limit int) ([]Citizen, error)
	History(citizenID uint64) ([]HistoryItem, error)

	Session(id uint64) (ReceptionSession, error)
	SaveSession(s *ReceptionSession) error
	ListSessions(q ListQuery) (Page[ReceptionSession], error)
	SessionReceptions(sessionID uint64) ([]Reception, error)

	Case(id uint64) (Case, error)
	SaveCase(c *Case) error
	// CitizenCases lists a citizen's cases, newest first.
	CitizenCases(citizenID uint64) ([]Case, error)

	Reception(id uint64) (Reception, error)
	SaveReception(r *Reception) error
	ListReceptions(q ListQuery) (Page[Reception], error)

	Petition(id uint64) (Petition, error)
	SavePetition(p *Petition) error
	ListPetitions(q ListQuery) (Page[Petition], error)
	// PetitionFromReception saves the new petition p and links the reception
	// (at version receptionVersion) to it, in one transaction.
	PetitionFromReception(p *Petition, receptionID, receptionVersion uint64) error

	Dossier(id uint64) (Dossier, error)
	// DossierPaper returns dossier id and its applicant from one read.
	DossierPaper(id uint64) (Dossier, Citizen, error)
	SaveDossier(d *Dossier) error
	ListDossiers(q ListQuery) (Page[Dossier], error)

	// DossierByCode finds a dossier by its code (ErrNotFound if none).
	DossierByCode(code string) (Dossier, error)
	// Agenda lists what the desk owes, for the "Hôm nay" screen.
	Agenda(q AgendaQuery) (Agenda, error)

	// Dialogue conferences, satisfaction survey batches and letters sent.
	Dialogue(id uint64) (Dialogue, error)
	SaveDialogue(d *Dialogue) error
	ListDialogues(q ListQuery) (Page[Dialogue], error)
	Survey(id uint64) (Survey, error)
	SaveSurvey(s *Survey) error
	ListSurveys(q ListQuery) (Page[Survey], error)
	Letter(id uint64) (Letter, error)
	SaveLetter(l *Letter) error
	ListLetters(q ListQuery) (Page[Letter], error)

	Procedures() ([]Procedure, error)
	SaveProcedure(p *Procedure) error

	// Void marks a record voided with a reason; version guards it like a save.
	Void(kind Kind, id, version uint64, reason string) error
	// Audit returns the audit events of one record, oldest first.
	Audit(kind Kind, id uint64) ([]AuditEvent, error)
	// AuditLog lists audit events newest first (leaders and administrators;
	// others get ErrNoPermission).
	AuditLog(q AuditQuery) ([]AuditEvent, error)

	// Me returns the staff member this store acts for (username, role and
	// permission; local mode is an administrator).
	Me() Staff
	Staff(username string) (Staff, error)
	ListStaff() ([]Staff, error)
	// SaveStaff creates or updates an account (administrators only).
	SaveStaff(s *Staff) error

	// LastContacts returns, for each citizen id that has one, the last
	// visit or petition and the number of open cases.
	LastContacts(citizenIDs []uint64) (map[uint64]Contact, error)

	// SaveDraft keeps an unsaved form's draft for the staff member this
	// store acts for (replacing the draft of the same ID); Drafts lists
	// theirs, newest first; DeleteDraft drops one (no error when gone).
	SaveDraft(d Draft) error
	Drafts() ([]Draft, error)
	DeleteDraft(id string) error

	// ProtectedIdentity returns the identity kept apart for a denunciation
	// record (restricted mode), to staff with the permission only, and
	// audits the view; others get ErrNoPermission. Identities are sealed at
	// rest: until UnlockProtected has opened the office's key with the staff
	// member's passphrase, it returns ErrProtectedLocked.
	ProtectedIdentity(kind Kind, id uint64) (Identity, error)
	// UnlockProtected opens the office's protected-identity key for this
	// session (ErrWrongPassphrase, *WaitError after repeated wrong tries);
	// ProtectedUnlocked reports whether it is open; LockProtected forgets it.
	UnlockProtected(passphrase string) error
	ProtectedUnlocked() bool
	LockProtected()
	// ProtectedCount is how many identities are kept apart (what switching
	// the office back to offline destroys).
	ProtectedCount() (int, error)
}

// PeriodVisitor receives the facts a period summary counts, one kind per
// function; a nil function skips that kind. An error stops the scan and is
// returned by it.
type PeriodVisitor struct {
	Session   func(SessionFacts) error
	Reception func(ReceptionFacts) error
	Petition  func(PetitionFacts) error
	Dossier   func(DossierFacts) error
	// Case, when set, is called after the visits, once for each case they
	// raised.
	Case func(CaseFacts) error
	// Dialogue, Survey and Letter get those records dated in the period;
	// Procedure, called first, every catalogue entry.
	Dialogue  func(DialogueFacts) error
	Survey    func(SurveyFacts) error
	Letter    func(LetterFacts) error
	Procedure func(ProcedureFacts) error
	// OldCases gets the oldest cases still open at the period's end (at
	// most MaxOldCases), oldest first.
	OldCases func(OpenCaseFacts) error
}

// MaxOldCases is how many of the oldest open cases a summary names.
const MaxOldCases = 5

// PeriodScanner streams what a period summary needs, from one consistent
// snapshot and never the whole database: sessions and receptions dated in
// [from, to]; petitions and dossiers received in [from, to], and those
// received before from that were not closed before from (carried over).
// Voided records are skipped.
type PeriodScanner interface {
	ScanPeriod(from, to Date, v PeriodVisitor) error
}

// AgendaQuery asks what the desk owes: open dossiers due on or before
// DossiersBy, open petitions due on or before PetitionsBy, visits whose
// reply is owed on or before RepliesBy and not given yet, and the periodic
// sessions dated from SessionsFrom. Limit bounds each list (0: 200).
type AgendaQuery struct {
	DossiersBy, PetitionsBy, RepliesBy, SessionsFrom Date
	// FollowUpsBy asks for dialogue follow-ups not done, due by then.
	FollowUpsBy Date
	// DueFrom, when set, leaves out what fell due before it: what is
	// coming up is found however long the backlog behind it.
	DueFrom Date
	Limit   int
}

// Agenda is the answer to an AgendaQuery, each list by due date, oldest
// first, with the citizens its records refer to. More counts what Limit
// left out, by kind.
type Agenda struct {
	Dossiers  []Dossier
	Petitions []Petition
	Replies   []Reception
	Sessions  []ReceptionSession
	FollowUps []Dialogue
	Citizens  map[uint64]Citizen
	More      map[Kind]int
}
