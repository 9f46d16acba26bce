// Renewal and purchase as a user walks them: the preview on the documents'
// day and today (SC-081), a 3-year order, the request, the CA review, the
// Managed Service start, a cancel, Manual Entry's refusals, and a purchase.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, screenshot, statusOf, waitStatus, setAsOf, storedEverything, waitStored } from './browser.mjs';
import { opensslCa } from './openssl-ca.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const quota = (page) => page.evaluate(() => ({
  ms: Number(document.querySelector('#quota-managed-service').textContent),
  ov: Number(document.querySelector('[data-spec="DigiCert OV Single Domain"]')?.textContent ?? 'NaN'),
}));

test('renewing on 2025-09-10 previews the documents\' 385 days', async () => {
  const page = await openPage(browser, '/?as_of=2025-09-10');
  await page.click('tr[data-id="cas-7f3a21"] button.action-renewal-purchase');
  await page.waitForSelector('#order-panel');
  assert.equal(await page.textContent('#preview-days'), '385 days');
  assert.equal((await page.textContent('#preview-range')).trim(), '2025-09-10 to 2026-09-30');
  assert.equal(await page.$('#preview-chain'), null, 'one certificate covers the term before 2026-03-15');
  assert.match(await page.textContent('#preview-validity'), /20 days carried over/);
  await screenshot(page, 'renewal-2025-09-10');
  assert.deepEqual(page.errors, []);
});

test('renewing on 2026-11-23 shows the SC-081 chain with its cap', async () => {
  const page = await openPage(browser, '/?as_of=2026-11-23');
  await page.click('tr[data-id="cas-7f3a21"] button.action-renewal-purchase');
  await page.waitForSelector('#preview-chain');
  const chain = await page.textContent('#preview-chain');
  assert.match(chain, /at most 200 days \(CA\/Browser Forum ballot SC-081\)/);
  assert.ok((await page.$$('#preview-chain li')).length >= 2);
  await screenshot(page, 'renewal-today-sc081');
  assert.deepEqual(page.errors, []);
});

test('a 3-year renewal, its request, the review, the Managed Service start and a cancel', async () => {
  const page = await openPage(browser, '/?as_of=2025-09-10');
  const before = await quota(page);
  await page.click('tr[data-id="cas-7f3a21"] button.action-renewal-purchase');
  await page.waitForSelector('#order-panel');
  await page.click('label[for="period-3"]');
  await page.waitForFunction(() => document.querySelectorAll('#preview-certificates li').length === 3);
  assert.match(await page.textContent('#preview-ms'), /^2 needed/);
  await page.click('#order-submit');
  await page.waitForSelector('#order-placed', { timeout: 20000 });
  // Automatic: the key pair was made in the browser; its key is offered once and never stored.
  const [key] = await Promise.all([page.waitForEvent('download'), page.click('#download-key')]);
  assert.match(readFileSync(await key.path(), 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
  const stored = await storedEverything(page);
  assert.doesNotMatch(stored, /PRIVATE KEY/, 'no private key in browser storage');
  await screenshot(page, 'renewal-placed');

  // The "Submit request now" of the placed view opens Step 2 for the first certificate.
  await page.click('#order-placed >> text=Submit request now');
  await page.waitForSelector('#submit-request');
  assert.match(await page.textContent('#submit-request'), /CA sends domain ownership validation instructions to Alex Chen/);
  await screenshot(page, 'submit-request');
  await page.click('#submit-to-ca');
  await page.waitForSelector('#submit-request', { state: 'detached' });
  assert.equal(await statusOf(page, 'cas-2001-1'), 'Validating Application');
  assert.equal(await statusOf(page, 'cas-2001-2'), 'Not Activated');
  assert.equal(await statusOf(page, 'cas-2001-3'), 'Not Activated');
  const after = await quota(page);
  assert.deepEqual(after, { ms: before.ms - 2, ov: before.ov - 2 }, 'quota used first (2 units, 2 Managed Service uses)');

  await page.click('tr[data-id="cas-2001-1"] button.action-view-progress');
  await page.waitForSelector('#review-progress');
  assert.match(await page.textContent('#expected-issuance'), /2025-09-15 \(average issuance time: 5 calendar days\)/);
  await screenshot(page, 'review-progress');
  await page.keyboard.press('Escape');

  // OV: the sandbox CA completes the review 5 days later, with the carry-over.
  await setAsOf(page, '2025-09-15');
  await waitStatus(page, 'cas-2001-1', 'Issued');
  assert.match(await page.textContent('tr[data-id="cas-2001-1"] .col-validity'), /2025-09-15 → 2026-09-30/);
  // Its real X.509 file comes from the sandbox CA: the order's name and exactly
  // the validity the rules computed, as a chain up to the (untrusted) sandbox root.
  await waitStored(page, (s) => s.data.certificates.find((c) => c.id === 'cas-2001-1')?.pem);
  await page.click('tr[data-id="cas-2001-1"] button.more');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#more-cas-2001-1 button.action-download')]);
  const chainPem = readFileSync(await file.path(), 'utf8');
  assert.equal((chainPem.match(/BEGIN CERTIFICATE/g) ?? []).length, 3, 'leaf, intermediate, root');
  const dir = mkdtempSync(join(tmpdir(), 'certdesk-issued-'));
  writeFileSync(join(dir, 'chain.pem'), chainPem);
  const text = execFileSync('openssl', ['x509', '-in', join(dir, 'chain.pem'), '-noout', '-text']).toString();
  assert.match(text, /Not Before: Sep 15 00:00:00 2025 GMT/);
  assert.match(text, /Not After : Sep 30 23:59:59 2026 GMT/);
  assert.match(text, /DNS:shop\.example\.com/);
  assert.match(text, /Issuer: .*Sandbox/);
  await page.click('tr[data-id="cas-2001-1"] button.action-deploy');
  await page.waitForSelector('#deploy-guide');
  assert.match(await page.textContent('#deploy-guide'), /ALB · alb-shop-prod/);
  await page.click('#deploy-guide .server-tabs >> text=Apache');
  assert.match(await page.textContent('#install-steps'), /apachectl graceful/);
  await screenshot(page, 'deploy-guide');
  await page.keyboard.press('Escape');

  // The second certificate starts when the first has 30 days or less left (2026-08-31).
  await setAsOf(page, '2026-08-30');
  assert.equal(await statusOf(page, 'cas-2001-2'), 'Not Activated');
  await setAsOf(page, '2026-08-31');
  await waitStatus(page, 'cas-2001-2', 'Validating Application');
  await setAsOf(page, '2026-09-05');
  await waitStatus(page, 'cas-2001-2', 'Issued');

  // Cancelling the third (Not Activated) gives its unit and Managed Service use back.
  const beforeCancel = await quota(page);
  await page.click('tr[data-id="cas-2001-3"] button.action-cancel');
  await page.click('#confirm-dialog .modal-foot >> text=Cancel certificate');
  await waitStatus(page, 'cas-2001-3', 'Cancelled');
  assert.deepEqual(await quota(page), { ms: beforeCancel.ms + 1, ov: beforeCancel.ov + 1 });
  await screenshot(page, 'renewal-lifecycle');
  assert.deepEqual(page.errors, []);
});

function csrFixtures() {
  const dir = mkdtempSync(join(tmpdir(), 'certdesk-csr-'));
  const run = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  run('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'rsa.key', '-subj', '/CN=shop.example.com', '-addext', 'subjectAltName=DNS:shop.example.com', '-out', 'good.csr');
  run('req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ec.key', '-subj', '/CN=shop.example.com', '-addext', 'subjectAltName=DNS:shop.example.com', '-out', 'ec.csr');
  run('req', '-new', '-key', 'rsa.key', '-subj', '/CN=other.example.com', '-addext', 'subjectAltName=DNS:other.example.com', '-out', 'names.csr');
  // A certificate where a CSR belongs: self-signed for fixed dates (`req -x509 -days` would use the clock).
  opensslCa(dir)('cert', { subject: '/CN=shop.example.com', key: 'rsa.key', ext: 'basicConstraints=critical,CA:true\nsubjectKeyIdentifier=hash',
    from: '2026-11-20', to: '2026-12-20' });
  // A CSR whose signature no longer matches: one byte of the signature flipped.
  const der = run('req', '-in', 'good.csr', '-outform', 'DER');
  der[der.length - 10] ^= 0xff;
  const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64').match(/.{1,64}/g).join('\n')}\n-----END CERTIFICATE REQUEST-----\n`;
  writeFileSync(join(dir, 'tampered.csr'), tampered);
  const read = (f) => readFileSync(join(dir, f), 'utf8');
  return { good: read('good.csr'), ec: read('ec.csr'), names: read('names.csr'), cert: read('cert.pem'), key: read('rsa.key'), tampered };
}

test('Manual Entry refuses each wrong CSR, says why, and submits nothing', async () => {
  const csr = csrFixtures();
  const page = await openPage(browser, '/?as_of=2025-09-10');
  const orders = async () => (await waitStored(page, () => true)).data.orders.length;
  const placed = await orders();
  await page.click('tr[data-id="cas-7f3a21"] button.action-renewal-purchase');
  await page.click('label[for="csr-mode-manual"]');
  await page.waitForSelector('#manual-csr');
  const cases = [
    [csr.cert, /certificate, not a CSR|not a certificate signing request|No certificate signing request/i],
    [csr.key, /private key, not a CSR/],
    [csr.ec, /key algorithm \(ECDSA P-256\) differs from the original certificate's \(RSA 2048\)/],
    [csr.names, /names do not match/],
    [csr.tampered, /signature is invalid/],
  ];
  for (const [text, reason] of cases) {
    await page.fill('#manual-csr', text);
    await page.waitForSelector('#manual-csr-error');
    assert.match(await page.textContent('#manual-csr-error'), reason);
    await page.click('#order-submit');
    assert.equal(await page.$('#order-placed'), null, 'nothing is submitted');
  }
  await screenshot(page, 'manual-csr-refused');
  assert.equal(await orders(), placed);
  await page.fill('#manual-csr', csr.good);
  await page.waitForSelector('#manual-csr-error', { state: 'detached' });
  await page.click('#order-submit');
  await page.waitForSelector('#order-placed');
  assert.equal(await page.$('#download-key'), null, 'Manual Entry: the key stays with the user');
  assert.equal(await orders(), placed + 1);
  assert.deepEqual(page.errors, []);
});

test('Update on the Uploaded tab buys new certificates below the original', async () => {
  const page = await openPage(browser, '/#/uploaded');
  await page.click('tr[data-id="up-9c03"] button.action-update');
  await page.waitForSelector('#order-panel');
  assert.equal(await page.inputValue('#purchase-domains'), 'static.example.com');
  await page.click('label[for="period-2"]');
  assert.match(await page.textContent('#preview-validity'), /365 days from issuance; nothing is carried over/);
  await page.fill('#purchase-domains', 'static..example.com');
  await page.click('#order-submit');
  // The first wrong field gets the focus, and the order's problems are listed.
  await page.waitForFunction(() => document.activeElement?.id === 'purchase-domains');
  assert.equal(await page.getAttribute('#purchase-domains', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#order-panel .order-errors'), /cannot be placed yet/);
  await screenshot(page, 'purchase-invalid');
  await page.fill('#purchase-domains', 'static.example.com');
  await page.click('#order-submit');
  await page.waitForSelector('#order-placed', { timeout: 20000 });
  await page.click('#order-panel .modal-foot >> text=Done');
  const rows = await page.$$eval('#panel-uploaded tr.cert-row', (r) => r.map((x) => x.dataset.id));
  const at = rows.indexOf('up-9c03');
  assert.deepEqual(rows.slice(at + 1, at + 3), ['cas-2001-1', 'cas-2001-2']);
  assert.equal(await statusOf(page, 'cas-2001-1'), 'Pending Application');
  assert.equal(await statusOf(page, 'cas-2001-2'), 'Not Activated');
  assert.deepEqual(page.errors, []);
});

test('an expired certificate offers the emergency steps and a DV purchase', async () => {
  const page = await openPage(browser, '/');
  await page.click('tr[data-id="cas-61aa90"] button.action-emergency-steps');
  await page.waitForSelector('#emergency-steps');
  assert.match(await page.textContent('#emergency-steps'), /expired 10 days ago/);
  await screenshot(page, 'emergency-steps');
  await page.click('#emergency-buy');
  await page.waitForSelector('#order-panel');
  assert.equal(await page.isChecked('#validation-dv'), true);
  assert.equal(await page.isChecked('#verification-manual-dns'), true);
  assert.deepEqual(page.errors, []);
});

test('a CSR made with Create CSR is accepted by Manual Entry and ordered', async () => {
  const page = await openPage(browser, '/?as_of=2025-09-10');
  await page.click('#create-csr');
  await page.fill('#csr-tool-names', 'shop.example.com');
  await page.selectOption('#csr-tool-algorithm', 'rsa-2048');
  await page.click('#csr-tool button[type=submit]');
  await page.waitForSelector('#csr-tool-result-csr', { timeout: 20_000 });
  const csr = await page.inputValue('#csr-tool-result-csr');
  assert.match(csr, /^-----BEGIN CERTIFICATE REQUEST-----/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#csr-tool', { state: 'detached' });

  await page.click('tr[data-id="cas-7f3a21"] button.action-renewal-purchase');
  await page.click('label[for="csr-mode-manual"]');
  await page.fill('#manual-csr', csr);
  await page.waitForSelector('.manual-csr .field-ok');
  assert.match(await page.textContent('.manual-csr .field-ok'), /CSR accepted: RSA 2048 for shop\.example\.com, signature valid/);
  assert.match(await page.textContent('#order-panel .preview'), /cannot be deployed to cloud products/);
  await page.click('#order-submit');
  await page.waitForSelector('#order-placed');
  await page.click('#order-panel .modal-foot >> text=Done');
  // The CSR goes with the first new certificate: the sandbox CA issues it with that CSR's key.
  const stored = (await waitStored(page, (s) => s.data.certificates.find((c) => c.id === 'cas-2001-1')?.csr))
    .data.certificates.find((c) => c.id === 'cas-2001-1');
  assert.equal(stored.csr.trim(), csr.trim());
  assert.equal(stored.csr_mode, 'Manual');
  assert.deepEqual(page.errors, []);
});

test('the keyboard alone: open the renewal panel, choose 2 years, place the order', async () => {
  const page = await openPage(browser, '/?as_of=2025-09-10');
  await page.focus('#search-official');
  await page.keyboard.type('shop.example.com');
  await page.waitForFunction(() => document.querySelectorAll('#panel-official tr.cert-row').length <= 2);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');
  for (let i = 0; i < 20 && (await focused()) !== 'Renewal purchase shop.example.com'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#order-panel');
  // Focus is inside the panel; Tab moves to the 1 Year radio, arrows pick 2 Years.
  for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.name)) !== 'period'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('#period-2').checked);
  await page.waitForFunction(() => document.querySelectorAll('#preview-certificates li').length === 2);
  for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'order-submit'; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'order-submit', 'Tab reaches the order button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#order-placed', { timeout: 20_000 });
  await screenshot(page, 'renewal-keyboard');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#order-panel', { state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Renewal purchase shop.example.com', 'focus returns to the button');
  assert.deepEqual(page.errors, []);
});
