package model

import (
	"time"

	"github.com/tiepdan/tiepdan/model/vntext"
)

// The records of the "friendly government" part of the reports (chính
// quyền thân thiện): dialogue conferences, satisfaction survey batches and
// the letters the office sends. Ratings given at the desk live on the
// dossier (Dossier.Rating).
const (
	KindDialogue Kind = "dialogue"
	KindSurvey   Kind = "survey"
	KindLetter   Kind = "letter"
)

// DialogueWith is whom a dialogue conference was held with.
type DialogueWith string

const (
	WithVillage   DialogueWith = "village"   // the people of a village / residential group
	WithYouth     DialogueWith = "youth"     // the youth (NĐ 13/2021/NĐ-CP)
	WithClearance DialogueWith = "clearance" // households in a land clearance
	WithBusiness  DialogueWith = "business"  // businesses
	WithOther     DialogueWith = "other"
)

// DialogueWiths lists them in display order.
func DialogueWiths() []DialogueWith {
	return []DialogueWith{WithVillage, WithYouth, WithClearance, WithBusiness, WithOther}
}

// Valid reports whether w is known.
func (w DialogueWith) Valid() bool { return in(w, DialogueWiths()) }

// Dialogue is a dialogue conference (hội nghị đối thoại) between the
// office's leader and the people. Opinions raised are those answered on
// the spot plus those taken away to answer later; the follow-up is what
// was promised, due on FollowUpDue (shown on "Hôm nay" until done).
type Dialogue struct {
	Meta
	Date         Date         `json:"d"`
	Scheduled    bool         `json:"sch,omitempty"` // periodic (định kỳ); else ad hoc (đột xuất)
	Place        string       `json:"pl"`
	Presiding    string       `json:"pr"`
	With         DialogueWith `json:"w"`
	Attendees    int          `json:"att"`
	Matters      string       `json:"m,omitempty"`
	Field        Field        `json:"f,omitempty"`
	CaseID       uint64       `json:"case,omitempty"`
	Answered     int          `json:"ans"`
	TakenAway    int          `json:"away"`
	FollowUp     string       `json:"fu,omitempty"`
	FollowUpDue  Date         `json:"fud,omitempty"`
	FollowUpDone Date         `json:"fdo,omitempty"`
	Note         string       `json:"n,omitempty"`
}

// Kind returns KindDialogue.
func (*Dialogue) Kind() Kind { return KindDialogue }

// Raised is every opinion raised: answered on the spot plus taken away.
func (d *Dialogue) Raised() int { return d.Answered + d.TakenAway }

// Normalize cleans the text.
func (d *Dialogue) Normalize() {
	d.Place = vntext.Clean(d.Place, false)
	d.Presiding = vntext.Clean(d.Presiding, false)
	d.Matters = vntext.Clean(d.Matters, true)
	d.FollowUp = vntext.Clean(d.FollowUp, true)
	d.Note = vntext.Clean(d.Note, true)
}

// Validate checks a dialogue: counts are not negative, a follow-up has a
// due date, none is done before the conference.
func (d *Dialogue) Validate(now time.Time) error {
	var e errs
	if d.Date.IsZero() {
		e.add("Date", ErrCodeRequired)
	} else {
		e.notFuture("Date", d.Date, now)
	}
	if e.required("Place", d.Place) {
		e.maxLen("Place", d.Place, MaxShortLen)
	}
	if e.required("Presiding", d.Presiding) {
		e.maxLen("Presiding", d.Presiding, MaxShortLen)
	}
	e.choice("With", d.With.Valid())
	e.intRange("Attendees", d.Attendees, 1, 100000)
	e.intRange("Answered", d.Answered, 0, 10000)
	e.intRange("TakenAway", d.TakenAway, 0, 10000)
	e.choice("Field", d.Field == "" || d.Field.Valid())
	e.maxLen("Matters", d.Matters, MaxTextLen)
	e.maxLen("FollowUp", d.FollowUp, MaxTextLen)
	e.maxLen("Note", d.Note, MaxTextLen)
	if d.TakenAway > 0 && d.FollowUp != "" && d.FollowUpDue.IsZero() {
		e.add("FollowUpDue", ErrCodeRequired)
	}
	if !d.FollowUpDue.IsZero() && !d.Date.IsZero() && d.FollowUpDue < d.Date {
		e.add("FollowUpDue", ErrCodeBefore)
	}
	if !d.FollowUpDone.IsZero() {
		e.notFuture("FollowUpDone", d.FollowUpDone, now)
		if !d.Date.IsZero() && d.FollowUpDone < d.Date {
			e.add("FollowUpDone", ErrCodeBefore)
		}
	}
	return e.err()
}

// SurveySource is where a survey batch's forms came from.
type SurveySource string

const (
	SurveyPaper  SurveySource = "paper"
	SurveyOnline SurveySource = "online"
)

// SurveySources lists them in display order.
func SurveySources() []SurveySource { return []SurveySource{SurveyPaper, SurveyOnline} }

// Valid reports whether s is known.
func (s SurveySource) Valid() bool { return in(s, SurveySources()) }

// Survey is one batch of a satisfaction survey (khảo sát mức độ hài
// lòng): forms handed out and returned, and the returned forms counted by
// level; a returned form may leave the level blank (not rated).
type Survey struct {
	Meta
	Date          Date         `json:"d"`
	Medium        SurveySource `json:"src"`
	Subject       string       `json:"sub,omitempty"`
	FormsOut      int          `json:"out"`
	FormsReturned int          `json:"ret"`
	VerySatisfied int          `json:"vs"`
	Satisfied     int          `json:"s"`
	Unsatisfied   int          `json:"u"`
	Note          string       `json:"n,omitempty"`
}

// Kind returns KindSurvey.
func (*Survey) Kind() Kind { return KindSurvey }

// Rated is the returned forms that gave a level.
func (s *Survey) Rated() int { return s.VerySatisfied + s.Satisfied + s.Unsatisfied }

// ErrCodeSurveyRated is the field error for levels adding up to more than
// the forms returned.
const ErrCodeSurveyRated = "err.survey_rated"

// Normalize cleans the text.
func (s *Survey) Normalize() {
	s.Subject = vntext.Clean(s.Subject, false)
	s.Note = vntext.Clean(s.Note, true)
}

// Validate checks a batch: returned ≤ handed out, levels ≤ returned.
func (s *Survey) Validate(now time.Time) error {
	var e errs
	if s.Date.IsZero() {
		e.add("Date", ErrCodeRequired)
	} else {
		e.notFuture("Date", s.Date, now)
	}
	e.choice("Medium", s.Medium.Valid())
	e.maxLen("Subject", s.Subject, MaxShortLen)
	e.maxLen("Note", s.Note, MaxTextLen)
	e.intRange("FormsOut", s.FormsOut, 0, 1000000)
	e.intRange("FormsReturned", s.FormsReturned, 1, max(1, s.FormsOut))
	for _, f := range []struct {
		field string
		v     int
	}{{"VerySatisfied", s.VerySatisfied}, {"Satisfied", s.Satisfied}, {"Unsatisfied", s.Unsatisfied}} {
		e.intRange(f.field, f.v, 0, 1000000)
	}
	if s.Rated() > s.FormsReturned {
		e.add("Unsatisfied", ErrCodeSurveyRated, s.Rated(), s.FormsReturned)
	}
	return e.err()
}

// Rating is a citizen's satisfaction with a result handed back at the
// desk; RatingNone is "không đánh giá" (asked, declined), empty is not
// asked.
type Rating string

const (
	RatingVery        Rating = "very"
	RatingSatisfied   Rating = "satisfied"
	RatingUnsatisfied Rating = "unsatisfied"
	RatingNone        Rating = "none"
)

// Ratings lists them in display order.
func Ratings() []Rating { return []Rating{RatingVery, RatingSatisfied, RatingUnsatisfied, RatingNone} }

// Valid reports whether r is empty or known.
func (r Rating) Valid() bool { return r == "" || in(r, Ratings()) }

// LetterKind is the kind of a letter the office sends.
type LetterKind string

const (
	LetterCongrat    LetterKind = "congrat"    // thư chúc mừng (a birth, a marriage)
	LetterCondolence LetterKind = "condolence" // thư chia buồn (with a death registration)
	LetterApology    LetterKind = "apology"    // thư xin lỗi (a late result)
	LetterThanks     LetterKind = "thanks"     // thư cảm ơn
)

// LetterKinds lists them in display order.
func LetterKinds() []LetterKind {
	return []LetterKind{LetterCongrat, LetterCondolence, LetterApology, LetterThanks}
}

// Valid reports whether k is known.
func (k LetterKind) Valid() bool { return in(k, LetterKinds()) }

// Letter is a letter the office sent, printed on A5 from the office's
// template for its kind; DossierID is the dossier that called for it.
type Letter struct {
	Meta
	Date       Date       `json:"d"`
	LetterKind LetterKind `json:"k"`
	Recipient  string     `json:"to"`
	Address    string     `json:"addr,omitempty"`
	Occasion   string     `json:"occ,omitempty"`
	DossierID  uint64     `json:"dos,omitempty"`
	Note       string     `json:"n,omitempty"`
}

// Kind returns KindLetter.
func (*Letter) Kind() Kind { return KindLetter }

// Normalize cleans the text.
func (l *Letter) Normalize() {
	l.Recipient = vntext.Clean(l.Recipient, false)
	l.Address = vntext.Clean(l.Address, false)
	l.Occasion = vntext.Clean(l.Occasion, false)
	l.Note = vntext.Clean(l.Note, true)
}

// Validate checks a letter.
func (l *Letter) Validate(now time.Time) error {
	var e errs
	if l.Date.IsZero() {
		e.add("Date", ErrCodeRequired)
	} else {
		e.notFuture("Date", l.Date, now)
	}
	e.choice("LetterKind", l.LetterKind.Valid())
	if e.required("Recipient", l.Recipient) {
		e.maxLen("Recipient", l.Recipient, MaxNameLen)
	}
	e.maxLen("Address", l.Address, MaxShortLen)
	e.maxLen("Occasion", l.Occasion, MaxShortLen)
	e.maxLen("Note", l.Note, MaxTextLen)
	return e.err()
}

// OnlineLevel is how far a procedure is offered as an online public
// service: not, partly (một phần) or fully (toàn trình).
type OnlineLevel string

const (
	OnlineNone    OnlineLevel = ""
	OnlinePartial OnlineLevel = "partial"
	OnlineFull    OnlineLevel = "full"
)

// OnlineLevels lists them in display order.
func OnlineLevels() []OnlineLevel { return []OnlineLevel{OnlineNone, OnlinePartial, OnlineFull} }

// Valid reports whether l is known.
func (l OnlineLevel) Valid() bool { return in(l, OnlineLevels()) }

// OnlineOn is the procedure's online level on day d: none before
// OnlineFrom.
func (p *Procedure) OnlineOn(d Date) OnlineLevel {
	if p.Online == OnlineNone || !p.OnlineFrom.IsZero() && d < p.OnlineFrom {
		return OnlineNone
	}
	return p.Online
}

// DialogueFacts, SurveyFacts and LetterFacts are what the period summary
// counts of those records; ProcedureFacts what it needs of the catalogue.
type DialogueFacts struct {
	ID                  uint64
	Date                Date
	Scheduled           bool
	With                DialogueWith
	Presiding           string
	Field               Field
	Attendees           int
	Answered, TakenAway int
	FollowUpDue         Date
	FollowUpDone        Date
	CaseID              uint64
}

// Facts returns the dialogue's facts.
func (d *Dialogue) Facts() DialogueFacts {
	return DialogueFacts{ID: d.ID, Date: d.Date, Scheduled: d.Scheduled, With: d.With, Presiding: d.Presiding,
		Field: d.Field, Attendees: d.Attendees, Answered: d.Answered, TakenAway: d.TakenAway,
		FollowUpDue: d.FollowUpDue, FollowUpDone: d.FollowUpDone, CaseID: d.CaseID}
}

// SurveyFacts is a survey batch as counted.
type SurveyFacts struct {
	Date                              Date
	Source                            SurveySource
	HandedOut, Returned               int
	VerySatisfied, Satisfied, Unsatis int
}

// Facts returns the batch's facts.
func (s *Survey) Facts() SurveyFacts {
	return SurveyFacts{Date: s.Date, Source: s.Medium, HandedOut: s.FormsOut, Returned: s.FormsReturned,
		VerySatisfied: s.VerySatisfied, Satisfied: s.Satisfied, Unsatis: s.Unsatisfied}
}

// LetterFacts is a letter as counted.
type LetterFacts struct {
	Date Date
	Kind LetterKind
}

// Facts returns the letter's facts.
func (l *Letter) Facts() LetterFacts { return LetterFacts{Date: l.Date, Kind: l.LetterKind} }

// ProcedureFacts is what the summary needs of a catalogue entry.
type ProcedureFacts struct {
	ID         uint64
	Name       string
	Online     OnlineLevel
	OnlineFrom Date
	Letter     LetterKind
}
