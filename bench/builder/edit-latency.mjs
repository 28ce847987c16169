// Successive prop edits on a generated 1,000-component page, once the editor has settled: for each,
// ms from the input event until the preview request left, its first byte and end, and until all
// three frames show the new text. editor-speed.mjs times only the first edit, right after opening
// (a fresh browser: its JavaScript not yet compiled for the patching, the server's render of a
// new document); this shows the steady state and where an edit's time goes.
// Usage: node --experimental-websocket bench/builder/edit-latency.mjs [http://127.0.0.1:8080] [edits]
// SETTLE=0 starts editing as soon as the editor is usable, as editor-speed.mjs does (default 1500 ms).
import { chromium, bigPage, json, sleep } from './cdp.mjs';

const base = process.argv[2] || 'http://127.0.0.1:8080';
const edits = Number(process.argv[3] || 5);
const page = await json(base, 'POST', '/api/pages', bigPage(0));
const b = await chromium();
await b.send('Page.enable');
await b.send('Page.navigate', { url: `${base}/builder/?page=${page.id}` });
const frames = `[...document.querySelectorAll('.preview-frame')]`;
const show = (v) => `${frames}.length === 3 && ${frames}.every((f) => f.contentDocument?.body?.textContent.includes(${v}))`;
while (!(await b.evaluate(`document.querySelectorAll('#previews .budget').length === 3 && ${show("'Section 0'")}`))) await sleep(50);
const settle = Number(process.env.SETTLE ?? 1500);
await sleep(settle);
await b.evaluate(`document.querySelector('.tree-item[data-id="section-0"] > .node > .fold').click(), true`);
await sleep(settle / 3);
await b.evaluate(`document.querySelector('.tree-item[data-id="t-0-1"] > .node > .node-label').click(), true`);
while (!(await b.evaluate(`document.getElementById('field-text')?.value === 'Section 0 paragraph 1'`))) await sleep(5);
await sleep(settle / 3);
console.log(`prop edits on a 1,000-component page (${base}), ms from the input event:`);
console.log('  request left  first byte  answer in  three frames show it');
for (let i = 0; i < edits; i++) {
  const r = await b.evaluate(`new Promise((done) => { const f = document.getElementById('field-text'); const v = 'Edited ' + Math.random();
    const t0 = performance.now(); f.value = v; f.dispatchEvent(new Event('input', {bubbles: true}));
    const check = () => { if (${show('v')}) { const now = performance.now() - t0;
        const e = performance.getEntriesByType('resource').filter((e) => e.startTime >= t0 && e.name.includes('preview')).pop();
        done([e?.startTime, e?.responseStart, e?.responseEnd].map((x) => (x === undefined ? '?' : (x - t0).toFixed(0))).concat(now.toFixed(0))); }
      else if (performance.now() - t0 > 10000) done(['-', '-', '-', 'did not happen']); else requestAnimationFrame(check); }; check(); })`);
  console.log(`  ${r[0].padStart(12)}  ${r[1].padStart(10)}  ${r[2].padStart(9)}  ${r[3].padStart(20)}`);
  await sleep(700);
}
await b.close();
await json(base, 'DELETE', `/api/pages/${page.id}`);
