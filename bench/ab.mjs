// Two builds of Quarry in one Node process, timed in alternation, so that a
// code change is measured apart from the machine's drift between sittings:
// node bench/ab.mjs PKG_A PKG_B QUERIES.tsv [ROUNDS]
// (PKG_* from `wasm-pack build --release --target web --no-pack --out-dir DIR`
// with QUARRY_CORPUS set; PKG_B may be - to time one). Each round times three
// passes over the log per build; it prints the median over rounds of p50 and
// p95, and each category's p50 / p95 over all rounds, in µs. The order of
// the two alternates from round to round. Run both orders (A B, then B A):
// the module loaded second times 2 to 8% faster even against a copy of
// itself (session 44), which alternating the rounds does not cancel.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const [a, b, qpath, roundsArg] = process.argv.slice(2);
const rows = readFileSync(qpath, 'utf8').split('\n').filter((l) => l && !l.startsWith('query\t')).map((l) => l.split('\t'));
const now = () => performance.now();
async function load(dir) {
  const pkg = await import(pathToFileURL(resolve(dir, 'quarry.js')).href);
  pkg.initSync({ module: readFileSync(resolve(dir, 'quarry_bg.wasm')) });
  return (q) => pkg.search(q, { limit: 10, snippet: false });
}
const engines = [await load(a)];
if (b && b !== '-') engines.push(await load(b));
const pct = (xs, p) => { const s = [...xs].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
for (const s of engines) { const t = now(); while (now() - t < 3000) for (const r of rows) s(r[0]); }
const rounds = Number(roundsArg ?? 6);
const res = engines.map(() => ({ all: [], cat: {} }));
for (let round = 0; round < rounds; round++) {
  // Which build goes first alternates: the second of a pair tends to time
  // a few per cent faster.
  const order = round % 2 ? [...engines.keys()].reverse() : [...engines.keys()];
  order.forEach((i) => {
    const s = engines[i];
    const times = [];
    for (let p = 0; p < 3; p++) for (const r of rows) { const t = now(); s(r[0]); const dt = (now() - t) * 1000; times.push(dt); (res[i].cat[r[1]] ??= []).push(dt); }
    res[i].all.push([pct(times, 0.5), pct(times, 0.95)]);
  });
}
const med = (xs) => pct(xs, 0.5);
res.forEach((r, i) => {
  console.log(`${i ? 'B' : 'A'} all p50 ${med(r.all.map((x) => x[0])).toFixed(2)} p95 ${med(r.all.map((x) => x[1])).toFixed(2)}`,
    Object.entries(r.cat).map(([k, v]) => `${k} ${pct(v, 0.5).toFixed(1)}/${pct(v, 0.95).toFixed(1)}`).join('  '));
});
