package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// Dialogues and survey batches are a few a year: their date index entries
// carry their facts as JSON (factsJSON first), simpler than the binary
// facts of the registers and as fast at that size.
const factsJSON = 2

func jsonFacts(v any) []byte {
	b, _ := json.Marshal(v) // facts are plain values: Marshal cannot fail
	return append([]byte{factsJSON}, b...)
}

func decodeJSONFacts[F any](v []byte) (F, error) {
	var f F
	if len(v) == 0 || v[0] != factsJSON {
		return f, fmt.Errorf("%w: unknown index value version", ErrNotDatabase)
	}
	if err := json.Unmarshal(v[1:], &f); err != nil {
		return f, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return f, nil
}

func dialogueEntries(r model.Record) []entry {
	d := r.(*model.Dialogue)
	e := dateEntry(model.KindDialogue, d.Date, 0, d.ID)
	if d.Voided {
		return []entry{e}
	}
	e.val = jsonFacts(d.Facts())
	out := []entry{e}
	if !d.FollowUpDue.IsZero() && d.FollowUpDone.IsZero() {
		// a follow-up promised and not done is on "Hôm nay" until it is
		out = append(out, entry{idx: dueIndex(model.KindDialogue), key: join(dateKey(int32(d.FollowUpDue)), u64(d.ID))})
	}
	if d.CaseID != 0 {
		out = append(out, caseLink(d.CaseID, 'g', d.ID, d.Date))
	}
	return out
}

func surveyEntries(r model.Record) []entry {
	s := r.(*model.Survey)
	e := dateEntry(model.KindSurvey, s.Date, 0, s.ID)
	if !s.Voided {
		e.val = jsonFacts(s.Facts())
	}
	return []entry{e}
}

func letterEntries(r model.Record) []entry {
	l := r.(*model.Letter)
	e := dateEntry(model.KindLetter, l.Date, 0, l.ID)
	if !l.Voided {
		// letters follow dossiers (a congratulation per birth): binary
		// facts, as the registers', not JSON
		w := factsWriter{b: []byte{factsV1}}
		w.date(l.Date)
		w.str(string(l.LetterKind))
		e.val = w.b
	}
	return []entry{e}
}

func decodeLetterFacts(v []byte) (model.LetterFacts, error) {
	r := newReader(v)
	f := model.LetterFacts{Date: r.date()}
	f.Kind = enum(r.raw(), model.LetterKinds())
	return f, r.err
}

// Dialogue returns dialogue conference id.
func (s *Store) Dialogue(id uint64) (model.Dialogue, error) { return get[model.Dialogue](s, id) }

// SaveDialogue stores a dialogue conference; its case, if any, must exist.
func (s *Store) SaveDialogue(d *model.Dialogue) error {
	return s.update(func(tx *bolt.Tx) error {
		return s.save(tx, d, func(tx *bolt.Tx, _ model.Record) error {
			if d.CaseID != 0 && !exists(tx, model.KindCase, d.CaseID) {
				return fieldErr("CaseID", ErrCodeNotFound)
			}
			return nil
		})
	})
}

// ListDialogues lists dialogue conferences, newest first; Kind filters
// whom they were held with.
func (s *Store) ListDialogues(q model.ListQuery) (model.Page[model.Dialogue], error) {
	return list[model.Dialogue](s, q, func(v *model.Dialogue) bool {
		return q.Kind == "" || string(v.With) == q.Kind
	}, func(*model.Dialogue) uint64 { return 0 })
}

// Survey returns survey batch id.
func (s *Store) Survey(id uint64) (model.Survey, error) { return get[model.Survey](s, id) }

// SaveSurvey stores a survey batch.
func (s *Store) SaveSurvey(v *model.Survey) error {
	return s.update(func(tx *bolt.Tx) error { return s.save(tx, v, nil) })
}

// ListSurveys lists survey batches, newest first; Kind filters the source.
func (s *Store) ListSurveys(q model.ListQuery) (model.Page[model.Survey], error) {
	return list[model.Survey](s, q, func(v *model.Survey) bool {
		return q.Kind == "" || string(v.Medium) == q.Kind
	}, func(*model.Survey) uint64 { return 0 })
}

// Letter returns letter id.
func (s *Store) Letter(id uint64) (model.Letter, error) { return get[model.Letter](s, id) }

// SaveLetter stores a letter; its dossier, if any, must exist.
func (s *Store) SaveLetter(l *model.Letter) error {
	return s.update(func(tx *bolt.Tx) error {
		return s.save(tx, l, func(tx *bolt.Tx, _ model.Record) error {
			if l.DossierID != 0 && !exists(tx, model.KindDossier, l.DossierID) {
				return fieldErr("DossierID", ErrCodeNotFound)
			}
			return nil
		})
	})
}

// ListLetters lists letters, newest first; Kind filters the letter kind.
func (s *Store) ListLetters(q model.ListQuery) (model.Page[model.Letter], error) {
	return list[model.Letter](s, q, func(v *model.Letter) bool {
		return q.Kind == "" || string(v.LetterKind) == q.Kind
	}, func(*model.Letter) uint64 { return 0 })
}

// scanFriendly visits the dialogues, survey batches and letters dated in
// [from, to], and first the whole procedure catalogue.
func scanFriendly(tx *bolt.Tx, from, to model.Date, v model.PeriodVisitor) error {
	if v.Procedure != nil {
		t, _ := tableFor(model.KindProcedure)
		if err := tx.Bucket(t.bucket).ForEach(func(_, b []byte) error {
			var p model.Procedure
			if err := decode(b, &p); err != nil {
				return err
			}
			return v.Procedure(model.ProcedureFacts{ID: p.ID, Name: p.Name, Online: p.Online, OnlineFrom: p.OnlineFrom, Letter: p.Letter})
		}); err != nil {
			return err
		}
	}
	if v.OldCases != nil {
		if err := scanOldCases(tx, to, v.OldCases); err != nil {
			return err
		}
	}
	if v.Dialogue != nil {
		if err := scanDates(tx, model.KindDialogue, from, to, decodeJSONFacts[model.DialogueFacts], v.Dialogue); err != nil {
			return err
		}
	}
	if v.Survey != nil {
		if err := scanDates(tx, model.KindSurvey, from, to, decodeJSONFacts[model.SurveyFacts], v.Survey); err != nil {
			return err
		}
	}
	if v.Letter != nil {
		return scanDates(tx, model.KindLetter, from, to, decodeLetterFacts, v.Letter)
	}
	return nil
}

// scanOldCases visits the oldest cases open at to (opened by then, not
// closed by then, not voided), oldest first, at most model.MaxOldCases:
// the date.case index from its start, skipping the keys whose value says
// the case was closed by then, decoding only the cases it names.
func scanOldCases(tx *bolt.Tx, to model.Date, fn func(model.OpenCaseFacts) error) error {
	t, _ := tableFor(model.KindCase)
	c := tx.Bucket(bIdx).Bucket([]byte(dateIndex(model.KindCase))).Cursor()
	end := dateKey(int32(to) + 1)
	n := 0
	for k, v := c.First(); k != nil && n < model.MaxOldCases && bytes.Compare(k, end) < 0; k, v = c.Next() {
		if len(v) == 4 && model.Date(keyDate(v)) <= to {
			continue
		}
		var x model.Case
		if err := load(tx, t, beU64(k[len(k)-8:]), &x); err != nil {
			return err
		}
		n++
		if err := fn(model.OpenCaseFacts{ID: x.ID, Opened: x.Opened, Summary: x.Summary, Field: x.Field}); err != nil {
			return err
		}
	}
	return nil
}

// migrate6to7 adds the dialogue, survey and letter registers: their
// buckets and indexes, empty, and the index of cases by opening date. Dossiers and procedures gain fields that
// older values simply lack (not rated, not on the electronic system, not
// offered online), so nothing else is rewritten.
func migrate6to7(tx *bolt.Tx) error {
	for _, k := range []model.Kind{model.KindDialogue, model.KindSurvey, model.KindLetter} {
		t, _ := tableFor(k)
		if _, err := tx.CreateBucketIfNotExists(t.bucket); err != nil {
			return err
		}
		if _, err := tx.Bucket(bIdx).CreateBucketIfNotExists([]byte(dateIndex(k))); err != nil {
			return err
		}
	}
	if _, err := tx.Bucket(bIdx).CreateBucketIfNotExists([]byte(dueIndex(model.KindDialogue))); err != nil {
		return err
	}
	// the cases by opening date, from the cases there are
	if err := buildIndexes(tx, []string{dateIndex(model.KindCase)}, model.KindCase); err != nil {
		return err
	}
	return tx.Bucket(bMeta).Put(kSchema, binary.BigEndian.AppendUint32(nil, 7))
}
