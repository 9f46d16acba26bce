// CA/Browser Forum ballot SC-081 as the Baseline Requirements count it: on each
// date the cap changes (2026-03-15: 200 days, 2027-03-15: 100, 2029-03-15: 47),
// the renewal panel's chain, the record and the certificate the sandbox CA
// issues (read by openssl) all give the same validity, one day under the cap,
// counted notBefore through notAfter inclusive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, screenshot, waitStatus, setAsOf, waitStored } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
/** notBefore/notAfter of the first certificate of a PEM file, as openssl reads them. */
function opensslDates(pem) {
  const dir = mkdtempSync(join(tmpdir(), 'certdesk-sc081-'));
  writeFileSync(join(dir, 'chain.pem'), pem);
  const out = execFileSync('openssl', ['x509', '-in', join(dir, 'chain.pem'), '-noout', '-dates']).toString();
  const field = (name) => Date.parse(out.match(new RegExp(`${name}=(.*)`))[1]);
  return { notBefore: field('notBefore'), notAfter: field('notAfter') };
}

const CASES = [
  { day: '2026-03-15', cap: 200, issued: 199 },
  { day: '2027-03-15', cap: 100, issued: 99 },
  { day: '2029-03-15', cap: 47, issued: 46 },
];

for (const { day, cap, issued } of CASES) {
  test(`from ${day}: ${issued} days in the panel, the record and the issued certificate (cap ${cap})`, async () => {
    const page = await openPage(browser, `/?as_of=${day}`);
    await page.click('tr[data-id="cas-7f3a21"] button.action-renewal-purchase');
    await page.waitForSelector('#preview-chain');
    const first = (await page.textContent('#preview-chain li')).trim();
    assert.equal(first, `${day} to ${addDays(day, issued - 1)}: ${issued} days, under the ${cap}-day cap`);
    assert.match(await page.textContent('#preview-chain'), new RegExp(`at most ${cap} days .*the CA issues ${issued} days`));
    // The preview says which planned reissue needs the domains validated again.
    assert.match(await page.textContent('#preview-validation'), /Validation for shop\.example\.com .* can be reused until \d{4}-\d{2}-\d{2}/);
    if (day === '2026-03-15') await screenshot(page, 'sc081-preview');

    // Place the order, submit the request; the OV review ends 5 days later.
    await page.click('#order-submit');
    await page.waitForSelector('#order-placed', { timeout: 20000 });
    await page.click('#order-placed >> text=Submit request now');
    await page.waitForSelector('#submit-request');
    await page.click('#submit-to-ca');
    await page.waitForSelector('#submit-request', { state: 'detached' });
    const id = 'cas-2001-1';
    const issueDay = addDays(day, 5);
    await setAsOf(page, issueDay);
    await waitStatus(page, id, 'Issued');
    const end = addDays(issueDay, issued - 1);
    assert.match(await page.textContent(`tr[data-id="${id}"] .col-validity`), new RegExp(`${issueDay} → ${end}`));

    await waitStored(page, (s) => s.data.certificates.find((c) => c.id === id)?.pem);
    await page.click(`tr[data-id="${id}"] button.more`);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`#more-${id} button.action-download`)]);
    const { notBefore, notAfter } = opensslDates(readFileSync(await file.path(), 'utf8'));
    assert.equal(new Date(notBefore).toISOString(), `${issueDay}T00:00:00.000Z`);
    assert.equal(new Date(notAfter).toISOString(), `${end}T23:59:59.000Z`);
    // Baseline Requirements: notBefore through notAfter inclusive, any part of a day a day.
    const days = Math.ceil((notAfter - notBefore + 1000) / 86400000);
    assert.equal(days, issued);
    assert.ok(days < cap, `${days} days is under the ${cap}-day cap`);

    // The details say until when the CA's validation (recorded on the request's
    // day) can be reused, and which reissue inside the term needs a new one.
    await page.click(`tr[data-id="${id}"] button.cert-name`);
    await page.waitForSelector('#cert-details .details-dcv');
    const dcv = await page.textContent('#cert-details .details-dcv');
    assert.match(dcv, new RegExp(`Validation for shop\\.example\\.com \\(done ${day}\\) can be reused until \\d{4}-\\d{2}-\\d{2}; the reissue of \\d{4}-\\d{2}-\\d{2} needs a new validation by the CA's contact`));
    // Its X.509 fields count the same days as the panel and openssl.
    await page.waitForSelector('#cert-details .cert-fields');
    assert.match(await page.textContent('#cert-details .cert-fields'), new RegExp(`a ${issued}-day certificate`));
    if (day === '2029-03-15') await screenshot(page, 'sc081-details-validation');
    await page.keyboard.press('Escape');
    if (day === '2029-03-15') {
      // 10-day reuse from 2029-03-15: the reissue of 2029-04-19 (15 days before
      // 2029-05-04) needs a new validation, 30 days after this As of date.
      assert.match(dcv, /can be reused until 2029-03-25; the reissue of 2029-04-19/);
      await page.click('button.chip-validation');
      await page.waitForFunction(() => document.querySelector('button.chip-validation')?.getAttribute('aria-pressed') === 'true');
      const listed = await page.$$eval('tr.cert-row', (rows) => rows.map((r) => r.dataset.id));
      assert.ok(listed.includes(id), `${id} needs validation within 30 days: ${listed}`);
      assert.match(await page.textContent('button.chip-validation'), /Needs validation within 30 days \(\d+\)/);
    }
    assert.deepEqual(page.errors, []);
  });
}
