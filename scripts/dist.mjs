// Writes www/dist/index.html: the demo as one file that works opened from
// file:// (browsers refuse to fetch modules and .wasm there). Scripts
// become data: URL modules wired by an import map; the .wasm bytes are
// inlined gzipped, as base64. Also writes www/dist/quarry-search.bundle.js: the
// search box, its module and the index in one classic script, for a
// page of one's own, from file:// too. Run by scripts/dist after a build
// of www/pkg.
//   node scripts/dist.mjs [--out DIR]   (default www/dist)
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const www = resolve(import.meta.dirname, '../www');
const outAt = process.argv.indexOf('--out');
const outDir = outAt > 0 ? resolve(process.argv[outAt + 1] ?? '') : resolve(www, 'dist');
// The demo's placeholder suggests queries for the seed corpus only.
const corpus = process.env.QUARRY_CORPUS?.trim();
const ownCorpus = corpus && corpus !== 'seeds';
const read = (p) => readFileSync(resolve(www, p), 'utf8');
const dataUrl = (js) => `data:text/javascript;base64,${Buffer.from(js).toString('base64')}`;

const snippetDir = readdirSync(resolve(www, 'pkg/snippets'))[0];
const hits = read(`pkg/snippets/${snippetDir}/js/hits.js`);
// wasm-bindgen imports the helper twice (named imports, and a namespace for
// the functions the .wasm imports directly), with either quote.
const pkg = read('pkg/quarry.js').replace(/from (['"])\.\/snippets\/[^'"]+\/js\/hits\.js\1/g, "from 'quarry-hits'");
const component = read('quarry-search.js').replace("from './pkg/quarry.js'", "from 'quarry-pkg'");
const app = read('app.js');
// The module gzipped, then base64: about half the bytes of the module in
// base64, and the browser inflates it natively (DecompressionStream).
const wasm = gzipSync(readFileSync(resolve(www, 'pkg/quarry_bg.wasm')), { level: 9 }).toString('base64');
const loadWasm = `globalThis.quarryWasm = new Response(new Blob([Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0))])
  .stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();`;
for (const [name, text, marker] of [['quarry.js', pkg, 'quarry-hits'], ['quarry-search.js', component, 'quarry-pkg']]) {
  if (!text.includes(marker) || /from ['"]\.\/snippets\//.test(text)) throw new Error(`dist: could not rewrite the imports of ${name}`);
}

const html = read('index.html')
  .replace(/placeholder="[^"]*"/, (m) => (ownCorpus ? 'placeholder="Search…"' : m))
  .replace(/\s*<link rel="icon"[^>]*>/, '')
  .replace(/\s*<link rel="stylesheet" href="style.css">/, `\n  <style>\n${read('style.css')}  </style>`)
  .replace(/\s*<script type="module" src="quarry-search.js"><\/script>\s*<script type="module" src="app.js"><\/script>/, `
  <script type="importmap">${JSON.stringify({ imports: { 'quarry-hits': dataUrl(hits), 'quarry-pkg': dataUrl(pkg), 'quarry-search': dataUrl(component) } })}</script>
  <script>${loadWasm}</script>
  <script type="module">import 'quarry-search';\n${app}</script>`);
if (!html.includes('quarryWasm')) throw new Error('dist: index.html no longer has the script tags this script replaces');
mkdirSync(outDir, { recursive: true });
writeFileSync(resolve(outDir, 'index.html'), html);
console.log(`dist: ${resolve(outDir, 'index.html')}, ${html.length} bytes (open it from file://)`);

// A classic script, which file:// pages may load, that imports the box as
// a data: URL module; each import names the module it needs by its own
// data: URL, so no import map is needed on the host page.
const pkgUrl = dataUrl(pkg.replaceAll(/from (['"])quarry-hits\1/g, `from '${dataUrl(hits)}'`));
const boxUrl = dataUrl(component.replace("from 'quarry-pkg'", `from '${pkgUrl}'`));
const bundle = `// Quarry's search box with its index, in one file. On any page, even one
// opened from disk: <script src="quarry-search.bundle.js"></script> and
// <quarry-search placeholder="Search…"></quarry-search> (see README.md).
${loadWasm}
import("${boxUrl}");
`;
writeFileSync(resolve(outDir, 'quarry-search.bundle.js'), bundle);
console.log(`dist: ${resolve(outDir, 'quarry-search.bundle.js')}, ${bundle.length} bytes (one <script src> on any page)`);
