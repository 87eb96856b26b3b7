package storage

import (
	"bytes"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// Case indexes (schema 6): ixCitizenCase lists a citizen's cases
// (citizen id, case id); ixCaseLink the live visits and petitions of a case
// (case id, kind byte, record id), each with its date as the value, so a
// case's first visit is one prefix scan.
const (
	ixCitizenCase = "citcase"
	ixCaseLink    = "link.case"
)

func caseEntries(r model.Record) []entry {
	c := r.(*model.Case)
	var out []entry
	if !c.Voided {
		// date.case: the cases by opening date, the closing date as value
		// (empty while open), for the oldest still open
		var closed []byte
		if !c.Closed.IsZero() {
			closed = dateKey(int32(c.Closed))
		}
		out = append(out, entry{idx: dateIndex(model.KindCase), key: join(dateKey(int32(c.Opened)), u64(c.ID)), val: closed})
	}
	if c.CitizenID != 0 {
		out = append(out, entry{idx: ixCitizenCase, key: join(u64(c.CitizenID), u64(c.ID))})
	}
	return out
}

func caseLink(caseID uint64, kb byte, id uint64, d model.Date) entry {
	return entry{idx: ixCaseLink, key: join(u64(caseID), []byte{kb}, u64(id)), val: dateKey(int32(d))}
}

// Case returns case id.
func (s *Store) Case(id uint64) (model.Case, error) { return get[model.Case](s, id) }

// SaveCase stores a case (its summary, field, note, closing date); its
// citizen must exist.
func (s *Store) SaveCase(c *model.Case) error {
	return s.update(func(tx *bolt.Tx) error {
		return s.save(tx, c, func(tx *bolt.Tx, _ model.Record) error {
			if c.CitizenID != 0 && !exists(tx, model.KindCitizen, c.CitizenID) {
				return fieldErr("CitizenID", ErrCodeNotFound)
			}
			return nil
		})
	})
}

// CitizenCases lists the citizen's live cases, newest first.
func (s *Store) CitizenCases(citizenID uint64) ([]model.Case, error) {
	var out []model.Case
	err := s.db.view(func(tx *bolt.Tx) error {
		t, _ := tableFor(model.KindCase)
		prefix := u64(citizenID)
		c := tx.Bucket(bIdx).Bucket([]byte(ixCitizenCase)).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			var cs model.Case
			if err := load(tx, t, beU64(k[8:]), &cs); err != nil {
				return err
			}
			if !cs.Voided {
				out = append(out, cs)
			}
		}
		return nil
	})
	slices.Reverse(out)
	return out, err
}

// openCase saves the new case c in tx and returns its id.
func (s *Store) openCase(tx *bolt.Tx, c model.Case) (uint64, error) {
	if err := s.save(tx, &c, nil); err != nil {
		return 0, err
	}
	return c.ID, nil
}

// resolveCases gives visit r its cases: a 0 (or no case at all) opens a new
// case from the visit; any other must be a live case. Repeats are dropped.
// Then r.Matter follows the cases' history: a return when one of its cases
// had a live visit before this one, the first visit otherwise.
func (s *Store) resolveCases(tx *bolt.Tx, r *model.Reception) error {
	if len(r.CaseIDs) == 0 {
		r.CaseIDs = []uint64{0}
	}
	var ids []uint64
	for _, id := range r.CaseIDs {
		if id == 0 {
			c := model.CaseOf(r)
			nid, err := s.openCase(tx, c)
			if err != nil {
				return fieldErr("CaseIDs", ErrCodeNotFound)
			}
			id = nid
		} else if !exists(tx, model.KindCase, id) {
			return fieldErr("CaseIDs", ErrCodeNotFound)
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	r.CaseIDs = ids
	r.Matter = model.MatterFirst
	for _, id := range ids {
		if earlierVisit(tx, id, r) {
			r.Matter = model.MatterRepeat
		}
	}
	return nil
}

// earlierVisit reports whether case caseID has a live visit other than r
// before it (an earlier date, or the same date and a smaller id).
func earlierVisit(tx *bolt.Tx, caseID uint64, r *model.Reception) bool {
	prefix := join(u64(caseID), []byte{'r'})
	c := tx.Bucket(bIdx).Bucket([]byte(ixCaseLink)).Cursor()
	d := r.Date()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		id := beU64(k[9:])
		if id == r.ID || len(v) != 4 {
			continue
		}
		vd := model.Date(keyDate(v))
		if vd < d || (vd == d && id < r.ID) {
			return true
		}
	}
	return false
}

// resolvePetitionCase gives petition p its case: a new one from the
// petition when it has none, or the live case it names.
func (s *Store) resolvePetitionCase(tx *bolt.Tx, p *model.Petition) error {
	if p.CaseID == 0 {
		id, err := s.openCase(tx, model.CaseOfPetition(p))
		if err != nil {
			return fieldErr("CaseID", ErrCodeNotFound)
		}
		p.CaseID = id
		return nil
	}
	if !exists(tx, model.KindCase, p.CaseID) {
		return fieldErr("CaseID", ErrCodeNotFound)
	}
	return nil
}

// scanCases calls fn with the facts of each case in ids: the date of its
// first live visit. The ids are visited in order and the cursor walks on
// to the next one when it is a few keys ahead (a period's cases are mostly
// consecutive), seeking only across gaps.
func scanCases(tx *bolt.Tx, ids []uint64, fn func(model.CaseFacts) error) error {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	c := tx.Bucket(bIdx).Bucket([]byte(ixCaseLink)).Cursor()
	k, v := c.First()
	for _, id := range ids {
		prefix := join(u64(id), []byte{'r'})
		for step := 0; k != nil && bytes.Compare(k, prefix) < 0; step++ {
			if step == 16 {
				k, v = c.Seek(prefix)
				break
			}
			k, v = c.Next()
		}
		f := model.CaseFacts{ID: id}
		for ; k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if len(v) != 4 {
				continue
			}
			if d := model.Date(keyDate(v)); f.FirstVisit.IsZero() || d < f.FirstVisit {
				f.FirstVisit = d
			}
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}
