package storage

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
)

// MigrationActor is the staff name on the audit events a migration writes.
const MigrationActor = "tiepdan"

// migrate4to5 gives accepted petitions the resolution deadline of their
// kind: until version 5 a proposal or reflection kept its classification
// deadline (10 working days from receipt) after acceptance, and showed late
// as soon as it passed. Only deadlines the rules gave are recomputed; a date
// the clerk typed stays. Each change is a new version, audited, by
// MigrationActor.
func migrate4to5(tx *bolt.Tx, now time.Time) error {
	o, err := officeIn(tx)
	if err != nil {
		return err
	}
	cal := calendar.ForOffice(o)
	rules := o.Deadlines()
	t, _ := tableFor(model.KindPetition)
	type change struct{ old, rec *model.Petition }
	var changes []change
	err = tx.Bucket(t.bucket).ForEach(func(_, v []byte) error {
		var p model.Petition
		if err := decode(v, &p); err != nil {
			return err
		}
		key, _ := p.PetitionDeadline()
		if gave, _, _ := strings.Cut(p.DueRule, "@"); p.Accepted.IsZero() || gave == "" || gave == string(key) {
			return nil
		}
		due, rule, ok := cal.PetitionDue(rules, &p)
		if !ok {
			return nil
		}
		old := p
		p.Due, p.DueRule = due, rule.Ref()
		p.Version++
		p.UpdatedAt, p.UpdatedBy = now.UTC(), MigrationActor
		changes = append(changes, change{&old, &p})
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range changes {
		if err := putValue(tx.Bucket(t.bucket), u64(c.rec.ID), c.rec); err != nil {
			return err
		}
		if err := applyEntries(tx, t.entries(c.old), t.entries(c.rec)); err != nil {
			return err
		}
		ev := model.AuditEvent{At: now.UTC(), Staff: MigrationActor, Action: model.ActionUpdate, Kind: model.KindPetition,
			RecordID: c.rec.ID, Changes: diff(c.old, c.rec)}
		if err := appendAudit(tx, ev); err != nil {
			return err
		}
	}
	return tx.Bucket(bMeta).Put(kSchema, binary.BigEndian.AppendUint32(nil, 5))
}

// MigrationBackup is the copy of a file at schema version from kept before
// it is migrated: "tiepdan.db" at version 4 gives "tiepdan.db.v4.bak".
func MigrationBackup(path string, from uint32) string {
	return fmt.Sprintf("%s.v%d.bak", path, from)
}

// backupBeforeMigration writes a consistent copy of the file, as it is
// before the migration, beside it (MigrationBackup), synced to disk before
// the migration starts: a migration that goes wrong, or a release taken
// back, still has the old file.
func (db *DB) backupBeforeMigration(from uint32) error {
	dst := MigrationBackup(db.path, from)
	tmp, err := os.CreateTemp(filepath.Dir(dst), filepath.Base(dst)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	err = db.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(tmp)
		return err
	})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), dst)
	}
	if err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(dst)); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
