// Quarry beside mdBook's own search (elasticlunr over the book's
// searchindex.js, with the book's own search options) on one mdBook site:
// sizes, bytes to first answer and query latency, each engine in its own
// Node process, alternated over several sittings.
//   node bench/mdbook.mjs BOOK_DIR QUARRY_PKG_DIR QUERIES.txt
// QUARRY_PKG_DIR is a module built over the same pages:
//   QUARRY_CORPUS=BOOK_DIR wasm-pack build --release --target web --no-pack --out-dir DIR
// Prints a Markdown table.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gz, gc, now, time } from './timing.mjs';

const SITTINGS = Number(process.env.BENCH_SITTINGS ?? 3);

// One engine in this process: one JSON line.
async function measure(engine, book, pkg, queries) {
  const out = { engine };
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let search;
  let wasmMemory = 0;
  if (engine === 'mdbook') {
    const files = readdirSync(book);
    const file = (re) => readFileSync(resolve(book, files.find((f) => re.test(f))), 'utf8');
    const lunr = file(/^elasticlunr.*\.js$/);
    const index = file(/^searchindex.*\.js$/);
    out.indexGzip = gz(index);
    out.downloadGzip = gz(lunr) + gz(index) + gz(file(/^searcher.*\.js$/));
    const t0 = now();
    // As the book's page runs them: elasticlunr's bundle sets a global, the
    // index script assigns `window.search`.
    new Function(lunr)();
    globalThis.window = { search: {} };
    new Function(index)();
    const config = globalThis.window.search;
    const idx = globalThis.elasticlunr.Index.load(config.index);
    // The book's searcher shows up to 30 results; the same 10 as Quarry here.
    search = (q) => idx.search(q, config.search_options).slice(0, 10)
      .map((r) => [config.doc_urls[r.ref], r.doc.breadcrumbs]);
    search(queries[0]);
    out.firstAnswerMs = now() - t0;
    Object.assign(out, time(queries, search));
  } else {
    const wasm = readFileSync(resolve(pkg, 'quarry_bg.wasm'));
    const js = readFileSync(resolve(pkg, 'quarry.js'));
    const hits = readFileSync(resolve(pkg, 'snippets', readdirSync(resolve(pkg, 'snippets'))[0], 'js/hits.js'));
    out.indexGzip = gz(wasm);
    out.downloadGzip = gz(wasm) + gz(js) + gz(hits);
    const t0 = now();
    const quarry = await import(pathToFileURL(resolve(pkg, 'quarry.js')).href);
    const exports = quarry.initSync({ module: wasm });
    const run = (opts) => (q) => quarry.search(q, opts).hits.map((h) => [h.url, h.title]);
    run({ limit: 10, snippet: false })(queries[0]);
    out.firstAnswerMs = now() - t0;
    Object.assign(out, time(queries, run({ limit: 10, snippet: false })));
    const withSnippets = time(queries, run({ limit: 10 }));
    out.snippetP50 = withSnippets.p50;
    out.snippetP95 = withSnippets.p95;
    wasmMemory = exports.memory.buffer.byteLength;
  }
  gc();
  out.memoryMB = (process.memoryUsage().heapUsed - heap0 + wasmMemory) / 2 ** 20;
  console.log(JSON.stringify(out));
}

const args = process.argv.slice(2);
if (args[0] === '--engine') {
  const [, engine, book, pkg, queriesPath] = args;
  const queries = readFileSync(queriesPath, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  await measure(engine, book, pkg, queries);
} else {
  const [book, pkg, queriesPath] = args.map((a) => resolve(a));
  const runs = { mdbook: [], quarry: [] };
  for (let s = 0; s < SITTINGS; s++) {
    for (const engine of s % 2 ? ['quarry', 'mdbook'] : ['mdbook', 'quarry']) {
      const r = spawnSync(process.execPath, ['--expose-gc', import.meta.filename, '--engine', engine, book, pkg, queriesPath], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${engine}: ${r.stderr}`);
      const line = JSON.parse(r.stdout.trim().split('\n').pop());
      console.error(JSON.stringify(line));
      runs[engine].push(line);
    }
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const f = (x, d = 1) => (x === undefined ? '' : x.toFixed(d));
  console.log('| engine | download gz (KB) | index gz (KB) | bytes → first answer (ms) | p50 (µs) | p95 (µs) | with snippets p50 / p95 (µs) | no answer | memory (MB) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [engine, rs] of Object.entries(runs)) {
    const m = (k) => med(rs.map((r) => r[k]));
    const snippets = rs[0].snippetP50 === undefined ? '' : `${f(m('snippetP50'))} / ${f(m('snippetP95'))}`;
    console.log(`| ${engine} | ${f(rs[0].downloadGzip / 1024, 0)} | ${f(rs[0].indexGzip / 1024, 0)} | ${f(m('firstAnswerMs'))} | ${f(m('p50'))} | ${f(m('p95'))} | ${snippets} | ${rs[0].noAnswer} | ${f(m('memoryMB'))} |`);
  }
  const ratio = (k) => med(runs.quarry.map((q, i) => q[k] / runs.mdbook[i][k]));
  console.log(`\nMedian over ${SITTINGS} alternated sittings; Quarry / mdBook: p50 ${f(ratio('p50'), 2)}, p95 ${f(ratio('p95'), 2)}, first answer ${f(ratio('firstAnswerMs'), 2)}.`);
}
