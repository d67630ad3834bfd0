// Pagefind beside Quarry, both in headless Chromium: Pagefind searches its
// own output in the browser only (it fetches index chunks over HTTP), so
// the two run in one page served from 127.0.0.1, over the same corpus and
// queries. Prints one JSON line per engine.
//   node bench/pagefind.mjs CORPUS.jsonl QUERIES.tsv QUARRY_PKG_DIR
import * as pagefind from 'pagefind';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import { serve } from '../scripts/serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const [corpusPath, queriesPath, pkgDir] = process.argv.slice(2);
const queries = readFileSync(queriesPath, 'utf8').split('\n').filter((l) => l && !l.startsWith('query\t'))
  .map((l) => l.split('\t')[0]);
const docs = readFileSync(corpusPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const n = docs.length;
const site = resolve(import.meta.dirname, `data/pagefind-${n}`);
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// Pagefind ranks an <h1> above the body, its form of a title boost.
let t = performance.now();
const { index } = await pagefind.createIndex({});
for (const d of docs) {
  const html = `<!doctype html><html lang="en"><head><title>${esc(d.title)}</title></head><body><main><h1>${esc(d.title)}</h1><p>${esc(d.body)}</p></main></body></html>`;
  const r = await index.addHTMLFile({ url: `/${d.id}.html`, content: html });
  if (r.errors.length) throw new Error(r.errors.join('; '));
}
await index.writeFiles({ outputPath: join(site, 'pagefind') });
await pagefind.close();
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
writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>');
// Cross-origin isolation gives performance.now() 5 µs steps instead of 100.
const server = await serve(site, 0, {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
});
const requested = [];
server.on('request', (req) => requested.push(decodeURIComponent(new URL(req.url, 'http://x').pathname)));
const browser = await launch();
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
try {
  const page = await browser.context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  for (const engine of ['pagefind', 'quarry']) {
    requested.length = 0;
    const firstAnswerMs = await page.evaluate(async ({ engine, first }) => {
      const t0 = performance.now();
      if (engine === 'pagefind') {
        const pf = await import('/pagefind/pagefind.js');
        await pf.init();
        window.run = async (q) => {
          const res = await pf.search(q);
          const top = await Promise.all(res.results.slice(0, 10).map((x) => x.data()));
          return top.map((d) => [d.url, d.meta.title]);
        };
      } else {
        const pkg = await import('/pkg/quarry.js');
        await pkg.default();
        window.run = async (q) => pkg.search(q, { limit: 10, snippet: false }).hits.map((h) => [h.id, h.title]);
      }
      await window.run(first);
      return performance.now() - t0;
    }, { engine, first: queries[0] });
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
  await browser.close();
  server.close();
}
