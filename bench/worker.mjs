// Measures one engine on one corpus in its own process.
// node --expose-gc worker.mjs ENGINE CORPUS.jsonl QUERIES.tsv [QUARRY_PKG_DIR]
// Prints one JSON object.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gz, gc, now, pct, timeEach } from './timing.mjs';

const [engineName, corpusPath, queriesPath, pkgDir] = process.argv.slice(2);
const rows = readFileSync(queriesPath, 'utf8').split('\n').filter((l) => l && !l.startsWith('query\t'))
  .map((l) => { const [query, kind, note] = l.split('\t'); return { query, kind, note }; });
const queries = rows.map((r) => r.query);
// With BENCH_EACH set (bench/run.mjs's alternated sittings), each query's
// times and whether it found something come too.
const time = (search) => {
  const t = timeEach(queries, search);
  if (!process.env.BENCH_EACH) {
    delete t.found;
    delete t.each;
  }
  return t;
};

// Typo tolerance: the share of the log's misspelled words whose intended
// word's top result is in the misspelling's top 10; `ids(query)` searches.
function typosKept(ids) {
  const typos = rows.filter((r) => r.kind === 'typo');
  let kept = 0;
  for (const r of typos) {
    const want = ids(r.note.match(/ of ([a-z]+)/)?.[1] ?? '')[0];
    if (want !== undefined && ids(r.query).includes(want)) kept++;
  }
  return typos.length ? kept / typos.length : null;
}

const out = { engine: engineName, corpus: corpusPath };
if (engineName === 'quarry') {
  const wasm = readFileSync(resolve(pkgDir, 'quarry_bg.wasm'));
  const js = readFileSync(resolve(pkgDir, 'quarry.js'));
  const snippetJs = readFileSync(resolve(pkgDir, 'snippets', readdirSync(resolve(pkgDir, 'snippets'))[0], 'js/hits.js'));
  out.indexBytes = wasm.length;
  out.indexGzip = gz(wasm);
  out.downloadGzip = gz(wasm) + gz(js) + gz(snippetJs);
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = now();
  const pkg = await import(pathToFileURL(resolve(pkgDir, 'quarry.js')).href);
  const exports = pkg.initSync({ module: wasm });
  pkg.search(queries[0], { limit: 10, snippet: false });
  out.firstAnswerMs = now() - t0;
  const run = (opts) => (q) => pkg.search(q, opts).hits.map((h) => [h.id, h.title]);
  Object.assign(out, time(run({ limit: 10, snippet: false })));
  // The boundary alone: an empty query parses to nothing and finds nothing,
  // so its time is the call, the options and the empty result object.
  const boundary = [];
  for (let i = 0; i < 3000; i++) {
    const t = now();
    pkg.search('', { limit: 10, snippet: false });
    if (i >= 1000) boundary.push((now() - t) * 1000);
  }
  out.boundaryP50 = pct(boundary, 0.5);
  out.boundaryP95 = pct(boundary, 0.95);
  const withSnippets = time(run({ limit: 10 }));
  out.snippetP50 = withSnippets.p50;
  out.snippetP95 = withSnippets.p95;
  gc();
  const mem = exports.memory?.buffer?.byteLength;
  out.memoryMB = (process.memoryUsage().heapUsed - heap0 + (mem ?? 0)) / 2 ** 20;
  // The log's typos are finished words: no completion on either side.
  out.typoTop10 = typosKept((q) => pkg.search(q, { limit: 10, snippet: false, prefix: false }).hits.map((h) => h.id));
} else {
  const engine = (await import(`./engines/${engineName}.mjs`)).default;
  const docs = readFileSync(corpusPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  let t = now();
  const built = await engine.build(docs);
  out.buildMs = now() - t;
  const text = await engine.serialize(built);
  const bytes = Buffer.from(text);
  out.indexBytes = bytes.length;
  out.indexGzip = gz(bytes);
  // The library's browser bundle, read from its package folder.
  const code = readFileSync(resolve(import.meta.dirname, 'node_modules', engine.code));
  out.downloadGzip = out.indexGzip + gz(code);
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  t = now();
  const loaded = await engine.load(text);
  engine.search(loaded, queries[0]);
  out.firstAnswerMs = now() - t;
  Object.assign(out, time((q) => engine.search(loaded, q)));
  // As timed: a peer's adapter has one way to search.
  out.typoTop10 = typosKept((q) => engine.search(loaded, q).map(([id]) => id));
  gc();
  out.memoryMB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
}
console.log(JSON.stringify(out));

