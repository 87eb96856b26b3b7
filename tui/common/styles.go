package common

import "github.com/charmbracelet/lipgloss"

// Styles are built from the session's renderer, so an SSH session with 16
// colours and a local Windows Terminal each get what they can show. Every
// colour is an ANSI 16 colour: readable in PuTTY's defaults, and with
// NO_COLOR the renderer drops them and bold/reverse still mark focus.
type Styles struct {
	Title, Tab, TabActive, Header, Footer, Key, Status, Error, OK     lipgloss.Style
	Label, LabelFocus, Input, Hint, Selected, Row, Voided, Dim, Frame lipgloss.Style
}

// NewStyles builds the styles for renderer r.
func NewStyles(r *lipgloss.Renderer) *Styles {
	s := r.NewStyle
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
