package storage

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// ScanPeriod implements model.PeriodScanner in one read transaction, so the
// figures of a summary come from one snapshot and add up even while others
// save. It reads the date indexes over [from, to] and, for petitions and
// dossiers, the closed index from from on; no other record is decoded.
func (s *Store) ScanPeriod(from, to model.Date, v model.PeriodVisitor) error {
	return s.db.bolt.View(func(tx *bolt.Tx) error {
		if v.Session != nil {
			if err := scanKind(tx, from, to, v.Session); err != nil {
				return err
			}
		}
		if v.Reception != nil {
			if err := scanKind(tx, from, to, v.Reception); err != nil {
				return err
			}
		}
		if v.Petition != nil {
			if err := scanCarried(tx, from, v.Petition); err != nil {
				return err
			}
			if err := scanKind(tx, from, to, v.Petition); err != nil {
				return err
			}
		}
		if v.Dossier != nil {
			if err := scanCarried(tx, from, v.Dossier); err != nil {
				return err
			}
			if err := scanKind(tx, from, to, v.Dossier); err != nil {
				return err
			}
		}
		return nil
	})
}

// visit decodes record id of T's table and passes it on unless voided.
func visit[T any, P interface {
	*T
	model.Record
}](vals *bolt.Bucket, id []byte, fn func(P) error) error {
	var rec T
	if err := decode(vals.Get(id), P(&rec)); err != nil {
		return err
	}
	if P(&rec).Base().Voided {
		return nil
	}
	return fn(P(&rec))
}

// scanKind visits the records of T dated in [from, to], in date order.
func scanKind[T any, P interface {
	*T
	model.Record
}](tx *bolt.Tx, from, to model.Date, fn func(P) error) error {
	var zero T
	t, _ := tableFor(P(&zero).Kind())
	vals := tx.Bucket(t.bucket)
	c := tx.Bucket(bIdx).Bucket([]byte(dateIndex(t.kind))).Cursor()
	end := dateKey(int32(to) + 1)
	for k, _ := c.Seek(dateKey(int32(from))); k != nil && bytes.Compare(k, end) < 0; k, _ = c.Next() {
		if err := visit[T, P](vals, k[len(k)-8:], fn); err != nil {
			return err
		}
	}
	return nil
}

// scanCarried visits the records of T received before from and not closed
// before from: the closed index from from on, keeping keys whose received
// date precedes from.
func scanCarried[T any, P interface {
	*T
	model.Record
}](tx *bolt.Tx, from model.Date, fn func(P) error) error {
	var zero T
	t, _ := tableFor(P(&zero).Kind())
	vals := tx.Bucket(t.bucket)
	c := tx.Bucket(bIdx).Bucket([]byte(closedIndex(t.kind))).Cursor()
	first := dateKey(int32(from))
	for k, _ := c.Seek(first); k != nil; k, _ = c.Next() {
		if bytes.Compare(k[4:8], first) >= 0 {
			continue
		}
		if err := visit[T, P](vals, k[8:16], fn); err != nil {
			return err
		}
	}
	return nil
}
