package server

import (
	"encoding/json"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// tabCookie holds a paired tab's token.
const tabCookie = "tiepdan_tab"

var printPage = template.Must(template.New("print").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Title}}</title>
<style>
body { font-family: "Times New Roman", "Liberation Serif", serif; margin: 0; display: flex; height: 100vh; }
nav { width: 16rem; padding: .8rem; border-right: 1px solid #999; overflow-y: auto; }
nav a { display: block; margin: .3rem 0; color: #000; }
nav a.cur { font-weight: bold; }
main { flex: 1; }
iframe { width: 100%; height: 100%; border: none; }
form { margin: 3rem auto; max-width: 26rem; font-size: 1.2rem; }
input { font-size: 1.6rem; width: 8rem; letter-spacing: .2rem; }
.err { color: #a00; }
</style></head><body>
{{if .Paired}}<nav><h3>{{.Title}}</h3><div id="docs">{{.Waiting}}</div></nav>
<main><iframe id="view" title="{{.Title}}"></iframe></main>
<script>
let shown = 0;
async function poll() {
  try {
    const r = await fetch("docs", {cache: "no-store"});
    if (r.status === 401) { location.reload(); return; }
    const docs = await r.json();
    const box = document.getElementById("docs");
    if (docs.length) {
      box.innerHTML = "";
      for (const d of docs.slice().reverse()) {
        const a = document.createElement("a");
        a.href = "doc/" + d.id; a.target = "view"; a.textContent = d.name + " (" + new Date(d.made).toLocaleTimeString() + ")";
        if (d.id === shown) a.className = "cur";
        box.appendChild(a);
      }
      const newest = docs[docs.length - 1].id;
      if (newest !== shown) { shown = newest; document.getElementById("view").src = "doc/" + newest; document.title = docs[docs.length - 1].name; }
    }
  } catch (e) {}
  setTimeout(poll, 1500);
}
poll();
</script>
{{else}}<form method="post" action="pair"><h2>{{.Title}}</h2><p>{{.Ask}}</p>
{{if .Error}}<p class="err">{{.Error}}</p>{{end}}
<input name="code" inputmode="numeric" autocomplete="off" autofocus maxlength="6"> <button>{{.Pair}}</button></form>{{end}}
</body></html>`))

type printPageData struct {
	Lang, Title, Ask, Pair, Error, Waiting string
	Paired                                 bool
}

// printHandler serves the print page: a tab not paired yet asks for the
// code a session showed; a paired tab shows its staff member's documents,
// the newest in view, and looks for new ones every 1.5 s.
func (s *Server) printHandler() http.Handler {
	cat := s.cat
	mux := http.NewServeMux()
	token := func(r *http.Request) (string, bool) {
		c, err := r.Cookie(tabCookie)
		if err != nil {
			return "", false
		}
		_, ok := s.prints.staffOf(c.Value)
		return c.Value, ok
	}
	page := func(w http.ResponseWriter, paired bool, errText string, status int) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		_ = printPage.Execute(w, printPageData{Lang: string(cat.Lang()), Title: cat.T("printpage.title"),
			Ask: cat.T("printpage.ask"), Pair: cat.T("printpage.pair"), Error: errText,
			Waiting: cat.T("printpage.waiting"), Paired: paired})
	}
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		_, ok := token(r)
		page(w, ok, "", http.StatusOK)
	})
	mux.HandleFunc("POST /pair", func(w http.ResponseWriter, r *http.Request) {
		code := strings.TrimSpace(r.PostFormValue("code"))
		tok, ok := s.prints.pair(code)
		if !ok {
			s.log.Info("print page: pairing refused", "from", r.RemoteAddr)
			page(w, false, cat.T("printpage.bad_code"), http.StatusForbidden)
			return
		}
		staff, _ := s.prints.staffOf(tok)
		s.log.Info("print page: tab paired", "user", staff, "from", r.RemoteAddr)
		http.SetCookie(w, &http.Cookie{Name: tabCookie, Value: tok, Path: "/", HttpOnly: true,
			SameSite: http.SameSiteStrictMode, MaxAge: int((12 * time.Hour).Seconds())})
		http.Redirect(w, r, "./", http.StatusSeeOther)
	})
	mux.HandleFunc("GET /docs", func(w http.ResponseWriter, r *http.Request) {
		tok, _ := token(r)
		docs, ok := s.prints.list(tok)
		if !ok {
			http.Error(w, cat.T("printpage.not_paired"), http.StatusUnauthorized)
			return
		}
		if docs == nil {
			docs = []handedDoc{}
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_ = json.NewEncoder(w).Encode(docs)
	})
	mux.HandleFunc("GET /doc/{id}", func(w http.ResponseWriter, r *http.Request) {
		tok, _ := token(r)
		id, _ := strconv.Atoi(r.PathValue("id"))
		d, ok := s.prints.doc(tok, id)
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", `inline; filename="`+strings.ReplaceAll(d.Name, `"`, "")+`"`)
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(d.data)
	})
	return mux
}
