package register

import (
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
)

// Filter is what a list shows: a date range, a kind, a status, and whether
// voided records are included. It is edited with the shared form, so it
// carries a Meta and the record methods the form needs.
type Filter struct {
	model.Meta
	From, To model.Date
	KindCode string
	Status   string
	Voided   bool
}

// Kind returns an empty kind: a filter is never stored.
func (*Filter) Kind() model.Kind { return "" }

// Normalize does nothing.
func (*Filter) Normalize() {}

// Validate checks that the range does not end before it starts.
func (f *Filter) Validate(time.Time) error {
	if !f.From.IsZero() && !f.To.IsZero() && f.To < f.From {
		return &model.ValidationError{Fields: []model.FieldError{{Field: "To", Code: model.ErrCodeBefore, Args: []any{f.From.String()}}}}
	}
	return nil
}

// Describe summarises an active filter for the title; "" when none.
func (f Filter) Describe(c *common.Common) string {
	s := ""
	add := func(v string) {
		if v == "" {
			return
		}
		if s != "" {
			s += ", "
		}
		s += v
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		add(f.From.String() + "–" + f.To.String())
	}
	if f.KindCode != "" {
		add(c.T("filter.kind_set"))
	}
	if f.Status != "" {
		add(c.T("filter.status_set"))
	}
	if f.Voided {
		add(c.T("filter.voided_shown"))
	}
	return s
}

// NewFilterForm returns the form editing a list's filter; saving pops with
// the new Filter.
func NewFilterForm[T any](c *common.Common, spec Spec[T], cur Filter) common.Page {
	all := []form.Option{{Code: "", Label: c.T("filter.all")}}
	fields := []form.Field[Filter]{
		form.DateField("From", false, func(f *Filter) *model.Date { return &f.From }),
		form.DateField("To", false, func(f *Filter) *model.Date { return &f.To }),
	}
	if spec.KindOptions != nil {
		f := form.ChoiceField("FilterKind", false, append(all, spec.KindOptions...), func(f *Filter) *string { return &f.KindCode })
		fields = append(fields, f)
	}
	if spec.StatusOptions != nil {
		fields = append(fields, form.ChoiceField("FilterStatus", false, append(all, spec.StatusOptions...),
			func(f *Filter) *string { return &f.Status }))
	}
	fields = append(fields, form.BoolField("ShowVoided", func(f *Filter) *bool { return &f.Voided }))
	return form.New(c, c.T("filter.title"), cur, fields, func(*Filter) error { return nil }).
		WithResult(func(f Filter) any { return f })
}
