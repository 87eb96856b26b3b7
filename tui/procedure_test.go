package tui_test

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tiepdan/tiepdan/model"
)

// In a catalogue of several hundred procedures the procedure field
// searches as the clerk types, by words without diacritics anywhere in the
// name; a long name wraps in the list and on the form, never cut, and no
// line is wider than the window.
func TestProcedureFieldSearchesALargeCatalogue(t *testing.T) {
	d := newDriver(t, true)
	s := d.DB.For("x")
	for i := 0; i < 300; i++ {
		p := model.Procedure{Name: fmt.Sprintf("Thủ tục thử nghiệm số %03d", i), Field: model.FieldOther, WorkingDays: 5}
		if err := s.SaveProcedure(&p); err != nil {
			t.Fatal(err)
		}
	}
	long := model.Procedure{Name: "Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi (liên thông điện tử)",
		Field: model.FieldCivilStatus, WorkingDays: 3}
	if err := s.SaveProcedure(&long); err != nil {
		t.Fatal(err)
	}
	d.key(tea.KeyF5, 1)
	d.key(tea.KeyCtrlN, 1)
	d.expect("Hồ sơ — tiếp nhận mới")
	d.typeText("the bao hiem")
	d.expect("1 /")
	d.expect("▸ Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm")
	d.expect("điện tử)")
	fits(t, d.screen(), 80)
	d.key(tea.KeyBackspace, len("the bao hiem"))
	d.typeText("so 29")
	d.expect("Thủ tục thử nghiệm số 290", "Thủ tục thử nghiệm số 299")
	d.expectNot("số 028")
	d.key(tea.KeyBackspace, 5)
	d.typeText("khai sinh tre em")
	d.key(tea.KeyEnter, 1)
	d.expectLine("Thủ tục", "Đăng ký khai sinh, đăng ký thường trú")
	d.expect("tử) (3 ngày làm việc)")
	fits(t, d.screen(), 80)
}

// fits fails when a line of screen is wider than w cells.
func fits(t *testing.T, screen string, w int) {
	t.Helper()
	for i, l := range strings.Split(screen, "\n") {
		if lipgloss.Width(l) > w {
			t.Errorf("line %d is %d cells wide (window %d): %q", i+1, lipgloss.Width(l), w, l)
		}
	}
}
