import { test } from 'node:test';
import assert from 'node:assert/strict';
import { M, page } from './fixtures.js';

const { apply, commands, invert, locate, documentOf, CommandError } = await import(M + 'document.js');
const doc0 = () => documentOf(page());
const order = (doc, parent = null) => (parent === null ? doc.components : locate(doc, parent).node.children).map((n) => n.id);

test('every command applied and then its inverse gives back the same document', () => {
  const doc = doc0();
  const cases = [
    commands.add(doc, 'deals', 1, { id: 'new', type: 'spacer', props: {}, children: [] }),
    commands.remove(doc, 'deals'),
    commands.move(doc, 'note', null, 0),
    commands.move(doc, 'hero', null, 2),
    commands.move(doc, 'gap', 'deals', 0),
    commands.setProp(doc, 'hero', 'title', 'Mega sale'),
    commands.setProp(doc, 'hero', 'title', undefined),
    commands.setProp(doc, 'p1', 'badge', 'HOT'),
    commands.setPage(doc, 'title', 'Double 12'),
    commands.setPage(doc, 'schedule', { start: '2026-11-10T16:00:00Z' }),
  ];
  for (const c of cases) {
    const changed = apply(doc, c);
    assert.notDeepEqual(changed, doc, JSON.stringify(c));
    assert.deepEqual(apply(changed, invert(c)), doc, JSON.stringify(c));
  }
});

test('apply never changes the document it is given and shares untouched subtrees', () => {
  const doc = doc0();
  const frozen = JSON.stringify(doc);
  const next = apply(doc, commands.setProp(doc, 'p1', 'title', 'Tablet'));
  assert.equal(JSON.stringify(doc), frozen);
  assert.equal(next.components[0], doc.components[0], 'the hero is the same object');
  assert.equal(next.components[2], doc.components[2]);
  assert.notEqual(next.components[1], doc.components[1]);
  assert.equal(locate(next, 'p1').node.props.title, 'Tablet');
});

test('a move counts the target index after the component has left its place', () => {
  const doc = doc0();
  assert.deepEqual(order(apply(doc, commands.move(doc, 'hero', null, 1))), ['deals', 'hero', 'gap']);
  assert.deepEqual(order(apply(doc, commands.move(doc, 'gap', null, 0))), ['gap', 'hero', 'deals']);
  const into = apply(doc, commands.move(doc, 'hero', 'deals', 2));
  assert.deepEqual(order(into), ['deals', 'gap']);
  assert.deepEqual(order(into, 'deals'), ['grid', 'note', 'hero']);
});

test('a component cannot move into itself or its own children', () => {
  const doc = doc0();
  assert.throws(() => commands.move(doc, 'deals', 'grid', 0), CommandError);
  assert.throws(() => commands.move(doc, 'deals', 'deals', 0), CommandError);
});

test('adding a second component with an id in use is refused', () => {
  const doc = doc0();
  assert.throws(() => commands.add(doc, null, 0, { id: 'p1', type: 'spacer' }), /exists already/);
  assert.throws(() => apply(doc, { op: 'add', parent: 'nowhere', index: 0, node: { id: 'x' } }), CommandError);
});

test('page commands set only page fields', () => {
  const doc = doc0();
  assert.throws(() => commands.setPage(doc, 'components', []), /not a page field/);
  const next = apply(doc, commands.setPage(doc, 'targeting', { regions: ['CN'] }));
  assert.deepEqual(next.targeting, { regions: ['CN'] });
  assert.equal(next.components, doc.components);
});
