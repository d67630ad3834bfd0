// The side-by-side benchmark: every engine on 1k, 10k and 100k documents of
// ../shared/eval's GCIDE corpus, each in its own Node process; writes
// BENCHMARKS.md. Usage: node bench/run.mjs [sizes…]  (from the repo root,
// after `bash scripts/bench` has made the corpora).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { pct } from './timing.mjs';

const root = resolve(import.meta.dirname, '..');
const data = resolve(root, 'bench/data');
const shared = process.env.QUARRY_SHARED ?? resolve(root, '../shared');
const queries = resolve(shared, 'eval/scale-queries.tsv');
const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const SIZES = sizes.length ? sizes : [1000, 10000, 100000];
const PEERS = (process.env.BENCH_PEERS ?? 'flexsearch,minisearch,orama,lunr,fuse,pagefind').split(',').filter(Boolean);
const MAX_DOCS = { fuse: 10000 };
// Quarry and FlexSearch, the fastest peer, are also timed in alternation
// this many times per size (BENCH_SITTINGS=0 skips it): the machine's speed
// drifts between processes by up to 2x, and alternating spreads the drift
// over both.
const SITTINGS = Number(process.env.BENCH_SITTINGS ?? 3);
// Quarry is also built with fewer stored answers (QUARRY_ANSWERS, the
// fewest postings a one-word query must read for its first page to be
// stored; 100 by default), timed in its own row and in the alternated
// pairs: the trade between the search structures' size and the p50.
// BENCH_ANSWERS= (empty) skips it.
const ANSWERS = process.env.BENCH_ANSWERS ?? '300';

function buildQuarry(n, answers) {
  const out = resolve(data, answers ? `quarry-${n}-answers${answers}` : `quarry-${n}`);
  const corpus = resolve(data, `corpus-${n}.jsonl`);
  const env = { ...process.env, QUARRY_CORPUS: corpus };
  if (answers) env.QUARRY_ANSWERS = answers;
  else delete env.QUARRY_ANSWERS;
  const t = performance.now();
  const r = spawnSync('wasm-pack', ['build', '--release', '--target', 'web', '--no-pack', '--out-dir', out], {
    cwd: root, env, encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`quarry build failed:\n${r.stderr}`);
  const wall = performance.now() - t;
  const m = /indexed (\d+) documents .* in (\d+) ms/.exec(r.stderr + r.stdout);
  return { out, buildMs: m ? Number(m[2]) : null, buildWallMs: wall };
}

// Pagefind searches only in a browser: it and Quarry run side by side in
// one headless Chromium page (bench/pagefind.mjs), two rows.
function measureInBrowser(n, pkg) {
  const corpus = resolve(data, `corpus-${n}.jsonl`);
  const r = spawnSync(process.execPath, [resolve(root, 'bench/pagefind.mjs'), corpus, queries, pkg], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) return [{ engine: 'pagefind', error: r.stderr.split('\n').slice(-6).join(' ') }];
  return r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
}

// `each`: with each query's times, for the comparison over the queries
// that both alternated engines answer.
function measure(engine, n, pkg, each = false) {
  const corpus = resolve(data, `corpus-${n}.jsonl`);
  const args = ['--expose-gc', resolve(root, 'bench/worker.mjs'), engine, corpus, queries];
  if (pkg) args.push(pkg);
  const env = each ? { ...process.env, BENCH_EACH: '1' } : process.env;
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24, env });
  if (r.status !== 0) return { engine, error: r.stderr.split('\n').slice(-6).join(' ') };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const results = [];
// `--from LOG`: render the table from the JSON lines a previous run printed.
const fromLog = process.argv.indexOf('--from');
if (fromLog > 0) {
  for (const line of readFileSync(process.argv[fromLog + 1], 'utf8').split('\n')) {
    if (line.startsWith('{')) results.push(JSON.parse(line));
  }
}
for (const n of fromLog > 0 ? [] : SIZES) {
  if (!existsSync(resolve(data, `corpus-${n}.jsonl`))) throw new Error(`missing corpus-${n}.jsonl (run scripts/bench)`);
  const q = buildQuarry(n);
  const row = measure('quarry', n, q.out);
  results.push({ n, ...row, buildMs: q.buildMs });
  console.error(JSON.stringify(results.at(-1)));
  const more = ANSWERS ? buildQuarry(n, ANSWERS) : null;
  if (more) {
    results.push({ n, ...measure('quarry', n, more.out), buildMs: more.buildMs, answers: ANSWERS });
    console.error(JSON.stringify(results.at(-1)));
  }
  for (const e of PEERS) {
    if (n > (MAX_DOCS[e] ?? Infinity)) continue;
    for (const row of e === 'pagefind' ? measureInBrowser(n, q.out) : [measure(e, n)]) {
      results.push({ n, ...row });
      console.error(JSON.stringify(results.at(-1)));
    }
  }
  const alternated = [['quarry', q.out], ...(more ? [['quarry', more.out, ANSWERS]] : []), ['flexsearch']];
  for (let s = 0; s < SITTINGS; s++) {
    for (const [e, pkg, answers] of alternated) {
      const row = measure(e, n, pkg, true);
      results.push({ n, engine: e, answers, sitting: s + 1, p50: row.p50, p95: row.p95, error: row.error, found: row.found, each: row.each });
      console.error(JSON.stringify(results.at(-1)));
    }
  }
}
mkdirSync(data, { recursive: true });
writeFileSync(resolve(data, 'results.json'), JSON.stringify(results, null, 1));

const kb = (b) => (b == null ? '–' : (b / 1024).toFixed(0));
const f = (x, d = 1) => (x == null ? '–' : x.toFixed(d));
const lines = [];
lines.push('# Benchmarks', '');
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} by \`bash scripts/bench\` on ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; each engine in its own process, warm-up passes over the queries (until 2 s have passed, at least one) and three timed passes over the ${readFileSync(queries, 'utf8').trim().split('\n').length - 1} queries of ../shared/eval/scale-queries.tsv; top 10 ids and titles (Quarry with \`snippet: false\`; its row "with snippets" asks for them). Versions: ${PEERS.map((p) => p === 'fuse' ? 'fuse.js' : p).map((p) => `${p} ${JSON.parse(readFileSync(resolve(root, 'bench/node_modules', p === 'orama' ? '@orama/orama' : p, 'package.json'))).version}`).join(', ')}.`, '');
lines.push('| docs | engine | build (ms) | index (KB) | index gz (KB) | download gz (KB) | bytes → first answer (ms) | p50 (µs) | p95 (µs) | no answer | typos kept | memory (MB) |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results.filter((x) => !x.sitting)) {
  if (r.error) { lines.push(`| ${r.n} | ${r.engine} | failed: ${r.error.slice(0, 120)} |`); continue; }
  const name = r.where ? `${r.engine} (in Chromium)` : r.answers ? `${r.engine}, answers from ${r.answers} postings` : r.engine;
  const kept = r.typoTop10 == null ? '–' : `${(100 * r.typoTop10).toFixed(0)}%`;
  lines.push(`| ${r.n} | ${name} | ${f(r.buildMs, 0)} | ${kb(r.indexBytes)} | ${kb(r.indexGzip)} | ${kb(r.downloadGzip)} | ${f(r.firstAnswerMs)} | ${f(r.p50)} | ${f(r.p95)} | ${r.noAnswer} | ${kept} | ${f(r.memoryMB)} |`);
  if (r.engine === 'quarry' && !r.where && !r.answers) lines.push(`| ${r.n} | quarry with snippets | | | | | | ${f(r.snippetP50)} | ${f(r.snippetP95)} | | | |`);
  if (r.engine === 'quarry' && !r.where && !r.answers && r.boundaryP50 !== undefined) lines.push(`| ${r.n} | quarry, empty query (the boundary alone) | | | | | | ${f(r.boundaryP50)} | ${f(r.boundaryP95)} | | | |`);
}
lines.push('');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2;
};
// The alternated pairs of one Quarry module (`who`) with FlexSearch.
function pairLines(n, who, qs, fs) {
  const pairs = qs.map((q, i) => `${f(q.p50)} / ${f(q.p95)} against ${f(fs[i].p50)} / ${f(fs[i].p95)}`).join('; ');
  const ratio = (k) => f(median(qs.map((q, i) => q[k] / fs[i][k])), 2);
  lines.push(`- ${n} docs, ${who} and FlexSearch alternated in ${qs.length} more processes each (p50 / p95 in µs): ${pairs}. Median ratio ${who} / FlexSearch: p50 ${ratio('p50')}, p95 ${ratio('p95')}.`);
  // The same pairs over the queries both engines find something for: a
  // query that finds nothing is cheap for an engine without typo
  // tolerance, and FlexSearch finds nothing for nearly every misspelling.
  if (qs.every((q, i) => q.each && fs[i].each)) {
    const both = qs[0].found.map((_, i) => qs.every((q, k) => q.found[i] && fs[k].found[i]));
    const over = (r, p) => pct(r.each.flatMap((t, i) => (both[i] ? t : [])), p) / 1000;
    const k = both.filter(Boolean).length;
    const sub = qs.map((q, i) => `${f(over(q, 0.5))} / ${f(over(q, 0.95))} against ${f(over(fs[i], 0.5))} / ${f(over(fs[i], 0.95))}`).join('; ');
    const subRatio = (p) => f(median(qs.map((q, i) => over(q, p) / over(fs[i], p))), 2);
    lines.push(`- ${n} docs, the same pairs over the ${k} queries that both find something for (p50 / p95 in µs): ${sub}. Median ratio ${who} / FlexSearch: p50 ${subRatio(0.5)}, p95 ${subRatio(0.95)}.`);
  }
}
for (const n of [...new Set(results.filter((x) => x.sitting && !x.error).map((x) => x.n))]) {
  const runs = (e, answers) => results.filter((x) => x.n === n && x.sitting && !x.error && x.engine === e && x.answers === answers);
  const fs = runs('flexsearch');
  const quarries = [...new Set(results.filter((x) => x.n === n && x.sitting && x.engine === 'quarry').map((x) => x.answers))];
  for (const answers of quarries) {
    const qs = runs('quarry', answers);
    if (qs.length && qs.length === fs.length) pairLines(n, answers ? `Quarry with answers from ${answers} postings` : 'Quarry', qs, fs);
  }
}
const typoCount = readFileSync(queries, 'utf8').split('\n').filter((l) => l.split('\t')[1] === 'typo').length;
lines.push(`- "typos kept": of the log's ${typoCount} misspelled words, the share whose intended word's first result is in the misspelling's top 10 (Quarry without completion, as the typos are finished words; each peer as timed).`);
for (const r of results.filter((x) => x.engine === 'pagefind' && !x.error)) {
  const quarry = results.find((x) => x.n === r.n && x.engine === 'quarry' && !x.where && !x.sitting && !x.answers);
  lines.push(`- ${r.n} docs: Pagefind's output is ${kb(r.totalGzip)} KB gzipped in ${r.files} files (${kb(r.codeGzip)} KB of it code, its "index gz" column is the rest), against Quarry's whole \`.wasm\` and glue at ${kb(quarry?.downloadGzip)} KB; its "download" column is what the browser fetched before the first answer. Its two rows are timed in one Chromium page, where timers step by 5 µs.`);
}
// The generated part sits between markers; the prose around it is kept.
const md = resolve(root, 'BENCHMARKS.md');
const [open, close] = ['<!-- generated by bench/run.mjs -->', '<!-- end of generated part -->'];
const table = `${open}\n${lines.slice(2).join('\n')}\n${close}`;
const old = existsSync(md) ? readFileSync(md, 'utf8') : '# Benchmarks\n\n';
const at = old.indexOf(open);
const end = old.indexOf(close);
writeFileSync(md, at >= 0 && end > at ? old.slice(0, at) + table + old.slice(end + close.length) : `${old.trimEnd()}\n\n${table}\n`);
console.log(lines.join('\n'));
