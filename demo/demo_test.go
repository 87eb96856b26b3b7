package demo_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/demo"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/report"
	"github.com/tiepdan/tiepdan/storage"
)

var end = time.Date(2026, 11, 20, 12, 0, 0, 0, model.VN)

func generate(t *testing.T, seed int64, n int) (*storage.DB, demo.Stats) {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "d.db"), storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	st, err := demo.Generate(db, demo.Options{Records: n, Seed: seed, End: end})
	if err != nil {
		t.Fatal(err)
	}
	return db, st
}

func TestDemoIsDeterministicValidAndVaried(t *testing.T) {
	db1, st1 := generate(t, 42, 5000)
	db2, st2 := generate(t, 42, 5000)
	_, st3 := generate(t, 43, 5000)
	if st1 != st2 {
		t.Fatalf("same seed, different office: %+v vs %+v", st1, st2)
	}
	if st1 == st3 {
		t.Errorf("different seeds gave identical counts %+v", st1)
	}
	if tot := st1.Total(); tot < 4000 || tot > 6500 {
		t.Errorf("asked 5000 records, got %d (%+v)", tot, st1)
	}
	if err := db1.Verify(); err != nil {
		t.Fatal(err)
	}
	s1, s2 := db1.For("x"), db2.For("x")
	d1, _ := s1.Dossier(uint64(st1.Dossiers / 2))
	d2, _ := s2.Dossier(uint64(st1.Dossiers / 2))
	if d1.Code != d2.Code || d1.ProcedureName != d2.ProcedureName || !d1.ReceivedAt.Equal(d2.ReceivedAt) {
		t.Errorf("same seed, different dossier: %+v vs %+v", d1, d2)
	}
	// a living office: every channel and outcome, some open, some late
	channels, statuses := map[model.Channel]int{}, map[model.DossierStatus]int{}
	late, openLate := 0, 0
	today := model.DateOf(end)
	for id := uint64(1); id <= uint64(st1.Dossiers); id++ {
		d, err := s1.Dossier(id)
		if err != nil {
			t.Fatal(err)
		}
		channels[d.Channel]++
		statuses[d.Status]++
		if d.Status.Done() && d.Resolved > d.Due {
			late++
		}
		if d.Status.Open() && d.Due < today {
			openLate++
		}
	}
	for _, c := range model.Channels() {
		if channels[c] == 0 {
			t.Errorf("no %s dossier", c)
		}
	}
	for _, s := range []model.DossierStatus{model.DossierInProgress, model.DossierResolved, model.DossierReturned, model.DossierRejected} {
		if statuses[s] == 0 {
			t.Errorf("no dossier %s: %v", s, statuses)
		}
	}
	if late == 0 || openLate == 0 {
		t.Errorf("late resolved %d, open and late %d", late, openLate)
	}
	o, _ := s1.Office()
	if !o.Configured() {
		t.Error("demo office not configured")
	}
	// since 1/7/2025 a commune sits directly under its province: no
	// district, in the office or among the agencies a case goes to
	if strings.Contains(strings.ToLower(o.Superior), "huyện") {
		t.Errorf("the demo office's superior is a district: %q", o.Superior)
	}
	page, err := s1.ListPetitions(model.ListQuery{Limit: 100000})
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("petitions: %d %v", len(page.Items), err)
	}
	for _, p := range page.Items {
		if strings.Contains(strings.ToLower(p.TransferredTo), "huyện") {
			t.Fatalf("petition %d transferred to a district: %q", p.ID, p.TransferredTo)
		}
	}
	// the registers' columns have something to show: who dealt with a
	// returning matter before, where a dossier was sent on
	visits, _ := s1.ListReceptions(model.ListQuery{Limit: 100000})
	dossiers, _ := s1.ListDossiers(model.ListQuery{Limit: 100000})
	before, sent := 0, 0
	for _, r := range visits.Items {
		if r.HandledBefore != "" {
			before++
		}
	}
	for _, x := range dossiers.Items {
		if x.ForwardedTo != "" && !x.ForwardedOn.IsZero() {
			sent++
		}
	}
	if before == 0 || sent == 0 {
		t.Errorf("%d visits say who dealt with the matter before, %d dossiers where they were sent", before, sent)
	}
}

// The demo office has what the friendly-government part of the summary
// counts: dialogues, survey batches, ratings, letters, online procedures;
// its year's summary adds up.
func TestDemoHasTheFriendlyRecords(t *testing.T) {
	db, st := generate(t, 7, 20000)
	if st.Dialogues < 4 || st.Surveys < 2 || st.Letters < 20 {
		t.Fatalf("generated %+v", st)
	}
	s := db.For("x")
	off, _ := s.Office()
	p := model.Period{From: model.DateOf(end).AddDays(-365), To: model.DateOf(end).AddDays(-1)}
	sum, err := report.Compute(s, off, p, model.DateOf(end))
	if err != nil {
		t.Fatal(err)
	}
	if err := sum.Check(); err != nil {
		t.Fatal(err)
	}
	f := sum.Friendly
	if f.Dialogues.Total == 0 || f.Satisfaction.Desk.Rated() == 0 || f.Satisfaction.Batches == 0 ||
		f.Online.Offered == 0 || !f.Online.AllInSystem() {
		t.Fatalf("the year's friendly figures: %+v", f)
	}
	letters := 0
	for _, l := range f.Letters {
		letters += l.N
	}
	if letters == 0 {
		t.Fatal("no letter in the year")
	}
}
