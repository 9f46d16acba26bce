// axe-core (WCAG 2.1 A and AA rules) over every view a user works in: both
// lists, the renewal and purchase panels, the upload dialog (empty and with a
// chain previewed), a certificate's details, the verification walkthrough, the
// notification centre and the policy editor (also with its refusals shown).
// No serious or critical finding on the whole page, the open dialog included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, screenshot } from './browser.mjs';
import { opensslCa } from './openssl-ca.mjs';

const require = createRequire(import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Serious and critical WCAG 2.1 A/AA findings on the page, one line each with its elements. */
async function serious(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 5).join(' | ')}${v.nodes.length > 5 ? ` (+${v.nodes.length - 5})` : ''}`);
}

async function check(page, name) {
  await screenshot(page, `a11y-${name}`);
  assert.deepEqual(await serious(page), [], name);
  assert.deepEqual(page.errors, []);
}

test('the Official list', async () => {
  const page = await openPage(browser, '/#/official');
  await page.waitForSelector('#panel-official tr.cert-row');
  await check(page, 'official-list');
});

test('the Uploaded list', async () => {
  const page = await openPage(browser, '/#/uploaded');
  await page.waitForSelector('#panel-uploaded tr.cert-row');
  await check(page, 'uploaded-list');
});

test('the renewal panel', async () => {
  const page = await openPage(browser, '/#/official');
  await page.click('tr[data-id="cas-7f3a21"] button.action-renewal-purchase');
  await page.waitForSelector('#order-panel #preview-days');
  await check(page, 'renewal-panel');
});

test('the purchase panel, also with its refusals shown', async () => {
  const page = await openPage(browser, '/#/official');
  await page.click('#panel-official button:has-text("Purchase certificate")');
  await page.waitForSelector('#order-panel');
  await check(page, 'purchase-panel');
  await page.click('#order-submit');
  await page.waitForSelector('#order-panel [aria-invalid="true"]');
  await check(page, 'purchase-panel-refused');
});

test('the upload dialog, empty and with a chain previewed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'certdesk-e2e-a11y-'));
  const issue = opensslCa(dir);
  for (const n of ['ca', 'leaf']) {
    execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${n}.key`], { cwd: dir });
  }
  const caExt = 'basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash';
  const leafExt = 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n'
    + 'subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\nsubjectAltName=DNS:a11y.example.com';
  const root = issue('ca', { subject: '/O=E2E Trust/CN=E2E A11y CA', ext: caExt, from: '2026-01-01', to: '2036-01-01' });
  const leaf = issue('leaf', { subject: '/CN=a11y.example.com', issuer: 'ca', ext: leafExt, from: '2026-11-20', to: '2027-06-08' });
  const chain = join(dir, 'chain.pem');
  writeFileSync(chain, leaf + root);
  const page = await openPage(browser, '/#/uploaded');
  await page.click('#upload-certificate');
  await page.waitForSelector('#upload-dialog');
  await check(page, 'upload-dialog');
  await page.setInputFiles('#upload-files', [chain]);
  await page.waitForSelector('#upload-dialog .upload-item');
  await check(page, 'upload-dialog-preview');
});

test('a certificate\'s details', async () => {
  const page = await openPage(browser, '/#/official');
  await page.click('tr[data-id="cas-2d9e77"] button.cert-name');
  await page.waitForSelector('#cert-details .timeline-dates');
  await check(page, 'details');
});

test('the verification walkthrough', async () => {
  const page = await openPage(browser, '/#/official');
  await page.click('#panel-official tr.cert-row button.action-verify');
  await page.waitForSelector('#verify-walkthrough');
  await check(page, 'verify-walkthrough');
});

test('the notification centre and the policy editor', async () => {
  const page = await openPage(browser, '/#/official');
  await page.click('button.bell');
  await page.waitForSelector('#notification-centre');
  await check(page, 'notification-centre');
  await page.click('#notification-centre button.add-policy');
  await page.waitForSelector('#policy-editor');
  await check(page, 'policy-editor');
  await page.click('#policy-save');
  await page.waitForSelector('#policy-editor [role=alert]');
  await check(page, 'policy-editor-refused');
});
