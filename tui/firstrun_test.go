package tui_test

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/tui"
)

// On the desk's own PC a first run offers the demo office beside the real
// set-up: 2 asks for the demo (the program then opens it), 1 the settings.
func TestFirstRunOffersTheDemoOffice(t *testing.T) {
	d := newDriver(t, false)
	d.c.OfferDemo = true
	d.app = tui.New(d.c)
	d.run(d.app.Init())
	d.expect("Chào mừng đến với tiepdan", "1 Thiết lập cơ quan của bạn", "2 Xem thử một văn phòng mẫu")
	d.send(tea.KeyMsg{Type: tea.KeyF3}) // the tabs wait for the choice
	d.expect("Chào mừng")
	d.typeText("2")
	if !d.app.(*tui.App).DemoRequested() {
		t.Fatal("2 did not ask for the demo office")
	}

	d2 := newDriver(t, false)
	d2.c.OfferDemo = true
	d2.app = tui.New(d2.c)
	d2.run(d2.app.Init())
	d2.typeText("1")
	d2.expect("Lần đầu sử dụng", "Tên cơ quan")
	if d2.app.(*tui.App).DemoRequested() {
		t.Fatal("1 asked for the demo")
	}
}
