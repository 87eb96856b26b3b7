package server_test

import (
	"context"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tiepdan/tiepdan/server"
)

// browser is a real headless Chromium with a profile of its own (its own
// cookies): one clerk's PC.
func browser(t *testing.T) context.Context {
	t.Helper()
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), chromedp.NoSandbox, chromedp.Headless,
		chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1200, 900))
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("headless Chromium (Debian package chromium; .ci/run installs it): %v", err)
	}
	return ctx
}

// pairTab opens the print page in the browser and types code; it returns
// the text the page shows after.
func pairTab(t *testing.T, ctx context.Context, base, code string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatalf("open the page: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(`input[name="code"]`, code)); err != nil {
		t.Fatalf("type the code: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Submit(`input[name="code"]`)); err != nil {
		t.Fatalf("send the code: %v", err)
	}
	// The answer: the paired page, or the form again with why not. The
	// page is being replaced meanwhile, so a look can miss it: look again.
	for {
		text, err := chromedp.Run(ctx, chromedp.Evaluate[string](
			`(document.readyState === "complete" && (document.getElementById("view") || document.querySelector(".err"))) ? document.body.innerText : ""`))
		if err == nil && text != "" {
			return text
		}
		if ctx.Err() != nil {
			t.Fatalf("the answer never came: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// shownDocs waits until the tab lists n documents and returns the list's
// text and the document in view.
func shownDocs(t *testing.T, ctx context.Context, n int) (list, view string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#docs a").length === `+strconv.Itoa(n),
		chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Fatalf("the tab never listed %d documents: %v", n, err)
	}
	list, _ = chromedp.Run(ctx, chromedp.Text("#docs"))
	view, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("view").src`))
	return list, view
}

// TestPrintReachesThePairedBrowser drives real headless Chromium: a clerk
// prints over SSH, types the code her session shows into the print page,
// and sees the PDF in the tab; her next F2 arrives there by itself; another
// clerk's browser never sees it; a used code is refused in the page.
func TestPrintReachesThePairedBrowser(t *testing.T) {
	pl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := pl.Addr().(*net.TCPAddr).Port
	f := start(t, func(c *server.Config) { c.PrintPort = port })
	go func() { _ = f.srv.ServePrint(pl) }()
	base := "http://127.0.0.1:" + strconv.Itoa(port) + "/"

	tm, code := f.printUnpaired("an")

	pc := browser(t)
	if text := pairTab(t, pc, base, code); !strings.Contains(text, "tiepdan — bản in") {
		t.Fatalf("after pairing the tab shows:\n%s", text)
	}
	list, view := shownDocs(t, pc, 1)
	if !strings.Contains(list, "so-theo-doi-ho-so-") || !strings.HasSuffix(view, "/doc/1") {
		t.Errorf("tab: %q, in view %q", list, view)
	}
	tm.send("\x1bOQ") // F2 again: straight to the tab
	tm.waitFor("tới trình duyệt đã ghép nối")
	if _, view := shownDocs(t, pc, 2); !strings.HasSuffix(view, "/doc/2") {
		t.Errorf("the newest document is not in view: %q", view)
	}

	// The used code, typed on another PC, is refused there.
	other := browser(t)
	if text := pairTab(t, other, base, code); !strings.Contains(text, "Mã không đúng, đã dùng hoặc đã hết hạn") {
		t.Errorf("a used code: the page shows\n%s", text)
	}
	// Another clerk's browser, paired with her own session, sees only hers.
	_, code2 := f.printUnpaired("binh")
	pairTab(t, other, base, code2)
	if list, view := shownDocs(t, other, 1); !strings.HasSuffix(view, "/doc/3") || strings.Count(list, ".pdf") != 1 {
		t.Errorf("binh's tab: %q, in view %q", list, view)
	}
}
