import { test } from 'node:test';
import assert from 'node:assert/strict';
import { M, page, palette } from './fixtures.js';

const { Palette, widgetKind, faultTarget, linkProblem } = await import(M + 'schema.js');
const { documentOf } = await import(M + 'document.js');
const p = new Palette(palette);

test('slots decide what may nest, and say why not', () => {
  assert.deepEqual(p.accepts(null, 'hero-banner', 10), { ok: true });
  assert.deepEqual(p.accepts('section', 'spacer', 0), { ok: true });
  assert.equal(p.accepts('product-grid', 'spacer', 0).reason, 'drop.only');
  assert.deepEqual(p.accepts('product-grid', 'spacer', 0).args.allowed, ['product-card']);
  assert.equal(p.accepts('spacer', 'spacer', 0).reason, 'drop.noChildren');
  assert.equal(p.accepts('section', 'spacer', 3).reason, 'drop.full');
});

test('labels read the title or the first text prop, never the id', () => {
  assert.deepEqual(p.label({ id: 'x-1', type: 'hero-banner', props: { title: 'Sale' } }), { text: 'Sale', type: 'Hero banner' });
  assert.deepEqual(p.label({ id: 'x-2', type: 'rich-text', props: { text: 'Hello\nworld' } }), { text: 'Hello world', type: 'Text' });
  assert.deepEqual(p.label({ id: 'x-3', type: 'spacer', props: {} }), { text: '', type: 'Spacer' });
});

test('new components get the defaults and an unused id', () => {
  const c = p.create('hero-banner', new Set(['hero-banner-1']));
  assert.equal(c.id, 'hero-banner-2');
  assert.deepEqual(c.props, { animated: true });
});

test('widgets follow the schema kind', () => {
  const link = p.resolve(palette.components[0].props.properties.link);
  assert.equal(widgetKind(link), 'link');
  assert.equal(link.title, 'Tap goes to', 'the prop keeps its own title');
  assert.equal(widgetKind({ type: 'string', format: 'date-time' }), 'datetime');
  assert.equal(widgetKind({ type: 'string', maxLength: 2000 }), 'textarea');
  assert.equal(widgetKind({ type: 'string', enum: ['a'] }), 'enum');
  assert.equal(widgetKind({ type: 'integer' }), 'number');
  assert.equal(widgetKind({ type: 'array', items: {} }), 'list');
});

test('a fault pointer names the component and prop it is about', () => {
  const doc = documentOf(page());
  assert.deepEqual(faultTarget(doc, '/components/1/children/0/children/0/props/title'), { id: 'p1', key: 'title', rest: [] });
  assert.deepEqual(faultTarget(doc, '/components/0/props/link/target'), { id: 'hero', key: 'link', rest: ['target'] });
  assert.deepEqual(faultTarget(doc, '/slug'), { id: '@page', key: 'slug', rest: [] });
});

test('links are checked as the server checks them', () => {
  assert.equal(linkProblem({ kind: 'url', target: 'https://example.com' }), null);
  assert.equal(linkProblem({ kind: 'url', target: '/sale' }), null);
  for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:x', 'java\tscript:x', 'data:text/html,x', '//evil.example']) {
    assert.equal(linkProblem({ kind: 'url', target: bad }), 'link.urlScheme', bad);
  }
  assert.equal(linkProblem({ kind: 'venue', target: '' }), 'link.targetMissing');
  assert.equal(linkProblem({ kind: 'venue', target: 'bad target' }), 'link.idShape');
});
