package server

import (
	"net"
	"os"
	"path/filepath"
	"strconv"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
)

// handToBrowser returns the session's hand for printed PDFs: the document
// goes to the staff member's browser tabs (and the audit log); when no tab
// is paired yet, the clerk is told where the print page is, on the address
// she reached the server at, with a fresh one-time code.
func (s *Server) handToBrowser(st model.Staff, local net.Addr) func(path string) common.StatusMsg {
	staff := st.Username
	host := "localhost"
	if a, ok := local.(*net.TCPAddr); ok && a.IP != nil && !a.IP.IsUnspecified() {
		host = a.IP.String()
	}
	url := "http://" + net.JoinHostPort(host, strconv.Itoa(s.cfg.PrintPort)) + "/"
	return func(path string) common.StatusMsg {
		data, err := os.ReadFile(path)
		if err != nil {
			return common.StatusMsg{Text: s.cat.T("print.write_failed", path, err.Error()), Err: true}
		}
		name := filepath.Base(path)
		s.prints.add(staff, name, data)
		if err := s.db.As(st).HandOut(name); err != nil {
			s.log.Error("audit of a handed document", "user", staff, "err", err)
		}
		if s.prints.paired(staff) {
			return common.StatusMsg{Text: s.cat.T("print.handed", name)}
		}
		return common.StatusMsg{Text: s.cat.T("print.pair", url, s.prints.code(staff), name)}
	}
}
