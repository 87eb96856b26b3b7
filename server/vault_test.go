package server_test

import (
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/server"
)

// Over SSH, a permitted clerk opens the sealed identity with her
// passphrase once; when the idle lock closes the screen, the key is
// forgotten with it and ^K asks for the passphrase again.
func TestIdleLockForgetsTheIdentityKey(t *testing.T) {
	f := start(t, func(c *server.Config) { c.IdleLock = 2 * time.Second })
	admin := f.db.For("quantri")
	o, _ := admin.Office()
	o.Protected, o.Passphrase = model.ProtectedRestricted, "trăng rằm tháng tám"
	if err := admin.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	an, _ := f.db.Staff("an")
	an.SeeProtected, an.Passphrase = true, "khóa của an 2026"
	if err := admin.SaveStaff(&an); err != nil {
		t.Fatal(err)
	}
	p := model.Petition{Received: model.DateOf(time.Now()), Source: model.SourcePost, Summary: "Tố cáo cán bộ",
		Content: model.ContentDenunciation, Field: model.FieldLand, Eligibility: model.EligibilityEligible,
		InJurisdiction: true, Status: model.PetitionHandling,
		Protection: model.Protection{PaperRef: "TC-5", Identity: &model.Identity{FullName: "Đào Thị Kín"}}}
	if err := admin.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	c, err := f.dial("an", gossh.Password(password))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	tm := f.open(c)
	tm.waitFor("F3 Tiếp dân")
	tm.send("\x1bOS") // F4: petitions
	tm.waitFor("[được bảo vệ]")
	tm.send("\r")
	tm.waitFor("^K")
	tm.send("\x0b") // ^K
	tm.waitFor("Mở khóa danh tính")
	tm.send("khóa của an 2026\x1bOQ") // the passphrase, F2
	tm.waitFor("Đào Thị Kín")
	tm.waitFor("đã khóa sau 2 giây không dùng")
	mark := len(tm.text())
	tm.send(password + "\r")
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(tm.text()[mark:], "^K") {
		if time.Now().After(deadline) {
			t.Fatalf("not unlocked:\n%s", tm.text()[mark:])
		}
		time.Sleep(20 * time.Millisecond)
	}
	mark = len(tm.text())
	tm.send("\x0b")
	for !strings.Contains(tm.text()[mark:], "Mở khóa danh tính") {
		if strings.Contains(tm.text()[mark:], "Đào Thị Kín") || time.Now().After(deadline.Add(5*time.Second)) {
			t.Fatalf("after the idle lock ^K did not ask for the passphrase:\n%s", tm.text()[mark:])
		}
		time.Sleep(20 * time.Millisecond)
	}
}
