// The schemas carry English titles only; the Chinese ones are data in the zh-CN bundle, one per
// component type. A type added without them shows English in the Chinese builder: this says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { M } from './fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));
const schemas = join(here, '../../../../component-schemas/src/main/resources/venuekit/components');
const types = readdirSync(schemas).filter((f) => f.endsWith('.json') && f !== 'common.json' && !f.endsWith('.schema.json'))
  .map((f) => JSON.parse(readFileSync(join(schemas, f), 'utf8')).type).filter(Boolean);
const zh = (await import(new URL('../i18n/zh-CN.js', new URL(M, import.meta.url)))).default;
const { Palette } = await import(M + 'schema.js');

test('every component type has a Chinese title and description', () => {
  assert.ok(types.length > 10, `read ${types.length} schemas`);
  const missing = types.filter((type) => !zh[`component.${type}`] || !zh[`component.${type}.description`]);
  assert.deepEqual(missing, []);
});

test('a palette names types with the title it is given, in tree labels too', () => {
  const palette = new Palette({ components: [{ type: 'spacer', title: 'Spacer', props: { properties: {} } }] },
    { titleOf: (s) => zh[`component.${s.type}`] });
  assert.equal(palette.label({ type: 'spacer', props: {} }).type, zh['component.spacer']);
  assert.equal(new Palette({ components: [{ type: 'spacer', title: 'Spacer' }] }).label({ type: 'spacer' }).type, 'Spacer');
});
