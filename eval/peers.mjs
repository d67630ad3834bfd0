// Relevance side by side: Quarry and the JavaScript libraries of bench/,
// each given the same titles and bodies with the options bench/ gives
// them (and, where one has them, variants named by its adapter); Pagefind
// over its own output in headless Chromium (bench/pagefind-site.mjs).
//
//   node eval/peers.mjs cranfield [PKG_DIR]
//     The Cranfield DEV questions (top 1,000), each engine's TREC run
//     scored by the kit's eval.py. PKG_DIR: Quarry built over the
//     Cranfield documents (default target/eval/pkg, as `bash scripts/eval`
//     leaves it).
//   node eval/peers.mjs site PKG_DIR CORPUS.jsonl SITE
//     A documentation site: the judged queries of SITE in
//     eval/doc-queries.txt (MRR of the page wanted, top 50), and every
//     page's title asked as a query (known items: MRR, and how often the
//     page comes first), whole and halfway (its last word half typed,
//     eval/halfway.mjs). PKG_DIR is Quarry built over the site's folder,
//     CORPUS.jsonl the same folder as Quarry reads it (core/examples/export.rs).
//
// Prints a Markdown table. `QUARRY_SHARED` overrides ../shared; `PEERS`
// (comma-separated, as named in bench/engines/) picks the peers.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { halfway } from './halfway.mjs';
import { loadPagefind, openSite, pageOf, writeSite } from '../bench/pagefind-site.mjs';

const root = resolve(import.meta.dirname, '..');
const shared = process.env.QUARRY_SHARED ?? resolve(root, '../shared');
const PEERS = (process.env.PEERS ?? 'minisearch,lunr,orama,flexsearch,fuse,pagefind').split(',');
const [mode, ...rest] = process.argv.slice(2);

const readJsonl = (path) => readFileSync(path, 'utf8').split('\n').filter(Boolean)
  .map((l) => JSON.parse(l)).map(({ id, title, body }) => ({ id, title, body }));

async function quarry(pkgDir) {
  const pkg = await import(pathToFileURL(resolve(pkgDir, 'quarry.js')).href);
  pkg.initSync({ module: readFileSync(resolve(pkgDir, 'quarry_bg.wasm')) });
  return (q, limit) => pkg.search(q, { limit, snippet: false }).hits.map((h) => h.id);
}

// Every engine as `[name, search(query, limit) → ids or their promise]`,
// Quarry first; each peer built, serialized and loaded, as a reader's page
// gets it.
async function* engines(pkgDir, docs) {
  yield ['quarry', await quarry(pkgDir)];
  for (const name of PEERS.filter((p) => p !== 'pagefind')) {
    const engine = (await import(`../bench/engines/${name}.mjs`)).default;
    const made = async (v) => engine.load(await engine.serialize(await engine.build(docs, v)), v);
    const ids = (index, v) => (q, limit) => engine.search(index, q, limit, v).map(([id]) => id);
    const index = await made(null);
    yield [name, ids(index, null)];
    for (const v of engine.variants ?? []) yield [`${name} (${v})`, ids(index, v)];
    // A variant with its own index (another tokenizer) is built apart.
    for (const v of engine.buildVariants ?? []) yield [`${name} (${v})`, ids(await made(v), v)];
  }
  if (PEERS.includes('pagefind')) {
    // Its search runs only in a browser, over its own output: each
    // document a page, as bench/ gives them.
    const site = resolve(root, 'target/eval/pagefind');
    await writeSite(docs, site);
    const { page, close } = await openSite(site);
    try {
      await loadPagefind(page);
      yield ['pagefind', async (q, limit) => (await page.evaluate(([q, l]) => window.pagefindTop(q, l), [q, limit]))
        .map(([url]) => docs[pageOf(url)].id)];
    } finally {
      await close();
    }
  }
}

function table(columns, rows) {
  const lines = [`| engine | ${columns.join(' | ')} |`, `|---|${columns.map(() => '---|').join('')}`];
  for (const r of rows) lines.push(`| ${r.name} | ${columns.map((c) => r[c] ?? '–').join(' | ')} |`);
  console.log(lines.join('\n'));
}

async function cranfield(pkgDir = resolve(root, 'target/eval/pkg')) {
  const kit = resolve(shared, 'eval/cranfield');
  const out = resolve(root, 'target/eval/peers');
  mkdirSync(out, { recursive: true });
  const queries = readFileSync(resolve(kit, 'queries-dev.tsv'), 'utf8').split('\n').filter(Boolean)
    .map((l) => l.split('\t'));
  const LIMIT = 1000;
  const rows = [];
  for await (const [name, search] of engines(pkgDir, readJsonl(resolve(kit, 'docs.jsonl')))) {
    const lines = [];
    let empty = 0;
    for (const [qid, text] of queries) {
      const ids = await search(text, LIMIT);
      if (ids.length === 0) empty++;
      // eval.py orders by score: a falling number keeps each engine's order.
      ids.forEach((id, i) => lines.push(`${qid} Q0 ${id} ${i + 1} ${LIMIT - i} run`));
    }
    const run = resolve(out, `${name.replace(/\W+/g, ' ').trim().replace(/ /g, '-')}.run`);
    writeFileSync(run, lines.join('\n') + '\n');
    const text = execFileSync('python3', [resolve(kit, 'eval.py'), run, 'dev'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const figures = Object.fromEntries([...text.matchAll(/^(\S+@\d+)\s+([\d.]+)/gm)].map((m) => [m[1], m[2]]));
    rows.push({ name, ...figures, 'no result': empty });
    console.error(`${name}: ${run}`);
  }
  table(['nDCG@10', 'AP@1000', 'P@10', 'R@100', 'no result'], rows);
}

async function site(pkgDir, corpus, name) {
  const docs = readJsonl(corpus);
  const judged = readFileSync(resolve(root, 'eval/doc-queries.txt'), 'utf8').split('\n')
    .filter((l) => l && !l.startsWith('#')).map((l) => l.split('|')).filter(([s]) => s === name);
  if (judged.length === 0) throw new Error(`no queries for site ${name} in eval/doc-queries.txt`);
  const rankOf = (ids, id) => ids.indexOf(id) + 1;
  const rows = [];
  // Fuse.js reads every body for every query: its known items would take
  // hours on a documentation site, so it answers the judged queries only.
  for await (const [engine, search] of engines(pkgDir, docs)) {
    let judgedRr = 0;
    for (const [, query, id] of judged) {
      const rank = rankOf(await search(query, 50), id);
      if (rank > 0) judgedRr += 1 / rank;
    }
    const row = { name: engine, [`judged MRR (${judged.length})`]: (judgedRr / judged.length).toFixed(3) };
    if (!engine.startsWith('fuse')) {
      for (const [label, typed] of [['known items', (t) => t], ['halfway', halfway]]) {
        let rr = 0;
        let first = 0;
        for (const d of docs) {
          const rank = rankOf(await search(typed(d.title), 50), d.id);
          if (rank > 0) rr += 1 / rank;
          if (rank === 1) first++;
        }
        row[`${label} MRR (${docs.length})`] = (rr / docs.length).toFixed(3);
        row[`${label} first`] = (first / docs.length).toFixed(3);
      }
    }
    rows.push(row);
    console.error(`${engine}: done`);
  }
  table([`judged MRR (${judged.length})`, `known items MRR (${docs.length})`, 'known items first',
    `halfway MRR (${docs.length})`, 'halfway first'], rows);
}

if (mode === 'cranfield') await cranfield(...rest);
else if (mode === 'site' && rest.length === 3) await site(...rest);
else {
  console.error('usage: node eval/peers.mjs cranfield [PKG_DIR]\n       node eval/peers.mjs site PKG_DIR CORPUS.jsonl SITE');
  process.exit(2);
}
