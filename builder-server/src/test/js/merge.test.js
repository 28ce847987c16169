import { test } from 'node:test';
import assert from 'node:assert/strict';
import { M, page } from './fixtures.js';

const { apply, commands, documentOf, locate } = await import(M + 'document.js');
const { merge, resolve, COMPONENT } = await import(M + 'merge.js');

function edit(doc, make) {
  const local = [];
  let d = doc;
  for (const m of make) {
    const c = m(d);
    d = apply(d, c);
    local.push(c);
  }
  return { doc: d, local };
}

const base = documentOf(page());

test('edits to different components merge without asking', () => {
  const theirs = edit(base, [(d) => commands.setProp(d, 'hero', 'title', 'Their title'), (d) => commands.remove(d, 'gap')]).doc;
  const mine = edit(base, [
    (d) => commands.setProp(d, 'note', 'text', 'My text'),
    (d) => commands.add(d, 'deals', 0, { id: 'mine-1', type: 'spacer', props: {}, children: [] }),
    (d) => commands.move(d, 'p1', 'grid', 0),
  ]);
  const merged = merge(base, theirs, mine.doc, mine.local);
  assert.deepEqual(merged.conflicts, []);
  assert.equal(locate(merged.doc, 'hero').node.props.title, 'Their title');
  assert.equal(locate(merged.doc, 'note').node.props.text, 'My text');
  assert.equal(locate(merged.doc, 'gap'), null, 'their delete stays');
  assert.equal(locate(merged.doc, 'mine-1').parent, 'deals');
  let replayed = theirs;
  for (const c of merged.applied) replayed = apply(replayed, c);
  assert.deepEqual(replayed, merged.doc, 'applied turns their document into the merge');
});

test('different fields of the same component merge; the same field is asked about', () => {
  const theirs = edit(base, [(d) => commands.setProp(d, 'hero', 'title', 'Theirs'), (d) => commands.setProp(d, 'hero', 'subtitle', 'Sub')]).doc;
  const mine = edit(base, [(d) => commands.setProp(d, 'hero', 'title', 'Mine'), (d) => commands.setProp(d, 'hero', 'animated', false)]);
  const merged = merge(base, theirs, mine.doc, mine.local);
  assert.deepEqual(merged.conflicts.map((c) => [c.id, c.key, c.mine, c.theirs]), [['hero', 'title', 'Mine', 'Theirs']]);
  const props = locate(merged.doc, 'hero').node.props;
  assert.deepEqual([props.title, props.subtitle, props.animated], ['Theirs', 'Sub', false]);
  assert.equal(locate(resolve(merged, { 'hero/title': 'mine' }).doc, 'hero').node.props.title, 'Mine');
  assert.equal(locate(resolve(merged, {}).doc, 'hero').node.props.title, 'Theirs');
});

test('the same value on both sides is no conflict', () => {
  const theirs = edit(base, [(d) => commands.setProp(d, 'hero', 'title', 'Same')]).doc;
  const mine = edit(base, [(d) => commands.setProp(d, 'hero', 'title', 'Same')]);
  assert.deepEqual(merge(base, theirs, mine.doc, mine.local).conflicts, []);
});

test('an edit undone locally is no conflict', () => {
  const theirs = edit(base, [(d) => commands.setProp(d, 'hero', 'title', 'Theirs')]).doc;
  const c = commands.setProp(base, 'hero', 'title', 'Mine');
  const back = { op: 'set', id: 'hero', key: 'title', value: c.old, old: c.value };
  const merged = merge(base, theirs, base, [c, back]);
  assert.deepEqual(merged.conflicts, []);
  assert.equal(locate(merged.doc, 'hero').node.props.title, 'Theirs');
});

test('a component they removed and I edited is a conflict that can bring it back', () => {
  const theirs = edit(base, [(d) => commands.remove(d, 'note')]).doc;
  const mine = edit(base, [(d) => commands.setProp(d, 'note', 'text', 'Kept')]);
  const merged = merge(base, theirs, mine.doc, mine.local);
  assert.deepEqual(merged.conflicts.map((c) => [c.id, c.key]), [['note', COMPONENT]]);
  assert.equal(locate(merged.doc, 'note'), null);
  const kept = resolve(merged, { [`note/${COMPONENT}`]: 'mine' }).doc;
  assert.equal(locate(kept, 'note').node.props.text, 'Kept');
  assert.equal(locate(kept, 'note').parent, 'deals');
});

test('page fields conflict field by field', () => {
  const theirs = edit(base, [(d) => commands.setPage(d, 'title', 'T'), (d) => commands.setPage(d, 'slug', 'their-slug')]).doc;
  const mine = edit(base, [(d) => commands.setPage(d, 'title', 'M')]);
  const merged = merge(base, theirs, mine.doc, mine.local);
  assert.deepEqual(merged.conflicts.map((c) => [c.id, c.key]), [['@page', 'title']]);
  const chosen = resolve(merged, { '@page/title': 'mine' }).doc;
  assert.equal(chosen.title, 'M');
  assert.equal(chosen.slug, 'their-slug');
});

test('adding into a container they removed puts the new component at the top level', () => {
  const theirs = edit(base, [(d) => commands.remove(d, 'deals')]).doc;
  const mine = edit(base, [(d) => commands.add(d, 'deals', 0, { id: 'fresh', type: 'spacer', props: {}, children: [] })]);
  const merged = merge(base, theirs, mine.doc, mine.local);
  assert.equal(locate(merged.doc, 'fresh').parent, null, 'nothing is dropped');
});
