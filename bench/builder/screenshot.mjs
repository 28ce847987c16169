// The README's builder screenshot, taken over the DevTools protocol: a headless `--screenshot`
// captures before the preview frames have drawn. Opens the first page of the server (the
// sample venue on a fresh DATA_DIR), selects the hero banner, waits until the three previews and
// the counts are drawn, and writes a PNG.
// Usage: node --experimental-websocket bench/builder/screenshot.mjs http://127.0.0.1:PORT docs/images/builder.png
// (1600 x 1000 CSS px: the three phones side by side.)
// The machine has no CJK font: take it in English.
import { writeFileSync } from 'node:fs';
import { chromium, json, sleep } from './cdp.mjs';

const base = process.argv[2] || 'http://127.0.0.1:8080';
const out = process.argv[3] || 'builder.png';

const pages = await json(base, 'GET', '/api/pages');
const page = pages.pages[0];
const b = await chromium();
await b.send('Page.enable');
await b.send('Emulation.setDeviceMetricsOverride', { width: 1600, height: 1000, deviceScaleFactor: 1, mobile: false });
await b.evaluate(`localStorage.setItem('venuekit.lang', 'en'), true`).catch(() => {});
await b.send('Page.navigate', { url: `${base}/builder/?page=${page.id}` });
const until = async (condition, what) => {
  for (let i = 0; i < 3000; i++) {
    if (await b.evaluate(condition).catch(() => false)) return;
    await sleep(10);
  }
  throw new Error(`not drawn in 30 s: ${what}`);
};
await until(`document.querySelectorAll('#previews .budget').length === 3
  && [...document.querySelectorAll('.preview-frame')].every((f) => f.contentDocument?.getElementById('hero'))`, 'the previews');
await b.evaluate(`document.querySelector('.tree-item[data-id="hero"] > .node > .node-label').click(), true`);
await until(`!!document.getElementById('field-title')`, 'the form');
// images in the frames arrive after the HTML: wait until every frame's images have loaded
await until(`[...document.querySelectorAll('.preview-frame')].every((f) => [...f.contentDocument.images].every((i) => i.complete))`, 'the images');
await sleep(300); // one more paint for the budget lines' first-screen figures
const { data } = await b.send('Page.captureScreenshot', { format: 'png' });
writeFileSync(out, Buffer.from(data, 'base64'));
await b.close();
console.log(`wrote ${out}`);
