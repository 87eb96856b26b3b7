package server_test

import (
	"testing"
	"time"
)

// A clerk's SSH client dies mid-form: the server keeps what was typed as
// her draft, and her next login offers it back.
func TestDroppedConnectionKeepsTheDraft(t *testing.T) {
	f := start(t, nil)
	c := f.keyLogin("binh")
	tm := f.open(c)
	tm.waitFor("Hôm nay")
	tm.send("\x1bOR") // F3
	tm.waitFor("Chưa có bản ghi nào")
	tm.send("\x0e") // ^N
	tm.waitFor("lượt mới")
	tm.send("\r") // a new visit opens on its citizen
	tm.send("Đặng Văn Lộc")
	tm.waitFor("Không tìm thấy")
	tm.send("\x0e")
	tm.waitFor("Thêm công dân")
	tm.send("\x1bOQ") // F2: the citizen is saved, the visit is not
	tm.waitFor("Số người")
	tm.send("\t")
	tm.send("Đề nghị sửa đường liên thôn")
	tm.waitFor("Đề nghị sửa đường liên thôn")
	_ = c.Close() // the client is killed: no goodbye, no quit key

	deadline := time.Now().Add(10 * time.Second)
	for f.srv.Sessions() > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	c2 := f.keyLogin("binh")
	tm2 := f.open(c2)
	tm2.waitFor("Bản nháp chưa lưu")
	tm2.waitFor("Đặng Văn Lộc")
	tm2.send("\r")
	tm2.waitFor("Đã mở lại bản nháp")
	tm2.waitFor("Đề nghị sửa đường liên thôn")
}
