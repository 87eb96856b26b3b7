package report_test

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/report"
	"github.com/tiepdan/tiepdan/storage"
)

// testToday is the day the property test's office works on.
var testToday = model.NewDate(2026, time.November, 21)

// openDB opens a fresh database whose clock stands at 10:00 on testToday and
// verifies its indexes when the test ends.
func openDB(t *testing.T) *storage.DB {
	t.Helper()
	now := func() time.Time { return testToday.Time().Add(10 * time.Hour) }
	db, err := storage.Open(filepath.Join(t.TempDir(), "r.db"), storage.Options{Now: now, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Verify(); err != nil {
			t.Errorf("Verify: %v", err)
		}
		db.Close()
	})
	return db
}

// allRecords is a PeriodScanner that hands every live record to the visitor,
// without any index: what the storage's range scans must agree with.
type allRecords struct {
	sessions   map[uint64]*model.ReceptionSession
	receptions map[uint64]*model.Reception
	petitions  map[uint64]*model.Petition
	dossiers   map[uint64]*model.Dossier
	// store reads every case, one by one, for the oldest still open
	store model.Store
}

func (a *allRecords) ScanPeriod(_, to model.Date, v model.PeriodVisitor) error {
	if v.OldCases != nil {
		var open []model.Case
		for id := uint64(1); ; id++ {
			c, err := a.store.Case(id)
			if err != nil {
				break
			}
			if !c.Voided && c.Opened <= to && (c.Closed.IsZero() || c.Closed > to) {
				open = append(open, c)
			}
		}
		sort.Slice(open, func(i, j int) bool {
			return open[i].Opened < open[j].Opened || open[i].Opened == open[j].Opened && open[i].ID < open[j].ID
		})
		for i, c := range open {
			if i == model.MaxOldCases {
				break
			}
			if err := v.OldCases(model.OpenCaseFacts{ID: c.ID, Opened: c.Opened, Summary: c.Summary, Field: c.Field}); err != nil {
				return err
			}
		}
	}
	for _, x := range a.sessions {
		if err := v.Session(x.Facts()); err != nil {
			return err
		}
	}
	first := map[uint64]model.Date{}
	for _, x := range a.receptions {
		if err := v.Reception(x.Facts()); err != nil {
			return err
		}
		for _, id := range x.CaseIDs {
			if d, ok := first[id]; !ok || x.Date() < d {
				first[id] = x.Date()
			}
		}
	}
	if v.Case != nil {
		for id, d := range first {
			if err := v.Case(model.CaseFacts{ID: id, FirstVisit: d}); err != nil {
				return err
			}
		}
	}
	for _, x := range a.petitions {
		if err := v.Petition(x.Facts()); err != nil {
			return err
		}
	}
	for _, x := range a.dossiers {
		if err := v.Dossier(x.Facts()); err != nil {
			return err
		}
	}
	return nil
}

// gen saves random but valid records through the real store, updating and
// voiding some, and keeps the live ones in all.
type gen struct {
	t      *testing.T
	r      *rand.Rand
	s      model.Store
	all    *allRecords
	cits   []uint64
	sess   []uint64
	cases  []uint64
	bounds []model.Date
}

func (g *gen) must(err error) {
	g.t.Helper()
	if err != nil {
		g.t.Fatal(err)
	}
}

// day picks a date between June and today, often one at a month or window
// boundary, where off-by-one mistakes live.
func (g *gen) day() model.Date {
	if g.r.Intn(3) == 0 {
		return g.bounds[g.r.Intn(len(g.bounds))]
	}
	start := model.NewDate(2026, time.June, 1)
	return start.AddDays(g.r.Intn(int(testToday - start + 1)))
}

// after picks a date from d to today, often d itself or the day after.
func (g *gen) after(d model.Date) model.Date {
	var out model.Date
	switch g.r.Intn(4) {
	case 0:
		out = d
	case 1:
		out = d + 1
	default:
		out = d.AddDays(g.r.Intn(60))
	}
	return min(out, testToday)
}

func (g *gen) at(d model.Date) time.Time {
	span := 10 * 3600
	if d >= testToday { // the clock stands at 10:00
		d, span = testToday, 3*3600
	}
	return d.Time().Add(time.Duration(7*3600+g.r.Intn(span)) * time.Second)
}

func (g *gen) pick(n int) int { return g.r.Intn(n) }

func (g *gen) content() model.ContentKind {
	k := model.ContentKinds()
	return k[g.pick(len(k))]
}

func (g *gen) field() (model.Field, bool) {
	f := model.Fields()
	v := f[g.pick(len(f))]
	return v, v == model.FieldLand && g.r.Intn(2) == 0
}

func (g *gen) session() {
	d := g.day()
	if d > testToday {
		d = testToday
	}
	x := &model.ReceptionSession{Date: d, SessKind: model.SessionKinds()[g.pick(2)], Presiding: "Chủ tịch UBND xã"}
	g.must(g.s.SaveSession(x))
	g.sess = append(g.sess, x.ID)
	g.all.sessions[x.ID] = x
}

func (g *gen) reception() {
	d := g.day()
	f, land := g.field()
	x := &model.Reception{At: g.at(d), RecKind: model.ReceptionRegular, CitizenID: g.cits[g.pick(len(g.cits))],
		HeadCount: 1 + g.pick(12), Summary: "Nội dung", Content: g.content(), Field: f, LandDispute: land,
		Matter: model.Matters()[g.pick(2)], Handling: model.Handlings()[g.pick(4)]}
	if g.r.Intn(2) == 0 {
		x.RecKind, x.SessionID = model.ReceptionInSession, g.sess[g.pick(len(g.sess))]
	}
	if x.Handling == model.HandlingTransferred {
		x.TransferredTo = "UBND huyện"
	}
	if model.IsDenunciation(x.Content) {
		x.CitizenID, x.PaperRef = 0, "TC-1"
	}
	// A third of the visits come back to an earlier case, some raise two.
	if len(g.cases) > 0 && g.pick(3) == 0 {
		x.CaseIDs = []uint64{g.cases[g.pick(len(g.cases))]}
		if g.pick(4) == 0 {
			x.CaseIDs = append(x.CaseIDs, 0)
		}
	}
	g.must(g.s.SaveReception(x))
	g.all.receptions[x.ID] = x
	g.cases = append(g.cases, x.CaseIDs...)
}

func (g *gen) petition() {
	d := g.day()
	f, land := g.field()
	x := &model.Petition{Received: d, Source: model.PetitionSources()[g.pick(5)], CitizenID: g.cits[g.pick(len(g.cits))],
		Summary: "Đơn", Content: g.content(), Field: f, LandDispute: land,
		Eligibility: model.Eligibilities()[g.pick(4)], InJurisdiction: g.r.Intn(3) > 0, Status: model.PetitionHandling}
	if g.r.Intn(4) > 0 {
		x.Due = g.after(d)
	}
	if model.IsDenunciation(x.Content) {
		x.CitizenID, x.PaperRef = 0, "ĐTC-1"
	}
	g.must(g.s.SavePetition(x))
	if g.r.Intn(3) > 0 { // close it in a second save, as the desk would
		switch g.pick(4) {
		case 0:
			x.Status = model.PetitionWithdrawn
		case 1:
			x.Status = model.PetitionArchived
		default:
			if x.InJurisdiction {
				x.Status = model.PetitionResolved
				x.Outcome = model.Outcomes()[g.pick(3)]
			} else if g.r.Intn(2) == 0 {
				x.Status = model.PetitionGuided
			} else {
				x.Status, x.TransferredTo = model.PetitionTransferred, "UBND huyện"
			}
		}
		if x.Status != model.PetitionArchived || g.r.Intn(2) == 0 {
			x.Resolved = g.after(d)
		}
		g.must(g.s.SavePetition(x))
	}
	g.all.petitions[x.ID] = x
}

func (g *gen) dossier() {
	d := g.day()
	f, _ := g.field()
	x := &model.Dossier{ProcedureName: fmt.Sprintf("Thủ tục %d", g.pick(6)), Field: f, WorkingDays: 5,
		ApplicantID: g.cits[g.pick(len(g.cits))], Channel: model.Channels()[g.pick(3)], ReceivedAt: g.at(d),
		Due: d.AddDays(g.pick(15)), DueReason: "Hẹn theo tình huống thử", Status: model.DossierInProgress}
	g.must(g.s.SaveDossier(x))
	if g.r.Intn(5) == 0 { // the clerk corrects the receipt date
		x.ReceivedAt = g.at(d - model.Date(g.pick(3)))
		g.must(g.s.SaveDossier(x))
	}
	switch g.pick(10) {
	case 0, 1: // still open, perhaps waiting for supplements
		if g.r.Intn(2) == 0 {
			x.Status, x.SupplementItems = model.DossierSupplement, "Bản sao giấy tờ còn thiếu"
			g.must(g.s.SaveDossier(x))
		}
	case 2:
		x.Status, x.Resolved = model.DossierRejected, g.after(x.Received())
		g.must(g.s.SaveDossier(x))
	case 3:
		x.Status, x.Resolved = model.DossierWithdrawn, g.after(x.Received())
		g.must(g.s.SaveDossier(x))
	default:
		x.Status = model.DossierResolved
		switch g.pick(4) {
		case 0:
			x.Resolved = min(x.Due, testToday) // on the due date
		case 1:
			x.Resolved = min(x.Due+1, testToday) // the day after
		default:
			x.Resolved = g.after(x.Received())
		}
		if x.Resolved > x.Due && g.r.Intn(2) == 0 {
			x.Apologies = []model.Apology{{Issued: x.Due, NewDue: x.Resolved, Reason: "Cần xác minh"}}
		}
		if g.r.Intn(2) == 0 {
			x.Status, x.Returned = model.DossierReturned, x.Resolved
		}
		g.must(g.s.SaveDossier(x))
	}
	g.all.dossiers[x.ID] = x
}

// voidSome voids about one record in twelve of each kind.
func (g *gen) voidSome() {
	for id, x := range g.all.receptions {
		if g.r.Intn(12) == 0 {
			g.must(g.s.Void(model.KindReception, id, x.Version, "Nhập trùng"))
			delete(g.all.receptions, id)
		}
	}
	for id, x := range g.all.petitions {
		if g.r.Intn(12) == 0 {
			g.must(g.s.Void(model.KindPetition, id, x.Version, "Nhập trùng"))
			delete(g.all.petitions, id)
		}
	}
	for id, x := range g.all.dossiers {
		if g.r.Intn(12) == 0 {
			g.must(g.s.Void(model.KindDossier, id, x.Version, "Nhập trùng"))
			delete(g.all.dossiers, id)
		}
	}
	for id, x := range g.all.sessions {
		if g.r.Intn(12) == 0 && len(g.all.sessions) > 1 {
			g.must(g.s.Void(model.KindSession, id, x.Version, "Nhập trùng"))
			delete(g.all.sessions, id)
		}
	}
}

// testPeriods are the periods every random data set is summarised for:
// months, quarters, halves, the year, official windows, a day, a period
// still running and one wholly in the future, and random ranges.
func testPeriods(r *rand.Rand) []model.Period {
	var ps []model.Period
	for m := time.May; m <= time.December; m++ {
		ps = append(ps, model.MonthPeriod(2026, m), model.WindowPeriod(2026, m, 14))
	}
	for q := 2; q <= 4; q++ {
		ps = append(ps, model.QuarterPeriod(2026, q))
	}
	ps = append(ps, model.HalfPeriod(2026, 1), model.HalfPeriod(2026, 2), model.YearPeriod(2026),
		model.Period{Kind: model.PeriodRange, From: model.NewDate(2026, 10, 1), To: model.NewDate(2026, 10, 1)},
		model.MonthPeriod(2027, time.January))
	start := model.NewDate(2026, time.May, 20)
	for i := 0; i < 12; i++ {
		f := start.AddDays(r.Intn(200))
		ps = append(ps, model.Period{Kind: model.PeriodRange, From: f, To: f.AddDays(r.Intn(90))})
	}
	return ps
}

// TestIdentitiesHoldForRandomRecords saves random record sets through the
// real store, with the edge cases that break hand-made reports (resolved on
// the due date, received the day before a period, resolved the day after,
// voided, withdrawn, edited dates), and checks for every period that the
// storage's range scans give the same summary as a scan of every record,
// and that every identity holds.
func TestIdentitiesHoldForRandomRecords(t *testing.T) {
	for seed := int64(1); seed <= 6; seed++ {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			db := openDB(t)
			g := &gen{t: t, r: rand.New(rand.NewSource(seed)), s: db.For("test"), all: &allRecords{
				sessions: map[uint64]*model.ReceptionSession{}, receptions: map[uint64]*model.Reception{},
				petitions: map[uint64]*model.Petition{}, dossiers: map[uint64]*model.Dossier{}, store: db.For("test")}}
			for m := time.June; m <= time.November; m++ {
				first := model.NewDate(2026, m, 1)
				g.bounds = append(g.bounds, first-1, first, model.NewDate(2026, m, 14), model.NewDate(2026, m, 15))
			}
			for i := 0; i < 8; i++ {
				c := model.Citizen{FullName: fmt.Sprintf("Nguyễn Văn %c", 'A'+i)}
				g.must(g.s.SaveCitizen(&c))
				g.cits = append(g.cits, c.ID)
			}
			n := 40 + g.r.Intn(80)
			for i := 0; i < n/4+1; i++ {
				g.session()
			}
			for i := 0; i < n; i++ {
				g.reception()
				g.petition()
				g.dossier()
			}
			g.voidSome()
			office := model.DefaultOffice()
			for _, p := range testPeriods(g.r) {
				got, err := report.Compute(g.s, office, p, testToday)
				if err != nil {
					t.Fatal(err)
				}
				want, err := report.Compute(g.all, office, p, testToday)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%v: range scans give\n%+v\nscanning every record gives\n%+v", p, got, want)
				}
				if err := got.Check(); err != nil {
					t.Errorf("%v: %v", p, err)
				}
				checkInequalities(t, p, got)
			}
		})
	}
}

func checkInequalities(t *testing.T, p model.Period, s *report.Summary) {
	t.Helper()
	if s.Petitions.Land.Total > s.Petitions.All.Total {
		t.Errorf("%v: %d land disputes among %d petitions", p, s.Petitions.Land.Total, s.Petitions.All.Total)
	}
	for _, row := range append(s.Petitions.ByKind, s.Petitions.All, s.Petitions.Land) {
		if row.Overdue > row.Pending {
			t.Errorf("%v: %s: %d overdue of %d pending", p, row.Key, row.Overdue, row.Pending)
		}
	}
	if s.Reception.Groups.Visits > s.Reception.Total.Visits || s.Reception.LandDispute > s.Reception.Total.Visits {
		t.Errorf("%v: groups %d / land %d exceed %d visits", p, s.Reception.Groups.Visits, s.Reception.LandDispute, s.Reception.Total.Visits)
	}
	if s.AsOf < p.From || s.AsOf > p.To {
		t.Errorf("%v: AsOf %v outside the period", p, s.AsOf)
	}
}
