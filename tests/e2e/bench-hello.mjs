// `make bench`: Certdesk's first render beside a Yew hello-world built with the
// same release settings in the same run (bench/hello, `trunk build --release`).
// Both are served on loopback and loaded in fresh contexts, alternating, and
// timed the same way: navigation start -> the first element the app renders
// (`tr.cert-row` for Certdesk's demo, `#hello` for the hello-world). Prints
// the medians and their ratio, and the size of each bundle (gzip -9). Exits
// non-zero only when a measurement could not be made.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const dist = resolve(process.env.CERTDESK_DIST ?? join(root, 'dist'));
const hello = resolve(process.env.HELLO_DIST ?? join(root, 'target', 'bench-hello-dist'));
const LOADS = Number(process.env.BENCH_LOADS ?? 9);
for (const d of [dist, hello]) {
  if (!existsSync(join(d, 'index.html'))) {
    console.error(`bench-hello: ${d}/index.html is missing: run \`make bench\` (it builds both).`);
    process.exit(1);
  }
}

const INIT = (selector) => {
  window.__first = null;
  const seen = new MutationObserver(() => {
    if (document.querySelector(selector)) {
      window.__first = performance.now();
      seen.disconnect();
    }
  });
  seen.observe(document, { childList: true, subtree: true });
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) * 10) / 10;
};
// The first load: the wasm, js and css files a page fetched before its first
// render (Certdesk fetches its other chunks on first use).
const gzipKB = (d, files) => [...files].filter((f) => /\.(wasm|js|css)$/.test(f) && existsSync(join(d, f)))
  .reduce((sum, f) => sum + gzipSync(readFileSync(join(d, f)), { level: 9 }).length, 0) / 1024;

const apps = [
  { name: 'Certdesk (demo)', server: await serve(dist, 0), selector: 'tr.cert-row', path: '/', times: [], files: new Set() },
  { name: 'Yew hello-world', server: await serve(hello, 0), selector: '#hello', path: '/', times: [], files: new Set() },
];
process.env.CERTDESK_URL = apps[0].server.url;
const { launch, ARTIFACTS } = await import('./browser.mjs');
const browser = await launch();
let failed = false;
try {
  for (let i = 0; i < LOADS; i++) {
    for (const app of apps) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(INIT, app.selector);
      const page = await context.newPage();
      await page.goto(app.server.url + app.path, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__first !== null, null, { timeout: 30_000 });
      app.times.push(await page.evaluate(() => window.__first));
      const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((r) => r.startTime <= window.__first).map((r) => new URL(r.name).pathname.replace(/^\//, '')));
      fetched.forEach((f) => app.files.add(f));
      await context.close();
    }
  }
} catch (err) {
  failed = true;
  console.error(`bench-hello: measurement failed: ${err.stack ?? err}`);
} finally {
  await browser.close();
  for (const app of apps) await app.server.close();
}
if (!failed) {
  const [cd, hw] = apps.map((a) => ({ name: a.name, firstRenderMs: median(a.times), gzipKB: Math.round(gzipKB(a === apps[0] ? dist : hello, a.files) * 10) / 10 }));
  const ratio = Math.round((cd.firstRenderMs / hw.firstRenderMs) * 100) / 100;
  console.log(`\nFirst render beside a Yew hello-world (median of ${LOADS} fresh loads each, loopback, release builds):`);
  for (const a of [cd, hw]) console.log(`  ${a.name.padEnd(18)} ${String(a.firstRenderMs).padStart(7)} ms   first load ${a.gzipKB} KB gzip`);
  console.log(`  ratio              ${ratio}x the hello-world's first render`);
  writeFileSync(join(ARTIFACTS, 'bench-hello.json'), JSON.stringify({ certdesk: cd, hello: hw, ratio }, null, 2));
}
process.exit(failed ? 1 : 0);
