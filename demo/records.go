package demo

import (
	"fmt"
	"math"

	"github.com/tiepdan/tiepdan/model"
)

func sqrt(x float64) float64 { return math.Sqrt(x) }
func exp(x float64) float64  { return math.Exp(x) }

func (g *gen) reception(d model.Date, share float64, session uint64) error {
	cit, err := g.citizen(d, share)
	if err != nil {
		return err
	}
	topic := receptionTopics[g.r.Intn(len(receptionTopics))]
	r := model.Reception{At: g.at(d), RecKind: model.ReceptionRegular, CitizenID: cit, HeadCount: 1,
		Summary: topic.summary, Content: model.ContentKind(topic.kind), Field: model.Field(topic.field),
		Matter: model.MatterFirst, Handling: model.HandlingGuided, ReceivedBy: "Công chức Văn phòng"}
	if session != 0 && g.chance(0.6) {
		r.RecKind, r.SessionID, r.ReceivedBy = model.ReceptionInSession, session, ""
	}
	switch x := g.r.Float64(); {
	case x < 0.02:
		r.HeadCount = 5 + g.r.Intn(26)
	case x < 0.08:
		r.HeadCount = 2 + g.r.Intn(3)
	}
	r.LandDispute = r.Field == model.FieldLand && g.chance(0.4)
	if prev, ok := g.cases[cit]; ok && cit != 0 && g.chance(0.2) {
		r.CaseIDs = []uint64{prev} // the citizen comes back about the same matter
		if cit%2 == 0 {            // who dealt with it before (no draw: the rest of the data stays as it was)
			r.HandledBefore = handledBefore[int(cit/2)%len(handledBefore)]
		}
	}
	switch x := g.r.Float64(); {
	case x < 0.25:
		r.Handling, r.Written = model.HandlingAccepted, true
		r.FollowUpDue = g.cal.AddWorkingDays(d, 10)
	case x < 0.35:
		r.Handling, r.TransferredTo = model.HandlingTransferred, g.pick(transferTargets)
	case x < 0.42:
		r.Handling = model.HandlingReturned
	}
	if model.IsDenunciation(r.Content) { // the desk keeps the paper file, not the name
		r.CitizenID, r.PaperRef = 0, fmt.Sprintf("TC-%d", g.st.Receptions+1)
	}
	r.CreatedAt = r.At
	if err := g.l.Add(&r); err != nil {
		return fmt.Errorf("reception: %w", err)
	}
	if r.CitizenID != 0 {
		g.cases[r.CitizenID] = r.CaseIDs[0]
	}
	g.st.Receptions++
	return nil
}

func (g *gen) petition(d model.Date, share float64) error {
	p := model.Petition{Received: d, Eligibility: model.EligibilityEligible,
		InJurisdiction: true, Status: model.PetitionHandling, Due: g.cal.AddWorkingDays(d, 10)}
	p.Source = []model.PetitionSource{model.SourceReception, model.SourcePost, model.SourceHigherLevel,
		model.SourceByHand, model.SourceBox}[g.r.Intn(5)]
	topic := receptionTopics[g.r.Intn(len(receptionTopics))]
	p.Summary, p.Field, p.Content = "Đơn: "+topic.summary, model.Field(topic.field), model.ContentKind(topic.kind)
	p.LandDispute = p.Field == model.FieldLand && g.chance(0.5)
	if g.chance(0.04) {
		p.Eligibility = model.EligibilityAnonymous
	} else {
		cit, err := g.citizen(d, share)
		if err != nil {
			return err
		}
		p.CitizenID = cit
		if g.chance(0.05) {
			p.Eligibility = model.EligibilityDuplicate
		}
	}
	if g.chance(0.1) {
		p.CoSigners = 1 + g.r.Intn(20)
	}
	age := int(g.today - d)
	if age > 20 || g.chance(float64(age)/25) {
		g.closePetition(&p, d)
	}
	if model.IsDenunciation(p.Content) {
		p.CitizenID, p.PaperRef = 0, fmt.Sprintf("ĐTC-%d", g.st.Petitions+1)
	}
	p.CreatedAt = g.at(d)
	if err := g.l.Add(&p); err != nil {
		return fmt.Errorf("petition: %w", err)
	}
	g.st.Petitions++
	return nil
}

func (g *gen) closePetition(p *model.Petition, d model.Date) {
	done := g.cal.AddWorkingDays(d, 1+g.r.Intn(40))
	if done >= g.today {
		done = g.today.AddDays(-1)
	}
	if done < d {
		done = d
	}
	switch x := g.r.Float64(); {
	case x < 0.03: // still open and overdue
		return
	case x < 0.55:
		p.Status, p.Resolved = model.PetitionResolved, done
		if p.Content == model.ContentComplaint || p.Content == model.ContentDenunciation {
			p.Outcome = []model.Outcome{model.OutcomeRight, model.OutcomeWrong, model.OutcomePartly}[g.r.Intn(3)]
		}
	case x < 0.75:
		p.Status, p.Resolved, p.InJurisdiction = model.PetitionGuided, done, false
	case x < 0.9:
		p.Status, p.Resolved, p.InJurisdiction, p.TransferredTo = model.PetitionTransferred, done, false, g.pick(transferTargets)
	case x < 0.93:
		p.Status, p.Resolved = model.PetitionWithdrawn, done
	default:
		p.Status = model.PetitionArchived
	}
}

func (g *gen) dossier(d model.Date, share float64, weekend bool) error {
	cit, err := g.citizen(d, share)
	if err != nil {
		return err
	}
	proc := g.procs[g.r.Intn(len(g.procs))]
	if g.chance(0.6) { // civil status and certification dominate a commune's desk
		proc = g.procs[g.r.Intn(min(len(g.procs), 9))]
	}
	at := g.at(d)
	x := model.Dossier{ProcedureID: proc.ID, ProcedureName: proc.Name, Field: proc.Field, WorkingDays: proc.WorkingDays,
		ApplicantID: cit, Channel: model.ChannelDirect, ReceivedAt: at, Status: model.DossierInProgress}
	// the electronic one-stop system: every dossier in the last two years,
	// most before
	x.InSystem = d >= g.today.AddDays(-730) || g.chance(0.9)
	switch c := g.r.Float64(); {
	case weekend || c < 0.43:
		x.Channel = model.ChannelOnline
	case c < 0.45:
		x.Channel = model.ChannelPostal
	case c < 0.452:
		x.Channel = model.ChannelPost
	}
	x.Due = g.cal.DossierDue(at, proc.WorkingDays, 15)
	if proc.Field == model.FieldLand || proc.Field == model.FieldConstruction {
		// the one-stop desk sends it on to the body that resolves it
		x.ForwardedTo, x.ForwardedOn = forwardTargets[proc.Field], min(d.AddDays(1), g.today)
	}
	if x.Due < g.today {
		g.closeDossier(&x, d)
		g.handback(&x, x.Resolved > x.Due || len(x.Apologies) > 0)
	} else if g.chance(0.3) && d < g.today.AddDays(-1) {
		x.Status, x.Resolved = model.DossierResolved, d.AddDays(1)
	}
	year, _, _ := d.YMD()
	g.countYear(year)
	x.Code = fmt.Sprintf("QT-%s-%04d", at.In(model.VN).Format("060102"), g.yearSeq)
	x.CreatedAt = at
	if err := g.l.Add(&x); err != nil {
		return fmt.Errorf("dossier: %w", err)
	}
	g.st.Dossiers++
	return g.letters(&x, proc, g.info[cit])
}

func (g *gen) countYear(year int) {
	if year != g.seqYear {
		g.seqYear, g.yearSeq = year, 0
	}
	g.yearSeq++
}

func (g *gen) closeDossier(x *model.Dossier, d model.Date) {
	received := d
	var done model.Date
	switch c := g.r.Float64(); {
	case c < 0.004: // forgotten: still in progress, late
		return
	case c < 0.01:
		x.Status, x.Resolved = model.DossierRejected, received
		return
	case c < 0.016:
		x.Status, x.Resolved = model.DossierWithdrawn, received
		return
	case c < 0.05:
		x.Status, x.SupplementItems = model.DossierSupplement, "Bản sao giấy tờ tùy thân có chứng thực"
		if x.Due > g.today.AddDays(-30) {
			return
		}
		fallthrough
	case c < 0.10: // late
		done = g.cal.AddWorkingDays(x.Due, 1+g.r.Intn(5))
		x.Apologies = []model.Apology{{Issued: x.Due.AddDays(-1), NewDue: done, Reason: "Cần xác minh thêm"}}
	case c < 0.22:
		done = x.Due
	default:
		done = received
		if x.Due > received {
			done = received.AddDays(g.r.Intn(int(x.Due - received)))
		}
	}
	if done < received {
		done = received
	}
	if done >= g.today {
		done = g.today.AddDays(-1)
	}
	x.Status, x.Resolved = model.DossierResolved, done
	if g.chance(0.8) {
		x.Status, x.Returned = model.DossierReturned, done
	}
}
