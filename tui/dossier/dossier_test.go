package dossier_test

import (
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/internal/tuitest"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/report"
)

func october(t *testing.T, d *tuitest.Driver) *report.Summary {
	t.Helper()
	s := d.DB.For("x")
	off, _ := s.Office()
	p, _ := model.ParsePeriod("2026-10")
	sum, err := report.Compute(s, off, p, model.DateOf(tuitest.Now))
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// A dossier whose procedure calls for a letter offers it as soon as it is
// recorded: the form comes prefilled, saving prints it and the summary
// counts it.
func TestNewDossierOffersItsLetter(t *testing.T) {
	d := tuitest.New(t)
	s := d.DB.For("x")
	// a new office's catalogue: marriage registration calls for a
	// congratulation letter
	procs, _ := s.Procedures()
	var p model.Procedure
	for _, x := range procs {
		if x.Name == "Đăng ký kết hôn" {
			p = x
		}
	}
	if p.Letter != model.LetterCongrat {
		t.Fatalf("the catalogue's marriage registration calls for %q", p.Letter)
	}
	c := model.Citizen{FullName: "Lê Văn Tám", Address: "Thôn Đông"}
	if err := s.SaveCitizen(&c); err != nil {
		t.Fatal(err)
	}
	d.Key(tea.KeyF5, 1)
	d.Key(tea.KeyCtrlN, 1)
	d.Type("ket hon")
	d.Key(tea.KeyEnter, 1)
	d.ExpectLine("Thủ tục", "Đăng ký kết hôn")
	d.ExpectLine("▸ Người nộp") // picked: on to the applicant
	d.Key(tea.KeyEnter, 1)      // the applicant picker
	d.Type("le van tam")
	d.Expect("Lê Văn Tám")
	d.Key(tea.KeyEnter, 1)
	d.ExpectLine("Người nộp", "Lê Văn Tám")
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.Expect("Thư mới (lưu là in)")
	d.ExpectLine("Loại thư", "Thư chúc mừng")
	d.ExpectLine("Kính gửi", "Gia đình ông (bà) Lê Văn Tám")
	d.ExpectLine("Nhân dịp", "Đăng ký kết hôn")
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.Expect("Đã ghi")
	if files, _ := filepath.Glob(filepath.Join(d.C.ExportDir, "thu-*.pdf")); len(files) != 1 {
		t.Fatalf("letter printed: %v", files)
	}
	if l := october(t, d).Friendly.Letters; l[0].Key != "congrat" || l[0].N != 1 {
		t.Fatalf("letters: %+v", l)
	}
}

// Handing a result back asks for the citizen's rating, late or not; one
// letter picks it; the summary counts it over the ratings given.
func TestHandbackAsksTheRating(t *testing.T) {
	d := tuitest.New(t)
	s := d.DB.For("x")
	c := model.Citizen{FullName: "Đỗ Thị Mai"}
	if err := s.SaveCitizen(&c); err != nil {
		t.Fatal(err)
	}
	p := model.Procedure{Name: "Chứng thực bản sao", Field: model.FieldCertification, WorkingDays: 1}
	if err := s.SaveProcedure(&p); err != nil {
		t.Fatal(err)
	}
	received := model.NewDate(2026, 10, 5).Time().Add(9 * time.Hour)
	x := model.Dossier{ProcedureID: p.ID, ProcedureName: "Chứng thực bản sao", Field: model.FieldCertification, WorkingDays: 1, ApplicantID: c.ID,
		Channel: model.ChannelDirect, ReceivedAt: received, Due: model.NewDate(2026, 10, 6), Status: model.DossierResolved,
		Resolved: model.NewDate(2026, 10, 20), DueReason: "Hẹn thử"} // late
	if err := s.SaveDossier(&x); err != nil {
		t.Fatal(err)
	}
	d.Key(tea.KeyF5, 1)
	d.Key(tea.KeyEnter, 1)
	d.Key(tea.KeyCtrlE, 1)
	d.Key(tea.KeyTab, 13)
	d.ExpectLine("▸ Ngày trả kết quả")
	d.Type("21/10/2026")
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.Expect("hỏi mức độ hài lòng của người dân")
	if got, _ := s.Dossier(x.ID); !got.Returned.IsZero() {
		t.Fatal("saved before the rating was asked")
	}
	d.Key(tea.KeyTab, 1)
	d.ExpectLine("▸ Mức độ hài lòng")
	d.Type("c") // Chưa hài lòng
	d.ExpectLine("Mức độ hài lòng", "Chưa hài lòng")
	d.Send(tea.KeyMsg{Type: tea.KeyF2})
	d.ExpectLine("Mức độ hài lòng", "Chưa hài lòng")
	st := october(t, d).Friendly.Satisfaction
	if st.HandedBack != 1 || st.Desk.Unsatisfied != 1 || st.Desk.Rated() != 1 {
		t.Fatalf("satisfaction: %+v", st)
	}
	if sh := st.All.SatisfiedShare(); sh.Num != 0 || sh.Den != 1 {
		t.Fatalf("share %+v", sh)
	}
}
