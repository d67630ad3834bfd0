// Runs the Cranfield DEV queries through the real wasm module (built with
// QUARRY_CORPUS pointing at the Cranfield documents), writes a TREC run
// file and prints it. Usage: node eval/cranfield.mjs PKG_DIR QUERIES RUN_OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkgDir, queriesPath, runPath] = process.argv.slice(2);
const pkg = await import(pathToFileURL(resolve(pkgDir, 'quarry.js')).href);
await pkg.default({ module_or_path: readFileSync(resolve(pkgDir, 'quarry_bg.wasm')) });

const lines = [];
const queries = readFileSync(queriesPath, 'utf8').split('\n').filter(Boolean);
for (const line of queries) {
  const [qid, text] = line.split('\t');
  const r = pkg.search(text, { limit: 1000, snippet: false });
  r.hits.forEach((h, i) => lines.push(`${qid} Q0 ${h.id} ${i + 1} ${h.score} quarry`));
}
writeFileSync(runPath, lines.join('\n') + '\n');
console.log(`cranfield: ${queries.length} queries, ${lines.length} run lines -> ${runPath}`);
