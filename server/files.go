package server

import (
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish/scp"
	"github.com/pkg/sftp"

	"github.com/tiepdan/tiepdan/model"
)

// rel turns a client's path into one inside the exports folder: leading
// "/", "~/" and "./" are dropped; ".." cannot climb out because os.Root
// refuses any path (or symlink) that leaves the folder.
func rel(p string) string {
	p = strings.TrimPrefix(p, "~")
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if p == "" {
		return "."
	}
	return p
}

// openExports opens the staff member's exports folder as an os.Root.
func (s *Server) openExports(st model.Staff) (*os.Root, error) {
	dir, err := s.ExportDir(st.Username)
	if err != nil {
		return nil, err
	}
	return os.OpenRoot(dir)
}

// sftpHandler serves the exports folder of the authenticated staff member,
// read-only: listing, stat and download work; writes, renames, removals and
// links get "permission denied" and change nothing.
func (s *Server) sftpHandler(sess ssh.Session) {
	defer s.recoverSession(sess)
	s.loggedIn(stateOf(sess.Context()))
	st, err := s.identify(sess)
	if err != nil {
		_ = sess.Exit(1)
		return
	}
	root, err := s.openExports(st)
	if err != nil {
		s.log.Error("sftp: exports folder", "user", st.Username, "err", err)
		_ = sess.Exit(1)
		return
	}
	defer root.Close()
	h := readOnlyFS{root: root}
	srv := sftp.NewRequestServer(sess, sftp.Handlers{FileGet: h, FilePut: h, FileCmd: h, FileList: h})
	s.log.Info("sftp start", "user", st.Username, "ip", ipOf(sess.RemoteAddr()))
	if err := srv.Serve(); err != nil && err != io.EOF {
		s.log.Warn("sftp ended with an error", "user", st.Username, "err", err)
	}
	// The exit status goes out before the channel closes (closing the
	// request server first would close the channel and make the client's
	// scp report failure after a good copy).
	_ = sess.Exit(0)
}

type readOnlyFS struct{ root *os.Root }

func (h readOnlyFS) Fileread(r *sftp.Request) (io.ReaderAt, error) {
	f, err := h.root.Open(rel(r.Filepath))
	if err != nil {
		return nil, os.ErrNotExist
	}
	if st, err := f.Stat(); err != nil || st.IsDir() {
		f.Close()
		return nil, os.ErrNotExist
	}
	return f, nil
}

func (readOnlyFS) Filewrite(*sftp.Request) (io.WriterAt, error) {
	return nil, sftp.ErrSSHFxPermissionDenied
}

func (readOnlyFS) Filecmd(*sftp.Request) error { return sftp.ErrSSHFxPermissionDenied }

func (h readOnlyFS) Filelist(r *sftp.Request) (sftp.ListerAt, error) {
	p := rel(r.Filepath)
	switch r.Method {
	case "List":
		f, err := h.root.Open(p)
		if err != nil {
			return nil, os.ErrNotExist
		}
		defer f.Close()
		infos, err := f.Readdir(-1)
		if err != nil {
			return nil, os.ErrNotExist
		}
		return lister(infos), nil
	case "Stat", "Lstat":
		info, err := h.root.Stat(p)
		if err != nil {
			return nil, os.ErrNotExist
		}
		return lister{info}, nil
	}
	return nil, sftp.ErrSSHFxOpUnsupported
}

type lister []fs.FileInfo

func (l lister) ListAt(out []fs.FileInfo, off int64) (int, error) {
	if off >= int64(len(l)) {
		return 0, io.EOF
	}
	n := copy(out, l[off:])
	if n < len(out) {
		return n, io.EOF
	}
	return n, nil
}

// scp serves the legacy scp protocol (Windows 10's built-in scp speaks it):
// copies from the exports folder only; "scp -t" (upload) is refused.
func (s *Server) scp(sess ssh.Session, st model.Staff) {
	cmd := append([]string(nil), sess.Command()...)
	for i, a := range cmd {
		if a == "-t" || a == "-f" {
			if i+1 >= len(cmd) {
				s.refuse(sess, s.cat.T("server.no_commands"))
				return
			}
			cmd[i+1] = rel(cmd[i+1])
		}
	}
	info := scp.GetInfo(cmd)
	if info.Op != scp.OpCopyToClient {
		s.log.Warn("scp upload refused", "user", st.Username)
		s.refuse(sess, s.cat.T("server.read_only"))
		return
	}
	root, err := s.openExports(st)
	if err != nil {
		s.refuse(sess, s.cat.T("server.refused"))
		return
	}
	defer root.Close()
	s.log.Info("scp download", "user", st.Username, "path", info.Path)
	scp.Middleware(scp.NewFSReadHandler(root.FS()), nil)(func(ssh.Session) {})(commandSession{sess, cmd})
	// wish writes the file without reading the client's acknowledgements;
	// end our side and let the client finish reading and acknowledging
	// before the exit status, or it may see the channel close mid-way
	// ("lost connection").
	_ = sess.CloseWrite()
	drained := make(chan struct{})
	go func() { _, _ = io.Copy(io.Discard, sess); close(drained) }()
	select {
	case <-drained:
	case <-time.After(10 * time.Second):
	}
	_ = sess.Exit(0)
}

// commandSession is a session whose command was rewritten (paths made
// relative to the exports folder).
type commandSession struct {
	ssh.Session
	cmd []string
}

func (c commandSession) Command() []string { return c.cmd }
