// The reference server (server/, certdesk-server) for end-to-end tests: a
// fresh SQLite file in a temp dir (or the PostgreSQL database `db` names,
// e.g. a `throwawayPostgres()` cluster's), accounts with fixed tokens, a
// settable clock starting on TODAY, on a free loopback port; `stop()` kills
// it, and `start()` again brings it back on the same port and database.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TODAY } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_BIN = process.env.CERTDESK_SERVER_BIN ?? join(root, 'target', 'debug', 'certdesk-server');
const DIST = process.env.CERTDESK_DIST ?? join(root, 'dist');
const PG_THROWAWAY = join(root, 'server', 'scripts', 'pg-throwaway');

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/**
 * A throwaway PostgreSQL cluster on a free loopback port (server/scripts/
 * pg-throwaway: initdb in a temp dir, as the postgres user when root):
 * `{ url, stop() }`; `stop()` removes it, and so does the end of this process.
 */
export async function throwawayPostgres() {
  const dir = join(tmpdir(), `certdesk-pg-e2e-${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  const port = await freePort();
  const url = execFileSync(PG_THROWAWAY, ['start', dir, String(port)], {
    env: { ...process.env, PG_OPTIONS: '-c fsync=off' }, stdio: ['ignore', 'pipe', 'inherit'],
  }).toString().trim();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    execFileSync(PG_THROWAWAY, ['stop', dir], { stdio: 'ignore' });
  };
  process.on('exit', stop);
  return { url, stop };
}

/**
 * A server with the given tokens: `[{ account, token, role = 'admin', demo = false }]`
 * (an account is made on its first token). The demo inventory and the clock
 * are dated TODAY (09:00 UTC). `db`: a `postgres://` URL instead of a new
 * SQLite file.
 */
export async function apiServer(tokens, { cors = [], db: dbUrl } = {}) {
  if (!existsSync(SERVER_BIN)) {
    throw new Error(`${SERVER_BIN} is missing: run \`cargo build -p certdesk-server\` (make test-e2e does).`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'certdesk-server-e2e-'));
  const db = dbUrl ?? join(dir, 'certdesk.db');
  for (const { account, token, role = 'admin', demo = false } of tokens) {
    execFileSync(SERVER_BIN, ['account', 'add', account, '--db', db, '--role', role, '--token', token,
      '--as-of', TODAY, ...(demo ? ['--demo-inventory'] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child = null;
  let log = '';
  const server = {
    url,
    db,
    get log() { return log; },
    async start() {
      child = spawn(SERVER_BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--dist', DIST,
        '--test-clock', `${TODAY}T09:00:00Z`, '--tick-seconds', '1',
        ...cors.flatMap((origin) => ['--cors-origin', origin])], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (d) => { log += d; });
      child.stderr.on('data', (d) => { log += d; });
      const running = child;
      running.gone = new Promise((done) => running.once('exit', () => done()));
      const deadline = Date.now() + 30000;
      for (;;) {
        if (running.exitCode !== null || running.signalCode !== null) throw new Error(`certdesk-server exited: ${log}`);
        try {
          if ((await fetch(`${url}/healthz`)).ok) return;
        } catch { /* not listening yet */ }
        if (Date.now() > deadline) throw new Error(`certdesk-server did not answer on ${url}: ${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** Kills the process (as a crash would) and waits until it is gone. */
    async stop() {
      // A process killed by a signal has signalCode set and exitCode null: `gone` covers both.
      if (!child) return;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await child.gone;
    },
    async close() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    /** A call of the contract as `token`: resolves to { status, headers, body }. */
    async api(token, method, path, body, headers = {}) {
      const res = await fetch(`${url}/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(method === 'POST' && !headers['idempotency-key'] ? { 'idempotency-key': `e2e-${Math.random()}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let json = null;
      try { json = JSON.parse(text); } catch { /* a PEM file or empty */ }
      return { status: res.status, headers: res.headers, body: json ?? text };
    },
    /** Sets the server's clock (the test route) and lets every account move on. */
    async setClock(token, now) {
      const r = await server.api(token, 'PUT', '/test/clock', { now });
      if (r.status !== 200) throw new Error(`PUT /v1/test/clock: ${r.status} ${JSON.stringify(r.body)}`);
    },
  };
  await server.start();
  return server;
}
