// Facets, filters and the sort by date on a news-like corpus: the
// benchmark's GCIDE entries, each given a date and a place.
//   node bench/facets.mjs make IN.jsonl OUT.jsonl
//     adds `date` (2000-01-01 to 2025-12-28) and `place` (one of 20),
//     drawn from a fixed seed
//   node bench/facets.mjs time PKG_DIR
//     Quarry built over OUT.jsonl: time to the first answer and to the
//     first answer sorted by date, then the median of 50 runs of a few
//     queries (after 20 to warm up), `snippet: false`.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [mode, a, b] = process.argv.slice(2);
const PLACES = ['HANOI', 'HO CHI MINH CITY', 'DA NANG', 'HUE', 'SANTIAGO', 'MEXICO CITY', 'PARIS',
  'TOKYO', 'BERLIN', 'LIMA', 'HAVANA', 'SEOUL', 'BEIJING', 'LONDON', 'NEW YORK', 'MOSCOW', 'CAIRO',
  'DELHI', 'JAKARTA', 'MANILA'];

// mulberry32: a small seeded generator, so the corpus is the same on
// every machine.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

if (mode === 'make' && a && b) {
  const next = random(7);
  const pick = (n) => Math.floor(next() * n);
  const pad = (n) => String(n).padStart(2, '0');
  const lines = readFileSync(a, 'utf8').split('\n').filter(Boolean).map((l) => {
    const d = JSON.parse(l);
    d.date = `${2000 + pick(26)}-${pad(1 + pick(12))}-${pad(1 + pick(28))}`;
    d.place = PLACES[pick(PLACES.length)];
    return JSON.stringify(d);
  });
  writeFileSync(b, lines.join('\n') + '\n');
  console.log(`${lines.length} documents -> ${b}`);
} else if (mode === 'time' && a) {
  const wasm = readFileSync(resolve(a, 'quarry_bg.wasm'));
  const pkg = await import(pathToFileURL(resolve(a, 'quarry.js')).href);
  pkg.initSync({ module: wasm });
  let t = performance.now();
  pkg.search('said', { limit: 10, snippet: false });
  const first = performance.now() - t;
  t = performance.now();
  pkg.search('the', { limit: 10, snippet: false, sort: '-date' });
  console.log(`first answer ${first.toFixed(1)} ms, then the first sorted by date ${(performance.now() - t).toFixed(1)} ms`);
  const cases = [
    ['said', {}], ['said', { sort: '-date' }], ['said', { filters: { place: 'HANOI' } }],
    ['said', { filters: { date: '2010' } }], ['the', {}], ['the', { sort: '-date' }],
    ['wat', {}], ['place:hanoi', {}], ['date:2010', { sort: '-date' }],
  ];
  console.log('| query | options | total | µs (median of 50) |\n|---|---|---|---|');
  for (const [q, o] of cases) {
    const opts = { limit: 10, snippet: false, ...o };
    for (let i = 0; i < 20; i++) pkg.search(q, opts);
    const times = [];
    for (let i = 0; i < 50; i++) {
      const s = performance.now();
      pkg.search(q, opts);
      times.push((performance.now() - s) * 1000);
    }
    times.sort((x, y) => x - y);
    const total = pkg.search(q, opts).total;
    console.log(`| \`${q}\` | \`${JSON.stringify(o)}\` | ${total} | ${times[25].toFixed(0)} |`);
  }
} else {
  console.error('usage: node bench/facets.mjs make IN.jsonl OUT.jsonl | time PKG_DIR');
  process.exit(2);
}
