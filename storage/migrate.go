package storage

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

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
// entries every record implies.
func buildIndexes(tx *bolt.Tx, names []string) error {
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
