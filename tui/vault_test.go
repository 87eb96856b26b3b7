package tui_test

import (
	"errors"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
)

// Switching the office to restricted mode asks for the passphrase that
// makes its key, from staff allowed to see identities only; whoever set
// it has the key open.
func TestRestrictedModeNeedsAPassphrase(t *testing.T) {
	db, chi := openAdminDB(t, nil)
	d := deskAs(t, db, chi)
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.typeText("1")
	d.key(tea.KeyShiftTab, 10) // from the first field back round to the identity mode
	d.expectLine("▸ Bảo vệ người tố cáo", "Không lưu")
	d.key(tea.KeyRight, 1)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("để tạo khóa. Chỉ người có mật khẩu bảo vệ")
	d.expectLine("▸ Mật khẩu bảo vệ danh")
	d.typeText("trăng rằm tháng tám")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("chỉ cán bộ được phép xem danh tính")
	d.expectNot("trăng rằm") // hidden as typed
	if o, _ := db.For("x").Office(); o.ProtectedMode() != model.ProtectedOffline {
		t.Fatal("restricted mode saved without a key")
	}

	chi.SeeProtected = true
	st, _ := db.Staff("chi")
	st.SeeProtected = true
	if err := db.For("quantri").SaveStaff(&st); err != nil {
		t.Fatal(err)
	}
	d = deskAs(t, db, chi)
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.typeText("1")
	d.key(tea.KeyShiftTab, 10)
	d.key(tea.KeyRight, 1)
	d.key(tea.KeyTab, 1)
	d.typeText("ngắn")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("mật khẩu bảo vệ cần ít nhất 8 ký tự")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.typeText("trăng rằm tháng tám")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("1. Thông tin cơ quan") // saved: back on the menu
	if o, _ := db.For("x").Office(); o.ProtectedMode() != model.ProtectedRestricted {
		t.Fatal("restricted mode not saved")
	}
	if !d.C.Store.ProtectedUnlocked() {
		t.Fatal("the administrator who set the passphrase must type it again")
	}
	if err := db.As(chi).UnlockProtected("trăng rằm tháng tám"); err != nil {
		t.Fatalf("a new session of chi: %v", err)
	}
}

// Granting the permission on the staff screen: the person granted types
// their passphrase, the administrator opens the key with theirs; a wrong
// one is said under its field and nothing is saved.
func TestGrantThePermissionOnTheStaffScreen(t *testing.T) {
	db, chi := openAdminDB(t, nil)
	local := db.For("quantri")
	// granted while the office kept no identities: no passphrase yet
	cu := model.Staff{Username: "cu", Role: model.RoleLeader, SeeProtected: true}
	if err := local.SaveStaff(&cu); err != nil {
		t.Fatal(err)
	}
	o, _ := local.Office()
	o.Protected, o.Passphrase = model.ProtectedRestricted, adminPass
	if err := local.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	st, _ := db.Staff("chi")
	st.SeeProtected, st.Passphrase = true, "khóa của chi 2026"
	if err := local.SaveStaff(&st); err != nil {
		t.Fatal(err)
	}
	chi.SeeProtected = true
	d := deskAs(t, db, chi)
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.typeText("2")
	d.expectLine("cu", "chưa có MK bảo vệ")
	d.key(tea.KeyCtrlN, 1)
	d.typeText("lan")
	d.key(tea.KeyTab, 3)
	d.key(tea.KeyRight, 1) // Lãnh đạo
	d.key(tea.KeyTab, 1)
	d.key(tea.KeySpace, 1) // may see protected identities
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("cấp quyền xem danh tính cần mật khẩu")
	d.expectLine("▸ Mật khẩu bảo vệ (người")
	d.typeText("khóa của lan 2026")
	d.key(tea.KeyTab, 1)
	d.expectLine("▸ Mật khẩu bảo vệ của bạn")
	d.typeText("sai rồi sai rồi")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("mật khẩu bảo vệ không đúng")
	d.expectNot("khóa của lan")
	if _, err := db.Staff("lan"); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("a refused grant saved the account: %v", err)
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.typeText("khóa của chi 2026")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã lưu tài khoản lan.")
	lan, _ := db.Staff("lan")
	if !lan.SeeProtected {
		t.Fatal("the permission was not saved")
	}
	if err := db.As(lan).UnlockProtected("khóa của lan 2026"); err != nil {
		t.Fatalf("lan's passphrase does not open the key: %v", err)
	}
}
