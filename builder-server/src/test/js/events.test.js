// The builder's view of a page's event counts (model/events.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { M } from './fixtures.js';

const { countsByComponent, clickRate, compact } = await import(M + 'events.js');

const answer = {
  page: 'pg_1',
  rows: [
    { version: 1, tracking: 'pg_1:hero', tier: 'low', variant: null, exposures: 900, clicks: 9 },
    { version: 2, tracking: 'pg_1:hero', tier: 'low', variant: null, exposures: 100, clicks: 1 },
    { version: 2, tracking: 'pg_1:hero', tier: 'high', variant: null, exposures: 500, clicks: 20 },
    { version: 2, tracking: 'pg_1:rules-a', tier: 'mid', variant: 'control', exposures: 40, clicks: 2 },
    { version: 2, tracking: 'pg_1:rules-b', tier: 'mid', variant: 'short', exposures: 60, clicks: 6 },
    { version: 2, tracking: 'pg_2:hero', tier: 'low', variant: null, exposures: 7, clicks: 7 },
  ],
  components: [],
};

test('counts add up per component over versions, with the tiers and variants they came from', () => {
  const counts = countsByComponent(answer, 'pg_1');
  assert.deepEqual([...counts.keys()].sort(), ['hero', 'rules-a', 'rules-b'], 'another page\'s ids are left out');
  const hero = counts.get('hero');
  assert.equal(hero.exposures, 1500);
  assert.equal(hero.clicks, 30);
  assert.deepEqual(hero.tiers, { low: { exposures: 1000, clicks: 10 }, high: { exposures: 500, clicks: 20 } });
  assert.deepEqual(hero.variants, {});
  assert.deepEqual(counts.get('rules-b').variants, { short: { exposures: 60, clicks: 6 } });
  assert.equal(clickRate(hero), 0.02);
  assert.equal(clickRate({ exposures: 0, clicks: 0 }), null);
});

test('an answer with totals only still counts; a page id that is a prefix of another does not match it', () => {
  const counts = countsByComponent({ components: [{ tracking: 'pg_1:hero', exposures: 3, clicks: 1 },
    { tracking: 'pg_10:hero', exposures: 5, clicks: 5 }] }, 'pg_1');
  assert.equal(counts.get('hero').exposures, 3);
  assert.equal(counts.size, 1);
  assert.equal(countsByComponent(null, 'pg_1').size, 0);
});

test('badge numbers are short', () => {
  assert.equal(compact(950), '950');
  assert.equal(compact(1234), '1.2K');
  assert.equal(compact(3_400_000), '3.4M');
});
