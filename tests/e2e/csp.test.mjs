// dist/ under the strict Content-Security-Policy of README "Build and host",
// sent as a header by a server of its own: the list, the More menu beside its
// button, the renewal panel, a 10,000-row list scrolled, the upload dialog,
// with no violation reported by the page and no console error. Then the
// loading screen when the app cannot start: WebAssembly refused by a policy
// without 'wasm-unsafe-eval', and the loader itself never arriving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, screenshot, withAsOf } from './browser.mjs';
import { serve } from './serve.mjs';

export const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";
const dist = process.env.CERTDESK_DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

let browser;
let strict;
let noWasm;
before(async () => {
  browser = await launch();
  strict = await serve(dist, 0, {}, { headers: { 'content-security-policy': POLICY } });
  noWasm = await serve(dist, 0, {}, { headers: { 'content-security-policy': POLICY.replace(" 'wasm-unsafe-eval'", '') } });
});
after(async () => {
  await browser?.close();
  await strict?.close();
  await noWasm?.close();
});

/** A fresh page on `server` recording CSP violations (as the page sees them) and console errors. */
async function open(server, path, { wait = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} ${e.sample || ''}`.trim());
    });
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(msg.text());
  });
  await page.goto(server.url + withAsOf(path));
  if (wait) await page.waitForSelector('[role=tablist]');
  return page;
}

async function assertClean(page) {
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);
}

test('the server sends exactly the strict policy', async () => {
  const response = await fetch(strict.url + '/');
  assert.equal(response.headers.get('content-security-policy'), POLICY);
});

test('the list, the More menu beside its button and the renewal panel run under the policy', async () => {
  const page = await open(strict, '/#/official');
  await page.waitForSelector('#panel-official tr.cert-row');
  const more = page.locator('#panel-official tr.cert-row button.more').first();
  await more.click();
  const menuId = await more.getAttribute('aria-controls');
  const menu = page.locator(`[id="${menuId}"]`);
  await menu.waitFor();
  // Placed through the CSSOM: visible, and right under (or above) its button.
  assert.equal(await menu.evaluate((m) => getComputedStyle(m).visibility), 'visible');
  const [b, m] = [await more.boundingBox(), await menu.boundingBox()];
  const below = Math.abs(m.y - (b.y + b.height + 4)) <= 2;
  const above = Math.abs(m.y + m.height - (b.y - 4)) <= 2;
  assert.ok(below || above, `menu at y=${m.y}..${m.y + m.height}, button at y=${b.y}..${b.y + b.height}`);
  assert.ok(Math.abs(m.x - Math.min(b.x, 1280 - 320 - 8)) <= 2, `menu at x=${m.x}, button at x=${b.x}`);
  await screenshot(page, 'csp-more-menu');
  await page.keyboard.press('Escape');
  await page.click('tr[data-id="cas-7f3a21"] button.action-renewal-purchase');
  await page.waitForSelector('#order-panel #preview-days');
  await assertClean(page);
});

test('10,000 rows scroll under the policy: the spacers keep the height', async () => {
  const page = await open(strict, '/?generate=10000');
  await page.waitForSelector('#panel-official .table-scroll.windowed');
  const total = Number(await page.getAttribute('#panel-official .cert-table', 'aria-rowcount')) - 1;
  const height = await page.$eval('#panel-official .table-scroll', (el) => el.scrollHeight);
  assert.ok(height >= total * 64, `scroll height ${height} holds ${total} rows of 64 px`);
  await page.$eval('#panel-official .table-scroll', (el) => { el.scrollTop = 64 * 3000; });
  await page.waitForFunction(() => Number(document.querySelector('#panel-official tr.cert-row').getAttribute('aria-rowindex')) > 2900);
  const above = await page.$eval('#panel-official tr.spacer', (tr) => tr.getBoundingClientRect().height);
  const first = await page.$eval('#panel-official tr.cert-row', (r) => Number(r.getAttribute('aria-rowindex')));
  assert.equal(above, (first - 2) * 64, 'the spacer above stands for every row not rendered');
  await screenshot(page, 'csp-10000-scrolled');
  await assertClean(page);
});

test('the upload dialog opens under the policy', async () => {
  const page = await open(strict, '/#/uploaded');
  await page.click('#upload-certificate');
  await page.waitForSelector('#upload-dialog');
  await assertClean(page);
});

test('a policy without wasm-unsafe-eval: the loading screen says the policy blocked it', async () => {
  const page = await open(noWasm, '/', { wait: false });
  const boot = page.locator('.boot.boot-failed');
  await boot.waitFor({ timeout: 15_000 });
  assert.equal(await boot.getAttribute('role'), 'alert');
  const text = await boot.textContent();
  assert.match(text, /Content-Security-Policy blocked it/);
  assert.match(text, /script-src 'self' 'wasm-unsafe-eval'/);
  await screenshot(page, 'csp-boot-blocked');
});

test('a loader that never runs: the loading screen says scripts may be blocked', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.route('**/loader.js', (route) => route.abort());
  await page.goto(strict.url + '/');
  const stalled = page.locator('.boot-stalled');
  assert.equal(await stalled.isVisible(), false, 'not at once');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.boot-stalled')).visibility === 'visible', null, { timeout: 15_000 });
  assert.match(await stalled.textContent(), /scripts may be blocked/);
  await screenshot(page, 'csp-boot-stalled');
});
