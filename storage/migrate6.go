package storage

import (
	"encoding/binary"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// migrateBatch is how many records one transaction of the schema 6
// migration rewrites: a million-record file is not held in memory at once.
const migrateBatch = 10_000

// migrate5to6 introduces cases (vụ việc). Visits are walked in date and time
// order: a visit the clerk had marked as a return is linked to the latest
// case of the same citizen with the same content and field, if one was
// opened before it; any other visit opens a case of its own. A petition
// continues the case of the visit it came from, or opens its own. Each
// visit's Matter then follows its case's history. Every case created and
// every record changed is a new version, audited by MigrationActor, so the
// totals of visits, people and petitions are those of before.
//
// It runs in batches of migrateBatch records, each its own transaction; the
// schema becomes 6 only after the last. A power cut in between leaves a
// file at schema 5 whose migrated records keep their cases: the next open
// goes on from there (a visit already linked counts as its topic's latest
// case again).
func (db *DB) migrate5to6(now time.Time) error {
	var visits, petitions []uint64
	err := db.update(func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucketIfNotExists([]byte("case")); err != nil {
			return err
		}
		// The case indexes, from whatever records already have cases,
		// and the sessions' facts, which gain their id and delegation.
		if err := buildIndexes(tx, []string{ixCitizenCase, ixCaseLink}); err != nil {
			return err
		}
		if err := buildIndexes(tx, []string{dateIndex(model.KindSession)}, model.KindSession); err != nil {
			return err
		}
		c := tx.Bucket(bIdx).Bucket([]byte(dateIndex(model.KindReception))).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			visits = append(visits, binary.BigEndian.Uint64(k[len(k)-8:]))
		}
		pt, _ := tableFor(model.KindPetition)
		return tx.Bucket(pt.bucket).ForEach(func(k, _ []byte) error {
			petitions = append(petitions, beU64(k))
			return nil
		})
	})
	if err != nil {
		return err
	}
	m := &caseMigration{now: now.UTC(), latest: map[caseTopic]uint64{}, visitCase: map[uint64]uint64{}}
	for start := 0; start < len(visits); start += migrateBatch {
		batch := visits[start:min(len(visits), start+migrateBatch)]
		if err := db.update(func(tx *bolt.Tx) error { return m.visits(tx, batch) }); err != nil {
			return err
		}
	}
	for start := 0; start < len(petitions); start += migrateBatch {
		batch := petitions[start:min(len(petitions), start+migrateBatch)]
		if err := db.update(func(tx *bolt.Tx) error { return m.petitions(tx, batch) }); err != nil {
			return err
		}
	}
	return db.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bMeta).Put(kSchema, binary.BigEndian.AppendUint32(nil, 6))
	})
}

// caseTopic is what ties a return visit to an earlier case.
type caseTopic struct {
	citizen uint64
	content model.ContentKind
	field   model.Field
}

// caseMigration carries the schema 6 migration from batch to batch.
type caseMigration struct {
	now       time.Time
	latest    map[caseTopic]uint64
	visitCase map[uint64]uint64
}

// open saves a new case, audited.
func (m *caseMigration) open(tx *bolt.Tx, c model.Case) (uint64, error) {
	ct, _ := tableFor(model.KindCase)
	id, err := tx.Bucket(ct.bucket).NextSequence()
	if err != nil {
		return 0, err
	}
	c.ID, c.Version, c.CreatedAt, c.CreatedBy, c.UpdatedAt, c.UpdatedBy = id, 1, m.now, MigrationActor, m.now, MigrationActor
	c.Normalize()
	if err := putValue(tx.Bucket(ct.bucket), u64(id), &c); err != nil {
		return 0, err
	}
	if err := applyEntries(tx, nil, ct.entries(&c)); err != nil {
		return 0, err
	}
	return id, appendAudit(tx, model.AuditEvent{At: m.now, Staff: MigrationActor, Action: model.ActionCreate,
		Kind: model.KindCase, RecordID: id})
}

// rewrite stores rec, changed from old, as its next version, audited.
func (m *caseMigration) rewrite(tx *bolt.Tx, t table, old, rec model.Record) error {
	b := rec.Base()
	b.Version++
	b.UpdatedAt, b.UpdatedBy = m.now, MigrationActor
	if err := putValue(tx.Bucket(t.bucket), u64(b.ID), rec); err != nil {
		return err
	}
	if err := applyEntries(tx, t.entries(old), t.entries(rec)); err != nil {
		return err
	}
	return appendAudit(tx, model.AuditEvent{At: m.now, Staff: MigrationActor, Action: model.ActionUpdate,
		Kind: t.kind, RecordID: b.ID, Changes: diff(old, rec)})
}

// visits gives each visit of ids (in date order) its case.
func (m *caseMigration) visits(tx *bolt.Tx, ids []uint64) error {
	rt, _ := tableFor(model.KindReception)
	for _, id := range ids {
		var r model.Reception
		if err := load(tx, rt, id, &r); err != nil {
			return err
		}
		key := caseTopic{r.CitizenID, r.Content, r.Field}
		if len(r.CaseIDs) > 0 { // migrated before a power cut, or saved since
			m.visitCase[r.ID] = r.CaseIDs[0]
			if !r.Voided {
				m.latest[key] = r.CaseIDs[0]
			}
			continue
		}
		old := r
		caseID, found := m.latest[key]
		if !found || r.Matter != model.MatterRepeat || r.CitizenID == 0 {
			var err error
			if caseID, err = m.open(tx, model.CaseOf(&r)); err != nil {
				return err
			}
			found = false
		}
		if !r.Voided {
			m.latest[key] = caseID
		}
		r.CaseIDs = []uint64{caseID}
		r.Matter = model.MatterFirst
		if found {
			r.Matter = model.MatterRepeat
		}
		m.visitCase[r.ID] = caseID
		if err := m.rewrite(tx, rt, &old, &r); err != nil {
			return err
		}
	}
	return nil
}

// petitions gives each petition of ids without a case its visit's case, or
// one of its own.
func (m *caseMigration) petitions(tx *bolt.Tx, ids []uint64) error {
	pt, _ := tableFor(model.KindPetition)
	for _, id := range ids {
		var p model.Petition
		if err := load(tx, pt, id, &p); err != nil {
			return err
		}
		if p.CaseID != 0 {
			continue
		}
		old := p
		if cid, ok := m.visitCase[p.ReceptionID]; ok && p.ReceptionID != 0 {
			p.CaseID = cid
		} else {
			cid, err := m.open(tx, model.CaseOfPetition(&p))
			if err != nil {
				return err
			}
			p.CaseID = cid
		}
		if err := m.rewrite(tx, pt, &old, &p); err != nil {
			return err
		}
	}
	return nil
}
