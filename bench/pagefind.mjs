// Pagefind beside Quarry, both in headless Chromium: Pagefind searches its
// own output in the browser only (it fetches index chunks over HTTP), so
// the two run in one page served from 127.0.0.1, over the same corpus and
// queries. Prints one JSON line per engine.
//   node bench/pagefind.mjs CORPUS.jsonl QUERIES.tsv QUARRY_PKG_DIR
import { cpSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import { loadPagefind, openSite, writeSite } from './pagefind-site.mjs';

const [corpusPath, queriesPath, pkgDir] = process.argv.slice(2);
const queries = readFileSync(queriesPath, 'utf8').split('\n').filter((l) => l && !l.startsWith('query\t'))
  .map((l) => l.split('\t')[0]);
const docs = readFileSync(corpusPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const n = docs.length;
const site = resolve(import.meta.dirname, `data/pagefind-${n}`);
let t = performance.now();
await writeSite(docs, site);
const buildMs = performance.now() - t;

// Everything the search reads (not the optional UI bundles).
const files = [];
const walk = (dir) => {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (!/ui\.(js|css)$|highlight\.js$/.test(f)) files.push(p);
  }
};
walk(join(site, 'pagefind'));
const gz = (p) => gzipSync(readFileSync(p), { level: 9 }).length;
const sizes = Object.fromEntries(files.map((p) => [`/${relative(site, p)}`, { raw: statSync(p).size, gz: gz(p) }]));
const sum = (pred, k) => Object.entries(sizes).filter(([p]) => pred(p)).reduce((a, [, s]) => a + s[k], 0);
const isCode = (p) => /\.js$|wasm\./.test(p);

cpSync(resolve(pkgDir), join(site, 'pkg'), { recursive: true });
// Cross-origin isolation gives performance.now() 5 µs steps instead of 100.
const { server, page, close } = await openSite(site, {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
});
const requested = [];
server.on('request', (req) => requested.push(decodeURIComponent(new URL(req.url, 'http://x').pathname)));
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
try {
  for (const engine of ['pagefind', 'quarry']) {
    requested.length = 0;
    const firstAnswerMs = engine === 'pagefind'
      ? await loadPagefind(page, queries[0])
      : await page.evaluate(async (first) => {
        const t0 = performance.now();
        const pkg = await import('/pkg/quarry.js');
        await pkg.default();
        window.run = async (q) => pkg.search(q, { limit: 10, snippet: false }).hits.map((h) => [h.id, h.title]);
        await window.run(first);
        return performance.now() - t0;
      }, queries[0]);
    if (engine === 'pagefind') await page.evaluate(() => { window.run = (q) => window.pagefindTop(q, 10); });
    // The server saw every fetch, the worker's included.
    const fetched = [...new Set(requested)];
    const r = await page.evaluate(async (queries) => {
      // Warm-up as in worker.mjs (until 2 s, at least one pass); Pagefind
      // also caches its chunks.
      const t0 = performance.now();
      do {
        for (const q of queries) await window.run(q);
      } while (performance.now() - t0 < 2000);
      const times = [];
      let empty = 0;
      for (let p = 0; p < 3; p++) {
        for (const q of queries) {
          const t = performance.now();
          const hits = await window.run(q);
          times.push((performance.now() - t) * 1000);
          if (p === 0 && hits.length === 0) empty++;
        }
      }
      return { times, empty };
    }, queries);
    const out = { engine, where: 'chromium', n, p50: pct(r.times, 0.5), p95: pct(r.times, 0.95), noAnswer: r.empty, firstAnswerMs };
    if (engine === 'pagefind') {
      console.error(`pagefind fetched before its first answer: ${fetched.join(' ')}`);
      Object.assign(out, {
        buildMs,
        files: files.length,
        indexBytes: sum((p) => !isCode(p), 'raw'),
        indexGzip: sum((p) => !isCode(p), 'gz'),
        codeGzip: sum(isCode, 'gz'),
        totalGzip: sum(() => true, 'gz'),
        // What the browser fetched before the first answer.
        downloadGzip: fetched.reduce((a, p) => a + (sizes[p]?.gz ?? 0), 0),
      });
    }
    console.log(JSON.stringify(out));
  }
} finally {
  await close();
}
