import { test } from 'node:test';
import assert from 'node:assert/strict';
import { M, page } from './fixtures.js';

const { commands, documentOf, locate } = await import(M + 'document.js');
const { Editor } = await import(M + 'editor.js');

function editor() {
  let now = 0;
  const e = new Editor(page(), { now: () => now, groupDelay: 500 });
  e.tick = (ms) => { now += ms; };
  return e;
}

test('undo and redo walk every edit back and forth', () => {
  const e = editor();
  const start = e.doc;
  e.run(commands.setProp(e.doc, 'hero', 'title', 'A'));
  e.tick(1000);
  e.run(commands.remove(e.doc, 'gap'));
  e.tick(1000);
  e.run(commands.move(e.doc, 'note', null, 0));
  const end = e.doc;
  assert.ok(e.undo() && e.undo() && e.undo());
  assert.deepEqual(e.doc, start);
  assert.equal(e.undo(), false, 'nothing more to undo');
  assert.ok(e.redo() && e.redo() && e.redo());
  assert.deepEqual(e.doc, end);
  assert.equal(e.redo(), false);
});

test('quick edits of the same field are one step; another field or a pause starts a new one', () => {
  const e = editor();
  for (const t of ['S', 'Sa', 'Sal', 'Sale!']) {
    e.run(commands.setProp(e.doc, 'hero', 'title', t), 'hero/title');
    e.tick(100);
  }
  e.run(commands.setProp(e.doc, 'note', 'text', 'Hi'), 'note/text');
  e.tick(2000);
  e.run(commands.setProp(e.doc, 'note', 'text', 'Hi there'), 'note/text');
  e.undo();
  assert.equal(locate(e.doc, 'note').node.props.text, 'Hi');
  e.undo();
  assert.equal(locate(e.doc, 'note').node.props.text, 'Hello');
  assert.equal(locate(e.doc, 'hero').node.props.title, 'Sale!');
  e.undo();
  assert.equal(locate(e.doc, 'hero').node.props.title, 'Sale', 'four keystrokes undone at once');
});

test('at least a hundred steps can be undone', () => {
  const e = editor();
  const start = e.doc;
  for (let i = 0; i < 150; i++) {
    e.run(commands.setProp(e.doc, 'gap', 'height', i));
    e.tick(1000);
  }
  let steps = 0;
  while (e.undo()) steps++;
  assert.ok(steps >= 150, `${steps} steps`);
  assert.deepEqual(e.doc, start);
});

test('a new edit after undo clears what could be redone', () => {
  const e = editor();
  e.run(commands.setProp(e.doc, 'hero', 'title', 'A'));
  e.undo();
  e.run(commands.setProp(e.doc, 'hero', 'title', 'B'));
  assert.equal(e.redo(), false);
  assert.equal(locate(e.doc, 'hero').node.props.title, 'B');
});

test('a command that does not fit changes nothing, not even part of a batch', () => {
  const e = editor();
  const before = e.doc;
  assert.throws(() => e.run([commands.setProp(e.doc, 'hero', 'title', 'X'), { op: 'remove', id: 'nope' }]));
  assert.equal(e.doc, before);
  assert.equal(e.history.canUndo, false);
});

test('a save keeps the edits made while it was under way pending', () => {
  const e = editor();
  e.run(commands.setProp(e.doc, 'hero', 'title', 'A'));
  const sent = e.snapshot();
  e.run(commands.setProp(e.doc, 'gap', 'height', 20));
  e.saved({ ...page(), ...sent.doc, version: 4 }, sent);
  assert.equal(e.version, 4);
  assert.equal(e.pending.length, 1);
  assert.equal(e.base, sent.doc);
  assert.ok(e.dirty);
  assert.equal(documentOf({ ...e.doc }).components.length, 3);
});
