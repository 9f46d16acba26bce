// Debian's Chromium through playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const BASE_URL = process.env.CERTDESK_URL;
if (!BASE_URL) throw new Error('CERTDESK_URL is not set: run the suite with `node tests/e2e/run.mjs`.');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * The day the suite calls today. Pages open on it through the app's As of date
 * (`?as_of=`), never the machine's clock, so every run sees the same statuses,
 * caps and demo dates whatever day it is. Files made by openssl are dated
 * around it (openssl-ca.mjs).
 */
export const TODAY = '2026-11-23';

/** `path` with `as_of=TODAY` in its query, unless it names an `as_of` itself. */
export function withAsOf(path, day = TODAY) {
  const url = new URL(path, 'http://certdesk.invalid');
  if (!url.searchParams.has('as_of')) url.searchParams.set('as_of', day);
  return url.pathname + url.search + url.hash;
}

/** A page of `context` on the app (as of TODAY) that records page errors (every test asserts none). */
export async function openIn(context, path = '/') {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(msg.text());
  });
  await page.goto(BASE_URL + withAsOf(path));
  await loaded(page);
  return page;
}

/** Waits until the console is up and has read its saved inventory (IndexedDB is asynchronous). */
export async function loaded(page) {
  await page.waitForSelector('[role=tablist]');
  await page.waitForSelector('main.page:not([aria-busy="true"])');
}

// The app's IndexedDB (src/platform/storage/idb.rs): database "certdesk",
// object store "inventories", keyed by storage key, values the JSON text.
// Run in the page. Opening creates the store as the app would, so a test that
// looks first does not leave a database the app cannot use.
async function inIdb({ op, key, value }) {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('certdesk', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('inventories');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction('inventories', op === 'get' || op === 'keys' || op === 'all' ? 'readonly' : 'readwrite');
      const store = tx.objectStore('inventories');
      const request = op === 'get' ? store.get(key)
        : op === 'keys' ? store.getAllKeys()
          : op === 'all' ? store.getAll()
            : op === 'put' ? store.put(value, key)
              : store.delete(key);
      let result;
      request.onsuccess = () => { result = request.result; };
      tx.oncomplete = () => resolve(result ?? null);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The text the app stored under `key` in IndexedDB (null when none). */
export const storedInventory = (page, key = 'certdesk.inventory') => page.evaluate(inIdb, { op: 'get', key });
/** `storedInventory` parsed. */
export const storedJson = async (page, key = 'certdesk.inventory') => JSON.parse(await storedInventory(page, key));
/** Every key in the app's IndexedDB. */
export const storedKeys = (page) => page.evaluate(inIdb, { op: 'keys' });
/** Every value in the app's IndexedDB and in localStorage, joined (to look for what must never be stored). */
export const storedEverything = async (page) => (await page.evaluate(inIdb, { op: 'all' })).join('\n')
  + await page.evaluate(() => Object.values(localStorage).join('\n'));
/** Writes `value` under `key` in IndexedDB (what a reload then finds). */
export const putStored = (page, key, value) => page.evaluate(inIdb, { op: 'put', key, value });
export const deleteStored = (page, key) => page.evaluate(inIdb, { op: 'delete', key });

/** Polls the stored inventory under `key` until `predicate(parsed)` holds (about 10 s); returns it. */
export async function waitStored(page, predicate, key = 'certdesk.inventory') {
  let last = null;
  for (let i = 0; i < 200; i += 1) {
    const text = await storedInventory(page, key);
    last = text === null ? null : JSON.parse(text);
    if (last !== null && predicate(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`the stored inventory under ${key} never matched: ${JSON.stringify(last)?.slice(0, 200)}`);
}

/** A fresh page (own storage) at 1280x800, as of TODAY, that records page errors. */
export async function openPage(browser, path = '/', { width = 1280, height = 800 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  return openIn(context, path);
}

export async function screenshot(page, name) {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The status badge text of row `id`. */
export const statusOf = (page, id) => page.textContent(`tr[data-id="${id}"] .col-status .status`).then((s) => s.trim());

/** Waits until row `id` shows `status`. */
export const waitStatus = (page, id, status) => page.waitForFunction(
  ([id, status]) => document.querySelector(`tr[data-id="${id}"] .col-status .status`)?.textContent.trim() === status,
  [id, status],
);

/** Sets the As of date like a user and waits until the URL carries it. */
export async function setAsOf(page, date) {
  await page.fill('#as-of-date', date);
  await page.waitForFunction((d) => document.querySelector('#as-of-date').value === d && location.search.includes(d), date);
}
