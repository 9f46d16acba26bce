// The inventory in localStorage as a user meets it: a change made in another tab
// shows up without a reload, and a save that fails because browser storage is
// full says so and keeps the change in the tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openIn, openPage, screenshot } from './browser.mjs';

const KEY = 'certdesk.inventory';
const ID = 'cas-3c4d56-2'; // the demo's Not Activated certificate

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const statusOf = (page, id) => page.textContent(`tr[data-id="${id}"] .col-status .status`);
const quotaMs = async (page) => Number(await page.textContent('#quota-managed-service'));
const saved = (page) => page.waitForFunction((key) => localStorage.getItem(key) !== null, KEY);

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
    // B only takes what A saved; it must not write it back (A would hear it).
    await a.evaluate(() => {
      window.__storageEvents = 0;
      addEventListener('storage', () => { window.__storageEvents += 1; });
    });

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

    // Give a write-back the time to arrive (none should), then check A heard nothing.
    await b.waitForTimeout(300);
    assert.equal(await a.evaluate(() => window.__storageEvents), 0, 'B did not save what it received');
    assert.doesNotMatch(await a.textContent('.notices'), /another tab/);

    assert.deepEqual(a.errors, []);
    assert.deepEqual(b.errors, []);
  } finally {
    await context.close();
  }
});

test('a save that fails because storage is full tells the user and keeps the change', async () => {
  const page = await openPage(browser, '/');
  await saved(page); // the fresh demo is saved on load, before storage is filled
  const quotaBefore = await quotaMs(page);

  // Cancelling makes the saved blob a few characters shorter ("NotActivated" ->
  // "Cancelled"), and Chromium lets a value shrink even when storage is full. So
  // the saved copy goes first (this page hears no storage event for its own
  // removal): the save after the cancel then has to find room for all of it.
  const filled = await page.evaluate((key) => {
    localStorage.removeItem(key);
    let size = 1 << 20, n = 0, error = null;
    while (size >= 1) {
      try {
        localStorage.setItem(`storage-test-junk-${n}`, 'x'.repeat(size));
        n += 1;
      } catch (e) {
        error = e.name;
        size >>= 1;
      }
    }
    return { n, error };
  }, KEY);
  assert.equal(filled.error, 'QuotaExceededError', 'storage was filled up');
  assert.ok(filled.n > 0);

  await cancelInUi(page, ID);
  await page.waitForSelector('.notice-error');
  const error = await page.textContent('.notice-error');
  assert.match(error, /storage is full/i, 'says what went wrong');
  assert.match(error, /kept in this tab/, 'says the change is kept');
  assert.match(error, /Export the inventory/, 'says what to do');
  assert.equal((await statusOf(page, ID)).trim(), 'Cancelled', 'the change is kept in memory');
  assert.equal(await quotaMs(page), quotaBefore + 1);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null, 'nothing was written');
  await screenshot(page, 'storage-full');

  const left = await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('storage-test-junk-')) localStorage.removeItem(k);
    return Object.keys(localStorage).filter((k) => k.startsWith('storage-test-junk-')).length;
  });
  assert.equal(left, 0, 'the junk is cleaned up');
  assert.deepEqual(page.errors, []);
});
