package tui_test

import (
	"io"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tiepdan/tiepdan/tui/common"
)

// With NO_COLOR a terminal gets no colour, but the selected row, the
// focused field and an error still show: reverse video and bold, which
// NO_COLOR leaves alone.
func TestNoColorStillShowsSelectionAndFocus(t *testing.T) {
	d := newDriver(t, true)
	d.fillReception("Phạm Thị Nga", "Hỏi về trợ cấp")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã lưu.")
	d.C.Styles = common.NoColorStyles(lipgloss.NewRenderer(io.Discard))
	d.key(tea.KeyF3, 1)
	screen := d.screen()
	var sel string
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "Phạm Thị Nga") {
			sel = l
		}
	}
	if !strings.Contains(sel, "\x1b[7m") {
		t.Errorf("the selected row is not in reverse video: %q", sel)
	}
	if colourSGR.MatchString(screen) {
		t.Errorf("a colour is drawn under NO_COLOR: %q", screen)
	}
	d.key(tea.KeyCtrlN, 1)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	if s := d.screen(); !strings.Contains(s, "\x1b[1m") {
		t.Errorf("neither the focused field nor the error is marked: %q", s)
	}
}

// colourSGR matches an SGR sequence that sets a foreground or background
// colour (30–38, 40–48, 90–97, 100–107).
var colourSGR = regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`)
