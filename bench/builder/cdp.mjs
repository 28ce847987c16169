// Debian's Chromium, headless, driven over the DevTools protocol with Node's own WebSocket
// (node --experimental-websocket): no downloaded browser or driver. Shared by the builder benches.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts Chromium; resolves {send, evaluate, on, close}. */
export async function chromium() {
  const dir = mkdtempSync(join(tmpdir(), 'vk-bench-'));
  const proc = spawn('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${dir}`,
    '--remote-debugging-port=0', '--window-size=1600,1000', 'about:blank'], { stdio: 'ignore' });
  while (!existsSync(join(dir, 'DevToolsActivePort'))) await sleep(50);
  await sleep(100);
  const port = readFileSync(join(dir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const ws = new WebSocket(list.find((t) => t.type === 'page').webSocketDebuggerUrl);
  await new Promise((r) => ws.addEventListener('open', r));
  let id = 0;
  const pending = new Map();
  const handlers = new Map();
  ws.addEventListener('message', (m) => {
    const msg = JSON.parse(m.data);
    if (msg.id && pending.has(msg.id)) { pending.get(msg.id)(msg.result); pending.delete(msg.id); }
    else if (msg.method && handlers.has(msg.method)) handlers.get(msg.method)(msg.params);
  });
  const send = (method, params = {}) => new Promise((r) => { const i = ++id; pending.set(i, r); ws.send(JSON.stringify({ id: i, method, params })); });
  const on = (method, handler) => handlers.set(method, handler);
  const evaluate = async (expression) => {
    const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(expression.slice(0, 80) + ': ' + (r.exceptionDetails.exception?.description || r.exceptionDetails.text));
    return r.result?.value;
  };
  const close = async () => {
    ws.close();
    proc.kill();
    await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
    try { rmSync(dir, { recursive: true, force: true }); } catch { /* a helper still writing: it is a temporary directory */ }
  };
  return { send, evaluate, on, close };
}

/** A page of 1,000 components: 40 sections of text, product grids and their cards. */
export function bigPage(n) {
  const components = [];
  let count = 0;
  for (let s = 0; count < 1000; s++) {
    const children = [];
    count++;
    for (let i = 0; i < 8 && count < 1000; i++) {
      children.push({ id: `t-${s}-${i}`, type: 'rich-text', version: 2, props: { text: `Section ${s} paragraph ${i}` }, children: [] });
      count++;
      if (count < 1000) {
        const cards = [];
        for (let c = 0; c < 1 && count + 1 < 1000; c++) {
          cards.push({ id: `card-${s}-${i}-${c}`, type: 'product-card', version: 1, props: { productId: `p-${s}-${i}-${c}`, title: `Product ${s}.${i}.${c}` }, children: [] });
        }
        children.push({ id: `grid-${s}-${i}`, type: 'product-grid', version: 1, props: { title: `Grid ${s}.${i}` }, children: cards });
        count += 1 + cards.length;
      }
    }
    components.push({ id: `section-${s}`, type: 'section', version: 1, props: { title: `Section ${s}` }, children });
  }
  return { slug: `bench-${n}-${Date.now()}`, title: `Bench page ${n}`, components };
}

/** A JSON request to the server under test. */
export async function json(base, method, path, body) {
  const r = await fetch(base + path, { method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
  const text = await r.text();
  return text ? JSON.parse(text) : null;
}
