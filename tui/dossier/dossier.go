// Package dossier is the one-stop dossier register (Hồ sơ TTHC): list,
// detail and form, with the procedure picked from the catalogue, the intake
// channel, and the appointment date computed in working days.
package dossier

import (
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
	"github.com/tiepdan/tiepdan/printout"
	"github.com/tiepdan/tiepdan/tui/citizen"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/register"
)

func base(d *model.Dossier) *model.Meta { return &d.Meta }

// ListSpec describes the dossiers list.
func ListSpec(c *common.Common) register.Spec[model.Dossier] {
	cat := c.Cat
	statuses := form.Options(model.DossierStatuses(), func(s string) string { return cat.Label("dstatus", s) })
	statuses = append(statuses, form.Option{Code: "overdue", Label: c.T("filter.overdue")})
	return register.Spec[model.Dossier]{
		Kind:  model.KindDossier,
		Title: "tab.dossier",
		Columns: []register.Column[model.Dossier]{
			{Title: "col.code", Width: 15, Value: func(d *model.Dossier, _ map[uint64]model.Citizen) string { return d.Code }},
			{Title: "col.applicant", Width: 17, Grow: 1, Value: func(d *model.Dossier, cs map[uint64]model.Citizen) string { return cs[d.ApplicantID].FullName }},
			{Title: "col.procedure", Width: 18, Grow: 2, Value: func(d *model.Dossier, _ map[uint64]model.Citizen) string { return d.ProcedureName }},
			{Title: "col.due", Width: 10, Value: func(d *model.Dossier, _ map[uint64]model.Citizen) string { return d.Due.String() }},
			{Title: "col.status", Width: 14, Value: func(d *model.Dossier, _ map[uint64]model.Citizen) string {
				return StatusText(c, d, model.DateOf(c.Now()))
			}},
		},
		Load:          func(s model.Store, q model.ListQuery) (model.Page[model.Dossier], error) { return s.ListDossiers(q) },
		Base:          base,
		Open:          func(c *common.Common, id uint64) common.Page { return NewDetail(c, id) },
		New:           func(c *common.Common) tea.Cmd { return OpenForm(c, NewRecord(c), model.Citizen{}) },
		KindOptions:   form.Options(model.Channels(), func(s string) string { return cat.Label("channel", s) }),
		StatusOptions: statuses,
		Print: func(c *common.Common, p model.Period) tea.Cmd {
			return common.PrintRegister(c, printout.FormDossierRegister, p)
		},
		AfterSave: listAfterSave,
	}
}

// StatusText says where a dossier stands, marking open ones past due and
// done ones by timeliness.
func StatusText(c *common.Common, d *model.Dossier, today model.Date) string {
	s := c.Cat.Label("dstatus", string(d.Status))
	switch {
	case d.Status.Open() && d.Due < today:
		s += " " + c.T("dossier.late_mark")
	case d.Status.Done() && !d.Resolved.IsZero():
		s = c.Cat.Label("timeliness", string(model.TimelinessOf(d.Resolved, d.Due)))
	}
	return s
}

// NewRecord returns a fresh direct-channel dossier received now.
func NewRecord(c *common.Common) model.Dossier {
	return model.Dossier{ReceivedAt: c.Now().Truncate(time.Minute), Channel: model.ChannelDirect,
		Status: model.DossierInProgress}
}

// OpenForm loads the catalogue and the office settings, then pushes the
// form for rec.
func OpenForm(c *common.Common, rec model.Dossier, cit model.Citizen) tea.Cmd {
	store := c.Store
	return func() tea.Msg {
		procs, err := store.Procedures()
		if err != nil {
			return common.StatusMsg{Text: c.ErrorText(err), Err: true}
		}
		off, err := store.Office()
		if err != nil {
			return common.StatusMsg{Text: c.ErrorText(err), Err: true}
		}
		return common.PushMsg{Page: NewForm(c, rec, cit, procs, off)}
	}
}

// NewForm returns the dossier form over the catalogue procs.
func NewForm(c *common.Common, rec model.Dossier, cit model.Citizen, procs []model.Procedure, off model.Office) common.Page {
	title := c.T("dossier.new")
	if rec.ID != 0 {
		title = c.T("dossier.edit", rec.Code)
	}
	names := map[uint64]string{cit.ID: citizen.Label(cit)}
	return form.New(c, title, rec, Fields(c, names, procs, off), c.Store.SaveDossier).WithConfirm(askRating(c))
}

// Fields returns the dossier form's fields. Leaving the appointment date
// empty computes it from the procedure's working days.
func Fields(c *common.Common, names map[uint64]string, procs []model.Procedure, off model.Office) []form.Field[model.Dossier] {
	cat := c.Cat
	opts := func(enum string) func(string) string { return func(s string) string { return cat.Label(enum, s) } }
	var procOpts []form.Option
	byID := map[string]model.Procedure{}
	for _, p := range procs {
		if p.Inactive {
			continue
		}
		id := strconv.FormatUint(p.ID, 10)
		byID[id] = p
		procOpts = append(procOpts, form.Option{Code: id, Label: p.Name + " (" + c.T("dossier.days", p.WorkingDays) + ")"})
	}
	// a catalogue runs to hundreds of procedures: typing searches it
	procField := form.SearchField(c, "ProcedureName", true, procOpts,
		func(d *model.Dossier) string {
			if d.ProcedureID == 0 {
				return ""
			}
			return strconv.FormatUint(d.ProcedureID, 10)
		},
		func(d *model.Dossier, v string) string {
			p, ok := byID[v]
			if !ok {
				if d.ProcedureID != 0 && v == strconv.FormatUint(d.ProcedureID, 10) {
					return "" // a procedure since retired: keep what was recorded
				}
				return model.ErrCodeRequired
			}
			if d.ProcedureID != p.ID {
				d.ProcedureID, d.ProcedureName, d.Field, d.WorkingDays = p.ID, p.Name, p.Field, p.WorkingDays
			}
			return ""
		})
	procField.RefLabel = func(d *model.Dossier) string {
		if o, ok := byID[strconv.FormatUint(d.ProcedureID, 10)]; ok {
			return o.Name + " (" + c.T("dossier.days", o.WorkingDays) + ")"
		}
		return d.ProcedureName // a procedure since retired: what was recorded
	}
	due := form.DateField("Due", false, func(d *model.Dossier) *model.Date { return &d.Due })
	due.Label = "dossier.due_label"
	parseDue := due.Set
	due.Set = func(d *model.Dossier, v string) string {
		if v == "" && !d.ReceivedAt.IsZero() {
			d.Due = calendar.ForOffice(off).DossierDue(d.ReceivedAt, d.WorkingDays, off.IntakeCutoffHour)
			return ""
		}
		return parseDue(d, v)
	}
	return []form.Field[model.Dossier]{
		procField,
		citizen.RefField(c, "ApplicantID", true, func(d *model.Dossier) *uint64 { return &d.ApplicantID }, names),
		form.TextField("Documents", false, func(d *model.Dossier) *string { return &d.Documents }),
		form.ChoiceField("Channel", true, form.Options(model.Channels(), opts("channel")), func(d *model.Dossier) *model.Channel { return &d.Channel }),
		form.BoolField("InSystem", func(d *model.Dossier) *bool { return &d.InSystem }),
		form.DateTimeField("ReceivedAt", true, func(d *model.Dossier) *time.Time { return &d.ReceivedAt }),
		due,
		form.TextField("DueReason", false, func(d *model.Dossier) *string { return &d.DueReason }),
		form.ChoiceField("Status", true, form.Options(model.DossierStatuses(), opts("dstatus")), func(d *model.Dossier) *model.DossierStatus { return &d.Status }),
		form.TextField("SupplementItems", false, func(d *model.Dossier) *string { return &d.SupplementItems }),
		form.TextField("ForwardedTo", false, func(d *model.Dossier) *string { return &d.ForwardedTo }),
		form.DateField("ForwardedOn", false, func(d *model.Dossier) *model.Date { return &d.ForwardedOn }),
		form.DateField("Resolved", false, func(d *model.Dossier) *model.Date { return &d.Resolved }),
		form.DateField("Returned", false, func(d *model.Dossier) *model.Date { return &d.Returned }),
		form.ChoiceField("Rating", false, append([]form.Option{{Code: "", Label: c.T("dossier.not_asked")}},
			form.Options(model.Ratings(), opts("rating"))...), func(d *model.Dossier) *model.Rating { return &d.Rating }),
		form.TextField("Note", false, func(d *model.Dossier) *string { return &d.Note }),
	}
}

// askRating is the dossier form's second F2: a result handed back whose
// rating was not asked reminds the clerk to ask (one key picks it; "Không
// đánh giá" when the citizen declines), late or not.
func askRating(c *common.Common) func(was, is *model.Dossier) string {
	return func(was, is *model.Dossier) string {
		if is.Returned.IsZero() || is.Rating != "" || !was.Returned.IsZero() && was.Rating == "" && was.Returned == is.Returned {
			return ""
		}
		return c.T("dossier.ask_rating")
	}
}

// DetailSpec describes a dossier's detail view.
func DetailSpec(c *common.Common) register.DetailSpec[model.Dossier] {
	cat := c.Cat
	return register.DetailSpec[model.Dossier]{
		Kind:    model.KindDossier,
		Get:     func(s model.Store, id uint64) (model.Dossier, error) { return s.Dossier(id) },
		Base:    base,
		Title:   func(c *common.Common, d *model.Dossier) string { return c.T("dossier.title", d.Code) },
		Citizen: func(d *model.Dossier) uint64 { return d.ApplicantID },
		Lines: func(c *common.Common, d *model.Dossier, cit model.Citizen) []register.Line {
			return []register.Line{
				register.L("field.Code", d.Code),
				register.L("field.ProcedureName", d.ProcedureName),
				register.L("field.Field", cat.Label("field_of", string(d.Field))),
				register.L("field.WorkingDays", c.T("dossier.days", d.WorkingDays)),
				register.L("field.ApplicantID", citizen.Label(cit)),
				register.L("field.Address", cit.Address),
				register.L("field.Documents", strings.Join(d.DocumentList(), "; ")),
				register.L("field.Channel", cat.Label("channel", string(d.Channel))),
				register.L("field.ReceivedAt", model.FormatDateTime(d.ReceivedAt)),
				register.L("field.Due", d.Due.String()),
				register.L("field.DueReason", d.DueReason),
				register.L("field.Status", StatusText(c, d, model.DateOf(c.Now()))),
				register.L("field.ForwardedTo", strings.TrimSpace(d.ForwardedTo+" "+d.ForwardedOn.String())),
				register.L("field.Supplements", supplementText(c, d)),
				register.L("field.Apologies", apologyText(c, d)),
				register.L("field.Resolved", d.Resolved.String()),
				register.L("field.Returned", d.Returned.String()),
				register.L("field.Rating", ratingText(c, d)),
				register.L("field.InSystem", yesNo(c, d.InSystem)),
				register.L("field.Note", d.Note),
			}
		},
		Edit:      func(c *common.Common, d model.Dossier, cit model.Citizen) tea.Cmd { return OpenForm(c, d, cit) },
		Extra:     append(actions(c), letterAction(c)),
		AfterSave: afterSave,
	}
}

// NewDetail returns the detail page of dossier id.
func NewDetail(c *common.Common, id uint64) common.Page {
	return register.NewDetail(c, DetailSpec(c), id)
}

func supplementText(c *common.Common, d *model.Dossier) string {
	var parts []string
	for _, s := range d.Supplements {
		if s.Resumed.IsZero() {
			parts = append(parts, c.T("dossier.supplement_open", s.Requested.String(), s.Items))
		} else {
			parts = append(parts, c.T("dossier.supplement_done", s.Requested.String(), s.Resumed.String(), s.Items))
		}
	}
	return strings.Join(parts, "; ")
}

func apologyText(c *common.Common, d *model.Dossier) string {
	var parts []string
	for _, a := range d.Apologies {
		parts = append(parts, c.T("dossier.apology_line", a.Issued.String(), a.NewDue.String(), a.Reason))
	}
	return strings.Join(parts, "; ")
}

func ratingText(c *common.Common, d *model.Dossier) string {
	if d.Rating == "" {
		return ""
	}
	return c.Cat.Label("rating", string(d.Rating))
}

func yesNo(c *common.Common, b bool) string {
	if b {
		return c.T("form.yes")
	}
	return c.T("form.no")
}
