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
	d.C.OfferDemo = true
	d.App = tui.New(d.C)
	d.run(d.App.Init())
	d.expect("Chào mừng đến với tiepdan", "1 Thiết lập cơ quan của bạn", "2 Xem thử một văn phòng mẫu")
	d.send(tea.KeyMsg{Type: tea.KeyF3}) // the tabs wait for the choice
	d.expect("Chào mừng")
	d.typeText("2")
	if !d.App.(*tui.App).DemoRequested() {
		t.Fatal("2 did not ask for the demo office")
	}

	d2 := newDriver(t, false)
	d2.C.OfferDemo = true
	d2.App = tui.New(d2.C)
	d2.run(d2.App.Init())
	d2.typeText("1")
	d2.expect("Lần đầu sử dụng", "Tên cơ quan")
	if d2.App.(*tui.App).DemoRequested() {
		t.Fatal("1 asked for the demo")
	}
}
