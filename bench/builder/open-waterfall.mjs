// What opening the editor waits for, on a generated 1,000-component page in Debian's Chromium: when
// the tree's rows, the budget lines and each preview frame were first seen drawn (polled), and every
// request the page made (Resource Timing: start, first byte, end, in ms from navigation; body bytes
// as sent, compressed). Shows whether the API requests wait behind the page's own files and when the
// previews' answer arrives against the frames being drawn; and when the page had been painted once
// more after all that (editor-speed.mjs's "usable" reads the DOM only).
// Usage: node --experimental-websocket bench/builder/open-waterfall.mjs [http://127.0.0.1:8080]
import { chromium, bigPage, json, sleep } from './cdp.mjs';

const base = process.argv[2] || 'http://127.0.0.1:8080';
const doc = bigPage(0);
const page = await json(base, 'POST', '/api/pages', doc);
const b = await chromium();
await b.send('Page.enable');
const t0 = Date.now();
await b.send('Page.navigate', { url: `${base}/builder/?page=${page.id}` });
const frames = `[...document.querySelectorAll('.preview-frame')].map((f) => (f.contentDocument?.readyState || '-')
  + ':' + (f.contentDocument?.body?.childElementCount || 0)).join(' ')`;
const seen = {};
let last = null;
for (let i = 0; i < 3000; i++) {
  const s = JSON.parse(await b.evaluate(`JSON.stringify({ now: performance.now(),
    tree: document.querySelectorAll('#tree > .tree-list > .tree-item').length >= ${doc.components.length},
    budget: document.querySelectorAll('#previews .budget').length === 3, frames: ${frames} })`) || '{}');
  for (const k of ['tree', 'budget']) if (s[k] && seen[k] === undefined) seen[k] = s.now;
  if (s.frames !== last) console.log(`  frames (readyState:elements) at ${s.now.toFixed(0).padStart(5)} ms: ${s.frames || 'none'}`);
  last = s.frames;
  if (s.tree && s.budget && /^(complete:[1-9]\d* ?){3}$/.test(s.frames)) break;
  await sleep(10);
}
// the polls above read the DOM; a frame's page may still wait for its layout and paint: one more
// rendering (two animation frames) after that
const painted = await b.evaluate(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))`);
console.log(`  then painted by ${painted.toFixed(0)} ms`);
console.log(`  tree rows drawn at ${seen.tree?.toFixed(0)} ms, budget lines at ${seen.budget?.toFixed(0)} ms, all drawn ${Date.now() - t0} ms after navigating (wall)`);
console.log(await b.evaluate(`(() => { const n = performance.getEntriesByType('navigation')[0];
  const out = ['  page ' + n.responseStart.toFixed(0) + '-' + n.responseEnd.toFixed(0) + ' ms, DOMContentLoaded ' + n.domContentLoadedEventEnd.toFixed(0) + ' ms',
    '  start  first   end    bytes  request'];
  for (const e of performance.getEntriesByType('resource')) out.push([e.startTime, e.responseStart, e.responseEnd].map((x) => x.toFixed(0).padStart(6)).join(' ')
    + String(e.encodedBodySize).padStart(9) + '  ' + e.name.replace(location.origin, ''));
  return out.join('\\n'); })()`));
await b.close();
await json(base, 'DELETE', `/api/pages/${page.id}`);
