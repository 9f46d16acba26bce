// The release build is cut into chunks fetched on first use (src/chunks.rs,
// scripts/split-wasm). The first load is only the console; a dialog, a tool or
// the stored inventory's codec arrives when it is needed, and a chunk that
// cannot be downloaded says so, loses nothing and can be tried again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, loaded, openIn, putStored, screenshot, storedInventory, withAsOf } from './browser.mjs';

const KEY = 'certdesk.inventory';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Runs `body` with a fresh browser context, closed at the end. */
async function inContext(body) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await body(context);
  } finally {
    await context.close();
  }
}

/**
 * A page of `context` on the app that records page errors. Console errors are
 * not collected: a blocked chunk is reported there by design.
 */
async function open(context, onRequest) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err)));
  if (onRequest) page.on('request', onRequest);
  await page.goto(BASE_URL + withAsOf('/'));
  await loaded(page);
  return page;
}

const wasmFiles = (requests) => requests.filter((u) => u.endsWith('.wasm')).map((u) => u.split('/').pop());

test('the first load is the console only: a dialog fetches its chunk when it opens', () => inContext(async (context) => {
  const requests = [];
  const page = await open(context, (r) => requests.push(r.url()));
  await page.waitForSelector('tr.cert-row');
  const first = wasmFiles(requests);
  assert.ok(first.includes('certdesk_bg.wasm'));
  assert.ok(!first.includes('split_dialogs.wasm'), `the dialogs came with the first row: ${first}`);
  assert.ok(!first.includes('split_upload.wasm') && !first.includes('split_csr.wasm'), `tools came with the first row: ${first}`);

  await page.click('tr.cert-row button.cert-name');
  await page.waitForSelector('[role=dialog] h2:has-text("Certificate details")');
  assert.ok(wasmFiles(requests).includes('split_dialogs.wasm'));
  assert.deepEqual(page.errors, []);
}));

test('a chunk that cannot be downloaded says so, and "Try again" opens the dialog', () => inContext(async (context) => {
  let offline = true;
  await context.route(/split_dialogs\.wasm$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  const page = await open(context);
  const name = (await page.textContent('tr.cert-row button.cert-name')).trim();
  await page.click('tr.cert-row button.cert-name');
  const failed = page.locator('[role=dialog] .chunk-failed');
  await failed.waitFor();
  assert.match(await failed.textContent(), /could not be downloaded\. Check the connection, then try again/);
  assert.equal(await page.textContent('[role=dialog] h2'), 'Could not open');
  await screenshot(page, 'chunk-failed');

  offline = false;
  await page.click('[role=dialog] .chunk-failed button:has-text("Try again")');
  await page.waitForSelector(`[role=dialog] h2:has-text("Certificate details: ${name}")`);
  // The list and the page kept working throughout.
  assert.ok(await page.locator('tr.cert-row').count() > 0);
  assert.deepEqual(page.errors, []);
}));

test('a stored inventory whose codec cannot be downloaded is neither shown wrong nor overwritten', () => inContext(async (context) => {
  // A first visit saves the demo; change it so that the stored one is recognisable.
  const first = await openIn(context);
  let stored = null;
  for (let i = 0; i < 100 && !stored; i++) {
    stored = await storedInventory(first);
    if (!stored) await first.waitForTimeout(50);
  }
  assert.ok(stored, 'the demo was saved');
  const mine = JSON.parse(stored);
  mine.data.certificates[0].name = 'kept-by-this-test.example.com';
  const text = JSON.stringify(mine);
  await putStored(first, KEY, text);
  await first.close();

  await context.route(/split_codec\.wasm$/, (route) => route.abort('internetdisconnected'));
  const page = await open(context);
  const warning = page.locator('.notice-warning', { hasText: 'Your saved inventory was not read' });
  await warning.waitFor();
  assert.match(await warning.textContent(), /saves nothing, so what is stored stays as it is; reload the page to try again/);
  await screenshot(page, 'codec-missing');

  // A change in this tab (cancelling the demo's Not Activated certificate) must not reach storage.
  await page.click('tr[data-id="cas-3c4d56-2"] button.action-cancel');
  await page.click('#confirm-dialog .modal-foot >> text=Cancel certificate');
  await page.waitForFunction(() => document.querySelector('tr[data-id="cas-3c4d56-2"] .col-status .status')?.textContent.trim() === 'Cancelled');
  await page.waitForTimeout(500);
  assert.equal(await storedInventory(page), text, 'the stored inventory is untouched');

  // With the codec back, a reload shows the stored inventory.
  await context.unroute(/split_codec\.wasm$/);
  await page.goto(BASE_URL + withAsOf('/'));
  await loaded(page);
  await page.waitForSelector('text=kept-by-this-test.example.com');
  assert.deepEqual(page.errors, []);
}));

test('every chunk that __wasm_split.js names is in dist/ and served as application/wasm', async () => {
  // Every chunk the splitter wrote is reachable from __wasm_split.js by a relative URL.
  const response = await fetch(`${BASE_URL}/__wasm_split.js`);
  assert.equal(response.status, 200);
  const js = await response.text();
  const named = [...js.matchAll(/"\.\/([\w-]+\.wasm)"/g)].map((m) => m[1]);
  assert.ok(named.includes('split_dialogs.wasm') && named.includes('split_codec.wasm'), named.join(' '));
  for (const file of named) {
    const r = await fetch(`${BASE_URL}/${file}`);
    assert.equal(r.status, 200, file);
    assert.equal(r.headers.get('content-type'), 'application/wasm', file);
  }
});
