// Package i18n is the one catalogue of every string the user sees. Vietnamese
// is the language of the app; English is a flag away (--lang en). Keys are
// stable identifiers; enum labels live under "<enum>.<code>", field names
// under "field.<Name>", field errors under "err.<code>".
package i18n

import (
	"fmt"
	"strings"
	"time"
)

// Lang is a UI language.
type Lang string

// The languages the catalogue has.
const (
	Vietnamese Lang = "vi"
	English    Lang = "en"
)

// Catalog translates keys for one language. It is read-only after New and
// safe to share between sessions.
type Catalog struct {
	lang Lang
	m    map[string]string
	vi   map[string]string
}

// New returns the catalogue for lang; an unknown lang gives Vietnamese.
func New(lang Lang) *Catalog {
	vi := vietnamese()
	c := &Catalog{lang: Vietnamese, m: vi, vi: vi}
	if lang == English {
		c.lang, c.m = English, english()
	}
	return c
}

// Lang returns the catalogue's language.
func (c *Catalog) Lang() Lang { return c.lang }

// Has reports whether key exists in this language.
func (c *Catalog) Has(key string) bool { _, ok := c.m[key]; return ok }

// T returns the text for key, formatted with args when given. A key missing
// from the language falls back to Vietnamese, then to "[key]" so a gap shows
// on screen instead of crashing.
func (c *Catalog) T(key string, args ...any) string {
	s, ok := c.m[key]
	if !ok {
		if s, ok = c.vi[key]; !ok {
			return "[" + key + "]"
		}
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Label returns the label of an enum value: Label("content", "complaint").
func (c *Catalog) Label(enum, code string) string {
	if code == "" {
		return ""
	}
	return c.T(enum + "." + code)
}

// Duration says a span of time as a person would: "45 giây", "10 phút",
// "1 giờ 30 phút" (never "0 phút" for a short one).
func (c *Catalog) Duration(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return c.T("dur.seconds", int(d.Seconds()))
	case d < time.Hour:
		return c.T("dur.minutes", int(d.Round(time.Minute).Minutes()))
	case d%time.Hour < time.Minute:
		return c.T("dur.hours", int(d.Hours()))
	default:
		return c.T("dur.hours_minutes", int(d.Hours()), int((d % time.Hour).Round(time.Minute).Minutes()))
	}
}

// FieldError returns the message for a field error code with its args.
func (c *Catalog) FieldError(code string, args ...any) string {
	if !strings.HasPrefix(code, "err.") {
		code = "err." + code
	}
	return c.T(code, args...)
}

// Keys returns every key of lang's table (for tests).
func Keys(lang Lang) []string {
	m := vietnamese()
	if lang == English {
		m = english()
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
