// Certdesk against the reference server (server/): the app served by
// certdesk-server itself (one origin), its inventory in a SQLite file, its
// clock set by the test. The whole lifecycle through the UI, a second browser
// seeing the first one's changes, a conflict, a retried order placed once,
// the server killed and back with nothing typed lost, and one account that
// cannot see another's certificates. Each test has its own server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, screenshot, statusOf, waitStatus, setAsOf, TODAY, BASE_URL } from './browser.mjs';
import { apiServer, throwawayPostgres } from './api-server.mjs';
import { opensslCa } from './openssl-ca.mjs';

const A = 'e2e-token-account-a-0001';
const A_VIEWER = 'e2e-token-account-a-viewer';
const B = 'e2e-token-account-b-0001';
const RENEWABLE = 'cas-7f3a21';

let browser;
const dir = mkdtempSync(join(tmpdir(), 'certdesk-e2e-server-'));
const file = (name) => join(dir, name);
const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const servers = [];
async function freshServer(extra = [], options = {}) {
  const server = await apiServer([{ account: 'acme', token: A, demo: true }, ...extra], options);
  servers.push(server);
  return server;
}
after(async () => { for (const s of servers) await s.close(); });

/** A page of a new context on `server`'s app, signed in with `token`, that records page errors. */
async function openOn(server, token, { hash = '', width = 1280 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err)));
  page.sent = [];
  page.on('request', (r) => { if (r.url().includes('/v1/')) page.sent.push(r.postData() ?? ''); });
  await page.goto(`${server.url}/?api=/v1&token=${token}&as_of=${TODAY}${hash}`);
  await page.waitForSelector('[role=tablist]');
  await page.waitForSelector('.banner-connection', { state: 'detached' });
  return page;
}

/** The ids of the certificates the account's newest order created. */
async function newestOrder(server) {
  const { body } = await server.api(A, 'GET', '/account');
  return body.orders.at(-1);
}

async function renew(page, { years = 1 } = {}) {
  await page.click(`tr[data-id="${RENEWABLE}"] button.action-renewal-purchase`);
  await page.waitForSelector('#order-panel');
  if (years !== 1) await page.click(`label[for="period-${years}"]`);
}

// The lifecycle on each database the server runs on: SQLite, and
// PostgreSQL in a throwaway cluster (server/scripts/pg-throwaway).
test('the whole lifecycle through the UI, acted on by the server', async () => {
  await lifecycle(await freshServer(), mkdtempSync(join(dir, 'sqlite-')));
});

test('the whole lifecycle through the UI, acted on by the server, on PostgreSQL', async () => {
  const postgres = await throwawayPostgres();
  try {
    const server = await freshServer([], { db: postgres.url });
    try {
      await lifecycle(server, mkdtempSync(join(dir, 'postgres-')));
    } finally {
      await server.stop();
    }
  } finally {
    postgres.stop();
  }
});

async function lifecycle(server, dir) {
  const file = (name) => join(dir, name);
  const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const page = await openOn(server, A);
  assert.equal(await page.$('.data-menu >> text=Reset demo data'), null, 'the server\'s inventory is not reset from a browser');
  await renew(page, { years: 3 });
  assert.equal(await page.$('#order-panel .sandbox-label'), null, 'the server\'s payment is not called a sandbox');
  await page.click('#order-submit');
  await page.waitForSelector('#order-placed', { timeout: 20000 });
  const order = await newestOrder(server);
  const [first, second, third] = order.certificates;
  assert.equal(order.certificates.length, 3);
  await screenshot(page, 'server-order-placed');

  await page.click('#order-placed >> text=Submit request now');
  await page.waitForSelector('#submit-request');
  await page.click('#submit-to-ca');
  await page.waitForSelector('#submit-request', { state: 'detached' });
  await waitStatus(page, first, 'Validating Application');
  assert.equal(await statusOf(page, second), 'Not Activated');

  // OV: the server's CA completes the review 5 days later, on the server's clock.
  await server.setClock(A, '2026-11-28T09:00:00Z');
  await setAsOf(page, '2026-11-28');
  await waitStatus(page, first, 'Issued');
  await page.waitForFunction(() => document.querySelector('.banner-as-of')?.textContent.includes('the server acts on its own date (2026-11-28)'));
  await page.click(`tr[data-id="${first}"] button.more`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#more-${first} button.action-download`)]);
  const chain = readFileSync(await download.path(), 'utf8');
  const pems = chain.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g);
  assert.equal(pems.length, 3, 'leaf, intermediate, root');
  writeFileSync(file('leaf.pem'), pems[0]);
  writeFileSync(file('inter.pem'), pems[1]);
  writeFileSync(file('root.pem'), pems[2]);
  const text = openssl('x509', '-in', 'leaf.pem', '-noout', '-text');
  assert.match(text, /Not Before: Nov 28 00:00:00 2026 GMT/);
  assert.match(text, /DNS:shop\.example\.com/);
  assert.match(text, /Issuer: .*Sandbox/);
  // The chain verifies up to the server's (persisted, untrusted) root, on a fixed day.
  const attime = String(Date.UTC(2026, 11, 1) / 1000);
  assert.match(openssl('verify', '-attime', attime, '-CAfile', 'root.pem', '-untrusted', 'inter.pem', 'leaf.pem'), /leaf\.pem: OK/);
  assert.ok(page.sent.every((body) => !body.includes('PRIVATE KEY')), 'no private key ever goes to the server');

  // The Managed Service starts the second certificate 30 days before the first one's term ends.
  const { body: entry } = await server.api(A, 'GET', `/certificates/${first}`);
  const trigger = new Date(Date.parse(`${entry.certificate.term_end}T00:00:00Z`) - 30 * 86400000).toISOString().slice(0, 10);
  await server.setClock(A, `${trigger}T09:00:00Z`);
  await setAsOf(page, trigger);
  await page.waitForFunction((id) => {
    const s = document.querySelector(`tr[data-id="${id}"] .col-status .status`)?.textContent.trim();
    return s && s !== 'Not Activated';
  }, second, { timeout: 20000 });

  // Cancelling the third (Not Activated) gives its quota back, on the server.
  const before = (await server.api(A, 'GET', '/quotas')).body;
  await page.click(`tr[data-id="${third}"] button.action-cancel`);
  await page.click('#confirm-dialog .modal-foot >> text=Cancel certificate');
  await waitStatus(page, third, 'Cancelled');
  const afterCancel = (await server.api(A, 'GET', '/quotas')).body;
  assert.notDeepEqual(afterCancel, before, 'the unit and the Managed Service use came back');

  // An upload is read by the server with the same code and listed on the Uploaded tab.
  const issue = opensslCa(dir);
  const caExt = 'basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always';
  for (const n of ['ur', 'ul']) openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${n}.key`);
  issue('ur', { subject: '/O=E2E Upload/CN=E2E Upload Root', ext: caExt, from: '2026-01-01', to: '2036-01-01' });
  issue('ul', { subject: '/CN=upload.example.org', issuer: 'ur', from: '2026-11-20', to: '2027-05-20',
    ext: 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:upload.example.org' });
  writeFileSync(file('upload.pem'), readFileSync(file('ul.pem'), 'utf8') + readFileSync(file('ur.pem'), 'utf8'));
  await page.click('#tab-uploaded');
  await page.click('#upload-certificate');
  await page.waitForSelector('#upload-dialog');
  await page.setInputFiles('#upload-files', [file('upload.pem')]);
  await page.waitForSelector('#upload-add:not([disabled])');
  await page.click('#upload-add');
  await page.waitForSelector('#upload-dialog', { state: 'detached' });
  await page.waitForSelector('#panel-uploaded tr.cert-row >> text=upload.example.org');
  const listed = await server.api(A, 'GET', '/certificates?tab=uploaded&q=upload.example.org');
  assert.equal(listed.body.items.length, 1, 'the upload is kept by the server');
  await screenshot(page, 'server-lifecycle');
  assert.deepEqual(page.errors, []);
}

test('a second browser sees the first one\'s changes', async () => {
  const server = await freshServer();
  const one = await openOn(server, A);
  const two = await openOn(server, A);
  await renew(one);
  await one.click('#order-submit');
  await one.waitForSelector('#order-placed', { timeout: 20000 });
  const [created] = (await newestOrder(server)).certificates;
  await two.waitForSelector(`tr[data-id="${created}"]`, { timeout: 20000 });
  assert.equal(await statusOf(two, created), 'Pending Application');
  assert.deepEqual([...one.errors, ...two.errors], []);
});

test('a change someone else made first is shown as a conflict, not overwritten', async () => {
  const server = await freshServer();
  const placed = await server.api(A, 'POST', '/orders', {
    request: await orderRequest(server, 3),
  });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  const third = placed.body.certificates[2];
  const page = await openOn(server, A);
  // Hold this page's change feed, so it still shows the old version when it acts.
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/v1/changes*', async (route) => { await gate; await route.continue(); });
  const other = await server.api(A, 'POST', `/certificates/${third.certificate.id}/cancel`, {}, { 'if-match': `"${third.version}"` });
  assert.equal(other.status, 200, JSON.stringify(other.body));
  await page.click(`tr[data-id="${third.certificate.id}"] button.action-cancel`);
  await page.click('#confirm-dialog .modal-foot >> text=Cancel certificate');
  const notice = page.locator('.notice-error', { hasText: 'The list now shows what the server holds' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /changed.* is now Cancelled \(version \d+\)\./);
  await screenshot(page, 'server-conflict');
  release();
  await waitStatus(page, third.certificate.id, 'Cancelled');
  assert.deepEqual(page.errors, []);
});

test('an order whose answer was lost is retried with the same key and placed once', async () => {
  const server = await freshServer();
  const page = await openOn(server, A);
  const ordersBefore = (await server.api(A, 'GET', '/account')).body.orders.length;
  const keys = [];
  const replayed = [];
  await page.route('**/v1/orders', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    const response = await route.fetch();
    replayed.push(response.headers()['idempotency-replayed'] ?? null);
    // The first answer is lost on the way back (a proxy's 502).
    if (keys.length === 1) await route.fulfill({ status: 502, body: 'Bad Gateway' });
    else await route.fulfill({ response });
  });
  await renew(page);
  await page.click('#order-submit');
  await page.waitForSelector('#order-placed', { timeout: 20000 });
  assert.equal(keys.length, 2);
  assert.ok(keys[0] && keys[0] === keys[1], 'the retry carries the same Idempotency-Key');
  assert.deepEqual(replayed, [null, 'true'], 'the server answered the retry from its record');
  const ordersAfter = (await server.api(A, 'GET', '/account')).body.orders.length;
  assert.equal(ordersAfter, ordersBefore + 1, 'placed exactly once');
  assert.deepEqual(page.errors, []);
});

test('the server killed mid-session: a clear message, nothing typed lost, and it recovers', async () => {
  const server = await freshServer();
  const page = await openOn(server, A);
  await renew(page, { years: 3 });
  await page.waitForFunction(() => document.querySelectorAll('#preview-certificates li').length === 3);
  await server.stop();
  const banner = page.locator('.banner-offline');
  await banner.waitFor({ timeout: 30000 });
  assert.match(await banner.textContent(), /server cannot be reached.*tries again/s);
  await page.click('#order-submit');
  const failed = page.locator('.notice-error', { hasText: 'Order not placed' });
  await failed.waitFor({ timeout: 30000 });
  assert.match(await failed.textContent(), /unavailable|cannot be reached/);
  assert.ok(await page.isChecked('#period-3'), 'the panel keeps what was chosen');
  assert.equal(await page.locator('#preview-certificates li').count(), 3);
  await page.setViewportSize({ width: 800, height: 800 });
  await screenshot(page, 'server-offline-800');
  await page.setViewportSize({ width: 1280, height: 800 });
  await server.start();
  await banner.waitFor({ state: 'detached', timeout: 30000 });
  await page.click('#order-submit');
  await page.waitForSelector('#order-placed', { timeout: 20000 });
  assert.equal((await newestOrder(server)).certificates.length, 3);
  // The failed fetches are the browser's own console errors; nothing else went wrong.
  assert.deepEqual(page.errors, []);
});

test('one account never sees or changes another\'s certificates', async () => {
  const server = await freshServer([{ account: 'globex', token: B }, { account: 'acme', token: A_VIEWER, role: 'viewer' }]);
  const page = await openOn(server, B);
  await page.waitForSelector('#panel-official');
  assert.equal(await page.$(`tr[data-id="${RENEWABLE}"]`), null);
  assert.equal(await page.locator('tr.cert-row').count(), 0);
  for (const [method, path] of [['GET', `/certificates/${RENEWABLE}`], ['GET', `/certificates/${RENEWABLE}/file`],
    ['POST', `/certificates/${RENEWABLE}/cancel`], ['DELETE', `/certificates/${RENEWABLE}`]]) {
    const r = await server.api(B, method, path, method === 'POST' ? {} : undefined, { 'if-match': '"1"' });
    assert.equal(r.status, 404, `${method} ${path} as another account`);
  }
  // A viewer of acme sees its certificates but a change says who may make it.
  const viewer = await openOn(server, A_VIEWER);
  await viewer.waitForSelector(`tr[data-id="${RENEWABLE}"]`);
  await renew(viewer);
  await viewer.click('#order-submit');
  const denied = viewer.locator('.notice-error', { hasText: 'Order not placed' });
  await denied.waitFor();
  assert.match(await denied.textContent(), /administrator/);
  assert.deepEqual([...page.errors, ...viewer.errors], []);
});

/** A 1- or 3-year renewal request of RENEWABLE as the app sends it. */
async function orderRequest(server, years) {
  const { body } = await server.api(A, 'GET', `/certificates/${RENEWABLE}`);
  const c = body.certificate;
  return {
    kind: 'Renewal', original: c, years, csr_mode: 'Automatic', manual_csr_key_algorithm: null,
    key_algorithm: c.key_algorithm, verification: null, spec: c.spec, domains: c.domains,
    contact: c.contact, dns_in_same_account: c.dns_in_same_account, validation_free: c.validation_free,
  };
}

test('embedded on another origin: api, a 401 answered by the host\'s getToken, CORS', async () => {
  const host = new URL(BASE_URL).origin;
  const server = await freshServer([], { cors: [host] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err)));
  await page.goto(`${host}/host-api.html?api=${encodeURIComponent(`${server.url}/v1`)}&token=${A}&as_of=${TODAY}`);
  await page.waitForSelector(`certdesk-console tr[data-id="${RENEWABLE}"]`, { timeout: 20000 });
  assert.deepEqual(await page.evaluate(() => [window.asked, window.expired]), [1, 1]);
  await screenshot(page, 'server-embedded');
  // A 401 on the first load is the browser's console error, not the page's; nothing threw.
  assert.deepEqual(page.errors, []);
});
