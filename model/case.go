package model

import (
	"time"

	"github.com/tiepdan/tiepdan/model/vntext"
)

// KindCase names case records.
const KindCase Kind = "case"

// Case is a matter (vụ việc) a citizen or a group brings to the office: the
// land boundary a citizen comes back about three times is one case and three
// visits; a group of 20 is one visit, 20 people and one case; one visit may
// raise two cases. A case is opened by the first visit or petition about it
// and continued by later ones, which point at it; whether a visit was the
// first about its matter (lần đầu) or a return (nhiều lần) comes from the
// case's history, not from a flag the clerk sets.
type Case struct {
	Meta
	// CitizenID is the citizen (or the group's head) who brought the case;
	// 0 for a denunciation, whose sender is protected.
	CitizenID   uint64      `json:"cit,omitempty"`
	Opened      Date        `json:"d"`
	Summary     string      `json:"sum"`
	Content     ContentKind `json:"ck"`
	Field       Field       `json:"f"`
	LandDispute bool        `json:"ld,omitempty"`
	// Closed is the date the case ended (its outcome given); zero while
	// open.
	Closed Date   `json:"cl,omitempty"`
	Note   string `json:"n,omitempty"`
}

// Kind returns KindCase.
func (*Case) Kind() Kind { return KindCase }

// Open reports whether the case is still being handled.
func (c *Case) Open() bool { return c.Closed.IsZero() }

// Normalize cleans the text fields.
func (c *Case) Normalize() {
	c.Summary = vntext.Clean(c.Summary, true)
	c.Note = vntext.Clean(c.Note, true)
}

// Validate checks the case.
func (c *Case) Validate(now time.Time) error {
	var e errs
	if c.Opened.IsZero() {
		e.add("Opened", ErrCodeRequired)
	} else {
		e.notFuture("Opened", c.Opened, now)
	}
	if e.required("Summary", c.Summary) {
		e.maxLen("Summary", c.Summary, MaxTextLen)
	}
	e.choice("Content", c.Content.Valid())
	e.choice("Field", c.Field.Valid())
	if !c.Closed.IsZero() && !c.Opened.IsZero() && c.Closed < c.Opened {
		e.add("Closed", ErrCodeBefore, c.Opened.String())
	}
	e.maxLen("Note", c.Note, MaxTextLen)
	return e.err()
}

// CaseOf returns a new case opened by visit r: its citizen, date, summary,
// content and field.
func CaseOf(r *Reception) Case {
	return Case{CitizenID: r.CitizenID, Opened: r.Date(), Summary: r.Summary, Content: r.Content, Field: r.Field,
		LandDispute: r.LandDispute}
}

// CaseOfPetition returns a new case opened by petition p.
func CaseOfPetition(p *Petition) Case {
	return Case{CitizenID: p.CitizenID, Opened: p.Received, Summary: p.Summary, Content: p.Content, Field: p.Field,
		LandDispute: p.LandDispute}
}

// CaseFacts is what a summary needs of a case a period's visits raised:
// the date of its first visit ever, so a case first received in the period
// is told from one received before it.
type CaseFacts struct {
	ID         uint64
	FirstVisit Date
}

// OpenCaseFacts is a case still open at a period's end, for the oldest
// ones a summary names ("vụ việc phức tạp, kéo dài").
type OpenCaseFacts struct {
	ID      uint64
	Opened  Date
	Summary string
	Field   Field
}
