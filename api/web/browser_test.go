package web_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// screenshotDir is where the browser tests leave pictures of the main views
// (gitignored), relative to this package.
var screenshotDir = filepath.Join("..", "..", "artifacts", "screenshots")

// page is one headless chromium tab on a server, driven by a test.
type page struct {
	t    *testing.T
	ctx  context.Context
	base string
	log  *exceptionLog
}

// exceptionLog is the JavaScript exceptions the page threw.
type exceptionLog struct {
	mu         sync.Mutex
	exceptions []string
}

// in returns the page driven by the subtest t.
func (p *page) in(t *testing.T) *page {
	return &page{t: t, ctx: p.ctx, base: p.base, log: p.log}
}

// chromiumPath finds Debian's chromium, or skips (fails under CI) without it.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium not found (CI is set, so this is a failure); .ci/setup installs it")
	}
	t.Skip("chromium not found; install it (apt-get install chromium) to run the browser tests")
	return ""
}

// newPage starts a headless chromium on base with a desktop window.
func newPage(t *testing.T, base string) *page {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	p := &page{t: t, ctx: ctx, base: base, log: &exceptionLog{}}
	p.do(chromedp.Navigate("about:blank"))
	go p.collectExceptions()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: base})
		if err != nil {
			t.Fatalf("granting %s: %v", name, err)
		}
	}
	return p
}

func (p *page) collectExceptions() {
	for ev, err := range chromedp.Events(p.ctx, runtime.ExceptionThrown) {
		if err != nil {
			return
		}
		msg := ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			msg += " " + ev.ExceptionDetails.Exception.Description
		}
		p.log.mu.Lock()
		p.log.exceptions = append(p.log.exceptions, msg)
		p.log.mu.Unlock()
	}
}

// checkNoExceptions fails the test if the page threw.
func (p *page) checkNoExceptions() {
	p.t.Helper()
	p.log.mu.Lock()
	defer p.log.mu.Unlock()
	for _, e := range p.log.exceptions {
		p.t.Errorf("page threw: %s", e)
	}
}

func (p *page) do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatalf("browser: %v", err)
	}
}

// eval runs a JavaScript expression (awaiting a promise) and returns its value.
func eval[T any](p *page, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor waits until a JavaScript condition holds and the view has
// finished loading.
func (p *page) waitFor(cond string) {
	p.t.Helper()
	expr := "!document.getElementById('app').hasAttribute('aria-busy') && !!document.querySelector('main') && !!(" + cond + ")"
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		url := eval[string](p, "location.href")
		text := eval[string](p, "document.getElementById('app').innerText.slice(0, 300)")
		p.t.Fatalf("waiting for %s at %s: %v\npage shows: %s", cond, url, err, text)
	}
}

// open loads a path of the server and waits for cond.
func (p *page) open(path, cond string) {
	p.t.Helper()
	p.do(chromedp.Navigate(p.base + path))
	p.waitFor(cond)
}

// shot saves a screenshot of the viewport as artifacts/screenshots/name.png.
func (p *page) shot(name string) {
	p.t.Helper()
	png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(screenshotDir, name+".png"), png, 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// query returns the page's current query parameters as "k=v" strings.
func (p *page) query() []string {
	return eval[[]string](p, "[...new URLSearchParams(location.search)].map(([k, v]) => k + '=' + v)")
}

func (p *page) total() int {
	return eval[int](p, "Number(document.getElementById('count').dataset.total)")
}

func (p *page) chips() []string {
	return eval[[]string](p, "[...document.querySelectorAll('.chip:not(.clear)')].map(c => c.firstChild.textContent)")
}

func hasAll(list []string, want ...string) bool {
	for _, w := range want {
		found := false
		for _, v := range list {
			found = found || v == w
		}
		if !found {
			return false
		}
	}
	return true
}

// quoteJS quotes s as a JavaScript string literal.
func quoteJS(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\u2028", `\u2028`, "\u2029", `\u2029`)
	return "'" + r.Replace(s) + "'"
}
