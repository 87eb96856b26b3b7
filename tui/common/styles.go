package common

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles are built from the session's renderer, so an SSH session with 16
// colours and a local Windows Terminal each get what they can show. Every
// colour is an ANSI 16 colour: readable in PuTTY's defaults. With NO_COLOR
// the styles are NoColorStyles: no colour, but bold, reverse, underline and
// strikethrough still mark focus, selection and errors.
type Styles struct {
	Title, Tab, TabActive, Header, Footer, Key, Status, Error, OK     lipgloss.Style
	Label, LabelFocus, Input, Hint, Selected, Row, Voided, Dim, Frame lipgloss.Style
}

// NewStyles builds the styles for renderer r.
func NewStyles(r *lipgloss.Renderer) *Styles {
	s := r.NewStyle
	return colourStyles(s)
}

// NoColorStyles are the styles for a terminal that asked for no colour
// (NO_COLOR): termenv would drop every attribute with the colours, leaving
// the selected row and the focused field unmarked, so r is set to emit
// plain ANSI attributes and the styles carry no colour at all.
func NoColorStyles(r *lipgloss.Renderer) *Styles {
	r.SetColorProfile(termenv.ANSI)
	st := colourStyles(r.NewStyle)
	for _, p := range []*lipgloss.Style{&st.Title, &st.Tab, &st.TabActive, &st.Header, &st.Footer, &st.Key,
		&st.Status, &st.Error, &st.OK, &st.Label, &st.LabelFocus, &st.Input, &st.Hint, &st.Selected,
		&st.Row, &st.Voided, &st.Dim, &st.Frame} {
		*p = p.UnsetForeground().UnsetBackground()
	}
	return st
}

func colourStyles(s func() lipgloss.Style) *Styles {
	return &Styles{
		Title:      s().Bold(true).Foreground(lipgloss.Color("14")),
		Tab:        s().Foreground(lipgloss.Color("7")),
		TabActive:  s().Bold(true).Reverse(true),
		Header:     s().Bold(true).Underline(true),
		Footer:     s().Foreground(lipgloss.Color("7")),
		Key:        s().Bold(true).Foreground(lipgloss.Color("11")),
		Status:     s().Foreground(lipgloss.Color("10")),
		Error:      s().Bold(true).Foreground(lipgloss.Color("9")),
		OK:         s().Foreground(lipgloss.Color("10")),
		Label:      s().Foreground(lipgloss.Color("7")),
		LabelFocus: s().Bold(true).Foreground(lipgloss.Color("14")),
		Input:      s(),
		Hint:       s().Foreground(lipgloss.Color("8")),
		Selected:   s().Reverse(true),
		Row:        s(),
		Voided:     s().Strikethrough(true).Foreground(lipgloss.Color("8")),
		Dim:        s().Foreground(lipgloss.Color("8")),
		Frame:      s().Border(lipgloss.NormalBorder()).Padding(0, 1),
	}
}
