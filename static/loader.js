// Starts Certdesk from a file rather than an inline script, so dist/ runs under
// `script-src 'self' 'wasm-unsafe-eval'` with no hash or nonce (README, "Build
// and host"). Trunk writes the tag that loads this file in place of its own
// inline loader (Trunk.toml `pattern_script`), with the generated file names in
// data-js and data-wasm.
//
// When the app cannot start, the loading screen says why and what to do instead
// of "Loading…" forever. If this file itself never runs (scripts blocked, or a
// browser without module scripts), the stylesheet reveals a fallback message in
// index.html after a few seconds (`.boot-stalled`).

const tag = document.querySelector('script[data-certdesk-loader]');
const jsUrl = new URL(tag?.dataset.js || './certdesk.js', document.baseURI).href;
const wasmUrl = new URL(tag?.dataset.wasm || './certdesk_bg.wasm', document.baseURI).href;
const SLOW_MS = 20_000;

let started = false;
const blocked = [];
const onViolation = (e) => blocked.push(`${e.effectiveDirective || e.violatedDirective} (${e.blockedURI || 'inline'})`);
document.addEventListener('securitypolicyviolation', onViolation);

const boot = document.querySelector('.boot');
boot?.classList.add('boot-running');

/** Replaces the loading message with `title` and `advice` (text only). */
function show(title, advice, { alert = true } = {}) {
  if (!boot || started) return;
  const heading = document.createElement('strong');
  heading.className = 'boot-title';
  heading.textContent = title;
  const body = document.createElement('p');
  body.className = 'boot-advice';
  body.textContent = advice;
  boot.replaceChildren(heading, body);
  boot.classList.toggle('boot-failed', alert);
  if (alert) boot.setAttribute('role', 'alert');
}

function explain(error) {
  const message = String(error?.message ?? error).replace(/\.+$/, '');
  const csp = blocked.length > 0 || /Content Security Policy|unsafe-eval/i.test(message);
  if (csp) {
    const what = blocked.length > 0
      ? `It blocked ${blocked.join(', ')}`
      : /WebAssembly/.test(message) ? 'It refused to compile the WebAssembly module' : message;
    show(
      'Certdesk cannot start: the page’s Content-Security-Policy blocked it.',
      `${what}. Whoever hosts this page must allow ` +
        `script-src 'self' 'wasm-unsafe-eval' (see README, "Build and host"); then reload.`,
    );
  } else if (error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError) {
    show(
      'Certdesk cannot start: this browser cannot run its WebAssembly.',
      `${message}. Use a current version of Chrome, Edge, Firefox or Safari, then reload.`,
    );
  } else {
    show(
      'Certdesk cannot start: its files did not load.',
      `${message}. Check the connection and reload; if it keeps failing, the server may be missing ` +
        `files of dist/ or serving .wasm with a type other than application/wasm.`,
    );
  }
}

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  show(
    'Certdesk cannot start: this browser has no WebAssembly.',
    'Use a current version of Chrome, Edge, Firefox or Safari (WebAssembly may also be turned off by a policy), then reload.',
  );
} else {
  const slow = setTimeout(() => {
    show(
      'Still loading Certdesk…',
      'This is taking longer than it should: the connection may be slow. If nothing changes, reload the page.',
      { alert: false },
    );
  }, SLOW_MS);
  try {
    const bindings = await import(jsUrl);
    const wasm = await bindings.default({ module_or_path: wasmUrl });
    started = true;
    // What Trunk's own loader provides: src/bench_api.rs and tests/e2e/bench*.mjs use both.
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  } catch (error) {
    explain(error);
  } finally {
    clearTimeout(slow);
    document.removeEventListener('securitypolicyviolation', onViolation);
  }
}
