package storage_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

var testNow = time.Date(2026, 10, 21, 9, 0, 0, 0, model.VN)

// openTest opens a fresh database in a temp dir and, when the test ends,
// checks every index against the records before closing it.
func openTest(t *testing.T) (*storage.DB, *clock) {
	t.Helper()
	c := &clock{t: testNow}
	db, err := storage.Open(filepath.Join(t.TempDir(), "t.db"), storage.Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Verify(); err != nil {
			t.Errorf("Verify after test: %v", err)
		}
		db.Close()
	})
	return db, c
}

func newCitizen(t *testing.T, s model.Store, name, idn, phone string) model.Citizen {
	t.Helper()
	c := model.Citizen{FullName: name, IDNumber: idn, Phone: phone, Address: "Thôn 1"}
	if err := s.SaveCitizen(&c); err != nil {
		t.Fatalf("SaveCitizen(%s): %v", name, err)
	}
	return c
}

func newReception(t *testing.T, s model.Store, cit uint64, at time.Time) model.Reception {
	t.Helper()
	r := model.Reception{At: at, RecKind: model.ReceptionRegular, CitizenID: cit, HeadCount: 1,
		Summary: "Đề nghị cấp sổ đỏ", Content: model.ContentProposal, Field: model.FieldLand,
		Matter: model.MatterFirst, Handling: model.HandlingGuided}
	if err := s.SaveReception(&r); err != nil {
		t.Fatalf("SaveReception: %v", err)
	}
	return r
}

func TestRoundTripEveryKind(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("canbo1")
	c := newCitizen(t, s, "Nguyễn Văn Ân", "001203001234", "0912 345 678")
	got, err := s.Citizen(c.ID)
	if err != nil || got.FullName != "Nguyễn Văn Ân" || got.Phone != "0912345678" || got.Version != 1 || got.CreatedBy != "canbo1" {
		t.Fatalf("citizen round trip: %+v, %v", got, err)
	}
	ses := model.ReceptionSession{Date: model.DateOf(testNow), SessKind: model.SessionPeriodic, Presiding: "Chủ tịch UBND"}
	if err := s.SaveSession(&ses); err != nil {
		t.Fatal(err)
	}
	r := newReception(t, s, c.ID, testNow.Add(-time.Hour))
	if gr, _ := s.Reception(r.ID); gr.Summary != r.Summary || !gr.At.Equal(r.At) {
		t.Fatalf("reception round trip: %+v", gr)
	}
	p := model.Petition{Received: model.DateOf(testNow), Source: model.SourcePost, CitizenID: c.ID,
		Summary: "Khiếu nại việc thu hồi đất", Content: model.ContentComplaint, Field: model.FieldLand,
		LandDispute: true, Eligibility: model.EligibilityEligible, InJurisdiction: true, Status: model.PetitionHandling,
		Due: model.DateOf(testNow).AddDays(14)}
	if err := s.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	if gp, _ := s.Petition(p.ID); !gp.LandDispute || gp.Due != p.Due {
		t.Fatalf("petition round trip: %+v", gp)
	}
	d := model.Dossier{ProcedureName: "Đăng ký khai sinh", Field: model.FieldCivilStatus, WorkingDays: 1,
		ApplicantID: c.ID, Channel: model.ChannelOnline, ReceivedAt: testNow, Due: model.DateOf(testNow).AddDays(1),
		Status: model.DossierInProgress}
	if err := s.SaveDossier(&d); err != nil {
		t.Fatal(err)
	}
	if d.Code != "HS-261021-0001" {
		t.Errorf("dossier code = %q", d.Code)
	}
	d2 := d
	d2.ID, d2.Version, d2.Code = 0, 0, ""
	if err := s.SaveDossier(&d2); err != nil {
		t.Fatal(err)
	}
	if d2.Code != "HS-261021-0002" {
		t.Errorf("second dossier code = %q", d2.Code)
	}
	h, err := s.History(c.ID)
	if err != nil || len(h) != 4 {
		t.Fatalf("history: %d items, %v", len(h), err)
	}
	procs, err := s.Procedures()
	if err != nil || len(procs) != len(storage.DefaultProcedures()) {
		t.Fatalf("procedures: %d, %v", len(procs), err)
	}
}

func TestConflictAndAuditPerChange(t *testing.T) {
	db, _ := openTest(t)
	s1, s2 := db.For("a"), db.For("b")
	c := newCitizen(t, s1, "Trần Thị Bình", "", "")
	x, _ := s1.Citizen(c.ID)
	y, _ := s2.Citizen(c.ID)
	x.Address = "Tổ 3"
	if err := s1.SaveCitizen(&x); err != nil {
		t.Fatal(err)
	}
	y.Address = "Tổ 9"
	if err := s2.SaveCitizen(&y); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("second save from the same version: %v, want ErrConflict", err)
	}
	got, _ := s1.Citizen(c.ID)
	if got.Address != "Tổ 3" || got.Version != 2 {
		t.Fatalf("after conflict: %+v", got)
	}
	if err := s2.Void(model.KindCitizen, c.ID, 1, "trùng"); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("void at stale version: %v", err)
	}
	if err := s2.Void(model.KindCitizen, c.ID, 2, "  "); err == nil {
		t.Fatal("void without reason accepted")
	}
	if err := s2.Void(model.KindCitizen, c.ID, 2, "Nhập trùng"); err != nil {
		t.Fatal(err)
	}
	ev, err := s1.Audit(model.KindCitizen, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev) != 3 {
		t.Fatalf("audit events = %d, want 3 (create, update, void): %+v", len(ev), ev)
	}
	wantAct := []string{model.ActionCreate, model.ActionUpdate, model.ActionVoid}
	wantBy := []string{"a", "a", "b"}
	for i := range ev {
		if ev[i].Action != wantAct[i] || ev[i].Staff != wantBy[i] {
			t.Errorf("event %d = %s by %s", i, ev[i].Action, ev[i].Staff)
		}
	}
	if ch := ev[1].Changes; len(ch) != 1 || ch[0].Field != "Address" || ch[0].Old != "Thôn 1" || ch[0].New != "Tổ 3" {
		t.Errorf("update changes = %+v", ch)
	}
	vc, _ := s1.Citizen(c.ID)
	vc.FullName = "X"
	if err := s1.SaveCitizen(&vc); !errors.Is(err, model.ErrVoided) {
		t.Fatalf("edit of voided: %v", err)
	}
}

func TestIndexesFollowEditAndVoid(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("a")
	c := newCitizen(t, s, "Nguyễn Văn Ân", "001203001234", "0912345678")
	search := func(q string) []model.Citizen {
		t.Helper()
		r, err := s.SearchCitizens(q, 10)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	for _, q := range []string{"nguyen van an", "Nguyễn", "an", "van a", "001203", "0912", "+84 912 345"} {
		if r := search(q); len(r) != 1 || r[0].ID != c.ID {
			t.Errorf("search %q = %v", q, r)
		}
	}
	c.FullName, c.Phone = "Lê Thị Hoa", "0987654321"
	if err := s.SaveCitizen(&c); err != nil {
		t.Fatal(err)
	}
	if r := search("nguyen"); len(r) != 0 {
		t.Errorf("old name still found: %v", r)
	}
	if r := search("0912"); len(r) != 0 {
		t.Errorf("old phone still found: %v", r)
	}
	if r := search("le thi hoa"); len(r) != 1 {
		t.Errorf("new name not found: %v", r)
	}
	if err := db.Verify(); err != nil {
		t.Fatal(err)
	}
	r := newReception(t, s, c.ID, testNow.Add(-48*time.Hour))
	r.At = testNow.Add(-24 * 5 * time.Hour)
	if err := s.SaveReception(&r); err != nil {
		t.Fatal(err)
	}
	page, _ := s.ListReceptions(model.ListQuery{From: model.DateOf(testNow).AddDays(-2)})
	if len(page.Items) != 0 {
		t.Errorf("moved reception still listed at its old date")
	}
	page, _ = s.ListReceptions(model.ListQuery{From: model.DateOf(testNow).AddDays(-5), To: model.DateOf(testNow).AddDays(-5)})
	if len(page.Items) != 1 {
		t.Errorf("moved reception not listed at its new date")
	}
	if err := s.Void(model.KindReception, r.ID, r.Version, "Nhập nhầm"); err != nil {
		t.Fatal(err)
	}
	if page, _ = s.ListReceptions(model.ListQuery{}); len(page.Items) != 0 {
		t.Errorf("voided reception listed by default")
	}
	if page, _ = s.ListReceptions(model.ListQuery{IncludeVoided: true}); len(page.Items) != 1 || !page.Items[0].Voided {
		t.Errorf("voided reception not listed with IncludeVoided")
	}
	if err := s.Void(model.KindCitizen, c.ID, c.Version, "Trùng"); err != nil {
		t.Fatal(err)
	}
	if r := search("le thi hoa"); len(r) != 0 {
		t.Errorf("voided citizen still searchable")
	}
}

func TestDuplicateIDNumberRefused(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("a")
	newCitizen(t, s, "Nguyễn Văn Ân", "001203001234", "")
	c := model.Citizen{FullName: "Người khác", IDNumber: "001203001234"}
	err := s.SaveCitizen(&c)
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("duplicate ID: %v", err)
	}
	if fe, ok := ve.For("IDNumber"); !ok || fe.Code != storage.ErrCodeDuplicateID || fe.Args[0] != "Nguyễn Văn Ân" {
		t.Fatalf("duplicate ID error = %+v", ve)
	}
}

func TestListPagingNewestFirst(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("a")
	c := newCitizen(t, s, "Phạm Văn Cường", "", "")
	var ids []uint64
	for i := 0; i < 23; i++ {
		r := newReception(t, s, c.ID, testNow.Add(-time.Duration(i)*26*time.Hour))
		ids = append(ids, r.ID)
	}
	var seen []uint64
	q := model.ListQuery{Limit: 10}
	for pages := 0; ; pages++ {
		p, err := s.ListReceptions(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range p.Items {
			seen = append(seen, r.ID)
		}
		if p.Citizens[c.ID].FullName != "Phạm Văn Cường" {
			t.Fatalf("page citizens = %v", p.Citizens)
		}
		if p.Next == nil {
			break
		}
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		q.Cursor = p.Next
	}
	if len(seen) != len(ids) {
		t.Fatalf("paged %d items, want %d", len(seen), len(ids))
	}
	for i := range ids {
		if seen[i] != ids[i] {
			t.Fatalf("order %v, want %v", seen, ids)
		}
	}
	p, _ := s.ListReceptions(model.ListQuery{From: model.DateOf(testNow).AddDays(-3), To: model.DateOf(testNow).AddDays(-1)})
	for _, r := range p.Items {
		if d := r.Date(); d < model.DateOf(testNow).AddDays(-3) || d > model.DateOf(testNow).AddDays(-1) {
			t.Errorf("item of %s outside range", d)
		}
	}
	if len(p.Items) != 3 {
		t.Errorf("range gave %d items, want 3", len(p.Items))
	}
}

func TestPetitionFromReceptionIsAtomic(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("a")
	c := newCitizen(t, s, "Võ Thị Duyên", "", "")
	r := newReception(t, s, c.ID, testNow.Add(-time.Hour))
	bad := model.Petition{Received: model.DateOf(testNow), Source: model.SourceReception, CitizenID: c.ID}
	if err := s.PetitionFromReception(&bad, r.ID, r.Version); err == nil {
		t.Fatal("invalid petition accepted")
	}
	if got, _ := s.Reception(r.ID); got.PetitionID != 0 || got.Version != r.Version {
		t.Fatalf("reception changed by a failed conversion: %+v", got)
	}
	p := model.Petition{Received: model.DateOf(testNow), Source: model.SourceReception, CitizenID: c.ID,
		Summary: r.Summary, Content: r.Content, Field: r.Field, Eligibility: model.EligibilityEligible,
		InJurisdiction: true, Status: model.PetitionHandling}
	if err := s.PetitionFromReception(&p, r.ID, r.Version); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Reception(r.ID)
	if got.PetitionID != p.ID || !got.Written || p.ReceptionID != r.ID {
		t.Fatalf("link not made: reception %+v petition %+v", got, p)
	}
}

func TestOpenRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, []byte("this is not a database at all, just some words repeated a lot "+string(make([]byte, 8192))), 0o600)
	foreign := filepath.Join(dir, "foreign.db")
	fb, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	fb.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("other")); return err })
	fb.Close()
	tests := []struct {
		name string
		path string
		want error
	}{
		{"garbage file", garbage, storage.ErrNotDatabase},
		{"folder", dir, storage.ErrNotDatabase},
		{"bbolt file of another program", foreign, storage.ErrNotDatabase},
		{"read-only file system", "/proc/tiepdan-test.db", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadFile(tc.path)
			db, err := storage.Open(tc.path, storage.Options{LockTimeout: 200 * time.Millisecond})
			if err == nil {
				db.Close()
				t.Fatal("opened")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if after, _ := os.ReadFile(tc.path); string(after) != string(before) {
				t.Error("file was changed")
			}
		})
	}
}

func TestOpenLockedFails(t *testing.T) {
	db, _ := openTest(t)
	start := time.Now()
	_, err := storage.Open(db.Path(), storage.Options{LockTimeout: 300 * time.Millisecond})
	if !errors.Is(err, storage.ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Fatalf("second open took %v", time.Since(start))
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := db.For("a")
	o, _ := s.Office()
	o.Name, o.Place = "UBND xã Quang Trung", "Quang Trung"
	if err := s.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	c := newCitizen(t, s, "Đặng Thị Đào", "", "")
	db.Close()
	db, err = storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s = db.For("a")
	if o, _ := s.Office(); o.Name != "UBND xã Quang Trung" {
		t.Errorf("office after reopen: %+v", o)
	}
	if got, err := s.Citizen(c.ID); err != nil || got.FullName != "Đặng Thị Đào" {
		t.Errorf("citizen after reopen: %+v %v", got, err)
	}
	if err := db.Verify(); err != nil {
		t.Fatal(err)
	}
}

func TestSameDayListsInTimeOrder(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("a")
	c := newCitizen(t, s, "Bùi Văn Tâm", "", "")
	day := time.Date(2026, 10, 20, 0, 0, 0, 0, model.VN)
	late := newReception(t, s, c.ID, day.Add(16*time.Hour)) // saved first
	early := newReception(t, s, c.ID, day.Add(8*time.Hour))
	mid := newReception(t, s, c.ID, day.Add(11*time.Hour))
	p, err := s.ListReceptions(model.ListQuery{From: model.DateOf(day), To: model.DateOf(day)})
	if err != nil {
		t.Fatal(err)
	}
	want := []uint64{late.ID, mid.ID, early.ID}
	if len(p.Items) != 3 {
		t.Fatalf("items %d", len(p.Items))
	}
	for i, id := range want {
		if p.Items[i].ID != id {
			t.Fatalf("order %d,%d,%d; want latest first", p.Items[0].ID, p.Items[1].ID, p.Items[2].ID)
		}
	}
}

func TestSearchRanksExactDiacriticsFirst(t *testing.T) {
	db, _ := openTest(t)
	s := db.For("a")
	newCitizen(t, s, "Nguyễn Văn An", "", "")
	newCitizen(t, s, "Nguyễn Văn Ấn", "", "")
	want := newCitizen(t, s, "Nguyễn Văn Ân", "", "")
	r, err := s.SearchCitizens("Nguyễn Văn Ân", 10)
	if err != nil || len(r) != 3 {
		t.Fatalf("results %v %v", r, err)
	}
	if r[0].ID != want.ID {
		t.Fatalf("first result %q, want the exact spelling", r[0].FullName)
	}
}

// TestMigrateVersion1 turns a fresh file back into a schema 1 file (no
// closed indexes, date indexes without facts) and checks that opening it
// rebuilds them.
func TestMigrateVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := storage.Open(path, storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	s := db.For("test")
	c := newCitizen(t, s, "Trần Thị Bình", "", "")
	open := model.Petition{Received: model.DateOf(testNow), Source: model.SourceByHand, CitizenID: c.ID,
		Summary: "Đơn", Content: model.ContentProposal, Field: model.FieldOther,
		Eligibility: model.EligibilityEligible, InJurisdiction: true, Status: model.PetitionHandling}
	if err := s.SavePetition(&open); err != nil {
		t.Fatal(err)
	}
	db.Close()
	fb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = fb.Update(func(tx *bolt.Tx) error {
		idx := tx.Bucket([]byte("idx"))
		for _, name := range []string{"closed.petition", "closed.dossier", "staffaudit", "dayaudit"} {
			if err := idx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		for _, name := range []string{"staff", "protected"} {
			if err := tx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		// Version 1 date indexes were keys only.
		for _, name := range []string{"date.session", "date.reception", "date.petition", "date.dossier"} {
			b := idx.Bucket([]byte(name))
			var keys [][]byte
			b.ForEach(func(k, _ []byte) error { keys = append(keys, append([]byte(nil), k...)); return nil })
			for _, k := range keys {
				if err := b.Put(k, nil); err != nil {
					return err
				}
			}
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 1})
	})
	fb.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err = storage.Open(path, storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatalf("open version 1: %v", err)
	}
	defer db.Close()
	if err := db.Verify(); err != nil {
		t.Fatalf("after migration: %v", err)
	}
	n := 0
	err = db.For("test").ScanPeriod(model.DateOf(testNow)+1, model.DateOf(testNow)+30, model.PeriodVisitor{
		Petition: func(model.PetitionFacts) error { n++; return nil }})
	if err != nil || n != 1 {
		t.Fatalf("carried-over petitions after migration: %d, %v; want 1", n, err)
	}
	evs, err := db.For("admin").AuditLog(model.AuditQuery{Staff: "test"})
	// The citizen, the case the petition opened, the petition.
	if err != nil || len(evs) != 3 {
		t.Fatalf("audit by staff after migration: %d events, %v; want 3", len(evs), err)
	}
}
