// The build as a host gets it: every asset has a .gz and a .br beside it
// (scripts/compress-dist) that decompress to exactly the asset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.env.CERTDESK_DIST ?? join(here, '..', '..', 'dist');

const assets = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  if (statSync(path).isDirectory()) return assets(path);
  return ['.wasm', '.js', '.css', '.html', '.svg'].includes(extname(name)) ? [path] : [];
});

test('every asset of dist/ is shipped precompressed (.gz and .br) and decompresses to itself', () => {
  const files = assets(dist);
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('index.html')), files.join(' '));
  for (const path of files) {
    const bytes = readFileSync(path);
    assert.ok(existsSync(`${path}.gz`) && existsSync(`${path}.br`), `${path}: .gz and .br beside it`);
    assert.ok(gunzipSync(readFileSync(`${path}.gz`)).equals(bytes), `${path}.gz`);
    assert.ok(brotliDecompressSync(readFileSync(`${path}.br`)).equals(bytes), `${path}.br`);
  }
});
