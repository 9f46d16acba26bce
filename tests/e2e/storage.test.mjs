// The inventory in browser storage (IndexedDB) as a user meets it: a change made
// in another tab shows up without a reload (BroadcastChannel), a save that fails
// because browser storage is full says so and keeps the change in the tab,
// 10,000 generated certificates are saved and still there after a reload, and
// an inventory that localStorage held (before IndexedDB) is moved on first load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, loaded, openIn, openPage, screenshot, storedInventory, storedJson, waitStored, withAsOf } from './browser.mjs';

const KEY = 'certdesk.inventory';
const ID = 'cas-3c4d56-2'; // the demo's Not Activated certificate

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const statusOf = (page, id) => page.textContent(`tr[data-id="${id}"] .col-status .status`);
const quotaMs = async (page) => Number(await page.textContent('#quota-managed-service'));
const saved = (page) => waitStored(page, () => true, KEY);
const stateIn = (stored, id) => stored.data.certificates.find((c) => c.id === id)?.state;

async function cancelInUi(page, id) {
  await page.click(`tr[data-id="${id}"] button.action-cancel`);
  await page.waitForSelector('#confirm-dialog');
  await page.click('#confirm-dialog .modal-foot >> text=Cancel certificate');
  await page.waitForSelector('#confirm-dialog', { state: 'detached' });
}

test("another tab's change shows up without reload", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const a = await openIn(context);
    await saved(a); // A saved the fresh demo: B loads that one, not a demo of its own.
    const b = await openIn(context);
    const quotaBefore = await quotaMs(b);
    assert.equal((await statusOf(b, ID)).trim(), 'Not Activated');
    // A reload would lose this mark; the storage event must not need one.
    await b.evaluate(() => { window.__notReloaded = true; });
    // B only takes what A saved; it must not save it back (and announce it).
    await a.evaluate((key) => {
      window.__announced = 0;
      new BroadcastChannel(key).onmessage = () => { window.__announced += 1; };
    }, KEY);

    await cancelInUi(a, ID);
    assert.equal((await statusOf(a, ID)).trim(), 'Cancelled');

    await b.waitForFunction(
      ({ id, n }) => document.querySelector(`tr[data-id="${id}"] .col-status .status`)?.textContent.trim() === 'Cancelled'
        && document.querySelector('#quota-managed-service')?.textContent === String(n),
      { id: ID, n: quotaBefore + 1 },
    );
    assert.equal(await b.evaluate(() => window.__notReloaded), true, 'B was not reloaded');
    await b.waitForSelector('.notice-info');
    assert.match(await b.textContent('.notice-info'), /changed in another tab/);
    await screenshot(b, 'storage-other-tab');

    // Give a write-back the time to arrive (none should): A's page heard A's own save only.
    await b.waitForTimeout(300);
    assert.equal(await a.evaluate(() => window.__announced), 1, 'B did not save what it received');
    assert.doesNotMatch(await a.textContent('.notices'), /another tab/);

    assert.deepEqual(a.errors, []);
    assert.deepEqual(b.errors, []);
  } finally {
    await context.close();
  }
});

test('a save that fails because storage is full tells the user, keeps the change and retries', async () => {
  const page = await openPage(browser, '/');
  await saved(page); // the fresh demo is saved on load, before the quota shrinks
  const quotaBefore = await quotaMs(page);
  // A full disk, simulated in the page: IndexedDB's put throws QuotaExceededError.
  // (Chromium's Storage.overrideQuotaForOrigin has no effect in these browser
  // contexts, and a real disk cannot be filled in a test run.)
  await page.evaluate(() => {
    window.__put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function full() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });

  await cancelInUi(page, ID);
  await page.waitForSelector('.notice-error');
  const error = await page.textContent('.notice-error');
  assert.match(error, /storage is full/i, 'says what went wrong');
  assert.match(error, /kept in this tab/, 'says the change is kept');
  assert.match(error, /Export the inventory/, 'says what to do');
  assert.equal((await statusOf(page, ID)).trim(), 'Cancelled', 'the change is kept in memory');
  assert.equal(await quotaMs(page), quotaBefore + 1);
  assert.equal(stateIn(await storedJson(page, KEY), ID), 'NotActivated', 'nothing was written');
  await screenshot(page, 'storage-full');

  await page.evaluate(() => { IDBObjectStore.prototype.put = window.__put; });
  await page.click('.notice-error >> text=Try saving again');
  await waitStored(page, (s) => stateIn(s, ID) === 'Cancelled', KEY);
  assert.equal(await page.locator('.notice-error').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('10,000 generated certificates are saved and still there after a reload', async () => {
  const page = await openPage(browser, '/?generate=10000');
  await page.waitForSelector('#panel-official tr.cert-row');
  const stored = await waitStored(page, (s) => s.data.certificates.length === 10000, KEY);
  const official = stored.data.certificates.filter((c) => c.kind === 'Official').length;
  const size = (await storedInventory(page, KEY)).length;
  assert.ok(size > 4_000_000, `about 6 MB of JSON (${size} characters), more than localStorage held`);
  await page.goto(BASE_URL + withAsOf('/'));
  await loaded(page);
  await page.waitForSelector('#panel-official tr.cert-row');
  assert.match(await page.textContent('#panel-official .result-count'), new RegExp(` of ${official} certificates`));
  assert.equal(await page.locator('.notice-warning, .notice-error').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an inventory that localStorage held is moved to IndexedDB on first load', async () => {
  // Today's inventory, renamed so it cannot be mistaken for a fresh demo.
  const first = await openPage(browser, '/');
  const old = await waitStored(first, () => true, KEY);
  await first.context().close();
  old.data.certificates.find((c) => c.id === ID).name = 'kept since localStorage';
  const text = JSON.stringify(old);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // What an earlier Certdesk left behind, in place before the app's first load.
  await context.addInitScript(({ key, text }) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, text);
      sessionStorage.setItem('seeded', '1');
    }
  }, { key: KEY, text });
  const page = await openIn(context);
  await page.waitForSelector(`tr[data-id="${ID}"]`);
  assert.match(await page.textContent(`tr[data-id="${ID}"] .cert-name`), /kept since localStorage/);
  assert.equal(await storedInventory(page, KEY), text, 'moved as it was');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null, 'the old key is gone once moved');
  await page.reload();
  await loaded(page);
  assert.match(await page.textContent(`tr[data-id="${ID}"] .cert-name`), /kept since localStorage/);
  assert.deepEqual(page.errors, []);
  await context.close();
});
