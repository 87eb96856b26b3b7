package tui_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/internal/tuitest"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
	"github.com/tiepdan/tiepdan/tui/common"
)

// The canary: a unique fake denouncer. None of these may appear anywhere a
// staff member without the permission can look.
var canary = model.Identity{FullName: "Khổng Thị Canarybird", IDNumber: "001305099871", Phone: "0912000777",
	Address: "Xóm Canarybird"}

func canaryParts() []string {
	return []string{canary.FullName, "Canarybird", canary.IDNumber, canary.Phone, "0912 000 777"}
}

// deskAs opens a session on db as st.
func deskAs(t *testing.T, db *storage.DB, st model.Staff) *driver {
	c := common.New(db.As(st), i18n.New(i18n.Vietnamese), lipgloss.NewRenderer(io.Discard), st.Username,
		func() time.Time { return testNow })
	c.ExportDir = t.TempDir()
	c.DraftEvery = -1 // drafts are written when a test asks
	return &driver{tuitest.Attach(t, db, c)}
}

// clean fails if the screen shows any part of the canary.
func (d *driver) clean(where string) {
	d.T.Helper()
	var lines []string
	for _, l := range strings.Split(d.screen(), "\n") {
		if !strings.HasPrefix(l, "Tìm:") { // the search box echoes the query
			lines = append(lines, l)
		}
	}
	s := strings.Join(lines, "\n")
	for _, p := range canaryParts() {
		if strings.Contains(s, p) {
			d.T.Fatalf("%s shows %q:\n%s", where, p, s)
		}
	}
}

// adminPass and chiefPass are the passphrases of the administrator who
// switched the office to restricted mode and of the leader granted the
// permission.
const adminPass, chiefPass = "mật khẩu quản trị", "khóa của chủ tịch"

func openCanaryDB(t *testing.T, mode model.ProtectedMode) (*storage.DB, string) {
	path := filepath.Join(t.TempDir(), "canary.db")
	db, err := storage.Open(path, storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	admin := db.For("quantri")
	o, _ := admin.Office()
	o.Name, o.Place, o.Protected = "UBND xã Quang Trung", "Quang Trung", mode
	if mode == model.ProtectedRestricted {
		o.Passphrase = adminPass
	}
	if err := admin.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	return db, path
}

func TestCanaryRestrictedMode(t *testing.T) {
	db, path := openCanaryDB(t, model.ProtectedRestricted)
	clerk := model.Staff{Username: "an", Role: model.RoleClerk}
	// The clerk saves the denunciation with the identity, as the form does.
	ident := canary
	p := model.Petition{Received: model.DateOf(testNow), Source: model.SourcePost,
		Summary: "Tố cáo cán bộ thu tiền sai quy định", Content: model.ContentDenunciation, Field: model.FieldLand,
		Eligibility: model.EligibilityEligible, InJurisdiction: true, Status: model.PetitionHandling,
		Protection: model.Protection{PaperRef: "ĐTC-07", Identity: &ident}}
	if err := db.As(clerk).SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	if err := db.Sync(); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	if !bytes.Contains(raw, []byte("ĐTC-07")) {
		t.Fatal("the paper file reference is not in the file: the byte search is not looking at the data")
	}
	for _, part := range canaryParts() {
		if bytes.Contains(raw, []byte(part)) {
			t.Errorf("restricted mode: the database file holds %q in the clear", part)
		}
	}

	for _, st := range []model.Staff{clerk, {Username: "lanhdao", Role: model.RoleLeader}} {
		d := deskAs(t, db, st)
		d.send(tea.KeyMsg{Type: tea.KeyF4})
		d.expect("[được bảo vệ]")
		d.clean("petitions list")
		d.key(tea.KeyEnter, 1)
		d.expect("ĐTC-07", "danh tính được lưu riêng")
		d.clean("petition detail")
		if strings.Contains(d.screen(), "^K") {
			t.Errorf("%s without the permission is offered ^K", st.Username)
		}
		d.send(tea.KeyMsg{Type: tea.KeyCtrlK})
		d.clean("petition detail after ^K")
		d.send(tea.KeyMsg{Type: tea.KeyF9})
		d.expect("Lịch sử thay đổi")
		d.clean("audit trail of the record")
		d.key(tea.KeyEsc, 2)
		d.send(tea.KeyMsg{Type: tea.KeyF6})
		for _, q := range []string{"canarybird", canary.IDNumber, canary.Phone} {
			d.typeText(q)
			d.clean("citizen search for " + q)
			d.key(tea.KeyBackspace, len([]rune(q)))
		}
		d.send(tea.KeyMsg{Type: tea.KeyF11})
		for i := 0; i < 3; i++ {
			d.clean("summary view")
			d.key(tea.KeyEnter, 1)
		}
		for i := 0; i < 5; i++ { // every export format
			d.key(tea.KeyF2, 1)
			d.key(tea.KeyDown, min(i, 1)) // the menu remembers the last choice
			d.key(tea.KeyEnter, 1)
		}
		files, _ := os.ReadDir(d.C.ExportDir)
		if len(files) != 5 {
			t.Fatalf("exports written: %d", len(files))
		}
		for _, f := range files {
			b, _ := os.ReadFile(filepath.Join(d.C.ExportDir, f.Name()))
			for _, part := range canaryParts() {
				if bytes.Contains(b, []byte(part)) {
					t.Errorf("export %s contains %q", f.Name(), part)
				}
			}
		}
		if st.Role == model.RoleLeader {
			// The audit screen, every event selected in turn (its changes
			// show under the list), and the record's trail from there.
			d.send(tea.KeyMsg{Type: tea.KeyF12})
			d.expect("Quản trị", "Nhật ký thay đổi")
			d.key(tea.KeyEnter, 1)
			d.expectLine("Đơn thư #1")
			for range 3 {
				d.clean("audit log screen")
				d.key(tea.KeyDown, 1)
			}
			d.key(tea.KeyEsc, 2)
			evs, err := db.As(st).AuditLog(model.AuditQuery{})
			if err != nil {
				t.Fatal(err)
			}
			for _, ev := range evs {
				for _, c := range ev.Changes {
					for _, part := range canaryParts() {
						if strings.Contains(c.Old+c.New, part) {
							t.Errorf("audit log shows %q: %+v", part, c)
						}
					}
				}
			}
		}
	}

	// With the permission: ^K asks for the leader's passphrase (the
	// identity is sealed), then shows it; the view is in the audit log.
	chief := model.Staff{Username: "chutich", Role: model.RoleLeader, SeeProtected: true, Passphrase: chiefPass}
	admin := db.For("quantri")
	if err := admin.UnlockProtected(adminPass); err != nil {
		t.Fatal(err)
	}
	if err := admin.SaveStaff(&chief); err != nil {
		t.Fatal(err)
	}
	d := deskAs(t, db, chief)
	d.send(tea.KeyMsg{Type: tea.KeyF4})
	d.key(tea.KeyEnter, 1)
	d.expect("^K")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlK})
	d.expect("Mở khóa danh tính được bảo vệ", "Mật khẩu bảo vệ")
	d.clean("the passphrase page")
	d.typeText(adminPass) // another holder's passphrase does not open it at a login
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect("mật khẩu bảo vệ không đúng")
	d.expectNot(adminPass)
	d.clean("a wrong passphrase")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.typeText(chiefPass)
	d.send(tea.KeyMsg{Type: tea.KeyF2})
	d.expect(canary.FullName, canary.Phone, "Đã ghi nhật ký")
	d.expect("Đơn số 1, nhận ngày") // back on the petition
	d.send(tea.KeyMsg{Type: tea.KeyCtrlK})
	d.expect(canary.FullName) // open for the rest of the session: no second prompt
	d.expectNot("Mở khóa danh tính")
	evs, _ := db.As(chief).AuditLog(model.AuditQuery{Staff: "chutich"})
	if len(evs) != 2 || evs[0].Action != model.ActionViewIdentity || evs[0].RecordID != p.ID {
		t.Fatalf("the views were not audited: %+v", evs)
	}
}

func TestCanaryOfflineModeKeepsNothing(t *testing.T) {
	db, path := openCanaryDB(t, model.ProtectedOffline)
	clerk := model.Staff{Username: "an", Role: model.RoleClerk}
	ident := canary
	p := model.Petition{Received: model.DateOf(testNow), Source: model.SourcePost,
		Summary: "Tố cáo cán bộ thu tiền sai quy định", Content: model.ContentDenunciation, Field: model.FieldLand,
		Eligibility: model.EligibilityEligible, InJurisdiction: true, Status: model.PetitionHandling,
		Protection: model.Protection{PaperRef: "ĐTC-07", Identity: &ident}}
	var ve *model.ValidationError
	if err := db.As(clerk).SavePetition(&p); !errors.As(err, &ve) {
		t.Fatalf("offline mode took an identity: %v", err)
	}
	// The form offers no identity field in offline mode: the desk records
	// the paper file only, and says why.
	d := deskAs(t, db, clerk)
	d.send(tea.KeyMsg{Type: tea.KeyF4})
	d.key(tea.KeyCtrlN, 1)
	d.expect("Số hồ sơ giấy")
	d.expectNot("Họ tên người tố cáo")
	p.Identity = nil
	if err := db.As(clerk).SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	if err := db.Sync(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range append(canaryParts(), "Xóm Canarybird") {
		if bytes.Contains(raw, []byte(part)) {
			t.Errorf("offline mode: the database file contains %q", part)
		}
	}
	if !bytes.Contains(raw, []byte("ĐTC-07")) {
		t.Error("the paper file reference is missing from the file: the byte search is not looking at the data")
	}
}
