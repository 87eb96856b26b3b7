package storage

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// BackupDirName is the folder beside the database where backups go unless
// told otherwise ("sao lưu").
const BackupDirName = "saoluu"

// BackupDir is the default backup folder of the database at dbPath.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), BackupDirName) }

// Backup is one backup file found.
type Backup struct {
	Path string
	At   time.Time
}

// Backups lists the backups of the database at dbPath, newest first: those
// in dirs (the default folder when none is given), named after the
// database, and the copies kept before migrations (<db>.v<N>.bak). Only
// backups that passed their check are ever given a backup's name.
func Backups(dbPath string, dirs ...string) []Backup {
	if len(dirs) == 0 {
		dirs = []string{BackupDir(dbPath)}
	}
	stem := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
	var out []Backup
	add := func(pattern string) {
		matches, _ := filepath.Glob(pattern)
		for _, m := range matches {
			if st, err := os.Stat(m); err == nil && st.Mode().IsRegular() && st.Size() > 0 {
				out = append(out, Backup{Path: m, At: st.ModTime()})
			}
		}
	}
	for _, d := range dirs {
		add(filepath.Join(d, stem+"-*.db"))
	}
	add(dbPath + ".v*.bak")
	sort.Slice(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out
}
