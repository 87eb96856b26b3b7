package model

import (
	"errors"
	"strings"
)

// Errors the storage layer returns, translated to Vietnamese by the UI.
var (
	// ErrConflict means someone saved the record after it was loaded: the
	// caller's Version is stale and nothing was written.
	ErrConflict = errors.New("record changed since it was loaded")
	// ErrNotFound means no record has that id.
	ErrNotFound = errors.New("record not found")
	// ErrVoided means the record is voided and can no longer be changed.
	ErrVoided = errors.New("record is voided")
	// ErrDamaged means part of the database file cannot be read: that
	// request fails, nothing is written, and the file should be checked.
	ErrDamaged = errors.New("database file is damaged")
)

// FieldError says what is wrong with one field. Code is a catalogue key
// (i18n) so every layer can show it in the user's language; Args fill it in.
type FieldError struct {
	Field string
	Code  string
	Args  []any
}

func (e FieldError) Error() string { return e.Field + ": " + e.Code }

// ValidationError lists every field that failed validation, in form order.
type ValidationError struct {
	Fields []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Error()
	}
	return "invalid: " + strings.Join(parts, "; ")
}

// For returns the first error for field, if any.
func (e *ValidationError) For(field string) (FieldError, bool) {
	for _, f := range e.Fields {
		if f.Field == field {
			return f, true
		}
	}
	return FieldError{}, false
}

// errs collects field errors during a Validate call.
type errs struct{ list []FieldError }

func (e *errs) add(field, code string, args ...any) {
	e.list = append(e.list, FieldError{Field: field, Code: code, Args: args})
}

func (e *errs) err() error {
	if len(e.list) == 0 {
		return nil
	}
	return &ValidationError{Fields: e.list}
}
