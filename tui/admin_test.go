package tui_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"github.com/tiepdan/tiepdan/auth"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

func newKey(t *testing.T, comment string) string {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k))) + " " + comment
}

// openAdminDB opens a configured database with one administrator account.
func openAdminDB(t *testing.T, now func() time.Time) (*storage.DB, model.Staff) {
	t.Helper()
	if now == nil {
		now = func() time.Time { return testNow }
	}
	db, err := storage.Open(filepath.Join(t.TempDir(), "admin.db"), storage.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Verify(); err != nil {
			t.Errorf("verify: %v", err)
		}
		db.Close()
	})
	local := db.For("quantri")
	o, _ := local.Office()
	o.Name, o.Place = "UBND xã Quang Trung", "Quang Trung"
	if err := local.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	chi := model.Staff{Username: "chi", FullName: "Lê Thị Chi", Role: model.RoleAdmin}
	if err := local.SaveStaff(&chi); err != nil {
		t.Fatal(err)
	}
	return db, chi
}

func paste(d *driver, s string) {
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true})
}

func TestAdminCreatesAndEditsAnAccount(t *testing.T) {
	db, chi := openAdminDB(t, nil)
	d := deskAs(t, db, chi)
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.expect("Quản trị", "1. Thông tin cơ quan", "2. Tài khoản cán bộ", "3. Ngày nghỉ lễ, ngày làm bù", "4. Nhật ký thay đổi")
	d.typeText("2")
	d.expectLine("chi", "Lê Thị Chi", "Quản trị", "đang dùng")

	d.key(tea.KeyCtrlN, 1)
	d.expect("Tài khoản mới", "Tên đăng nhập")
	d.typeText("Bình")
	d.key(tea.KeyTab, 1)
	d.typeText("Trần Thị Bình")
	d.key(tea.KeyTab, 1)
	d.typeText("Công chức Văn phòng - Thống kê")
	d.key(tea.KeyTab, 1)
	d.key(tea.KeyRight, 1) // Lãnh đạo
	d.key(tea.KeyTab, 3)   // see-protected, disabled, to the password
	d.typeText("ngan")
	d.key(tea.KeyTab, 1)
	paste(d, "ssh-ed25519 không-phải-khóa")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("chỉ gồm chữ thường không dấu", "mật khẩu phải dài từ 8 đến 128 ký tự",
		"không phải khóa công khai SSH")
	d.expectNot("ngan") // the password is never echoed
	if all, _ := db.For("x").ListStaff(); len(all) != 1 {
		t.Fatalf("a refused form saved an account: %d accounts", len(all))
	}

	d.expect("▸ Tên đăng nhập") // the first wrong field has the focus
	d.key(tea.KeyBackspace, 4)
	d.typeText("binh")
	d.key(tea.KeyTab, 6)
	d.key(tea.KeyBackspace, 4)
	d.typeText("mật khẩu dài")
	d.key(tea.KeyTab, 1)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU}) // textinput: delete to the start
	key := newKey(t, "binh@may-tiep-dan")
	paste(d, key)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã lưu tài khoản binh.")
	d.expectLine("binh", "Trần Thị Bình", "Lãnh đạo", " 1 ", "Có")

	got, err := db.Staff("binh")
	if err != nil {
		t.Fatal(err)
	}
	if !auth.CheckPassword(got.PasswordHash, "mật khẩu dài") || got.Title != "Công chức Văn phòng - Thống kê" ||
		got.Role != model.RoleLeader || len(got.Keys) != 1 || got.Keys[0] != key || got.CreatedBy != "chi" {
		t.Fatalf("stored %+v", got)
	}

	// Edit: remove the key, lock the account. The saved account stays
	// selected although it sorts first.
	d.key(tea.KeyEnter, 1)
	d.expect("Tài khoản binh", "Giữ cả 1 khóa")
	d.expectNot("Tên đăng nhập *") // a username cannot be renamed
	d.key(tea.KeyTab, 4)
	d.key(tea.KeySpace, 1) // disabled
	d.key(tea.KeyTab, 3)
	d.expect("Xóa khóa SSH")
	d.key(tea.KeyRight, 1)
	d.expect("binh@may-tiep-dan")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expectLine("binh", "Lãnh đạo", " 0 ", "đã khóa")
	got, _ = db.Staff("binh")
	if !got.Disabled || len(got.Keys) != 0 || !auth.CheckPassword(got.PasswordHash, "mật khẩu dài") || got.Version != 2 {
		t.Fatalf("after edit %+v", got)
	}
	trail, _ := db.For("x").Audit(model.KindStaff, got.ID)
	if len(trail) != 2 || trail[1].Staff != "chi" {
		t.Fatalf("trail %+v", trail)
	}
}

func TestAdminCannotRemoveTheLastAdministrator(t *testing.T) {
	db, chi := openAdminDB(t, nil)
	d := deskAs(t, db, chi)
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.typeText("2")
	d.key(tea.KeyEnter, 1)
	d.expect("Tài khoản chi")
	d.key(tea.KeyTab, 2)
	d.key(tea.KeyLeft, 1) // Lãnh đạo
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("phải còn ít nhất một tài khoản quản trị")
	if got, _ := db.Staff("chi"); got.Role != model.RoleAdmin || got.Version != 1 {
		t.Fatalf("the only admin was demoted: %+v", got)
	}
}

func TestAdministrationByRole(t *testing.T) {
	db, _ := openAdminDB(t, nil)
	clerk := deskAs(t, db, model.Staff{Username: "an", Role: model.RoleClerk})
	clerk.send(tea.KeyMsg{Type: tea.KeyF12})
	clerk.expect("Bạn không có quyền làm việc này.")
	clerk.expectNot("Nhật ký thay đổi")

	leader := deskAs(t, db, model.Staff{Username: "lanhdao", Role: model.RoleLeader})
	leader.send(tea.KeyMsg{Type: tea.KeyF12})
	leader.expect("1. Nhật ký thay đổi")
	leader.expectNot("Tài khoản cán bộ")
	leader.expectNot("Thông tin cơ quan")
}

func TestAuditLogByStaffDayAndRecord(t *testing.T) {
	now := testNow
	db2, chi := openAdminDB(t, func() time.Time { return now })
	an := model.Staff{Username: "an", Role: model.RoleClerk}
	binh := model.Staff{Username: "binh", Role: model.RoleClerk}
	var first model.Citizen
	for i := range 130 {
		now = testNow.Add(time.Duration(i) * 6 * time.Hour) // 4 a day, over 33 days
		who := an
		if i%3 == 0 {
			who = binh
		}
		c := model.Citizen{FullName: fmt.Sprintf("Công dân số %d", i)}
		if err := db2.As(who).SaveCitizen(&c); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = c
		}
	}
	now = testNow.Add(800 * time.Hour)
	first.Address = "Thôn Đông"
	if err := db2.As(an).SaveCitizen(&first); err != nil {
		t.Fatal(err)
	}

	d := deskAs(t, db2, chi)
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.typeText("4")
	d.expect("Nhật ký thay đổi · trang 1", "PgDn")
	d.expectLine("an", "sửa", "Công dân #1", "Địa chỉ")
	d.expect("Địa chỉ: Thôn Đông") // the selected event's change, under the list
	d.key(tea.KeyPgDown, 1)
	d.expect("trang 2")
	d.expectLine("binh", "tạo mới", "Công dân #31 ") // 100 per page: the update and #130…#32 on page 1
	d.key(tea.KeyDown, 30)
	d.expectLine("binh", "tạo mới", "Công dân #1 ")
	d.key(tea.KeyPgUp, 1)
	d.expect("trang 1")

	// By staff: only binh's 44 creations.
	d.key(tea.KeyCtrlF, 1)
	d.typeText("BINH")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Nhật ký thay đổi · binh")
	for _, l := range strings.Split(d.screen(), "\n")[3:] {
		if strings.Contains(l, "Công dân #") && !strings.Contains(l, "binh") {
			t.Fatalf("a line of someone else under binh's filter: %q", l)
		}
	}
	// By day: 22/10/2026 had 4 events, 09:30, 15:30, 21:30, 03:30 of the next.
	d.key(tea.KeyCtrlF, 1)
	d.key(tea.KeyBackspace, 4)
	d.key(tea.KeyTab, 1)
	d.typeText("22/10/2026")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Nhật ký thay đổi · 22/10/2026")
	if n := strings.Count(d.screen(), "Công dân #"); n != 4 {
		t.Fatalf("22/10 shows %d events:\n%s", n, d.screen())
	}
	// By record without a kind: a message; with one: the record's two events.
	d.key(tea.KeyCtrlF, 1)
	d.key(tea.KeyTab, 1)
	d.key(tea.KeyBackspace, 10)
	d.key(tea.KeyTab, 2)
	d.typeText("1")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("chọn loại hồ sơ khi tìm theo số hồ sơ")
	d.expect("▸ Loại hồ sơ") // the wrong field has the focus
	d.typeText("c")          // Công dân
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Nhật ký thay đổi · Công dân #1")
	if n := strings.Count(d.screen(), "Công dân #1        "); n != 2 {
		t.Fatalf("record 1 shows %d events:\n%s", n, d.screen())
	}
	d.key(tea.KeyEnter, 1)
	d.expect("Công dân số 0", "Thôn Đông")
}

func TestAdminSetsDaysOffAndSwappedWorkingDays(t *testing.T) {
	db, chi := openAdminDB(t, nil)
	d := deskAs(t, db, chi)
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.typeText("3")
	d.expect("Ngày nghỉ lễ, ngày làm bù năm 2026", "Cả năm 250 ngày làm việc")
	d.expectLine("26/04/2026", "Chủ nhật", "Giỗ Tổ Hùng Vương", "trùng ngày nghỉ hằng tuần")
	d.expectLine("27/04/2026", "Thứ Hai", "Nghỉ bù: Giỗ Tổ Hùng Vương")
	d.expectLine("16/02/2026", "Tết Nguyên đán, ngày cuối năm")

	// Bad input: an impossible date, then a year the calendar does not know.
	d.key(tea.KeyCtrlN, 1)
	d.expect("Thêm ngày nghỉ / ngày làm bù")
	d.typeText("31/02/2026")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("không đọc được ngày")
	d.key(tea.KeyBackspace, 10)
	d.typeText("21/02/2026")
	d.key(tea.KeyTab, 1)
	d.key(tea.KeyRight, 1) // Ngày làm việc
	d.key(tea.KeyTab, 1)
	d.typeText("Làm bù theo Thông báo số 12/TB-UBND")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("Đã lưu ngày 21/02/2026", "Cả năm 251 ngày làm việc")
	d.expectLine("● 21/02/2026", "Thứ Bảy", "Ngày làm việc (làm bù) — Làm bù theo Thông báo số 12/TB")
	o, _ := db.For("x").Office()
	if len(o.DayOverrides) != 1 || o.DayOverrides[0].Kind != model.WorkDay || o.DayOverrides[0].Date != model.NewDate(2026, 2, 21) {
		t.Fatalf("stored overrides %+v", o.DayOverrides)
	}
	// The store counts it: a dossier after the cut-off on 13/02 is due
	// 3 working days after Saturday 21/02.
	cit := model.Citizen{FullName: "Vũ Văn Hải"}
	clerk := db.As(model.Staff{Username: "an", Role: model.RoleClerk})
	if err := clerk.SaveCitizen(&cit); err != nil {
		t.Fatal(err)
	}
	x := model.Dossier{ProcedureName: "Chứng thực", Field: model.FieldCertification, WorkingDays: 3, ApplicantID: cit.ID,
		Channel: model.ChannelDirect, Status: model.DossierInProgress, ReceivedAt: time.Date(2026, 2, 13, 16, 0, 0, 0, model.VN)}
	if err := clerk.SaveDossier(&x); err != nil || x.Due != model.NewDate(2026, 2, 25) {
		t.Fatalf("due %s, %v", x.Due, err)
	}

	// Remove it: ^D asks, ^D again removes.
	d.key(tea.KeyDown, 6) // 1/1, Tết 16-20/2, then 21/2
	d.key(tea.KeyCtrlD, 1)
	d.expect("Nhấn ^D lần nữa để bỏ")
	d.key(tea.KeyCtrlD, 1)
	d.expect("Đã bỏ ngày 21/02/2026", "Cả năm 250 ngày làm việc")
	if o, _ := db.For("x").Office(); len(o.DayOverrides) != 0 {
		t.Fatalf("not removed: %+v", o.DayOverrides)
	}
	trail, _ := db.For("x").AuditLog(model.AuditQuery{Kind: model.KindOffice})
	if len(trail) < 3 || trail[0].Staff != "chi" {
		t.Fatalf("override changes not audited: %+v", trail)
	}
	d.key(tea.KeyLeft, 1)
	d.expect("Ngày nghỉ lễ, ngày làm bù năm 2025")
	d.expectLine("29/01/2025", "Tết Nguyên đán, mùng 1")
}

func TestOfficeSetsTheWorkingWeek(t *testing.T) {
	db, chi := openAdminDB(t, nil)
	d := deskAs(t, db, chi)
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.typeText("1")
	d.expectLine("Ngày làm việc/tuần", "2 3 4 5 6")
	d.key(tea.KeyTab, 14)
	d.expect("▸ Ngày làm việc/tuần")
	d.typeText(" 8")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("7 là thứ Bảy, CN là", "Chủ nhật; mỗi ngày một lần")
	if o, _ := db.For("x").Office(); len(o.Workdays) != 0 || o.Version != 1 {
		t.Fatalf("a refused working week was stored: %+v", o.Workdays)
	}
	d.key(tea.KeyBackspace, 1)
	d.typeText("7")
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	o, _ := db.For("x").Office()
	if len(o.Workdays) != 6 || o.Workdays[5] != time.Saturday {
		t.Fatalf("working week %v", o.Workdays)
	}
	// Saturdays now count, and the holidays screen says so.
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.typeText("3")
	d.expect("Cả năm 302 ngày làm việc")
}

// The administration screen says when the last backup was made, warns when
// it is more than two days old, and makes one on request.
func TestAdminScreenShowsAndMakesBackups(t *testing.T) {
	db, chi := openAdminDB(t, nil)
	d := deskAs(t, db, chi)
	made := 0
	d.C.LastBackup = func() (string, time.Time, bool) { return "/srv/saoluu/office-x.db", testNow.Add(-72 * time.Hour), true }
	d.C.BackupNow = func() (string, error) { made++; return "/srv/saoluu/office-y.db", nil }
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.expect("Cảnh báo: đã 3 ngày chưa sao lưu.", "/srv/saoluu/office-x.db", "Sao lưu ngay")
	d.key(tea.KeyDown, 10) // the last line
	d.key(tea.KeyEnter, 1)
	d.expect("Đã sao lưu và kiểm tra: /srv/saoluu/office-y.db")
	if made != 1 {
		t.Fatalf("%d backups made", made)
	}
}

// The staff screen shows who is locked out of password logins and lifts
// it with ^U (administrators, over the server).
func TestStaffScreenLiftsALockout(t *testing.T) {
	db, chi := openAdminDB(t, nil)
	d := deskAs(t, db, chi)
	locked := map[string]time.Time{"chi": testNow.Add(10 * time.Minute)}
	d.C.LockedAccounts = func() map[string]time.Time { return locked }
	d.C.UnlockStaff = func(u string) bool { _, ok := locked[u]; delete(locked, u); return ok }
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.typeText("2")
	d.expectLine("chi", "bị khóa đến 09:40")
	d.expect("^U Mở khóa đăng nhập")
	d.key(tea.KeyCtrlU, 1)
	d.expect("Đã mở khóa đăng nhập cho chi.")
	d.expectNot("bị khóa đến")
}

// Switching the office back to offline says how many identities it will
// destroy and asks for a second F2 before it does.
func TestSwitchingToOfflineSaysWhatItDestroys(t *testing.T) {
	db, chi := openAdminDB(t, nil)
	admin := db.For("quantri")
	o, _ := admin.Office()
	o.Protected, o.Passphrase = model.ProtectedRestricted, "mật khẩu bảo vệ"
	if err := admin.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	p := model.Petition{Received: model.DateOf(testNow), Source: model.SourcePost, Summary: "Tố cáo",
		Content: model.ContentDenunciation, Field: model.FieldLand, Eligibility: model.EligibilityEligible,
		InJurisdiction: true, Status: model.PetitionHandling,
		Protection: model.Protection{PaperRef: "TC-1", Identity: &model.Identity{FullName: "Người Tố Cáo"}}}
	if err := admin.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	d := deskAs(t, db, chi)
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.typeText("1")
	d.key(tea.KeyShiftTab, 10) // from the first field back round to the identity mode
	d.expectLine("▸ Bảo vệ người tố cáo", "Lưu riêng")
	d.key(tea.KeyRight, 1)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("XÓA HẲN 1 danh tính")
	if n, _ := admin.ProtectedCount(); n != 1 {
		t.Fatal("destroyed before the second F2")
	}
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("1. Thông tin cơ quan") // saved: back on the menu
	if n, _ := admin.ProtectedCount(); n != 0 {
		t.Fatalf("%d identities left", n)
	}
}

// After "Sao lưu ngay" the menu shows the backup just made, no longer the
// old one's warning.
func TestBackupNowUpdatesTheMenu(t *testing.T) {
	db, chi := openAdminDB(t, nil)
	d := deskAs(t, db, chi)
	d.C.LastBackup = func() (string, time.Time, bool) { return "/srv/saoluu/cu.db", testNow.Add(-72 * time.Hour), true }
	d.C.BackupNow = func() (string, error) { return "/srv/saoluu/moi.db", nil }
	d.send(tea.KeyMsg{Type: tea.KeyF12})
	d.expect("Cảnh báo")
	d.key(tea.KeyDown, 10)
	d.key(tea.KeyEnter, 1)
	d.expect("Bản sao lưu gần nhất: 21/10/2026 09:30 (/srv/saoluu/moi.db).", "Đã sao lưu và kiểm tra")
	d.expectNot("Cảnh báo")
}
