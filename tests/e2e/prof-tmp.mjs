import { serve } from './serve.mjs';
import { chromium } from 'playwright-core';
const server = await serve('/tmp/namesdist', 0);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
page.on('pageerror', e=>console.log('ERR',e));
await page.goto(server.url + '/?generate=10000&as_of=2026-11-23');
await page.waitForSelector('tr.cert-row', {timeout: 60000});
await page.waitForTimeout(1500);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const kind = process.argv[2] ?? 'search';
const orders = ['expiry-desc', 'name', 'expiry-asc'];
for (let i = 0; i < 60; i++) {
  await page.evaluate(({kind, i, orders}) => {
    const c = document.querySelector(kind==='search' ? '#search-official' : '#sort-official');
    if (kind==='search') { const v=`host-0${(i%9)+1}`; c.value = v; c.dispatchEvent(new InputEvent('input',{bubbles:true,inputType:'insertText',data:v.slice(-1)})); }
    else { c.value = orders[i%3]; c.dispatchEvent(new Event('change',{bubbles:true})); }
  }, {kind, i, orders});
  await page.waitForTimeout(30);
}
const { profile } = await cdp.send('Profiler.stop');
// self time and total time per function name
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(); const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
const total = new Map();
const dt = 0.05;
for (const [id, c] of counts) {
  const n = byId.get(id); const name = n.callFrame.functionName || n.callFrame.url.split('/').pop() || '(anon)';
  self.set(name, (self.get(name) ?? 0) + c * dt);
  const seen = new Set(); let cur = id;
  while (cur !== undefined) { const nm = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(nm)) { seen.add(nm); total.set(nm, (total.get(nm) ?? 0) + c*dt); } cur = parent.get(cur); }
}
console.log('SELF (ms over 60 interactions)');
for (const [k,v] of [...self].sort((a,b)=>b[1]-a[1]).slice(0,30)) console.log(v.toFixed(1).padStart(8), k.slice(0,150));
console.log('TOTAL');
for (const [k,v] of [...total].sort((a,b)=>b[1]-a[1]).slice(0,60)) console.log(v.toFixed(1).padStart(8), k.slice(0,150));
await browser.close(); process.exit(0);
