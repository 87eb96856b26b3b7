package i18n_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
)

func TestSameKeys(t *testing.T) {
	vi, en := i18n.Keys(i18n.Vietnamese), i18n.Keys(i18n.English)
	sort.Strings(vi)
	sort.Strings(en)
	set := func(l []string) map[string]bool {
		m := map[string]bool{}
		for _, k := range l {
			m[k] = true
		}
		return m
	}
	vs, es := set(vi), set(en)
	for _, k := range vi {
		if !es[k] {
			t.Errorf("English lacks %q", k)
		}
	}
	for _, k := range en {
		if !vs[k] {
			t.Errorf("English has %q that Vietnamese lacks", k)
		}
	}
}

// TestEveryUsedKeyExists reads the source of the whole module and checks
// that every string literal that looks like a catalogue key, and every enum
// label and record field name, is in the Vietnamese table.
func TestEveryUsedKeyExists(t *testing.T) {
	cat := i18n.New(i18n.Vietnamese)
	prefixes := []string{"tab.", "tabshort.", "key.", "list.", "col.", "filter.", "form.", "record.", "void.",
		"audit.", "kind.", "rpt.", "prose.", "period.", "picker.", "citizen.", "reception.", "petition.", "dossier.", "session.", "setup.",
		"field.", "err.", "open.", "cli.", "app.", "admin.", "action.", "hol.", "weekday.", "friendly.", "dialogue.",
		"survey.", "letter.", "today.", "print.", "protect.", "lock.", "server.", "draft."}
	root := ".." // the module: this test lives in i18n/
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			for _, p := range prefixes {
				if strings.HasPrefix(s, p) && len(s) > len(p) && !strings.ContainsAny(s, " /%") && !strings.HasSuffix(s, ".") {
					checked++
					if !cat.Has(s) {
						t.Errorf("%s: key %q missing", fset.Position(lit.Pos()), s)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("only %d keys found: is the walk reading the source?", checked)
	}
	enums := map[string][]string{}
	add := func(name string, vals ...string) { enums[name] = append(enums[name], vals...) }
	for _, v := range model.Genders() {
		add("gender", string(v))
	}
	for _, v := range model.SessionKinds() {
		add("skind", string(v))
	}
	for _, v := range model.ReceptionKinds() {
		add("rkind", string(v))
	}
	for _, v := range model.ContentKinds() {
		add("content", string(v))
	}
	for _, v := range model.Fields() {
		add("field_of", string(v))
	}
	for _, v := range model.Handlings() {
		add("handling", string(v))
	}
	for _, v := range model.Matters() {
		add("matter", string(v))
	}
	for _, v := range model.PetitionSources() {
		add("source", string(v))
	}
	for _, v := range model.Eligibilities() {
		add("eligibility", string(v))
	}
	for _, v := range model.PetitionStatuses() {
		add("pstatus", string(v))
	}
	for _, v := range model.Outcomes() {
		add("outcome", string(v))
	}
	for _, v := range model.Channels() {
		add("channel", string(v))
	}
	for _, v := range model.DossierStatuses() {
		add("dstatus", string(v))
	}
	add("timeliness", string(model.Early), string(model.OnTime), string(model.Late))
	for enum, vals := range enums {
		for _, v := range vals {
			if !cat.Has(enum + "." + v) {
				t.Errorf("enum label %s.%s missing", enum, v)
			}
		}
	}
	// every field of every record can appear in an audit trail
	for _, rec := range []any{model.Citizen{}, model.ReceptionSession{}, model.Reception{}, model.Petition{},
		model.Dossier{}, model.Procedure{}, model.Office{}, model.Protection{}, model.Staff{}} {
		typ := reflect.TypeOf(rec)
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if f.Anonymous {
				continue
			}
			if !cat.Has("field." + f.Name) {
				t.Errorf("field.%s (%s) missing", f.Name, typ.Name())
			}
		}
	}
}

func TestMissingKeyIsVisibleNotFatal(t *testing.T) {
	c := i18n.New(i18n.English)
	if got := c.T("no.such.key"); got != "[no.such.key]" {
		t.Errorf("missing key = %q", got)
	}
	if got := c.T("err.range", 1, 9999); got != "must be from 1 to 9999" {
		t.Errorf("formatted = %q", got)
	}
	if got := i18n.New(i18n.Vietnamese).Label("content", "complaint"); got != "Khiếu nại" {
		t.Errorf("label = %q", got)
	}
}

func TestDuration(t *testing.T) {
	c := i18n.New(i18n.Vietnamese)
	for d, want := range map[time.Duration]string{
		time.Second: "1 giây", 45 * time.Second: "45 giây", 10 * time.Minute: "10 phút",
		time.Hour: "1 giờ", 90 * time.Minute: "1 giờ 30 phút",
	} {
		if got := c.Duration(d); got != want {
			t.Errorf("%v: %q, want %q", d, got, want)
		}
	}
}
