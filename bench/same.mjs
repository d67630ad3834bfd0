// Two builds of Quarry give the same results: every query of a log, and a
// few short prefixes (capitals, a finished word), at three pages with and
// without snippets, compared as JSON in one Node process. For a change
// that must not alter results (a format or speed change):
// node bench/same.mjs PKG_A PKG_B QUERIES.tsv (PKG_* as for bench/ab.mjs).
// Prints each difference (the first few) and the count; exits 1 if any.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const [a, b, qpath] = process.argv.slice(2);
const rows = readFileSync(qpath, 'utf8').split('\n').filter((l) => l && !l.startsWith('query\t')).map((l) => l.split('\t')[0]);
async function load(dir) {
  const pkg = await import(pathToFileURL(resolve(dir, 'quarry.js')).href + '?' + dir);
  pkg.initSync({ module: readFileSync(resolve(dir, 'quarry_bg.wasm')) });
  return pkg.search;
}
const A = await load(a), B = await load(b);
const extra = ['s', 'st', 'sta', 'stat', 'Sta', 'STA', 'sta ', 'a', 'an', 'the', 'th', 'co', 'con', 'pre', 'un', 'in', 'note', 'said', 'Art'];
let diff = 0, n = 0;
for (const q of [...rows, ...extra]) for (const o of [{ limit: 10, snippet: false }, { limit: 10 }, { limit: 3, offset: 4 }, { limit: 20 }]) {
  n++;
  const x = JSON.stringify(A(q, o)), y = JSON.stringify(B(q, o));
  if (x !== y) { diff++; if (diff < 5) console.log('DIFF', JSON.stringify(q), JSON.stringify(o), '\n', x.slice(0, 400), '\n', y.slice(0, 400)); }
}
console.log(`${n} compared, ${diff} differ`);
process.exitCode = diff ? 1 : 0;
