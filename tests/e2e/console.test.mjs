// The certificate console as a user meets it: tabs, search, filters, sort, the
// As of date, cancel with quota return, persistence, recovery from a corrupt
// stored blob, export and re-import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, putStored, screenshot, storedInventory, storedKeys, waitStored } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const rowIds = (page, panel = 'official') =>
  page.$$eval(`#panel-${panel} tr.cert-row`, (rows) => rows.map((r) => r.dataset.id));
const statusOf = (page, id) => page.textContent(`tr[data-id="${id}"] .col-status .status`);
const quotaMs = async (page) => Number(await page.textContent('#quota-managed-service'));
const chip = (page, panel, label) => page.locator(`#panel-${panel} .chip`, { hasText: label });

test('tabs, search, filters and sort', async () => {
  const page = await openPage(browser, '/');
  assert.ok((await rowIds(page)).length > 15, 'the demo inventory is listed');
  assert.match(await page.textContent('#quota-managed-service'), /^\d+$/);

  await page.click('#tab-uploaded');
  await page.waitForSelector('#panel-uploaded tr.cert-row');
  const uploaded = await rowIds(page, 'uploaded');
  assert.ok(uploaded.includes('up-5b42'), 'a PCA certificate is on the Uploaded tab');
  assert.equal(await page.textContent('tr[data-id="up-5b42"] .tag'), 'PCA');
  await page.click('#tab-official');

  await page.fill('#search-official', 'example.org');
  await page.waitForFunction(() => document.querySelectorAll('#panel-official tr.cert-row').length === 1);
  assert.deepEqual(await rowIds(page), ['cas-5e0f12']);
  await page.fill('#search-official', '');

  const pe = chip(page, 'official', 'Pending Expiration (');
  const count = Number((await pe.textContent()).match(/\((\d+)\)/)[1]);
  await pe.click();
  await page.waitForSelector('#panel-official .chip-on >> text=Pending Expiration');
  const shown = await page.$$eval('#panel-official tr.cert-row:not(.row-context) .col-status', (c) => c.map((x) => x.textContent));
  assert.equal(shown.length, count);
  assert.ok(shown.every((s) => s.includes('Pending Expiration')));
  await chip(page, 'official', 'All (').click();

  const soonest = (await rowIds(page))[0];
  await page.selectOption('#sort-official', 'expiry-desc');
  await page.waitForFunction((first) => document.querySelector('#panel-official tr.cert-row').dataset.id !== first, soonest);
  await page.selectOption('#sort-official', 'name');
  const names = await page.$$eval('#panel-official tr.cert-row:not(.row-associated) .cert-name', (n) => n.map((x) => x.textContent.toLowerCase()));
  assert.deepEqual(names, [...names].sort());

  // A disabled action explains itself on focus (the FAQ "Why can't I find the renewal option?").
  await page.focus('tr[data-id="cas-5e0f12"] button.action-renewal-purchase');
  assert.match(await page.textContent('tr[data-id="cas-5e0f12"] [role=tooltip]'), /Multi-domain/);
  await screenshot(page, 'console-official');
  assert.deepEqual(page.errors, []);
});

test('the As of date changes statuses and is kept in the URL', async () => {
  // Opened as of the suite's TODAY (browser.mjs), the demo's day: 20 days left.
  const page = await openPage(browser, '/');
  assert.equal((await statusOf(page, 'cas-7f3a21')).trim(), 'Pending Expiration');
  await page.fill('#as-of-date', '2027-01-15');
  await page.waitForFunction(() => document.querySelector('.banner-as-of')?.textContent.includes('as of 2027-01-15'));
  assert.equal((await statusOf(page, 'cas-7f3a21')).trim(), 'Expired');
  assert.match(page.url(), /\?as_of=2027-01-15#\/official$/);
  await page.reload();
  await page.waitForSelector('.banner-as-of');
  assert.equal((await statusOf(page, 'cas-7f3a21')).trim(), 'Expired', '?as_of= survives a reload');
  await screenshot(page, 'console-as-of');
  await page.click('.banner-as-of button');
  await page.waitForSelector('.banner-as-of', { state: 'detached' });
  assert.doesNotMatch(page.url(), /as_of/);
  assert.deepEqual(page.errors, []);
});

test('cancelling a Not Activated certificate returns quota and is saved', async () => {
  const page = await openPage(browser, '/');
  const before = await quotaMs(page);
  await page.click('tr[data-id="cas-3c4d56-2"] button.action-cancel');
  await page.waitForSelector('#confirm-dialog');
  assert.match(await page.textContent('#confirm-dialog'), /1 Managed Service use/);
  await screenshot(page, 'console-cancel-dialog');
  await page.click('#confirm-dialog .modal-foot >> text=Cancel certificate');
  await page.waitForFunction((n) => document.querySelector('#quota-managed-service').textContent === String(n), before + 1);
  assert.equal((await statusOf(page, 'cas-3c4d56-2')).trim(), 'Cancelled');
  assert.match(await page.textContent('.notices'), /Returned to your quota/);

  await waitStored(page, (s) => s.data.certificates.find((c) => c.id === 'cas-3c4d56-2')?.state === 'Cancelled');
  await page.reload();
  await page.waitForSelector('tr[data-id="cas-3c4d56-2"]');
  assert.equal((await statusOf(page, 'cas-3c4d56-2')).trim(), 'Cancelled', 'persisted across reload');
  assert.equal(await quotaMs(page), before + 1);
  assert.deepEqual(page.errors, []);
});

test('a corrupt stored inventory is kept aside and can be downloaded', async () => {
  const page = await openPage(browser, '/');
  await putStored(page, 'certdesk.inventory', '{"schema": 2, "data": {"certificates": [tru');
  await page.reload();
  await page.waitForSelector('.notice-warning');
  const notice = await page.textContent('.notice-warning');
  assert.match(notice, /kept aside under "certdesk\.inventory\.kept-/);
  assert.ok((await rowIds(page)).length > 15, 'the demo is shown instead');
  const kept = (await storedKeys(page)).filter((k) => k.startsWith('certdesk.inventory.kept-'));
  assert.equal(kept.length, 1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('.notice-warning >> text=Download the kept inventory'),
  ]);
  assert.equal(await readFile(await download.path(), 'utf8'), '{"schema": 2, "data": {"certificates": [tru');
  await screenshot(page, 'console-recovered');
  // A newer schema is never overwritten either.
  await putStored(page, 'certdesk.inventory', '{"schema": 99, "data": {}}');
  await page.reload();
  await page.waitForSelector('.notice-warning');
  assert.match(await page.textContent('.notice-warning'), /newer version of Certdesk \(schema 99/);
  assert.match(await page.textContent('.notice-warning'), /saves nothing, so the newer version finds its inventory untouched/);
  // Working in this tab (a cancel) writes nothing under the newer version's key.
  await page.click('tr[data-id="cas-3c4d56-2"] button.action-cancel');
  await page.click('#confirm-dialog .modal-foot >> text=Cancel certificate');
  await page.waitForFunction(() => document.querySelector('tr[data-id="cas-3c4d56-2"] .col-status .status')?.textContent.trim() === 'Cancelled');
  await page.waitForTimeout(300);
  assert.equal(await storedInventory(page), '{"schema": 99, "data": {}}');
  assert.deepEqual(page.errors, []);
});

test('export JSON and CSV, delete, and import it back', async () => {
  const page = await openPage(browser, '/');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=Export JSON')]);
  const exported = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(exported.schema, 2);
  assert.ok(exported.data.certificates.length > 20);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=Export CSV')]);
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\r\n');
  assert.match(lines[0], /^Tab,Certificate ID,Name,Domains/);
  assert.equal(lines.length, exported.data.certificates.length + 1);

  await page.click('tr[data-id="cas-61aa90"] .more');
  await page.click('#more-cas-61aa90 button.action-delete');
  await page.click('#confirm-dialog .modal-foot >> text=Delete');
  await page.waitForSelector('tr[data-id="cas-61aa90"]', { state: 'detached' });

  await page.setInputFiles('input[type=file]', await json.path());
  await page.waitForSelector('#import-report');
  assert.match(await page.textContent('#import-report'), /1 certificate added/);
  await screenshot(page, 'console-import');
  await page.click('#import-report .modal-foot button');
  await page.waitForSelector('tr[data-id="cas-61aa90"]');

  // A file that is not an export is refused as a whole, and nothing changes.
  const countBefore = (await rowIds(page)).length;
  await page.setInputFiles('input[type=file]', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('hello') });
  await page.waitForSelector('.notice-error');
  assert.match(await page.textContent('.notice-error'), /notes\.json: The file is not JSON/);
  assert.equal((await rowIds(page)).length, countBefore);
  assert.deepEqual(page.errors, []);
});

test('keyboard alone: search, filter and open a row action', async () => {
  const page = await openPage(browser, '/');
  await page.focus('#search-official');
  await page.keyboard.type('portal');
  await page.waitForFunction(() => document.querySelectorAll('#panel-official tr.cert-row').length === 3);
  // Tab on to the Cancel of the Not Activated certificate and open it with Enter.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    if (label === 'Cancel portal.example.com') break;
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector('#confirm-dialog');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#confirm-dialog') !== null), true, 'focus moved into the dialog');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#confirm-dialog', { state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Cancel portal.example.com', 'focus returned');
  assert.deepEqual(page.errors, []);
});

test('10,000 generated certificates render only the rows in view', async () => {
  const page = await openPage(browser, '/?generate=10000');
  await page.waitForSelector('#panel-official .table-scroll.windowed');
  const rendered = await page.$$eval('#panel-official tr.cert-row', (r) => r.length);
  assert.ok(rendered < 80, `only the visible window is rendered (${rendered} rows)`);
  const total = Number(await page.getAttribute('#panel-official .cert-table', 'aria-rowcount'));
  assert.ok(total > 6000, `aria-rowcount tells the real size (${total})`);
  // The window covers the whole scroll box, also once the page grows (the box
  // is measured by a ResizeObserver, not once at mount).
  const uncovered = () => page.$eval('#panel-official .table-scroll', (box) => {
    const bottom = Math.max(...[...box.querySelectorAll('tr.cert-row')].map((r) => r.getBoundingClientRect().bottom));
    return Math.round(box.getBoundingClientRect().bottom - bottom);
  });
  assert.ok((await uncovered()) <= 0, `rows reach the bottom of the box (${await uncovered()} px uncovered)`);
  const size = page.viewportSize();
  await page.setViewportSize({ width: size.width, height: 1800 });
  await page.waitForFunction(() => document.querySelector('#panel-official .table-scroll').clientHeight > 1200);
  await page.waitForFunction(() => {
    const box = document.querySelector('#panel-official .table-scroll');
    const rows = [...box.querySelectorAll('tr.cert-row')];
    return rows.length > 0 && Math.max(...rows.map((r) => r.getBoundingClientRect().bottom)) >= box.getBoundingClientRect().bottom;
  }, null, { timeout: 5000 });
  await page.setViewportSize(size);
  // The keyboard is not stopped by the window: tabbing past the rendered rows
  // scrolls the focused row into view, which renders the next ones.
  await page.focus('#panel-official tr[aria-rowindex="2"] button.cert-name');
  const focusedRow = () => page.evaluate(() => Number(document.activeElement?.closest('tr.cert-row')?.getAttribute('aria-rowindex') ?? -1));
  for (let i = 0; i < 60 * 5 && (await focusedRow()) <= 60; i += 1) await page.keyboard.press('Tab');
  assert.ok((await focusedRow()) > 60, 'Tab reaches rows that were not rendered at first');
  const first = await page.$eval('#panel-official tr.cert-row', (r) => Number(r.getAttribute('aria-rowindex')));
  assert.ok(first > 2, `rows scrolled out of view are no longer rendered (first rendered: ${first})`);
  await page.$eval('#panel-official .table-scroll', (el) => { el.scrollTop = 64 * 3000; });
  await page.waitForFunction(() => Number(document.querySelector('#panel-official tr.cert-row').getAttribute('aria-rowindex')) > 2900);
  await page.fill('#search-official', 'host-00042.');
  await page.waitForFunction(() => document.querySelectorAll('#panel-official tr.cert-row').length >= 1
    && [...document.querySelectorAll('#panel-official .cert-name')].every((n) => n.textContent.includes('host-00042.')));
  assert.match(await page.textContent('.notices'), /saved in this browser/);
  await screenshot(page, 'console-10000');
  assert.deepEqual(page.errors, []);
});

test('10,000: a new result never leaves a popover or the focus on another certificate', async () => {
  const page = await openPage(browser, '/?generate=10000');
  await page.waitForSelector('#panel-official .table-scroll.windowed');
  // Rows are reused for the next result (keyed by position): what belonged to
  // the certificate shown before must not stay with the one shown now.
  const [first] = await rowIds(page);
  await page.click(`tr[data-id="${first}"] .col-status .status`);
  await page.waitForSelector('#panel-official .popover');
  const search = (value) => page.$eval('#search-official', (el, v) => {
    el.value = v;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: v.slice(-1) }));
  }, value);
  await search('host-02');
  await page.waitForFunction((id) => document.querySelector('#panel-official tr.cert-row')?.dataset.id !== id, first);
  assert.equal(await page.$('#panel-official .popover'), null, 'the lifecycle popover closed with its certificate');

  const [now] = await rowIds(page);
  await page.focus(`tr[data-id="${now}"] .col-actions button`);
  await search('host-03');
  await page.waitForFunction((id) => document.querySelector('#panel-official tr.cert-row')?.dataset.id !== id, now);
  const focusedRow = await page.evaluate(() => document.activeElement?.closest('tr.cert-row')?.dataset.id ?? null);
  assert.ok(focusedRow === null || focusedRow === now, `focus stays with ${now} or leaves the table (on ${focusedRow})`);
  assert.deepEqual(page.errors, []);
});
