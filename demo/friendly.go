package demo

import (
	"fmt"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

// The demo office's "friendly government" records: procedures offered
// online from a date, dialogue conferences each quarter (and the youth's
// each March), a satisfaction survey each half year, ratings when results
// are handed back, and the letters the catalogue calls for.

// onlineCatalogue offers the civil status and certification procedures
// partly online from the second year of the span (halfway through a span
// of one year), and every third of them fully online a year later (or
// halfway through what is left).
func onlineCatalogue(db *storage.DB, first, last model.Date) ([]model.Procedure, error) {
	s := db.For(Actor)
	procs, err := s.Procedures()
	if err != nil {
		return nil, err
	}
	from := first.AddDays(min(365, int(last-first)/2))
	full := from.AddDays(min(365, int(last-from)/2))
	for i := range procs {
		p := &procs[i]
		if p.Online != model.OnlineNone || p.Field != model.FieldCivilStatus && p.Field != model.FieldCertification {
			continue
		}
		p.Online, p.OnlineFrom = model.OnlinePartial, from
		if i%3 == 0 {
			p.Online, p.OnlineFrom = model.OnlineFull, full
		}
		if err := s.SaveProcedure(p); err != nil {
			return nil, err
		}
	}
	return procs, nil
}

// handback gives a dossier handed back its electronic-system flag and,
// most times, the applicant's rating; a late one is rated lower.
func (g *gen) handback(x *model.Dossier, late bool) {
	if x.Returned.IsZero() || !g.chance(0.75) {
		return
	}
	c := g.r.Float64()
	if late {
		c += 0.3
	}
	switch {
	case c < 0.55:
		x.Rating = model.RatingVery
	case c < 0.93:
		x.Rating = model.RatingSatisfied
	case c < 0.97:
		x.Rating = model.RatingNone
	default:
		x.Rating = model.RatingUnsatisfied
	}
}

// letters sends what dossier x calls for: its procedure's letter when the
// result is handed back, and now and then an apology letter with a late
// one.
func (g *gen) letters(x *model.Dossier, proc model.Procedure, cit citizenInfo) error {
	send := func(k model.LetterKind, on model.Date) error {
		if on.IsZero() || on >= g.today {
			return nil
		}
		l := model.Letter{Date: on, LetterKind: k, Recipient: "Gia đình ông (bà) " + cit.name, Address: cit.address,
			Occasion: x.ProcedureName, DossierID: x.ID}
		l.CreatedAt = on.Time().Add(10 * time.Hour)
		if err := g.l.Add(&l); err != nil {
			return fmt.Errorf("letter: %w", err)
		}
		g.st.Letters++
		return nil
	}
	if proc.Letter != "" && !x.Returned.IsZero() && g.chance(0.9) {
		if err := send(proc.Letter, x.Returned); err != nil {
			return err
		}
	}
	if len(x.Apologies) > 0 && g.chance(0.3) {
		return send(model.LetterApology, x.Apologies[0].Issued)
	}
	return nil
}

var dialoguePlaces = []string{"Nhà văn hóa thôn Đông", "Nhà văn hóa thôn Tây", "Hội trường UBND xã", "Nhà văn hóa thôn Bắc",
	"Nhà văn hóa thôn Nam"}

var dialogueMatters = []struct {
	text  string
	field model.Field
}{
	{"Đường giao thông nội đồng xuống cấp, đề nghị bê tông hóa", model.FieldConstruction},
	{"Cấp giấy chứng nhận quyền sử dụng đất còn chậm", model.FieldLand},
	{"Ô nhiễm mùi từ trại chăn nuôi gần khu dân cư", model.FieldEnvironment},
	{"Chính sách hỗ trợ hộ cận nghèo, bảo hiểm y tế", model.FieldSocialPolicy},
	{"Hỗ trợ vay vốn cho thanh niên khởi nghiệp", model.FieldSocialPolicy},
	{"Giá bồi thường, hỗ trợ khi giải phóng mặt bằng", model.FieldLand},
}

// friendlyDay records what day d brings: a dialogue conference on the
// second Tuesday of each quarter's middle month, the youth's in March, now
// and then an ad hoc one; a survey batch on 15 June and 10 December.
func (g *gen) friendlyDay(d model.Date) error {
	y, m, day := d.YMD()
	if d.Weekday() == time.Tuesday && day > 7 && day <= 14 && m%3 == 2 {
		if err := g.dialogue(d, true, model.WithVillage); err != nil {
			return err
		}
	}
	if m == 3 && day == 24 {
		if err := g.dialogue(d, true, model.WithYouth); err != nil {
			return err
		}
	}
	if d.Weekday() == time.Thursday && g.chance(0.01) {
		if err := g.dialogue(d, false, model.WithClearance); err != nil {
			return err
		}
	}
	if m == 6 && day == 15 || m == 12 && day == 10 {
		out := 50 + g.r.Intn(51)
		ret := out * (80 + g.r.Intn(16)) / 100
		un := g.r.Intn(3)
		none := g.r.Intn(3)
		very := (ret - un - none) * (45 + g.r.Intn(20)) / 100
		s := model.Survey{Date: d, Medium: model.SurveyPaper, Subject: fmt.Sprintf("Bộ phận một cửa, %s năm %d",
			map[bool]string{true: "6 tháng đầu", false: "6 tháng cuối"}[m == 6], y), FormsOut: out, FormsReturned: ret,
			VerySatisfied: very, Satisfied: ret - un - none - very, Unsatisfied: un}
		s.CreatedAt = d.Time().Add(16 * time.Hour)
		if err := g.l.Add(&s); err != nil {
			return fmt.Errorf("survey: %w", err)
		}
		g.st.Surveys++
	}
	return nil
}

func (g *gen) dialogue(d model.Date, scheduled bool, with model.DialogueWith) error {
	m := dialogueMatters[g.r.Intn(len(dialogueMatters))]
	if with == model.WithYouth {
		m = dialogueMatters[4]
	}
	x := model.Dialogue{Date: d, Scheduled: scheduled, With: with, Place: g.pick(dialoguePlaces), Presiding: officials[0],
		Attendees: 40 + g.r.Intn(110), Matters: m.text, Field: m.field, Answered: 2 + g.r.Intn(8), TakenAway: g.r.Intn(4)}
	if !scheduled {
		x.Presiding = g.pick(officials)
	}
	if x.TakenAway > 0 {
		x.FollowUp, x.FollowUpDue = "Trả lời bằng văn bản các ý kiến tiếp thu", d.AddDays(15)
		if done := d.AddDays(5 + g.r.Intn(15)); done < g.today && g.chance(0.85) {
			x.FollowUpDone = done
		}
	}
	x.CreatedAt = d.Time().Add(15 * time.Hour)
	if err := g.l.Add(&x); err != nil {
		return fmt.Errorf("dialogue: %w", err)
	}
	g.st.Dialogues++
	return nil
}
