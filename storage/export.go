package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// ExportFormat and ExportVersion head every export; a reader refuses a
// format or a version it does not know.
const (
	ExportFormat  = "tiepdan-export"
	ExportVersion = 1
)

// Export is a whole office as JSON (see docs/export.md): the settings, the
// staff accounts, every record of every kind with its history fields, the
// dossier code counters, the audit log, and, only when asked (WithSecrets),
// password hashes, SSH keys and the protected identities of denouncers.
// Lists are ordered (records by id, staff by login, events by sequence) so
// the same office always exports to the same bytes.
type Export struct {
	Format   string            `json:"format"`
	Version  int               `json:"version"`
	Schema   uint32            `json:"schema"`
	Secrets  bool              `json:"secrets"`
	Office   model.Office      `json:"office"`
	Staff    []model.Staff     `json:"staff"`
	Counters map[string]uint64 `json:"counters"`

	Citizens   []model.Citizen          `json:"citizens"`
	Sessions   []model.ReceptionSession `json:"sessions"`
	Receptions []model.Reception        `json:"receptions"`
	Petitions  []model.Petition         `json:"petitions"`
	Dossiers   []model.Dossier          `json:"dossiers"`
	Procedures []model.Procedure        `json:"procedures"`
	Cases      []model.Case             `json:"cases"`
	Dialogues  []model.Dialogue         `json:"dialogues,omitempty"`
	Surveys    []model.Survey           `json:"surveys,omitempty"`
	Letters    []model.Letter           `json:"letters,omitempty"`

	Protected []ProtectedIdentity `json:"protected,omitempty"`
	Keyring   *ExportKeyring      `json:"keyring,omitempty"`
	Audit     []model.AuditEvent  `json:"audit"`
}

// ProtectedIdentity is a denouncer's identity kept apart (restricted
// mode): its parts sealed with the office's key, as in the file, so the
// export reveals no more than the file does. Identity holds parts kept in
// the clear by a file that had no key yet.
type ProtectedIdentity struct {
	Kind     model.Kind        `json:"kind"`
	ID       uint64            `json:"id"`
	Identity *model.Identity   `json:"identity,omitempty"`
	Sealed   map[string][]byte `json:"sealed,omitempty"`
}

// ExportKeyring is the office's protected-identity key as the file keeps
// it: the public half and the private half wrapped per staff member.
type ExportKeyring = keyring

// ExportTo writes the whole database to w as an Export, from one read
// transaction.
func (db *DB) ExportTo(w io.Writer, withSecrets bool) error {
	x := Export{Format: ExportFormat, Version: ExportVersion, Secrets: withSecrets, Counters: map[string]uint64{}}
	err := db.view(func(tx *bolt.Tx) error {
		x.Schema = schemaOf(tx)
		if err := decode(tx.Bucket(bMeta).Get(kOffice), &x.Office); err != nil {
			return err
		}
		if err := tx.Bucket(bStaff).ForEach(func(_, v []byte) error {
			var st model.Staff
			if err := decode(v, &st); err != nil {
				return err
			}
			if !withSecrets {
				st.PasswordHash, st.Keys = "", nil
			}
			x.Staff = append(x.Staff, st)
			return nil
		}); err != nil {
			return err
		}
		if err := tx.Bucket(bCounters).ForEach(func(k, v []byte) error {
			if len(v) == 8 {
				x.Counters[string(k)] = beU64(v)
			}
			return nil
		}); err != nil {
			return err
		}
		each := func(kind model.Kind, add func(model.Record)) error {
			t, _ := tableFor(kind)
			return tx.Bucket(t.bucket).ForEach(func(_, v []byte) error { // keys are ids, in order
				rec := t.newRec()
				if err := decode(v, rec); err != nil {
					return err
				}
				add(rec)
				return nil
			})
		}
		for _, err := range []error{
			each(model.KindCitizen, func(r model.Record) { x.Citizens = append(x.Citizens, *r.(*model.Citizen)) }),
			each(model.KindSession, func(r model.Record) { x.Sessions = append(x.Sessions, *r.(*model.ReceptionSession)) }),
			each(model.KindReception, func(r model.Record) { x.Receptions = append(x.Receptions, *r.(*model.Reception)) }),
			each(model.KindPetition, func(r model.Record) { x.Petitions = append(x.Petitions, *r.(*model.Petition)) }),
			each(model.KindDossier, func(r model.Record) { x.Dossiers = append(x.Dossiers, *r.(*model.Dossier)) }),
			each(model.KindProcedure, func(r model.Record) { x.Procedures = append(x.Procedures, *r.(*model.Procedure)) }),
			each(model.KindCase, func(r model.Record) { x.Cases = append(x.Cases, *r.(*model.Case)) }),
			each(model.KindDialogue, func(r model.Record) { x.Dialogues = append(x.Dialogues, *r.(*model.Dialogue)) }),
			each(model.KindSurvey, func(r model.Record) { x.Surveys = append(x.Surveys, *r.(*model.Survey)) }),
			each(model.KindLetter, func(r model.Record) { x.Letters = append(x.Letters, *r.(*model.Letter)) }),
		} {
			if err != nil {
				return err
			}
		}
		if withSecrets {
			if err := tx.Bucket(bProtected).ForEach(func(k, v []byte) error {
				i := bytes.IndexByte(k, sep[0])
				if i < 0 || len(k) != i+1+8 {
					return fmt.Errorf("%w: protected key %q", ErrDamaged, k)
				}
				p := ProtectedIdentity{Kind: model.Kind(k[:i]), ID: beU64(k[i+1:])}
				var kept keptIdentity
				if err := decode(v, &kept); err != nil {
					return err
				}
				if !kept.Identity.Empty() {
					p.Identity = &kept.Identity
				}
				p.Sealed = kept.Sealed
				x.Protected = append(x.Protected, p)
				return nil
			}); err != nil {
				return err
			}
			kr, err := loadKeyring(tx)
			if err != nil {
				return err
			}
			x.Keyring = kr
		}
		return tx.Bucket(bAudit).ForEach(func(_, v []byte) error {
			var ev model.AuditEvent
			if err := decode(v, &ev); err != nil {
				return err
			}
			x.Audit = append(x.Audit, ev)
			return nil
		})
	})
	if err != nil {
		return err
	}
	sort.Slice(x.Staff, func(i, j int) bool { return x.Staff[i].Username < x.Staff[j].Username })
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(&x)
}

// records lists every record of the export, kind after kind, each by
// number.
func (x *Export) records() []model.Record {
	var out []model.Record
	for i := range x.Citizens {
		out = append(out, &x.Citizens[i])
	}
	for i := range x.Sessions {
		out = append(out, &x.Sessions[i])
	}
	for i := range x.Receptions {
		out = append(out, &x.Receptions[i])
	}
	for i := range x.Petitions {
		out = append(out, &x.Petitions[i])
	}
	for i := range x.Dossiers {
		out = append(out, &x.Dossiers[i])
	}
	for i := range x.Procedures {
		out = append(out, &x.Procedures[i])
	}
	for i := range x.Cases {
		out = append(out, &x.Cases[i])
	}
	for i := range x.Dialogues {
		out = append(out, &x.Dialogues[i])
	}
	for i := range x.Surveys {
		out = append(out, &x.Surveys[i])
	}
	for i := range x.Letters {
		out = append(out, &x.Letters[i])
	}
	return out
}

// ImportError lists every record an import refused, each named: kind,
// number, field and why (a catalogue code with its arguments).
type ImportError struct {
	Problems []ImportProblem
}

// ImportProblem is one refused record.
type ImportProblem struct {
	Kind  model.Kind
	ID    uint64
	Field string
	Code  string
	Args  []any
}

func (e *ImportError) Error() string {
	return fmt.Sprintf("import refused: %d problem(s), first %s %d %s %s", len(e.Problems), e.Problems[0].Kind,
		e.Problems[0].ID, e.Problems[0].Field, e.Problems[0].Code)
}

// Import error codes (catalogue keys).
const (
	ErrCodeImportFormat    = "err.import_format"
	ErrCodeImportDuplicate = "err.import_duplicate"
	ErrCodeImportID        = "err.import_id"
	ErrCodeImportAuditSeq  = "err.import_audit_seq"
)

// ReadExport reads an export, refusing unknown fields, formats and
// versions.
func ReadExport(r io.Reader) (*Export, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var x Export
	if err := dec.Decode(&x); err != nil {
		return nil, &ImportError{Problems: []ImportProblem{{Field: "format", Code: ErrCodeImportFormat, Args: []any{err.Error()}}}}
	}
	if x.Format != ExportFormat || x.Version != ExportVersion || x.Schema != SchemaVersion {
		return nil, &ImportError{Problems: []ImportProblem{{Field: "format", Code: ErrCodeImportFormat,
			Args: []any{fmt.Sprintf("%s %d, schema %d", x.Format, x.Version, x.Schema)}}}}
	}
	return &x, nil
}

// validate checks every record of x before anything is written: ids set
// and unique, each record valid as a save would find it, references to
// records that are in the export, the audit log in sequence.
func (x *Export) validate() error {
	var probs []ImportProblem
	ids := map[model.Kind]map[uint64]bool{}
	check := func(rec model.Record) {
		m := rec.Base()
		k := rec.Kind()
		if ids[k] == nil {
			ids[k] = map[uint64]bool{}
		}
		switch {
		case m.ID == 0 || m.Version == 0:
			probs = append(probs, ImportProblem{Kind: k, ID: m.ID, Field: "ID", Code: ErrCodeImportID})
			return
		case ids[k][m.ID]:
			probs = append(probs, ImportProblem{Kind: k, ID: m.ID, Field: "ID", Code: ErrCodeImportDuplicate})
			return
		}
		ids[k][m.ID] = true
	}
	for _, r := range x.records() {
		check(r)
	}
	probs = append(probs, x.validateRecords(ids)...)
	var seq uint64
	for _, ev := range x.Audit {
		if ev.Seq != seq+1 {
			probs = append(probs, ImportProblem{Kind: "audit", ID: ev.Seq, Field: "Seq", Code: ErrCodeImportAuditSeq, Args: []any{seq + 1}})
			break
		}
		seq = ev.Seq
	}
	if len(probs) > 0 {
		return &ImportError{Problems: probs}
	}
	return nil
}

// ImportInto writes the export x into a new file at path, all or nothing:
// everything is checked first, then written into a file beside it that
// takes the name only once whole and checked.
func ImportInto(path string, x *Export) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%w: %s exists", ErrImportTarget, path)
	}
	if err := x.validate(); err != nil {
		return err
	}
	tmp := path + ".import.tmp"
	_ = os.Remove(tmp)
	err := writeImport(tmp, x)
	if err == nil {
		var rep CheckReport
		if rep, err = Check(tmp); err == nil && !rep.OK() {
			err = fmt.Errorf("%w: %s", ErrDamaged, rep.Faults[0].Detail)
		}
	}
	if err != nil {
		_ = os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	syncDir(dirOf(path))
	return nil
}

// ErrImportTarget: an import goes into a new file only.
var ErrImportTarget = errors.New("import target exists")
