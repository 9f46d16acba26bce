// `make bench`: performance figures of the release build in headless Chromium.
//
// Serves dist/ (or $CERTDESK_DIST) on a free loopback port and measures, inside
// the page (performance.now(), whose origin is the navigation start):
//   - time to first render: navigation start -> first `tr.cert-row` in the DOM,
//     over fresh page loads (a new browser context each: no stored inventory);
//   - with 10,000 generated certificates (`/?generate=10000`): a keystroke in the
//     search box and a sort change -> the table's DOM changed (MutationObserver on
//     the tbody and the result count), and -> the end of the next animation frame
//     (requestAnimationFrame, then a task after it: style, layout and paint done);
//   - the 10,000-certificate inventory saved in IndexedDB: its size, the save
//     (the app's `certdesk:save` performance measure: encode + committed write),
//     and the reload of a page whose IndexedDB holds it (plain `/`, same context:
//     navigation start -> first row);
//   - wasm linear memory (the exports from the `TrunkApplicationStarted` event);
//   - the first load: the wasm, JS and CSS files the demo page fetched before
//     its first row (raw and gzip -9), and the chunks fetched on first use.
// Prints a table and writes tests/e2e/artifacts/bench.json. Exits non-zero only
// when a measurement could not be made, never because something is slow.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.CERTDESK_DIST ?? join(here, '..', '..', 'dist'));
const LOADS_DEMO = Number(process.env.BENCH_LOADS ?? 9);
const LOADS_LARGE = Number(process.env.BENCH_LOADS_LARGE ?? 7);
// 60 of each: the painted figures wait for the next vsync (0-16.7 ms), so a
// median of 25 moves by a millisecond or two from run to run.
const REPS = Number(process.env.BENCH_REPS ?? 60);
const LARGE = 10_000;

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`bench: ${dist}/index.html is missing: run \`make build\` first (make bench does).`);
  process.exit(1);
}

// Runs in every page before its own scripts: records the first certificate row
// and keeps the wasm exports for the memory figure.
const INIT = () => {
  window.__bench = { firstRow: null, started: null, wasm: null };
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__bench.started = performance.now();
    window.__bench.wasm = e.detail?.wasm ?? null;
  });
  const seen = new MutationObserver(() => {
    if (document.querySelector('tr.cert-row')) {
      window.__bench.firstRow = performance.now();
      seen.disconnect();
    }
  });
  seen.observe(document, { childList: true, subtree: true });
};

// In the page: changes the search box or the sort like a user does, and resolves
// with the times from the dispatch to the table's DOM change and to the frame after.
const MEASURE = ({ kind, value }) => new Promise((done, fail) => {
  const panel = document.querySelector('#panel-official');
  const tbody = panel?.querySelector('.cert-table tbody');
  const count = panel?.querySelector('.result-count');
  const control = panel?.querySelector(kind === 'search' ? '#search-official' : '#sort-official');
  if (!tbody || !count || !control) return fail(new Error(`no table, result count or ${kind} control`));
  const firstId = () => panel.querySelector('tr.cert-row')?.dataset.id ?? null;
  const before = { first: firstId(), count: count.textContent };
  let t0 = 0;
  const timer = setTimeout(() => { observer.disconnect(); fail(new Error(`${kind} "${value}": the table did not change in 10 s`)); }, 10_000);
  const observer = new MutationObserver(() => {
    const dom = performance.now() - t0;
    observer.disconnect();
    clearTimeout(timer);
    const after = { first: firstId(), count: count.isConnected ? count.textContent : null };
    requestAnimationFrame(() => {
      const raf = performance.now() - t0;
      // A task queued from the frame callback runs after that frame's style, layout and paint.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done({ dom, raf, frame: performance.now() - t0, before, after });
      channel.port2.postMessage(null);
    });
  });
  observer.observe(tbody, { childList: true, subtree: true, characterData: true });
  observer.observe(count, { childList: true, subtree: true, characterData: true });
  t0 = performance.now();
  control.value = value;
  control.dispatchEvent(kind === 'search'
    ? new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) })
    : new Event('change', { bubbles: true }));
});

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  const mid = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { n: s.length, median: round(mid), min: round(s[0]), max: round(s.at(-1)), p90: round(q(0.9)) };
};
const round = (x) => Math.round(x * 10) / 10;
const mb = (bytes) => Math.round((bytes / 2 ** 20) * 100) / 100;

const server = await serve(dist, 0);
process.env.CERTDESK_URL = server.url;
const { launch, ARTIFACTS, storedInventory } = await import('./browser.mjs');
let browser;
const errors = [];
const results = { when: new Date().toISOString(), url: server.url, dist };

// A fresh context (no stored inventory) at 1280x800 with the init script.
async function load(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`${path}: ${err}`));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`${path}: ${msg.text()}`); });
  await page.goto(server.url + path, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.firstRow !== null && window.__bench?.wasm, null, { timeout: 30_000 });
  const t = await page.evaluate(() => ({
    firstRow: window.__bench.firstRow,
    started: window.__bench.started,
    wasmFetched: performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.responseEnd ?? NaN,
    memory: window.__bench.wasm.memory.buffer.byteLength,
    // What the page fetched before its first row: the first load.
    fetchedBeforeRow: performance.getEntriesByType('resource')
      .filter((r) => r.startTime <= window.__bench.firstRow)
      .map((r) => new URL(r.name).pathname.replace(/^\//, '')),
  }));
  return { context, page, ...t };
}

async function firstRender(path, loads) {
  const firstRow = [], started = [], fetched = [], memory = [];
  const beforeRow = new Set();
  let last;
  for (let i = 0; i < loads; i++) {
    const run = await load(path);
    firstRow.push(run.firstRow);
    run.fetchedBeforeRow.forEach((f) => beforeRow.add(f));
    started.push(run.started);
    fetched.push(run.wasmFetched);
    // Memory once the page has settled (the first saves and effects done).
    await run.page.waitForTimeout(300);
    memory.push(await run.page.evaluate(() => window.__bench.wasm.memory.buffer.byteLength));
    if (i === loads - 1) last = run; else await run.context.close();
  }
  return { firstRow: stats(firstRow), wasmFetched: stats(fetched), appStarted: stats(started), memoryMB: mb(Math.max(...memory)), beforeRow: [...beforeRow].sort(), last };
}

async function interactions(page) {
  const run = async (kind, values) => {
    const dom = [], raf = [], frame = [];
    for (const value of values) {
      const m = await page.evaluate(MEASURE, { kind, value });
      if (m.before.first === m.after.first && m.before.count === m.after.count) {
        throw new Error(`${kind} "${value}" did not change the table (first row ${m.after.first}, ${m.after.count})`);
      }
      dom.push(m.dom); raf.push(m.raf); frame.push(m.frame);
      await page.waitForTimeout(30);
    }
    return { dom: stats(dom), nextFrame: stats(frame), rafCallback: stats(raf) };
  };
  const search = await run('search', Array.from({ length: REPS }, (_, i) => `host-0${(i % 9) + 1}`));
  // Back to the whole list before sorting it.
  await page.evaluate(MEASURE, { kind: 'search', value: '' });
  const count = await page.textContent('#panel-official .result-count');
  const orders = ['expiry-desc', 'name', 'expiry-asc'];
  const sort = await run('sort', Array.from({ length: REPS }, (_, i) => orders[i % 3]));
  return { search, sort, sortedRows: count.trim() };
}

// The generated inventory as saved in `page`'s IndexedDB, then reloaded from it.
async function savedLarge(page) {
  let text = null;
  for (let i = 0; i < 400; i++) {
    text = await storedInventory(page);
    if (text && JSON.parse(text).data.certificates.length === LARGE) break;
    text = null;
    await page.waitForTimeout(50);
  }
  if (!text) throw new Error(`the ${LARGE} generated certificates were not saved`);
  const saveMs = await page.evaluate(() => performance.getEntriesByName('certdesk:save').at(-1)?.duration ?? null);
  const reload = [];
  for (let i = 0; i < LOADS_LARGE; i++) {
    await page.goto(server.url + '/', { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.firstRow !== null, null, { timeout: 30_000 });
    reload.push(await page.evaluate(() => window.__bench.firstRow));
    const count = await page.textContent('#panel-official .result-count');
    if (!/ of [1-9]\d{3,} certificates/.test(count)) throw new Error(`the reload did not show the saved inventory: ${count}`);
  }
  return { savedMB: mb(Buffer.byteLength(text)), saveMs: saveMs === null ? null : round(saveMs), reload: stats(reload) };
}

let failed = false;
try {
  browser = await launch();
  results.browser = browser.version();

  const demo = await firstRender('/', LOADS_DEMO);
  await demo.last.context.close();
  results.demo = {
    firstRenderMs: demo.firstRow,
    wasmFetchedMs: demo.wasmFetched,
    trunkApplicationStartedMs: demo.appStarted,
    wasmMemoryMB: demo.memoryMB,
    fetchedBeforeFirstRow: demo.beforeRow,
  };

  const large = await firstRender(`/?generate=${LARGE}`, LOADS_LARGE);
  const { page } = large.last;
  await page.waitForSelector('#panel-official .table-scroll.windowed');
  const inter = await interactions(page);
  const memoryAfter = mb(await page.evaluate(() => window.__bench.wasm.memory.buffer.byteLength));
  const kept = await savedLarge(page);
  await large.last.context.close();
  results.large = {
    certificates: LARGE,
    firstRenderMs: large.firstRow,
    wasmFetchedMs: large.wasmFetched,
    trunkApplicationStartedMs: large.appStarted,
    wasmMemoryMB: large.memoryMB,
    wasmMemoryAfterInteractionsMB: memoryAfter,
    searchKeystrokeMs: inter.search,
    sortChangeMs: inter.sort,
    sortedList: inter.sortedRows,
    savedMB: kept.savedMB,
    saveMs: kept.saveMs,
    reloadFirstRenderMs: kept.reload,
  };
} catch (err) {
  failed = true;
  console.error(`bench: measurement failed: ${err.stack ?? err}`);
} finally {
  await browser?.close();
  await server.close();
}

// The bundle as served.
results.bundle = readdirSync(dist, { recursive: true })
  .filter((f) => /\.(wasm|js|css)$/.test(f))
  .sort((a, b) => ['wasm', 'js', 'css'].indexOf(a.split('.').pop()) - ['wasm', 'js', 'css'].indexOf(b.split('.').pop()))
  .map((path) => {
    const body = readFileSync(join(dist, path));
    return { path, file: path, rawKB: round(body.length / 1024), gzipKB: round(gzipSync(body, { level: 9 }).length / 1024) };
  });
if (!results.bundle.some((b) => b.file.endsWith('.wasm'))) {
  failed = true;
  console.error('bench: no .wasm in dist/');
}
results.pageErrors = errors;

// The table.
const line = (label, value) => console.log(`  ${label.padEnd(58)} ${value}`);
const ms = (s) => s ? `${String(s.median).padStart(7)} ms median   (min ${s.min}, max ${s.max}, n=${s.n})` : 'n/a';
console.log(`\nCertdesk bench: release build in headless ${results.browser ? `Chromium ${results.browser}` : 'Chromium'}, 1280x800`);
if (results.demo) {
  console.log('\nDemo inventory (fresh context per load)');
  line('first render (navigation start -> first row)', ms(results.demo.firstRenderMs));
  line('  of which: .wasm downloaded (navigation -> responseEnd)', ms(results.demo.wasmFetchedMs));
  line('wasm memory after load', `${results.demo.wasmMemoryMB} MB`);
}
if (results.large) {
  const l = results.large;
  console.log(`\n${LARGE.toLocaleString('en')} generated certificates (/?generate=${LARGE}; official list: ${l.sortedList})`);
  line('first render (navigation start -> first row)', ms(l.firstRenderMs));
  line('  of which: .wasm downloaded (navigation -> responseEnd)', ms(l.wasmFetchedMs));
  line('search keystroke -> table DOM updated', ms(l.searchKeystrokeMs.dom));
  line('search keystroke -> next frame painted', ms(l.searchKeystrokeMs.nextFrame));
  line('sort change -> table DOM updated', ms(l.sortChangeMs.dom));
  line('sort change -> next frame painted', ms(l.sortChangeMs.nextFrame));
  line('  (target for both painted figures: one 60 Hz frame, 16 ms median)', '');
  line('saved in IndexedDB (JSON)', `${l.savedMB} MB`);
  line('save (encode + committed IndexedDB write)', l.saveMs === null ? 'n/a' : `${String(l.saveMs).padStart(7)} ms`);
  line('reload from IndexedDB (navigation start -> first row)', ms(l.reloadFirstRenderMs));
  line('wasm memory after load', `${l.wasmMemoryMB} MB`);
  line(`wasm memory after ${REPS} searches and ${REPS} sorts`, `${l.wasmMemoryAfterInteractionsMB} MB`);
}
// The first load: every wasm, js and css file the demo page fetched before its
// first row (make build cuts the rest into chunks fetched on first use).
const first = new Set(results.demo?.fetchedBeforeFirstRow ?? []);
const isFirst = (b) => first.has(b.file) || first.has(b.path);
const sum = (list, k) => round(list.reduce((s, b) => s + b[k], 0));
const size = (list) => `${String(sum(list, 'rawKB')).padStart(8)} KB raw  ${String(sum(list, 'gzipKB')).padStart(8)} KB gzip -9`;
const firstLoad = results.bundle.filter(isFirst);
const onUse = results.bundle.filter((b) => !isFirst(b));
results.firstLoad = { files: firstLoad.map((b) => b.path), rawKB: sum(firstLoad, 'rawKB'), gzipKB: sum(firstLoad, 'gzipKB') };
results.onUse = { files: onUse.length, rawKB: sum(onUse, 'rawKB'), gzipKB: sum(onUse, 'gzipKB') };
console.log('\nRelease bundle (dist/): the first load (wasm, js, css fetched before the first row)');
for (const b of firstLoad) line(b.path, size([b]));
line('first load', size(firstLoad));
line('  (target: 300 KB gzip)', '');
const largest = [...onUse].sort((a, b) => b.gzipKB - a.gzipKB).slice(0, 3).map((b) => `${b.path} ${b.gzipKB}`);
console.log(`\nLoaded on first use: ${onUse.length} files (largest, KB gzip: ${largest.join(', ')})`);
line('chunks in all', size(onUse));
line('everything', size(results.bundle));
if (errors.length) console.log(`\nPage errors during the bench (${errors.length}):\n  ${errors.join('\n  ')}`);

const out = join(ARTIFACTS, 'bench.json');
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`\nbench: figures written to ${out}`);
process.exit(failed ? 1 : 0);
