package report_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixture saves a small fixed office for October 2026 and returns its
// summary: dossiers of two fields (one procedure named like a spreadsheet
// formula), a periodic session with its visitors and a walk-in, petitions
// of every kind, one carried over from September.
func fixture(t *testing.T) *report.Summary {
	t.Helper()
	db := openDB(t)
	s := db.For("test")
	office := model.DefaultOffice()
	office.Name, office.Superior, office.Place = "UBND xã Quang Trung", "UBND tỉnh Thanh Hóa", "Quang Trung"
	office.SignerTitle, office.SignerName = "Chủ tịch", "Lê Văn Thành"
	if err := s.SaveOffice(&office); err != nil {
		t.Fatal(err)
	}
	cit := newApplicant(t, s)
	at := func(d model.Date, h int) time.Time { return d.Time().Add(time.Duration(h) * time.Hour) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	dossiers := []model.Dossier{
		{ProcedureName: "Đăng ký khai sinh", Field: model.FieldCivilStatus, ReceivedAt: at(day(10, 1), 8), Due: day(10, 1), Status: model.DossierReturned, Resolved: day(10, 1), Returned: day(10, 1)},
		{ProcedureName: "Đăng ký khai sinh", Field: model.FieldCivilStatus, ReceivedAt: at(day(10, 2), 9), Due: day(10, 3), Status: model.DossierResolved, Resolved: day(10, 2), Channel: model.ChannelOnline},
		{ProcedureName: "Đăng ký kết hôn", Field: model.FieldCivilStatus, ReceivedAt: at(day(9, 29), 14), Due: day(10, 6), Status: model.DossierResolved, Resolved: day(10, 8),
			Apologies: []model.Apology{{Issued: day(10, 6), NewDue: day(10, 8), Reason: "Cần xác minh"}}},
		{ProcedureName: "=HYPERLINK(\"http://x\")", Field: model.FieldCertification, ReceivedAt: at(day(10, 30), 10), Due: day(11, 3), Status: model.DossierInProgress, Channel: model.ChannelPostal},
		{ProcedureName: "Chứng thực chữ ký", Field: model.FieldCertification, ReceivedAt: at(day(10, 14), 10), Due: day(10, 16), Status: model.DossierInProgress},
		{ProcedureName: "Chứng thực chữ ký", Field: model.FieldCertification, ReceivedAt: at(day(10, 20), 10), Due: day(10, 20), Status: model.DossierRejected, Resolved: day(10, 20)},
	}
	for i := range dossiers {
		d := &dossiers[i]
		d.WorkingDays, d.ApplicantID = 2, cit
		d.DueReason = "Hẹn theo tình huống thử" // the due dates are the cases under test
		if d.Channel == "" {
			d.Channel = model.ChannelDirect
		}
		must(s.SaveDossier(d))
	}
	sess := model.ReceptionSession{Date: day(10, 9), SessKind: model.SessionPeriodic, Presiding: "Chủ tịch UBND xã"}
	must(s.SaveSession(&sess))
	visits := []model.Reception{
		{At: at(day(10, 9), 8), RecKind: model.ReceptionInSession, SessionID: sess.ID, HeadCount: 1, Summary: "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
			Content: model.ContentProposal, Field: model.FieldLand, Matter: model.MatterFirst, Handling: model.HandlingGuided},
		{At: at(day(10, 9), 9), RecKind: model.ReceptionInSession, SessionID: sess.ID, HeadCount: 6, Summary: "Tranh chấp ranh giới đất",
			Content: model.ContentComplaint, Field: model.FieldLand, LandDispute: true, Matter: model.MatterRepeat, Handling: model.HandlingAccepted, Written: true},
		{At: at(day(10, 21), 15), RecKind: model.ReceptionRegular, HeadCount: 1, Summary: "Phản ánh đèn đường hỏng",
			Content: model.ContentReflection, Field: model.FieldConstruction, Matter: model.MatterFirst, Handling: model.HandlingTransferred, TransferredTo: "Công ty điện lực"},
	}
	for i := range visits {
		visits[i].CitizenID = cit
		must(s.SaveReception(&visits[i]))
	}
	petitions := []model.Petition{
		{Received: day(9, 25), Content: model.ContentComplaint, Field: model.FieldLand, LandDispute: true, InJurisdiction: true,
			Eligibility: model.EligibilityEligible, Status: model.PetitionResolved, Outcome: model.OutcomePartly, Resolved: day(10, 20), Due: day(10, 25)},
		{Received: day(10, 9), Content: model.ContentComplaint, Field: model.FieldLand, LandDispute: true, InJurisdiction: true,
			Eligibility: model.EligibilityEligible, Status: model.PetitionHandling, Due: day(11, 8)},
		{Received: day(10, 12), Content: model.ContentProposal, Field: model.FieldSocialPolicy, InJurisdiction: true,
			Eligibility: model.EligibilityEligible, Status: model.PetitionResolved, Resolved: day(10, 19), Due: day(10, 26)},
		{Received: day(10, 15), Content: model.ContentReflection, Field: model.FieldEnvironment, InJurisdiction: false,
			Eligibility: model.EligibilityEligible, Status: model.PetitionTransferred, TransferredTo: "Phòng Tài nguyên và Môi trường", Resolved: day(10, 16)},
		{Received: day(10, 16), Content: model.ContentProposal, Field: model.FieldOther, Eligibility: model.EligibilityDuplicate,
			Status: model.PetitionArchived, InJurisdiction: true},
		{Received: day(10, 1), Content: model.ContentProposal, Field: model.FieldAdministrative, InJurisdiction: true,
			Eligibility: model.EligibilityEligible, Status: model.PetitionHandling, Due: day(10, 15)},
	}
	for i := range petitions {
		p := &petitions[i]
		p.Source, p.CitizenID, p.Summary = model.SourceByHand, cit, "Đơn của công dân"
		must(s.SavePetition(p))
	}
	sum, err := report.Compute(s, office, model.MonthPeriod(2026, time.October), testToday)
	must(err)
	must(sum.Check())
	return sum
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

func export(t *testing.T, sum *report.Summary, f report.Format) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), report.FileName(sum, f))
	if err := report.WriteFile(path, f, sum, vi); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExportText(t *testing.T) {
	sum := fixture(t)
	b := export(t, sum, report.FormatText)
	golden(t, "october.txt", b)
	text := string(b)
	for i, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if n := utf8.RuneCountInString(line); n > 80 {
			t.Errorf("line %d has %d columns: %q", i+1, n, line)
		}
	}
	mustContain(t, text, "UBND XÃ QUANG TRUNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Quang Trung, ngày 21 tháng 11 năm 2026", "tháng 10", "(số liệu từ ngày 01/10/2026 đến ngày 31/10/2026)",
		"I. GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "Tất cả", "đẳng thức kiểm tra số liệu đều đúng")
}

func TestExportProse(t *testing.T) {
	sum := fixture(t)
	b := export(t, sum, report.FormatProse)
	golden(t, "october-prose.txt", b)
	mustContain(t, string(b),
		"Tổng số hồ sơ yêu cầu giải quyết TTHC từ 01/10/2026 đến 31/10/2026 là 06 hồ sơ; số hồ sơ mới tiếp nhận: 05 hồ sơ (trực tiếp: 03 hồ sơ; trực tuyến: 01 hồ sơ; qua bưu chính: 01 hồ sơ); số hồ sơ từ kỳ trước chuyển sang: 01 hồ sơ.",
		"Kết quả giải quyết TTHC: số hồ sơ đã giải quyết 03 hồ sơ, trong đó giải quyết trước hạn: 01 hồ sơ, đúng hạn: 01 hồ sơ, quá hạn: 01 hồ sơ; giải quyết trước hạn và đúng hạn: 02 hồ sơ, đạt tỷ lệ 66,6%.",
		"Số đoàn đông người (từ 5 người trở lên): 01 đoàn/06 người/01 vụ việc.",
		"trong đó: khiếu nại: 02 đơn; kiến nghị, phản ánh: 04 đơn (trong đó tranh chấp đất đai: 02 đơn).", "Không phát sinh đơn tố cáo.")
}

func TestExportCSV(t *testing.T) {
	sum := fixture(t)
	b := export(t, sum, report.FormatCSV)
	golden(t, "october.csv", b)
	if !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Error("no UTF-8 byte-order mark: Excel would read the Vietnamese as Latin-1")
	}
	if bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) {
		t.Error("a line does not end in CRLF")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "UBND xã Quang Trung" {
		t.Errorf("first cell %q", rows[0][0])
	}
	// The dossier table: its title, a heading row, then the total row.
	row := rowAfter(t, rows, "Hồ sơ thủ tục hành chính", 2)
	all := sum.Dossiers.All
	want := []string{"Tổng cộng", fmt.Sprint(all.Total), fmt.Sprint(all.CarriedOver), fmt.Sprint(all.Received)}
	if strings.Join(row[:4], "|") != strings.Join(want, "|") {
		t.Errorf("dossier total row %q, want it to start %q", row, want)
	}
	found := false
	for _, row := range rows {
		for _, c := range row {
			if strings.HasPrefix(c, "=") {
				t.Errorf("formula-looking cell not escaped: %q", c)
			}
			if strings.HasPrefix(c, "'=HYPERLINK") {
				found = true
			}
		}
	}
	if !found {
		t.Error("the procedure named like a formula is missing")
	}
}

// TestCSVMatchesXLSX reads the semicolon CSV with ";" and the plain CSV
// with ",", and finds in both, table by table and cell by cell, the numbers
// the XLSX holds, read back through a streaming reader as numbers.
func TestCSVMatchesXLSX(t *testing.T) {
	sum := fixture(t)
	book, err := excelize.OpenReader(bytes.NewReader(export(t, sum, report.FormatXLSX)))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	// Every number of every table sheet, in order, through the streaming
	// row iterator.
	var want [][]float64
	for _, tb := range sum.AllTables(vi) {
		name := tb.Sheet
		if name == "" {
			name = tb.Title
		}
		rows, err := book.Rows(name)
		if err != nil {
			t.Fatal(err)
		}
		skip := 5 + tb.HeadDepth() // heading lines, blank, title, heading rows
		if tb.Numbered {
			skip++
		}
		for i := 0; rows.Next(); i++ {
			cols, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			if i < skip || i >= skip+len(tb.Rows) {
				continue
			}
			var nums []float64
			for _, c := range cols[1:] {
				v, err := strconv.ParseFloat(c, 64)
				if c != "" && err != nil {
					t.Fatalf("%s: cell %q is not a number", name, c)
				}
				if c == "" {
					v = -1
				}
				nums = append(nums, v)
			}
			want = append(want, nums)
		}
		rows.Close()
	}
	for _, dialect := range []struct {
		f   report.Format
		sep rune
	}{{report.FormatCSV, ';'}, {report.FormatCSVPlain, ','}} {
		b := export(t, sum, dialect.f)
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
		r.Comma = dialect.sep
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", dialect.f, err)
		}
		var got [][]float64
		for _, tb := range sum.AllTables(vi) {
			skip := tb.HeadDepth()
			if tb.Numbered {
				skip++
			}
			for _, row := range rowsAfter(t, rows, tb.Title, 1+skip, len(tb.Rows)) {
				var nums []float64
				for _, c := range row[1:] {
					v, ok := report.ParseCSVNumber(c)
					if !ok {
						v = -1
					}
					nums = append(nums, v)
				}
				got = append(got, nums)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d rows, XLSX %d", dialect.f, len(got), len(want))
		}
		// A blank cell is no value: the streaming reader drops trailing ones.
		trim := func(v []float64) []float64 {
			for len(v) > 0 && v[len(v)-1] == -1 {
				v = v[:len(v)-1]
			}
			return v
		}
		for i := range want {
			if fmt.Sprint(trim(got[i])) != fmt.Sprint(trim(want[i])) {
				t.Errorf("%s row %d: %v, XLSX %v", dialect.f, i, got[i], want[i])
			}
		}
	}
}

// rowsAfter returns n rows starting k rows below the first row whose first
// cell is title.
func rowsAfter(t *testing.T, rows [][]string, title string, k, n int) [][]string {
	t.Helper()
	for i, r := range rows {
		if len(r) > 0 && r[0] == title && i+k+n <= len(rows) {
			return rows[i+k : i+k+n]
		}
	}
	t.Fatalf("no table %q", title)
	return nil
}

// rowAfter returns the row k rows below the first row whose first cell is title.
func rowAfter(t *testing.T, rows [][]string, title string, k int) []string {
	t.Helper()
	for i, r := range rows {
		if len(r) > 0 && r[0] == title && i+k < len(rows) {
			return rows[i+k]
		}
	}
	t.Fatalf("no table %q", title)
	return nil
}

func TestExportXLSX(t *testing.T) {
	sum := fixture(t)
	b := export(t, sum, report.FormatXLSX)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var dump strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&dump, "== %s\n", sheet)
		for _, r := range rows {
			fmt.Fprintln(&dump, strings.Join(r, " | "))
		}
	}
	golden(t, "october.xlsx.txt", []byte(dump.String()))
	// One sheet per table, then the identities.
	wantSheets := []string{"Báo cáo"}
	for _, tb := range sum.AllTables(vi) {
		name := tb.Sheet
		if name == "" {
			name = tb.Title
		}
		wantSheets = append(wantSheets, name)
	}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(wantSheets, "|") {
		t.Errorf("sheets %q, want %q", got, wantSheets)
	}
	// Row 7 of the dossier sheet is the total row, under the office, the
	// period, its dates, a blank row, the title and the heading: numbers
	// stored as numbers.
	sheet := "Hồ sơ thủ tục hành chính"
	if v, _ := f.GetCellValue(sheet, "A7"); v != "Tổng cộng" {
		t.Fatalf("A7 = %q, want the total row", v)
	}
	typ, err := f.GetCellType(sheet, "B7")
	if err != nil {
		t.Fatal(err)
	}
	if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("B7 has type %v, want a number", typ)
	}
	raw, err := f.GetCellValue(sheet, "B7", excelize.Options{RawCellValue: true})
	if err != nil || raw != fmt.Sprint(sum.Dossiers.All.Total) {
		t.Errorf("B7 = %q (%v), want %d", raw, err, sum.Dossiers.All.Total)
	}
	// The share column (M: after 11 figures) holds a fraction shown as 0.0%.
	raw, _ = f.GetCellValue(sheet, "M7", excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue(sheet, "M7")
	if raw != "0.666" || shown != "66.6%" {
		t.Errorf("share cell raw %q shown %q, want 0.666 shown 66.6%%", raw, shown)
	}
	// An undefined share is an empty cell, not an empty string.
	field := "Hồ sơ theo lĩnh vực"
	if v, _ := f.GetCellValue(field, "A8"); v != "Chứng thực" {
		t.Fatalf("A8 = %q", v)
	}
	if typ, _ := f.GetCellType(field, "M8"); typ != excelize.CellTypeUnset {
		t.Errorf("undefined share M8 has type %v, want no value", typ)
	}
	checkXLSXPackage(t, b)
}

// checkXLSXPackage reads the workbook's parts as a streaming reader does:
// every sheet states a <dimension> covering its used range, and every data
// sheet prints on A4, fitted one page wide, with print titles, frozen
// panes and a page number in the footer.
func checkXLSXPackage(t *testing.T, b []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	dim := regexp.MustCompile(`<dimension ref="([A-Z]+[0-9]+)(?::([A-Z]+)([0-9]+))?"`)
	cellRef := regexp.MustCompile(`<c r="([A-Z]+)([0-9]+)"`)
	workbook := ""
	sheets := 0
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if zf.Name == "xl/workbook.xml" {
			workbook = string(data)
		}
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		sheets++
		x := string(data)
		m := dim.FindStringSubmatch(x)
		if m == nil || m[2] == "" {
			t.Errorf("%s: dimension %q", zf.Name, m)
			continue
		}
		lastCol, _ := excelize.ColumnNameToNumber(m[2])
		lastRow, _ := strconv.Atoi(m[3])
		for _, c := range cellRef.FindAllStringSubmatch(x, -1) {
			col, _ := excelize.ColumnNameToNumber(c[1])
			row, _ := strconv.Atoi(c[2])
			if col > lastCol || row > lastRow {
				t.Errorf("%s: cell %s%s outside the dimension %s", zf.Name, c[1], c[2], m[0])
				break
			}
		}
		for _, want := range []string{`paperSize="9"`, `fitToWidth="1"`, `fitToPage="(1|true)"`, "<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>"} {
			if !regexp.MustCompile(want).MatchString(x) {
				t.Errorf("%s lacks %s", zf.Name, want)
			}
		}
		if zf.Name != "xl/worksheets/sheet1.xml" && !strings.Contains(x, `state="frozen"`) {
			t.Errorf("%s: no frozen panes", zf.Name)
		}
	}
	if n := strings.Count(workbook, "_xlnm.Print_Titles"); sheets < 2 || n != sheets-1 {
		t.Errorf("%d sheets, %d with print titles", sheets, n)
	}
}

func TestExportHTML(t *testing.T) {
	sum := fixture(t)
	b := export(t, sum, report.FormatHTML)
	golden(t, "october.html", b)
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	var style, lang string
	tables := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				for _, a := range n.Attr {
					if a.Key == "lang" {
						lang = a.Val
					}
				}
			case "style":
				style = n.FirstChild.Data
			case "table":
				tables++
			}
		}
		if n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" {
			texts = append(texts, strings.TrimSpace(n.Data))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	text := strings.Join(texts, "\n")
	if lang != "vi" {
		t.Errorf("lang %q", lang)
	}
	mustContain(t, style, "size: A4", "Times New Roman", "13pt")
	mustContain(t, text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND tỉnh Thanh Hóa",
		"UBND xã Quang Trung", "Quang Trung, ngày 21 tháng 11 năm 2026", "BÁO CÁO", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
		"Lê Văn Thành", "I. GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "=HYPERLINK(\"http://x\")")
	if tables < 10 {
		t.Errorf("%d tables, want the heading, the figures and the signer block", tables)
	}
}

func TestWriteFileFailsCleanly(t *testing.T) {
	sum := fixture(t)
	dir := t.TempDir()
	for _, path := range []string{filepath.Join(dir, "no", "such", "folder", "x.csv"), dir} {
		if err := report.WriteFile(path, report.FormatCSV, sum, vi); err == nil {
			t.Errorf("WriteFile(%s) succeeded", path)
		}
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	if _, err := report.ParseFormat("docx"); err == nil {
		t.Error("ParseFormat(docx) accepted")
	}
}

// TestEveryDynamicKeyExists renders everything the report builds keys for at
// run time (columns, kinds, identities, periods, period errors) in both
// languages and looks for the "[key]" a missing key shows.
func TestEveryDynamicKeyExists(t *testing.T) {
	sum := fixture(t)
	for _, lang := range []i18n.Lang{i18n.Vietnamese, i18n.English} {
		cat := i18n.New(lang)
		var all []string
		all = append(all, sum.TextLines(cat, 80)...)
		all = append(all, sum.Prose(cat)...)
		for _, r := range sum.CheckTable(cat).Rows {
			all = append(all, r.Label)
		}
		y := 2026
		for _, p := range []model.Period{model.MonthPeriod(y, 10), model.QuarterPeriod(y, 4), model.HalfPeriod(y, 1),
			model.HalfPeriod(y, 2), model.YearPeriod(y), model.WindowPeriod(y, 10, 14), {Kind: model.PeriodRange, From: 1, To: 2}} {
			all = append(all, report.PeriodLabel(cat, p))
		}
		for _, bad := range []string{"2026-13", "2026-Q5", "2026-H3", "26", "x..2026-01-01", "2026-01-01..x", "2026-02-01..2026-01-01"} {
			_, err := model.ParsePeriod(bad)
			all = append(all, report.PeriodErrorText(cat, err))
		}
		for _, line := range all {
			if i := strings.Index(line, "["); i >= 0 && strings.Contains(line[i:], ".") && strings.Contains(line[i:], "]") &&
				(strings.Contains(line, "[rpt.") || strings.Contains(line, "[prose.") || strings.Contains(line, "[period.") ||
					strings.Contains(line, "[field") || strings.Contains(line, "[content.") || strings.Contains(line, "[handling.")) {
				t.Errorf("%s: missing key in %q", lang, line)
			}
		}
	}
}

// The written report's sheet prints on A4 portrait as it is: its column is
// no wider than the page holds (LibreOffice ignores "fit to one page
// wide" and cuts a wider column at the page's edge), and its paragraphs
// wrap inside it.
func TestXLSXProseFitsAPortraitPage(t *testing.T) {
	book, err := excelize.OpenReader(bytes.NewReader(export(t, fixture(t), report.FormatXLSX)))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	sheet := book.GetSheetName(0)
	w, err := book.GetColWidth(sheet, "A")
	if err != nil || w > 75 {
		t.Fatalf("the prose column is %v characters wide (%v): wider than A4 portrait holds", w, err)
	}
}
