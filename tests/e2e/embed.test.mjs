// Certdesk embedded in a host console (tests/e2e/host.html): two instances on
// one page, one as <certdesk-console>, one through mount(); memory routing
// (the host's URL never changes), unique ids, events with their details,
// hostile host styles that change nothing inside, and unmount() leaving no
// timer, listener or error behind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, screenshot, storedJson, waitStored } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openHost({ width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err)));
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  await page.goto(`${BASE_URL}/host.html`);
  await page.waitForFunction(() => window.__host?.ready);
  await page.locator('#a [role=tablist]').waitFor();
  await page.locator('#b-slot [role=tablist]').waitFor();
  return page;
}

/** Every id in the document and in every shadow root. */
const allIds = (page) => page.evaluate(() => {
  const ids = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.id) ids.push(el.id);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return ids;
});

test('two instances on one host page: own tabs, own orders, unique ids, the host URL untouched', async () => {
  const page = await openHost();
  const url = page.url();
  const a = page.locator('#a'), b = page.locator('#b-slot');
  assert.match(await page.evaluate(() => window.__host.badOption), /routing .*"hash" or "memory"/);
  // Both open on the host's As of date (as-of attribute, asOf option), not the machine's day.
  assert.equal(await a.locator('input[type=date]').first().inputValue(), '2026-11-23');
  assert.equal(await b.locator('input[type=date]').first().inputValue(), '2026-11-23');

  // Tabs switch in each instance alone, without touching the URL.
  await a.locator('[role=tab]:has-text("Uploaded")').click();
  await a.locator('[role=tab][aria-selected=true]:has-text("Uploaded")').waitFor();
  assert.equal(await b.locator('[role=tab][aria-selected=true]').textContent(), 'Official Certificate');
  assert.equal(page.url(), url, 'memory routing leaves the host URL alone');

  // A renewal order in instance B only.
  await b.locator('tr[data-id="cas-7f3a21"] button.action-renewal-purchase').click();
  await b.locator('[id$="order-submit"]').click();
  await b.locator('[id$="order-placed"]').waitFor({ timeout: 20000 });
  const placed = await page.evaluate(() => window.__host.events.find((e) => e.type === 'certdesk:order-placed'));
  assert.equal(placed.from, 'b-slot');
  assert.equal(placed.detail.kind, 'Renewal');
  assert.equal(placed.detail.original, 'cas-7f3a21');
  assert.deepEqual(placed.detail.certificates, ['cas-2001-1']);
  await b.locator('text=Submit request now').click();
  await b.locator('[id$="submit-to-ca"]').click();
  await page.waitForFunction(() => window.__host.events.some((e) => e.type === 'certdesk:application-submitted'));
  const submitted = await page.evaluate(() => window.__host.events.find((e) => e.type === 'certdesk:application-submitted'));
  assert.equal(submitted.detail.id, 'cas-2001-1');
  assert.equal(submitted.detail.state, 'ValidatingApplication');
  assert.equal(await a.locator('tr[data-id="cas-2001-1"]').count(), 0, 'instance A has its own inventory');
  const stored = [(await storedJson(page, 'host.a')).data.certificates.length];
  stored.push((await waitStored(page, (s) => s.data.certificates.length === stored[0] + 1, 'host.b')).data.certificates.length);
  assert.equal(stored[1], stored[0] + 1, 'each instance saves under its own storage key');

  // Cancel (a Not Activated one returns its quota) and delete, in instance A.
  await a.locator('[role=tab]:has-text("Official")').click();
  await a.locator('tr[data-id="cas-3c4d56-2"] button.action-cancel').click();
  await a.locator('.modal-foot >> text=Cancel certificate').click();
  await page.waitForFunction(() => window.__host.events.some((e) => e.type === 'certdesk:certificate-cancelled'));
  const cancelled = await page.evaluate(() => window.__host.events.find((e) => e.type === 'certdesk:certificate-cancelled'));
  assert.equal(cancelled.from, 'a');
  assert.deepEqual([cancelled.detail.id, cancelled.detail.returned], ['cas-3c4d56-2', { units: 1, managedService: 1 }]);
  await a.locator('tr[data-id="cas-61aa90"] button.more').click();
  await a.locator('button.menu-item.action-delete').click();
  await a.locator('.modal-foot >> text=Delete').click();
  await page.waitForFunction(() => window.__host.events.some((e) => e.type === 'certdesk:certificate-deleted'));
  const deleted = await page.evaluate(() => window.__host.events.find((e) => e.type === 'certdesk:certificate-deleted'));
  assert.equal(deleted.detail.id, 'cas-61aa90');

  // A refused action reaches the host as certdesk:error with what failed.
  await a.locator('tr[data-id="cas-6d3a48"] button.more').click();
  await a.locator('button.menu-item.action-download').click();
  await page.waitForFunction(() => window.__host.events.some((e) => e.type === 'certdesk:error'));
  const error = await page.evaluate(() => window.__host.events.find((e) => e.type === 'certdesk:error'));
  assert.equal(error.from, 'a');
  assert.equal(error.detail.operation, 'download');
  assert.match(error.detail.message, /gov\.example\.cn was not downloaded: SM2 is not available/);

  const ids = await allIds(page);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  assert.deepEqual(dupes, [], 'no id occurs twice on the page');
  assert.equal(page.url(), url);
  assert.deepEqual(page.errors, []);
});

test('the host\'s aggressive styles do not reach inside, theming does, and screenshots show it', async () => {
  const page = await openHost();
  const a = page.locator('#a'), b = page.locator('#b-slot');
  const style = (loc, props) => loc.evaluate((el, props) => {
    const s = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
  }, props);
  // The host's button is red with a green border; Certdesk's stay its own.
  assert.equal((await style(page.locator('#host-button'), ['background-color'])) ['background-color'], 'rgb(255, 0, 0)');
  const renew = await style(a.locator('tr[data-id="cas-7f3a21"] button.action-renewal-purchase'), ['background-color', 'font-size', 'border-top-width']);
  assert.notEqual(renew['background-color'], 'rgb(255, 0, 0)');
  assert.notEqual(renew['font-size'], '28px');
  assert.notEqual(renew['border-top-width'], '6px');
  const table = await style(a.locator('table').first(), ['border-top-style', 'background-color']);
  assert.notEqual(table['border-top-style'], 'dashed');
  assert.equal(await a.locator('.toolbar').first().isVisible(), true, 'the host hides .toolbar in its own page only');
  const h1 = await style(a.locator('h1').first(), ['font-size', 'text-transform']);
  assert.notEqual(h1['font-size'], '64px');
  const host = await style(a.locator('.console').first(), ['font-family', 'text-align', 'color']);
  assert.doesNotMatch(host['font-family'], /Times/);
  assert.equal(host['text-align'], 'left');
  // Theming: instance B's accent comes from --certdesk-accent on its element.
  const primary = await style(b.locator('button.btn-primary').first(), ['background-color']);
  assert.equal(primary['background-color'], 'rgb(122, 46, 158)');
  await screenshot(page, 'embed-host-1280');
  await page.setViewportSize({ width: 800, height: 900 });
  await screenshot(page, 'embed-host-800');
  assert.deepEqual(page.errors, []);
});

test('unmount() removes an instance with its timers and listeners, and no error', async () => {
  const page = await openHost();
  const during = await page.evaluate(() => window.__host.timers());
  assert.ok(during >= 2, `each instance runs its clock (${during} intervals)`);
  await page.evaluate(() => {
    window.__host.b.unmount();
    window.__host.b.unmount(); // twice is harmless
    document.getElementById('a').remove(); // the custom element unmounts itself
  });
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__host.timers()), 0, 'no interval left running');
  // Playwright's own input-tracking listeners on window are not Certdesk's.
  const ours = (map) => Object.fromEntries(Object.entries(map).filter(([k]) =>
    !/^window:(__playwright|(aux|dbl)?click|contextmenu|mouse|pointer|touch)/.test(k)));
  assert.deepEqual(ours(await page.evaluate(() => window.__host.listeners())), ours(await page.evaluate(() => window.__host.baseline)),
    'every window/document listener Certdesk added was removed');
  assert.equal(await page.locator('#b-slot [role=tablist]').count(), 0);
  // Time passes with nothing mounted: no error.
  await page.waitForTimeout(5500);
  assert.deepEqual(page.errors, []);
});
