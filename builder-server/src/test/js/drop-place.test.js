// Where a palette item dropped on a preview goes, from the component boxes (model/drop-place.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { M, page } from './fixtures.js';

const { dropPlace } = await import(M + 'drop-place.js');

// the fixture page drawn as a phone would: hero, then the deals section holding a two-column
// grid (one card) and a note, then a spacer; 'grid' and 'deals' nest, the rest do not
const boxes = {
  hero: { left: 0, top: 0, right: 360, bottom: 200 },
  deals: { left: 0, top: 200, right: 360, bottom: 600 },
  grid: { left: 10, top: 240, right: 350, bottom: 460 },
  p1: { left: 20, top: 250, right: 175, bottom: 450 },
  note: { left: 10, top: 480, right: 350, bottom: 580 },
  gap: { left: 0, top: 600, right: 360, bottom: 616 },
};
const nests = (n) => ['section', 'product-grid'].includes(n.type);
const place = (hit, x, y, shown = boxes) => dropPlace(page(), hit, { x, y }, (id) => shown[id] || null, nests);

test('on a component: before it in its upper half, after it in its lower half', () => {
  assert.deepEqual(place('hero', 100, 50), { parent: null, index: 0, line: { x1: 0, y1: 0, x2: 360, y2: 0 } });
  assert.deepEqual(place('hero', 100, 150), { parent: null, index: 1, line: { x1: 0, y1: 200, x2: 360, y2: 200 } });
  assert.deepEqual(place('note', 100, 560).index, 2);
  assert.equal(place('note', 100, 560).parent, 'deals');
});

test('inside a container, away from its rim: among its children by position', () => {
  const p = place('deals', 100, 470); // the gap between the grid and the note
  assert.deepEqual({ parent: p.parent, index: p.index }, { parent: 'deals', index: 1 });
  assert.equal(p.line.y1, 460, 'the line under the grid');
  assert.deepEqual({ parent: place('deals', 100, 220).parent, index: place('deals', 100, 220).index }, { parent: 'deals', index: 0 });
});

test('on a container\'s rim: before or after the container, in its parent', () => {
  assert.deepEqual({ ...place('grid', 100, 243), line: undefined }, { parent: 'deals', index: 0, line: undefined });
  assert.deepEqual({ ...place('grid', 100, 457), line: undefined }, { parent: 'deals', index: 1, line: undefined });
});

test('a product card points into the grid (whether a spacer may go there is the slots\' business)', () => {
  const p = place('p1', 100, 300);
  assert.equal(p.parent, 'grid');
  assert.equal(p.index, 0);
});

test('siblings drawn in a row: beside, by the horizontal half, with an upright line', () => {
  const row = { ...boxes, p2: { left: 185, top: 250, right: 340, bottom: 450 } };
  const doc = page();
  doc.components[1].children[0].children.push({ id: 'p2', type: 'product-card', props: {}, children: [] });
  const at = (x) => dropPlace(doc, 'p1', { x, y: 400 }, (id) => row[id] || null, nests);
  assert.equal(at(50).index, 0);
  assert.equal(at(150).index, 1);
  assert.deepEqual(at(150).line, { x1: 175, y1: 250, x2: 175, y2: 450 });
});

test('components a tier does not draw are stepped over; no component under the pointer is the page', () => {
  const { note, ...withoutNote } = boxes;
  const p = place('deals', 100, 590, withoutNote);
  assert.deepEqual({ parent: p.parent, index: p.index }, { parent: 'deals', index: 1 }, 'after the grid, the last one drawn');
  assert.deepEqual({ parent: place(null, 100, 700).parent, index: place(null, 100, 700).index }, { parent: null, index: 3 });
});
