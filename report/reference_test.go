package report_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/report"
)

// referenceOffice is a fixture in testdata/reference: the records behind a
// reference report, written from the report's numbers, the period it
// covers and the sentences the summary must then say. NotCovered lists the
// report's figures the records cannot give, with why (hand-made reports do
// not always add up).
type referenceOffice struct {
	Source         string        `json:"source"`
	Office         string        `json:"office"`
	Place          string        `json:"place"`
	GroupThreshold int           `json:"group_threshold"`
	Period         string        `json:"period"`
	Window         string        `json:"window"`
	Dossiers       []refDossiers `json:"dossiers"`
	Sessions       int           `json:"sessions"`
	Visits         []refVisits   `json:"visits"`
	Petitions      []refPetition `json:"petitions"`
	Expect         []string      `json:"expect"`
	Periods        []struct {
		Period    string        `json:"period"`
		Sessions  int           `json:"sessions"`
		Visits    []refVisits   `json:"visits"`
		Petitions []refPetition `json:"petitions"`
		Expect    []string      `json:"expect"`
	} `json:"periods"`
	NotCovered []string `json:"not_covered"`
	// The friendly-government figures: letters sent by kind, dialogue
	// conferences, survey batches, ratings at handback; InSystem and
	// Online mark every dossier received on the electronic system and its
	// procedure offered online ("full", "partial").
	Letters   map[string]int `json:"letters"`
	Dialogues []refDialogue  `json:"dialogues"`
	Surveys   []refSurvey    `json:"surveys"`
	InSystem  bool           `json:"in_system"`
	Online    string         `json:"online"`
}

type refDialogue struct {
	Count     int    `json:"count"`
	With      string `json:"with"`
	Scheduled bool   `json:"scheduled"`
	Presiding string `json:"presiding"`
	Attendees int    `json:"attendees"`
	Answered  int    `json:"answered"`
	Away      int    `json:"away"`
}

type refSurvey struct {
	HandedOut   int `json:"handed_out"`
	Returned    int `json:"returned"`
	Very        int `json:"very"`
	Satisfied   int `json:"satisfied"`
	Unsatisfied int `json:"unsatisfied"`
}

type refDossiers struct {
	Count   int    `json:"count"`
	Channel string `json:"channel"`
	Carried bool   `json:"carried"`
	Outcome string `json:"outcome"` // early, on_time, late, pending_in_time, pending_late
}

type refVisits struct {
	Count  int    `json:"count"`
	Kind   string `json:"kind"` // regular, session
	People int    `json:"people"`
}

type refPetition struct {
	Count   int    `json:"count"`
	Content string `json:"content"`
	Land    bool   `json:"land"`
	Carried bool   `json:"carried"`
	Status  string `json:"status"` // resolved, pending
}

// facts is a PeriodScanner over facts built from a fixture.
type facts struct {
	sessions  []model.SessionFacts
	visits    []model.ReceptionFacts
	petitions []model.PetitionFacts
	dossiers  []model.DossierFacts
	procs     []model.ProcedureFacts
	dialogues []model.DialogueFacts
	surveys   []model.SurveyFacts
	letters   []model.LetterFacts
}

func (f *facts) ScanPeriod(_, _ model.Date, v model.PeriodVisitor) error {
	for _, x := range f.procs {
		if err := v.Procedure(x); err != nil {
			return err
		}
	}
	for _, x := range f.dialogues {
		if err := v.Dialogue(x); err != nil {
			return err
		}
	}
	for _, x := range f.surveys {
		if err := v.Survey(x); err != nil {
			return err
		}
	}
	for _, x := range f.letters {
		if err := v.Letter(x); err != nil {
			return err
		}
	}
	for _, x := range f.sessions {
		if err := v.Session(x); err != nil {
			return err
		}
	}
	for _, x := range f.visits {
		if err := v.Reception(x); err != nil {
			return err
		}
	}
	for _, x := range f.petitions {
		if err := v.Petition(x); err != nil {
			return err
		}
	}
	for _, x := range f.dossiers {
		if err := v.Dossier(x); err != nil {
			return err
		}
	}
	return nil
}

// spread returns the i-th of the period's first days, leaving ten days at
// its end so that a result dated a few days later still falls in it.
func spread(p model.Period, i int) model.Date {
	return p.From + model.Date(i%max(1, p.Days()-10))
}

func buildFacts(p model.Period, ds []refDossiers, sessions int, vs []refVisits, ps []refPetition) *facts {
	f := &facts{}
	i := 0
	for _, d := range ds {
		for range d.Count {
			r := spread(p, i)
			if d.Carried {
				r = p.From - 5
			}
			x := model.DossierFacts{Received: r, Channel: model.Channel(d.Channel), Field: model.FieldCivilStatus,
				Procedure: "Thủ tục", Status: model.DossierResolved}
			switch d.Outcome {
			case "early":
				x.Closed = max(r+1, p.From)
				x.Due = x.Closed + 3
			case "on_time":
				x.Due, x.Closed = max(r+3, p.From), max(r+3, p.From)
			case "late":
				x.Due, x.Closed = r+2, max(r+5, p.From)
			case "pending_in_time":
				x.Due, x.Status = p.To+10, model.DossierInProgress
			case "pending_late":
				x.Due, x.Status = r+1, model.DossierInProgress
			}
			f.dossiers = append(f.dossiers, x)
			i++
		}
	}
	for j := range sessions {
		f.sessions = append(f.sessions, model.SessionFacts{Date: p.From + model.Date(j%p.Days()), Kind: model.SessionPeriodic,
			ID: uint64(j + 1), Presiding: "Chủ tịch UBND"})
	}
	var id uint64
	for _, v := range vs {
		for range v.Count {
			id++
			x := model.ReceptionFacts{Date: spread(p, int(id)), Kind: model.ReceptionRegular, HeadCount: v.People,
				Content: model.ContentProposal, Field: model.FieldOther, Handling: model.HandlingGuided, CaseIDs: []uint64{id}}
			if v.Kind == "session" {
				x.Kind, x.SessionID = model.ReceptionInSession, 1
			}
			f.visits = append(f.visits, x)
		}
	}
	for _, pt := range ps {
		for range pt.Count {
			id++
			r := spread(p, int(id))
			if pt.Carried {
				r = p.From - 20
			}
			x := model.PetitionFacts{Received: r, Due: p.To + 30, Status: model.PetitionHandling, Content: model.ContentKind(pt.Content),
				Field: model.FieldOther, Eligibility: model.EligibilityEligible, InJurisdiction: true, CaseID: id}
			if pt.Land {
				x.Field, x.LandDispute = model.FieldLand, true
			}
			x.Sector = model.SectorOf(x.Field)
			if pt.Status == "resolved" {
				x.Status, x.Closed = model.PetitionResolved, max(r+5, p.From)
			}
			f.petitions = append(f.petitions, x)
		}
	}
	return f
}

// TestReferenceReports rebuilds each reference report's office from the
// fixture written from its numbers and checks that the summary and its
// prose give the report's figures for the report's period and window, and
// that every identity and national check row holds.
func TestReferenceReports(t *testing.T) {
	files, err := filepath.Glob("testdata/reference/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var ref referenceOffice
			if err := json.Unmarshal(b, &ref); err != nil {
				t.Fatal(err)
			}
			office := model.DefaultOffice()
			office.Name, office.Place = ref.Office, ref.Place
			if ref.GroupThreshold > 0 {
				office.GroupThreshold = ref.GroupThreshold
			}
			check := func(period string, window string, f *facts, expect []string) {
				t.Helper()
				p, err := model.ParsePeriod(period)
				if err != nil {
					t.Fatal(err)
				}
				if w, ok := model.ParseWindow(window); ok {
					p = office.Official(p, w)
				}
				sum, err := report.Compute(f, office, p, model.NewDate(2030, 1, 1))
				if err != nil {
					t.Fatal(err)
				}
				if err := sum.Check(); err != nil {
					t.Errorf("%s: %v", period, err)
				}
				mustContain(t, strings.Join(sum.Prose(vi), "\n"), expect...)
			}
			p, err := model.ParsePeriod(ref.Period)
			if err != nil {
				t.Fatal(err)
			}
			check(ref.Period, ref.Window, ref.friendly(p, buildFacts(p, ref.Dossiers, ref.Sessions, ref.Visits, ref.Petitions)), ref.Expect)
			for _, extra := range ref.Periods {
				ep, err := model.ParsePeriod(extra.Period)
				if err != nil {
					t.Fatal(err)
				}
				check(extra.Period, ref.Window, buildFacts(ep, nil, extra.Sessions, extra.Visits, extra.Petitions), extra.Expect)
			}
		})
	}
}

// friendly adds the fixture's letters, dialogues, surveys and online
// service to f.
func (ref *referenceOffice) friendly(p model.Period, f *facts) *facts {
	f.procs = []model.ProcedureFacts{{ID: 1, Name: "Thủ tục", Online: model.OnlineLevel(ref.Online)}}
	for i := range f.dossiers {
		f.dossiers[i].ProcedureID, f.dossiers[i].InSystem = 1, ref.InSystem
	}
	i := 0
	for _, k := range model.LetterKinds() {
		for range ref.Letters[string(k)] {
			f.letters = append(f.letters, model.LetterFacts{Date: spread(p, i), Kind: k})
			i++
		}
	}
	for _, d := range ref.Dialogues {
		for range d.Count {
			i++
			f.dialogues = append(f.dialogues, model.DialogueFacts{ID: uint64(i), Date: spread(p, i), Scheduled: d.Scheduled,
				With: model.DialogueWith(d.With), Presiding: d.Presiding, Attendees: d.Attendees, Answered: d.Answered,
				TakenAway: d.Away, Field: model.FieldOther})
		}
	}
	for _, s := range ref.Surveys {
		f.surveys = append(f.surveys, model.SurveyFacts{Date: spread(p, 1), Source: model.SurveyPaper, HandedOut: s.HandedOut,
			Returned: s.Returned, VerySatisfied: s.Very, Satisfied: s.Satisfied, Unsatis: s.Unsatisfied})
	}
	return f
}
