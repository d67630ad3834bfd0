// Keystroke to rendered results in headless Chromium, on the demo page
// built for a large corpus: each query of the log is typed one key at a
// time; for each key, the time from the keydown event to the first frame
// after the component rendered its results.
//   node bench/typing.mjs PKG_DIR [QUERIES_FILE] [N_QUERIES]
// PKG_DIR is a wasm-pack build (bench/run.mjs leaves bench/data/quarry-N).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '../scripts/serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const [pkgDir, queriesFile = resolve(import.meta.dirname, '../../shared/eval/scale-queries.txt'), n = '60'] = process.argv.slice(2);
if (!pkgDir) throw new Error('usage: node bench/typing.mjs PKG_DIR [QUERIES_FILE] [N_QUERIES]');
const queries = readFileSync(queriesFile, 'utf8').split('\n').map((q) => q.trim()).filter(Boolean).slice(0, Number(n));

// The demo page with the large build in place of www/pkg.
const site = mkdtempSync(join(tmpdir(), 'quarry-typing-'));
const www = resolve(import.meta.dirname, '../www');
for (const f of ['index.html', 'app.js', 'quarry-search.js', 'style.css']) cpSync(join(www, f), join(site, f));
cpSync(resolve(pkgDir), join(site, 'pkg'), { recursive: true });

const server = await serve(site);
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(() => {
    const box = document.querySelector('quarry-search');
    const input = box.shadowRoot.querySelector('input');
    window.typing = { samples: [], t0: 0, done: null };
    input.addEventListener('keydown', (e) => { window.typing.t0 = e.timeStamp; }, { capture: true });
    box.addEventListener('quarry-results', (e) => {
      const t = window.typing;
      const search = e.detail.ms;
      const results = performance.now() - t.t0;
      // The next frame is the first one that shows the new results.
      requestAnimationFrame(() => setTimeout(() => {
        t.samples.push({ total: performance.now() - t.t0, results, search });
        t.done?.();
      }));
    });
  });
  const input = page.locator('quarry-search input');
  for (const q of queries) {
    await input.fill('');
    await page.waitForTimeout(20);
    for (const ch of q) {
      const rendered = page.evaluate(() => new Promise((r) => { window.typing.done = r; }));
      await page.keyboard.type(ch);
      await rendered;
    }
  }
  const samples = await page.evaluate(() => window.typing.samples.filter((s) => s.total >= 0));
  const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
  const total = samples.map((s) => s.total);
  const search = samples.map((s) => s.search);
  const results = samples.map((s) => s.results);
  console.log(`typing: ${samples.length} keystrokes over ${queries.length} queries`);
  console.log(`keystroke to rendered results: p50 ${pct(total, 0.5).toFixed(1)} ms, p95 ${pct(total, 0.95).toFixed(1)} ms, max ${Math.max(...total).toFixed(1)} ms`);
  console.log(`keydown to results in the DOM (before paint): p50 ${pct(results, 0.5).toFixed(1)} ms, p95 ${pct(results, 0.95).toFixed(1)} ms`);
  console.log(`of which search() in wasm: p50 ${pct(search, 0.5).toFixed(2)} ms, p95 ${pct(search, 0.95).toFixed(2)} ms`);
} finally {
  await browser.close();
  server.close();
  rmSync(site, { recursive: true, force: true });
}
