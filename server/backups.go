package server

import (
	"time"

	"github.com/tiepdan/tiepdan/storage"
)

// Backups, as the server makes them on its own.
const (
	DefaultBackupEvery   = 24 * time.Hour
	BackupKeepDaily      = 14
	BackupKeepMonthly    = 12
	backupCheckInterval  = 10 * time.Minute
	backupStaleAfterDays = 2
)

// backupLoop makes a backup whenever the newest is older than
// cfg.BackupEvery (at start too), into the first backup folder and a copy
// into each other one (a USB disk, a network share), and prunes each to
// the last 14 daily and 12 monthly. It ends when stop is closed.
func (s *Server) backupLoop(stop <-chan struct{}) {
	t := time.NewTicker(backupCheckInterval)
	defer t.Stop()
	for {
		if bs := storage.Backups(s.db.Path(), s.cfg.BackupDirs...); len(bs) == 0 || s.cfg.Now().Sub(bs[0].At) >= s.cfg.BackupEvery {
			s.BackupNow()
		}
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}

// BackupNow makes a backup into every backup folder and prunes each; it
// logs what it did and returns the first backup written.
func (s *Server) BackupNow() (storage.Backup, error) {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	var first storage.Backup
	var firstErr error
	for i, dir := range s.cfg.BackupDirs {
		b, err := s.db.BackupTo(dir)
		if err != nil {
			s.log.Error("backup failed", "dir", dir, "err", err)
			if i == 0 {
				firstErr = err
			}
			continue
		}
		pruned := storage.Prune(s.db.Path(), dir, BackupKeepDaily, BackupKeepMonthly)
		s.log.Info("backup written", "path", b.Path, "pruned", pruned)
		if i == 0 {
			first = b
		}
	}
	return first, firstErr
}

// LastBackup is the newest backup in the server's backup folders.
func (s *Server) LastBackup() (storage.Backup, bool) {
	bs := storage.Backups(s.db.Path(), s.cfg.BackupDirs...)
	if len(bs) == 0 {
		return storage.Backup{}, false
	}
	return bs[0], true
}
