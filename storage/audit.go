package storage

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

func auditKey(kind model.Kind, id uint64) []byte {
	return join([]byte(kind), []byte(sep), u64(id))
}

// appendAudit adds ev to the append-only audit log and its per-record index.
func appendAudit(tx *bolt.Tx, ev model.AuditEvent) error {
	b := tx.Bucket(bAudit)
	b.FillPercent = 0.95 // sequence keys only grow: pack pages full
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	ev.Seq = seq
	if err := putValue(b, u64(seq), &ev); err != nil {
		return err
	}
	idx := tx.Bucket(bIdx)
	for _, e := range auditEntries(&ev) {
		if err := idx.Bucket([]byte(e.idx)).Put(e.key, nil); err != nil {
			return err
		}
	}
	return nil
}

// auditEntries are the index keys of one audit event: by record, by staff
// member and by day (in Vietnam time), each ending in the sequence number.
func auditEntries(ev *model.AuditEvent) []entry {
	seq := u64(ev.Seq)
	return []entry{
		{idx: ixAudit, key: join(auditKey(ev.Kind, ev.RecordID), seq)},
		{idx: ixAuditStaff, key: join([]byte(ev.Staff), []byte(sep), seq)},
		{idx: ixAuditDay, key: join(dateKey(int32(model.DateOf(ev.At))), seq)},
	}
}

// Audit returns the audit events of one record, oldest first.
func (s *Store) Audit(kind model.Kind, id uint64) ([]model.AuditEvent, error) {
	var out []model.AuditEvent
	err := s.db.view(func(tx *bolt.Tx) error {
		prefix := auditKey(kind, id)
		c := tx.Bucket(bIdx).Bucket([]byte(ixAudit)).Cursor()
		ab := tx.Bucket(bAudit)
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			var ev model.AuditEvent
			if err := decode(ab.Get(k[len(prefix):]), &ev); err != nil {
				return err
			}
			out = append(out, ev)
		}
		return nil
	})
	return out, err
}

// AuditLog lists audit events newest first, of one staff member, one day,
// one record or all, a page of q.Limit at a time (q.Before continues). Only
// leaders and administrators may read the whole log.
func (s *Store) AuditLog(q model.AuditQuery) ([]model.AuditEvent, error) {
	if !s.canAudit() {
		return nil, model.ErrNoPermission
	}
	if q.Limit <= 0 {
		q.Limit = 100
	}
	var prefix []byte
	name := ixAudit
	switch {
	case q.Kind != "":
		prefix = auditKey(q.Kind, q.RecordID)
	case q.Staff != "":
		name, prefix = ixAuditStaff, join([]byte(q.Staff), []byte(sep))
	case !q.Day.IsZero():
		name, prefix = ixAuditDay, dateKey(int32(q.Day))
	}
	var out []model.AuditEvent
	err := s.db.view(func(tx *bolt.Tx) error {
		ab := tx.Bucket(bAudit)
		if prefix == nil {
			c := ab.Cursor()
			k, v := c.Last()
			if q.Before > 0 {
				c.Seek(u64(q.Before))
				k, v = c.Prev()
			}
			for ; k != nil && len(out) < q.Limit; k, v = c.Prev() {
				var ev model.AuditEvent
				if err := decode(v, &ev); err != nil {
					return err
				}
				out = append(out, ev)
			}
			return nil
		}
		c := tx.Bucket(bIdx).Bucket([]byte(name)).Cursor()
		var k []byte
		if q.Before > 0 {
			c.Seek(join(prefix, u64(q.Before)))
			k, _ = c.Prev()
		} else if k, _ = c.Seek(join(prefix, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})); k == nil {
			k, _ = c.Last()
		} else {
			k, _ = c.Prev()
		}
		for ; k != nil && bytes.HasPrefix(k, prefix) && len(out) < q.Limit; k, _ = c.Prev() {
			var ev model.AuditEvent
			if err := decode(ab.Get(k[len(k)-8:]), &ev); err != nil {
				return err
			}
			out = append(out, ev)
		}
		return nil
	})
	return out, err
}

// HandOut records that the printed document name was handed to the staff
// member's browser: an audit event that changes no record.
func (s *Store) HandOut(name string) error {
	return s.update(func(tx *bolt.Tx) error {
		return appendAudit(tx, model.AuditEvent{At: s.db.now().UTC(), Staff: s.actor, Action: model.ActionHandOut,
			Kind: model.KindDocument, Changes: []model.Change{{Field: "File", New: name}}})
	})
}
