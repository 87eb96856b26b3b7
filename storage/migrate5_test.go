package storage

import (
	"encoding/binary"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// totals counts what a summary adds up: visits, people, petitions and
// dossiers, over every date.
type totals struct{ visits, people, petitions, dossiers int }

func countAll(t *testing.T, db *DB) totals {
	t.Helper()
	var n totals
	err := db.For("test").ScanPeriod(model.NewDate(2000, 1, 1), model.NewDate(2100, 1, 1), model.PeriodVisitor{
		Session:   func(model.SessionFacts) error { return nil },
		Reception: func(r model.ReceptionFacts) error { n.visits++; n.people += r.HeadCount; return nil },
		Petition:  func(model.PetitionFacts) error { n.petitions++; return nil },
		Dossier:   func(model.DossierFacts) error { n.dossiers++; return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// reopenMigrated opens the file at path written by an older schema (the
// migration runs) and checks every index and audit trail after it; the
// test closes it when it ends.
func reopenMigrated(t *testing.T, path string, now time.Time) *DB {
	t.Helper()
	db, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatalf("open the older file: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Verify(); err != nil {
		t.Fatalf("after migration: %v", err)
	}
	return db
}

// TestMigrate4to5 opens a file written by schema 4, where an accepted
// proposal kept its classification deadline: the file is copied aside
// first, the deadline becomes the resolution's, the change is audited, and
// the totals are those of before.
func TestMigrate4to5(t *testing.T) {
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, model.VN)
	path := filepath.Join(t.TempDir(), "v4.db")
	db, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	s := db.For("test")
	c := model.Citizen{FullName: "Trần Thị Bình"}
	if err := s.SaveCitizen(&c); err != nil {
		t.Fatal(err)
	}
	r := model.Reception{At: now.Add(-48 * time.Hour), RecKind: model.ReceptionRegular, CitizenID: c.ID, HeadCount: 20,
		Summary: "Đoàn hỏi về đường giao thông", Content: model.ContentProposal, Field: model.FieldOther,
		Matter: model.MatterFirst, Handling: model.HandlingGuided}
	if err := s.SaveReception(&r); err != nil {
		t.Fatal(err)
	}
	p := model.Petition{Received: model.NewDate(2026, 10, 1), Source: model.SourceByHand, CitizenID: c.ID,
		Summary: "Kiến nghị làm đường", Content: model.ContentProposal, Field: model.FieldOther,
		Eligibility: model.EligibilityEligible, InJurisdiction: true, Status: model.PetitionHandling,
		Accepted: model.NewDate(2026, 11, 10)}
	if err := s.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	if p.Due != model.NewDate(2026, 12, 10) || p.DueRule != "proposal_resolve" {
		t.Fatalf("new code: due %s by %q, want 10/12/2026 by proposal_resolve", p.Due, p.DueRule)
	}
	before := countAll(t, db)
	// Write the petition back as schema 4 left it: the classification
	// deadline, 10 working days from 01/10/2026.
	old := p
	old.Due, old.DueRule = model.NewDate(2026, 10, 15), "classify"
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		tb, _ := tableFor(model.KindPetition)
		if err := putValue(tx.Bucket(tb.bucket), u64(p.ID), &old); err != nil {
			return err
		}
		if err := applyEntries(tx, tb.entries(&p), tb.entries(&old)); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put(kSchema, binary.BigEndian.AppendUint32(nil, 4))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	db = reopenMigrated(t, path, now)
	got, err := db.For("test").Petition(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Due != model.NewDate(2026, 12, 10) || got.DueRule != "proposal_resolve" {
		t.Errorf("migrated: due %s by %q, want 10/12/2026 by proposal_resolve", got.Due, got.DueRule)
	}
	if after := countAll(t, db); after != before {
		t.Errorf("totals after migration %+v, before %+v", after, before)
	}
	evs, err := db.For("test").Audit(model.KindPetition, p.ID)
	if err != nil || len(evs) == 0 || evs[len(evs)-1].Staff != MigrationActor && evs[0].Staff != MigrationActor {
		t.Errorf("migration not audited: %+v, %v", evs, err)
	}
	// The copy kept aside is the schema 4 file, untouched.
	bak, err := bolt.Open(MigrationBackup(path, 4), 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	defer bak.Close()
	err = bak.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bMeta).Get(kSchema); binary.BigEndian.Uint32(v) != 4 {
			t.Errorf("backup at schema %d, want 4", binary.BigEndian.Uint32(v))
		}
		tb, _ := tableFor(model.KindPetition)
		var kept model.Petition
		if err := decode(tx.Bucket(tb.bucket).Get(u64(p.ID)), &kept); err != nil {
			return err
		}
		if kept.DueRule != "classify" {
			t.Errorf("backup holds %q, want the schema 4 record", kept.DueRule)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
