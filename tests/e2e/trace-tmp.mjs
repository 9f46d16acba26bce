import { serve } from './serve.mjs';
import { chromium } from 'playwright-core';
const server = await serve('/work/main/dist', 0);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto(server.url + '/?generate=10000&as_of=2026-11-23');
await page.waitForSelector('tr.cert-row');
await page.waitForTimeout(1500);
const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.on('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
const kind = process.argv[2] ?? 'search';
for (const v of ['host-01','host-02','host-03','host-04','host-05']) {
  await page.evaluate(({kind, v}) => {
    const c = document.querySelector(kind==='search' ? '#search-official' : '#sort-official');
    if (kind==='search') { c.value = v; c.dispatchEvent(new InputEvent('input',{bubbles:true,inputType:'insertText',data:v.slice(-1)})); }
    else { c.selectedIndex = (c.selectedIndex+1) % c.options.length; c.dispatchEvent(new Event('change',{bubbles:true})); }
  }, {kind, v});
  await page.waitForTimeout(200);
}
await cdp.send('Tracing.end');
await done;
const main = events.filter(e=>e.tid===events.find(x=>x.name==='EventDispatch')?.tid);
const t0 = Math.min(...main.filter(e=>e.name==='EventDispatch').map(e=>e.ts));
const interesting = new Set(['EventDispatch','FunctionCall','UpdateLayoutTree','Layout','Paint','PrePaint','Commit','FireAnimationFrame','RunMicrotasks','HitTest','ParseHTML','TimerFire','v8.callFunction','UpdateLifecycle','WebFrameWidgetImpl::UpdateLifecycle','ProxyMain::BeginMainFrame','BeginMainFrame','ThreadControllerImpl::RunTask','RunTask']);
for (const e of main.filter(e=>e.ts>=t0 && e.ts < t0+250000 && e.ph==='X' && e.dur>100 && interesting.has(e.name)).sort((a,b)=>a.ts-b.ts)) console.log(((e.ts-t0)/1000).toFixed(2).padStart(8), (e.dur/1000).toFixed(2).padStart(7), e.name, e.args?.data?.type??'');
for (const e of main.filter(e=>e.name==='Layout' && e.ts>=t0)) console.log('layout', (e.dur/1000).toFixed(2), JSON.stringify(e.args).slice(0,400));
const sum = {};
for (const e of events) if (e.ph === 'X' && e.dur) { sum[e.name] = (sum[e.name] ?? 0) + e.dur / 1000; }
for (const [k, v] of Object.entries(sum).sort((a,b)=>b[1]-a[1]).slice(0,25)) console.log(v.toFixed(1).padStart(8), k);
const rows = await page.evaluate(() => document.querySelectorAll('#panel-official tr').length);
const all = await page.evaluate(() => document.querySelectorAll('*').length);
console.log('rows rendered', rows, 'elements', all);
await browser.close(); server.close?.();
process.exit(0);
