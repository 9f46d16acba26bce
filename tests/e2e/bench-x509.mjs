// `make bench` (after bench.mjs): the time to parse and check a 3-certificate
// chain (leaf, intermediate, root) in the release build in headless Chromium,
// beside the same work done by @peculiar/x509 and node-forge in the same page
// and the same run.
//
// The work, for each library: parse the three PEM certificates; put them in
// order and analyse the chain (Certdesk: x509::analyze_chain; @peculiar/x509:
// X509ChainBuilder; node-forge: verifyCertificateChain against a store holding
// the root); check the three signatures (leaf by intermediate, intermediate by
// root, root by itself) with WebCrypto (Certdesk, @peculiar/x509) or forge's
// own RSA code. Certdesk's side is the exported `benchParseAndCheckChain`
// (src/bench_api.rs), reached through Trunk's `window.wasmBindings`: the work,
// not the UI. node-forge has no ECDSA, so its ECDSA column is n/a.
//
// The chains are made with the openssl CLI at run time (RSA 2048 with
// SHA-256; ECDSA P-256 with SHA-256). Samples interleave the libraries; each
// sample times BENCH_X509_BATCH runs (default 10) back to back; the figure is
// the median over BENCH_X509_RUNS samples (default 200), after a warm-up.
// Serves $CERTDESK_DIST (default dist/). Writes artifacts/bench-x509.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const dist = resolve(process.env.CERTDESK_DIST ?? join(here, '..', '..', 'dist'));
const RUNS = Number(process.env.BENCH_X509_RUNS ?? 200);
const BATCH = Number(process.env.BENCH_X509_BATCH ?? 10);
const WARMUP = 20;

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`bench-x509: ${dist}/index.html is missing: run \`make build\` first (make bench does).`);
  process.exit(1);
}

/** A root -> intermediate -> leaf chain made by openssl, leaf first, PEM. */
function makeChain(dir, kind) {
  const run = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const keyOpts = kind === 'rsa'
    ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']
    : ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  const ext = (name, body) => { writeFileSync(join(dir, name), `[ext]\n${body}\n`); return name; };
  const caExt = ext(`${kind}-ca.ext`, 'basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always');
  const leafExt = ext(`${kind}-leaf.ext`, 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\nsubjectAltName=DNS:bench.example.com,DNS:www.bench.example.com');
  for (const n of ['root', 'inter', 'leaf']) run('genpkey', ...keyOpts, '-out', `${kind}-${n}.key`);
  run('req', '-x509', '-new', '-key', `${kind}-root.key`, '-subj', `/O=Bench/CN=Bench Root ${kind}`, '-days', '3650', '-sha256',
    '-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', `${kind}-root.pem`);
  const issue = (name, subject, issuer, extFile) => {
    run('req', '-new', '-key', `${kind}-${name}.key`, '-subj', subject, '-out', `${kind}-${name}.csr`);
    run('x509', '-req', '-in', `${kind}-${name}.csr`, '-CA', `${kind}-${issuer}.pem`, '-CAkey', `${kind}-${issuer}.key`,
      '-CAcreateserial', '-days', '365', '-sha256', '-extfile', extFile, '-extensions', 'ext', '-out', `${kind}-${name}.pem`);
  };
  issue('inter', `/O=Bench/CN=Bench CA ${kind}`, 'root', caExt);
  issue('leaf', '/CN=bench.example.com', 'inter', leafExt);
  return ['leaf', 'inter', 'root'].map((n) => readFileSync(join(dir, `${kind}-${n}.pem`), 'utf8'));
}

// In the page: one function per library, each doing the whole work once and
// returning the number of valid signatures (3 when all is well).
const SETUP = () => {
  window.__x509bench = {
    async certdesk(pems) {
      return window.wasmBindings.benchParseAndCheckChain(pems.join(''));
    },
    async peculiar(pems) {
      const [leaf, ...rest] = pems.map((p) => new x509.X509Certificate(p));
      const chain = await new x509.X509ChainBuilder({ certificates: rest }).build(leaf);
      let valid = 0;
      for (let i = 0; i < chain.length; i++) {
        const signer = chain[i + 1] ?? chain[i];
        if (await chain[i].verify({ publicKey: signer.publicKey, signatureOnly: true })) valid++;
      }
      return valid;
    },
    async forge(pems) {
      const [leaf, inter, root] = pems.map((p) => window.forge.pki.certificateFromPem(p));
      const store = window.forge.pki.createCaStore([root]);
      const chainOk = window.forge.pki.verifyCertificateChain(store, [leaf, inter]);
      return (chainOk ? 2 : 0) + (root.verify(root) ? 1 : 0);
    },
  };
};

// One sample: `batch` runs back to back, timed together (the page's clock is
// coarse, about 0.1 ms without cross-origin isolation), as ms per run.
const TIME = async ({ lib, pems, batch }) => {
  let valid = 3;
  const t0 = performance.now();
  for (let i = 0; i < batch; i++) valid = Math.min(valid, await window.__x509bench[lib](pems));
  return { ms: (performance.now() - t0) / batch, valid };
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const versions = {
  peculiar: JSON.parse(readFileSync(require.resolve('@peculiar/x509/package.json'), 'utf8')).version,
  forge: JSON.parse(readFileSync(require.resolve('node-forge/package.json'), 'utf8')).version,
};

const work = mkdtempSync(join(tmpdir(), 'certdesk-bench-x509-'));
const server = await serve(dist, 0);
let browser;
let failed = false;
try {
  const chains = { 'RSA 2048': makeChain(work, 'rsa'), 'ECDSA P-256': makeChain(work, 'ec') };
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/?bench`);
  await page.waitForFunction(() => typeof window.wasmBindings?.benchParseAndCheckChain === 'function', null, { timeout: 30_000 });
  await page.addScriptTag({ path: require.resolve('node-forge/dist/forge.min.js') });
  // @peculiar/x509's browser build needs the Reflect metadata API (its README: import "reflect-metadata").
  await page.addScriptTag({ path: require.resolve('reflect-metadata/Reflect.js') });
  await page.addScriptTag({ path: join(dirname(require.resolve('@peculiar/x509/package.json')), 'build', 'x509.js') });
  await page.evaluate(SETUP);

  const libs = ['certdesk', 'peculiar', 'forge'];
  const results = {};
  for (const [name, pems] of Object.entries(chains)) {
    const times = Object.fromEntries(libs.map((l) => [l, []]));
    const notes = {};
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const lib of libs) {
        if (notes[lib]) continue;
        try {
          const { ms, valid } = await page.evaluate(TIME, { lib, pems, batch: BATCH });
          if (valid !== 3) throw new Error(`${valid} of 3 signatures valid`);
          if (i >= WARMUP) times[lib].push(ms);
        } catch (e) {
          notes[lib] = String(e.message ?? e).split('\n')[0];
        }
      }
    }
    results[name] = Object.fromEntries(libs.map((l) => [l, notes[l] ? { error: notes[l] } : { median_ms: median(times[l]), runs: times[l].length }]));
  }
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

  const fmt = (r, base) => {
    if (r.error) return 'n/a';
    const ms = `${r.median_ms.toFixed(3)} ms`;
    return base && !base.error ? `${ms} (${(r.median_ms / base.median_ms).toFixed(2)}x)` : ms;
  };
  const head = ['chain', 'Certdesk (Rust/wasm)', `@peculiar/x509 ${versions.peculiar}`, `node-forge ${versions.forge}`];
  const rows = Object.entries(results).map(([name, r]) => [name, fmt(r.certdesk), fmt(r.peculiar, r.certdesk), fmt(r.forge, r.certdesk)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('   ');
  console.log(`\nX.509: parse + chain analysis + 3 signature checks of a 3-certificate chain`);
  console.log(`release build (${dist}), headless Chromium; per library the median of ${RUNS} samples of ${BATCH} runs, interleaved`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log('(Nx) = that library\'s time divided by Certdesk\'s: above 1, Certdesk is faster.');
  for (const [name, r] of Object.entries(results)) {
    for (const [lib, v] of Object.entries(r)) if (v.error) console.log(`n/a: ${lib} on ${name}: ${v.error}`);
  }
  mkdirSync(join(here, 'artifacts'), { recursive: true });
  writeFileSync(join(here, 'artifacts', 'bench-x509.json'), JSON.stringify({ samples: RUNS, batch: BATCH, versions, results }, null, 2));
  if (results['RSA 2048'].certdesk.error || results['ECDSA P-256'].certdesk.error) failed = true;
} catch (e) {
  console.error(`bench-x509: ${e.stack ?? e}`);
  failed = true;
} finally {
  await browser?.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
