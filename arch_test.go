package tiepdan_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencyDirection enforces DESIGN §6: model imports no storage, UI
// or terminal library; the TUI never reaches bbolt, so it can only use the
// store through model.Store.
func TestDependencyDirection(t *testing.T) {
	rules := []struct {
		pkg       string
		forbidden []string
	}{
		{"./model/...", []string{"go.etcd.io/bbolt", "github.com/charmbracelet/", "github.com/tiepdan/tiepdan/storage", "github.com/tiepdan/tiepdan/tui"}},
		{"./i18n/...", []string{"go.etcd.io/bbolt", "github.com/charmbracelet/", "github.com/tiepdan/tiepdan/model", "github.com/tiepdan/tiepdan/storage", "github.com/tiepdan/tiepdan/tui"}},
		{"./tui/...", []string{"go.etcd.io/bbolt", "github.com/tiepdan/tiepdan/storage"}},
		{"./storage/...", []string{"github.com/charmbracelet/", "github.com/tiepdan/tiepdan/tui", "github.com/tiepdan/tiepdan/report"}},
		{"./report/...", []string{"go.etcd.io/bbolt", "github.com/charmbracelet/", "github.com/tiepdan/tiepdan/storage", "github.com/tiepdan/tiepdan/tui"}},
	}
	for _, r := range rules {
		out, err := exec.Command("go", "list", "-deps", r.pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", r.pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, bad := range r.forbidden {
				if strings.HasPrefix(dep, bad) {
					t.Errorf("%s depends on %s", r.pkg, dep)
				}
			}
		}
	}
}
