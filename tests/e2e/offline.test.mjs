// Without a server: the standalone page from file://, and the served demo
// with the network gone after one visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';

const www = fileURLToPath(new URL('../../www', import.meta.url));
const dist = fileURLToPath(new URL('../../www/dist/index.html', import.meta.url));
const shots = fileURLToPath(new URL('./screenshots/', import.meta.url));
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const listed = (page, n) => page.waitForFunction(
  (n) => document.querySelector('quarry-search').shadowRoot.querySelectorAll('li').length === n, n);

test('the standalone page answers when opened from file://', async () => {
  assert.ok(existsSync(dist), 'www/dist/index.html exists (scripts/dist builds it)');
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(pathToFileURL(dist).href);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('quarry-search input').fill('Duc Thang');
  await listed(page, 1);
  assert.match(await page.locator('quarry-search .title').textContent(), /delegation/);
  await page.screenshot({ path: `${shots}file-url.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test('one script tag on any page, opened from file://, gives the search box', async () => {
  const bundle = fileURLToPath(new URL('../../www/dist/quarry-search.bundle.js', import.meta.url));
  assert.ok(existsSync(bundle), 'www/dist/quarry-search.bundle.js exists (scripts/dist builds it)');
  // The bundle alone, beside a page that knows nothing else of Quarry.
  const dir = mkdtempSync(join(tmpdir(), 'quarry-bundle-'));
  copyFileSync(bundle, join(dir, 'quarry-search.bundle.js'));
  writeFileSync(join(dir, 'blog.html'), '<!doctype html><meta charset="utf-8"><title>A blog</title>' +
    '<script src="quarry-search.bundle.js"></script><h1>A blog</h1><quarry-search placeholder="Search the blog"></quarry-search>');
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(pathToFileURL(join(dir, 'blog.html')).href);
  await page.locator('quarry-search input').pressSequentially('Duc Thang', { delay: 20 });
  await listed(page, 1);
  assert.match(await page.locator('quarry-search .title').textContent(), /delegation/);
  assert.deepEqual(await page.locator('quarry-search .snippet mark').allTextContents(), ['Đức', 'Thắng']);
  assert.equal(await page.locator('quarry-search input').getAttribute('placeholder'), 'Search the blog');
  await page.screenshot({ path: `${shots}bundle-file-url.png` });
  assert.deepEqual(errors, []);
  await page.close();
  rmSync(dir, { recursive: true });
});

test('after one visit the served demo answers with the network gone', async () => {
  const server = await serve(www);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The service worker cached the shell on install; now cut the network.
  server.close();
  await browser.context.setOffline(true);
  try {
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('quarry-search input').fill('santiago');
    await listed(page, 1);
    assert.match(await page.locator('quarry-search .title').textContent(), /Cường/);
  } finally {
    await browser.context.setOffline(false);
    await page.close();
  }
});
