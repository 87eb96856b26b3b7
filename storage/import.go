package storage

import (
	"errors"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

func dirOf(path string) string { return filepath.Dir(path) }

// validateRecords runs each record's own checks (as a save would, as of
// the latest moment the export records) and checks that what a record
// refers to is in the export.
func (x *Export) validateRecords(ids map[model.Kind]map[uint64]bool) []ImportProblem {
	var probs []ImportProblem
	// "now" for the checks that refuse future dates: the newest moment the
	// export itself records, so an export stays importable years later
	var now time.Time
	for _, ev := range x.Audit {
		if ev.At.After(now) {
			now = ev.At
		}
	}
	if now.IsZero() {
		now = time.Now()
	}
	now = now.Add(24 * time.Hour)
	valid := func(rec model.Record) {
		var ve *model.ValidationError
		if err := rec.Validate(now); errors.As(err, &ve) {
			for _, f := range ve.Fields {
				probs = append(probs, ImportProblem{Kind: rec.Kind(), ID: rec.Base().ID, Field: f.Field, Code: f.Code, Args: f.Args})
			}
		} else if err != nil {
			probs = append(probs, ImportProblem{Kind: rec.Kind(), ID: rec.Base().ID, Code: ErrCodeImportFormat, Args: []any{err.Error()}})
		}
	}
	ref := func(from model.Record, field string, kind model.Kind, id uint64) {
		if id != 0 && !ids[kind][id] {
			probs = append(probs, ImportProblem{Kind: from.Kind(), ID: from.Base().ID, Field: field, Code: ErrCodeNotFound})
		}
	}
	for _, r := range x.records() {
		valid(r)
	}
	for i := range x.Receptions {
		r := &x.Receptions[i]
		ref(r, "CitizenID", model.KindCitizen, r.CitizenID)
		ref(r, "SessionID", model.KindSession, r.SessionID)
		ref(r, "PetitionID", model.KindPetition, r.PetitionID)
		for _, c := range r.CaseIDs {
			ref(r, "CaseID", model.KindCase, c)
		}
	}
	for i := range x.Petitions {
		p := &x.Petitions[i]
		ref(p, "CitizenID", model.KindCitizen, p.CitizenID)
		ref(p, "ReceptionID", model.KindReception, p.ReceptionID)
	}
	for i := range x.Dossiers {
		d := &x.Dossiers[i]
		ref(d, "ApplicantID", model.KindCitizen, d.ApplicantID)
		ref(d, "ProcedureID", model.KindProcedure, d.ProcedureID)
	}
	for i := range x.Cases {
		c := &x.Cases[i]
		ref(c, "CitizenID", model.KindCitizen, c.CitizenID)
	}
	for i := range x.Dialogues {
		ref(&x.Dialogues[i], "CaseID", model.KindCase, x.Dialogues[i].CaseID)
	}
	for i := range x.Letters {
		ref(&x.Letters[i], "DossierID", model.KindDossier, x.Letters[i].DossierID)
	}
	return probs
}

// writeImport makes a new database file at path holding exactly x, its
// indexes built from the records and the audit log.
func writeImport(path string, x *Export) error {
	db, err := Open(path, Options{NoSync: true})
	if err != nil {
		return err
	}
	defer db.Close()
	err = db.update(func(tx *bolt.Tx) error {
		// a new file comes with the default office and catalogue: start
		// from nothing
		for _, name := range [][]byte{bCounters, bAudit, bStaff, bProtected, bIdx} {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		for _, t := range tables() {
			if err := tx.DeleteBucket(t.bucket); err != nil {
				return err
			}
			if _, err := tx.CreateBucket(t.bucket); err != nil {
				return err
			}
		}
		idx := tx.Bucket(bIdx)
		for _, name := range indexNames() {
			if _, err := idx.CreateBucket([]byte(name)); err != nil {
				return err
			}
		}
		if err := putValue(tx.Bucket(bMeta), kOffice, &x.Office); err != nil {
			return err
		}
		for i := range x.Staff {
			if err := putValue(tx.Bucket(bStaff), []byte(x.Staff[i].Username), &x.Staff[i]); err != nil {
				return err
			}
		}
		for k, v := range x.Counters {
			if err := tx.Bucket(bCounters).Put([]byte(k), u64(v)); err != nil {
				return err
			}
		}
		put := func(rec model.Record) error {
			t, _ := tableFor(rec.Kind())
			b := tx.Bucket(t.bucket)
			id := rec.Base().ID
			if err := putValue(b, u64(id), rec); err != nil {
				return err
			}
			if b.Sequence() < id {
				if err := b.SetSequence(id); err != nil {
					return err
				}
			}
			for _, e := range t.entries(rec) {
				if err := idx.Bucket([]byte(e.idx)).Put(e.key, e.val); err != nil {
					return err
				}
				if e.idx == ixName {
					if err := bumpToken(idx, e.key, 1); err != nil {
						return err
					}
				}
			}
			return nil
		}
		recs := x.records()
		for _, r := range recs {
			if err := put(r); err != nil {
				return err
			}
		}
		for _, p := range x.Protected {
			kept := keptIdentity{Sealed: p.Sealed}
			if p.Identity != nil {
				kept.Identity = *p.Identity
			}
			if x.Keyring != nil {
				// parts in the clear are sealed as they come in
				if _, err := kept.seal(x.Keyring.Public); err != nil {
					return err
				}
			}
			if err := putValue(tx.Bucket(bProtected), protectedKey(p.Kind, p.ID), &kept); err != nil {
				return err
			}
		}
		if x.Keyring != nil {
			if err := putKeyring(tx, x.Keyring); err != nil {
				return err
			}
		}
		ab := tx.Bucket(bAudit)
		ab.FillPercent = 0.95
		for i := range x.Audit {
			ev := x.Audit[i]
			if err := putValue(ab, u64(ev.Seq), &ev); err != nil {
				return err
			}
			for _, e := range auditEntries(&ev) {
				if err := idx.Bucket([]byte(e.idx)).Put(e.key, nil); err != nil {
					return err
				}
			}
		}
		if n := len(x.Audit); n > 0 {
			return ab.SetSequence(x.Audit[n-1].Seq)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return db.Sync()
}
