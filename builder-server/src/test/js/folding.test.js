import { test } from 'node:test';
import assert from 'node:assert/strict';
import { M, page } from './fixtures.js';

const { Folding, ancestors } = await import(M + 'folding.js');

test('a small page starts with nothing folded', () => {
  const f = Folding.initial(page());
  assert.equal(f.isFolded('deals'), false);
  assert.equal(f.isFolded('grid'), false);
});

test('a big page starts with its top-level containers folded, and only those', () => {
  const f = Folding.initial(page(), 3);
  assert.equal(f.isFolded('deals'), true);
  assert.equal(f.isFolded('grid'), false, 'nested containers open with their parent');
  assert.equal(f.isFolded('hero'), false, 'a component without children has nothing to fold');
});

test('revealing a component unfolds every container around it and names them', () => {
  const doc = page();
  const f = new Folding(new Set(['deals', 'grid']));
  const shown = f.reveal(doc, 'p1');
  assert.equal(shown.isFolded('deals'), false);
  assert.equal(shown.isFolded('grid'), false);
  assert.deepEqual(shown.touched, ['deals', 'grid']);
  assert.equal(f.isFolded('deals'), true, 'the old value is unchanged');
  assert.equal(shown.reveal(doc, 'p1'), shown, 'nothing to unfold: the same value');
});

test('folding and unfolding one container touches only it', () => {
  const f = new Folding().set('grid', true);
  assert.equal(f.isFolded('grid'), true);
  assert.deepEqual(f.touched, ['grid']);
  assert.equal(f.set('grid', true), f);
  assert.equal(f.set('grid', false).isFolded('grid'), false);
});

test('ancestors lists the containers outermost first', () => {
  assert.deepEqual(ancestors(page(), 'p1'), ['deals', 'grid']);
  assert.deepEqual(ancestors(page(), 'hero'), []);
  assert.deepEqual(ancestors(page(), 'nowhere'), []);
});
