// Package demo generates a realistic synthetic commune office: citizens with
// Vietnamese names, a year or more of visits, the leader's Friday sessions,
// petitions of every kind and dossiers of every channel and outcome, some
// still open, some late. The same Options always give the same data.
package demo

import (
	"fmt"
	"math/rand"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
	"github.com/tiepdan/tiepdan/storage"
)

// Options set the size and the randomness of a generated office.
type Options struct {
	Records int       // total records of all kinds (about)
	Seed    int64     // same seed, same office
	End     time.Time // the last generated day is the day before End
}

// Stats counts what was generated.
type Stats struct {
	Citizens, Sessions, Receptions, Petitions, Dossiers int
	Dialogues, Surveys, Letters                         int
}

// Total returns the number of records generated.
func (s Stats) Total() int {
	return s.Citizens + s.Sessions + s.Receptions + s.Petitions + s.Dossiers + s.Dialogues + s.Surveys + s.Letters
}

// Actor is the author of generated records.
const Actor = "demo"

type gen struct {
	r        *rand.Rand
	l        *storage.Loader
	opt      Options
	st       Stats
	citizens []uint64
	procs    []model.Procedure
	today    model.Date
	cal      *calendar.Calendar
	idSeq    int
	seqYear  int
	yearSeq  int
	// cases is each citizen's latest case, for visits that come back to it.
	cases map[uint64]uint64
	// info names each citizen, for the letters sent to their family.
	info map[uint64]citizenInfo
}

type citizenInfo struct{ name, address string }

// Generate fills db. About 62% of the records are dossiers, 15% citizens,
// 14% visits, 5% petitions, plus one periodic session a week; the span is a
// year per 80,000 records (at least one, at most fifteen), ending the day
// before opt.End.
func Generate(db *storage.DB, opt Options) (Stats, error) {
	g := &gen{r: rand.New(rand.NewSource(opt.Seed)), opt: opt, today: model.DateOf(opt.End), cases: map[uint64]uint64{},
		cal: calendar.Default(), info: map[uint64]citizenInfo{}}
	first, last := g.span()
	procs, err := onlineCatalogue(db, first, last)
	if err != nil {
		return Stats{}, err
	}
	g.procs = procs
	err = db.Load(Actor, func(l *storage.Loader) error {
		g.l = l
		return g.run()
	})
	if err == nil {
		s := db.For(Actor)
		o, _ := s.Office()
		if !o.Configured() {
			o.Name, o.Place, o.Superior, o.Code = "UBND xã Quang Trung", "Quang Trung", "UBND tỉnh Đồng Nai", "QT"
			o.SignerTitle, o.SignerName = "CHỦ TỊCH", "Nguyễn Văn Thành"
			o.Leaders = officials
			err = s.SaveOffice(&o)
		}
	}
	return g.st, err
}

// span is the first and last generated day: a year per 80,000 records
// (at least one, at most fifteen), ending the day before today.
func (g *gen) span() (first, last model.Date) {
	years := (g.opt.Records + 79_999) / 80_000
	years = max(1, min(years, 15))
	last = g.today.AddDays(-1)
	return last.AddDays(-365*years + 1), last
}

func (g *gen) run() error {
	n := g.opt.Records
	first, last := g.span()
	days := int(last-first) + 1
	workdays := days * 5 / 7
	perDay := func(share float64) float64 { return float64(n) * share / float64(workdays) }
	dossierRate, receptionRate, petitionRate := perDay(0.62), perDay(0.14), perDay(0.05)
	citizenShare := 0.15 / (0.62 + 0.14 + 0.05)
	for d := first; d <= last; d++ {
		if err := g.friendlyDay(d); err != nil {
			return err
		}
		wd := d.Weekday()
		if wd == time.Saturday || wd == time.Sunday {
			// online dossiers still arrive at weekends, a few
			if err := g.repeat(g.poisson(dossierRate*0.05), func() error { return g.dossier(d, citizenShare, true) }); err != nil {
				return err
			}
			continue
		}
		var session uint64
		if wd == time.Friday {
			id, err := g.session(d)
			if err != nil {
				return err
			}
			session = id
		}
		if err := g.repeat(g.poisson(dossierRate), func() error { return g.dossier(d, citizenShare, false) }); err != nil {
			return err
		}
		if err := g.repeat(g.poisson(receptionRate), func() error { return g.reception(d, citizenShare, session) }); err != nil {
			return err
		}
		if err := g.repeat(g.poisson(petitionRate), func() error { return g.petition(d, citizenShare) }); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) repeat(n int, f func() error) error {
	for i := 0; i < n; i++ {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// poisson draws a count with mean lambda (normal approximation above 30).
func (g *gen) poisson(lambda float64) int {
	if lambda > 30 {
		v := int(lambda + g.r.NormFloat64()*sqrt(lambda) + 0.5)
		return max(v, 0)
	}
	l, k, p := exp(-lambda), 0, 1.0
	for {
		p *= g.r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

func (g *gen) pick(list []string) string { return list[g.r.Intn(len(list))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// at returns a time during office hours on d.
func (g *gen) at(d model.Date) time.Time {
	y, m, dd := d.YMD()
	minute := 7*60 + 30 + g.r.Intn(9*60)
	return time.Date(y, m, dd, minute/60, minute%60, 0, 0, model.VN).UTC()
}

// citizen returns a citizen for a new record: a new person with probability
// share, otherwise someone already known.
func (g *gen) citizen(d model.Date, share float64) (uint64, error) {
	if len(g.citizens) > 0 && !g.chance(share) {
		return g.citizens[g.r.Intn(len(g.citizens))], nil
	}
	total := 0
	for _, f := range familyNames {
		total += f.weight
	}
	x := g.r.Intn(total)
	family := familyNames[0].name
	for _, f := range familyNames {
		if x < f.weight {
			family = f.name
			break
		}
		x -= f.weight
	}
	c := model.Citizen{Gender: model.GenderMale}
	if g.chance(0.52) {
		c.Gender = model.GenderFemale
		c.FullName = family + " " + g.pick(femaleMiddle) + " " + g.pick(femaleGiven)
	} else {
		c.FullName = family + " " + g.pick(maleMiddle) + " " + g.pick(maleGiven)
	}
	y, _, _ := d.YMD()
	c.BirthYear = y - 18 - g.r.Intn(65)
	c.Address = g.pick(hamlets) + ", xã Quang Trung"
	g.idSeq++
	if g.chance(0.75) {
		century := 0
		if c.BirthYear >= 2000 {
			century = 2
		}
		if c.Gender == model.GenderFemale {
			century++
		}
		c.IDNumber = fmt.Sprintf("0%02d%d%02d%06d", 1+g.r.Intn(95), century, c.BirthYear%100, g.idSeq%1_000_000)
	}
	if g.chance(0.6) {
		c.Phone = fmt.Sprintf("0%s%08d", g.pick([]string{"3", "5", "7", "8", "9"}), g.r.Intn(100_000_000))
	}
	c.CreatedAt = g.at(d)
	if err := g.l.Add(&c); err != nil {
		return 0, fmt.Errorf("citizen %q: %w", c.FullName, err)
	}
	g.st.Citizens++
	g.citizens = append(g.citizens, c.ID)
	g.info[c.ID] = citizenInfo{name: c.FullName, address: c.Address}
	return c.ID, nil
}

func (g *gen) session(d model.Date) (uint64, error) {
	s := model.ReceptionSession{Date: d, SessKind: model.SessionPeriodic, Presiding: g.pick(officials),
		Place: "Phòng tiếp công dân UBND xã"}
	s.Delegated = s.Presiding != officials[0]
	if g.chance(0.05) {
		s.SessKind = model.SessionAdhoc
	}
	s.CreatedAt = g.at(d)
	if err := g.l.Add(&s); err != nil {
		return 0, err
	}
	g.st.Sessions++
	return s.ID, nil
}
