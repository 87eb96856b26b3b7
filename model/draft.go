package model

import (
	"encoding/json"
	"time"
)

// Draft is what a staff member typed into a record's form and has not
// saved, kept so that a dropped connection, a server stop or a closed
// window loses nothing: it is offered back on the next login. A draft is
// not a record: it has no version, no audit event, and no figure counts it.
type Draft struct {
	// ID names the form: one draft per record being edited ("reception:12"),
	// one per new record's form ("reception:new:…").
	ID       string `json:"id"`
	Staff    string `json:"by"`
	Kind     Kind   `json:"k"`
	RecordID uint64 `json:"rid,omitempty"`
	// Title is the form's title as it was shown ("Tiếp công dân — lượt mới").
	Title string `json:"t"`
	// Base is the record the form opened with, as JSON: a new record's
	// defaults (its session), an edited record's stored version.
	Base json.RawMessage `json:"base"`
	// Values are the fields' texts by field key; Labels the picked
	// references' labels (a citizen's name).
	// Link is what the form's save also changes, when more than its record
	// ("reception:12:3": a petition carried over from visit 12, version 3).
	Link   string            `json:"ln,omitempty"`
	Values map[string]string `json:"v"`
	Labels map[string]string `json:"l,omitempty"`
	// Focus is the field the cursor was in.
	Focus   string    `json:"f,omitempty"`
	SavedAt time.Time `json:"at"`
}

// KindDraft names drafts in change notices (a draft is not a record).
const KindDraft Kind = "draft"

// MaxDrafts bounds the drafts one staff member keeps; the oldest beyond it
// are dropped.
const MaxDrafts = 20

// MaxDraftBytes bounds one draft's stored size.
const MaxDraftBytes = 64 << 10
