package dossier

import (
	"errors"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/printout"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/friendly"
	"github.com/tiepdan/tiepdan/tui/register"
)

// Print writes form f of dossier d to the exports folder, as a page to
// print (A5) and as plain text, off the event loop, and says where.
func Print(c *common.Common, f printout.Form, d model.Dossier) tea.Cmd {
	store, cat, dir, now := c.Store, c.Cat, c.ExportDir, c.Now()
	return func() tea.Msg {
		x, err := printout.NewContext(store, cat, now)
		if err != nil {
			return common.StatusMsg{Text: c.ErrorText(err), Err: true}
		}
		doc, err := printout.DossierForm(store, x, f, d.ID)
		switch {
		case errors.Is(err, printout.ErrNoSupplement):
			return common.StatusMsg{Text: c.T("print.err_no_supplement", d.Code), Err: true}
		case errors.Is(err, printout.ErrNoApology):
			return common.StatusMsg{Text: c.T("print.err_no_apology", d.Code), Err: true}
		case err != nil:
			return common.StatusMsg{Text: c.ErrorText(err), Err: true}
		}
		return common.WriteDoc(c, dir, doc)
	}
}

// ApologyForm is the form that issues an apology slip with a new
// appointment for d (Issued today); saving it prints the slip.
func ApologyForm(c *common.Common, d model.Dossier) common.Page {
	today := model.DateOf(c.Now())
	d.Apologies = append(append([]model.Apology(nil), d.Apologies...),
		model.Apology{Issued: today, NewDue: c.Calendar().AddWorkingDays(max(d.Due, today), 1)})
	last := func(x *model.Dossier) *model.Apology { return &x.Apologies[len(x.Apologies)-1] }
	fields := []form.Field[model.Dossier]{
		form.DateField("NewDue", true, func(x *model.Dossier) *model.Date { return &last(x).NewDue }),
		form.TextField("ApologyReason", true, func(x *model.Dossier) *string { return &last(x).Reason }),
	}
	return form.New(c, c.T("dossier.apology_new", d.Code), d, fields, c.Store.SaveDossier)
}

// actions are the dossier page's printing keys: the slip, the request for
// supplements, and issuing an apology with a new appointment.
func actions(c *common.Common) []register.Action[model.Dossier] {
	k := func(help string, label string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, c.T(help)))
	}
	return []register.Action[model.Dossier]{
		{Key: k("print.key_slip", "F2", "f2"),
			Run: func(c *common.Common, d model.Dossier) tea.Cmd { return Print(c, printout.FormSlip, d) }},
		{Key: k("print.key_supp", "^B", "ctrl+b"),
			Enabled: func(d *model.Dossier) bool { return len(d.Supplements) > 0 },
			Run:     func(c *common.Common, d model.Dossier) tea.Cmd { return Print(c, printout.FormSupplement, d) }},
		{Key: k("print.key_apology", "^L", "ctrl+l"),
			Enabled: func(d *model.Dossier) bool { return d.Status.Open() },
			Run:     func(c *common.Common, d model.Dossier) tea.Cmd { return c.Push(ApologyForm(c, d)) }},
	}
}

// afterSave prints what a save has just issued: the apology slip, or the
// request for supplements.
func afterSave(c *common.Common, before *model.Dossier, saved form.Saved) tea.Cmd {
	if _, ok := saved.Record.(model.Letter); ok {
		return friendly.PrintSavedLetter(c, saved)
	}
	d, ok := saved.Record.(model.Dossier)
	if !ok {
		return nil
	}
	switch {
	case len(d.Apologies) > len(before.Apologies):
		return Print(c, printout.FormApology, d)
	case len(d.Supplements) > len(before.Supplements):
		return Print(c, printout.FormSupplement, d)
	}
	return nil
}
