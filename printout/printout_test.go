package printout_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/printout"
	"github.com/tiepdan/tiepdan/report"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func ctx() printout.Context {
	return printout.Context{
		Office: model.Office{Name: "UBND xã Quang Trung", Superior: "UBND tỉnh Thanh Hóa", Place: "Quang Trung",
			SignerTitle: "Chủ tịch", SignerName: "Lê Văn Hùng",
			ResultPlace: "Bộ phận Một cửa UBND xã Quang Trung, số 5 đường Lê Lợi"},
		Cat: i18n.New(i18n.Vietnamese), Today: model.NewDate(2026, 11, 20), Clerk: "Nguyễn Thị Lan",
		StaffName: func(u string) string { return map[string]string{"lan": "Nguyễn Thị Lan"}[u] },
	}
}

var applicant = model.Citizen{Meta: model.Meta{ID: 1}, FullName: "Đỗ Thị Mai", Phone: "0912345678",
	Address: "Thôn Đông, xã Quang Trung", IDNumber: "038190001234"}

// The dossier of the issue: received Friday 13/02/2026 at 16:00 for a
// 3-working-day procedure, due Thursday 26/02/2026 after Tết.
func dossier() model.Dossier {
	return model.Dossier{Meta: model.Meta{ID: 7, CreatedBy: "lan"}, Code: "QT-260213-0042", ProcedureName: "Chứng thực bản sao từ bản chính",
		Field: model.FieldCertification, WorkingDays: 3, ApplicantID: 1, Channel: model.ChannelDirect,
		Documents:  "Bản chính giấy khai sinh; Bản sao cần chứng thực (02 bản)\nCăn cước công dân",
		ReceivedAt: time.Date(2026, 2, 13, 16, 0, 0, 0, model.VN), Due: model.NewDate(2026, 2, 26),
		Status: model.DossierInProgress,
		Supplements: []model.Supplement{{Requested: model.NewDate(2026, 2, 24),
			Items: "Bản chính giấy khai sinh có dấu giáp lai; Giấy ủy quyền có chứng thực"}},
		Apologies: []model.Apology{{Issued: model.NewDate(2026, 2, 25), NewDue: model.NewDate(2026, 3, 3),
			Reason: "Chờ xác minh chữ ký tại UBND xã Đông Hòa"}},
	}
}

func period() model.Period {
	return model.Period{From: model.NewDate(2026, 10, 1), To: model.NewDate(2026, 10, 31)}
}

func visits() ([]model.Reception, map[uint64]model.Citizen) {
	cits := map[uint64]model.Citizen{1: applicant,
		2: {Meta: model.Meta{ID: 2}, FullName: "Trần Văn Bình", Address: "Thôn Tây"}}
	at := func(d, h int) time.Time { return time.Date(2026, 10, d, h, 30, 0, 0, model.VN) }
	return []model.Reception{
		{At: at(2, 8), CitizenID: 1, HeadCount: 1, Summary: "Đề nghị cấp giấy chứng nhận quyền sử dụng đất thửa số 112",
			Content: model.ContentProposal, Field: model.FieldLand, Matter: model.MatterFirst, Handling: model.HandlingGuided},
		{At: at(9, 9), CitizenID: 2, HeadCount: 7, Summary: "Khiếu nại việc thu hồi đất làm đường liên thôn",
			Content: model.ContentComplaint, Field: model.FieldLand, Matter: model.MatterRepeat, Handling: model.HandlingAccepted,
			FollowUpDue: model.NewDate(2026, 10, 23), Replied: model.NewDate(2026, 10, 20), LandDispute: true, PetitionID: 7,
			HandledBefore: "UBND xã Quang Trung, QĐ số 12/QĐ-UBND"},
		{At: at(16, 14), HeadCount: 1, Summary: "Tố cáo cán bộ địa chính", Content: model.ContentDenunciation,
			Field: model.FieldLand, Matter: model.MatterFirst, Handling: model.HandlingTransferred,
			TransferredTo: "Thanh tra huyện", Protection: model.Protection{PaperRef: "ĐTC-07"}},
	}, cits
}

func dossiers() []model.Dossier {
	a := dossier()
	a.Status, a.Resolved, a.Returned = model.DossierReturned, model.NewDate(2026, 3, 2), model.NewDate(2026, 3, 3)
	a.Supplements[0].Resumed = model.NewDate(2026, 2, 25)
	a.ForwardedTo, a.ForwardedOn = "Phòng Tư pháp", model.NewDate(2026, 2, 16)
	b := model.Dossier{Code: "QT-261005-0311", ProcedureName: "Đăng ký khai sinh", WorkingDays: 1, ApplicantID: 2,
		Channel: model.ChannelOnline, ReceivedAt: time.Date(2026, 10, 5, 10, 15, 0, 0, model.VN),
		Due: model.NewDate(2026, 10, 6), Status: model.DossierInProgress}
	return []model.Dossier{a, b}
}

func forms(t *testing.T) map[string]printout.Doc {
	x := ctx()
	d := dossier()
	supp, err := printout.SupplementRequest(x, d, applicant)
	if err != nil {
		t.Fatal(err)
	}
	apo, err := printout.Apology(x, d, applicant)
	if err != nil {
		t.Fatal(err)
	}
	vs, cits := visits()
	return map[string]printout.Doc{
		"slip":               printout.Slip(x, d, applicant),
		"supplement":         supp,
		"apology":            apo,
		"reception-register": printout.ReceptionRegister(x, period(), vs, cits),
		"dossier-register":   printout.DossierRegister(x, period(), dossiers(), cits),
	}
}

// Every form in both formats matches its golden file (go test -update
// rewrites them after a deliberate change; review the diff).
func TestGoldenForms(t *testing.T) {
	for name, doc := range forms(t) {
		for _, f := range []printout.Format{printout.FormatHTML, printout.FormatText} {
			var buf bytes.Buffer
			if err := doc.Write(&buf, f); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", name+".golden."+string(f))
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./printout -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from %s:\n%s", name, path, firstDiff(buf.String(), string(want)))
			}
		}
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + itoa(i+1) + ":\n got: " + a + "\nwant: " + b
		}
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }

// What the slip must say, read from the plain text rather than trusted to
// the golden file: the code, the times, the working days, the register
// number, the place of collection, both signatures.
func TestSlipSaysWhatTheApplicantNeeds(t *testing.T) {
	var buf bytes.Buffer
	doc := printout.Slip(ctx(), dossier(), applicant)
	if err := doc.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(buf.String()), " ")
	for _, want := range []string{
		"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: QT-260213-0042", "Ông/Bà: Đỗ Thị Mai",
		"1. Bản chính giấy khai sinh", "2. Bản sao cần chứng thực (02 bản)", "3. Căn cước công dân",
		"03 ngày làm việc", "16 giờ 00 phút, ngày 13/02/2026", "16 giờ 00 phút, ngày 26/02/2026",
		"Bộ phận Một cửa UBND xã Quang Trung, số 5 đường Lê Lợi", "Quyển số: 2026, Số thứ tự: 0042",
		"Quang Trung, ngày 13 tháng 02 năm 2026", "NGƯỜI NỘP HỒ SƠ", "Nguyễn Thị Lan",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("slip lacks %q:\n%s", want, buf.String())
		}
	}
	for _, l := range doc.TextLines() {
		if n := len([]rune(l)); n > doc.TextWidth {
			t.Errorf("line of %d columns on an A5 slip: %q", n, l)
		}
	}
}

// A denunciation's sender is never printed in the register; text typed by
// a clerk cannot break out of the HTML page.
func TestRegisterKeepsIdentitiesAndEscapes(t *testing.T) {
	vs, cits := visits()
	vs[2].CitizenID = 1 // even if a record carried one
	vs[0].Summary = `<script>alert("x")</script>`
	var buf bytes.Buffer
	reg := printout.ReceptionRegister(ctx(), period(), vs, cits)
	if err := reg.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if strings.Count(page, "Đỗ Thị Mai") != 1 || !strings.Contains(page, "(không lưu danh tính) - hồ sơ giấy ĐTC-07") {
		t.Errorf("the denouncer's row names a person, or lacks the paper file")
	}
	if strings.Contains(page, "<script>") || !strings.Contains(page, "&lt;script&gt;") {
		t.Errorf("a summary's markup reached the page")
	}
	vs[2].Protected = true
	buf.Reset()
	reg = printout.ReceptionRegister(ctx(), period(), vs, cits)
	_ = reg.WriteText(&buf)
	if !strings.Contains(buf.String(), model.Mask) {
		t.Errorf("restricted mode: no mask in the register")
	}
}

// The registers have the paper registers' columns: the agency that dealt
// with the matter before (not the repeat flag), land disputes marked, the
// petition a visit became; the dossier's forwarding and a blank for the
// applicant's signature.
func TestRegistersHaveThePaperColumns(t *testing.T) {
	vs, cits := visits()
	var buf bytes.Buffer
	rreg := printout.ReceptionRegister(ctx(), period(), vs, cits)
	if err := rreg.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{"<td>UBND xã Quang Trung, QĐ số 12/QĐ-UBND</td>", "Khiếu nại; tranh chấp đất đai; đoàn 07 người; Nhiều lần",
		"<td>Đơn số 7; hạn trả lời 23/10/2026 đã trả lời 20/10/2026</td>"} {
		if !strings.Contains(page, want) {
			t.Errorf("reception register lacks %q", want)
		}
	}
	buf.Reset()
	dreg := printout.DossierRegister(ctx(), period(), dossiers(), cits)
	if err := dreg.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page = buf.String()
	for _, want := range []string{"<th>Chuyển đến cơ quan giải quyết</th>", "<th>Ký nhận</th>", "<td>Phòng Tư pháp, 16/02/2026</td>"} {
		if !strings.Contains(page, want) {
			t.Errorf("dossier register lacks %q", want)
		}
	}
}

func TestFormsOfADossierWithout(t *testing.T) {
	d := dossier()
	d.Supplements, d.Apologies = nil, nil
	if _, err := printout.SupplementRequest(ctx(), d, applicant); !errors.Is(err, printout.ErrNoSupplement) {
		t.Errorf("supplement request of a dossier with none: %v", err)
	}
	if _, err := printout.Apology(ctx(), d, applicant); !errors.Is(err, printout.ErrNoApology) {
		t.Errorf("apology of a dossier with none: %v", err)
	}
}

// TestSlipReceiverAndReturnHour: the slip is signed under the full name of
// the staff member who received the dossier, never a login or the PC's own
// user; the result is collected within office hours, the receipt's clock
// time brought into them.
func TestSlipReceiverAndReturnHour(t *testing.T) {
	x := ctx()
	d := dossier()
	for _, c := range []struct {
		at   string
		want string
	}{{"16:00", "16 giờ 00 phút"}, {"12:10", "13 giờ 30 phút"}, {"06:45", "07 giờ 30 phút"}, {"17:40", "07 giờ 30 phút"}} {
		hm, _ := time.Parse("15:04", c.at)
		d.ReceivedAt = time.Date(2026, 2, 13, hm.Hour(), hm.Minute(), 0, 0, model.VN)
		var buf bytes.Buffer
		slip := printout.Slip(x, d, applicant)
		if err := slip.WriteText(&buf); err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(buf.String()), " ")
		if !strings.Contains(flat, "kết quả giải quyết hồ sơ: "+c.want+", ngày 26/02/2026") {
			t.Errorf("received %s: return time is not %s:\n%s", c.at, c.want, flat)
		}
	}
	d.CreatedBy = "root" // entered on the PC under its own user, no staff member
	slip := printout.Slip(x, d, applicant)
	if name := slip.Signs[1].Name; name != "" {
		t.Errorf("receiver printed as %q, want blank to sign by hand", name)
	}
	if got := printout.Slip(x, dossier(), applicant).Signs[1].Name; got != "Nguyễn Thị Lan" {
		t.Errorf("receiver %q", got)
	}
	if hours, ok := model.ParseHours("07:00-11:00; 13:00-16:30"); !ok || model.FormatHours(hours) != "07:00-11:00, 13:00-16:30" {
		t.Errorf("ParseHours: %v %v", hours, ok)
	}
	for _, bad := range []string{"", "17:00-07:00", "08:00", "07:00-11:00, 10:00-12:00", "25:00-26:00"} {
		if _, ok := model.ParseHours(bad); ok {
			t.Errorf("ParseHours(%q) accepted", bad)
		}
	}
}

// TestSlipNumberCarriesTheSymbol: the office's ký hiệu follows the slip's
// number when the settings give one.
func TestSlipNumberCarriesTheSymbol(t *testing.T) {
	x := ctx()
	if n := printout.Slip(x, dossier(), applicant).Number; n != "Số: 0042" {
		t.Errorf("without a symbol: %q", n)
	}
	x.Office.SlipSymbol = "TNHS"
	if n := printout.Slip(x, dossier(), applicant).Number; n != "Số: 0042/TNHS" {
		t.Errorf("with one: %q", n)
	}
	x.Office.SlipSymbol = " /TNHS "
	if n := printout.Slip(x, dossier(), applicant).Number; n != "Số: 0042/TNHS" {
		t.Errorf("typed with its slash: %q", n)
	}
}

// TestReportNumber: the written report leaves its number blank for the văn
// thư unless the settings give one.
func TestReportNumber(t *testing.T) {
	x := ctx()
	s := &report.Summary{Office: x.Office, Period: model.MonthPeriod(2026, 10), AsOf: model.NewDate(2026, 10, 31),
		Made: model.NewDate(2026, 11, 2)}
	if n := printout.SummaryDoc(x, s).Number; n != "Số:        /BC-UBND" {
		t.Errorf("blank number: %q", n)
	}
	s.Office.ReportNumber = "15"
	if n := printout.SummaryDoc(x, s).Number; n != "Số: 15/BC-UBND" {
		t.Errorf("given number: %q", n)
	}
	// the number as the văn thư writes it whole, symbol and all, is kept
	// as written, not given a second symbol
	s.Office.ReportNumber = "15/BC-UBND"
	if n := printout.SummaryDoc(x, s).Number; n != "Số: 15/BC-UBND" {
		t.Errorf("whole number: %q", n)
	}
}
