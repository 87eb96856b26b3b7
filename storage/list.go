package storage

import (
	"bytes"
	"encoding/binary"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
)

// DefaultPageSize is the page size when a query gives none.
const DefaultPageSize = 50

func beU64(b []byte) uint64 { return binary.BigEndian.Uint64(b) }

// list walks the date index of kind backwards (newest first) from the
// cursor or the end of q's range down to its start, decoding each record into
// a fresh T and keeping those keep accepts, until a page is full. It is a
// range scan: records outside [From, To] are never read.
func list[T any, P interface {
	*T
	model.Record
}](s *Store, q model.ListQuery, keep func(*T) bool, citizenOf func(*T) uint64) (model.Page[T], error) {
	var page model.Page[T]
	if q.Limit <= 0 {
		q.Limit = DefaultPageSize
	}
	var zero T
	t, _ := tableFor(P(&zero).Kind())
	err := s.db.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bIdx).Bucket([]byte(dateIndex(t.kind))).Cursor()
		start := q.Cursor
		if start == nil && !q.To.IsZero() {
			start = dateKey(int32(q.To) + 1)
		}
		var k []byte
		if start == nil {
			k, _ = c.Last()
		} else if k, _ = c.Seek(start); k == nil {
			k, _ = c.Last()
		} else {
			k, _ = c.Prev()
		}
		var low []byte
		if !q.From.IsZero() {
			low = dateKey(int32(q.From))
		}
		vals := tx.Bucket(t.bucket)
		for ; k != nil; k, _ = c.Prev() {
			if low != nil && bytes.Compare(k, low) < 0 {
				break
			}
			if len(page.Items) == q.Limit {
				page.Next = nextCursor(k)
				break
			}
			var v T
			if err := decode(vals.Get(k[len(k)-8:]), P(&v)); err != nil {
				return err
			}
			if P(&v).Base().Voided && !q.IncludeVoided {
				continue
			}
			if keep != nil && !keep(&v) {
				continue
			}
			page.Items = append(page.Items, v)
		}
		page.Citizens = map[uint64]model.Citizen{}
		ct := tablesCitizen()
		for i := range page.Items {
			id := citizenOf(&page.Items[i])
			if _, ok := page.Citizens[id]; id == 0 || ok {
				continue
			}
			var c model.Citizen
			if load(tx, ct, id, &c) == nil {
				page.Citizens[id] = c
			}
		}
		return nil
	})
	return page, err
}

// nextCursor returns the smallest key greater than k, so that a walk starting
// "strictly before" it starts at k itself.
func nextCursor(k []byte) []byte {
	return append(append([]byte(nil), k...), 0)
}

// ListSessions lists reception sessions; Kind filters periodic/adhoc.
func (s *Store) ListSessions(q model.ListQuery) (model.Page[model.ReceptionSession], error) {
	return list[model.ReceptionSession](s, q, func(v *model.ReceptionSession) bool {
		return q.Kind == "" || string(v.SessKind) == q.Kind
	}, func(*model.ReceptionSession) uint64 { return 0 })
}

// ListReceptions lists visits; Kind filters the content kind, Status the
// handling.
func (s *Store) ListReceptions(q model.ListQuery) (model.Page[model.Reception], error) {
	return list[model.Reception](s, q, func(v *model.Reception) bool {
		return (q.Kind == "" || string(v.Content) == q.Kind) && (q.Status == "" || string(v.Handling) == q.Status)
	}, func(v *model.Reception) uint64 { return v.CitizenID })
}

// StatusOverdue is the Status filter for open items past their due date.
const StatusOverdue = "overdue"

// ListPetitions lists petitions; Kind filters the content kind, Status the
// status (or StatusOverdue).
func (s *Store) ListPetitions(q model.ListQuery) (model.Page[model.Petition], error) {
	today := model.DateOf(s.db.now())
	return list[model.Petition](s, q, func(v *model.Petition) bool {
		if q.Kind != "" && string(v.Content) != q.Kind {
			return false
		}
		if q.Status == StatusOverdue {
			return v.Status.Open() && !v.Due.IsZero() && v.Due < today
		}
		return q.Status == "" || string(v.Status) == q.Status
	}, func(v *model.Petition) uint64 { return v.CitizenID })
}

// ListDossiers lists dossiers; Kind filters the channel, Status the status
// (or StatusOverdue).
func (s *Store) ListDossiers(q model.ListQuery) (model.Page[model.Dossier], error) {
	today := model.DateOf(s.db.now())
	return list[model.Dossier](s, q, func(v *model.Dossier) bool {
		if q.Kind != "" && string(v.Channel) != q.Kind {
			return false
		}
		if q.Status == StatusOverdue {
			return v.Status.Open() && v.Due < today
		}
		return q.Status == "" || string(v.Status) == q.Status
	}, func(v *model.Dossier) uint64 { return v.ApplicantID })
}

// SessionReceptions returns the visits logged in a session, in time order.
func (s *Store) SessionReceptions(sessionID uint64) ([]model.Reception, error) {
	var out []model.Reception
	err := s.db.view(func(tx *bolt.Tx) error {
		t, _ := tableFor(model.KindReception)
		for _, id := range prefixIDs(tx, ixSession, u64(sessionID), 0) {
			var r model.Reception
			if err := load(tx, t, id, &r); err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out, err
}

// History returns everything a citizen has done with the office, newest
// first, voided records included (marked).
func (s *Store) History(citizenID uint64) ([]model.HistoryItem, error) {
	var out []model.HistoryItem
	err := s.db.view(func(tx *bolt.Tx) error {
		prefix := u64(citizenID)
		c := tx.Bucket(bIdx).Bucket([]byte(ixCitizen)).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			t, ok := tableForByte(k[8])
			if !ok {
				continue
			}
			rec := t.newRec()
			if err := load(tx, t, beU64(k[9:]), rec); err != nil {
				return err
			}
			item := model.HistoryItem{Kind: t.kind, ID: rec.Base().ID}
			switch v := rec.(type) {
			case *model.Reception:
				item.Reception, item.Date = v, v.Date()
			case *model.Petition:
				item.Petition, item.Date = v, v.Received
			case *model.Dossier:
				item.Dossier, item.Date = v, v.Received()
			}
			out = append(out, item)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date > out[j].Date })
	return out, err
}

// prefixIDs returns the record ids at the end (last 8 bytes) of the keys of
// index idx that start with prefix, at most limit (0: all).
func prefixIDs(tx *bolt.Tx, idx string, prefix []byte, limit int) []uint64 {
	var out []uint64
	c := tx.Bucket(bIdx).Bucket([]byte(idx)).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		out = append(out, beU64(k[len(k)-8:]))
		if limit > 0 && len(out) == limit {
			break
		}
	}
	return out
}

func sortProcedures(ps []model.Procedure) {
	col := vntext.NewCollator()
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Inactive != ps[j].Inactive {
			return !ps[i].Inactive
		}
		return col.Compare(ps[i].Name, ps[j].Name) < 0
	})
}
