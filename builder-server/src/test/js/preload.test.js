// index.html names every module the builder loads at start (rel=modulepreload), so the browser
// fetches them at once instead of discovering them one import level at a time. This keeps that
// list equal to the modules app.js really imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../main/resources/webroot/builder');
const vendored = new Set(['vendor/preact/preact.module.js', 'vendor/preact/hooks.module.js', 'vendor/htm/htm.module.js',
  'vendor/sortablejs/sortable.esm.js']); // fetched by the build: not in the source tree

/** Every module reachable from `entry` by static imports (dynamic import() is left out: it loads later). */
function graph(entry) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    if (vendored.has(path)) return;
    const source = readFileSync(join(root, path), 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
      visit(relative(root, join(root, dirname(path), m[1] || m[2])));
    }
  };
  visit(entry);
  return seen;
}

test('index.html preloads exactly the modules the builder imports at start', () => {
  const index = readFileSync(join(root, 'index.html'), 'utf8');
  const listed = new Set([...index.matchAll(/<link rel="modulepreload" href="\/builder\/([^"]+)">/g)].map((m) => m[1]));
  const wanted = graph('app.js');
  wanted.delete('app.js'); // the module scripts themselves
  wanted.delete('boot.js');
  assert.deepEqual([...listed].sort(), [...wanted].sort());
});

test('boot.js starts on its own, before app.js and its imports have loaded', () => {
  const index = readFileSync(join(root, 'index.html'), 'utf8');
  assert.ok(index.indexOf('<script type="module" async src="/builder/boot.js">') >= 0);
  assert.ok(index.indexOf('/builder/boot.js') < index.indexOf('/builder/app.js'));
});

test('the library picker is not among them: it loads with the first image field', () => {
  assert.ok(![...graph('app.js')].some((p) => p.includes('library')));
});
