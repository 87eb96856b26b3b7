package storage

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// LastContacts returns each citizen's last live visit or petition and the
// number of their open cases, read through the citizen indexes (a handful
// of records per citizen), for the rows of a citizen picker.
func (s *Store) LastContacts(ids []uint64) (map[uint64]model.Contact, error) {
	out := map[uint64]model.Contact{}
	err := s.db.view(func(tx *bolt.Tx) error {
		idx := tx.Bucket(bIdx)
		for _, id := range ids {
			var last model.Contact
			prefix := u64(id)
			c := idx.Bucket([]byte(ixCitizen)).Cursor()
			for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
				t, ok := tableForByte(k[8])
				if !ok || (t.kind != model.KindReception && t.kind != model.KindPetition) {
					continue
				}
				rec := t.newRec()
				if err := load(tx, t, beU64(k[9:]), rec); err != nil {
					return err
				}
				if rec.Base().Voided {
					continue
				}
				x := model.Contact{Kind: t.kind, ID: rec.Base().ID}
				switch v := rec.(type) {
				case *model.Reception:
					x.Date, x.Summary = v.Date(), v.Summary
				case *model.Petition:
					x.Date, x.Summary = v.Received, v.Summary
				}
				if x.Date >= last.Date {
					last = x
				}
			}
			ct, _ := tableFor(model.KindCase)
			cc := idx.Bucket([]byte(ixCitizenCase)).Cursor()
			for k, _ := cc.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = cc.Next() {
				var cs model.Case
				if err := load(tx, ct, beU64(k[8:]), &cs); err != nil {
					return err
				}
				if !cs.Voided && cs.Open() {
					last.OpenCases++
				}
			}
			if last.ID != 0 || last.OpenCases > 0 {
				out[id] = last
			}
		}
		return nil
	})
	return out, err
}
