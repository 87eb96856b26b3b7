package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// fuzzKeys are the keys a fuzz input picks from: every key the program
// binds and some it does not.
var fuzzKeys = []tea.KeyMsg{
	{Type: tea.KeyF2}, {Type: tea.KeyF3}, {Type: tea.KeyF4}, {Type: tea.KeyF5}, {Type: tea.KeyF6}, {Type: tea.KeyF7},
	{Type: tea.KeyF8}, {Type: tea.KeyF9}, {Type: tea.KeyF11}, {Type: tea.KeyF12}, {Type: tea.KeyCtrlG}, {Type: tea.KeyCtrlN},
	{Type: tea.KeyCtrlE}, {Type: tea.KeyCtrlD}, {Type: tea.KeyCtrlF}, {Type: tea.KeyCtrlR}, {Type: tea.KeyCtrlP},
	{Type: tea.KeyCtrlO}, {Type: tea.KeyCtrlK}, {Type: tea.KeyCtrlL}, {Type: tea.KeyCtrlW}, {Type: tea.KeyCtrlT},
	{Type: tea.KeyTab}, {Type: tea.KeyShiftTab}, {Type: tea.KeyEnter}, {Type: tea.KeyEsc}, {Type: tea.KeyUp},
	{Type: tea.KeyDown}, {Type: tea.KeyLeft}, {Type: tea.KeyRight}, {Type: tea.KeyPgDown}, {Type: tea.KeyPgUp},
	{Type: tea.KeyHome}, {Type: tea.KeyEnd}, {Type: tea.KeyBackspace}, {Type: tea.KeyDelete}, {Type: tea.KeySpace, Runes: []rune{' '}},
	{Type: tea.KeyRunes, Runes: []rune("a")}, {Type: tea.KeyRunes, Runes: []rune("1")}, {Type: tea.KeyRunes, Runes: []rune("2")},
	{Type: tea.KeyRunes, Runes: []rune("Nguyễn")}, {Type: tea.KeyRunes, Runes: []rune("土地")}, {Type: tea.KeyRunes, Runes: []rune("a\u0301")},
	{Type: tea.KeyRunes, Runes: []rune("10/2026")}, {Type: tea.KeyCtrlU}, {Type: tea.KeyCtrlA},
	{Type: tea.KeyCtrlY}, {Type: tea.KeyCtrlX}, {Type: tea.KeyRunes, Runes: []rune("3")},
}

// The program's Update never panics on any run of keys and window sizes,
// and never draws more lines than the window has, nor a line wider.
func FuzzUpdate(f *testing.F) {
	f.Add([]byte{3, 40, 23, 41, 24, 20, 24, 25})
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add([]byte("\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"))
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > 80 {
			in = in[:80]
		}
		d := newDriver(t, true)
		w, h := 80, 24
		for _, b := range in {
			if b < 12 { // a window change, from tiny to wide
				w, h = 1+int(b)*17, 1+int(b)*5
				d.send(tea.WindowSizeMsg{Width: w, Height: h})
				continue
			}
			k := fuzzKeys[int(b)%len(fuzzKeys)]
			if k.Type == tea.KeyF10 || k.Type == tea.KeyCtrlC {
				continue
			}
			d.send(k)
			s := d.screen()
			lines := strings.Split(s, "\n")
			if len(lines) > h {
				t.Fatalf("%d lines in a window of %d", len(lines), h)
			}
			for _, l := range lines {
				if lipgloss.Width(l) > w {
					t.Fatalf("a line of %d cells in a window of %d: %q", lipgloss.Width(l), w, l)
				}
			}
		}
	})
}
