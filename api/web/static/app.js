// Precedent's web page: a single-page client of the /v1 JSON API.
// Safety rule: text from documents is only ever inserted as text nodes
// (append/textContent); no innerHTML anywhere in this file.
'use strict';
(function () {
  const FACETS = ['state', 'group', 'topic', 'norm', 'principle', 'body', 'type', 'year'];
  const FILTERS = ['state', 'group', 'mentions', 'topic', 'norm', 'principle', 'body', 'type', 'language', 'symbol', 'family', 'from', 'to'];
  const SEARCH_KEYS = new Set(['q', 'sort', 'unit', 'cursor'].concat(FILTERS));
  const TITLES = {
    state: 'State', group: 'Group', mentions: 'Mentions', topic: 'Topic', norm: 'Norm', principle: 'Principle',
    body: 'Body', type: 'Document type', year: 'Year', language: 'Language', symbol: 'Symbol',
    family: 'Language family', from: 'From', to: 'To'
  };
  const EXPORTS = ['csv', 'ndjson', 'ris', 'bibtex'];
  const PAGE_SIZE = 20;
  const FACET_SIZE = 30; // covers every year since 1998
  const app = document.getElementById('app');
  const statusBox = document.getElementById('status');
  const labels = {}; // field -> value -> human label
  let seq = 0; // id of the latest view rendering; older ones are dropped
  let rendered = null; // location.search of the view on screen
  let focusAfter = null; // id of the element to focus after the next render
  let lastSearch = '/';

  // ---- DOM helpers: every string goes in as a text node ----
  function h(tag, props, ...kids) {
    return fill(document.createElement(tag), props, kids);
  }
  function s(tag, props, ...kids) {
    return fill(document.createElementNS('http://www.w3.org/2000/svg', tag), props, kids);
  }
  function fill(e, props, kids) {
    for (const [k, v] of Object.entries(props || {})) {
      if (v == null || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const k of kids.flat(Infinity)) {
      if (k != null && k !== false) e.append(k instanceof Node ? k : String(k));
    }
    return e;
  }
  const enc = encodeURIComponent;
  const fmt = (n) => Number(n || 0).toLocaleString('en');

  function label(field, value) {
    return (labels[field] && labels[field][value]) || value;
  }
  function learn(field, value, text) {
    if (!value || !text) return;
    (labels[field] = labels[field] || {})[value] = text;
  }

  // Server snippets are HTML-escaped text with <mark> around matches. Split on
  // the two tags, decode the entities and build text nodes: anything else
  // that looks like markup stays visible text.
  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  function decode(str) {
    return str.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (m, e) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()];
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    });
  }
  function snippet(html) {
    const out = [];
    let marked = false;
    // Whitespace between two marks is marked too: a phrase reads as one.
    const html2 = String(html).replace(/<\/mark>(\s+)<mark>/g, '$1');
    for (const part of html2.split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') marked = true;
      else if (part === '</mark>') marked = false;
      else if (part) out.push(marked ? h('mark', null, decode(part)) : decode(part));
    }
    return out;
  }

  // ---- API ----
  async function api(path, options) {
    const res = await fetch(path, Object.assign({ headers: { Accept: 'application/json' } }, options));
    let body = null;
    try { body = await res.json(); } catch (_) { body = null; }
    if (!res.ok) {
      const e = (body && body.error) || {};
      const err = new Error(e.message || res.status + ' ' + res.statusText);
      err.hint = e.hint;
      throw err;
    }
    return body;
  }
  function cached(path) {
    cached.memo = cached.memo || {};
    if (!cached.memo[path]) cached.memo[path] = api(path).catch(() => null);
    return cached.memo[path];
  }
  // Labels for tag ids come from the taxonomy and the gazetteer.
  const LABEL_LISTS = {
    topics: 'topic', norms: 'norm', principles: 'principle', bodies: 'body', types: 'type',
    languages: 'language', states: 'state', groups: 'group'
  };
  async function loadLabels() {
    const sources = await Promise.all([cached('/v1/taxonomy'), cached('/v1/states')]);
    for (const src of sources) {
      for (const [key, field] of Object.entries(LABEL_LISTS)) {
        for (const x of (src && src[key]) || []) learn(field, x.id || x.code, x.label || x.name);
      }
    }
  }

  // ---- navigation: the URL holds the whole state of a view ----
  function params() { return new URLSearchParams(location.search); }
  function urlOf(p) { const q = p.toString(); return '/' + (q ? '?' + q : ''); }
  function navigate(url, state) {
    history.pushState(state || null, '', url);
    route();
  }
  function setSearch(change) {
    const p = params();
    ['doc', 'lineage', 'view', 'cursor'].forEach((k) => p.delete(k));
    change(p);
    focusAfter = document.activeElement && document.activeElement.id;
    navigate(urlOf(p));
  }
  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[data-nav]');
    if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(a.getAttribute('href'));
  });
  window.addEventListener('popstate', route);
  document.getElementById('search').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = document.getElementById('q').value.trim();
    setSearch((p) => { if (q) p.set('q', q); else p.delete('q'); });
  });

  function route() {
    if (location.search === rendered && app.querySelector('main')) { showTarget(); return; }
    rendered = location.search;
    statusBox.textContent = '';
    const p = params();
    const n = ++seq;
    let view = searchView;
    if (p.has('doc')) view = documentView;
    else if (p.has('lineage') || p.get('view') === 'lineage') view = lineageView;
    else if (p.get('view') === 'compare') view = compareView;
    if (view === searchView) {
      document.getElementById('q').value = p.get('q') || '';
      lastSearch = urlOf(p);
    }
    app.setAttribute('aria-busy', 'true');
    view(p, n).catch((err) => { if (n === seq) show(n, errorBox(err)); });
  }
  // show replaces the view if it is still the latest one.
  function show(n, main) {
    if (n !== seq) return false;
    app.replaceChildren(main);
    app.removeAttribute('aria-busy');
    const again = focusAfter && document.getElementById(focusAfter);
    focusAfter = null;
    if (again) again.focus();
    else if (!location.hash) window.scrollTo(0, 0);
    // The link or button that led here is gone: screen readers start on the new view.
    if (!again && n > 1 && document.activeElement === document.body) app.querySelector('main').focus({ preventScroll: true });
    showTarget();
    return true;
  }
  function showTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    const t = id && document.getElementById(id);
    if (!t) return;
    app.querySelectorAll('.target').forEach((x) => x.classList.remove('target'));
    const item = t.closest('li') || t;
    item.classList.add('target');
    item.scrollIntoView({ block: 'start' });
  }
  function errorBox(err) {
    return h('main', { id: 'main', class: 'view', tabindex: -1 },
      h('div', { class: 'error', role: 'alert' },
        h('p', null, h('strong', null, 'Something went wrong: '), err.message),
        err.hint ? h('p', null, err.hint) : null,
        h('p', null, h('a', { href: lastSearch, 'data-nav': true }, 'Back to search'))));
  }
  function announce(text) {
    statusBox.textContent = text;
    clearTimeout(announce.timer);
    announce.timer = setTimeout(() => { statusBox.textContent = ''; }, 2500);
  }

  // ---- shared pieces ----
  function copyButton(citation) {
    return h('button', { type: 'button', class: 'copy', 'data-citation': citation, title: citation, 'aria-label': 'Copy citation: ' + citation, onclick: (e) => copy(citation, e.currentTarget) }, 'Copy citation');
  }
  async function copy(text, button) {
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch (_) {
      ok = legacyCopy(text);
    }
    announce(ok ? 'Copied: ' + text : 'Could not copy; the citation is: ' + text);
    button.textContent = ok ? 'Copied' : 'Copy failed';
    setTimeout(() => { button.textContent = 'Copy citation'; }, 2000);
  }
  function legacyCopy(text) {
    const area = h('textarea', { readonly: true, class: 'offscreen', 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (_) { ok = false; }
    area.remove();
    return ok;
  }
  function meta(d) {
    const bits = [d.symbol, d.date, label('body', d.body), label('type', d.type)];
    (d.states || []).forEach((c) => bits.push(label('state', c)));
    (d.groups || []).forEach((g) => bits.push(label('group', g)));
    return bits.filter(Boolean).join(' · ');
  }
  function paraNumber(ps) {
    if (ps.number) return 'para. ' + ps.number;
    const pp = ps.kind === 'preambular' && /preamble, para\. \d+/.exec(ps.citation || '');
    return pp ? pp[0] : ps.kind === 'preambular' ? 'preamble' : 'passage ' + ps.ordinal;
  }
  function tagList(tags) {
    if (!tags) return null;
    const items = [];
    for (const [field, list] of [['principle', tags.principles], ['norm', tags.norms], ['topic', tags.topics], ['mentions', tags.mentions]]) {
      for (const t of list || []) items.push(h('li', null, tag(field, t)));
    }
    return items.length ? h('ul', { class: 'tags', 'aria-label': 'Tags' }, items) : null;
  }
  function tag(field, t) {
    const name = (field === 'mentions' ? 'mentions ' + label('state', t.id) : label(field, t.id));
    const phrases = (t.evidence || []).map((e) => e.phrase).filter(Boolean);
    if (!phrases.length) return h('span', { class: 'tag tag-' + field }, name);
    return h('details', { class: 'tag tag-' + field },
      h('summary', { title: 'Why: ' + phrases.join(' / ') }, name),
      h('span', { class: 'why' }, 'Why: ', phrases.map((p, i) => [i ? ', ' : '', h('q', null, p)])));
  }
  function docLink(docID, passageID, text) {
    return h('a', { href: '/?doc=' + enc(docID) + (passageID ? '#' + enc(passageID) : ''), 'data-nav': true }, text);
  }
  // lineageLink leads to a passage's lineage; a passage whose wording recurs
  // elsewhere (it has a family) says so.
  function lineageLink(ps) {
    return h('a', { class: 'button lineage-link' + (ps.family ? ' recurs' : ''), href: '/?lineage=' + enc(ps.id), 'data-nav': true },
      ps.family ? 'Lineage · recurs' : 'Lineage');
  }

  // ---- search view ----
  async function searchView(p, n) {
    document.title = (p.get('q') ? p.get('q') + ' · ' : '') + 'Precedent';
    const q = new URLSearchParams();
    for (const [k, v] of p) if (SEARCH_KEYS.has(k)) q.append(k, v);
    q.set('facets', FACETS.join(','));
    q.set('highlight', 'true');
    q.set('size', PAGE_SIZE);
    q.set('facet_size', FACET_SIZE);
    const [res] = await Promise.all([api('/v1/search?' + q), loadLabels()]);
    for (const f of res.facets || []) for (const t of f.terms || []) learn(f.field, t.value, t.label);
    const facets = new Map((res.facets || []).map((f) => [f.field, f]));
    const main = h('main', { id: 'main', class: 'results', tabindex: -1 },
      chips(p), summary(p, res), yearChart(p, facets.get('year')), hitList(res, p), pager(p, res));
    show(n, h('div', { class: 'layout' }, facetPanel(p, facets), main));
  }
  function facetPanel(p, facets) {
    const boxes = FACETS.map((f) => facets.get(f)).filter(Boolean).map((f) => facetBox(f, p));
    const panel = h('details', { class: 'filters', open: window.matchMedia('(min-width: 760px)').matches },
      h('summary', null, 'Filters'), h('div', { class: 'facets' }, boxes));
    return h('aside', { 'aria-label': 'Filters' }, panel);
  }
  function facetBox(f, p) {
    const chosen = new Set(f.field === 'year' ? yearsChosen(p) : p.getAll(f.field));
    const terms = (f.terms || []).slice();
    for (const v of chosen) if (!terms.some((t) => t.value === v)) terms.push({ value: v, label: label(f.field, v), count: 0 });
    if (f.field === 'year') terms.sort((a, b) => b.value.localeCompare(a.value));
    const items = terms.map((t) => {
      const id = 'f-' + f.field + '-' + t.value.replace(/[^\w-]/g, '_');
      return h('li', null,
        h('input', { type: 'checkbox', id, 'data-value': t.value, checked: chosen.has(t.value), onchange: () => (f.field === 'year' ? toggleYear(t.value) : toggle(f.field, t.value)) }),
        h('label', { for: id }, h('span', { class: 'name' }, t.label || label(f.field, t.value)), ' ', h('span', { class: 'count' }, fmt(t.count))));
    });
    if (!items.length) return null; // nothing to choose: no box
    const extra = [];
    if (f.missing) extra.push(fmt(f.missing) + ' without');
    if (f.other) extra.push(fmt(f.other) + ' in other values');
    return h('fieldset', { class: 'facet', 'data-field': f.field },
      h('legend', null, TITLES[f.field] || f.field),
      h('ul', null, items),
      extra.length ? h('p', { class: 'more' }, extra.join(', ')) : null);
  }
  function toggle(field, value) {
    setSearch((p) => {
      const values = p.getAll(field);
      p.delete(field);
      const next = values.includes(value) ? values.filter((v) => v !== value) : values.concat(value);
      next.forEach((v) => p.append(field, v));
    });
  }
  // Years are a range (from, to): ticking a year outside it stretches the
  // range to it; unticking a year inside it clears the range.
  function yearRange(p) {
    const lo = Number((p.get('from') || '').slice(0, 4)) || 0;
    const hi = Number((p.get('to') || '').slice(0, 4)) || 0;
    return [lo, hi];
  }
  function yearsChosen(p) {
    const [lo, hi] = yearRange(p);
    if (!lo && !hi) return [];
    const out = [];
    for (let y = lo || 1945; y <= (hi || new Date().getFullYear()); y++) out.push(String(y));
    return out;
  }
  function toggleYear(value) {
    setSearch((p) => {
      const y = Number(value);
      const [lo, hi] = yearRange(p);
      if ((lo || hi) && (!lo || lo <= y) && (!hi || y <= hi)) { p.delete('from'); p.delete('to'); return; }
      p.set('from', String(lo ? Math.min(lo, y) : y));
      p.set('to', String(hi ? Math.max(hi, y) : y));
    });
  }
  function chips(p) {
    const list = [];
    for (const [k, v] of p) {
      if (!FILTERS.includes(k) || (k === 'to' && p.get('from') === v)) continue;
      const single = (k === 'from') && p.get('to') === v;
      const text = (single ? 'Year' : TITLES[k] || k) + ': ' + label(k, v);
      list.push(h('button', {
        type: 'button', class: 'chip', 'aria-label': 'Remove filter ' + text,
        onclick: () => setSearch((q) => {
          const rest = q.getAll(k).filter((x) => x !== v);
          q.delete(k);
          rest.forEach((x) => q.append(k, x));
          if (single) q.delete('to');
        })
      }, text, h('span', { 'aria-hidden': 'true', class: 'x' }, '×')));
    }
    if (!list.length) return null;
    list.push(h('button', { type: 'button', class: 'chip clear', onclick: () => setSearch((q) => FILTERS.forEach((k) => q.delete(k))) }, 'Clear all'));
    return h('div', { class: 'chips', role: 'group', 'aria-label': 'Active filters' }, list);
  }
  function summary(p, res) {
    const unit = p.get('unit') === 'document' ? 'documents' : 'passages';
    const count = h('p', { class: 'count', id: 'count', 'data-total': res.total },
      h('strong', null, fmt(res.total) + (res.total_exact === false ? '+' : '')), ' ' + unit,
      h('span', { class: 'took' }, ' in ' + Math.round(res.took_ms || 0) + ' ms'));
    const sort = h('select', { id: 'sort', onchange: (e) => setSearch((q) => (e.target.value === 'relevance' ? q.delete('sort') : q.set('sort', e.target.value))) },
      [['relevance', 'Relevance'], ['-date', 'Newest first'], ['date', 'Oldest first']].map(([v, t]) =>
        h('option', { value: v, selected: (p.get('sort') || 'relevance') === v }, t)));
    const unitSel = h('select', { id: 'unit', onchange: (e) => setSearch((q) => (e.target.value === 'passage' ? q.delete('unit') : q.set('unit', e.target.value))) },
      [['passage', 'Passages'], ['document', 'Documents']].map(([v, t]) => h('option', { value: v, selected: (p.get('unit') || 'passage') === v }, t)));
    return h('div', { class: 'summary' }, count,
      h('div', { class: 'controls' },
        h('label', { for: 'unit' }, 'Show '), unitSel,
        h('label', { for: 'sort' }, 'Sort '), sort,
        exportLinks('/v1/export', searchExport(p))));
  }
  function searchExport(p) {
    const q = new URLSearchParams();
    for (const [k, v] of p) if (SEARCH_KEYS.has(k) && k !== 'cursor' && k !== 'unit') q.append(k, v);
    return q;
  }
  // exportLinks offers the answer of an API path in each export format.
  function exportLinks(path, q) {
    return h('span', { class: 'export', role: 'group', 'aria-label': 'Export' }, 'Export ',
      EXPORTS.map((f) => { q.set('format', f); return h('a', { class: 'button small', href: path + '?' + q, download: '' }, f.toUpperCase()); }));
  }
  function yearChart(p, f) {
    const terms = ((f && f.terms) || []).filter((t) => /^\d{4}$/.test(t.value) && t.count > 0);
    if (!terms.length) return null;
    const counts = new Map(terms.map((t) => [Number(t.value), t.count]));
    const years = [...counts.keys()];
    const lo = Math.min(...years), hi = Math.max(...years), top = Math.max(...counts.values());
    const bw = 14, H = 64, svg = s('svg', { viewBox: '0 0 ' + ((hi - lo + 1) * bw) + ' ' + (H + 14), role: 'img', 'aria-labelledby': 'chart-title' });
    for (let y = lo; y <= hi; y++) {
      const c = counts.get(y) || 0, bh = c ? Math.max(2, Math.round((c / top) * H)) : 0, x = (y - lo) * bw;
      const q = params();
      q.delete('cursor');
      q.set('from', y);
      q.set('to', y);
      const bar = s('rect', { x: x + 1, y: H - bh, width: bw - 2, height: bh, class: 'bar' }, s('title', null, y + ': ' + fmt(c) + ' passages'));
      svg.append(c ? s('a', { href: urlOf(q), 'data-nav': true, 'aria-label': y + ': ' + fmt(c) + ' passages' }, bar) : bar);
      const labelled = y === lo || y === hi || (y % 5 === 0 && y - lo > 2 && hi - y > 2);
      if (labelled) svg.append(s('text', { x: x + bw / 2, y: H + 12, 'text-anchor': 'middle' }, String(y)));
    }
    return h('figure', { class: 'chart' }, h('figcaption', { id: 'chart-title' }, 'Matching passages per year'), svg);
  }
  function hitList(res, p) {
    if (!res.hits || !res.hits.length) {
      return h('div', { class: 'empty' }, h('p', null, 'No passages match.'),
        p.get('q') ? h('p', null, 'Try fewer words, a prefix* or fuzzy~ term, or remove a filter.') : null);
    }
    return h('ol', { class: 'hits' }, res.hits.map(hitItem));
  }
  function hitItem(hit) {
    const d = hit.document || {};
    const ps = hit.passage;
    const body = [];
    if (ps) {
      body.push(h('p', { class: 'where' }, h('span', { class: 'num' }, paraNumber(ps)),
        (ps.headings || []).length ? h('span', { class: 'headings' }, ps.headings.join(' › ')) : null));
      body.push(h('p', { class: 'snippet' }, hit.snippet ? snippet(hit.snippet) : clip(ps.text)));
      body.push(tagList(ps.tags));
    }
    for (const bp of hit.passages || []) {
      body.push(h('p', { class: 'snippet' }, h('span', { class: 'num' }, paraNumber(bp)), ' ', docLink(d.id, bp.id, clip(bp.text, 240))));
    }
    return h('li', { class: 'hit' }, h('article', null,
      h('h2', null, docLink(d.id, ps && ps.id, d.title || d.symbol || d.id)),
      h('p', { class: 'meta' }, meta(d), d.completeness === 'partial' ? h('span', { class: 'badge' }, 'excerpts') : null),
      body,
      h('div', { class: 'actions' }, h('cite', null, hit.citation), copyButton(hit.citation), ps ? lineageLink(ps) : null)));
  }
  function clip(text, max) {
    const t = String(text || '');
    max = max || 420;
    return t.length > max ? t.slice(0, max).replace(/\s+\S*$/, '') + ' …' : t;
  }
  function pager(p, res) {
    const stack = (history.state && history.state.prev) || [];
    const prev = p.has('cursor') ? h('button', {
      type: 'button', onclick: () => {
        const rest = stack.slice(), c = rest.pop(), q = params();
        if (c) q.set('cursor', c); else q.delete('cursor');
        navigate(urlOf(q), { prev: rest });
      }
    }, '← Previous') : null;
    const more = res.next_cursor && (res.hits || []).length >= PAGE_SIZE;
    const next = more ? h('button', {
      type: 'button', onclick: () => {
        const q = params();
        q.set('cursor', res.next_cursor);
        navigate(urlOf(q), { prev: stack.concat(p.get('cursor') || '') });
      }
    }, 'Next →') : null;
    if (!prev && !next) return null;
    const page = !p.has('cursor') ? 1 : stack.length ? stack.length + 1 : null;
    return h('nav', { class: 'pager', 'aria-label': 'Pages' }, prev, page ? h('span', null, 'Page ' + page) : null, next);
  }

  // ---- document view ----
  async function documentView(p, n) {
    const [d] = await Promise.all([api('/v1/documents/' + enc(p.get('doc'))), loadLabels()]);
    document.title = (d.symbol || d.title) + ' · Precedent';
    const info = [['Symbol', d.symbol], ['Date', d.date], ['Body', label('body', d.body)], ['Type', label('type', d.type)],
      ['States', (d.states || []).map((c) => label('state', c)).join(', ')], ['Groups', (d.groups || []).map((g) => label('group', g)).join(', ')],
      ['Language', d.language], ['Sponsors', d.sponsors]].filter(([, v]) => v);
    const seen = {};
    let preamble = 0;
    const main = h('main', { id: 'main', class: 'view document', tabindex: -1 },
      h('p', { class: 'back' }, h('a', { href: lastSearch, 'data-nav': true }, '← Results')),
      h('h1', null, d.title || d.symbol || d.id),
      h('dl', { class: 'docmeta' }, info.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
      d.completeness === 'partial' ? h('p', { class: 'notice' }, 'Excerpts only: this text holds the passages quoted from the source, not the whole document.') : null,
      /^https?:\/\//i.test(d.source_url || '') ? h('p', null, h('a', { href: d.source_url, rel: 'noopener noreferrer' }, 'Original document')) : null,
      h('ol', { class: 'passages' }, (d.passages || []).map((ps, i, all) => passageItem(ps, all[i - 1], seen, ps.kind === 'preambular' ? ++preamble : 0))));
    show(n, main);
  }
  // passageItem shows one passage of a document; preambular paragraphs,
  // unnumbered in print, are shown as PP1, PP2... as citations count them.
  function passageItem(ps, before, seen, preamble) {
    const heads = ps.headings || [];
    const changed = heads.length && (!before || (before.headings || []).join('\n') !== heads.join('\n'));
    const number = ps.number || (preamble ? 'PP' + preamble : '');
    let anchor = number ? 'p-' + number.toLowerCase().replace(/[^0-9a-z.]/g, '') : '';
    if (!anchor || seen[anchor]) anchor = '';
    else seen[anchor] = true;
    return h('li', { id: ps.id, class: 'passage kind-' + ps.kind + (ps.family ? ' has-family' : '') },
      changed ? h('h2', { class: 'heading' }, heads.join(' › ')) : null,
      h('a', { class: 'num', id: anchor || null, href: '#' + (anchor || ps.id), title: 'Link to this paragraph' }, number || '§'),
      h('div', { class: 'body' },
        h('p', { class: 'text' }, ps.text),
        tagList(ps.tags),
        h('div', { class: 'actions' }, copyButton(ps.citation), lineageLink(ps))));
  }

  // ---- lineage view ----
  async function lineageView(p, n) {
    await loadLabels();
    const id = p.get('lineage');
    const out = h('div', { class: 'lineage-out', 'aria-live': 'polite' });
    const area = h('textarea', { id: 'paste', rows: 4, required: true, placeholder: 'Paste a sentence or paragraph' });
    const form = h('form', { class: 'paste', onsubmit: (e) => { e.preventDefault(); tracePasted(area.value, out); } },
      h('label', { for: 'paste' }, 'Paste text to see where its wording first appeared and how it changed'),
      area, h('button', { type: 'submit' }, 'Trace wording'));
    // With a passage, its family comes first and the paste box folds below.
    const paste = id ? h('details', { class: 'paste-box' }, h('summary', null, 'Trace other wording'), form) : form;
    const main = h('main', { id: 'main', class: 'view lineage', tabindex: -1 },
      h('p', { class: 'back' }, h('a', { href: lastSearch, 'data-nav': true }, '← Results')),
      h('h1', null, 'Lineage of wording'), id ? [out, paste] : [paste, out]);
    if (id) {
      const res = await api('/v1/passages/' + enc(id) + '/lineage');
      out.append(exportLinks('/v1/passages/' + enc(id) + '/lineage', new URLSearchParams()), lineage(res, id));
      api('/v1/passages/' + enc(id) + '/similar').then((sim) => out.append(similar(sim))).catch(() => null);
    } else if (history.state && history.state.pasted) {
      area.value = history.state.pasted;
      tracePasted(area.value, out);
    }
    show(n, main);
  }
  async function tracePasted(text, out) {
    if (!text.trim()) return;
    history.replaceState({ pasted: text }, '', location.href);
    out.replaceChildren(h('p', { class: 'loading' }, 'Tracing…'));
    try {
      const res = await api('/v1/lineage', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ text }) });
      out.replaceChildren(lineage(res, null));
    } catch (err) {
      out.replaceChildren(errorBox(err).firstChild);
    }
  }
  function lineage(res, selfID) {
    const members = res.members || [];
    if (!members.length) return h('p', { class: 'empty' }, 'No earlier or later document carries this wording.');
    const list = h('ol', { class: 'timeline' });
    const draw = (against) => list.replaceChildren(...members.map((m, i) => member(m, i, against, selfID)));
    const pick = (v, t) => h('label', null, h('input', { type: 'radio', name: 'against', value: v, checked: v === 'previous', onchange: () => draw(v) }), ' ' + t);
    draw('previous');
    return h('section', { class: 'family' },
      h('h2', null, members.length === 1 ? 'No other passage carries this wording' : members.length + ' passages carry this wording'),
      h('fieldset', { class: 'against' }, h('legend', null, 'Show changes against'), pick('previous', 'the previous text'), pick('earliest', 'the earliest text')),
      list);
  }
  function member(m, i, against, selfID) {
    const ps = m.passage || m;
    const d = m.document || {};
    const ops = against === 'earliest' ? m.diff_first : m.diff_previous;
    const sim = m.similarity != null ? Math.round(m.similarity * 100) + '% similar' : '';
    return h('li', { class: 'member' + (ps.id === selfID ? ' self' : ''), id: 'm-' + ps.id },
      h('p', { class: 'when' }, h('time', null, m.date || d.date || ''), ' ', docLink(d.id || ps.doc_id, ps.id, m.citation || ps.citation),
        sim ? h('span', { class: 'sim' }, sim) : null, ps.id === selfID ? h('span', { class: 'badge' }, 'this passage') : null),
      i === 0 ? h('p', { class: 'diff first' }, ps.text) : ops ? diff(ops) : h('p', { class: 'diff' }, ps.text));
  }
  // Each op is a run of words; runs are separated by a space.
  function diff(ops) {
    return h('p', { class: 'diff' }, ops.filter((o) => o.text).map((o, i) => {
      const sep = i ? ' ' : '';
      if (o.kind === 'insert') return [sep, h('ins', null, o.text)];
      if (o.kind === 'delete') return [sep, h('del', null, o.text)];
      return sep + o.text;
    }));
  }
  function similar(res) {
    const hits = (res && (Array.isArray(res) ? res : res.hits)) || [];
    if (!hits.length) return '';
    return h('section', { class: 'similar' }, h('h2', null, 'Close in meaning, different wording'),
      h('ol', { class: 'hits' }, hits.map(hitItem)));
  }

  // ---- compare view ----
  async function compareView(p, n) {
    await loadLabels();
    const tax = (await cached('/v1/taxonomy')) || {};
    const states = p.getAll('state');
    const on = p.has('topic') ? ['topic', p.get('topic')] : p.has('norm') ? ['norm', p.get('norm')] : ['principle', p.get('principle') || ''];
    const main = h('main', { id: 'main', class: 'view compare', tabindex: -1 },
      h('h1', null, 'Compare states'), compareForm(tax, on, states));
    if (on[1] && states.length) {
      const q = new URLSearchParams([on]);
      states.forEach((st) => q.append('state', st));
      const res = await api('/v1/compare?' + q);
      main.append(exportLinks('/v1/compare', q), columns(res, on));
    } else {
      main.append(h('p', { class: 'empty' }, 'Choose a principle or topic and at least two states.'));
    }
    show(n, main);
  }
  function compareForm(tax, on, states) {
    const opts = (field, list) => (list || []).map((t) => h('option', { value: field + ':' + t.id, selected: on[0] === field && on[1] === t.id }, t.label || t.name || t.id));
    const subject = h('select', { id: 'subject', name: 'subject' },
      h('optgroup', { label: 'Legal principles' }, opts('principle', tax.principles)),
      h('optgroup', { label: 'Topics' }, opts('topic', tax.topics)),
      h('optgroup', { label: 'Norms' }, opts('norm', tax.norms)));
    const known = Object.keys(labels.state || {}).sort((a, b) => label('state', a).localeCompare(label('state', b)));
    const input = h('input', { id: 'states', name: 'states', value: states.join(' '), list: 'state-list', autocomplete: 'off', 'aria-describedby': 'states-hint' });
    return h('form', {
      class: 'compare-form', onsubmit: (e) => {
        e.preventDefault();
        const [field, id] = subject.value.split(':');
        const q = new URLSearchParams([['view', 'compare'], [field, id]]);
        input.value.split(/[\s,]+/).filter(Boolean).forEach((st) => q.append('state', st.toUpperCase()));
        navigate(urlOf(q));
      }
    }, h('label', { for: 'subject' }, 'Principle or topic'), subject,
    h('label', { for: 'states' }, 'States'), input,
    h('datalist', { id: 'state-list' }, known.map((c) => h('option', { value: c }, label('state', c)))),
    h('p', { id: 'states-hint', class: 'hint' }, 'ISO codes separated by spaces, e.g. FRA DEU CHN'),
    h('button', { type: 'submit' }, 'Compare'));
  }
  function columns(res, on) {
    const subject = res.label || label(on[0], on[1]);
    return h('div', { class: 'columns' }, (res.states || []).map((c) => {
      const name = c.label || label('state', c.state);
      const hits = c.hits || [];
      return h('section', { class: 'column', 'aria-label': name },
        h('h2', null, name, h('span', { class: 'count' }, ' ' + fmt(c.total) + ' passages')),
        hits.length ? h('ol', { class: 'hits' }, hits.map(hitItem))
          : h('p', { class: 'empty' }, 'No passage of ' + name + ' on ' + subject + '.'));
    }));
  }

  route();
})();
