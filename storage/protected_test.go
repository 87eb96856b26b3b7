package storage_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

func denunciation(paper string, ident *model.Identity) model.Petition {
	return model.Petition{Received: model.DateOf(testNow), Source: model.SourcePost,
		Summary: "Tố cáo cán bộ địa chính", Content: model.ContentDenunciation, Field: model.FieldLand,
		Eligibility: model.EligibilityEligible, InJurisdiction: true, Status: model.PetitionHandling,
		Protection: model.Protection{PaperRef: paper, Identity: ident}}
}

const adminPass, leaderPass = "mật khẩu quản trị", "khóa của chủ tịch"

// restricted puts the office in restricted mode, which makes its key under
// the administrator's passphrase, and returns the administrator's store
// (key open) and a clerk's (without the permission).
func restricted(t *testing.T, db *storage.DB) (admin, clerk model.Store) {
	t.Helper()
	admin = db.For("quantri")
	off, _ := admin.Office()
	off.Name, off.Place, off.Protected = "UBND xã Quang Trung", "Quang Trung", model.ProtectedRestricted
	off.Passphrase = adminPass
	if err := admin.SaveOffice(&off); err != nil {
		t.Fatal(err)
	}
	if !admin.ProtectedUnlocked() {
		t.Fatal("who set the passphrase does not have the key open")
	}
	return admin, db.As(model.Staff{Username: "an", Role: model.RoleClerk})
}

// leader grants the permission to the leader "chu.tich", who types their
// passphrase at the administrator's desk, and returns the leader's store
// with the key opened by that passphrase.
func leader(t *testing.T, db *storage.DB, admin model.Store) model.Store {
	t.Helper()
	st := model.Staff{Username: "chu.tich", FullName: "Nguyễn Văn Thành", Role: model.RoleLeader,
		SeeProtected: true, Passphrase: leaderPass}
	if err := admin.SaveStaff(&st); err != nil {
		t.Fatal(err)
	}
	l := db.As(st)
	if err := l.UnlockProtected(leaderPass); err != nil {
		t.Fatal(err)
	}
	return l
}

var canary = model.Identity{FullName: "Phùng Thị Canary", IDNumber: "001299012345", Phone: "0987654321",
	Address: "Thôn Canary"}

func TestProtectedIdentityOfflineRefused(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("an")
	id := canary
	p := denunciation("TC-01", &id)
	var ve *model.ValidationError
	if err := s.SavePetition(&p); !errors.As(err, &ve) || ve.Fields[0].Code != model.ErrCodeProtectedOffline {
		t.Fatalf("identity in offline mode: %v", err)
	}
	c := newCitizen(t, s, "Lê Văn Tố", "", "")
	linked := denunciation("TC-02", nil)
	linked.CitizenID = c.ID
	if err := s.SavePetition(&linked); !errors.As(err, &ve) || ve.Fields[0].Code != model.ErrCodeProtectedLink {
		t.Fatalf("denunciation linked to a citizen: %v", err)
	}
	ok := denunciation("TC-03", nil)
	if err := s.SavePetition(&ok); err != nil {
		t.Fatalf("denunciation with paper file only: %v", err)
	}
	noPaper := denunciation("", nil)
	if err := s.SavePetition(&noPaper); !errors.As(err, &ve) || ve.Fields[0].Field != "PaperRef" {
		t.Fatalf("denunciation without paper file: %v", err)
	}
}

func TestProtectedIdentityRestricted(t *testing.T) {
	db, _ := openTest(t)
	admin, clerk := restricted(t, db)
	id := canary
	p := denunciation("TC-01", &id)
	if err := clerk.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	if !p.Protected || p.Identity != nil {
		t.Fatalf("after save: protected %v, identity %v", p.Protected, p.Identity)
	}
	if _, err := clerk.ProtectedIdentity(model.KindPetition, p.ID); !errors.Is(err, model.ErrNoPermission) {
		t.Fatalf("clerk reading identity: %v", err)
	}
	// Editing the record without the identity keeps it.
	loaded, _ := clerk.Petition(p.ID)
	loaded.Note = "Đã chuyển thanh tra"
	if err := clerk.SavePetition(&loaded); err != nil || !loaded.Protected {
		t.Fatalf("edit: %v, protected %v", err, loaded.Protected)
	}
	leader := leader(t, db, admin)
	got, err := leader.ProtectedIdentity(model.KindPetition, p.ID)
	if err != nil || got.FullName != canary.FullName || got.Phone != canary.Phone {
		t.Fatalf("leader reads %+v, %v", got, err)
	}
	evs, err := leader.AuditLog(model.AuditQuery{Staff: "chu.tich"})
	if err != nil || len(evs) != 1 || evs[0].Action != model.ActionViewIdentity || evs[0].RecordID != p.ID {
		t.Fatalf("view audit: %+v, %v", evs, err)
	}
	all, _ := leader.AuditLog(model.AuditQuery{})
	for _, ev := range all {
		for _, c := range ev.Changes {
			for _, v := range []string{c.Old, c.New} {
				if v == canary.FullName || bytes.Contains([]byte(v), []byte("Canary")) {
					t.Errorf("identity in audit: %+v", c)
				}
			}
		}
	}
	if _, err := clerk.AuditLog(model.AuditQuery{}); !errors.Is(err, model.ErrNoPermission) {
		t.Errorf("clerk reads the audit log: %v", err)
	}
	hits, _ := leader.SearchCitizens("Canary", 10)
	if len(hits) != 0 {
		t.Errorf("search finds the protected name: %+v", hits)
	}
}

// A clerk without the permission cannot change a kept identity through a
// save; staff with it change the parts they type, the others are kept,
// and the audit says which parts changed, never their values.
func TestKeptIdentityChangesOnlyWithThePermission(t *testing.T) {
	db, _ := openTest(t)
	admin, clerk := restricted(t, db)
	id := canary
	p := denunciation("TC-02", &id)
	if err := clerk.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	loaded, _ := clerk.Petition(p.ID)
	loaded.Identity = &model.Identity{Phone: "0900000000"}
	err := clerk.SavePetition(&loaded)
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields[0].Code != storage.ErrCodeIdentityPermission {
		t.Fatalf("a clerk overwrote the identity: %v", err)
	}
	leader := leader(t, db, admin)
	loaded, _ = leader.Petition(p.ID)
	loaded.Identity = &model.Identity{Phone: "0911111111"}
	if err := leader.SavePetition(&loaded); err != nil {
		t.Fatal(err)
	}
	got, _ := leader.ProtectedIdentity(model.KindPetition, p.ID)
	if got.FullName != canary.FullName || got.Phone != "0911111111" {
		t.Fatalf("after the leader's change: %+v", got)
	}
	evs, _ := leader.AuditLog(model.AuditQuery{Kind: model.KindPetition, RecordID: p.ID})
	found := false
	for _, ev := range evs {
		for _, ch := range ev.Changes {
			if ch.Field == "IdentityPhone" && ch.Old == model.Mask && ch.New == model.Mask {
				found = true
			}
			if strings.Contains(ch.Old+ch.New, "0911111111") || strings.Contains(ch.Old+ch.New, canary.Phone) {
				t.Fatalf("the audit shows the identity: %+v", ch)
			}
		}
	}
	if !found {
		t.Fatalf("the audit does not say the phone changed: %+v", evs)
	}
}

// A petition made from a restricted-mode visit carries the visit's kept
// identity, under the same protection.
func TestPetitionFromVisitCarriesTheIdentity(t *testing.T) {
	db, _ := openTest(t)
	admin, clerk := restricted(t, db)
	id := canary
	r := model.Reception{At: testNow.Add(-time.Hour), RecKind: model.ReceptionRegular, HeadCount: 1,
		Summary: "Tố cáo cán bộ", Content: model.ContentDenunciation, Field: model.FieldLand,
		Matter: model.MatterFirst, Handling: model.HandlingAccepted, Protection: model.Protection{Identity: &id, PaperRef: "TC-09"}}
	if err := clerk.SaveReception(&r); err != nil {
		t.Fatal(err)
	}
	p := model.Petition{Received: model.DateOf(r.At), Source: model.SourceReception, Summary: r.Summary,
		Content: r.Content, Field: r.Field, Eligibility: model.EligibilityEligible, InJurisdiction: true,
		Status: model.PetitionHandling}
	if err := clerk.PetitionFromReception(&p, r.ID, r.Version); err != nil {
		t.Fatal(err)
	}
	leader := leader(t, db, admin)
	got, err := leader.ProtectedIdentity(model.KindPetition, p.ID)
	if err != nil || got.FullName != canary.FullName {
		t.Fatalf("the petition's identity: %+v %v", got, err)
	}
	stored, _ := clerk.Petition(p.ID)
	if !stored.Protected || stored.Identity != nil {
		t.Fatalf("petition protected %v, identity on the record %v", stored.Protected, stored.Identity)
	}
}

// A clerk without the permission cannot turn a denunciation into a
// complaint or link it to a citizen; staff with it can, and the kept
// identity stays apart either way.
func TestReclassifyingADenunciationNeedsThePermission(t *testing.T) {
	db, _ := openTest(t)
	admin, clerk := restricted(t, db)
	id := canary
	p := denunciation("TC-03", &id)
	if err := clerk.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	cit := newCitizen(t, clerk, "Người Bị Lộ", "", "")
	for _, change := range []func(*model.Petition){
		func(x *model.Petition) { x.Content, x.CitizenID = model.ContentComplaint, cit.ID },
		func(x *model.Petition) { x.CitizenID = cit.ID },
	} {
		x, _ := clerk.Petition(p.ID)
		change(&x)
		var ve *model.ValidationError
		err := clerk.SavePetition(&x)
		if !errors.As(err, &ve) || ve.Fields[0].Code != storage.ErrCodeReclassify && ve.Fields[0].Code != "err.protected_link" {
			t.Fatalf("a clerk reclassified a denunciation: %v", err)
		}
	}
	leader := leader(t, db, admin)
	x, _ := leader.Petition(p.ID)
	x.Content, x.CitizenID = model.ContentComplaint, cit.ID
	if err := leader.SavePetition(&x); err != nil {
		t.Fatalf("the leader could not reclassify: %v", err)
	}
	if hits, _ := clerk.SearchCitizens(canary.FullName, 5); len(hits) != 0 {
		t.Fatalf("the denouncer became a citizen: %+v", hits)
	}
}

// Switching the office back to offline destroys the identities kept apart
// (the count said first), and the next opening compacts the file: no freed
// page keeps a copy; the records and their numbering go on.
func TestSwitchingToOfflineDestroysAndCompacts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "o.db")
	db, err := storage.Open(path, storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	admin, clerk := restricted(t, db)
	for i, paper := range []string{"TC-11", "TC-12"} {
		id := canary
		id.Phone = fmt.Sprintf("098765432%d", i)
		p := denunciation(paper, &id)
		if err := clerk.SavePetition(&p); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := admin.ProtectedCount(); n != 2 {
		t.Fatalf("%d identities kept", n)
	}
	sealed := keptValues(t, db)
	if len(sealed) != 2 {
		t.Fatalf("%d kept values read", len(sealed))
	}
	if raw, _ := os.ReadFile(path); !bytes.Contains(raw, sealed[0]) {
		t.Fatal("the sealed identity is not in the file to begin with: the test proves nothing")
	}
	off, _ := admin.Office()
	off.Protected = model.ProtectedOffline
	if err := admin.SaveOffice(&off); err != nil {
		t.Fatal(err)
	}
	if n, _ := admin.ProtectedCount(); n != 0 {
		t.Fatalf("%d identities left", n)
	}
	db.Close()
	db, err = storage.Open(path, storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	raw, _ := os.ReadFile(path)
	for _, v := range sealed {
		// even sealed, a destroyed identity leaves no copy: the key may
		// still be opened by a passphrase later
		if bytes.Contains(raw, v[len(v)-48:]) {
			t.Fatal("the compacted file still holds a destroyed identity")
		}
	}
	if !db.IdentitiesDestroyedAt().IsZero() {
		t.Fatal("the compaction is still pending")
	}
	if err := db.Verify(); err != nil {
		t.Fatal(err)
	}
	c := newCitizen(t, db.For("x"), "Sau Khi Nén", "", "")
	if c.ID != 1 {
		t.Fatalf("numbering after the compaction: citizen %d", c.ID)
	}
}
