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
  await page.waitForSelector('[role=tablist]');
  return page;
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
