// Reminders as a user meets them: the bell and what is due, a custom policy
// with its refused inputs and its 90-day preview, the sandbox outbox after
// the As of date moves, browser notifications asked for on a click, and the
// calendar (.ics) parsed by a real iCalendar parser (ical.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { launch, openIn, openPage, screenshot, setAsOf, waitStored } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const bellCount = (page) => page.evaluate(() => Number(document.querySelector('button.bell .bell-count')?.textContent ?? 0));

test('the bell counts what is due and the centre links each item to its certificate and action', async () => {
  const page = await openPage(browser, '/');
  assert.ok(await bellCount(page) > 0, 'the demo has certificates expiring within 30 days');
  assert.match(await page.getAttribute('button.bell', 'aria-label'), /^Notifications: \d+ due$/);
  await page.click('button.bell');
  await page.waitForSelector('#notification-centre');
  const shop = page.locator('#notification-centre .alert-item[data-id="cas-7f3a21"]');
  assert.match(await shop.textContent(), /shop\.example\.com/);
  await screenshot(page, 'notifications-centre');
  await shop.locator('button.btn-primary').click();
  await page.waitForSelector('#order-panel');
  assert.deepEqual(page.errors, []);
});

test('a custom policy: every refused input says why, the preview, then the outbox as days pass', async () => {
  const page = await openPage(browser, '/');
  await page.click('button.bell');
  await page.click('#notification-centre button.add-policy');
  await page.waitForSelector('#policy-editor');
  // Saving the empty form marks what is missing.
  await page.click('#policy-save');
  await page.waitForSelector('#policy-editor [role=alert]');
  assert.match(await page.textContent('#policy-editor'), /Give the policy a name/);
  assert.match(await page.textContent('#policy-editor'), /Enter the contact's name/);
  await page.fill('#policy-name', 'Ops on-call');
  await page.fill('#contact-0-name', 'Ops team');
  await page.fill('#contact-0-email', 'ops@@example');
  assert.match(await page.textContent('#policy-editor'), /email/i);
  await page.fill('#contact-0-email', 'ops@example.com');
  // A webhook that is not https is refused with the reason.
  await page.check('#policy-editor [data-contact="0"] label:has-text("DingTalk webhook") input');
  await page.fill('#contact-0-dingtalk', 'http://oapi.dingtalk.com/robot/send?access_token=x');
  assert.match(await page.textContent('#policy-editor'), /must be an https:\/\/ URL/);
  await page.fill('#contact-0-dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=x');
  // At most 10 contacts: the button stops at the 10th and says why.
  for (let i = 0; i < 9; i += 1) await page.click('#policy-editor button.add-contact');
  assert.equal(await page.isDisabled('#policy-editor button.add-contact'), true);
  assert.match(await page.textContent('#contacts-full'), /at most 10 contacts/);
  for (let i = 9; i >= 1; i -= 1) await page.click(`#policy-editor [data-contact="${i}"] button.remove-contact`);
  await page.check('#policy-editor label:has-text("60 days before expiry") input');
  await page.selectOption('#policy-repeat', 'Every 3 days until handled');
  await page.waitForFunction(() => /Ops team \(\d+ reminders?\)/.test(document.querySelector('.policy-preview')?.textContent ?? ''));
  assert.match(await page.textContent('.policy-preview'), /DingTalk webhook/);
  await screenshot(page, 'notifications-policy-editor');
  await page.click('#policy-save');
  await page.waitForSelector('#notification-centre .policy-item[data-policy="policy-1"]');
  assert.match(await page.textContent('#notification-centre .policy-item[data-policy="policy-1"]'), /60 days ahead · every 3 days until handled · 1 contact/);
  await page.keyboard.press('Escape');

  // Days pass: the outbox says what would have gone out, labelled as the sandbox.
  await setAsOf(page, '2026-12-05');
  await page.click('button.bell');
  await page.waitForSelector('#notification-centre .outbox-list li');
  const outbox = await page.textContent('#notification-centre .outbox');
  assert.match(outbox, /Sandbox/);
  assert.match(outbox, /Would send to Ops team \(ops@example\.com\) by Email/);
  assert.match(outbox, /Would send to Alex Chen \(alex\.chen@example\.com\) by Email/);
  // Reloading keeps the policy (it is saved with the inventory).
  await waitStored(page, (s) => s.data.policies.some((p) => p.id === 'policy-1'));
  await page.reload();
  await page.click('button.bell');
  await page.waitForSelector('#notification-centre .policy-item[data-policy="policy-1"]');
  assert.deepEqual(page.errors, []);
});

test('browser notifications are asked for on a click only, then tell what becomes due', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['notifications']);
  await context.addInitScript(() => {
    window.__shown = [];
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title, options) { super(title, options); window.__shown.push({ title, body: options?.body }); }
    }
    Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
    Recorded.requestPermission = (...a) => { window.__asked = (window.__asked ?? 0) + 1; return Real.requestPermission(...a); };
    window.Notification = Recorded;
  });
  const page = await openIn(context, '/');
  assert.equal(await page.evaluate(() => window.__asked ?? 0), 0, 'no permission prompt on load');
  assert.deepEqual(await page.evaluate(() => window.__shown), [], 'what was due on load is in the bell, not a burst of notifications');
  await page.click('button.bell');
  await page.waitForSelector('#notification-centre .browser-permission');
  if (await page.locator('#notification-centre button:has-text("Turn on browser notifications")').count()) {
    await page.click('#notification-centre button:has-text("Turn on browser notifications")');
  }
  await page.waitForFunction(() => /^On:/.test(document.querySelector('#notification-centre .browser-permission').textContent));
  await page.keyboard.press('Escape');
  await setAsOf(page, '2027-01-20');
  await page.waitForFunction(() => window.__shown.length > 0);
  const shown = await page.evaluate(() => window.__shown);
  assert.ok(shown.every((n) => n.title && n.body), JSON.stringify(shown));
  assert.deepEqual(page.errors, []);
});

test('the calendar export parses as iCalendar with stable UIDs and alarms', async () => {
  const page = await openPage(browser, '/');
  await page.click('button.bell');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#notification-centre button.download-ics')]);
  assert.equal(download.suggestedFilename(), 'certdesk-renewals.ics');
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.ok(events.length > 5, `${events.length} events`);
  const uids = events.map((e) => e.uid);
  assert.equal(new Set(uids).size, uids.length, 'every UID once');
  const shop = events.filter((e) => e.uid.startsWith('cas-7f3a21-'));
  assert.ok(shop.length > 0, uids.join(' '));
  assert.ok(calendar.getAllSubcomponents('vevent').some((v) => v.getAllSubcomponents('valarm').length > 0), 'alarms from the policy lead time');
  // The same inventory exports the same UIDs (re-importing updates, not duplicates).
  const [again] = await Promise.all([page.waitForEvent('download'), page.click('#notification-centre button.download-ics')]);
  const uids2 = new ICAL.Component(ICAL.parse(readFileSync(await again.path(), 'utf8'))).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
  assert.deepEqual(uids2, uids);

  // One certificate's calendar, from its details: only its own dates.
  await page.keyboard.press('Escape');
  await page.click('tr[data-id="cas-7f3a21"] button.cert-name');
  const [one] = await Promise.all([page.waitForEvent('download'), page.click('#cert-details button.download-cert-ics')]);
  assert.equal(one.suggestedFilename(), 'shop.example.com.ics');
  const own = new ICAL.Component(ICAL.parse(readFileSync(await one.path(), 'utf8'))).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
  assert.ok(own.length > 0 && own.every((uid) => uid.startsWith('cas-7f3a21-')), own.join(' '));
  assert.deepEqual(page.errors, []);
});

test('the notification centre at 800 px and by keyboard alone', async () => {
  const page = await openPage(browser, '/', { width: 800, height: 900 });
  await page.focus('button.bell');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#notification-centre');
  await screenshot(page, 'notifications-centre-800');
  // Tab reaches the first alert's action; Enter opens it.
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.closest('.alert-item') && document.activeElement.classList.contains('btn-primary'))) break;
  }
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('btn-primary')));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('#notification-centre'));
  assert.deepEqual(page.errors, []);
});
