// The demo page: results as you type. Document text reaches the DOM only
// through text nodes (textContent), never as HTML.
import init, { search, stats } from './pkg/quarry.js';

const input = document.getElementById('q');
const status = document.getElementById('status');
const list = document.getElementById('results');

/** Appends `snippet` to `parent` as text, with each highlight in a <mark>. */
function renderSnippet(parent, snippet, highlights) {
  let at = 0;
  for (const [start, end] of highlights) {
    parent.append(snippet.slice(at, start));
    const mark = document.createElement('mark');
    mark.textContent = snippet.slice(start, end);
    parent.append(mark);
    at = end;
  }
  parent.append(snippet.slice(at));
}

function renderHit(hit) {
  const li = document.createElement('li');
  li.className = 'hit';
  const title = document.createElement(hit.url ? 'a' : 'span');
  title.className = 'hit-title';
  if (hit.url) title.href = hit.url;
  title.textContent = hit.title || hit.id;
  const meta = document.createElement('p');
  meta.className = 'hit-meta';
  meta.textContent = [hit.fields.date, hit.fields.place].filter(Boolean).join(' · ');
  const snippet = document.createElement('p');
  snippet.className = 'hit-snippet';
  renderSnippet(snippet, hit.snippet, hit.highlights);
  li.append(title, meta, snippet);
  return li;
}

function run() {
  const query = input.value;
  const started = performance.now();
  const r = search(query, { limit: 20 });
  const ms = performance.now() - started;
  list.replaceChildren(...r.hits.map(renderHit));
  if (!query.trim()) {
    status.textContent = '';
  } else if (r.total === 0) {
    status.textContent = `No results for “${query}”.`;
  } else {
    const n = r.total === 1 ? '1 result' : `${r.total} results`;
    status.textContent = `${n} in ${ms < 1 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
  }
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query); else url.searchParams.delete('q');
  history.replaceState(null, '', url);
}

let pending = false;
input.addEventListener('input', () => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; run(); });
});
document.getElementById('search-form').addEventListener('submit', (e) => e.preventDefault());

await init();
const s = stats();
input.placeholder = `Search ${s.documents} documents… try Cuong, "new society" or party -chile`;
status.textContent = '';
const initial = new URL(location.href).searchParams.get('q');
if (initial) input.value = initial;
if (input.value) run();
document.body.dataset.ready = 'true';
