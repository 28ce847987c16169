// Where the builder's time goes on a 1,000-component page: a Chromium trace of opening the
// editor and of one prop edit, summed per kind of main-thread work (script, style, layout, paint,
// HTML parsing), plus the JavaScript functions with the most self time (a CPU profile).
// Usage: node --experimental-websocket bench/builder/trace-editor.mjs [http://127.0.0.1:8080] [trace-dir]
// With a trace-dir, the raw traces are written there (open them in DevTools' Performance panel).
import { writeFileSync } from 'node:fs';
import { chromium, bigPage, json, sleep } from './cdp.mjs';

const base = process.argv[2] || 'http://127.0.0.1:8080';
const dir = process.argv[3];

async function traced(b, name, action) {
  const events = [];
  b.on('Tracing.dataCollected', (p) => events.push(...p.value));
  const done = new Promise((r) => b.on('Tracing.tracingComplete', r));
  await b.send('Profiler.enable');
  await b.send('Profiler.setSamplingInterval', { interval: 200 });
  await b.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink', transferMode: 'ReportEvents' });
  await b.send('Profiler.start');
  const t0 = Date.now();
  await action();
  const ms = Date.now() - t0;
  const { profile } = await b.send('Profiler.stop');
  await b.send('Tracing.end');
  await done;
  if (dir) {
    writeFileSync(`${dir}/${name}.trace.json`, JSON.stringify(events));
    writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
  }
  report(name, ms, events, profile);
}

function report(name, ms, events, profile) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  const sum = new Map();
  const kinds = ['RunTask', 'FunctionCall', 'EvaluateScript', 'v8.compile', 'TimerFire', 'UpdateLayoutTree', 'Layout',
    'Paint', 'PrePaint', 'Layerize', 'ParseHTML', 'ParseAuthorStyleSheet', 'HitTest', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MC_BACKGROUND_MARKING'];
  for (const e of mine) if (kinds.includes(e.name)) sum.set(e.name, (sum.get(e.name) || 0) + e.dur / 1000);
  const long = mine.filter((e) => e.name === 'RunTask' && e.dur > 50000).map((e) => (e.dur / 1000).toFixed(0));
  console.log(`\n== ${name}: ${ms} ms wall`);
  console.log(`  long tasks (>50 ms): ${long.join(', ') || 'none'}`);
  for (const [k, v] of [...sum].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(28)} ${v.toFixed(0)} ms`);
  // JavaScript self time per function
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/builder\//, '')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) || 0) + (dt[i + 1] || 0) / 1000);
  });
  console.log('  JavaScript self time:');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`    ${v.toFixed(0).padStart(5)} ms  ${k}`);
}

const page = await json(base, 'POST', '/api/pages', bigPage(0));
const b = await chromium();
await b.send('Page.enable');
const ready = `document.querySelector('#tree .tree-item') && document.querySelectorAll('#previews .budget').length === 3`;
await traced(b, 'open', async () => {
  await b.send('Page.navigate', { url: `${base}/builder/?page=${page.id}` });
  while (!(await b.evaluate(ready))) await sleep(10);
});
await sleep(1500);
await b.evaluate(`document.querySelector('.tree-item[data-id="section-0"] > .node > .node-label').click(), true`);
await sleep(500);
await traced(b, 'edit', async () => {
  await b.evaluate(`(() => { const f = document.getElementById('field-title'); window.__v = 'Edited ' + Math.random();
    f.value = window.__v; f.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`);
  while (!(await b.evaluate(`[...document.querySelectorAll('.preview-frame')].every(x => x.contentDocument?.body?.textContent.includes(window.__v))`))) await sleep(10);
});
// the keyboard move right after the edit, as editor-speed.mjs does it: what else runs in its window
await b.evaluate(`(() => { document.querySelector('.tree-item[data-id="section-20"] > .node > .fold').click(); return true; })()`);
while (!(await b.evaluate(`document.querySelectorAll('.tree-item[data-id="section-20"] > .tree-list > .tree-item').length > 0`))) await sleep(10);
await b.evaluate(`window.__k0 = performance.now(), true`);
await traced(b, 'keyMove', async () => {
  await b.evaluate(`(() => { const row = document.querySelector('.tree-item[data-id="t-20-3"] > .node > .node-label');
    row.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', altKey: true, bubbles: true})); return true; })()`);
  while (!(await b.evaluate(`[...document.querySelectorAll('.tree-item[data-id="section-20"] > .tree-list > .tree-item')].findIndex(e => e.dataset.id === 't-20-3') === 7`))) await sleep(5);
});
console.log('  requests started since the key was pressed:', await b.evaluate(`performance.getEntriesByType('resource')
  .filter((e) => e.startTime >= window.__k0).map((e) => e.name.split('/api/').pop() + ' at +' + (e.startTime - window.__k0).toFixed(0) + ' ms').join(', ') || 'none'`));
await b.close();
await json(base, 'DELETE', `/api/pages/${page.id}`);
