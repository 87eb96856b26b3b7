package form

import (
	"strconv"
	"strings"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
)

// TextField edits a string field through get/set pointers.
func TextField[T any](key string, required bool, ptr func(*T) *string) Field[T] {
	return Field[T]{Key: key, Kind: Text, Required: required,
		Get: func(r *T) string { return *ptr(r) },
		Set: func(r *T, v string) string { *ptr(r) = v; return "" }}
}

// IntField edits an int; an empty text is 0.
func IntField[T any](key string, required bool, ptr func(*T) *int) Field[T] {
	return Field[T]{Key: key, Kind: Int, Required: required,
		Get: func(r *T) string {
			if *ptr(r) == 0 {
				return ""
			}
			return strconv.Itoa(*ptr(r))
		},
		Set: func(r *T, v string) string {
			v = strings.ReplaceAll(strings.ReplaceAll(v, ".", ""), " ", "")
			if v == "" {
				*ptr(r) = 0
				return ""
			}
			n, err := strconv.Atoi(v)
			if err != nil {
				return model.ErrCodeNumber
			}
			*ptr(r) = n
			return ""
		}}
}

// DateField edits a model.Date typed as dd/mm/yyyy.
func DateField[T any](key string, required bool, ptr func(*T) *model.Date) Field[T] {
	return Field[T]{Key: key, Kind: Date, Required: required,
		Get: func(r *T) string { return ptr(r).String() },
		Set: func(r *T, v string) string {
			if v == "" {
				*ptr(r) = 0
				return ""
			}
			d, err := model.ParseDate(v)
			if err != nil {
				return model.ErrCodeDate
			}
			*ptr(r) = d
			return ""
		}}
}

// DateTimeField edits an instant typed as dd/mm/yyyy hh:mm (Vietnam time).
func DateTimeField[T any](key string, required bool, ptr func(*T) *time.Time) Field[T] {
	return Field[T]{Key: key, Kind: DateTime, Required: required,
		Get: func(r *T) string { return model.FormatDateTime(*ptr(r)) },
		Set: func(r *T, v string) string {
			if v == "" {
				*ptr(r) = time.Time{}
				return ""
			}
			t, err := model.ParseDateTime(v)
			if err != nil {
				return model.ErrCodeDate
			}
			*ptr(r) = t
			return ""
		}}
}

// BoolField edits a yes/no.
func BoolField[T any](key string, ptr func(*T) *bool) Field[T] {
	return Field[T]{Key: key, Kind: Bool,
		Get: func(r *T) string {
			if *ptr(r) {
				return "1"
			}
			return ""
		},
		Set: func(r *T, v string) string { *ptr(r) = v != ""; return "" }}
}

// ChoiceField edits an enum of string type E, labelled from the catalogue
// under enum.
func ChoiceField[T any, E ~string](key string, required bool, options []Option, ptr func(*T) *E) Field[T] {
	return Field[T]{Key: key, Kind: Choice, Required: required, Options: options,
		Get: func(r *T) string { return string(*ptr(r)) },
		Set: func(r *T, v string) string { *ptr(r) = E(v); return "" }}
}

// Options builds the options of an enum from its values and a label func.
func Options[E ~string](values []E, label func(code string) string) []Option {
	out := make([]Option, len(values))
	for i, v := range values {
		out[i] = Option{Code: string(v), Label: label(string(v))}
	}
	return out
}

// StaffField picks a staff member of the office by full name and keeps the
// username (who received a visit).
func StaffField[T any](c *common.Common, key string, required bool, ptr func(*T) *string) Field[T] {
	var opts []Option
	for _, st := range c.StaffAccounts() {
		opts = append(opts, Option{Code: st.Username, Label: st.Label()})
	}
	return ChoiceField(key, required, opts, ptr)
}
