package model

// Every enum is a string type whose values are stable codes stored in the
// database and used in exports; labels come from the i18n catalogue under the
// key "<enum>.<code>" (for example "content.complaint"). Each enum has a
// function listing its values in display order and a Valid method.

// Gender of a citizen; empty means not recorded.
type Gender string

const (
	GenderMale   Gender = "male"
	GenderFemale Gender = "female"
	GenderOther  Gender = "other"
)

// Genders lists the genders in display order.
func Genders() []Gender { return []Gender{GenderMale, GenderFemale, GenderOther} }

// Valid reports whether g is empty or a known gender.
func (g Gender) Valid() bool { return g == "" || in(g, Genders()) }

// SessionKind says whether a leader's session was periodic or ad hoc.
type SessionKind string

const (
	SessionPeriodic SessionKind = "periodic"
	SessionAdhoc    SessionKind = "adhoc"
)

// SessionKinds lists session kinds in display order.
func SessionKinds() []SessionKind { return []SessionKind{SessionPeriodic, SessionAdhoc} }

// Valid reports whether k is a known session kind.
func (k SessionKind) Valid() bool { return in(k, SessionKinds()) }

// ReceptionKind says whether a visit was a regular (daily) reception by the
// clerk or part of a leader's session.
type ReceptionKind string

const (
	ReceptionRegular   ReceptionKind = "regular"
	ReceptionInSession ReceptionKind = "session"
)

// ReceptionKinds lists reception kinds in display order.
func ReceptionKinds() []ReceptionKind { return []ReceptionKind{ReceptionRegular, ReceptionInSession} }

// Valid reports whether k is a known reception kind.
func (k ReceptionKind) Valid() bool { return in(k, ReceptionKinds()) }

// ContentKind is what a petition or a visit is about in law.
type ContentKind string

const (
	ContentComplaint    ContentKind = "complaint"
	ContentDenunciation ContentKind = "denunciation"
	ContentProposal     ContentKind = "proposal"
	ContentReflection   ContentKind = "reflection"
)

// ContentKinds lists content kinds in display order.
func ContentKinds() []ContentKind {
	return []ContentKind{ContentComplaint, ContentDenunciation, ContentProposal, ContentReflection}
}

// Valid reports whether k is a known content kind.
func (k ContentKind) Valid() bool { return in(k, ContentKinds()) }

// Field is the field of law or administration a record belongs to. Reports
// break figures down by it.
type Field string

const (
	FieldLand           Field = "land"
	FieldCivilStatus    Field = "civil_status"
	FieldCertification  Field = "certification"
	FieldSocialPolicy   Field = "social_policy"
	FieldConstruction   Field = "construction"
	FieldEnvironment    Field = "environment"
	FieldJustice        Field = "justice"
	FieldBusiness       Field = "business"
	FieldAdministrative Field = "administrative"
	FieldOther          Field = "other"
)

// Fields lists the fields in display order.
func Fields() []Field {
	return []Field{FieldLand, FieldCivilStatus, FieldCertification, FieldSocialPolicy,
		FieldConstruction, FieldEnvironment, FieldJustice, FieldBusiness, FieldAdministrative, FieldOther}
}

// Valid reports whether f is a known field.
func (f Field) Valid() bool { return in(f, Fields()) }

// Handling is how a visit was dealt with at the desk.
type Handling string

const (
	HandlingGuided      Handling = "guided"      // giải thích, hướng dẫn
	HandlingAccepted    Handling = "accepted"    // tiếp nhận đơn thuộc thẩm quyền
	HandlingTransferred Handling = "transferred" // chuyển đơn
	HandlingReturned    Handling = "returned"    // trả lại đơn và hướng dẫn
)

// Handlings lists handlings in display order.
func Handlings() []Handling {
	return []Handling{HandlingGuided, HandlingAccepted, HandlingTransferred, HandlingReturned}
}

// Valid reports whether h is a known handling.
func (h Handling) Valid() bool { return in(h, Handlings()) }

// Matter says whether a visit raised a matter for the first time or again.
type Matter string

const (
	MatterFirst  Matter = "first"
	MatterRepeat Matter = "repeat"
)

// Matters lists matter kinds in display order.
func Matters() []Matter { return []Matter{MatterFirst, MatterRepeat} }

// Valid reports whether m is a known matter kind.
func (m Matter) Valid() bool { return in(m, Matters()) }

// PetitionSource is how a petition reached the office.
type PetitionSource string

const (
	SourceReception   PetitionSource = "reception"
	SourcePost        PetitionSource = "post"
	SourceHigherLevel PetitionSource = "higher_level"
	SourceByHand      PetitionSource = "by_hand"
	SourceBox         PetitionSource = "box"
)

// PetitionSources lists sources in display order.
func PetitionSources() []PetitionSource {
	return []PetitionSource{SourceReception, SourcePost, SourceHigherLevel, SourceByHand, SourceBox}
}

// Valid reports whether s is a known source.
func (s PetitionSource) Valid() bool { return in(s, PetitionSources()) }

// Eligibility is the outcome of classifying a petition (xử lý đơn).
type Eligibility string

const (
	EligibilityEligible   Eligibility = "eligible"
	EligibilityDuplicate  Eligibility = "duplicate"
	EligibilityAnonymous  Eligibility = "anonymous"
	EligibilityIneligible Eligibility = "ineligible"
)

// Eligibilities lists eligibility values in display order.
func Eligibilities() []Eligibility {
	return []Eligibility{EligibilityEligible, EligibilityDuplicate, EligibilityAnonymous, EligibilityIneligible}
}

// Valid reports whether e is a known eligibility.
func (e Eligibility) Valid() bool { return in(e, Eligibilities()) }

// PetitionStatus is where a petition stands.
type PetitionStatus string

const (
	PetitionHandling    PetitionStatus = "handling"
	PetitionResolved    PetitionStatus = "resolved"
	PetitionGuided      PetitionStatus = "guided"
	PetitionTransferred PetitionStatus = "transferred"
	PetitionWithdrawn   PetitionStatus = "withdrawn"
	PetitionArchived    PetitionStatus = "archived"
)

// PetitionStatuses lists statuses in display order.
func PetitionStatuses() []PetitionStatus {
	return []PetitionStatus{PetitionHandling, PetitionResolved, PetitionGuided,
		PetitionTransferred, PetitionWithdrawn, PetitionArchived}
}

// Valid reports whether s is a known status.
func (s PetitionStatus) Valid() bool { return in(s, PetitionStatuses()) }

// Open reports whether the petition is still being handled.
func (s PetitionStatus) Open() bool { return s == PetitionHandling }

// Outcome is the conclusion of a resolved complaint or denunciation.
type Outcome string

const (
	OutcomeRight  Outcome = "right"
	OutcomeWrong  Outcome = "wrong"
	OutcomePartly Outcome = "partly"
)

// Outcomes lists outcomes in display order.
func Outcomes() []Outcome { return []Outcome{OutcomeRight, OutcomeWrong, OutcomePartly} }

// Valid reports whether o is empty or a known outcome.
func (o Outcome) Valid() bool { return o == "" || in(o, Outcomes()) }

// Channel is how a dossier reached the one-stop desk.
type Channel string

const (
	ChannelDirect Channel = "direct"
	ChannelOnline Channel = "online"
	ChannelPostal Channel = "postal" // the public postal service (bưu chính công ích, BCCI)
	// ChannelPost is ordinary post, outside the public postal service.
	ChannelPost Channel = "post"
)

// Channels lists channels in display order.
func Channels() []Channel { return []Channel{ChannelDirect, ChannelOnline, ChannelPostal, ChannelPost} }

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return in(c, Channels()) }

// DossierStatus is where a dossier stands.
type DossierStatus string

const (
	DossierInProgress DossierStatus = "in_progress"
	DossierSupplement DossierStatus = "supplement"
	DossierResolved   DossierStatus = "resolved"
	DossierReturned   DossierStatus = "returned"
	DossierRejected   DossierStatus = "rejected"
	DossierWithdrawn  DossierStatus = "withdrawn"
)

// DossierStatuses lists statuses in display order.
func DossierStatuses() []DossierStatus {
	return []DossierStatus{DossierInProgress, DossierSupplement, DossierResolved,
		DossierReturned, DossierRejected, DossierWithdrawn}
}

// Valid reports whether s is a known status.
func (s DossierStatus) Valid() bool { return in(s, DossierStatuses()) }

// Done reports whether the dossier has a result (resolved, or the result
// already handed back).
func (s DossierStatus) Done() bool { return s == DossierResolved || s == DossierReturned }

// Closed reports whether the dossier is finished one way or another: a
// result, a rejection or a withdrawal. Closed dossiers carry the date it
// happened in Resolved.
func (s DossierStatus) Closed() bool { return !s.Open() }

// Open reports whether the dossier is still being worked on.
func (s DossierStatus) Open() bool { return s == DossierInProgress || s == DossierSupplement }

// Timeliness compares a resolution date with the due date.
type Timeliness string

const (
	Early  Timeliness = "early"
	OnTime Timeliness = "on_time"
	Late   Timeliness = "late"
)

// TimelinessOf says whether something resolved on resolved, due on due, was
// early, on time or late.
func TimelinessOf(resolved, due Date) Timeliness {
	switch {
	case resolved < due:
		return Early
	case resolved == due:
		return OnTime
	default:
		return Late
	}
}

func in[T comparable](v T, list []T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
