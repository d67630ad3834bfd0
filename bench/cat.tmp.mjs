// per-category p50/p95 for one engine (temporary, not committed)
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const [engineName, corpusPath, queriesPath, pkgDir] = process.argv.slice(2);
const rows = readFileSync(queriesPath, 'utf8').split('\n').filter((l) => l && !l.startsWith('query\t'))
  .map((l) => { const [query, kind] = l.split('\t'); return { query, kind }; });
const now = () => performance.now();
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
let search;
if (engineName === 'quarry') {
  const wasm = readFileSync(resolve(pkgDir, 'quarry_bg.wasm'));
  const pkg = await import(pathToFileURL(resolve(pkgDir, 'quarry.js')).href);
  pkg.initSync({ module: wasm });
  search = (q) => pkg.search(q, { limit: 10, snippet: false }).hits.map((h) => [h.id, h.title]);
} else {
  const engine = (await import(`./engines/${engineName}.mjs`)).default;
  const docs = readFileSync(corpusPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const built = await engine.build(docs);
  const loaded = await engine.load(await engine.serialize(built));
  search = (q) => engine.search(loaded, q);
}
let t = now();
do { for (const r of rows) search(r.query); } while (now() - t < 3000);
const by = {}; const all = [];
for (let p = 0; p < 5; p++) for (const r of rows) {
  const t0 = now(); search(r.query); const d = (now() - t0) * 1000;
  (by[r.kind] ??= []).push(d); all.push(d);
}
const f = (x) => x.toFixed(1).padStart(6);
console.log(engineName, 'all', f(pct(all, .5)), f(pct(all, .95)));
for (const [k, v] of Object.entries(by)) console.log(engineName, k.padEnd(8), String(v.length / 5).padStart(3), f(pct(v, .5)), f(pct(v, .95)));
