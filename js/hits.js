// Assembles search results from ordinals and scores that Rust leaves in
// one buffer of wasm memory, read here in place. Document metadata arrives
// once per document (cacheDoc) and is reused, so a query decodes no strings
// but its snippets.

const docs = [];
let memory = null;
let words = new Uint32Array(0);
let floats = new Float32Array(0);

export function setMemory(m) {
  memory = m;
  words = new Uint32Array(0);
  floats = new Float32Array(0);
}

// Hits share what does not change from one to the next, frozen: a
// document's fields, and without snippets an empty list of marks. That is
// two or three fewer objects a hit on the path that only wants ids and
// titles.
const NO_MARKS = Object.freeze([]);
const NO_FIELDS = Object.freeze({});

export function cacheDoc(ord, id, title, url, fields) {
  const none = Object.keys(fields).length === 0;
  docs[ord] = { id, title, url: url ?? null, fields: none ? NO_FIELDS : Object.freeze(fields) };
}

const round = (x) => Math.round(x * 1e4) / 1e4;

// `page` is a byte address: n ordinals, n scores, and with snippets n
// snippet ends, then each hit's section heading and id ends (they follow
// the snippets in the text), then each hit's three lists of marks (in its
// snippet, title and section heading), each a count and [start, end) pairs.
export function makeResult(total, n, page, snippets, suggestion, facets, partial) {
  // Growing the memory detaches the old buffer: the views are made again.
  if (words.byteLength === 0) {
    words = new Uint32Array(memory.buffer);
    floats = new Float32Array(memory.buffer);
  }
  const at = page >>> 2;
  const hits = new Array(n);
  const withSnippets = snippets !== undefined && snippets !== null;
  let h = at + 5 * n;
  let start = 0;
  let place = withSnippets && n > 0 ? words[at + 3 * n - 1] : 0;
  const readMarks = () => {
    const marks = new Array(words[h++]);
    for (let k = 0; k < marks.length; k++) marks[k] = [words[h++], words[h++]];
    return marks;
  };
  for (let i = 0; i < n; i++) {
    const d = docs[words[at + i]];
    let snippet = '';
    let marks = NO_MARKS;
    let titleMarks = NO_MARKS;
    let section = null;
    if (withSnippets) {
      const end = words[at + 2 * n + i];
      snippet = snippets.slice(start, end);
      start = end;
      marks = readMarks();
      titleMarks = readMarks();
      const headingMarks = readMarks();
      const headingEnd = words[at + 3 * n + 2 * i];
      const idEnd = words[at + 3 * n + 2 * i + 1];
      if (idEnd > headingEnd) {
        const id = snippets.slice(headingEnd, idEnd);
        const title = snippets.slice(place, headingEnd);
        section = { title, id, url: `${d.url ?? ''}#${id}`, highlights: headingMarks };
      }
      place = idEnd;
    }
    hits[i] = {
      id: d.id,
      title: d.title,
      url: d.url,
      score: round(floats[at + n + i]),
      snippet,
      highlights: marks,
      titleHighlights: titleMarks,
      fields: d.fields,
      section,
    };
  }
  return { total, hits, suggestion: suggestion ?? null, facets: facets ?? {}, partial };
}

// Options that use only limit, offset, prefix, fuzzy, snippet, partial and
// sort, all valid, are packed into one number, so that Rust reads them in
// one call instead of a few per option. Anything else gives -1: Rust then
// reads the object itself and names what is wrong. Layout, low bits first:
// sort (2 bits: 0 unset, then relevance, date, -date), prefix, fuzzy,
// snippet and partial (2 bits each: 0 unset, 1 false, 2 true), limit + 1
// (11 bits, 0 unset), offset + 1 (the rest, 0 unset).
const SORTS = { relevance: 1, date: 2, '-date': 3 };
const FLAGS = { prefix: 4, fuzzy: 16, snippet: 64, partial: 256 };
const MAX_FAST_OFFSET = 2 ** 20;
// Object.hasOwn is missing from Safari before 15.4.
const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

export function packOptions(o, maxLimit) {
  if (o === undefined || o === null) return 0;
  if (typeof o !== 'object' || Array.isArray(o)) return -1;
  let bits = 0;
  let limit = 0;
  let offset = 0;
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (v === undefined) continue;
    if (own(FLAGS, key) && typeof v === 'boolean') bits += FLAGS[key] * (v ? 2 : 1);
    else if (key === 'sort' && typeof v === 'string' && own(SORTS, v)) bits += SORTS[v];
    else if (key === 'limit' && Number.isInteger(v) && v >= 0 && v <= maxLimit) limit = v + 1;
    else if (key === 'offset' && Number.isInteger(v) && v >= 0 && v < MAX_FAST_OFFSET) offset = v + 1;
    else return -1;
  }
  return bits + 1024 * (limit + 2048 * offset);
}
