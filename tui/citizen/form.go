// Package citizen holds the citizen picker (search as you type by name
// without diacritics, ID number or phone), the citizen form, and the citizen
// page with the person's whole history across the three registers.
package citizen

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
)

// Fields returns the citizen form's fields.
func Fields(c *common.Common) []form.Field[model.Citizen] {
	gender := form.Options(model.Genders(), func(s string) string { return c.Cat.Label("gender", s) })
	gender = append([]form.Option{{Code: "", Label: c.T("form.none")}}, gender...)
	return []form.Field[model.Citizen]{
		nameField(),
		form.IntField("BirthYear", false, func(r *model.Citizen) *int { return &r.BirthYear }),
		form.ChoiceField("Gender", false, gender, func(r *model.Citizen) *model.Gender { return &r.Gender }),
		form.TextField("IDNumber", false, func(r *model.Citizen) *string { return &r.IDNumber }),
		form.TextField("Phone", false, func(r *model.Citizen) *string { return &r.Phone }),
		form.TextField("Address", false, func(r *model.Citizen) *string { return &r.Address }),
	}
}

// NewForm returns the form editing rec (ID 0: a new citizen).
func NewForm(c *common.Common, rec model.Citizen) common.Page {
	title := c.T("citizen.new")
	if rec.ID != 0 {
		title = c.T("citizen.edit", rec.FullName)
	}
	return form.New(c, title, rec, Fields(c), c.Store.SaveCitizen)
}

// Label is how a citizen is shown in a reference field and in lists: the
// name, and the birth year or ID number when known, to tell namesakes apart.
func Label(c model.Citizen) string {
	s := c.FullName
	switch {
	case c.IDNumber != "":
		s += " (" + c.IDNumber + ")"
	case c.BirthYear != 0:
		s += " (" + strconv.Itoa(c.BirthYear) + ")"
	}
	if c.Voided {
		s += " ✗"
	}
	return s
}

// RefField is a form field linking a record to a citizen through the picker.
func RefField[T any](c *common.Common, key string, required bool, ptr func(*T) *uint64, names map[uint64]string) form.Field[T] {
	return form.Field[T]{Key: key, Kind: form.Ref, Required: required,
		Get: func(r *T) string {
			if *ptr(r) == 0 {
				return ""
			}
			return strconv.FormatUint(*ptr(r), 10)
		},
		Set: func(r *T, v string) string {
			if v == "" {
				*ptr(r) = 0
				return ""
			}
			id, err := strconv.ParseUint(v, 10, 64)
			if err != nil {
				return model.ErrCodeRequired
			}
			*ptr(r) = id
			return ""
		},
		RefLabel: func(r *T) string { return names[*ptr(r)] },
		Pick:     func(q string) common.Page { return NewPicker(c, q, true) },
	}
}

// nameField is the citizen's full name; a name of two words or more typed
// with no diacritics at all ("tran van hung", as a search is often typed)
// is pointed out, since a Vietnamese name almost always has them.
func nameField() form.Field[model.Citizen] {
	f := form.TextField("FullName", true, func(r *model.Citizen) *string { return &r.FullName })
	f.Warn = func(text string) string {
		if len(strings.Fields(text)) < 2 {
			return ""
		}
		for _, r := range text {
			if r > unicode.MaxASCII {
				return ""
			}
		}
		return "citizen.no_diacritics"
	}
	return f
}
