// Package reception is the citizen reception register (Tiếp công dân): the
// list of visits, a visit's detail, the visit form, and turning a visit that
// brought a written petition into a Petition with one key.
package reception

import (
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/printout"
	"github.com/tiepdan/tiepdan/tui/citizen"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/petition"
	"github.com/tiepdan/tiepdan/tui/protect"
	"github.com/tiepdan/tiepdan/tui/register"
)

func base(r *model.Reception) *model.Meta { return &r.Meta }

// ListSpec describes the visits list.
func ListSpec(c *common.Common) register.Spec[model.Reception] {
	cat := c.Cat
	return register.Spec[model.Reception]{
		Kind:  model.KindReception,
		Title: "tab.reception",
		Columns: []register.Column[model.Reception]{
			{Title: "col.datetime", Width: 16, Value: func(r *model.Reception, _ map[uint64]model.Citizen) string { return model.FormatDateTime(r.At) }},
			{Title: "col.citizen", Width: 20, Grow: 1, Value: func(r *model.Reception, cs map[uint64]model.Citizen) string {
				return protect.Sender(c, r.Content, &r.Protection, cs[r.CitizenID].FullName)
			}},
			{Title: "col.people", Width: 3, Value: func(r *model.Reception, _ map[uint64]model.Citizen) string { return strconv.Itoa(r.HeadCount) }},
			{Title: "col.content", Width: 10, Value: func(r *model.Reception, _ map[uint64]model.Citizen) string {
				return cat.Label("content", string(r.Content))
			}},
			{Title: "col.summary", Width: 25, Grow: 2, Value: func(r *model.Reception, _ map[uint64]model.Citizen) string { return r.Summary }},
		},
		Load: func(s model.Store, q model.ListQuery) (model.Page[model.Reception], error) {
			return s.ListReceptions(q)
		},
		Base:          base,
		Open:          func(c *common.Common, id uint64) common.Page { return NewDetail(c, id) },
		New:           func(c *common.Common) tea.Cmd { return c.Push(NewForm(c, NewRecord(c, 0), model.Citizen{})) },
		KindOptions:   form.Options(model.ContentKinds(), func(s string) string { return cat.Label("content", s) }),
		StatusOptions: form.Options(model.Handlings(), func(s string) string { return cat.Label("handling", s) }),
		Print: func(c *common.Common, p model.Period) tea.Cmd {
			return common.PrintRegister(c, printout.FormReceptionRegister, p)
		},
	}
}

// NewRecord returns a fresh visit at the current minute, in session
// sessionID when not 0.
func NewRecord(c *common.Common, sessionID uint64) model.Reception {
	r := model.Reception{At: c.Now().Truncate(time.Minute), RecKind: model.ReceptionRegular, HeadCount: 1,
		Matter: model.MatterFirst, Handling: model.HandlingGuided, ReceivedBy: c.Actor}
	if sessionID != 0 {
		r.RecKind, r.SessionID = model.ReceptionInSession, sessionID
	}
	return r
}

// Fields returns the visit form's fields; names maps citizen ids to labels
// for the citizen field.
func Fields(c *common.Common, names map[uint64]string) []form.Field[model.Reception] {
	cat := c.Cat
	opts := func(enum string) func(string) string { return func(s string) string { return cat.Label(enum, s) } }
	followUp := form.DateField("FollowUpDue", false, func(r *model.Reception) *model.Date { return &r.FollowUpDue })
	followUp.Label = "deadline.due_label"
	cit := citizen.RefField(c, "CitizenID", true, func(r *model.Reception) *uint64 { return &r.CitizenID }, names)
	cit.OnPick = offerOpenCase(c)
	fields := []form.Field[model.Reception]{
		form.DateTimeField("At", true, func(r *model.Reception) *time.Time { return &r.At }),
		cit,
		form.IntField("HeadCount", true, func(r *model.Reception) *int { return &r.HeadCount }),
		form.TextField("Summary", true, func(r *model.Reception) *string { return &r.Summary }),
		form.ChoiceField("Content", true, form.Options(model.ContentKinds(), opts("content")), func(r *model.Reception) *model.ContentKind { return &r.Content }),
		form.ChoiceField("Field", true, form.Options(model.Fields(), opts("field_of")), func(r *model.Reception) *model.Field { return &r.Field }),
		form.BoolField("LandDispute", func(r *model.Reception) *bool { return &r.LandDispute }),
	}
	// The visit opens a case or continues one of the citizen's; lần đầu /
	// nhiều lần follows from the case, so the form does not ask.
	fields = append(fields, caseFields(c, map[uint64]string{})...)
	return append(append(fields,
		form.BoolField("Written", func(r *model.Reception) *bool { return &r.Written }),
		form.ChoiceField("Handling", true, form.Options(model.Handlings(), opts("handling")), func(r *model.Reception) *model.Handling { return &r.Handling }),
		form.TextField("TransferredTo", false, func(r *model.Reception) *string { return &r.TransferredTo }),
		form.TextField("HandledBefore", false, func(r *model.Reception) *string { return &r.HandledBefore }),
		form.StaffField(c, "ReceivedBy", false, func(r *model.Reception) *string { return &r.ReceivedBy }),
		followUp,
		form.DateField("Replied", false, func(r *model.Reception) *model.Date { return &r.Replied }),
		form.TextField("Note", false, func(r *model.Reception) *string { return &r.Note }),
	), protect.Fields(c, func(r *model.Reception) *model.Protection { return &r.Protection })...)
}

// NewForm returns the form for rec (ID 0: a new visit) with its citizen.
func NewForm(c *common.Common, rec model.Reception, cit model.Citizen) common.Page {
	title := c.T("reception.new")
	if rec.ID != 0 {
		title = c.T("reception.edit", rec.ID)
	} else if rec.SessionID != 0 {
		title = c.T("reception.new_in_session")
	}
	names := map[uint64]string{cit.ID: citizen.Label(cit)}
	return form.New(c, title, rec, Fields(c, names), c.Store.SaveReception)
}

// DetailSpec describes a visit's detail view.
func DetailSpec(c *common.Common) register.DetailSpec[model.Reception] {
	cat := c.Cat
	return register.DetailSpec[model.Reception]{
		Kind: model.KindReception,
		Get:  func(s model.Store, id uint64) (model.Reception, error) { return s.Reception(id) },
		Base: base,
		Title: func(c *common.Common, r *model.Reception) string {
			return c.T("reception.title", r.ID, model.FormatDateTime(r.At))
		},
		Citizen: func(r *model.Reception) uint64 { return r.CitizenID },
		Lines: func(c *common.Common, r *model.Reception, cit model.Citizen) []register.Line {
			yes := func(b bool) string {
				if b {
					return c.T("form.yes")
				}
				return ""
			}
			pet := ""
			if r.PetitionID != 0 {
				pet = c.T("reception.petition_no", r.PetitionID)
			}
			session := ""
			if r.SessionID != 0 {
				session = c.T("session.no", r.SessionID)
			}
			return []register.Line{
				register.L("field.At", model.FormatDateTime(r.At)),
				register.L("field.RecKind", cat.Label("rkind", string(r.RecKind))),
				register.L("field.SessionID", session),
				register.L("field.CitizenID", protect.Sender(c, r.Content, &r.Protection, citizen.Label(cit))),
				protect.Note(c, r.Content, &r.Protection),
				register.L("field.PaperRef", r.PaperRef),
				register.L("field.Address", cit.Address),
				register.L("field.HeadCount", strconv.Itoa(r.HeadCount)),
				register.L("field.Summary", r.Summary),
				register.L("field.Content", cat.Label("content", string(r.Content))),
				register.L("field.Field", cat.Label("field_of", string(r.Field))),
				register.L("field.LandDispute", yes(r.LandDispute)),
				register.L("field.CaseIDs", caseList(r.CaseIDs)),
				register.L("field.Matter", cat.Label("matter", string(r.Matter))),
				register.L("field.Written", yes(r.Written)),
				register.L("field.PetitionID", pet),
				register.L("field.Handling", cat.Label("handling", string(r.Handling))),
				register.L("field.TransferredTo", r.TransferredTo),
				register.L("field.HandledBefore", r.HandledBefore),
				register.L("field.ReceivedBy", c.StaffName(r.ReceivedBy)),
				register.L("field.FollowUpDue", r.FollowUpDue.String()),
				register.L("field.FollowUpRule", ruleIf(c, r.FollowUpDue, r.FollowUpRule)),
				register.L("field.Replied", r.Replied.String()),
				register.L("field.Note", r.Note),
			}
		},
		Edit: func(c *common.Common, r model.Reception, cit model.Citizen) tea.Cmd {
			return c.Push(NewForm(c, r, cit))
		},
		Extra: []register.Action[model.Reception]{protect.Action(c, model.KindReception,
			func(r *model.Reception) *model.Protection { return &r.Protection }, base), closeCase(c), {
			Key:     c.Keys.ToPetition,
			Enabled: func(r *model.Reception) bool { return r.PetitionID == 0 },
			Run: func(c *common.Common, r model.Reception) tea.Cmd {
				store := c.Store
				return func() tea.Msg {
					cit, _ := store.Citizen(r.CitizenID)
					return common.PushMsg{Page: petition.NewFromReception(c, r, cit)}
				}
			},
		}},
	}
}

// NewDetail returns the detail page of visit id.
func NewDetail(c *common.Common, id uint64) common.Page {
	return register.NewDetail(c, DetailSpec(c), id)
}

// caseList names the visit's cases: "#3, #7".
func caseList(ids []uint64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = "#" + strconv.FormatUint(id, 10)
	}
	return strings.Join(parts, ", ")
}

func ruleIf(c *common.Common, due model.Date, ref string) string {
	if due.IsZero() {
		return ""
	}
	return c.RuleText(ref)
}
