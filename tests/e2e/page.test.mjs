// The demo page and its <quarry-search> component in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';

const www = fileURLToPath(new URL('../../www', import.meta.url));
const shots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const axePath = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
let server, strict, browser, base, strictBase;

before(async () => {
  server = await serve(www);
  strict = await serve(www, 0, { 'content-security-policy': CSP });
  base = `http://127.0.0.1:${server.address().port}/`;
  strictBase = `http://127.0.0.1:${strict.address().port}/`;
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); strict?.close(); });

async function openPage(url = base, { colorScheme = 'light', width = 1280 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.emulateMedia({ colorScheme });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy/.test(m.text())) errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors };
}

const box = 'quarry-search input';
const options = 'quarry-search li[role="option"]';
const count = (page) => page.locator(options).count();

test('typing Cuong lists the Lương Cường article with Cường marked', async () => {
  const { page, errors } = await openPage();
  await page.locator(box).pressSequentially('Cuong', { delay: 30 });
  await page.waitForFunction(() => document.querySelector('quarry-search').shadowRoot.querySelectorAll('li').length > 0);
  const titles = await page.locator('quarry-search .title').allTextContents();
  assert.equal(titles.length, 1);
  assert.match(titles[0], /Lương Cường/);
  const marks = await page.locator('quarry-search mark').allTextContents();
  assert.ok(marks.length >= 1, 'at least one highlight');
  for (const m of marks) assert.equal(m, 'Cường');
  // The title's own word is marked too, as the snippet marks it.
  assert.deepEqual(await page.locator('quarry-search .title mark').allTextContents(), ['Cường']);
  assert.equal(await page.locator('quarry-search .meta').first().textContent(), '2024-11-11 · SANTIAGO');
  assert.equal(await page.locator('quarry-search .status').textContent(), '1 result');
  await page.screenshot({ path: `${shots}cuong.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard: / focuses, arrows move through the listbox, Enter selects, Escape closes', async () => {
  const { page, errors } = await openPage();
  await page.locator('h1').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'QUARRY-SEARCH');
  await page.keyboard.type('communist');
  await page.waitForFunction(() => document.querySelector('quarry-search').shadowRoot.querySelectorAll('li').length === 2);
  const input = page.locator(box);
  assert.equal(await input.getAttribute('role'), 'combobox');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  const first = await input.getAttribute('aria-activedescendant');
  assert.equal(await page.locator(`quarry-search #${first}`).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowDown');
  const second = await input.getAttribute('aria-activedescendant');
  assert.notEqual(first, second);
  await page.keyboard.press('ArrowUp');
  assert.equal(await input.getAttribute('aria-activedescendant'), first);
  await page.keyboard.press('Enter');
  assert.match(await page.locator('#selected').textContent(), /^Selected: /);
  await page.keyboard.press('Escape');
  assert.equal(await count(page), 0);
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.deepEqual(errors, []);
  await page.close();
});

test('no results, did-you-mean and facet chips', async () => {
  const { page, errors } = await openPage();
  await page.locator(box).fill('zzzzqx');
  await page.waitForFunction(() => /No results/.test(document.querySelector('quarry-search').shadowRoot.querySelector('.status').textContent));
  assert.equal(await count(page), 0);
  // No story names both: the two that name one, said so.
  await page.evaluate(() => document.querySelector('quarry-search').addEventListener('quarry-results', (e) => { window.lastResults = e.detail; }));
  await page.locator(box).fill('cuong thang');
  await page.waitForFunction(() => document.querySelector('quarry-search').shadowRoot.querySelectorAll('li').length === 2);
  assert.equal(await page.locator('quarry-search .status').textContent(), 'No result has every word; 2 results with some of them');
  const detail = await page.evaluate(() => window.lastResults);
  assert.deepEqual([detail.query, detail.total, detail.partial], ['cuong thang', 2, true]);
  await page.screenshot({ path: `${shots}partial.png`, fullPage: true });
  await page.locator(box).fill('Vietnm');
  await page.locator('quarry-search .suggestion a').waitFor();
  assert.equal(await page.locator('quarry-search .suggestion a').textContent(), 'vietnam');
  await page.locator('quarry-search .suggestion a').click();
  assert.equal(await page.locator(box).inputValue(), 'vietnam');
  await page.locator(box).fill('communist');
  await page.waitForFunction(() => document.querySelector('quarry-search').shadowRoot.querySelectorAll('li').length === 2);
  const chips = await page.locator('quarry-search .chip').allTextContents();
  assert.deepEqual(chips.sort(), ['2022 (1)', '2024 (1)', 'MEXICO CITY (1)', 'SANTIAGO (1)']);
  await page.locator('quarry-search .chip', { hasText: 'SANTIAGO' }).click();
  await page.waitForFunction(() => document.querySelector('quarry-search').shadowRoot.querySelectorAll('li').length === 1);
  assert.match(await page.locator('quarry-search .title').textContent(), /Cường/);
  assert.equal(await page.locator('quarry-search .chip', { hasText: 'SANTIAGO' }).getAttribute('aria-pressed'), 'true');
  await page.screenshot({ path: `${shots}facets.png`, fullPage: true });
  await page.locator(box).fill('');
  await page.waitForFunction(() => document.querySelector('quarry-search').shadowRoot.querySelectorAll('li').length === 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a facet shows its eight most frequent places and latest years, and the one chosen', async () => {
  const { page, errors } = await openPage();
  const chips = await page.evaluate(() => {
    const box = document.querySelector('quarry-search');
    // Twelve places, P11 the most frequent, and twelve years, one story each.
    const place = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`P${String(i).padStart(2, '0')}`, i + 1]));
    const year = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(2000 + i), 1]));
    box.filters = { place: 'P00' };
    box.renderFacets({ place, year });
    return [...box.shadowRoot.querySelectorAll('.chip')].map((c) => [c.textContent, c.getAttribute('aria-pressed')]);
  });
  const places = ['P11 (12)', 'P10 (11)', 'P09 (10)', 'P08 (9)', 'P07 (8)', 'P06 (7)', 'P05 (6)', 'P04 (5)', 'P00 (1)'];
  const years = ['2011', '2010', '2009', '2008', '2007', '2006', '2005', '2004'].map((y) => `${y} (1)`);
  assert.deepEqual(chips.map((c) => c[0]), [...places, ...years]);
  assert.deepEqual(chips.filter((c) => c[1] === 'true').map((c) => c[0]), ['P00 (1)']);
  await page.screenshot({ path: `${shots}many-facets.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the query in the address is run on load', async () => {
  const { page } = await openPage(`${base}?q=${encodeURIComponent('"new society"')}`);
  await page.waitForFunction(() => document.querySelector('quarry-search').shadowRoot.querySelectorAll('li').length === 1);
  assert.match(await page.locator('quarry-search .title').textContent(), /delegation/);
  assert.deepEqual(await page.locator('quarry-search .snippet mark').allTextContents(), ['new', 'society']);
  await page.close();
});

test('works under a strict Content-Security-Policy', async () => {
  const { page, errors } = await openPage(strictBase);
  await page.evaluate(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
  });
  await page.locator(box).fill('mexico');
  await page.waitForFunction(() => document.querySelector('quarry-search').shadowRoot.querySelectorAll('li').length === 1);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no accessibility violations (${colorScheme})`, async () => {
    const { page } = await openPage(base, { colorScheme });
    await page.locator(box).fill('communist');
    await page.waitForFunction(() => document.querySelector('quarry-search').shadowRoot.querySelectorAll('li').length === 2);
    await page.keyboard.press('ArrowDown');
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(found, []);
    await page.close();
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`375-pixel phone layout (${colorScheme})`, async () => {
    const { page, errors } = await openPage(base, { colorScheme, width: 375 });
    await page.locator(box).fill('party');
    await page.waitForFunction(() => document.querySelector('quarry-search').shadowRoot.querySelectorAll('li').length > 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'no horizontal scrolling');
    await page.screenshot({ path: `${shots}phone-${colorScheme}.png`, fullPage: true });
    if (colorScheme === 'dark') {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.screenshot({ path: `${shots}desktop-dark.png`, fullPage: true });
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}
