package admin

import (
	"strconv"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
)

// NewProcedures returns the procedure catalogue: name, field, working days
// and whether it is still offered. A retired procedure stays on the
// dossiers that used it; the dossier form no longer offers it.
func NewProcedures(c *common.Common) *Table[model.Procedure] {
	return &Table[model.Procedure]{c: c, id: c.NewPageID(), title: "admin.procedures",
		cols: []column{{"col.procedure", 40}, {"field.Field", 16}, {"field.WorkingDays", 10}, {"col.state", 10}},
		load: func(c *common.Common) ([]model.Procedure, error) { return c.Store.Procedures() },
		cells: func(c *common.Common, p *model.Procedure) []string {
			state := c.T("admin.active")
			if p.Inactive {
				state = c.T("admin.inactive")
			}
			return []string{p.Name, c.Cat.Label("field_of", string(p.Field)), strconv.Itoa(p.WorkingDays), state}
		},
		edit: procedureForm,
	}
}

func procedureForm(c *common.Common, p *model.Procedure) common.Page {
	rec, title := model.Procedure{Field: model.FieldCivilStatus}, c.T("admin.procedure_new")
	if p != nil {
		rec, title = *p, c.T("admin.procedure_edit", p.Name)
	}
	fields := []form.Field[model.Procedure]{
		form.TextField("Name", true, func(p *model.Procedure) *string { return &p.Name }),
		form.ChoiceField("Field", true, form.Options(model.Fields(), func(s string) string { return c.Cat.Label("field_of", s) }),
			func(p *model.Procedure) *model.Field { return &p.Field }),
		form.IntField("WorkingDays", true, func(p *model.Procedure) *int { return &p.WorkingDays }),
		form.ChoiceField("Online", false, form.Options(model.OnlineLevels(), func(s string) string { return c.Cat.Label("online", s) }),
			func(p *model.Procedure) *model.OnlineLevel { return &p.Online }),
		form.DateField("OnlineFrom", false, func(p *model.Procedure) *model.Date { return &p.OnlineFrom }),
		form.ChoiceField("Letter", false, append([]form.Option{{Code: "", Label: c.T("form.none")}},
			form.Options(model.LetterKinds(), func(s string) string { return c.Cat.Label("letter", s) })...),
			func(p *model.Procedure) *model.LetterKind { return &p.Letter }),
		form.BoolField("Inactive", func(p *model.Procedure) *bool { return &p.Inactive }),
	}
	return form.New(c, title, rec, fields, c.Store.SaveProcedure)
}

// NewDeadlineRules returns the deadline rules table (DESIGN §4): each
// deadline's days, counted in working or calendar days, its legal basis,
// and the date it is in force from. A change of the law is a new row with
// a later date, so records keep the version they were given.
func NewDeadlineRules(c *common.Common) *Table[model.DeadlineRule] {
	return &Table[model.DeadlineRule]{c: c, id: c.NewPageID(), title: "admin.deadlines",
		cols: []column{{"field.DeadlineKey", 28}, {"field.DeadlineDays", 16}, {"field.Basis", 22}, {"field.DeadlineFrom", 10}},
		load: func(c *common.Common) ([]model.DeadlineRule, error) {
			o, err := c.Store.Office()
			return o.Deadlines(), err
		},
		cells: func(c *common.Common, r *model.DeadlineRule) []string {
			return []string{c.Cat.Label("deadline", string(r.Key)),
				strconv.Itoa(r.Days) + " " + c.Cat.Label("count", string(r.Mode)), common.BasisText(c, *r), r.From.String()}
		},
		edit: ruleForm,
	}
}

// RuleEdit is what the rule form edits; Orig is the Ref of the row being
// edited (empty: a new row). It is saved as part of the office settings,
// whose validation names the same fields.
type RuleEdit struct {
	model.Meta
	Rule model.DeadlineRule
	Orig string
}

// Kind returns an empty kind: the rule is saved with the office settings.
func (*RuleEdit) Kind() model.Kind { return "" }

// Normalize does nothing: the office settings clean the rule.
func (*RuleEdit) Normalize() {}

// Validate leaves the checks to the office settings.
func (*RuleEdit) Validate(time.Time) error { return nil }

func ruleForm(c *common.Common, r *model.DeadlineRule) common.Page {
	e, title := RuleEdit{Rule: model.DeadlineRule{Key: model.DeadlineClassify, Mode: model.CountWorking}}, c.T("admin.rule_new")
	if r != nil {
		e, title = RuleEdit{Rule: *r, Orig: r.Ref()}, c.T("admin.rule_edit", c.Cat.Label("deadline", string(r.Key)))
	}
	label := func(enum string) func(string) string { return func(s string) string { return c.Cat.Label(enum, s) } }
	fields := []form.Field[RuleEdit]{
		form.ChoiceField("DeadlineKey", true, form.Options(model.DeadlineKeys(), label("deadline")),
			func(e *RuleEdit) *model.DeadlineKey { return &e.Rule.Key }),
		form.IntField("DeadlineDays", true, func(e *RuleEdit) *int { return &e.Rule.Days }),
		form.ChoiceField("CountMode", true, form.Options(model.CountModes(), label("count")),
			func(e *RuleEdit) *model.CountMode { return &e.Rule.Mode }),
		form.TextField("Basis", false, func(e *RuleEdit) *string { return &e.Rule.Basis }),
		form.DateField("DeadlineFrom", false, func(e *RuleEdit) *model.Date { return &e.Rule.From }),
	}
	store := c.Store
	var saved model.Office
	return form.New(c, title, e, fields, func(e *RuleEdit) error {
		o, err := saveRule(store, e.Orig, e.Rule)
		saved = o
		return err
	}).WithResult(func(RuleEdit) any {
		// the office settings were saved: the root takes them as it does
		// from the settings form
		return form.Saved{Kind: model.KindOffice, Record: saved}
	})
}

// saveRule reads the office settings, puts r in place of the rule named
// orig (or adds it) and saves them; the settings keep a copy of the
// defaults from the first change on.
func saveRule(store model.Store, orig string, r model.DeadlineRule) (model.Office, error) {
	o, err := store.Office()
	if err != nil {
		return o, err
	}
	rules := append([]model.DeadlineRule(nil), o.Deadlines()...)
	replaced := false
	for i := range rules {
		if orig != "" && rules[i].Ref() == orig {
			rules[i], replaced = r, true
		}
	}
	if !replaced {
		rules = append(rules, r)
	}
	o.DeadlineRules = rules
	err = store.SaveOffice(&o)
	return o, err
}
