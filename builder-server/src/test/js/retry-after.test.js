// How long the builder waits after a 429 or 503 before it sends again (api.js).
import test from 'node:test';
import assert from 'node:assert/strict';

// api.js starts the screen's first requests when loaded (boot.js): give it a page without any
globalThis.location = { search: '' };
globalThis.fetch = () => Promise.reject(new Error('no network in this test'));
const { retryAfterSeconds, ApiError } = await import('../../main/resources/webroot/builder/api.js');

const headers = (value) => ({ get: (name) => (name === 'Retry-After' ? value : null) });

test('Retry-After in seconds is what the builder waits', () => {
  assert.equal(retryAfterSeconds(headers('3'), null), 3);
  assert.equal(retryAfterSeconds(headers('0'), null), 1, 'never sooner than a second');
});

test('an HTTP date counts from now; the body is the fallback; a missing hint waits 2 s; a huge one is capped', () => {
  const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
  const waited = retryAfterSeconds(headers(inTenSeconds), null);
  assert.ok(waited >= 9 && waited <= 11, String(waited));
  assert.equal(retryAfterSeconds(headers(null), { error: { code: 'rate-limited' }, retryAfter: 4 }), 4);
  assert.equal(retryAfterSeconds(null, null), 2);
  assert.equal(retryAfterSeconds(headers('86400'), null), 300);
});

test('only a 429 or 503 carries a wait', () => {
  assert.equal(new ApiError(429, { retryAfter: 5 }, headers('5')).retryAfter, 5);
  assert.equal(new ApiError(503, null, headers('7')).retryAfter, 7);
  assert.equal(new ApiError(400, null, headers('7')).retryAfter, null);
});
