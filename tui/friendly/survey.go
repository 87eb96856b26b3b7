package friendly

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/register"
)

func surveyBase(s *model.Survey) *model.Meta { return &s.Meta }

// SurveyList describes the register of satisfaction survey batches.
func SurveyList(c *common.Common) register.Spec[model.Survey] {
	return register.Spec[model.Survey]{
		Kind:  model.KindSurvey,
		Title: "friendly.surveys",
		Columns: []register.Column[model.Survey]{
			{Title: "col.date", Width: 10, Value: func(s *model.Survey, _ map[uint64]model.Citizen) string { return s.Date.String() }},
			{Title: "col.source", Width: 12, Value: func(s *model.Survey, _ map[uint64]model.Citizen) string {
				return c.Cat.Label("ssource", string(s.Medium))
			}},
			{Title: "col.subject", Width: 18, Grow: 1, Value: func(s *model.Survey, _ map[uint64]model.Citizen) string { return s.Subject }},
			{Title: "col.returned", Width: 9, Value: func(s *model.Survey, _ map[uint64]model.Citizen) string {
				return strconv.Itoa(s.FormsReturned) + "/" + strconv.Itoa(s.FormsOut)
			}},
			{Title: "col.satisfied_share", Width: 9, Value: func(s *model.Survey, _ map[uint64]model.Citizen) string {
				return vntext.Share(s.VerySatisfied+s.Satisfied, s.Rated())
			}},
		},
		Load: func(s model.Store, q model.ListQuery) (model.Page[model.Survey], error) { return s.ListSurveys(q) },
		Base: surveyBase,
		Open: func(c *common.Common, id uint64) common.Page { return register.NewDetail(c, SurveyDetail(c), id) },
		New: func(c *common.Common) tea.Cmd {
			return c.Push(SurveyForm(c, model.Survey{Date: model.DateOf(c.Now()), Medium: model.SurveyPaper}))
		},
		KindOptions: form.Options(model.SurveySources(), label(c, "ssource")),
		KindLabel:   "field.Medium",
		Pushed:      true,
	}
}

// SurveyForm is the form of a survey batch.
func SurveyForm(c *common.Common, s model.Survey) common.Page {
	title := c.T("survey.new")
	if s.ID != 0 {
		title = c.T("survey.edit", s.Date.String())
	}
	fields := []form.Field[model.Survey]{
		form.DateField("Date", true, func(s *model.Survey) *model.Date { return &s.Date }),
		source(c),
		form.TextField("Subject", false, func(s *model.Survey) *string { return &s.Subject }),
		form.IntField("FormsOut", true, func(s *model.Survey) *int { return &s.FormsOut }),
		form.IntField("FormsReturned", true, func(s *model.Survey) *int { return &s.FormsReturned }),
		form.IntField("VerySatisfied", true, func(s *model.Survey) *int { return &s.VerySatisfied }),
		form.IntField("Satisfied", true, func(s *model.Survey) *int { return &s.Satisfied }),
		form.IntField("Unsatisfied", true, func(s *model.Survey) *int { return &s.Unsatisfied }),
		form.TextField("Note", false, func(s *model.Survey) *string { return &s.Note }),
	}
	return form.New(c, title, s, fields, c.Store.SaveSurvey)
}

func source(c *common.Common) form.Field[model.Survey] {
	f := form.ChoiceField("Medium", true, form.Options(model.SurveySources(), label(c, "ssource")), func(s *model.Survey) *model.SurveySource { return &s.Medium })
	return f
}

// SurveyDetail describes a survey batch's page.
func SurveyDetail(c *common.Common) register.DetailSpec[model.Survey] {
	return register.DetailSpec[model.Survey]{
		Kind:  model.KindSurvey,
		Get:   func(s model.Store, id uint64) (model.Survey, error) { return s.Survey(id) },
		Base:  surveyBase,
		Title: func(c *common.Common, s *model.Survey) string { return c.T("survey.title", s.Date.String()) },
		Lines: func(c *common.Common, s *model.Survey, _ model.Citizen) []register.Line {
			return []register.Line{
				register.L("field.Date", s.Date.String()),
				register.L("field.Medium", c.Cat.Label("ssource", string(s.Medium))),
				register.L("field.Subject", s.Subject),
				register.L("field.FormsOut", strconv.Itoa(s.FormsOut)),
				register.L("field.FormsReturned", strconv.Itoa(s.FormsReturned)),
				register.L("field.VerySatisfied", strconv.Itoa(s.VerySatisfied)),
				register.L("field.Satisfied", strconv.Itoa(s.Satisfied)),
				register.L("field.Unsatisfied", strconv.Itoa(s.Unsatisfied)),
				register.L("survey.share", vntext.Share(s.VerySatisfied+s.Satisfied, s.Rated())),
				register.L("field.Note", s.Note),
			}
		},
		Edit: func(c *common.Common, s model.Survey, _ model.Citizen) tea.Cmd { return c.Push(SurveyForm(c, s)) },
	}
}
