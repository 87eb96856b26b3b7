package printout

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/report"
)

// Form names a printed form, as the command line spells it.
type Form string

// The printed forms.
const (
	FormSlip              Form = "slip"
	FormSupplement        Form = "supplement"
	FormApology           Form = "apology"
	FormReceptionRegister Form = "reception-register"
	FormDossierRegister   Form = "dossier-register"
)

// Forms lists the forms; the first three are a dossier's, the others a
// period's.
func Forms() []Form {
	return []Form{FormSlip, FormSupplement, FormApology, FormReceptionRegister, FormDossierRegister}
}

// OfDossier reports whether f is printed for one dossier (else for a period).
func (f Form) OfDossier() bool { return f == FormSlip || f == FormSupplement || f == FormApology }

// ErrUnknownForm is returned for a form name not in Forms.
var ErrUnknownForm = fmt.Errorf("printout: unknown form")

// NewContext returns the context of a form printed through store s on
// date today: the office settings and the printing staff member's name.
func NewContext(s model.Store, cat *i18n.Catalog, now time.Time) (Context, error) {
	today := model.DateOf(now)
	o, err := s.Office()
	if err != nil {
		return Context{}, err
	}
	me := s.Me()
	name := me.FullName
	if st, err := s.Staff(me.Username); err == nil && st.FullName != "" {
		name = st.FullName
	}
	if name == "" {
		name = me.Username
	}
	staff := func(username string) string {
		if st, err := s.Staff(username); err == nil {
			return st.FullName
		}
		return ""
	}
	return Context{Office: o, Cat: cat, Today: today, At: now, Clerk: name, StaffName: staff}, nil
}

// DossierForm builds form f of dossier id from one read of s: the dossier
// and its applicant as they stand together, so what is printed is what was
// recorded at one moment.
func DossierForm(s model.Store, x Context, f Form, id uint64) (Doc, error) {
	d, a, err := s.DossierPaper(id)
	if err != nil {
		return Doc{}, err
	}
	switch f {
	case FormSlip:
		return Slip(x, d, a), nil
	case FormSupplement:
		return SupplementRequest(x, d, a)
	case FormApology:
		return Apology(x, d, a)
	}
	return Doc{}, ErrUnknownForm
}

// registerLimit bounds one register's rows; a register is read in one
// transaction, so that what is printed is one moment's records.
const registerLimit = 1_000_000

// Register builds register f for period p from one read of s: every live
// record dated in p, oldest first.
func Register(s model.Store, x Context, f Form, p model.Period) (Doc, error) {
	q := model.ListQuery{From: p.From, To: p.To, Limit: registerLimit}
	cits := map[uint64]model.Citizen{}
	switch f {
	case FormReceptionRegister:
		var all []model.Reception
		for {
			page, err := s.ListReceptions(q)
			if err != nil {
				return Doc{}, err
			}
			all = append(all, page.Items...)
			maps.Copy(cits, page.Citizens)
			if page.Next == nil {
				break
			}
			q.Cursor = page.Next
		}
		slices.Reverse(all)
		return ReceptionRegister(x, p, all, cits), nil
	case FormDossierRegister:
		var all []model.Dossier
		for {
			page, err := s.ListDossiers(q)
			if err != nil {
				return Doc{}, err
			}
			all = append(all, page.Items...)
			maps.Copy(cits, page.Citizens)
			if page.Next == nil {
				break
			}
			q.Cursor = page.Next
		}
		// the index orders a day's dossiers by number; the register by time
		slices.SortStableFunc(all, func(a, b model.Dossier) int { return a.ReceivedAt.Compare(b.ReceivedAt) })
		return DossierRegister(x, p, all, cits), nil
	}
	return Doc{}, ErrUnknownForm
}

// WriteFile writes doc in format f into dir (created if missing) and
// returns the file's absolute path.
func WriteFile(dir string, doc Doc, f Format) (string, error) {
	path, err := filepath.Abs(filepath.Join(dir, doc.FileName(f)))
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return path, err
	}
	return path, report.WriteAtomic(path, func(w io.Writer) error { return doc.Write(w, f) })
}
