// Package petition is the petitions register (Đơn thư): list, detail and
// form, including the form that turns a visit into a petition.
package petition

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"strconv"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/citizen"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/protect"
	"github.com/tiepdan/tiepdan/tui/register"
)

func base(p *model.Petition) *model.Meta { return &p.Meta }

// ListSpec describes the petitions list.
func ListSpec(c *common.Common) register.Spec[model.Petition] {
	cat := c.Cat
	statuses := form.Options(model.PetitionStatuses(), func(s string) string { return cat.Label("pstatus", s) })
	statuses = append(statuses, form.Option{Code: "overdue", Label: c.T("filter.overdue")})
	return register.Spec[model.Petition]{
		Kind:  model.KindPetition,
		Title: "tab.petition",
		Columns: []register.Column[model.Petition]{
			{Title: "col.received", Width: 10, Value: func(p *model.Petition, _ map[uint64]model.Citizen) string { return p.Received.String() }},
			{Title: "col.sender", Width: 18, Grow: 1, Value: func(p *model.Petition, cs map[uint64]model.Citizen) string {
				if p.CitizenID == 0 {
					return protect.Sender(c, p.Content, &p.Protection, c.T("petition.anonymous"))
				}
				return cs[p.CitizenID].FullName
			}},
			{Title: "col.content", Width: 10, Value: func(p *model.Petition, _ map[uint64]model.Citizen) string {
				return cat.Label("content", string(p.Content))
			}},
			{Title: "col.status", Width: 15, Value: func(p *model.Petition, _ map[uint64]model.Citizen) string {
				return cat.Label("pstatus", string(p.Status))
			}},
			{Title: "col.due", Width: 10, Value: func(p *model.Petition, _ map[uint64]model.Citizen) string { return p.Due.String() }},
			{Title: "col.summary", Width: 11, Grow: 2, Value: func(p *model.Petition, _ map[uint64]model.Citizen) string { return p.Summary }},
		},
		Load:          func(s model.Store, q model.ListQuery) (model.Page[model.Petition], error) { return s.ListPetitions(q) },
		Base:          base,
		Open:          func(c *common.Common, id uint64) common.Page { return NewDetail(c, id) },
		New:           func(c *common.Common) tea.Cmd { return c.Push(NewForm(c, NewRecord(c), model.Citizen{})) },
		KindOptions:   form.Options(model.ContentKinds(), func(s string) string { return cat.Label("content", s) }),
		StatusOptions: statuses,
	}
}

// NewRecord returns a fresh petition received today; the store gives it
// its deadline from the rules table.
func NewRecord(c *common.Common) model.Petition {
	today := model.DateOf(c.Now())
	return model.Petition{Received: today, Source: model.SourceByHand, Eligibility: model.EligibilityEligible,
		InJurisdiction: true, Status: model.PetitionHandling}
}

// Fields returns the petition form's fields.
func Fields(c *common.Common, names map[uint64]string) []form.Field[model.Petition] {
	cat := c.Cat
	opts := func(enum string) func(string) string { return func(s string) string { return cat.Label(enum, s) } }
	outcomes := append([]form.Option{{Code: "", Label: c.T("form.none")}}, form.Options(model.Outcomes(), opts("outcome"))...)
	due := form.DateField("Due", false, func(p *model.Petition) *model.Date { return &p.Due })
	due.Label = "deadline.due_label"
	// The protected-identity fields follow the sender, where they matter.
	head := append([]form.Field[model.Petition]{
		form.DateField("Received", true, func(p *model.Petition) *model.Date { return &p.Received }),
		form.ChoiceField("Source", true, form.Options(model.PetitionSources(), opts("source")), func(p *model.Petition) *model.PetitionSource { return &p.Source }),
		citizen.RefField(c, "CitizenID", false, func(p *model.Petition) *uint64 { return &p.CitizenID }, names),
	}, protect.Fields(c, func(p *model.Petition) *model.Protection { return &p.Protection })...)
	return append(head, []form.Field[model.Petition]{
		form.IntField("CoSigners", false, func(p *model.Petition) *int { return &p.CoSigners }),
		form.TextField("Summary", true, func(p *model.Petition) *string { return &p.Summary }),
		form.ChoiceField("Content", true, form.Options(model.ContentKinds(), opts("content")), func(p *model.Petition) *model.ContentKind { return &p.Content }),
		form.ChoiceField("Field", true, form.Options(model.Fields(), opts("field_of")), func(p *model.Petition) *model.Field { return &p.Field }),
		form.BoolField("LandDispute", func(p *model.Petition) *bool { return &p.LandDispute }),
		form.ChoiceField("Eligibility", true, form.Options(model.Eligibilities(), opts("eligibility")), func(p *model.Petition) *model.Eligibility { return &p.Eligibility }),
		form.BoolField("InJurisdiction", func(p *model.Petition) *bool { return &p.InJurisdiction }),
		form.ChoiceField("Status", true, form.Options(model.PetitionStatuses(), opts("pstatus")), func(p *model.Petition) *model.PetitionStatus { return &p.Status }),
		form.ChoiceField("Outcome", false, outcomes, func(p *model.Petition) *model.Outcome { return &p.Outcome }),
		form.TextField("TransferredTo", false, func(p *model.Petition) *string { return &p.TransferredTo }),
		form.DateField("Accepted", false, func(p *model.Petition) *model.Date { return &p.Accepted }),
		form.BoolField("Complex", func(p *model.Petition) *bool { return &p.Complex }),
		form.BoolField("SecondTime", func(p *model.Petition) *bool { return &p.SecondTime }),
		form.ChoiceField("Sector", false, append([]form.Option{{Code: "", Label: c.T("sector.auto")}},
			form.Options(model.Sectors(), func(s string) string { return c.Cat.Label("sector", s) })...),
			func(p *model.Petition) *model.Sector { return &p.Sector }),
		form.ChoiceField("Conduct", false, append([]form.Option{{Code: "", Label: c.T("conduct.other")}},
			form.Options(model.Conducts(), func(s string) string { return c.Cat.Label("conduct", s) })...),
			func(p *model.Petition) *model.Conduct { return &p.Conduct }),
		form.IntField("Extensions", false, func(p *model.Petition) *int { return &p.Extensions }),
		due,
		form.DateField("Resolved", false, func(p *model.Petition) *model.Date { return &p.Resolved }),
		form.TextField("Note", false, func(p *model.Petition) *string { return &p.Note }),
	}...)
}

// NewForm returns the form for rec (ID 0: a new petition).
func NewForm(c *common.Common, rec model.Petition, cit model.Citizen) common.Page {
	title := c.T("petition.new")
	if rec.ID != 0 {
		title = c.T("petition.edit", rec.ID)
	}
	names := map[uint64]string{cit.ID: citizen.Label(cit)}
	return form.New(c, title, rec, Fields(c, names), c.Store.SavePetition).WithConfirm(
		func(was, is *model.Petition) string {
			// its sender's protection ends with a denunciation
			if was.ID != 0 && model.IsDenunciation(was.Content) && !model.IsDenunciation(is.Content) {
				return c.T("form.confirm_reclassify")
			}
			return ""
		})
}

// NewFromReception returns the form of a new petition carried over from
// visit r: date, sender, summary, content kind and field. Saving it links the
// visit to the petition in the same transaction.
func NewFromReception(c *common.Common, r model.Reception, cit model.Citizen) common.Page {
	p := NewRecord(c)
	p.Received, p.Source, p.CitizenID = r.Date(), model.SourceReception, r.CitizenID
	p.Summary, p.Content, p.Field, p.LandDispute = r.Summary, r.Content, r.Field, r.LandDispute
	if r.HeadCount > 1 {
		p.CoSigners = r.HeadCount - 1
	}
	names := map[uint64]string{cit.ID: citizen.Label(cit)}
	return fromReception(c, p, names, r.ID, r.Version)
}

func fromReception(c *common.Common, p model.Petition, names map[uint64]string, rid, rver uint64) *form.Model[model.Petition, *model.Petition] {
	store := c.Store
	return form.New(c, c.T("petition.from_reception", rid), p, Fields(c, names), func(p *model.Petition) error {
		return store.PetitionFromReception(p, rid, rver)
	}).WithLink(fmt.Sprintf("%s:%d:%d", model.KindReception, rid, rver))
}

// RestoreForm returns the form a draft of a petition was typed in: a plain
// one, or one carried over from a visit (its Link).
func RestoreForm(c *common.Common, p model.Petition, link string) common.Page {
	var rid uint64
	var rver uint64
	if _, err := fmt.Sscanf(link, string(model.KindReception)+":%d:%d", &rid, &rver); err == nil && rid != 0 {
		return fromReception(c, p, map[uint64]string{}, rid, rver)
	}
	return NewForm(c, p, model.Citizen{})
}

// DetailSpec describes a petition's detail view.
func DetailSpec(c *common.Common) register.DetailSpec[model.Petition] {
	cat := c.Cat
	return register.DetailSpec[model.Petition]{
		Kind: model.KindPetition,
		Get:  func(s model.Store, id uint64) (model.Petition, error) { return s.Petition(id) },
		Base: base,
		Title: func(c *common.Common, p *model.Petition) string {
			return c.T("petition.title", p.ID, p.Received.String())
		},
		Citizen: func(p *model.Petition) uint64 { return p.CitizenID },
		Lines: func(c *common.Common, p *model.Petition, cit model.Citizen) []register.Line {
			yesNo := func(b bool) string {
				if b {
					return c.T("form.yes")
				}
				return c.T("form.no")
			}
			sender := citizen.Label(cit)
			if p.CitizenID == 0 {
				sender = c.T("petition.anonymous")
			}
			sender = protect.Sender(c, p.Content, &p.Protection, sender)
			rec := ""
			if p.ReceptionID != 0 {
				rec = c.T("petition.reception_no", p.ReceptionID)
			}
			co := ""
			if p.CoSigners > 0 {
				co = strconv.Itoa(p.CoSigners)
			}
			land := ""
			if p.LandDispute {
				land = c.T("form.yes")
			}
			return []register.Line{
				register.L("field.Received", p.Received.String()),
				register.L("field.Source", cat.Label("source", string(p.Source))),
				register.L("field.ReceptionID", rec),
				register.L("field.CaseID", caseNo(p.CaseID)),
				register.L("field.CitizenID", sender),
				protect.Note(c, p.Content, &p.Protection),
				register.L("field.PaperRef", p.PaperRef),
				register.L("field.CoSigners", co),
				register.L("field.Summary", p.Summary),
				register.L("field.Content", cat.Label("content", string(p.Content))),
				register.L("field.Field", cat.Label("field_of", string(p.Field))),
				register.L("field.LandDispute", land),
				register.L("field.Eligibility", cat.Label("eligibility", string(p.Eligibility))),
				register.L("field.InJurisdiction", yesNo(p.InJurisdiction)),
				register.L("field.Status", cat.Label("pstatus", string(p.Status))),
				register.L("field.Outcome", cat.Label("outcome", string(p.Outcome))),
				register.L("field.TransferredTo", p.TransferredTo),
				register.L("field.Accepted", p.Accepted.String()),
				register.L("field.Complex", yesIf(c, p.Complex)),
				register.L("field.SecondTime", yesIf(c, p.SecondTime)),
				register.L("field.Sector", c.Cat.Label("sector", string(p.SectorOrDefault()))),
				register.L("field.Conduct", c.Cat.Label("conduct", string(p.Conduct))),
				register.L("field.Extensions", countIf(p.Extensions)),
				register.L(dueLabel(p), p.Due.String()),
				register.L("field.DueRule", c.RuleText(p.DueRule)),
				register.L("field.Resolved", p.Resolved.String()),
				register.L("field.Note", p.Note),
			}
		},
		Edit: func(c *common.Common, p model.Petition, cit model.Citizen) tea.Cmd {
			return c.Push(NewForm(c, p, cit))
		},
		Extra: []register.Action[model.Petition]{protect.Action(c, model.KindPetition,
			func(p *model.Petition) *model.Protection { return &p.Protection }, base)},
	}
}

// NewDetail returns the detail page of petition id.
func NewDetail(c *common.Common, id uint64) common.Page {
	return register.NewDetail(c, DetailSpec(c), id)
}

func yesIf(c *common.Common, b bool) string {
	if b {
		return c.T("form.yes")
	}
	return ""
}

func countIf(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// caseNo names the petition's case: "#7".
func caseNo(id uint64) string {
	if id == 0 {
		return ""
	}
	return "#" + strconv.FormatUint(id, 10)
}

// dueLabel names a petition's deadline by what it is the deadline for, from
// the stage the petition is at: "Hạn xử lý đơn", "Hạn thụ lý", "Hạn giải
// quyết".
func dueLabel(p *model.Petition) string {
	switch key, _ := p.PetitionDeadline(); key {
	case model.DeadlineClassify, model.DeadlineDenounceInitial, model.DeadlineComplaintAccept:
		return "due_label." + string(key)
	}
	return "due_label.resolve" // every resolution rule, whatever its days
}
