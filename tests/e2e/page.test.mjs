// The demo page in headless Chromium: type into the box, read the results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';

const www = fileURLToPath(new URL('../../www', import.meta.url));
const shots = fileURLToPath(new URL('./screenshots/', import.meta.url));
let server, browser, base;

before(async () => {
  server = await serve(www);
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

async function openPage() {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors };
}

test('typing Cuong lists the Lương Cường article with Cường marked', async () => {
  const { page, errors } = await openPage();
  await page.locator('#q').pressSequentially('Cuong', { delay: 30 });
  await page.waitForFunction(() => document.querySelectorAll('#results .hit').length > 0);
  const titles = await page.locator('#results .hit-title').allTextContents();
  assert.equal(titles.length, 1);
  assert.match(titles[0], /Lương Cường/);
  const marks = await page.locator('#results mark').allTextContents();
  assert.ok(marks.length >= 1, 'at least one highlight');
  for (const m of marks) assert.equal(m, 'Cường');
  const meta = await page.locator('#results .hit-meta').first().textContent();
  assert.equal(meta, '2024-11-11 · SANTIAGO');
  assert.match(await page.locator('#status').textContent(), /^1 result/);
  await page.screenshot({ path: `${shots}cuong.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a query with no match says so, and clearing empties the list', async () => {
  const { page, errors } = await openPage();
  await page.locator('#q').fill('zzzzqx');
  await page.waitForFunction(() => /No results/.test(document.getElementById('status').textContent));
  assert.equal(await page.locator('#results .hit').count(), 0);
  await page.locator('#q').fill('communist');
  await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 2);
  await page.screenshot({ path: `${shots}communist.png`, fullPage: true });
  await page.locator('#q').fill('');
  await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the query in the address is run on load', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${base}?q=${encodeURIComponent('"new society"')}`);
  await page.waitForSelector('body[data-ready="true"]');
  const titles = await page.locator('#results .hit-title').allTextContents();
  assert.equal(titles.length, 1);
  assert.match(titles[0], /delegation/);
  assert.deepEqual(await page.locator('#results mark').allTextContents(), ['new', 'society']);
  await page.close();
});
