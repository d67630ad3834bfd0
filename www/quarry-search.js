// <quarry-search>: Quarry's search box as a web component.
//
//   <script type="module" src="quarry-search.js"></script>
//   <quarry-search placeholder="Search the archive" limit="10"></quarry-search>
//
// Attributes: placeholder, limit (results per page), autofocus. Events:
// `quarry-select` (detail: the hit) when a result is chosen; cancel it to
// stay on the page, otherwise the hit's url is followed (its section's, if
// it has one). Styling: CSS
// custom properties (--quarry-accent, --quarry-bg, --quarry-fg, --quarry-muted,
// --quarry-border, --quarry-mark, --quarry-radius, --quarry-font) and parts
// (input, status, suggestion, facets, chip, listbox, option, title, section,
// meta, snippet, mark, more). Document text reaches the DOM only as text nodes.
import init, { search, stats } from './pkg/quarry.js';

const CSS = `
:host { display: block; font-family: var(--quarry-font, system-ui, sans-serif); color: var(--quarry-fg, #1d1d1f);
  --_accent: var(--quarry-accent, #8a4b08); --_muted: var(--quarry-muted, #5f6368); --_border: var(--quarry-border, #d8d4cc);
  --_mark: var(--quarry-mark, #ffe08a); --_radius: var(--quarry-radius, 0.6rem); --_bg: var(--quarry-bg, transparent); }
@media (prefers-color-scheme: dark) {
  :host { color: var(--quarry-fg, #ececec); --_accent: var(--quarry-accent, #f0b35e); --_muted: var(--quarry-muted, #a3a7ad);
    --_border: var(--quarry-border, #3a3c40); --_mark: var(--quarry-mark, #6b5210); }
}
* { box-sizing: border-box; }
input { width: 100%; font: inherit; font-size: 1.1rem; padding: 0.7rem 0.9rem; color: inherit; background: var(--_bg);
  border: 1px solid var(--_border); border-radius: var(--_radius); }
input:focus { outline: 2px solid var(--_accent); outline-offset: 1px; }
.status { color: var(--_muted); font-size: 0.9rem; min-height: 1.4em; margin: 0.5rem 0 0.25rem; }
.suggestion { margin: 0.25rem 0; }
.suggestion[hidden], .facets[hidden], .more[hidden] { display: none; }
.suggestion a { color: var(--_accent); font-weight: 600; }
.facets { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.4rem 0; }
.chip { font: inherit; font-size: 0.8rem; padding: 0.15rem 0.6rem; border-radius: 999px; border: 1px solid var(--_border);
  background: transparent; color: inherit; cursor: pointer; }
.chip[aria-pressed="true"] { background: var(--_accent); border-color: var(--_accent); color: var(--quarry-bg, #fff); }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 0.75rem 0.6rem; border-bottom: 1px solid var(--_border); cursor: pointer; border-radius: 0.3rem; }
li[aria-selected="true"] { outline: 2px solid var(--_accent); outline-offset: -2px; }
li:hover { background: color-mix(in srgb, var(--_accent) 8%, transparent); }
.title { font-weight: 600; font-size: 1.05rem; }
.section { color: var(--_muted); font-size: 0.9rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.meta { color: var(--_muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; margin: 0.1rem 0; }
.path { text-transform: none; letter-spacing: normal; }
.snippet { margin: 0.15rem 0 0; line-height: 1.5; }
mark { background: var(--_mark); color: inherit; border-radius: 0.2em; padding: 0 0.1em; }
.more { margin: 0.8rem 0; font: inherit; padding: 0.4rem 1rem; border-radius: var(--_radius); border: 1px solid var(--_border);
  background: transparent; color: inherit; cursor: pointer; }
`;

/** Chips shown at most per facet, besides the one chosen. */
const MAX_CHIPS = 8;

let ready = null;
/** Loads the module once for every element on the page: from the bytes a
 * standalone page inlines (`globalThis.quarryWasm`: the bytes, or a promise
 * of them), else beside quarry.js. */
function load() {
  const bytes = globalThis.quarryWasm;
  ready ??= init(bytes ? { module_or_path: bytes } : undefined).then(() => stats());
  return ready;
}

let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'part' || k.startsWith('aria-') || k === 'role') e.setAttribute(k, v);
    else e[k] = v;
  }
  e.append(...children);
  return e;
};

let instances = 0;

export class QuarrySearch extends HTMLElement {
  static observedAttributes = ['placeholder', 'limit'];

  constructor() {
    super();
    const id = `quarry-${++instances}`;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.input = el('input', {
      type: 'search', part: 'input', role: 'combobox', autocomplete: 'off', spellcheck: false,
      'aria-expanded': 'false', 'aria-controls': `${id}-list`, 'aria-autocomplete': 'list', 'aria-label': 'Search',
    });
    this.status = el('div', { className: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.suggestion = el('p', { className: 'suggestion', part: 'suggestion', hidden: true });
    this.facets = el('div', { className: 'facets', part: 'facets', hidden: true, role: 'group', 'aria-label': 'Filter results' });
    this.list = el('ul', { id: `${id}-list`, part: 'listbox', role: 'listbox', 'aria-label': 'Results' });
    this.more = el('button', { className: 'more', part: 'more', type: 'button', hidden: true, textContent: 'More results' });
    root.append(this.input, this.status, this.suggestion, this.facets, this.list, this.more);
    this.optionPrefix = `${id}-opt-`;
    this.hits = [];
    this.active = -1;
    this.filters = {};
    this.page = 1;
    // Search in the input event itself: a query costs about a millisecond at
    // 10,000 documents, so waiting for a frame would only add latency.
    this.input.addEventListener('input', () => { this.page = 1; this.filters = {}; if (this.dataset.ready) this.run(); });
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.more.addEventListener('click', () => { this.page++; this.run(); });
    // Ctrl / Cmd with a click or Enter, or the middle button, opens a
    // result in a new tab, as with a link.
    const pick = (e) => {
      const li = e.target.closest('li[role="option"]');
      if (li && (e.type === 'click' || e.button === 1)) this.choose(Number(li.dataset.index), e.ctrlKey || e.metaKey || e.button === 1);
    };
    this.list.addEventListener('click', pick);
    this.list.addEventListener('auxclick', pick);
  }

  connectedCallback() {
    this.input.placeholder = this.getAttribute('placeholder') ?? 'Search…';
    if (!QuarrySearch.slashBound) {
      QuarrySearch.slashBound = true;
      document.addEventListener('keydown', (e) => {
        const t = e.composedPath()[0];
        const typing = t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
        if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
          const box = document.querySelector('quarry-search');
          if (box) { e.preventDefault(); box.focus(); }
        }
      });
    }
    load().then((s) => {
      this.documents = s.documents;
      if (!this.hasAttribute('placeholder')) this.input.placeholder = `Search ${s.documents} documents…`;
      this.dataset.ready = 'true';
      if (this.input.value) this.run();
      this.dispatchEvent(new CustomEvent('quarry-ready', { detail: s }));
    }, (err) => { this.status.textContent = `Search is unavailable: ${err.message}`; });
    if (this.hasAttribute('autofocus')) this.input.focus();
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'placeholder') this.input.placeholder = value ?? '';
    if (name === 'limit' && this.dataset.ready) this.run();
  }

  focus() { this.input.focus(); }

  /** The query in the box; setting it runs the search. */
  get value() { return this.input.value; }
  set value(v) { this.input.value = v; this.page = 1; this.filters = {}; if (this.dataset.ready) this.run(); }

  get limit() {
    const n = Number.parseInt(this.getAttribute('limit') ?? '10', 10);
    return Number.isFinite(n) && n > 0 ? Math.min(n, 100) : 10;
  }

  run() {
    const query = this.input.value;
    const started = performance.now();
    const r = search(query, { limit: this.limit * this.page, filters: this.filters });
    this.lastMs = performance.now() - started;
    this.hits = r.hits;
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    // Hits that share a title (a book's two `Layout` chapters) show their path.
    const seen = new Map();
    for (const h of r.hits) seen.set(h.title, (seen.get(h.title) ?? 0) + 1);
    this.list.replaceChildren(...r.hits.map((h, i) => this.renderHit(h, i, seen.get(h.title) > 1)));
    this.input.setAttribute('aria-expanded', String(r.hits.length > 0));
    this.more.hidden = r.hits.length >= r.total;
    this.renderSuggestion(r.suggestion);
    this.renderFacets(query.trim() ? r.facets : {});
    if (!query.trim()) this.status.textContent = '';
    else if (r.total === 0) this.status.textContent = `No results for “${query}”.`;
    else {
      const count = r.total === 1 ? '1 result' : `${r.total} results`;
      this.status.textContent = r.partial ? `No result has every word; ${count} with some of them` : count;
    }
    this.dispatchEvent(new CustomEvent('quarry-results', { detail: { query, total: r.total, partial: r.partial, ms: this.lastMs } }));
  }

  renderHit(hit, i, twin) {
    const title = el('div', { className: 'title', part: 'title' }, ...(hit.title ? marked(hit.title, hit.titleHighlights) : [hit.id]));
    const about = [hit.fields.date, hit.fields.place].filter(Boolean).join(' · ');
    const meta = el('div', { className: 'meta', part: 'meta', textContent: about });
    // A path is case-sensitive: not in the meta line's capitals.
    if (twin) meta.append(about ? ' · ' : '', el('span', { className: 'path', part: 'path', textContent: (hit.url ?? hit.id).replace(/\.html?$/, '') }));
    const snippet = el('div', { className: 'snippet', part: 'snippet' });
    // A snippet that starts with the heading shown above it (`Lifetimes
    // Lifetimes are…`) is shown from after it; that heading carries its marks.
    const lead = hit.section ? hit.section.title : hit.title;
    const rest = lead ? hit.snippet.slice(lead.length).trimStart() : '';
    const at = rest !== '' && rest.length < hit.snippet.length - lead.length && hit.snippet.startsWith(lead) ? hit.snippet.length - rest.length : 0;
    snippet.append(...marked(hit.snippet, hit.highlights, at));
    const section = hit.section ? [el('div', { className: 'section', part: 'section' }, '› ', ...marked(hit.section.title, hit.section.highlights))] : [];
    const li = el('li', { id: this.optionPrefix + i, role: 'option', 'aria-selected': 'false' }, title, ...section, meta, snippet);
    li.setAttribute('part', 'option');
    li.dataset.index = String(i);
    return li;
  }

  renderSuggestion(suggestion) {
    this.suggestion.hidden = !suggestion;
    if (!suggestion) return;
    const link = el('a', { href: '#', textContent: suggestion });
    link.addEventListener('click', (e) => { e.preventDefault(); this.value = suggestion; this.input.focus(); });
    this.suggestion.replaceChildren('Did you mean ', link, '?');
  }

  renderFacets(facets) {
    const chips = [];
    const add = (field, value, count, filter) => {
      const pressed = JSON.stringify(this.filters[field]) === JSON.stringify(filter);
      const chip = el('button', { className: 'chip', type: 'button', textContent: `${value} (${count})`, 'aria-pressed': String(pressed) });
      chip.setAttribute('part', 'chip');
      chip.addEventListener('click', () => {
        if (pressed) delete this.filters[field]; else this.filters[field] = filter;
        this.page = 1;
        this.run();
      });
      chips.push(chip);
    };
    // An archive's dozens of places and years would bury the results: a
    // facet shows its most frequent places, or its latest years, and
    // always the one chosen.
    const top = (counts, field, before) => Object.entries(counts ?? {}).sort(before)
      .filter(([v], i) => i < MAX_CHIPS || this.filters[field] === v);
    const byCount = (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
    const latest = (a, b) => (a[0] < b[0] ? 1 : -1);
    for (const [place, n] of top(facets.place, 'place', byCount)) add('place', place, n, place);
    for (const [year, n] of top(facets.year, 'date', latest)) add('date', year, n, year);
    this.facets.hidden = chips.length < 2 && Object.keys(this.filters).length === 0;
    this.facets.replaceChildren(...chips);
  }

  onKey(e) {
    const n = this.hits.length;
    if (e.key === 'ArrowDown' && n) { e.preventDefault(); this.setActive((this.active + 1) % n); }
    else if (e.key === 'ArrowUp' && n) { e.preventDefault(); this.setActive(this.active <= 0 ? n - 1 : this.active - 1); }
    else if (e.key === 'Enter' && this.active >= 0) { e.preventDefault(); this.choose(this.active, e.ctrlKey || e.metaKey); }
    else if (e.key === 'Escape') {
      if (this.active >= 0 || n) { this.setActive(-1); this.list.replaceChildren(); this.hits = []; this.input.setAttribute('aria-expanded', 'false'); }
      else { this.value = ''; }
    }
  }

  setActive(i) {
    const old = this.list.children[this.active];
    if (old) old.setAttribute('aria-selected', 'false');
    this.active = i;
    const li = this.list.children[i];
    if (li) {
      li.setAttribute('aria-selected', 'true');
      this.input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  choose(i, newTab = false) {
    const hit = this.hits[i];
    if (!hit) return;
    const go = this.dispatchEvent(new CustomEvent('quarry-select', { detail: hit, cancelable: true, bubbles: true, composed: true }));
    const url = hit.section?.url ?? hit.url;
    if (!go || !url) return;
    // Links are relative to the `base` attribute, else to this page.
    const href = new URL(url, new URL(this.getAttribute('base') ?? '', location.href)).href;
    if (newTab) window.open(href, '_blank', 'noopener');
    else location.href = href;
  }
}

// `text` from `from` on, with the engine's [start, end) ranges as <mark>s.
function marked(text, ranges, from = 0) {
  const parts = [];
  let at = from;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    parts.push(text.slice(at, start), el('mark', { part: 'mark', textContent: text.slice(start, end) }));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

customElements.define('quarry-search', QuarrySearch);
