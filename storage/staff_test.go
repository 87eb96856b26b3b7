package storage_test

import (
	"bytes"
	"errors"
	"github.com/tiepdan/tiepdan/storage"
	"testing"

	"github.com/tiepdan/tiepdan/model"
)

func TestStaffAccounts(t *testing.T) {
	db, _ := openTest(t)
	admin := db.For("quantri")
	an := model.Staff{Username: " An.Nguyen ", FullName: "Nguyễn Văn An", Role: model.RoleClerk,
		PasswordHash: "hash-1"}
	if err := admin.SaveStaff(&an); err != nil {
		t.Fatal(err)
	}
	if an.Username != "an.nguyen" || an.ID == 0 || an.Version != 1 {
		t.Fatalf("saved %+v", an)
	}
	dup := model.Staff{Username: "an.nguyen", Role: model.RoleLeader}
	var ve *model.ValidationError
	if err := admin.SaveStaff(&dup); !errors.As(err, &ve) || ve.Fields[0].Field != "Username" {
		t.Fatalf("duplicate username: %v", err)
	}
	for _, bad := range []string{"", "1an", "an nguyen", "nguyễn", "a234567890123456789012345678901234"} {
		st := model.Staff{Username: bad, Role: model.RoleClerk}
		if err := admin.SaveStaff(&st); !errors.As(err, &ve) {
			t.Errorf("username %q accepted", bad)
		}
	}
	clerk := db.As(an)
	other := model.Staff{Username: "binh", Role: model.RoleAdmin}
	if err := clerk.SaveStaff(&other); !errors.Is(err, model.ErrNoPermission) {
		t.Fatalf("clerk creating an admin: %v", err)
	}
	stale := an
	an.PasswordHash, an.Disabled = "hash-2", true
	if err := admin.SaveStaff(&an); err != nil {
		t.Fatal(err)
	}
	stale.Title = "Công chức"
	if err := admin.SaveStaff(&stale); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("stale save: %v", err)
	}
	got, err := db.Staff("an.nguyen")
	if err != nil || !got.Disabled || got.PasswordHash != "hash-2" {
		t.Fatalf("reloaded %+v, %v", got, err)
	}
	trail, _ := admin.Audit(model.KindStaff, an.ID)
	if len(trail) != 2 {
		t.Fatalf("audit trail %d events", len(trail))
	}
	for _, c := range trail[1].Changes {
		if bytes.Contains([]byte(c.Old+c.New), []byte("hash")) {
			t.Errorf("password hash in audit: %+v", c)
		}
	}
}

func TestAuditLogByStaffAndDay(t *testing.T) {
	db, clk := openTest(t)
	a, b := db.For("an"), db.For("binh")
	c1 := newCitizen(t, a, "Trần Văn Một", "", "")
	clk.t = clk.t.AddDate(0, 0, 1)
	newCitizen(t, b, "Trần Văn Hai", "", "")
	c1.Address = "Thôn 2"
	if err := a.SaveCitizen(&c1); err != nil {
		t.Fatal(err)
	}
	byAn, _ := a.AuditLog(model.AuditQuery{Staff: "an"})
	if len(byAn) != 2 || byAn[0].Action != model.ActionUpdate || byAn[1].Action != model.ActionCreate {
		t.Fatalf("by an: %+v", byAn)
	}
	day2, _ := a.AuditLog(model.AuditQuery{Day: model.DateOf(clk.t)})
	if len(day2) != 2 {
		t.Fatalf("day 2: %d events", len(day2))
	}
	page1, _ := a.AuditLog(model.AuditQuery{Limit: 2})
	page2, _ := a.AuditLog(model.AuditQuery{Limit: 2, Before: page1[1].Seq})
	if len(page1) != 2 || len(page2) == 0 || page2[0].Seq >= page1[1].Seq {
		t.Fatalf("paging: %+v then %+v", page1, page2)
	}
}

func TestEventsAfterCommitOnly(t *testing.T) {
	db, _ := openTest(t)
	var got []string
	cancel := db.Subscribe(func(ev storage.Event) { got = append(got, string(ev.Kind)) })
	s := db.For("an")
	newCitizen(t, s, "Ngô Thị Ba", "", "")
	bad := model.Citizen{FullName: ""}
	_ = s.SaveCitizen(&bad)
	cancel()
	newCitizen(t, s, "Ngô Thị Bốn", "", "")
	if len(got) != 1 || got[0] != "citizen" {
		t.Fatalf("events %v, want one citizen", got)
	}
}

func TestLastAdminCannotBeRemoved(t *testing.T) {
	db, _ := openTest(t)
	local := db.For("quantri")
	chi := model.Staff{Username: "chi", Role: model.RoleAdmin}
	if err := local.SaveStaff(&chi); err != nil {
		t.Fatal(err)
	}
	var ve *model.ValidationError
	demoted := chi
	demoted.Role = model.RoleLeader
	if err := local.SaveStaff(&demoted); !errors.As(err, &ve) || ve.Fields[0].Code != storage.ErrCodeLastAdmin || ve.Fields[0].Field != "Role" {
		t.Fatalf("demoting the only admin: %v", err)
	}
	disabled := chi
	disabled.Disabled = true
	if err := local.SaveStaff(&disabled); !errors.As(err, &ve) || ve.Fields[0].Field != "Disabled" {
		t.Fatalf("disabling the only admin: %v", err)
	}
	if got, _ := db.Staff("chi"); got.Version != 1 || got.Role != model.RoleAdmin || got.Disabled {
		t.Fatalf("a refused change was stored: %+v", got)
	}
	dung := model.Staff{Username: "dung", Role: model.RoleAdmin}
	if err := local.SaveStaff(&dung); err != nil {
		t.Fatal(err)
	}
	chi, _ = db.Staff("chi")
	chi.Role = model.RoleClerk
	if err := db.As(dung).SaveStaff(&chi); err != nil {
		t.Fatalf("demoting one of two admins: %v", err)
	}
}
