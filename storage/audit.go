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
	return tx.Bucket(bIdx).Bucket([]byte(ixAudit)).Put(join(auditKey(ev.Kind, ev.RecordID), u64(seq)), nil)
}

// Audit returns the audit events of one record, oldest first.
func (s *Store) Audit(kind model.Kind, id uint64) ([]model.AuditEvent, error) {
	var out []model.AuditEvent
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
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
