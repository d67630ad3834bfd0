// Judged queries on documentation sites: each line of the list is
// `site|query|id of the page a reader wants`. Prints each query's rank of
// that page and the mean reciprocal rank over the site's queries.
//   node eval/judged.mjs PKG_DIR SITE [LIST]
// PKG_DIR is a module built over the site (see eval/known-item.mjs); SITE
// picks the list's lines (`pg`, `py`, `node`, `book`, `cargo`); LIST defaults to
// eval/doc-queries.txt.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, site, list = resolve(import.meta.dirname, 'doc-queries.txt')] = process.argv.slice(2);
const pkg = await import(pathToFileURL(resolve(dir, 'quarry.js')).href);
pkg.initSync({ module: readFileSync(resolve(dir, 'quarry_bg.wasm')) });

const rows = readFileSync(list, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('|')).filter(([s]) => s === site);
if (rows.length === 0) throw new Error(`no queries for site ${site} in ${list}`);
let reciprocal = 0;
for (const [, query, id] of rows) {
  const hits = pkg.search(query, { limit: 50, snippet: false }).hits;
  const rank = hits.findIndex((h) => h.id === id) + 1;
  if (rank > 0) reciprocal += 1 / rank;
  console.log(`  ${rank || '>50'}\t${query}\t(first: ${hits[0]?.title ?? 'none'})`);
}
console.log(`${site}: ${rows.length} queries, MRR ${(reciprocal / rows.length).toFixed(3)}`);
