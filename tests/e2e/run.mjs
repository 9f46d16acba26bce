// Runs the end-to-end suite: serves dist/ on a free loopback port, runs every
// *.test.mjs with node's test runner against it, then stops the server.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// CERTDESK_DIST: another build's folder (a session that must not touch dist/).
const dist = process.env.CERTDESK_DIST ?? join(here, '..', '..', 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('e2e: dist/index.html is missing: run `make build` first (make test-e2e does).');
  process.exit(1);
}
const files = readdirSync(here)
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => !process.argv[2] || f.includes(process.argv[2]))
  .map((f) => join(here, f));

// host.html: a host console page embedding two instances (embed.test.mjs);
// host-api.html: one embedded against certdesk-server on another origin (server.test.mjs).
const server = await serve(dist, 0, {
  '/host.html': readFileSync(join(here, 'host.html'), 'utf8'),
  '/host-api.html': readFileSync(join(here, 'host-api.html'), 'utf8'),
});
console.log(`e2e: serving ${dist} on ${server.url}`);
// The tests' temporary files (openssl's, Chromium's profiles, the server's
// databases) go into one directory, removed at the end even when a test forgot.
const scratch = mkdtempSync(join(tmpdir(), 'certdesk-e2e-run-'));
chmodSync(scratch, 0o755); // the throwaway PostgreSQL cluster inside runs as the postgres user
const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
  env: { ...process.env, CERTDESK_URL: server.url, TMPDIR: scratch },
});
// A suite that hangs (a hook that never returns) is stopped, not left to run out CI's time.
const LIMIT_MIN = Number(process.env.E2E_LIMIT_MINUTES ?? 40);
const watchdog = setTimeout(() => {
  console.error(`e2e: the suite ran longer than ${LIMIT_MIN} minutes: stopped (a test or hook hangs).`);
  child.kill('SIGKILL');
}, LIMIT_MIN * 60_000);
const code = await new Promise((done) => child.on('exit', (c, signal) => done(c ?? (signal ? 1 : 0))));
clearTimeout(watchdog);
await server.close();
rmSync(scratch, { recursive: true, force: true });
console.log(`e2e: server stopped; screenshots in tests/e2e/artifacts/`);
process.exit(code);
