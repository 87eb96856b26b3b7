package storage

import (
	"encoding/binary"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// migrate brings a file at schema from up to schema 5, inside tx: a power
// cut leaves it at its old version, to be migrated again next open. The
// step to 6 rewrites every visit and runs in batches (db.migrate5to6).
func migrate(tx *bolt.Tx, from uint32, now time.Time) error {
	if from == 1 {
		if err := migrate1to2(tx); err != nil {
			return err
		}
	}
	if from <= 2 {
		if err := migrate2to3(tx); err != nil {
			return err
		}
	}
	if from <= 3 {
		if err := migrate3to4(tx); err != nil {
			return err
		}
	}
	return migrate4to5(tx, now)
}

// migrate3to4 adds the due.reception index: visits that owe the citizen a
// reply, by the date it is owed.
func migrate3to4(tx *bolt.Tx) error {
	if err := buildIndexes(tx, []string{dueIndex(model.KindReception)}, model.KindReception); err != nil {
		return err
	}
	return tx.Bucket(bMeta).Put(kSchema, binary.BigEndian.AppendUint32(nil, 4))
}

// migrate2to3 adds the staff and protected buckets and indexes the existing
// audit events by staff member and by day.
func migrate2to3(tx *bolt.Tx) error {
	for _, name := range [][]byte{bStaff, bProtected} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	idx := tx.Bucket(bIdx)
	for _, name := range []string{ixAuditStaff, ixAuditDay} {
		if idx.Bucket([]byte(name)) != nil {
			if err := idx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		if _, err := idx.CreateBucket([]byte(name)); err != nil {
			return err
		}
	}
	err := tx.Bucket(bAudit).ForEach(func(_, v []byte) error {
		var ev model.AuditEvent
		if err := decode(v, &ev); err != nil {
			return err
		}
		for _, e := range auditEntries(&ev)[1:] {
			if err := idx.Bucket([]byte(e.idx)).Put(e.key, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return tx.Bucket(bMeta).Put(kSchema, binary.BigEndian.AppendUint32(nil, 3))
}

// migrate1to2 adds the closed.<kind> indexes to a version 1 file and
// rebuilds the date.<kind> indexes with the facts as values, in one
// transaction: a power cut leaves the file at version 1, to be migrated
// again on the next open.
func migrate1to2(tx *bolt.Tx) error {
	added := []string{closedIndex(model.KindPetition), closedIndex(model.KindDossier)}
	for _, k := range []model.Kind{model.KindSession, model.KindReception, model.KindPetition, model.KindDossier} {
		added = append(added, dateIndex(k))
	}
	if err := buildIndexes(tx, added); err != nil {
		return err
	}
	return tx.Bucket(bMeta).Put(kSchema, binary.BigEndian.AppendUint32(nil, 2))
}

// buildIndexes creates the named index buckets afresh and puts into them the
// entries every record implies; only, when given, limits the walk to the
// records of those kinds (the only ones with entries in the indexes).
func buildIndexes(tx *bolt.Tx, names []string, only ...model.Kind) error {
	idx := tx.Bucket(bIdx)
	want := map[string]*bolt.Bucket{}
	for _, name := range names {
		if idx.Bucket([]byte(name)) != nil {
			if err := idx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		b, err := idx.CreateBucket([]byte(name))
		if err != nil {
			return err
		}
		want[name] = b
	}
	for _, t := range tables() {
		if len(only) > 0 && !slices.Contains(only, t.kind) {
			continue
		}
		err := tx.Bucket(t.bucket).ForEach(func(_, v []byte) error {
			rec := t.newRec()
			if err := decode(v, rec); err != nil {
				return err
			}
			for _, e := range t.entries(rec) {
				if b := want[e.idx]; b != nil {
					if err := b.Put(e.key, e.val); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
