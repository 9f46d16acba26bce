// The renewal timeline (issue 13, parts 4 and 5): one certificate's term,
// chain, caps and validation deadlines in its details (SVG and a list of the
// same dates); the next 12 months above the list, a month filtering it with
// the mouse and with the keyboard alone; the full PEM chain (leaf then
// intermediate, no root) read back by openssl; axe finds nothing serious on
// either view; screenshots at 1280 and 800 px wide.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, screenshot } from './browser.mjs';

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'certdesk-e2e-timeline-'));
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const ID = 'cas-2d9e77'; // api.example.com: term 2026-10-14 to 2027-10-14, four certificates

/** Subject and issuer of each certificate of a PEM file, in file order, as openssl reads them. */
function opensslChain(path) {
  const p7 = spawnSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', path]);
  assert.equal(p7.status, 0, String(p7.stderr));
  const list = spawnSync('openssl', ['pkcs7', '-print_certs', '-noout'], { input: p7.stdout, encoding: 'utf8' });
  assert.equal(list.status, 0, list.stderr);
  return [...list.stdout.matchAll(/subject=(.*)\nissuer=(.*)/g)].map(([, subject, issuer]) => ({ subject, issuer }));
}

/** Serious and critical WCAG A/AA violations inside `selector`. */
async function axeViolations(page, selector) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  const violations = await page.evaluate(async (selector) => {
    const result = await window.axe.run(document.querySelector(selector), {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, selector);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function openDetails(page) {
  await page.click(`tr[data-id="${ID}"] button.cert-name`);
  await page.waitForSelector('#cert-details .timeline-dates');
}

test('the details draw the timeline and list its term, chain, deadlines and today', async () => {
  const page = await openPage(browser, '/#/official');
  await openDetails(page);
  const svg = page.locator('#cert-details svg.timeline-svg');
  assert.equal(await svg.getAttribute('role'), 'img');
  const titleId = await svg.getAttribute('aria-labelledby');
  assert.match(await page.textContent(`[id="${titleId}"]`), /Renewal timeline: paid term 2026-10-14 to 2027-10-14, today 2026-11-23/);
  const dates = await page.locator('#cert-details .timeline-dates li').allTextContents();
  assert.equal(dates[0], 'Paid term: 2026-10-14 to 2027-10-14 (365 days)');
  assert.match(dates[1], /^Certificate 1 \(current\): 2026-10-14 to 2027-04-30, 199 days, under the 200-day cap/);
  assert.match(dates[2], /^Certificate 2 \(planned\): 2027-03-31 to \d{4}-\d{2}-\d{2}, 99 days, under the 100-day cap/);
  assert.ok(dates.some((d) => /^Certificate 4 \(planned\): .* to 2027-10-14/.test(d)), dates.join('\n'));
  assert.ok(dates.some((d) => /Validation of api\.example\.com: .*reusable until 2027-03-14; a fresh validation is needed by 2027-03-31 for the reissue/.test(d)), dates.join('\n'));
  assert.equal(dates.at(-1), 'Today (the As of date): 2026-11-23');
  // The ids are the instance's, and unique on the page.
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(await axeViolations(page, '#cert-details'), []);
  await screenshot(page, 'timeline-details-1280');
  assert.deepEqual(page.errors, []);
});

test('the full chain downloads leaf then intermediate, without the root, and the export has every held chain', async () => {
  const page = await openPage(browser, '/#/official');
  await openDetails(page);
  // The file is fetched from the (sandbox) CA once; then the chain link appears.
  await Promise.all([page.waitForEvent('download'), page.click('#cert-details .fetch-file')]);
  await page.waitForSelector('#cert-details .download-chain');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#cert-details .download-chain')]);
  assert.equal(file.suggestedFilename(), 'api.example.com-fullchain.pem');
  const path = join(dir, 'fullchain.pem');
  await file.saveAs(path);
  const chain = opensslChain(path);
  assert.equal(chain.length, 2, JSON.stringify(chain));
  assert.match(chain[0].subject, /CN ?= ?api\.example\.com/);
  assert.equal(chain[0].issuer, chain[1].subject, 'the leaf, then its issuer');
  assert.notEqual(chain[1].subject, chain[1].issuer, 'the intermediate is not a self-signed root');
  await page.keyboard.press('Escape');

  const [all] = await Promise.all([page.waitForEvent('download'), page.click('.data-menu button.export-pem')]);
  assert.equal(all.suggestedFilename(), 'certdesk-chains-2026-11-23.pem');
  const allPath = join(dir, 'chains.pem');
  await all.saveAs(allPath);
  const text = readFileSync(allPath, 'utf8');
  assert.match(text, /^# api\.example\.com \(cas-2d9e77\), valid from 2026-10-14 to 2027-04-30\n-----BEGIN CERTIFICATE-----/);
  assert.equal(opensslChain(allPath).length, 2);
  assert.deepEqual(page.errors, []);
});

test('a month of the chart filters the list; the chip removes the filter', async () => {
  const page = await openPage(browser, '/#/official');
  const chart = '#panel-official .month-load';
  await page.waitForSelector(chart);
  const months = page.locator(`${chart} button.ml-month`);
  assert.equal(await months.count(), 12);
  assert.match(await months.nth(0).textContent(), /Nov\s*2026/);
  const rows = () => page.locator('#panel-official tbody tr[data-id]').count();
  const before = await rows();
  // March 2027: api.example.com's reissue needs a fresh validation.
  const march = months.nth(4);
  assert.match(await march.textContent(), /Mar\s*2027\s*2 events: 0 expiries, 0 Managed Service starts, 1 reissue, 1 validation/);
  await march.click();
  assert.equal(await march.getAttribute('aria-pressed'), 'true');
  await page.waitForSelector('#panel-official .chip-remove');
  assert.ok(await rows() < before);
  assert.equal(await page.locator(`#panel-official tr[data-id="${ID}"]`).count(), 1);
  assert.equal(await page.locator('#panel-official tr[data-id="cas-7f3a21"]').count(), 0);
  assert.deepEqual(await axeViolations(page, chart), []);
  await page.locator(`${chart} details summary`).click();
  assert.equal(await page.locator(`${chart} tbody tr`).count(), 12);
  await screenshot(page, 'timeline-chart-1280');
  await page.click('#panel-official .chip-remove');
  await page.waitForSelector('#panel-official .chip-remove', { state: 'detached' });
  assert.equal(await rows(), before);
  assert.deepEqual(page.errors, []);
});

test('keyboard only: Tab to a month, Enter filters, Tab to the chip, Space clears it', async () => {
  const page = await openPage(browser, '/#/official');
  await page.waitForSelector('#panel-official .month-load');
  const rows = () => page.locator('#panel-official tbody tr[data-id]').count();
  const before = await rows();
  const focused = (selector) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
  const tabTo = async (selector, limit = 60) => {
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press('Tab');
      if (await focused(selector)) return;
    }
    assert.fail(`Tab never reached ${selector}`);
  };
  await page.focus('[role=tab][aria-selected=true]');
  await tabTo('#panel-official button.ml-month');
  // Nov, Dec, Jan, Feb, then March.
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Mar\s*2027/);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#panel-official .chip-remove');
  assert.ok(await rows() < before);
  await tabTo('#panel-official .chip-remove');
  await page.keyboard.press('Space');
  await page.waitForSelector('#panel-official .chip-remove', { state: 'detached' });
  assert.equal(await rows(), before);
  assert.deepEqual(page.errors, []);
});

test('at 800 px wide the chart and the timeline stay readable', async () => {
  const page = await openPage(browser, '/#/official', { width: 800, height: 900 });
  await page.waitForSelector('#panel-official .month-load');
  // The month buttons do not overlap.
  const boxes = await page.locator('#panel-official button.ml-month').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  for (let i = 1; i < boxes.length; i += 1) assert.ok(boxes[i].left >= boxes[i - 1].right - 0.5, `month ${i} overlaps the one before`);
  await screenshot(page, 'timeline-chart-800');
  await openDetails(page);
  // The axis labels do not overlap either.
  const labels = await page.locator('#cert-details .tl-axis-label').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(labels.length >= 6);
  for (let i = 1; i < labels.length; i += 1) assert.ok(labels[i].left >= labels[i - 1].right, `axis label ${i} overlaps`);
  assert.deepEqual(await axeViolations(page, '#cert-details'), []);
  await screenshot(page, 'timeline-details-800');
  assert.deepEqual(page.errors, []);
});
