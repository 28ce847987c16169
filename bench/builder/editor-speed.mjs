// Times the builder on a generated 1,000-component page in Debian's Chromium (headless), against
// a running server: editor usable (the tree's rows and three previews drawn) after navigation,
// unfolding a section, selecting a component, a prop edit reaching the three previews, a keyboard
// move and a drag-and-drop move. The page's 40 top-level sections start folded (FOLD_ABOVE in
// model/folding.js), so "usable" means their 40 rows are drawn, and each later step unfolds the
// section it works in first.
// Usage: node --experimental-websocket bench/builder/editor-speed.mjs [http://127.0.0.1:8080] [runs]
// Figures go to stdout (median and worst of the runs); nothing here is a test.
import { chromium, bigPage, json as request, sleep } from './cdp.mjs';

const base = process.argv[2] || 'http://127.0.0.1:8080';
const runs = Number(process.argv[3] || 5);
const json = (method, path, body) => request(base, method, path, body);

// the edited text is near the top, so every tier shows it (low defers the rest of a long page)
// in-page: resolves with ms from now until `condition` holds, checked every animation frame
// (NaN after 10 s: the step did not happen, and the figure says so)
const until = (condition) => `new Promise((done) => { const t0 = performance.now();
  const check = () => (${condition}) ? done(performance.now() - t0)
    : performance.now() - t0 > 10000 ? done(NaN) : requestAnimationFrame(check); check(); })`;

const stats = (xs) => {
  xs = xs.map((x) => (typeof x === 'number' ? x : NaN));
  if (xs.some(Number.isNaN)) return `did not happen in ${xs.filter(Number.isNaN).length} of ${xs.length} runs`;
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms, worst ${s[s.length - 1].toFixed(0)} ms`;
};

// every tier's frame shows a document with content, or (for the edit) with the text `v`
const framesShow = (v) => `[...document.querySelectorAll('.preview-frame')].every((f) => { const d = f.contentDocument;
  return d && d.readyState === 'complete' && d.body && d.body.childElementCount > 0 && ${v ? `d.body.textContent.includes(${v})` : 'true'}; })`;
const rows = (section) => `document.querySelectorAll('.tree-item[data-id="${section}"] > .tree-list > .tree-item').length`;
const unfold = (section) => `(() => { document.querySelector('.tree-item[data-id="${section}"] > .node > .fold').click();
  return ${until(`${rows(section)} > 0`)}; })()`;

const results = { open: [], unfold: [], select: [], edit: [], keyMove: [], drag: [] };
for (let run = 0; run < runs; run++) {
  const doc = bigPage(run);
  const page = await json('POST', '/api/pages', doc);
  const b = await chromium();
  await b.send('Page.enable');
  const t0 = Date.now();
  await b.send('Page.navigate', { url: `${base}/builder/?page=${page.id}` });
  // usable: the tree's rows (every top-level one), three previews drawn and their budget lines
  const top = doc.components.length;
  for (let waited = 0; ; waited++) {
    if (waited > 3000) throw new Error('the editor did not finish drawing in 30 s');
    const ok = await b.evaluate(`document.querySelectorAll('#tree > .tree-list > .tree-item').length >= ${top}
      && document.querySelectorAll('#previews .budget').length === 3 && ${framesShow()}`);
    if (ok) break;
    await sleep(10);
  }
  results.open.push(Date.now() - t0);

  results.unfold.push(await b.evaluate(unfold('section-0')));
  results.select.push(await b.evaluate(`(() => { document.querySelector('.tree-item[data-id="t-0-1"] > .node > .node-label').click();
    return ${until(`document.getElementById('field-text')?.value === 'Section 0 paragraph 1'`)}; })()`));

  results.edit.push(await b.evaluate(`(() => { const f = document.getElementById('field-text'); const v = 'Edited ' + Math.random();
    f.value = v; f.dispatchEvent(new Event('input', {bubbles: true}));
    return ${until(framesShow('v'))}; })()`));

  await b.evaluate(unfold('section-20'));
  results.keyMove.push(await b.evaluate(`(() => { const row = document.querySelector('.tree-item[data-id="t-20-3"] > .node > .node-label');
    row.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', altKey: true, bubbles: true}));
    return ${until(`[...document.querySelectorAll('.tree-item[data-id="section-20"] > .tree-list > .tree-item')].findIndex(e => e.dataset.id === 't-20-3') === 7`)}; })()`));

  // a drag-and-drop move: real mouse events; timed from letting go until the tree shows the move
  const p = async (sel) => b.evaluate(`(() => { const e = document.querySelector('${sel}'); e.scrollIntoView({block: 'nearest'}); const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`);
  await b.evaluate(unfold('section-21'));
  const target = '.tree-item[data-id="section-21"] > .tree-list > .tree-item';
  await p(target);
  const from = await p('.tree-item[data-id="t-21-5"]');
  const mouse = (type, [x, y], buttons) => b.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons, clickCount: type === 'mouseMoved' ? 0 : 1 });
  await mouse('mouseMoved', from, 0);
  await mouse('mousePressed', from, 1);
  const to = await p(target);
  for (let i = 1; i <= 12; i++) { await mouse('mouseMoved', [from[0] + (to[0] - from[0]) * i / 12, from[1] + (to[1] - from[1]) * i / 12], 1); await sleep(60); }
  await b.evaluate(`window.__order = [...document.querySelectorAll('.tree-item[data-id="section-21"] > .tree-list > .tree-item')].map(e => e.dataset.id).join()`);
  await b.evaluate(`window.__t = performance.now(), true`);
  await mouse('mouseReleased', to, 0);
  results.drag.push(await b.evaluate(`new Promise((done) => { const check = () => {
      const now = [...document.querySelectorAll('.tree-item[data-id="section-21"] > .tree-list > .tree-item')].map(e => e.dataset.id).join();
      if (now.includes('t-21-5') && now.indexOf('t-21-5') === 0 && !document.querySelector('.sortable-ghost')) done(performance.now() - window.__t);
      else if (performance.now() - window.__t > 10000) done(NaN);
      else requestAnimationFrame(check); };
    check(); })`));
  await b.close();
  await json('DELETE', `/api/pages/${page.id}`);
}

console.log(`builder on a 1,000-component page, ${runs} runs (${base})`);
console.log(`  usable after navigation (tree + three previews): ${stats(results.open)}`);
console.log(`  unfold a section (its 24 rows drawn):             ${stats(results.unfold)}`);
console.log(`  select a component (form shown):                 ${stats(results.select)}`);
console.log(`  prop edit reflected in all three previews:       ${stats(results.edit)}`);
console.log(`  keyboard move (tree redrawn):                     ${stats(results.keyMove)}`);
console.log(`  drag-and-drop move (from letting go):            ${stats(results.drag)}`);
