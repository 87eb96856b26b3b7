package friendly

import (
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/register"
)

func dialogueBase(d *model.Dialogue) *model.Meta { return &d.Meta }

func label(c *common.Common, enum string) func(string) string {
	return func(s string) string { return c.Cat.Label(enum, s) }
}

// DialogueList describes the dialogue conferences register.
func DialogueList(c *common.Common) register.Spec[model.Dialogue] {
	return register.Spec[model.Dialogue]{
		Kind:  model.KindDialogue,
		Title: "friendly.dialogues",
		Columns: []register.Column[model.Dialogue]{
			{Title: "col.date", Width: 10, Value: func(d *model.Dialogue, _ map[uint64]model.Citizen) string { return d.Date.String() }},
			{Title: "col.with", Width: 16, Grow: 1, Value: func(d *model.Dialogue, _ map[uint64]model.Citizen) string {
				return c.Cat.Label("with", string(d.With))
			}},
			{Title: "col.place", Width: 16, Grow: 1, Value: func(d *model.Dialogue, _ map[uint64]model.Citizen) string { return d.Place }},
			{Title: "col.opinions", Width: 9, Value: func(d *model.Dialogue, _ map[uint64]model.Citizen) string {
				return strconv.Itoa(d.Answered) + "/" + strconv.Itoa(d.Raised())
			}},
			{Title: "col.presiding", Width: 16, Grow: 1, Value: func(d *model.Dialogue, _ map[uint64]model.Citizen) string { return d.Presiding }},
		},
		Load: func(s model.Store, q model.ListQuery) (model.Page[model.Dialogue], error) { return s.ListDialogues(q) },
		Base: dialogueBase,
		Open: func(c *common.Common, id uint64) common.Page { return register.NewDetail(c, DialogueDetail(c), id) },
		New: func(c *common.Common) tea.Cmd {
			d := model.Dialogue{Date: model.DateOf(c.Now()), Scheduled: true, With: model.WithVillage}
			if names := c.LeaderNames(); len(names) > 0 {
				d.Presiding = names[0]
			}
			return c.Push(DialogueForm(c, d))
		},
		KindOptions: form.Options(model.DialogueWiths(), label(c, "with")),
		KindLabel:   "field.With",
		Pushed:      true,
	}
}

// DialogueForm is the form of a dialogue conference.
func DialogueForm(c *common.Common, d model.Dialogue) common.Page {
	title := c.T("dialogue.new")
	if d.ID != 0 {
		title = c.T("dialogue.edit", d.Date.String())
	}
	var leaders []form.Option
	for _, n := range c.LeaderNames() {
		leaders = append(leaders, form.Option{Code: n, Label: n})
	}
	fields := []form.Field[model.Dialogue]{
		form.DateField("Date", true, func(d *model.Dialogue) *model.Date { return &d.Date }),
		form.BoolField("Scheduled", func(d *model.Dialogue) *bool { return &d.Scheduled }),
		form.ChoiceField("With", true, form.Options(model.DialogueWiths(), label(c, "with")), func(d *model.Dialogue) *model.DialogueWith { return &d.With }),
		form.TextField("Place", true, func(d *model.Dialogue) *string { return &d.Place }),
		form.ChoiceField("Presiding", true, leaders, func(d *model.Dialogue) *string { return &d.Presiding }),
		form.IntField("Attendees", true, func(d *model.Dialogue) *int { return &d.Attendees }),
		form.TextField("Matters", false, func(d *model.Dialogue) *string { return &d.Matters }),
		form.ChoiceField("Field", false, append([]form.Option{{Code: "", Label: c.T("form.none")}},
			form.Options(model.Fields(), label(c, "field_of"))...), func(d *model.Dialogue) *model.Field { return &d.Field }),
		caseField(),
		form.IntField("Answered", true, func(d *model.Dialogue) *int { return &d.Answered }),
		form.IntField("TakenAway", true, func(d *model.Dialogue) *int { return &d.TakenAway }),
		form.TextField("FollowUp", false, func(d *model.Dialogue) *string { return &d.FollowUp }),
		form.DateField("FollowUpDue", false, func(d *model.Dialogue) *model.Date { return &d.FollowUpDue }),
		form.DateField("FollowUpDone", false, func(d *model.Dialogue) *model.Date { return &d.FollowUpDone }),
		form.TextField("Note", false, func(d *model.Dialogue) *string { return &d.Note }),
	}
	return form.New(c, title, d, fields, c.Store.SaveDialogue)
}

// caseField links the conference's matters to a case (vụ việc) by its
// number, where one exists; the store checks that it does.
func caseField() form.Field[model.Dialogue] {
	return form.Field[model.Dialogue]{Key: "CaseID", Kind: form.Int,
		Get: func(d *model.Dialogue) string {
			if d.CaseID == 0 {
				return ""
			}
			return strconv.FormatUint(d.CaseID, 10)
		},
		Set: func(d *model.Dialogue, v string) string {
			v = strings.TrimPrefix(strings.TrimSpace(v), "#")
			if v == "" {
				d.CaseID = 0
				return ""
			}
			n, err := strconv.ParseUint(v, 10, 64)
			if err != nil {
				return model.ErrCodeNumber
			}
			d.CaseID = n
			return ""
		}}
}

// DialogueDetail describes a dialogue conference's page.
func DialogueDetail(c *common.Common) register.DetailSpec[model.Dialogue] {
	return register.DetailSpec[model.Dialogue]{
		Kind:  model.KindDialogue,
		Get:   func(s model.Store, id uint64) (model.Dialogue, error) { return s.Dialogue(id) },
		Base:  dialogueBase,
		Title: func(c *common.Common, d *model.Dialogue) string { return c.T("dialogue.title", d.Date.String()) },
		Lines: func(c *common.Common, d *model.Dialogue, _ model.Citizen) []register.Line {
			kind := c.T("dialogue.adhoc")
			if d.Scheduled {
				kind = c.T("dialogue.scheduled")
			}
			field := ""
			if d.Field != "" {
				field = c.Cat.Label("field_of", string(d.Field))
			}
			return []register.Line{
				register.L("field.Date", d.Date.String()+" · "+kind),
				register.L("field.With", c.Cat.Label("with", string(d.With))),
				register.L("field.Place", d.Place),
				register.L("field.Presiding", d.Presiding),
				register.L("field.Attendees", strconv.Itoa(d.Attendees)),
				register.L("field.Matters", d.Matters),
				register.L("field.Field", field),
				register.L("field.CaseID", caseText(d.CaseID)),
				register.L("field.Answered", c.T("dialogue.opinions", d.Answered, d.Raised(), d.TakenAway)),
				register.L("field.FollowUp", d.FollowUp),
				register.L("field.FollowUpDue", d.FollowUpDue.String()),
				register.L("field.FollowUpDone", d.FollowUpDone.String()),
				register.L("field.Note", d.Note),
			}
		},
		Edit: func(c *common.Common, d model.Dialogue, _ model.Citizen) tea.Cmd { return c.Push(DialogueForm(c, d)) },
	}
}

func caseText(id uint64) string {
	if id == 0 {
		return ""
	}
	return "#" + strconv.FormatUint(id, 10)
}
