// The certificate tools as a user meets them, with real files made by the
// openssl CLI at test time: upload a chain and see it on the Uploaded tab
// with its dates; bad files and their reasons; the keyboard alone through the
// upload dialog; the Create CSR tool (both downloads, checked by openssl);
// the verification walkthrough's three verdicts; markup in a subject shown
// as text; an Official certificate's file fetched from the (sandbox) CA on
// its first download. Screenshots of each dialog go to artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, screenshot, storedEverything, waitStored } from './browser.mjs';
import { opensslCa } from './openssl-ca.mjs';

let browser;
const dir = mkdtempSync(join(tmpdir(), 'certdesk-e2e-certs-'));
const file = (name) => join(dir, name);
const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

/** `openssl req -verify`: openssl 3.0 exits 0 when it fails, so read stderr. */
function reqVerifies(path) {
  const r = spawnSync('openssl', ['req', '-in', path, '-verify', '-noout'], { encoding: 'utf8' });
  return r.status === 0 && /verify OK/.test(r.stderr);
}

/** "notAfter=Nov 23 05:00:00 2027 GMT" -> "2027-11-23" (UTC). */
function enddate(pemFile) {
  const text = openssl('x509', '-in', pemFile, '-noout', '-enddate').trim().replace('notAfter=', '');
  return new Date(text).toISOString().slice(0, 10);
}

function makeFixtures() {
  const issue = opensslCa(dir);
  const caExt = 'basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always';
  const leafExt = (sans) => `basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\nsubjectAltName=${sans}\ncertificatePolicies=2.23.140.1.2.1`;
  const key = (name) => openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`);
  for (const n of ['root', 'inter', 'new', 'old', 'xss']) key(n);
  // Fixed dates around TODAY (2026-11-23), the As of date the pages open on:
  // the leaves start three days before it and run 397, 30 and 200 days.
  issue('root', { subject: '/O=E2E Trust/CN=E2E Trust Root', ext: caExt, from: '2026-01-01', to: '2036-01-01' });
  issue('inter', { subject: '/O=E2E Trust/CN=E2E Trust CA', issuer: 'root', ext: caExt, from: '2026-01-01', to: '2034-01-01' });
  const shop = leafExt('DNS:shop.example.com,DNS:www.shop.example.com');
  issue('new', { subject: '/CN=shop.example.com', issuer: 'inter', ext: shop, from: '2026-11-20', to: '2027-12-22' });
  issue('old', { subject: '/CN=shop.example.com', issuer: 'inter', ext: shop, from: '2026-11-20', to: '2026-12-20' });
  issue('xss', { subject: '/O=<b>bold<\\/b>/CN=<img src\\=x onerror\\=alert(1)>', issuer: 'inter', ext: leafExt('DNS:xss.example.com'),
    from: '2026-11-20', to: '2027-06-08' });
  const read = (n) => readFileSync(file(`${n}.pem`), 'utf8');
  writeFileSync(file('chain.pem'), read('new') + read('inter') + read('root'));
  writeFileSync(file('xss-chain.pem'), read('xss') + read('inter'));
  openssl('crl2pkcs7', '-nocrl', '-certfile', 'chain.pem', '-outform', 'DER', '-out', 'chain.p7b');
  // Bad files.
  writeFileSync(file('random.bin'), randomBytes(700));
  writeFileSync(file('server.key'), readFileSync(file('new.key')));
  const leaf = read('new');
  writeFileSync(file('truncated.pem'), leaf.slice(0, Math.floor(leaf.length / 2)));
  writeFileSync(file('empty.crt'), '');
  writeFileSync(file('big.pem'), Buffer.alloc(2 * 1024 * 1024, 'A'));
  return { read };
}

let fx;
before(async () => {
  fx = makeFixtures();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A page on the Uploaded tab that records any alert/confirm dialog. */
async function uploadedTab() {
  const page = await openPage(browser, '/#/uploaded');
  page.dialogs = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.waitForSelector('#panel-uploaded tr.cert-row');
  return page;
}

async function uploadFiles(page, names) {
  await page.click('#upload-certificate');
  await page.waitForSelector('#upload-dialog');
  await page.setInputFiles('#upload-files', names.map(file));
}

const rowFor = (page, text) => page.locator('#panel-uploaded tr.cert-row', { hasText: text });

async function addChain(page, name = 'chain.pem') {
  await uploadFiles(page, [name]);
  await page.waitForSelector('#upload-add:not([disabled])');
  await page.click('#upload-add');
  await page.waitForSelector('#upload-dialog', { state: 'detached' });
}

test('upload a real chain: previewed, then listed on the Uploaded tab with its real dates', async () => {
  const page = await uploadedTab();
  const before = await page.locator('#panel-uploaded tr.cert-row').count();
  await uploadFiles(page, ['chain.pem']);
  const item = page.locator('#upload-dialog .upload-item');
  await item.waitFor();
  const expires = enddate(file('new.pem'));
  const text = await item.textContent();
  assert.match(text, /shop\.example\.com/);
  assert.ok(text.includes(`to ${expires} (UTC)`), text);
  assert.match(text, /E2E Trust CA/);
  assert.match(text, /Other CA DV Single Domain/);
  assert.match(text, /Issued/);
  assert.match(text, /3 certificates/);
  assert.equal(await page.textContent('#upload-add'), 'Add 1 certificate');
  await screenshot(page, 'upload-preview');
  await page.click('#upload-add');
  await page.waitForSelector('#upload-dialog', { state: 'detached' });
  await page.waitForFunction((n) => document.querySelectorAll('#panel-uploaded tr.cert-row').length === n + 1, before);
  const row = rowFor(page, 'shop.example.com');
  assert.match(await row.getAttribute('data-id'), /^up-[0-9a-f]{12}$/);
  assert.ok((await row.textContent()).includes(expires), 'the row shows the real expiry date');
  // The same chain again, as a DER .p7b bundle: already listed, nothing to add.
  await uploadFiles(page, ['chain.p7b']);
  await page.waitForSelector('#upload-dialog .upload-duplicate');
  assert.ok(await page.isDisabled('#upload-add'));
  await screenshot(page, 'upload-duplicate');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#upload-dialog', { state: 'detached' });
  assert.equal(await page.locator('#panel-uploaded tr.cert-row').count(), before + 1);
  assert.deepEqual(page.errors, []);
});

test('bad files: each one listed with its reason, nothing added', async () => {
  const page = await uploadedTab();
  const before = await page.locator('#panel-uploaded tr.cert-row').count();
  await uploadFiles(page, ['random.bin', 'server.key', 'truncated.pem', 'empty.crt', 'big.pem']);
  await page.waitForFunction(() => document.querySelectorAll('#upload-dialog .upload-problems li').length === 5);
  const reasons = Object.fromEntries(await page.$$eval('#upload-dialog .upload-problems li', (items) =>
    items.map((li) => [li.querySelector('strong').textContent, li.textContent])));
  assert.match(reasons['random.bin'], /random binary data/);
  assert.match(reasons['server.key'], /This is a private key/);
  assert.match(reasons['truncated.pem'], /no END line|truncated/);
  assert.match(reasons['empty.crt'], /Empty input/);
  assert.match(reasons['big.pem'], /2\.1 MB.*not read/);
  assert.ok(await page.isDisabled('#upload-add'));
  await screenshot(page, 'upload-bad-files');
  await page.click('#upload-dialog .modal-foot >> text=Cancel');
  assert.equal(await page.locator('#panel-uploaded tr.cert-row').count(), before);
  assert.deepEqual(page.errors, []);
});

test('a file dropped on the dialog is read like a chosen one', async () => {
  const page = await uploadedTab();
  await page.click('#upload-certificate');
  await page.waitForSelector('#upload-dialog');
  const drop = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped-chain.pem', { type: 'application/x-pem-file' }));
    return data;
  }, fx.read('old') + fx.read('inter'));
  await page.dispatchEvent('#upload-dialog .drop-zone', 'dragover', { dataTransfer: drop });
  await page.dispatchEvent('#upload-dialog .drop-zone', 'drop', { dataTransfer: drop });
  await page.waitForSelector('#upload-dialog .upload-item');
  assert.match(await page.textContent('#upload-dialog .file-list'), /dropped-chain\.pem.*2 certificates/);
  assert.ok((await page.textContent('#upload-dialog .upload-item')).includes(enddate(file('old.pem'))));
  await page.keyboard.press('Escape');
  assert.deepEqual(page.errors, []);
});

test('the keyboard alone through the upload dialog', async () => {
  const page = await uploadedTab();
  const before = await page.locator('#panel-uploaded tr.cert-row').count();
  await page.focus('#upload-certificate');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#upload-dialog');
  // Focus is in the dialog; Tab reaches the paste box.
  for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.id)) !== 'upload-paste'; i++) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'upload-paste');
  await page.keyboard.insertText(fx.read('new') + fx.read('inter'));
  await page.waitForSelector('#upload-add:not([disabled])');
  for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== 'upload-add'; i++) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'upload-add', 'Tab reaches Add');
  await screenshot(page, 'upload-keyboard');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#upload-dialog', { state: 'detached' });
  await page.waitForFunction((n) => document.querySelectorAll('#panel-uploaded tr.cert-row').length === n + 1, before);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'upload-certificate', 'focus returns to the button');
  assert.deepEqual(page.errors, []);
});

test('Create CSR: a WebCrypto key and a CSR that openssl verifies, both downloaded, the key never stored', async () => {
  const page = await openPage(browser, '/');
  await page.click('#create-csr');
  await page.waitForSelector('#csr-tool');
  await page.fill('#csr-tool-names', 'shop.example.com\nwww.shop.example.com');
  await page.fill('#csr-tool-org', 'Example Ltd');
  await page.fill('#csr-tool-country', 'CN');
  await page.selectOption('#csr-tool-algorithm', 'sm2');
  await page.click('#csr-tool button[type=submit]');
  await page.waitForSelector('#csr-tool-algorithm-error');
  assert.match(await page.textContent('#csr-tool-algorithm-error'), /Browsers cannot make SM2 keys/);
  await page.selectOption('#csr-tool-algorithm', 'rsa-2048');
  await page.click('#csr-tool button[type=submit]');
  await page.waitForSelector('#csr-tool-result-csr', { timeout: 20_000 });
  await screenshot(page, 'csr-tool');

  const save = async (label, name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#csr-tool button:has-text("${label}")`)]);
    assert.equal(download.suggestedFilename(), name);
    await download.saveAs(file(name));
    return readFileSync(file(name), 'utf8');
  };
  const csr = await save('Download CSR', 'shop.example.com.csr');
  const key = await save('Download private key', 'shop.example.com.key');
  assert.match(csr, /^-----BEGIN CERTIFICATE REQUEST-----/);
  assert.match(key, /^-----BEGIN PRIVATE KEY-----/);
  assert.ok(reqVerifies(file('shop.example.com.csr')), 'openssl req -verify accepts the CSR');
  const subject = openssl('req', '-in', 'shop.example.com.csr', '-noout', '-subject');
  assert.match(subject, /C = CN, O = Example Ltd, CN = shop.example.com/);
  assert.match(openssl('req', '-in', 'shop.example.com.csr', '-noout', '-text'), /DNS:shop\.example\.com, DNS:www\.shop\.example\.com/);
  assert.match(openssl('req', '-in', 'shop.example.com.csr', '-noout', '-text'), /Public-Key: \(2048 bit\)/);
  // The key downloaded is the CSR's.
  assert.equal(openssl('pkey', '-in', 'shop.example.com.key', '-pubout'), openssl('req', '-in', 'shop.example.com.csr', '-noout', '-pubkey'));
  // A tampered CSR fails the same check (openssl's exit code alone would not say).
  const lines = csr.split('\n');
  lines[4] = lines[4].slice(0, 10) + (lines[4][10] === 'A' ? 'B' : 'A') + lines[4].slice(11);
  writeFileSync(file('tampered.csr'), lines.join('\n'));
  assert.ok(!reqVerifies(file('tampered.csr')));
  const stored = await storedEverything(page);
  assert.ok(!stored.includes('PRIVATE KEY'), 'no private key in browser storage');
  assert.ok(!stored.includes(key.split('\n')[1]), 'no part of the key in browser storage');
  assert.match(await page.textContent('#csr-tool .key-warning'), /not kept anywhere/);
  assert.deepEqual(page.errors, []);
});

async function openVerify(page, text) {
  const row = rowFor(page, text);
  const id = await row.getAttribute('data-id');
  if (!(await row.locator('button.action-verify').count())) {
    await row.locator('button.more').click();
    await page.click(`#more-${id} button.action-verify`);
  } else {
    await row.locator('button.action-verify').click();
  }
  await page.waitForSelector('#verify-walkthrough');
}

async function verdictFor(page, pasted) {
  const before = await page.locator('#verify-walkthrough .walk-step:nth-child(4)').textContent();
  await page.fill('#verify-served', pasted);
  await page.click('#verify-check');
  await page.waitForFunction((b) => document.querySelector('#verify-walkthrough .walk-step:nth-child(4)').textContent !== b, before);
  return page.textContent('#verify-verdict');
}

test('the verification walkthrough: the right chain, the old certificate, a chain missing its intermediate', async () => {
  const page = await uploadedTab();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  // Each kept verdict reaches the host page as certdesk:verified (README, "Events").
  await page.evaluate(() => {
    window.__verified = [];
    document.addEventListener('certdesk:verified', (e) => window.__verified.push(e.detail));
  });
  const verifiedEvent = async (n) => {
    await page.waitForFunction((k) => window.__verified.length >= k, n);
    return page.evaluate((k) => window.__verified[k - 1], n);
  };
  await addChain(page);
  await openVerify(page, 'shop.example.com');
  const step1 = await page.textContent('#verify-walkthrough .walk-step:nth-child(1)');
  const serial = openssl('x509', '-in', 'new.pem', '-noout', '-serial').trim().split('=')[1];
  assert.ok(step1.replaceAll(':', '').includes(serial), `serial ${serial} in ${step1}`);
  assert.equal(await page.textContent('#verify-command'),
    'openssl s_client -connect shop.example.com:443 -servername shop.example.com -showcerts </dev/null');
  await page.click('#verify-walkthrough button[aria-label="Copy the openssl command"]');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^openssl s_client -connect shop\.example\.com:443/);

  const served = (...names) => names.map((n) => fx.read(n)).join('');
  const sClient = `CONNECTED(00000003)\n---\nCertificate chain\n 0 s:CN = shop.example.com\n${served('new')} 1 s:O = E2E Trust, CN = E2E Trust CA\n${served('inter')}---\nDONE\n`;
  let verdict = await verdictFor(page, sClient);
  assert.match(verdict, /Deployed\. The site serves the new certificate/);
  assert.match(await page.textContent('#verify-kept'), /^Verified on \d{4}-\d{2}-\d{2}: the new certificate is deployed/);
  const passed = await verifiedEvent(1);
  assert.equal(passed.name, 'shop.example.com');
  assert.equal(passed.id, await rowFor(page, 'shop.example.com').getAttribute('data-id'));
  assert.equal(passed.passed, true);
  assert.match(passed.on, /^\d{4}-\d{2}-\d{2}/);
  assert.match(passed.summary, /^The site serves the new certificate/);
  await screenshot(page, 'verify-pass');

  verdict = await verdictFor(page, served('old', 'inter'));
  assert.match(verdict, /still serves an older certificate/);
  for (const cause of ['not the new one', 'not reloaded', 'cached', 'CDN, WAF, GA or SLB']) assert.ok(verdict.includes(cause), cause);
  const failed = await verifiedEvent(2);
  assert.deepEqual([failed.id, failed.passed], [passed.id, false]);
  await screenshot(page, 'verify-old');

  verdict = await verdictFor(page, served('new'));
  assert.match(verdict, /chain is incomplete/);
  assert.match(verdict, /Deploy the full chain/);
  await screenshot(page, 'verify-incomplete');

  verdict = await verdictFor(page, enddate(file('new.pem')));
  assert.match(verdict, /matches the new certificate's/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#verify-walkthrough', { state: 'detached' });

  // A certificate without its file: the expiry-date-only check.
  await openVerify(page, 'media.example.com');
  assert.match(await page.textContent('#verify-walkthrough .no-file'), /not kept in this browser/);
  const expiry = (await page.textContent('#verify-walkthrough .expected-facts dd')).trim();
  verdict = await verdictFor(page, expiry);
  assert.match(verdict, /matches the new certificate's/);
  verdict = await verdictFor(page, '2020-01-01');
  assert.match(verdict, /older certificate/);
  await screenshot(page, 'verify-date-only');
  assert.deepEqual(page.errors, []);
});

test('markup in a certificate subject is shown as text, never run', async () => {
  const page = await uploadedTab();
  await uploadFiles(page, ['xss-chain.pem']);
  await page.waitForSelector('#upload-dialog .upload-item');
  assert.equal(await page.locator('#certdesk img').count(), 0);
  await page.click('#upload-add');
  await page.waitForSelector('#upload-dialog', { state: 'detached' });
  const name = page.locator('#panel-uploaded button.cert-name', { hasText: '<img src=x onerror=alert(1)>' });
  await name.click();
  await page.waitForSelector('#cert-details .cert-fields');
  const details = await page.textContent('#cert-details');
  assert.ok(details.includes('O=<b>bold</b>, CN=<img src=x onerror=alert(1)>'), details);
  assert.equal(await page.locator('#certdesk img, #certdesk b').count(), 0, 'no element made from the certificate');
  await page.waitForSelector('#cert-details .sig-valid');
  await screenshot(page, 'details-markup');
  await page.keyboard.press('Escape');
  // A demo certificate without a file: its facts, and why there is no more.
  await page.click('tr[data-id="up-4e21"] button.cert-name');
  await page.waitForSelector('#cert-details .no-file');
  await screenshot(page, 'details-no-file');
  assert.deepEqual(page.dialogs, [], 'no alert ran');
  assert.deepEqual(page.errors, []);
});

test('an Official certificate without its file: Download gets it from the CA, then its details show X.509', async () => {
  const page = await openPage(browser, '/#/official');
  const id = 'cas-8e4f61'; // mail.example.com, Issued, demo record without a file
  await page.waitForSelector(`tr[data-id="${id}"]`);
  const [from, to] = (await page.textContent(`tr[data-id="${id}"] .col-validity`)).match(/\d{4}-\d{2}-\d{2}/g);
  await page.click(`tr[data-id="${id}"] button.cert-name`);
  await page.waitForSelector('#cert-details .no-file .fetch-file');
  assert.match(await page.textContent('#cert-details .no-file'), /The CA keeps it/);
  await screenshot(page, 'details-fetch-file');
  await page.keyboard.press('Escape');

  await page.click(`tr[data-id="${id}"] button.more`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#more-${id} button.action-download`)]);
  assert.equal(download.suggestedFilename(), 'mail.example.com.pem');
  writeFileSync(file('mail.pem'), readFileSync(await download.path()));
  const text = openssl('x509', '-in', 'mail.pem', '-noout', '-text');
  const day = (iso) => new Date(`${iso}T00:00:00Z`).toUTCString().split(' '); // [Wkd, DD, Mon, YYYY, ...]
  const asOpenssl = (iso, time) => { const [, d, m, y] = day(iso); return new RegExp(`${m}\\s+${Number(d)} ${time} ${y} GMT`); };
  assert.match(text, new RegExp(`Not Before: ${asOpenssl(from, '00:00:00').source}`));
  assert.match(text, new RegExp(`Not After : ${asOpenssl(to, '23:59:59').source}`));
  assert.match(text, /DNS:mail\.example\.com/);
  assert.match(text, /Issuer: .*Sandbox/);

  // The file is kept: the details now read it, and a second download is the same file.
  await waitStored(page, (s) => s.data.certificates.find((c) => c.id === id)?.pem);
  await page.click(`tr[data-id="${id}"] button.cert-name`);
  await page.waitForSelector('#cert-details .cert-fields');
  assert.match(await page.textContent('#cert-details'), /mail\.example\.com/);
  await page.keyboard.press('Escape');
  await page.click(`tr[data-id="${id}"] button.more`);
  const [again] = await Promise.all([page.waitForEvent('download'), page.click(`#more-${id} button.action-download`)]);
  assert.equal(readFileSync(await again.path(), 'utf8'), readFileSync(file('mail.pem'), 'utf8'));

  // From the details: the link downloads it and the dialog shows its X.509 fields.
  await page.click('tr[data-id="cas-2d9e77"] button.cert-name');
  await Promise.all([page.waitForEvent('download'), page.click('#cert-details .fetch-file')]);
  await page.waitForSelector('#cert-details .cert-fields');
  assert.match(await page.textContent('#cert-details'), /api\.example\.com/);
  await page.keyboard.press('Escape');

  // SM2: the sandbox CA cannot sign it, and says so.
  await page.click('tr[data-id="cas-6d3a48"] button.more');
  await page.click('#more-cas-6d3a48 button.action-download');
  await page.waitForSelector('.notice-error');
  assert.match(await page.textContent('.notice-error'), /gov\.example\.cn was not downloaded: SM2 is not available/);

  // An uploaded certificate's file exists only where it was uploaded.
  await page.click('[role=tab]:has-text("Uploaded")');
  await page.click('tr[data-id="up-4e21"] button.more');
  const disabled = page.locator('#more-up-4e21 button.action-download');
  assert.equal(await disabled.getAttribute('aria-disabled'), 'true');
  assert.deepEqual(page.errors, []);
});
