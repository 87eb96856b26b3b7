package report

import (
	"sort"

	"github.com/tiepdan/tiepdan/model"
)

// Friendly is what the reports count besides the three registers (the
// "friendly government" model): dialogue conferences, satisfaction, the
// letters sent, online service, and what citizens raised.
type Friendly struct {
	Dialogues    DialogueSummary
	Satisfaction SatisfactionSummary
	Letters      []KeyCount // every letter kind, in order
	Online       OnlineSummary
	Topics       TopicSummary
}

// DialogueSummary counts the dialogue conferences held in the period.
// Raised = Answered + TakenAway; Total = Scheduled + Adhoc = the sum of
// ByWith.
type DialogueSummary struct {
	Total, Scheduled, Adhoc int
	ByWith                  []KeyCount // every kind, in order
	ByPresiding             []KeyCount // by name, most first
	Attendees               int
	Raised                  int
	Answered, TakenAway     int
	// Follow-ups promised at the conferences of the period: done by AsOf,
	// still open, and of those open, past their due date.
	FollowUps, FollowUpsDone, FollowUpsOpen, FollowUpsLate int
}

// Levels counts ratings by level. Rated = Very + Satisfied + Unsatisfied.
type Levels struct {
	Very, Satisfied, Unsatisfied int
}

// Rated is every rating that gave a level.
func (l Levels) Rated() int { return l.Very + l.Satisfied + l.Unsatisfied }

// SatisfiedShare is "hài lòng trở lên" over the ratings given, never over
// what was not rated.
func (l Levels) SatisfiedShare() Share { return Share{Num: l.Very + l.Satisfied, Den: l.Rated()} }

func (l *Levels) add(o Levels) {
	l.Very, l.Satisfied, l.Unsatisfied = l.Very+o.Very, l.Satisfied+o.Satisfied, l.Unsatisfied+o.Unsatisfied
}

// SatisfactionSummary counts the ratings given at the desk when results
// were handed back in the period, and the survey batches of the period.
// Desk.Rated + Declined + NotAsked = HandedBack; Survey.Rated + NotRated
// = Returned; All = Desk + Survey.
type SatisfactionSummary struct {
	HandedBack, Declined, NotAsked int
	Desk                           Levels
	Batches, HandedOut, Returned   int
	NotRated                       int
	Survey                         Levels
	All                            Levels
}

// OnlineSummary is online service on the dossiers received in the period.
// Offered = OfferedFull + OfferedPartial; OfferedOnline counts those of
// Offered that came in online.
type OnlineSummary struct {
	Received, InSystem                   int
	Offered, OfferedFull, OfferedPartial int
	OfferedOnline                        int
	ProceduresFull, ProceduresPartial    int // catalogue entries offered online at the period's end
}

// AllInSystem reports whether every dossier received was received on the
// electronic one-stop system (and there was at least one).
func (o OnlineSummary) AllInSystem() bool { return o.Received > 0 && o.InSystem == o.Received }

// OnlineShare is the dossiers received online among those whose procedure
// was offered online.
func (o OnlineSummary) OnlineShare() Share { return Share{Num: o.OfferedOnline, Den: o.Offered} }

// TopicRow is how often a field came up: visits, petitions received and
// dialogue conferences about it.
type TopicRow struct {
	Key                          string
	Visits, Petitions, Dialogues int
}

// Total is every time the field came up.
func (t TopicRow) Total() int { return t.Visits + t.Petitions + t.Dialogues }

// CaseCount is a case and how many visits raised it in the period.
type CaseCount struct {
	ID     uint64
	Visits int
}

// TopicSummary is what citizens raised: the fields that came up most, and
// the cases they came back about most often in the period.
type TopicSummary struct {
	ByField  []TopicRow // most first; fields that never came up left out
	Repeated []CaseCount
	// Oldest are the cases still open at the period's end that were
	// opened longest ago ("vụ việc phức tạp, kéo dài").
	Oldest []model.OpenCaseFacts
}

// friendlyAcc accumulates the Friendly part of a summary.
type friendlyAcc struct {
	s         *Summary
	procs     map[uint64]model.ProcedureFacts
	byName    map[string]model.ProcedureFacts
	with      map[string]int
	presiding map[string]int
	letters   map[string]int
	topics    map[string]*TopicRow
	caseVisit map[uint64]int
}

func newFriendlyAcc(s *Summary) *friendlyAcc {
	return &friendlyAcc{s: s, procs: map[uint64]model.ProcedureFacts{}, byName: map[string]model.ProcedureFacts{},
		with: map[string]int{}, presiding: map[string]int{}, letters: map[string]int{},
		topics: map[string]*TopicRow{}, caseVisit: map[uint64]int{}}
}

func (a *friendlyAcc) topic(f model.Field) *TopicRow {
	t := a.topics[string(f)]
	if t == nil {
		t = &TopicRow{Key: string(f)}
		a.topics[string(f)] = t
	}
	return t
}

func (a *friendlyAcc) procedure(p model.ProcedureFacts) error {
	a.procs[p.ID] = p
	a.byName[p.Name] = p
	switch p.Online {
	case model.OnlineFull:
		if p.OnlineFrom.IsZero() || p.OnlineFrom <= a.s.AsOf {
			a.s.Friendly.Online.ProceduresFull++
		}
	case model.OnlinePartial:
		if p.OnlineFrom.IsZero() || p.OnlineFrom <= a.s.AsOf {
			a.s.Friendly.Online.ProceduresPartial++
		}
	}
	return nil
}

func (a *friendlyAcc) dialogue(f model.DialogueFacts) error {
	if !a.s.Period.Contains(f.Date) {
		return nil
	}
	d := &a.s.Friendly.Dialogues
	d.Total++
	if f.Scheduled {
		d.Scheduled++
	} else {
		d.Adhoc++
	}
	a.with[string(f.With)]++
	a.presiding[f.Presiding]++
	d.Attendees += f.Attendees
	d.Answered += f.Answered
	d.TakenAway += f.TakenAway
	if !f.FollowUpDue.IsZero() {
		d.FollowUps++
		switch {
		case !f.FollowUpDone.IsZero() && f.FollowUpDone <= a.s.AsOf:
			d.FollowUpsDone++
		default:
			d.FollowUpsOpen++
			if f.FollowUpDue < a.s.AsOf {
				d.FollowUpsLate++
			}
		}
	}
	if f.Field != "" {
		a.topic(f.Field).Dialogues++
	}
	return nil
}

func (a *friendlyAcc) survey(f model.SurveyFacts) error {
	if !a.s.Period.Contains(f.Date) {
		return nil
	}
	s := &a.s.Friendly.Satisfaction
	s.Batches++
	s.HandedOut += f.HandedOut
	s.Returned += f.Returned
	l := Levels{Very: f.VerySatisfied, Satisfied: f.Satisfied, Unsatisfied: f.Unsatis}
	s.Survey.add(l)
	s.NotRated += f.Returned - l.Rated()
	return nil
}

// oldCase keeps an old open case when it was opened before the period:
// a case opened in the period is not yet "kéo dài".
func (a *friendlyAcc) oldCase(f model.OpenCaseFacts) error {
	if f.Opened < a.s.Period.From {
		a.s.Friendly.Topics.Oldest = append(a.s.Friendly.Topics.Oldest, f)
	}
	return nil
}

func (a *friendlyAcc) letter(f model.LetterFacts) error {
	if !a.s.Period.Contains(f.Date) {
		return nil
	}
	a.letters[string(f.Kind)]++
	return nil
}

// dossier counts a dossier's rating (when its result was handed back in
// the period) and, when received in the period, its online service.
func (a *friendlyAcc) dossier(f model.DossierFacts) {
	p := a.s.Period
	if !f.Returned.IsZero() && f.Returned >= p.From && f.Returned <= a.s.AsOf {
		s := &a.s.Friendly.Satisfaction
		s.HandedBack++
		switch f.Rating {
		case model.RatingVery:
			s.Desk.Very++
		case model.RatingSatisfied:
			s.Desk.Satisfied++
		case model.RatingUnsatisfied:
			s.Desk.Unsatisfied++
		case model.RatingNone:
			s.Declined++
		default:
			s.NotAsked++
		}
	}
	if !p.Contains(f.Received) {
		return
	}
	o := &a.s.Friendly.Online
	o.Received++
	if f.InSystem {
		o.InSystem++
	}
	proc, ok := a.procs[f.ProcedureID]
	if !ok || f.ProcedureID == 0 {
		proc, ok = a.byName[f.Procedure]
	}
	if !ok {
		return
	}
	pr := model.Procedure{Online: proc.Online, OnlineFrom: proc.OnlineFrom}
	switch pr.OnlineOn(f.Received) {
	case model.OnlineFull:
		o.Offered++
		o.OfferedFull++
	case model.OnlinePartial:
		o.Offered++
		o.OfferedPartial++
	default:
		return
	}
	if f.Channel == model.ChannelOnline {
		o.OfferedOnline++
	}
}

func (a *friendlyAcc) reception(f model.ReceptionFacts) {
	if !a.s.Period.Contains(f.Date) {
		return
	}
	a.topic(f.Field).Visits++
	for _, id := range f.CaseIDs {
		a.caseVisit[id]++
	}
}

func (a *friendlyAcc) petition(f model.PetitionFacts) {
	if a.s.Period.Contains(f.Received) {
		a.topic(f.Field).Petitions++
	}
}

func sortedCounts(m map[string]int) []KeyCount {
	out := make([]KeyCount, 0, len(m))
	for k, v := range m {
		out = append(out, KeyCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// maxRepeated is how many repeated cases the topic summary names.
const maxRepeated = 5

func (a *friendlyAcc) finish() {
	f := &a.s.Friendly
	d := &f.Dialogues
	d.Raised = d.Answered + d.TakenAway
	for _, w := range model.DialogueWiths() {
		d.ByWith = append(d.ByWith, KeyCount{string(w), a.with[string(w)]})
	}
	d.ByPresiding = sortedCounts(a.presiding)
	for _, k := range model.LetterKinds() {
		f.Letters = append(f.Letters, KeyCount{string(k), a.letters[string(k)]})
	}
	s := &f.Satisfaction
	s.All = s.Desk
	s.All.add(s.Survey)
	for _, t := range a.topics {
		if t.Total() > 0 {
			f.Topics.ByField = append(f.Topics.ByField, *t)
		}
	}
	sort.Slice(f.Topics.ByField, func(i, j int) bool {
		x, y := f.Topics.ByField[i], f.Topics.ByField[j]
		if x.Total() != y.Total() {
			return x.Total() > y.Total()
		}
		return x.Key < y.Key
	})
	for id, n := range a.caseVisit {
		if n > 1 {
			f.Topics.Repeated = append(f.Topics.Repeated, CaseCount{ID: id, Visits: n})
		}
	}
	sort.Slice(f.Topics.Repeated, func(i, j int) bool {
		x, y := f.Topics.Repeated[i], f.Topics.Repeated[j]
		if x.Visits != y.Visits {
			return x.Visits > y.Visits
		}
		return x.ID < y.ID
	})
	if len(f.Topics.Repeated) > maxRepeated {
		f.Topics.Repeated = f.Topics.Repeated[:maxRepeated]
	}
}
