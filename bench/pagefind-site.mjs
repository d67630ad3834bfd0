// Pagefind over a corpus, as bench/pagefind.mjs times it and
// eval/peers.mjs ranks with it: each document as one HTML page whose
// <h1> is its title (Pagefind ranks an <h1> above the body, its form of a
// title boost), written by Pagefind's Node API, then searched in headless
// Chromium, the only place its search runs (it fetches index chunks over
// HTTP).
import * as pagefind from 'pagefind';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../scripts/serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Page `i` of the site is `/i.html`: any document id fits. */
export const pageOf = (url) => Number(url.match(/^\/(\d+)\.html$/)?.[1] ?? -1);

/** Writes Pagefind's index of `docs` to `site/pagefind`, and a blank page to open. */
export async function writeSite(docs, site) {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  const { index } = await pagefind.createIndex({});
  for (const [i, d] of docs.entries()) {
    const html = `<!doctype html><html lang="en"><head><title>${esc(d.title)}</title></head><body><main><h1>${esc(d.title)}</h1><p>${esc(d.body)}</p></main></body></html>`;
    const r = await index.addHTMLFile({ url: `/${i}.html`, content: html });
    if (r.errors.length) throw new Error(r.errors.join('; '));
  }
  await index.writeFiles({ outputPath: join(site, 'pagefind') });
  await pagefind.close();
  writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><title>Pagefind</title>');
}

/** Serves `site` and opens it in Chromium; `headers` go on every response. */
export async function openSite(site, headers = {}) {
  const server = await serve(site, 0, headers);
  const browser = await launch();
  const page = await browser.context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const close = async () => { await browser.close(); server.close(); };
  return { server, page, close };
}

/**
 * In `page`, makes `window.pagefindTop(q, limit)`: the URLs and titles of
 * Pagefind's first `limit` results, in its order. Returns the milliseconds
 * from loading Pagefind to its answer to `first`, if given.
 */
export function loadPagefind(page, first = null) {
  return page.evaluate(async (first) => {
    const t0 = performance.now();
    const pf = await import('/pagefind/pagefind.js');
    await pf.init();
    window.pagefindTop = async (q, limit) => {
      const res = await pf.search(q);
      const top = await Promise.all(res.results.slice(0, limit).map((x) => x.data()));
      return top.map((d) => [d.url, d.meta.title]);
    };
    if (first !== null) await window.pagefindTop(first, 10);
    return performance.now() - t0;
  }, first);
}
