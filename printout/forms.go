package printout

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/report"
)

// Context is what every form takes from outside its record: the office's
// settings (name, place, signer, where results are collected), the
// catalogue, the date printed beside the place and the staff member who
// prints (the receiving clerk on a slip).
type Context struct {
	Office model.Office
	Cat    *i18n.Catalog
	Today  model.Date
	// At is when the documents are made, printed in the PDF's creation
	// date (zero: the start of Today).
	At    time.Time
	Clerk string
	// StaffName gives a staff member's full name by username ("" when the
	// username is no staff member's, such as the PC's own user).
	StaffName func(username string) string
}

func (x Context) made() time.Time {
	if !x.At.IsZero() {
		return x.At
	}
	return x.Today.Time()
}

func (x Context) t(key string, args ...any) string { return x.Cat.T(key, args...) }

func (x Context) placeDate(d model.Date) string {
	y, m, day := d.YMD()
	dd, mm := vntext.DayMonth(day, int(m))
	return x.t("rpt.place_date", x.Office.Place, dd, mm, y)
}

func (x Context) doc(size Size, title string, on model.Date) Doc {
	d := Doc{Lang: string(x.Cat.Lang()), Size: size, Superior: x.Office.Superior, Office: x.Office.Name,
		Nation: x.t("rpt.nation"), Motto: x.t("rpt.motto"), PlaceDate: x.placeDate(on), Title: title, TextWidth: 66,
		Made: x.made()}
	if size == A4Landscape {
		d.TextWidth = 150
	}
	return d
}

func (x Context) resultPlace() string {
	if x.Office.ResultPlace != "" {
		return x.Office.ResultPlace
	}
	return x.t("print.unit_onestop_of", x.Office.Name)
}

// clock is "16 giờ 00 phút, ngày 13/02/2026".
func (x Context) clock(t time.Time, d model.Date) string {
	t = t.In(model.VN)
	return x.t("print.clock", t.Hour(), t.Minute(), d.String())
}

// returnClock is the time of day a result is collected on d: the receipt's
// clock time brought into the office's hours ("13 giờ 30 phút" for a
// dossier received at 12:10).
func (x Context) returnClock(received time.Time, d model.Date) string {
	t := received.In(model.VN)
	m := model.InHours(x.Office.Hours(), t.Hour()*60+t.Minute())
	return x.t("print.clock", m/60, m%60, d.String())
}

// receiver is the full name of the staff member who received dossier d,
// as the slip prints it; blank (signed and written by hand) when the
// dossier was entered under a name that is no staff member's.
func (x Context) receiver(d model.Dossier) string {
	if x.StaffName == nil {
		return ""
	}
	return x.StaffName(d.CreatedBy)
}

func stem(prefix, code string) string {
	code = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '_'
	}, code)
	return prefix + "-" + code
}

// Slip is the appointment slip of dossier d for applicant a (Giấy tiếp
// nhận hồ sơ và hẹn trả kết quả, A5): code, applicant, procedure,
// documents received, working days, received and due date-time, where the
// result is collected, and the register volume and number. The due time
// of day is the receipt's brought into office hours; the receiver signs
// under the full name of the staff member who received the dossier.
func Slip(x Context, d model.Dossier, a model.Citizen) Doc {
	vol, no := d.RegisterNo()
	doc := x.doc(A5, x.t("print.slip_title"), d.Received())
	doc.Unit = x.t("print.unit_onestop")
	number := fmt.Sprintf("%04d", no)
	if sym := strings.TrimLeft(strings.TrimSpace(x.Office.SlipSymbol), "/ "); sym != "" {
		number += "/" + sym
	}
	doc.Number = x.t("print.number", number)
	doc.Subtitle = []string{x.t("print.code", d.Code)}
	doc.FileStem = stem(x.t("print.stem_slip"), d.Code)
	doc.HTMLTitleExtra = d.Code
	docs := d.DocumentList()
	if len(docs) == 0 {
		docs = []string{x.t("print.no_documents")}
	}
	doc.Blocks = []Block{
		{Kind: Para, Text: x.t("print.slip_intro", x.Office.Name)},
		{Kind: Field, Text: x.t("print.applicant"), Value: a.FullName},
		{Kind: Field, Text: x.t("print.address"), Value: a.Address},
		{Kind: Field, Text: x.t("print.phone"), Value: a.Phone},
		{Kind: Field, Text: x.t("print.request"), Value: d.ProcedureName},
		{Kind: Field, Text: x.t("print.channel"), Value: x.Cat.Label("channel", string(d.Channel))},
		{Kind: List, Text: x.t("print.slip_docs"), Items: docs},
		{Kind: Field, Text: x.t("print.slip_days"), Value: x.t("print.working_days", vntext.Count(d.WorkingDays))},
		{Kind: Field, Text: x.t("print.slip_received"), Value: x.clock(d.ReceivedAt, d.Received())},
		{Kind: Field, Text: x.t("print.slip_due"), Value: x.returnClock(d.ReceivedAt, d.Due)},
		{Kind: Field, Text: x.t("print.slip_place"), Value: x.resultPlace()},
		{Kind: Para, Text: x.t("print.slip_register", vol, fmt.Sprintf("%04d", no))},
	}
	doc.Signs = []Sign{
		{Title: x.t("print.sign_applicant"), Note: x.t("print.sign_note"), Name: a.FullName},
		{Title: x.t("print.sign_receiver"), Note: x.t("print.sign_note"), Name: x.receiver(d)},
	}
	return doc
}

// ErrNoSupplement is returned for a request for supplements of a dossier
// that has none; ErrNoApology likewise for an apology.
var (
	ErrNoSupplement = errors.New("printout: the dossier has no request for supplements")
	ErrNoApology    = errors.New("printout: the dossier has no apology slip")
)

// SupplementRequest is the dossier's last request for supplements (Phiếu
// yêu cầu bổ sung, hoàn thiện hồ sơ, A5).
func SupplementRequest(x Context, d model.Dossier, a model.Citizen) (Doc, error) {
	if len(d.Supplements) == 0 {
		return Doc{}, ErrNoSupplement
	}
	s := d.Supplements[len(d.Supplements)-1]
	doc := x.doc(A5, x.t("print.supp_title"), s.Requested)
	doc.Unit = x.t("print.unit_onestop")
	doc.Subtitle = []string{x.t("print.code", d.Code)}
	doc.FileStem = stem(x.t("print.stem_supp"), d.Code)
	doc.HTMLTitleExtra = d.Code
	list := model.SplitItems(s.Items)
	doc.Blocks = []Block{
		{Kind: Field, Text: x.t("print.dossier_of"), Value: a.FullName},
		{Kind: Field, Text: x.t("print.address"), Value: a.Address},
		{Kind: Field, Text: x.t("print.request"), Value: d.ProcedureName},
		{Kind: Field, Text: x.t("print.received_on"), Value: x.clock(d.ReceivedAt, d.Received())},
		{Kind: List, Text: x.t("print.supp_items"), Items: list},
		{Kind: Para, Text: x.t("print.supp_pause", s.Requested.String())},
		{Kind: Para, Text: x.t("print.supp_contact", x.Clerk, x.resultPlace())},
	}
	doc.Signs = []Sign{{Title: x.t("print.sign_guide"), Note: x.t("print.sign_note"), Name: x.Clerk}}
	return doc, nil
}

func (x Context) signer() Sign {
	return Sign{For: x.t("rpt.signer_for"), Title: report.SignerTitle(x.Cat, x.Office.SignerTitle), Name: x.Office.SignerName}
}

// Apology is the dossier's last apology slip with the new appointment
// (Phiếu xin lỗi và hẹn lại ngày trả kết quả, A5), signed for the office.
func Apology(x Context, d model.Dossier, a model.Citizen) (Doc, error) {
	if len(d.Apologies) == 0 {
		return Doc{}, ErrNoApology
	}
	ap := d.Apologies[len(d.Apologies)-1]
	doc := x.doc(A5, x.t("print.apology_title"), ap.Issued)
	doc.Subtitle = []string{x.t("print.code", d.Code)}
	doc.FileStem = stem(x.t("print.stem_apology"), d.Code)
	doc.HTMLTitleExtra = d.Code
	doc.Blocks = []Block{
		{Kind: Para, Text: x.t("print.apology_1", d.Received().String(), x.Office.Name, a.FullName, d.ProcedureName, d.Code)},
		{Kind: Para, Text: x.t("print.apology_2", d.Due.String(), x.Office.Name, ap.Reason)},
		{Kind: Para, Text: x.t("print.apology_3", x.Office.Name, ap.NewDue.String())},
		{Kind: Para, Text: x.t("print.apology_4")},
	}
	doc.Signs = []Sign{x.signer()}
	return doc, nil
}

func (x Context) periodDoc(title string, p model.Period, stemKey string) Doc {
	doc := x.doc(A4Landscape, title, x.Today)
	doc.Subtitle = []string{vntext.UpperFirst(report.PeriodHeading(x.Cat, p))}
	if d := report.PeriodDates(x.Cat, p); d != "" {
		doc.Subtitle = append(doc.Subtitle, d)
	}
	doc.FileStem = x.t(stemKey) + "-" + p.From.ISO() + "-" + p.To.ISO()
	doc.HTMLTitleExtra = doc.Subtitle[0]
	return doc
}

// ReceptionRegister is the citizen reception register for period p (Sổ
// tiếp công dân, A4 landscape): one row per visit, oldest first. A
// denunciation's sender is never printed: the mask or "no identity kept",
// with the paper file.
func ReceptionRegister(x Context, p model.Period, visits []model.Reception, cits map[uint64]model.Citizen) Doc {
	doc := x.periodDoc(x.t("print.rreg_title"), p, "print.stem_rreg")
	cols := []Col{
		{x.t("print.col_no"), 4, 4}, {x.t("print.col_date"), 10, 8}, {x.t("print.col_name_addr"), 22, 15},
		{x.t("print.col_id"), 12, 9}, {x.t("print.col_content"), 28, 20}, {x.t("print.col_kind"), 12, 9},
		{x.t("print.col_before"), 10, 8}, {x.t("print.col_handling"), 14, 11}, {x.t("print.col_follow"), 12, 9},
		{x.t("print.col_note"), 10, 7},
	}
	rows := make([][]string, 0, len(visits))
	for i, r := range visits {
		c := cits[r.CitizenID]
		who, id := c.FullName, c.IDNumber
		if c.Address != "" {
			who += ", " + c.Address
		}
		if model.IsDenunciation(r.Content) {
			who, id = x.t("protect.none"), ""
			if r.Protected {
				who = model.Mask
			}
			if r.PaperRef != "" {
				who += " - " + x.t("print.paper", r.PaperRef)
			}
		}
		kind := x.Cat.Label("content", string(r.Content))
		if r.LandDispute {
			kind += "; " + x.t("print.land")
		}
		if r.HeadCount > 1 {
			kind += "; " + x.t("print.group", vntext.Count(r.HeadCount))
		}
		handling := x.Cat.Label("handling", string(r.Handling))
		if r.TransferredTo != "" {
			handling += ": " + r.TransferredTo
		}
		follow := ""
		if r.PetitionID != 0 {
			follow = x.t("print.follow_petition", r.PetitionID)
		}
		if !r.FollowUpDue.IsZero() {
			follow += " " + x.t("print.follow_due", r.FollowUpDue.String())
		}
		if !r.Replied.IsZero() {
			follow += " " + x.t("print.follow_done", r.Replied.String())
		}
		// the agency that dealt with the matter before, as recorded; a
		// return visit says so in the kind, not here
		if r.Matter == model.MatterRepeat {
			kind += "; " + x.Cat.Label("matter", string(r.Matter))
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), model.FormatDateTime(r.At), who, id, r.Summary, kind,
			r.HandledBefore, handling, strings.TrimSpace(follow), r.Note})
	}
	doc.Blocks = []Block{{Kind: Grid, Cols: cols, Rows: rows}}
	if len(rows) == 0 {
		doc.Blocks = append(doc.Blocks, Block{Kind: Para, Text: x.t("print.none_in_period")})
	}
	return doc
}

// DossierRegister is the dossier register for period p (Sổ theo dõi hồ
// sơ, A4 landscape): one row per dossier received, oldest first, with its
// appointment, result and return dates, and the requests for supplements
// and apology slips in the note.
func DossierRegister(x Context, p model.Period, ds []model.Dossier, cits map[uint64]model.Citizen) Doc {
	doc := x.periodDoc(x.t("print.dreg_title"), p, "print.stem_dreg")
	cols := []Col{
		{x.t("print.col_no"), 4, 3}, {x.t("print.col_code"), 14, 9}, {x.t("print.col_procedure"), 18, 14},
		{x.t("print.col_applicant"), 20, 15}, {x.t("print.col_received"), 10, 7}, {x.t("print.col_due"), 10, 7},
		{x.t("print.col_forwarded"), 12, 10}, {x.t("print.col_result"), 10, 7}, {x.t("print.col_returned"), 10, 7},
		{x.t("print.col_signed"), 8, 8}, {x.t("print.col_note"), 14, 13},
	}
	rows := make([][]string, 0, len(ds))
	for i, d := range ds {
		c := cits[d.ApplicantID]
		who := c.FullName
		for _, s := range []string{c.Address, c.Phone} {
			if s != "" {
				who += ", " + s
			}
		}
		var note []string
		if d.Status.Done() && !d.Resolved.IsZero() {
			note = append(note, x.Cat.Label("timeliness", string(model.TimelinessOf(d.Resolved, d.Due))))
		} else {
			note = append(note, x.Cat.Label("dstatus", string(d.Status)))
		}
		for _, s := range d.Supplements {
			n := x.t("print.note_supp", s.Requested.String())
			if !s.Resumed.IsZero() {
				n += x.t("print.note_resumed", s.Resumed.String())
			}
			note = append(note, n)
		}
		for _, a := range d.Apologies {
			note = append(note, x.t("print.note_apology", a.Issued.String(), a.NewDue.String()))
		}
		fwd := d.ForwardedTo
		if !d.ForwardedOn.IsZero() {
			fwd = strings.TrimPrefix(fwd+", "+d.ForwardedOn.String(), ", ")
		}
		// "Ký nhận" stays blank: the applicant signs it on paper
		rows = append(rows, []string{fmt.Sprint(i + 1), d.Code, d.ProcedureName, who, model.FormatDateTime(d.ReceivedAt),
			d.Due.String(), fwd, d.Resolved.String(), d.Returned.String(), "", strings.Join(note, "; ")})
	}
	doc.Blocks = []Block{{Kind: Grid, Cols: cols, Rows: rows}}
	if len(rows) == 0 {
		doc.Blocks = append(doc.Blocks, Block{Kind: Para, Text: x.t("print.none_in_period")})
	}
	return doc
}
