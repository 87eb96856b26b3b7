package dossier

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/friendly"
	"github.com/tiepdan/tiepdan/tui/register"
)

// letterFor opens the letter form for dossier d, prefilled: the kind its
// procedure calls for (or kind, when given), the applicant's family, the
// procedure as the occasion. With onlyIfCalled, a procedure that calls
// for no letter opens nothing.
func letterFor(c *common.Common, d model.Dossier, onlyIfCalled bool) tea.Cmd {
	store := c.Store
	today := model.DateOf(c.Now())
	return func() tea.Msg {
		procs, err := store.Procedures()
		if err != nil {
			return common.StatusMsg{Text: c.ErrorText(err), Err: true}
		}
		var kind model.LetterKind
		for _, p := range procs {
			if p.ID == d.ProcedureID {
				kind = p.Letter
			}
		}
		if kind == "" && onlyIfCalled {
			return nil
		}
		if kind == "" {
			kind = model.LetterThanks
			if d.Status.Open() && d.Due < today {
				kind = model.LetterApology
			}
		}
		cit, _ := store.Citizen(d.ApplicantID)
		l := model.Letter{Date: today, LetterKind: kind, Recipient: c.T("letter.family", cit.FullName),
			Address: cit.Address, Occasion: d.ProcedureName, DossierID: d.ID}
		return common.PushMsg{Page: friendly.LetterForm(c, l)}
	}
}

// letterAction is the dossier page's key that writes a letter for it.
func letterAction(c *common.Common) register.Action[model.Dossier] {
	return register.Action[model.Dossier]{
		Key: key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("^X", c.T("dossier.key_letter"))),
		Run: func(c *common.Common, d model.Dossier) tea.Cmd { return letterFor(c, d, false) },
	}
}

// listAfterSave offers the letter a new dossier's procedure calls for, and
// prints a letter saved from there.
func listAfterSave(c *common.Common, saved form.Saved) tea.Cmd {
	switch r := saved.Record.(type) {
	case model.Dossier:
		if r.Version == 1 {
			return letterFor(c, r, true)
		}
	case model.Letter:
		return friendly.PrintSavedLetter(c, saved)
	}
	return nil
}
