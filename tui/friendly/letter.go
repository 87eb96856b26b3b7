package friendly

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/printout"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/register"
)

func letterBase(l *model.Letter) *model.Meta { return &l.Meta }

// LetterList describes the register of letters sent.
func LetterList(c *common.Common) register.Spec[model.Letter] {
	return register.Spec[model.Letter]{
		Kind:  model.KindLetter,
		Title: "friendly.letters",
		Columns: []register.Column[model.Letter]{
			{Title: "col.date", Width: 10, Value: func(l *model.Letter, _ map[uint64]model.Citizen) string { return l.Date.String() }},
			{Title: "col.letter", Width: 15, Value: func(l *model.Letter, _ map[uint64]model.Citizen) string {
				return c.Cat.Label("letter", string(l.LetterKind))
			}},
			{Title: "col.recipient", Width: 20, Grow: 2, Value: func(l *model.Letter, _ map[uint64]model.Citizen) string { return l.Recipient }},
			{Title: "col.occasion", Width: 16, Grow: 1, Value: func(l *model.Letter, _ map[uint64]model.Citizen) string { return l.Occasion }},
		},
		Load: func(s model.Store, q model.ListQuery) (model.Page[model.Letter], error) { return s.ListLetters(q) },
		Base: letterBase,
		Open: func(c *common.Common, id uint64) common.Page { return register.NewDetail(c, LetterDetail(c), id) },
		New: func(c *common.Common) tea.Cmd {
			return c.Push(LetterForm(c, model.Letter{Date: model.DateOf(c.Now()), LetterKind: model.LetterCongrat}))
		},
		AfterSave:   PrintSavedLetter,
		KindOptions: form.Options(model.LetterKinds(), label(c, "letter")),
		KindLabel:   "field.LetterKind",
		Pushed:      true,
	}
}

// LetterForm is the form of a letter; saving it prints it.
func LetterForm(c *common.Common, l model.Letter) common.Page {
	title := c.T("letter.new")
	if l.ID != 0 {
		title = c.T("letter.edit", l.Date.String())
	}
	fields := []form.Field[model.Letter]{
		form.ChoiceField("LetterKind", true, form.Options(model.LetterKinds(), label(c, "letter")), func(l *model.Letter) *model.LetterKind { return &l.LetterKind }),
		form.TextField("Recipient", true, func(l *model.Letter) *string { return &l.Recipient }),
		form.TextField("Address", false, func(l *model.Letter) *string { return &l.Address }),
		form.TextField("Occasion", false, func(l *model.Letter) *string { return &l.Occasion }),
		form.DateField("Date", true, func(l *model.Letter) *model.Date { return &l.Date }),
		form.TextField("Note", false, func(l *model.Letter) *string { return &l.Note }),
	}
	return form.New(c, title, l, fields, c.Store.SaveLetter)
}

// PrintLetter writes letter l to the exports folder on A5, off the event
// loop, and says where.
func PrintLetter(c *common.Common, l model.Letter) tea.Cmd {
	store, cat, dir, now := c.Store, c.Cat, c.ExportDir, c.Now()
	return func() tea.Msg {
		x, err := printout.NewContext(store, cat, now)
		if err != nil {
			return common.StatusMsg{Text: c.ErrorText(err), Err: true}
		}
		return common.WriteDoc(c, dir, printout.Letter(x, l))
	}
}

// PrintSavedLetter prints a letter just saved (a page that opened the
// letter form passes what it returned).
func PrintSavedLetter(c *common.Common, saved form.Saved) tea.Cmd {
	if l, ok := saved.Record.(model.Letter); ok && !l.Voided {
		return PrintLetter(c, l)
	}
	return nil
}

// LetterDetail describes a letter's page: F2 prints it again.
func LetterDetail(c *common.Common) register.DetailSpec[model.Letter] {
	return register.DetailSpec[model.Letter]{
		Kind: model.KindLetter,
		Get:  func(s model.Store, id uint64) (model.Letter, error) { return s.Letter(id) },
		Base: letterBase,
		Title: func(c *common.Common, l *model.Letter) string {
			return c.T("letter.title", c.Cat.Label("letter", string(l.LetterKind)), l.Date.String())
		},
		Lines: func(c *common.Common, l *model.Letter, _ model.Citizen) []register.Line {
			dossier := ""
			if l.DossierID != 0 {
				dossier = "#" + strconv.FormatUint(l.DossierID, 10)
			}
			return []register.Line{
				register.L("field.LetterKind", c.Cat.Label("letter", string(l.LetterKind))),
				register.L("field.Recipient", l.Recipient),
				register.L("field.Address", l.Address),
				register.L("field.Occasion", l.Occasion),
				register.L("field.Date", l.Date.String()),
				register.L("field.DossierID", dossier),
				register.L("field.Note", l.Note),
			}
		},
		Edit: func(c *common.Common, l model.Letter, _ model.Citizen) tea.Cmd { return c.Push(LetterForm(c, l)) },
		Extra: []register.Action[model.Letter]{{
			Key: key.NewBinding(key.WithKeys("f2"), key.WithHelp("F2", c.T("letter.key_print"))),
			Run: func(c *common.Common, l model.Letter) tea.Cmd { return PrintLetter(c, l) },
		}},
		AfterSave: func(c *common.Common, _ *model.Letter, saved form.Saved) tea.Cmd { return PrintSavedLetter(c, saved) },
	}
}
