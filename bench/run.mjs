// The side-by-side benchmark: every engine on 1k, 10k and 100k documents of
// ../shared/eval's GCIDE corpus, each in its own Node process; writes
// BENCHMARKS.md. Usage: node bench/run.mjs [sizes…]  (from the repo root,
// after `bash scripts/bench` has made the corpora).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const data = resolve(root, 'bench/data');
const shared = process.env.QUARRY_SHARED ?? resolve(root, '../shared');
const queries = resolve(shared, 'eval/scale-queries.tsv');
const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const SIZES = sizes.length ? sizes : [1000, 10000, 100000];
const PEERS = (process.env.BENCH_PEERS ?? 'flexsearch,minisearch,orama,lunr,fuse').split(',').filter(Boolean);
const MAX_DOCS = { fuse: 10000 };

function buildQuarry(n) {
  const out = resolve(data, `quarry-${n}`);
  const corpus = resolve(data, `corpus-${n}.jsonl`);
  const t = performance.now();
  const r = spawnSync('wasm-pack', ['build', '--release', '--target', 'web', '--no-pack', '--out-dir', out], {
    cwd: root, env: { ...process.env, QUARRY_CORPUS: corpus }, encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`quarry build failed:\n${r.stderr}`);
  const wall = performance.now() - t;
  const m = /indexed (\d+) documents .* in (\d+) ms/.exec(r.stderr + r.stdout);
  return { out, buildMs: m ? Number(m[2]) : null, buildWallMs: wall };
}

function measure(engine, n, pkg) {
  const corpus = resolve(data, `corpus-${n}.jsonl`);
  const args = ['--expose-gc', resolve(root, 'bench/worker.mjs'), engine, corpus, queries];
  if (pkg) args.push(pkg);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
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
  for (const e of PEERS) {
    if (n > (MAX_DOCS[e] ?? Infinity)) continue;
    results.push({ n, ...measure(e, n) });
    console.error(JSON.stringify(results.at(-1)));
  }
}
mkdirSync(data, { recursive: true });
writeFileSync(resolve(data, 'results.json'), JSON.stringify(results, null, 1));

const kb = (b) => (b / 1024).toFixed(0);
const f = (x, d = 1) => (x == null ? '–' : x.toFixed(d));
const lines = [];
lines.push('# Benchmarks', '');
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} by \`bash scripts/bench\` on ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; each engine in its own process, a warm-up pass and three timed passes over the ${readFileSync(queries, 'utf8').trim().split('\n').length - 1} queries of ../shared/eval/scale-queries.tsv; top 10 ids and titles (Quarry with \`snippet: false\`; its row "with snippets" asks for them). Versions: ${PEERS.map((p) => p === 'fuse' ? 'fuse.js' : p).map((p) => `${p} ${JSON.parse(readFileSync(resolve(root, 'bench/node_modules', p === 'orama' ? '@orama/orama' : p, 'package.json'))).version}`).join(', ')}.`, '');
lines.push('| docs | engine | build (ms) | index (KB) | index gz (KB) | download gz (KB) | bytes → first answer (ms) | p50 (µs) | p95 (µs) | no answer | memory (MB) |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  if (r.error) { lines.push(`| ${r.n} | ${r.engine} | failed: ${r.error.slice(0, 120)} |`); continue; }
  lines.push(`| ${r.n} | ${r.engine} | ${f(r.buildMs, 0)} | ${kb(r.indexBytes)} | ${kb(r.indexGzip)} | ${kb(r.downloadGzip)} | ${f(r.firstAnswerMs)} | ${f(r.p50)} | ${f(r.p95)} | ${r.noAnswer} | ${f(r.memoryMB)} |`);
  if (r.engine === 'quarry') lines.push(`| ${r.n} | quarry with snippets | | | | | | ${f(r.snippetP50)} | ${f(r.snippetP95)} | | |`);
}
lines.push('');
for (const r of results.filter((x) => x.engine === 'quarry')) {
  lines.push(`- ${r.n} docs: Quarry finds the intended word's top result in the top 10 for ${(100 * r.typoTop10).toFixed(0)}% of the misspelled queries.`);
}
writeFileSync(resolve(root, 'BENCHMARKS.md'), lines.join('\n') + '\n');
console.log(lines.join('\n'));
