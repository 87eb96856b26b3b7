package storage_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
)

// Drafts are each staff member's own, newest first, replaced by ID, capped
// at model.MaxDrafts (the oldest go), and outside the records: no audit
// event, no figure.
func TestDraftsArePerStaffAndCapped(t *testing.T) {
	db, _ := openTest(t)
	hoa := db.As(model.Staff{Username: "hoa", Role: model.RoleClerk})
	lan := db.As(model.Staff{Username: "lan", Role: model.RoleClerk})
	at := time.Date(2026, 12, 2, 8, 0, 0, 0, time.UTC)
	for i := 0; i < model.MaxDrafts+5; i++ {
		d := model.Draft{ID: fmt.Sprintf("reception:new:%d", i), Kind: model.KindReception,
			Values: map[string]string{"Summary": fmt.Sprint(i)}, SavedAt: at.Add(time.Duration(i) * time.Minute)}
		if err := hoa.SaveDraft(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := hoa.SaveDraft(model.Draft{ID: "reception:new:24", Kind: model.KindReception,
		Values: map[string]string{"Summary": "sửa"}, SavedAt: at.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	ds, err := hoa.Drafts()
	if err != nil || len(ds) != model.MaxDrafts {
		t.Fatalf("hoa has %d drafts (%v)", len(ds), err)
	}
	if ds[0].ID != "reception:new:24" || ds[0].Values["Summary"] != "sửa" || ds[len(ds)-1].ID != "reception:new:5" {
		t.Fatalf("order or replacement wrong: first %+v, last %+v", ds[0], ds[len(ds)-1])
	}
	if mine, _ := lan.Drafts(); len(mine) != 0 {
		t.Fatalf("lan sees hoa's drafts: %+v", mine)
	}
	if err := hoa.DeleteDraft("reception:new:24"); err != nil {
		t.Fatal(err)
	}
	if ds, _ = hoa.Drafts(); len(ds) != model.MaxDrafts-1 {
		t.Fatalf("after delete: %d", len(ds))
	}
	for _, who := range []string{"hoa", "lan"} {
		ev, err := db.For("x").AuditLog(model.AuditQuery{Staff: who, Limit: 10})
		if err != nil || len(ev) != 0 {
			t.Fatalf("drafts were audited: %+v (%v)", ev, err)
		}
	}
}

// A void reason is bounded like any short text: 10,000 characters are
// refused, naming the field, and the record stays as it was.
func TestVoidReasonIsBounded(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("x")
	c := newCitizen(t, s, "Lê Văn Tám", "", "")
	err := s.Void(model.KindCitizen, c.ID, c.Version, strings.Repeat("a", 10000))
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields[0].Field != "VoidReason" || ve.Fields[0].Code != model.ErrCodeTooLong {
		t.Fatalf("a 10,000-character reason: %v", err)
	}
	if got, _ := s.Citizen(c.ID); got.Voided || got.Version != c.Version {
		t.Fatalf("the record changed: %+v", got)
	}
}
