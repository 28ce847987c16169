import { test } from 'node:test';
import assert from 'node:assert/strict';
import { M } from './fixtures.js';

const { toLocalInput, fromLocalInput } = await import(M + 'time.js');

function inZone(zone, body) {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    body();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

test('an operator in Shanghai sees and enters local time; the document keeps UTC', () => {
  inZone('Asia/Shanghai', () => {
    assert.equal(toLocalInput('2026-11-10T16:00:00Z'), '2026-11-11T00:00');
    assert.equal(toLocalInput('2026-11-11T00:00:00+08:00'), '2026-11-11T00:00');
    assert.equal(fromLocalInput('2026-11-11T00:00'), '2026-11-10T16:00:00Z');
  });
});

test('the same instant in another zone shows other digits and stores the same UTC', () => {
  inZone('America/New_York', () => {
    assert.equal(toLocalInput('2026-11-10T16:00:00Z'), '2026-11-10T11:00');
    assert.equal(fromLocalInput('2026-11-10T11:00'), '2026-11-10T16:00:00Z');
  });
});

test('empty or broken values stay empty', () => {
  assert.equal(toLocalInput(undefined), '');
  assert.equal(toLocalInput('yesterday'), '');
  assert.equal(fromLocalInput(''), undefined);
  assert.equal(fromLocalInput('not a date'), undefined);
});
