package storage

import (
	"encoding/binary"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// migrate5to6 introduces cases (vụ việc). Visits are walked in date and time
// order: a visit the clerk had marked as a return is linked to the latest
// case of the same citizen with the same content and field, if one was
// opened before it; any other visit opens a case of its own. A petition
// continues the case of the visit it came from, or opens its own. Each
// visit's Matter then follows its case's history. Every case created and
// every record changed is a new version, audited by MigrationActor, so the
// totals of visits, people and petitions are those of before.
func migrate5to6(tx *bolt.Tx, now time.Time) error {
	if _, err := tx.CreateBucketIfNotExists([]byte("case")); err != nil {
		return err
	}
	// The case indexes, from whatever records already have cases (a file
	// migrated again after a power cut), then the walk.
	if err := buildIndexes(tx, []string{ixCitizenCase, ixCaseLink}); err != nil {
		return err
	}
	// The sessions' facts gain their id and delegation.
	if err := buildIndexes(tx, []string{dateIndex(model.KindSession)}, model.KindSession); err != nil {
		return err
	}
	idx := tx.Bucket(bIdx)
	now = now.UTC()
	ct, _ := tableFor(model.KindCase)
	open := func(c model.Case) (uint64, error) {
		id, err := tx.Bucket(ct.bucket).NextSequence()
		if err != nil {
			return 0, err
		}
		c.ID, c.Version, c.CreatedAt, c.CreatedBy, c.UpdatedAt, c.UpdatedBy = id, 1, now, MigrationActor, now, MigrationActor
		c.Normalize()
		if err := putValue(tx.Bucket(ct.bucket), u64(id), &c); err != nil {
			return 0, err
		}
		if err := applyEntries(tx, nil, ct.entries(&c)); err != nil {
			return 0, err
		}
		return id, appendAudit(tx, model.AuditEvent{At: now, Staff: MigrationActor, Action: model.ActionCreate,
			Kind: model.KindCase, RecordID: id})
	}
	// rewrite stores rec, changed from old, as its next version.
	rewrite := func(t table, old, rec model.Record) error {
		m := rec.Base()
		m.Version++
		m.UpdatedAt, m.UpdatedBy = now, MigrationActor
		if err := putValue(tx.Bucket(t.bucket), u64(m.ID), rec); err != nil {
			return err
		}
		if err := applyEntries(tx, t.entries(old), t.entries(rec)); err != nil {
			return err
		}
		return appendAudit(tx, model.AuditEvent{At: now, Staff: MigrationActor, Action: model.ActionUpdate,
			Kind: t.kind, RecordID: m.ID, Changes: diff(old, rec)})
	}

	rt, _ := tableFor(model.KindReception)
	type topic struct {
		citizen uint64
		content model.ContentKind
		field   model.Field
	}
	latest := map[topic]uint64{}
	visitCase := map[uint64]uint64{}
	var ids []uint64
	c := idx.Bucket([]byte(dateIndex(model.KindReception))).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		ids = append(ids, binary.BigEndian.Uint64(k[len(k)-8:]))
	}
	for _, id := range ids {
		var r model.Reception
		if err := load(tx, rt, id, &r); err != nil {
			return err
		}
		if len(r.CaseIDs) > 0 {
			visitCase[r.ID] = r.CaseIDs[0]
			continue
		}
		old := r
		key := topic{r.CitizenID, r.Content, r.Field}
		caseID, found := latest[key]
		if !found || r.Matter != model.MatterRepeat || r.CitizenID == 0 {
			var err error
			if caseID, err = open(model.CaseOf(&r)); err != nil {
				return err
			}
			found = false
		}
		if !r.Voided {
			latest[key] = caseID
		}
		r.CaseIDs = []uint64{caseID}
		if found {
			r.Matter = model.MatterRepeat
		} else {
			r.Matter = model.MatterFirst
		}
		visitCase[r.ID] = caseID
		if err := rewrite(rt, &old, &r); err != nil {
			return err
		}
	}

	pt, _ := tableFor(model.KindPetition)
	var pids []uint64
	if err := tx.Bucket(pt.bucket).ForEach(func(k, _ []byte) error {
		pids = append(pids, beU64(k))
		return nil
	}); err != nil {
		return err
	}
	for _, id := range pids {
		var p model.Petition
		if err := load(tx, pt, id, &p); err != nil {
			return err
		}
		if p.CaseID != 0 {
			continue
		}
		old := p
		if cid, ok := visitCase[p.ReceptionID]; ok && p.ReceptionID != 0 {
			p.CaseID = cid
		} else {
			cid, err := open(model.CaseOfPetition(&p))
			if err != nil {
				return err
			}
			p.CaseID = cid
		}
		if err := rewrite(pt, &old, &p); err != nil {
			return err
		}
	}
	return tx.Bucket(bMeta).Put(kSchema, binary.BigEndian.AppendUint32(nil, 6))
}
