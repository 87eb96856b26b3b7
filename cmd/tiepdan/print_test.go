package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

// "tiepdan print" prints a dossier's slip by code, the registers of a
// period, and refuses bad input with a message and exit 2.
func TestPrintCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.db")
	now := func() time.Time { return time.Date(2026, 2, 20, 10, 0, 0, 0, model.VN) }
	db, err := storage.Open(path, storage.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	st := db.For("lan")
	o, _ := st.Office()
	o.Name, o.Place, o.Code = "UBND xã Quang Trung", "Quang Trung", "QT"
	if err := st.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	c := model.Citizen{FullName: "Đỗ Thị Mai", Address: "Thôn Đông"}
	if err := st.SaveCitizen(&c); err != nil {
		t.Fatal(err)
	}
	d := model.Dossier{ProcedureName: "Chứng thực bản sao", Field: model.FieldCertification, WorkingDays: 3,
		ApplicantID: c.ID, Channel: model.ChannelDirect, Status: model.DossierInProgress,
		ReceivedAt: time.Date(2026, 2, 13, 16, 0, 0, 0, model.VN), Documents: "Giấy khai sinh"}
	if err := st.SaveDossier(&d); err != nil {
		t.Fatal(err)
	}
	db.Close()

	run := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := runPrint(args, i18n.New(i18n.Vietnamese), now, &out, &errb)
		return out.String(), errb.String(), code
	}
	out, stderr, code := run("slip", d.Code, "--db", path, "--format", "txt")
	flat := strings.Join(strings.Fields(out), " ")
	if code != 0 || !strings.Contains(flat, "16 giờ 00 phút, ngày 26/02/2026") || !strings.Contains(out, d.Code) {
		t.Fatalf("slip: exit %d, %s\n%s", code, stderr, out)
	}
	// A PDF by default, on A4 landscape, read back with poppler.
	out, _, code = run("dossier-register", "--db", path, "--period", "2026-02", "-o", dir)
	if code != 0 || !strings.Contains(out, "so-theo-doi-ho-so-2026-02-01-2026-02-28.pdf") {
		t.Fatalf("register to a folder: exit %d, %s", code, out)
	}
	pdf := filepath.Join(dir, "so-theo-doi-ho-so-2026-02-01-2026-02-28.pdf")
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil || !strings.Contains(string(text), "Đỗ Thị Mai") || !strings.Contains(string(text), "SỔ THEO DÕI HỒ SƠ") {
		t.Fatalf("register PDF (pdftotext from poppler-utils): %v\n%s", err, text)
	}
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil || !strings.Contains(string(info), "841.89 x 595.28") {
		t.Fatalf("register PDF is not A4 landscape: %v\n%s", err, info)
	}
	out, _, code = run("dossier-register", "--db", path, "--period", "2026-02", "--format", "html", "-o", dir)
	page, err := os.ReadFile(filepath.Join(dir, "so-theo-doi-ho-so-2026-02-01-2026-02-28.html"))
	if code != 0 || err != nil || !strings.Contains(string(page), "Đỗ Thị Mai") || !strings.Contains(string(page), "size: A4 landscape") {
		t.Fatalf("register page: %v %s", err, out)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"slip", "--db", path}, 2, "cần mã hồ sơ"},
		{[]string{"sổ", "--db", path}, 2, "Không có mẫu in"},
		{[]string{"slip", "QT-000000-0000", "--db", path}, 1, "Không tìm thấy hồ sơ QT-000000-0000"},
		{[]string{"apology", d.Code, "--db", path}, 1, "chưa có phiếu xin lỗi"},
		{[]string{"slip", d.Code, "--db", path, "--format", "docx"}, 2, "Chọn pdf, html hoặc txt"},
		{[]string{"reception-register", "--db", path, "--period", "2026-13"}, 2, ""},
		{[]string{"slip", d.Code, "--db", filepath.Join(dir, "none.db")}, 1, "Không có tệp dữ liệu"},
	} {
		_, stderr, code := run(tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) || stderr == "" {
			t.Errorf("%v: exit %d, %q", tc.args, code, stderr)
		}
	}
}
