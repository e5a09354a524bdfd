package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/precedent/precedent/internal/testindex"
)

// term is a facet term as the sidebar shows it.
type term struct {
	ID    string `json:"id"`
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// facetTerm returns a facet term of the sidebar, unticked and with hits.
func (p *page) facetTerm(field, value string) term {
	p.t.Helper()
	return eval[term](p, fmt.Sprintf(`(() => {
		const box = [...document.querySelectorAll('fieldset[data-field=%s] li')].find(li =>
			li.querySelector('input').dataset.value === %s &&
			!li.querySelector('input').checked && Number(li.querySelector('.count').textContent.replace(/,/g, '')) > 0);
		if (!box) return {};
		const input = box.querySelector('input');
		return {id: input.id, value: input.dataset.value, label: box.querySelector('.name').textContent,
			count: Number(box.querySelector('.count').textContent.replace(/,/g, ''))};
	})()`, field, quoteJS(value)))
}

// pickFacet ticks a term of a facet and checks that the URL, the chips and
// the total follow.
func (p *page) pickFacet(field, value, title string, wantChips int) term {
	p.t.Helper()
	tm := p.facetTerm(field, value)
	if tm.ID == "" {
		p.t.Fatalf("facet %s shows no %s with hits", field, value)
	}
	p.do(chromedp.Click(chromedp.ID(tm.ID)))
	p.waitFor(fmt.Sprintf("new URLSearchParams(location.search).getAll(%s).includes(%s) && document.getElementById('count')",
		quoteJS(field), quoteJS(tm.Value)))
	if q := p.query(); !hasAll(q, field+"="+tm.Value) {
		p.t.Errorf("URL query %v lacks %s=%s", q, field, tm.Value)
	}
	chips := p.chips()
	if len(chips) != wantChips || !hasAll(chips, title+": "+tm.Label) {
		p.t.Errorf("chips = %q, want %d with %q", chips, wantChips, title+": "+tm.Label)
	}
	// Single-valued facets: the count shown beside a term is the total once
	// it is chosen.
	if got := p.total(); got != tm.Count {
		p.t.Errorf("after choosing %s=%s the page shows %d results, the facet promised %d", field, tm.Value, got, tm.Count)
	}
	if !eval[bool](p, fmt.Sprintf("document.getElementById(%s).checked", quoteJS(tm.ID))) {
		p.t.Errorf("checkbox %s is not ticked after choosing it", tm.ID)
	}
	if got := eval[string](p, "document.activeElement.id"); got != tm.ID {
		p.t.Errorf("focus moved to %q after ticking %s; keyboard users lose their place", got, tm.ID)
	}
	return tm
}

// checkTimeline checks the lineage on screen of a family whose wording
// changed: members in date order, the passage marked, changed words marked.
func checkTimeline(p *page, passage string) {
	p.t.Helper()
	type member struct {
		ID, Date string
		Changes  int
		Link     bool
	}
	members := eval[[]member](p, `[...document.querySelectorAll('.timeline .member')].map(m => ({
		ID: m.id.slice(2), Date: m.querySelector('time').textContent,
		Changes: m.querySelectorAll('.diff ins, .diff del').length, Link: !!m.querySelector('.when a[href*="doc="]')}))`)
	if len(members) < 2 {
		p.t.Fatalf("lineage of %s shows %d members, want its family", passage, len(members))
	}
	self := 0
	for i, m := range members {
		if m.ID == passage {
			self++
		}
		if i > 0 && m.Date < members[i-1].Date {
			p.t.Errorf("member %s (%s) comes after %s (%s)", m.ID, m.Date, members[i-1].ID, members[i-1].Date)
		}
		if !m.Link {
			p.t.Errorf("member %s has no link to its document", m.ID)
		}
	}
	if self != 1 {
		p.t.Errorf("lineage marks %d members as the passage %s, want 1", self, passage)
	}
	changes := 0
	for _, m := range members[1:] {
		changes += m.Changes
	}
	if changes == 0 {
		p.t.Error("the wording of this family changed, but no inserted or deleted words are marked")
	}
}

// hitSummary identifies the hits on screen.
func (p *page) hitSummary() string {
	return eval[string](p, "[...document.querySelectorAll('.hit cite')].map(c => c.textContent).join(' | ')")
}

// TestBrowserScenario walks the page over the real corpus the way a user
// does: search, two facets, copy a citation, a document, a lineage, back.
func TestBrowserScenario(t *testing.T) {
	chromiumPath(t)
	base := serveData(t, testindex.Shared(t))
	p := newPage(t, base)
	defer p.checkNoExceptions()

	p.open("/", "document.getElementById('count')")
	browseAll := p.total()
	p.do(chromedp.SendKeys(chromedp.ID("q"), "critical infrastructure"+kb.Enter))
	p.waitFor("new URLSearchParams(location.search).get('q') === 'critical infrastructure'")
	afterQuery := p.total()
	if afterQuery == 0 || afterQuery >= browseAll {
		t.Fatalf("query shows %d results of %d in all", afterQuery, browseAll)
	}
	if n := eval[int](p, "document.querySelectorAll('.hit .snippet mark').length"); n == 0 {
		t.Error("no highlighted words in the snippets")
	}
	if eval[string](p, "document.getElementById('q').value") != "critical infrastructure" {
		t.Error("search box lost the query")
	}

	// General Assembly resolutions: their paragraphs recur year after year,
	// so the lineage below has a family to show.
	body := p.pickFacet("body", "GA", "Body", 1)
	typ := p.pickFacet("type", "resolution", "Document type", 2)
	if p.total() > afterQuery {
		t.Errorf("two filters show %d results, more than the query alone (%d)", p.total(), afterQuery)
	}
	if n := eval[int](p, "document.querySelectorAll('.chart rect.bar').length"); n == 0 {
		t.Error("no year chart")
	}
	filteredURL := eval[string](p, "location.search")
	filteredHits := p.hitSummary()
	p.do(chromedp.Evaluate[chromedp.Void]("window.scrollTo(0, 0)"))
	p.shot("search-results")

	t.Run("copy citation", func(t *testing.T) {
		p := p.in(t)
		citation := eval[string](p, "document.querySelector('.hit .copy').dataset.citation")
		shown := eval[string](p, "document.querySelector('.hit cite').textContent")
		if citation == "" || citation != shown {
			t.Fatalf("copy button holds %q, the hit shows %q", citation, shown)
		}
		p.do(chromedp.Click(chromedp.CSS(".hit .copy")))
		p.waitFor("document.getElementById('status').textContent.startsWith('Copied')")
		if got := eval[string](p, "navigator.clipboard.readText()"); got != citation {
			t.Errorf("clipboard holds %q, want the citation %q", got, citation)
		}
	})

	t.Run("document", func(t *testing.T) {
		p := p.in(t)
		target := eval[string](p, "decodeURIComponent(document.querySelector('.hit h2 a').hash.slice(1))")
		p.do(chromedp.Click(chromedp.CSS(".hit h2 a")))
		p.waitFor("document.querySelector('main.document .passages li')")
		if q := p.query(); len(q) != 1 || !strings.HasPrefix(q[0], "doc=") {
			t.Errorf("document URL query = %v, want doc=ID alone", q)
		}
		if got := eval[string](p, "document.activeElement.tagName"); got != "MAIN" {
			t.Errorf("after opening the document focus is on %s, want the new view's main", got)
		}
		if !eval[bool](p, fmt.Sprintf("document.getElementById(%s).classList.contains('target')", quoteJS(target))) {
			t.Errorf("passage %s of the hit is not highlighted in the document", target)
		}
		p.shot("document")
	})

	t.Run("lineage", func(t *testing.T) {
		p := p.in(t)
		// A passage of this resolution whose wording changed over the years.
		passage := eval[string](p, `(async () => {
			const recurring = [...document.querySelectorAll('.passage.target.has-family, .passage.has-family')];
			for (const li of recurring.slice(0, 40)) {
				const l = await fetch('/v1/passages/' + encodeURIComponent(li.id) + '/lineage').then(r => r.json());
				if (l.members.some(m => (m.diff_previous || []).some(op => op.kind !== 'equal'))) return li.id;
			}
			return '';
		})()`)
		if passage == "" {
			t.Fatal("no passage of the resolution belongs to a family whose wording changed")
		}
		p.do(chromedp.Click(chromedp.CSS("[id='" + passage + "'] .lineage-link.recurs")))
		p.waitFor("document.querySelector('main.lineage .timeline .member')")
		if q := p.query(); len(q) != 1 || q[0] != "lineage="+passage {
			t.Errorf("lineage URL query = %v, want lineage=%s", q, passage)
		}
		checkTimeline(p, passage)
		p.do(chromedp.Evaluate[chromedp.Void]("document.querySelector('.family h2').scrollIntoView()"))
		p.shot("lineage")
		p.do(chromedp.Click(chromedp.CSS("input[name=against][value=earliest]")))
		checkTimeline(p, passage)
	})

	t.Run("paste text", func(t *testing.T) {
		p := p.in(t)
		// The earliest member's wording, its first word dropped.
		text := eval[string](p, "document.querySelector('.timeline .member .diff').textContent.trim().split(/\\s+/).slice(1).join(' ')")
		p.do(chromedp.Click(chromedp.CSS(".paste-box summary")), chromedp.SendKeys(chromedp.ID("paste"), text),
			chromedp.Click(chromedp.CSS(".paste button")))
		p.waitFor("!document.querySelector('.lineage-out .loading') && document.querySelectorAll('.timeline .member').length > 1 && !document.querySelector('.member.self')")
	})

	t.Run("back to the results", func(t *testing.T) {
		p := p.in(t)
		p.do(chromedp.Evaluate[chromedp.Void]("history.back()"))
		p.waitFor("document.querySelector('main.document')")
		p.do(chromedp.Evaluate[chromedp.Void]("history.back()"))
		p.waitFor("document.getElementById('count')")
		if got := eval[string](p, "location.search"); got != filteredURL {
			t.Errorf("back lands on %s, want %s", got, filteredURL)
		}
		if got := p.total(); got != typ.Count {
			t.Errorf("back shows %d results, want %d", got, typ.Count)
		}
		if got := p.chips(); len(got) != 2 || !hasAll(got, "Body: "+body.Label, "Document type: "+typ.Label) {
			t.Errorf("back shows chips %q", got)
		}
		if got := p.hitSummary(); got != filteredHits {
			t.Errorf("back shows other hits:\n%s\nwant\n%s", got, filteredHits)
		}
	})

	t.Run("remove a chip", func(t *testing.T) {
		p := p.in(t)
		p.do(chromedp.Click(chromedp.CSS(".chip:not(.clear)")))
		p.waitFor("document.querySelectorAll('.chip:not(.clear)').length === 1")
		if q := p.query(); hasAll(q, "body="+body.Value) || !hasAll(q, "type="+typ.Value) {
			t.Errorf("after removing the body chip the URL query is %v", q)
		}
	})

	t.Run("shared link", func(t *testing.T) {
		p := p.in(t)
		p.open(filteredURL, "document.getElementById('count')")
		if got := p.hitSummary(); got != filteredHits {
			t.Errorf("a fresh load of %s shows other hits", filteredURL)
		}
	})

	t.Run("phone", func(t *testing.T) {
		p := p.in(t)
		p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
		p.open(filteredURL, "document.getElementById('count')")
		if w := eval[int](p, "document.documentElement.scrollWidth"); w > 390 {
			t.Errorf("page is %dpx wide on a 390px phone", w)
		}
		p.shot("phone-results")
		p.do(chromedp.EmulateViewport(1280, 900))
	})

	t.Run("year chart", func(t *testing.T) {
		p := p.in(t)
		p.open(filteredURL, "document.querySelector('.chart a')")
		year := eval[string](p, "document.querySelector('.chart a title').textContent.split(':')[0]")
		count := eval[int](p, "Number(document.querySelector('.chart a title').textContent.split(': ')[1].split(' ')[0].replace(/,/g, ''))")
		p.do(chromedp.Click(chromedp.CSS(".chart a rect")))
		p.waitFor("new URLSearchParams(location.search).has('from')")
		if q := p.query(); !hasAll(q, "from="+year, "to="+year) {
			t.Errorf("clicking the %s bar gives the URL query %v", year, q)
		}
		if got := p.chips(); !hasAll(got, "Year: "+year) || len(got) != 3 {
			t.Errorf("clicking the %s bar gives chips %q", year, got)
		}
		if got := p.total(); got != count {
			t.Errorf("the %s bar promised %d passages, the page shows %d", year, count, got)
		}
		if !eval[bool](p, "document.getElementById('f-year-"+year+"').checked") {
			t.Errorf("year %s is not ticked in the sidebar", year)
		}
	})

	t.Run("documents", func(t *testing.T) {
		p := p.in(t)
		p.open(filteredURL, "document.getElementById('unit')")
		p.do(chromedp.SetValue(chromedp.ID("unit"), "document"),
			chromedp.Evaluate[chromedp.Void]("document.getElementById('unit').dispatchEvent(new Event('change'))"))
		p.waitFor("new URLSearchParams(location.search).get('unit') === 'document'")
		if got := eval[string](p, "document.getElementById('count').textContent"); !strings.HasSuffix(strings.Fields(got)[1], "documents") {
			t.Errorf("count reads %q in documents mode", got)
		}
		if n := eval[int](p, "document.querySelectorAll('.hit .snippet a[href*=\"doc=\"]').length"); n == 0 {
			t.Error("document hits show no passages linking into the document")
		}
	})

	t.Run("paging", func(t *testing.T) {
		p := p.in(t)
		p.open("/?q=critical+infrastructure", "document.getElementById('count')")
		first := p.hitSummary()
		if p.total() <= 20 {
			t.Skipf("%d results fit on one page", p.total())
		}
		p.do(chromedp.Click(chromedp.CSS(".pager button:last-child")))
		p.waitFor("new URLSearchParams(location.search).has('cursor')")
		if second := p.hitSummary(); second == first || second == "" {
			t.Errorf("page 2 shows the hits of page 1 (or none)")
		}
		if got := eval[string](p, "document.querySelector('.pager span').textContent"); got != "Page 2" {
			t.Errorf("pager says %q on page 2", got)
		}
		p.do(chromedp.Click(chromedp.CSS(".pager button:first-child")))
		p.waitFor("!new URLSearchParams(location.search).has('cursor')")
		if got := p.hitSummary(); got != first {
			t.Errorf("Previous does not come back to page 1's hits")
		}
	})

	t.Run("compare", func(t *testing.T) {
		p := p.in(t)
		p.open("/?view=compare&principle=sovereignty&state=FRA&state=NLD&state=USA", "document.querySelector('main.compare .columns')")
		heads := eval[[]string](p, "[...document.querySelectorAll('.column > h2')].map(h => h.firstChild.textContent)")
		if len(heads) != 3 || heads[0] != "France" {
			t.Errorf("compare columns = %q, want France, the Netherlands and the United States", heads)
		}
		if n := eval[int](p, "document.querySelectorAll('.column .hit').length"); n == 0 {
			t.Error("no state has a passage on sovereignty")
		}
		if got := eval[string](p, "document.getElementById('subject').value"); got != "principle:sovereignty" {
			t.Errorf("compare form shows subject %q", got)
		}
		p.shot("compare")
	})
}
