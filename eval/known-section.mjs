// Known API entries: every entry of a reference site asked by its name, as
// a reader types it. Sphinx entries are `<dt class="sig …" id="NAME">`
// (os.path.join, json.dumps, str.split); Node.js-style entries are headings
// that start with a call, `<hN><code>fs.readFileSync(path)</code>…id="ID"`.
// Reports how often the first result is the entry's page, and how often it
// also links to the entry itself (`hit.section.id`), which is where a
// reader wants to land.
//   node eval/known-section.mjs PKG_DIR SITE_DIR [STEP] [SHOW]
// PKG_DIR is a module built over SITE_DIR (see eval/known-item.mjs); STEP
// asks every STEP-th entry (default 10), SHOW lists that many misses.
// ASK=last asks only a name's last part (`readFileSync`, `join`);
// ASK=spaced asks it with spaces for its dots and underscores (`os path join`).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, site, step = '10', show = '0'] = process.argv.slice(2);
const pkg = await import(pathToFileURL(resolve(dir, 'quarry.js')).href);
pkg.initSync({ module: readFileSync(resolve(dir, 'quarry_bg.wasm')) });

function* pages(root) {
  for (const e of readdirSync(root, { withFileTypes: true })) {
    const p = join(root, e.name);
    if (e.isDirectory() && !e.name.startsWith('_')) yield* pages(p);
    else if (e.name.endsWith('.html')) yield p;
  }
}

// Entries with a dotted name: a module's function, class or method.
const entries = [];
// C entries (`c.PyList_New`) are named without the `c.` their ids carry.
const named = (id) => id.replace(/^c\./, "");
for (const file of pages(site)) {
  const html = readFileSync(file, 'utf8');
  const url = relative(site, file);
  for (const m of html.matchAll(/<dt class="sig sig-object[^"]*" id="([A-Za-z_][\w.]*\.[A-Za-z_]\w*)"/g)) {
    entries.push({ url, id: m[1], name: named(m[1]) });
  }
  const call = /<h[2-6][^>]*><code>((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\([^<]*<\/code><span><a class="mark" href="#[^"]*" id="([^"]+)"/g;
  for (const m of html.matchAll(call)) entries.push({ url, id: m[2], name: m[1] });
}
const ask = (e) => {
  if (process.env.ASK === 'last') return e.name.split('.').pop();
  if (process.env.ASK === 'spaced') return e.name.replace(/[._]+/g, ' ').trim();
  return e.name;
};
// Only pages the module holds (a site's `all.html` may be left out).
const held = new Set();
for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
  for (const h of pkg.search(letter, { limit: 1000, snippet: false }).hits) held.add(h.url);
}
for (let i = entries.length - 1; i >= 0; i--) if (!held.has(entries[i].url)) entries.splice(i, 1);
entries.sort((a, b) => (a.url + a.id).localeCompare(b.url + b.id));
const asked = entries.filter((_, i) => i % Number(step) === 0);

let page = 0, entry = 0, rr = 0;
const misses = [];
for (const e of asked) {
  const hits = pkg.search(ask(e), { limit: 10 }).hits;
  const rank = hits.findIndex((h) => h.url === e.url && h.section?.id === e.id);
  if (hits[0]?.url === e.url) page++;
  if (rank === 0) entry++;
  else misses.push(`${ask(e)}\t${e.url}#${e.id}\t${hits[0] ? `${hits[0].url}#${hits[0].section?.id ?? ''}` : 'nothing'}`);
  if (rank >= 0) rr += 1 / (rank + 1);
}
const n = asked.length;
console.log(`${n} of ${entries.length} entries: first is the page ${(page / n).toFixed(3)}, ` +
  `first links to the entry ${(entry / n).toFixed(3)}, MRR of the entry ${(rr / n).toFixed(3)}`);
for (const m of misses.slice(0, Number(show))) console.log(`  ${m}`);
