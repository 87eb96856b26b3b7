package storage

import (
	"encoding/binary"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// TestMigrate5to6 opens a schema 5 file, from before cases: each visit
// becomes a case of its own unless the clerk marked it as a return to a
// matter the same citizen had raised (same content and field), a petition
// continues its visit's case, and the totals are those of before.
func TestMigrate5to6(t *testing.T) {
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, model.VN)
	path := filepath.Join(t.TempDir(), "v5.db")
	db, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	s := db.For("test")
	a, b := model.Citizen{FullName: "Lê Văn Tám"}, model.Citizen{FullName: "Đoàn trưởng"}
	for _, c := range []*model.Citizen{&a, &b} {
		if err := s.SaveCitizen(c); err != nil {
			t.Fatal(err)
		}
	}
	at := func(d int) time.Time { return time.Date(2026, 10, d, 9, 0, 0, 0, model.VN) }
	visit := func(cit uint64, d, people int, f model.Field, m model.Matter) model.Reception {
		return model.Reception{At: at(d), RecKind: model.ReceptionRegular, CitizenID: cit, HeadCount: people,
			Summary: "Ranh giới đất", Content: model.ContentProposal, Field: f, Matter: m, Handling: model.HandlingGuided}
	}
	old := []model.Reception{
		visit(a.ID, 1, 1, model.FieldLand, model.MatterFirst),
		visit(a.ID, 8, 1, model.FieldLand, model.MatterRepeat),   // back about the boundary
		visit(a.ID, 15, 1, model.FieldLand, model.MatterRepeat),  // and again
		visit(a.ID, 16, 1, model.FieldOther, model.MatterRepeat), // "repeat" of nothing on record: its own case
		visit(b.ID, 20, 20, model.FieldOther, model.MatterFirst), // a group of 20
	}
	// Write them as schema 5 did: no cases.
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		rt, _ := tableFor(model.KindReception)
		for i := range old {
			r := &old[i]
			id, _ := tx.Bucket(rt.bucket).NextSequence()
			r.ID, r.Version, r.CreatedAt, r.UpdatedAt = id, 1, now.UTC(), now.UTC()
			if err := putValue(tx.Bucket(rt.bucket), u64(id), r); err != nil {
				return err
			}
			if err := applyEntries(tx, nil, rt.entries(r)); err != nil {
				return err
			}
			if err := appendAudit(tx, model.AuditEvent{At: now, Staff: "test", Action: model.ActionCreate,
				Kind: model.KindReception, RecordID: id}); err != nil {
				return err
			}
		}
		return tx.Bucket(bMeta).Put(kSchema, binary.BigEndian.AppendUint32(nil, 5))
	})
	if err != nil {
		t.Fatal(err)
	}
	before := countAll(t, db)
	db.Close()

	db = reopenMigrated(t, path, now)
	if after := countAll(t, db); after != before {
		t.Errorf("totals after migration %+v, before %+v", after, before)
	}
	s = db.For("test")
	var got []model.Reception
	for _, r := range old {
		x, err := s.Reception(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, x)
	}
	boundary := got[0].CaseIDs
	if len(boundary) != 1 || !equal(got[1].CaseIDs, boundary) || !equal(got[2].CaseIDs, boundary) {
		t.Errorf("the three boundary visits have cases %v %v %v", got[0].CaseIDs, got[1].CaseIDs, got[2].CaseIDs)
	}
	if equal(got[3].CaseIDs, boundary) || got[3].Matter != model.MatterFirst {
		t.Errorf("a repeat of nothing: cases %v, matter %s; want a case of its own, first", got[3].CaseIDs, got[3].Matter)
	}
	if got[1].Matter != model.MatterRepeat || got[0].Matter != model.MatterFirst {
		t.Errorf("matters %s %s", got[0].Matter, got[1].Matter)
	}
	cases, err := s.CitizenCases(a.ID)
	if err != nil || len(cases) != 2 {
		t.Errorf("citizen's cases: %d, %v; want 2", len(cases), err)
	}
	bak, err := bolt.Open(MigrationBackup(path, 5), 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("no backup of the schema 5 file: %v", err)
	}
	bak.Close()
}

func equal(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
