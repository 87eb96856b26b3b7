package storage

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// ScanPeriod implements model.PeriodScanner in one read transaction, so the
// figures of a summary come from one snapshot and add up even while others
// save. It reads only index pages: the date indexes over [from, to] and, for
// petitions and dossiers, the closed index from from on, decoding the facts
// stored as their values. No record is decoded.
func (s *Store) ScanPeriod(from, to model.Date, v model.PeriodVisitor) error {
	return s.db.view(func(tx *bolt.Tx) error {
		if err := scanFriendly(tx, from, to, v); err != nil {
			return err
		}
		if v.Session != nil {
			if err := scanDates(tx, model.KindSession, from, to, decodeSessionFacts, v.Session); err != nil {
				return err
			}
		}
		if v.Reception != nil {
			visit := v.Reception
			var cases []uint64
			seen := map[uint64]bool{}
			if v.Case != nil {
				visit = func(f model.ReceptionFacts) error {
					for _, id := range f.CaseIDs {
						if !seen[id] {
							seen[id] = true
							cases = append(cases, id)
						}
					}
					return v.Reception(f)
				}
			}
			if err := scanDates(tx, model.KindReception, from, to, decodeReceptionFacts, visit); err != nil {
				return err
			}
			if v.Case != nil {
				if err := scanCases(tx, cases, v.Case); err != nil {
					return err
				}
			}
		}
		if v.Petition != nil {
			if err := scanCarried(tx, model.KindPetition, from, decodePetitionFacts, v.Petition); err != nil {
				return err
			}
			if err := scanDates(tx, model.KindPetition, from, to, decodePetitionFacts, v.Petition); err != nil {
				return err
			}
		}
		if v.Dossier != nil {
			dec := dossierDecoder()
			if err := scanCarried(tx, model.KindDossier, from, dec, v.Dossier); err != nil {
				return err
			}
			if err := scanDates(tx, model.KindDossier, from, to, dec, v.Dossier); err != nil {
				return err
			}
		}
		return nil
	})
}

// scanDates visits the facts of kind's records dated in [from, to], in date
// order, skipping voided records (whose entries carry no facts).
func scanDates[F any](tx *bolt.Tx, kind model.Kind, from, to model.Date, dec func([]byte) (F, error), fn func(F) error) error {
	c := tx.Bucket(bIdx).Bucket([]byte(dateIndex(kind))).Cursor()
	end := dateKey(int32(to) + 1)
	for k, v := c.Seek(dateKey(int32(from))); k != nil && bytes.Compare(k, end) < 0; k, v = c.Next() {
		if len(v) == 0 {
			continue
		}
		f, err := dec(v)
		if err != nil {
			return err
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}

// scanCarried visits the facts of kind's records received before from and
// not closed before from: the closed index from from on, keeping keys whose
// received date precedes from.
func scanCarried[F any](tx *bolt.Tx, kind model.Kind, from model.Date, dec func([]byte) (F, error), fn func(F) error) error {
	c := tx.Bucket(bIdx).Bucket([]byte(closedIndex(kind))).Cursor()
	first := dateKey(int32(from))
	for k, v := c.Seek(first); k != nil; k, v = c.Next() {
		if bytes.Compare(k[4:8], first) >= 0 {
			continue
		}
		f, err := dec(v)
		if err != nil {
			return err
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}
