// Known-item search: every page's own title as the query (typed, so the
// last word completes), and the rank of that page among the results.
// Prints the mean reciprocal rank and how often the page comes first.
//   node eval/known-item.mjs PKG_DIR [SHOW] [half]
// PKG_DIR is a module built with wasm-pack over a site folder, for example
//   QUARRY_CORPUS=/usr/share/doc/postgresql-doc-15/html wasm-pack build \
//     --release --target web --no-pack --out-dir target/known/pg
// SHOW lists that many of the pages that did not come first. With `half`,
// each title is typed halfway: its last word cut to half its letters (at
// least two), as a reader sees results while still typing it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { halfway } from './halfway.mjs';

const [dir, show = '0', mode] = process.argv.slice(2);
const typed = (title) => (mode === 'half' ? halfway(title) : title);
const pkg = await import(pathToFileURL(resolve(dir, 'quarry.js')).href);
pkg.initSync({ module: readFileSync(resolve(dir, 'quarry_bg.wasm')) });

// The API lists no documents; one letter each, completed to its most
// frequent words, reaches nearly all of a site's pages.
const pages = new Map();
for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
  for (const h of pkg.search(letter, { limit: 1000, snippet: false }).hits) pages.set(h.id, h.title);
}
let reciprocal = 0;
let first = 0;
// Pages that share their title with others (the same chapter in three
// editions of a book) cannot all come first; a first result with the
// title asked for is counted apart.
let titled = 0;
const missed = [];
for (const [id, title] of pages) {
  const hits = pkg.search(typed(title), { limit: 50, snippet: false }).hits;
  const rank = hits.findIndex((h) => h.id === id) + 1;
  if (rank > 0) reciprocal += 1 / rank;
  if (rank === 1) first++;
  else missed.push({ rank: rank || '>50', title, first: hits[0]?.title ?? null });
  if (hits[0]?.title === title) titled++;
}
const n = pages.size;
console.log(
  `${n} pages: MRR ${(reciprocal / n).toFixed(3)}, first ${(first / n).toFixed(3)}, ` +
  `first titled as asked ${(titled / n).toFixed(3)}`,
);
for (const m of missed.slice(0, Number(show))) console.log(`  ${m.rank}\t${m.title}\t(first: ${m.first})`);
