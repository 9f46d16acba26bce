// The app shell as a user meets it: release build, keyboard tabs, URL hash, reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, screenshot } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const selectedTab = (page) =>
  page.getAttribute('[role=tab][aria-selected=true]', 'id');

test('tabs switch with the keyboard, follow the hash and survive a reload', async () => {
  const page = await openPage(browser, '/');
  assert.equal(await page.textContent('h1'), 'SSL Certificate Management');
  assert.equal(await page.title(), 'SSL Certificate Management · Certdesk');
  assert.equal(await selectedTab(page), 'tab-official');
  assert.match(page.url(), /#\/official$/);

  // Keyboard only: Tab reaches the selected tab, ArrowRight moves to Uploaded.
  await page.focus('#tab-official');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('#tab-uploaded[aria-selected=true]');
  assert.match(page.url(), /#\/uploaded$/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-uploaded');
  assert.equal(await page.isVisible('#panel-uploaded'), true);
  assert.equal(await page.isVisible('#panel-official'), false);

  await page.reload();
  await page.waitForSelector('[role=tablist]');
  assert.equal(await selectedTab(page), 'tab-uploaded', 'the tab survives a reload');

  await page.focus('[role=tab][aria-selected=true]');
  await page.keyboard.press('Home');
  await page.waitForSelector('#tab-official[aria-selected=true]');
  await page.goBack();
  await page.waitForSelector('#tab-uploaded[aria-selected=true]');

  await screenshot(page, 'shell-uploaded');
  assert.deepEqual(page.errors, []);
});

test('a deep link opens its tab and the debug panic route does not exist in release', async () => {
  const page = await openPage(browser, '/#/uploaded');
  assert.equal(await selectedTab(page), 'tab-uploaded');
  await page.goto(page.url().replace(/#.*$/, '#/debug/panic'));
  await page.waitForSelector('#tab-official[aria-selected=true]');
  assert.equal(await page.$('.panic-screen'), null);
  assert.deepEqual(page.errors, []);
});
