// With AUTH=tokens the builder asks for the token once (api.js): requests that were already on
// their way when the operator signed in come back 401 and are sent again with the new cookie,
// without asking a second time.
import test from 'node:test';
import assert from 'node:assert/strict';

let signedIn = false;
let asked = 0;
const answers = []; // resolvers of the requests held back by the test, to answer them in its order
globalThis.location = { search: '' };
globalThis.window = { prompt: () => { asked += 1; return 'tok-123'; } };
globalThis.fetch = (path, init = {}) => {
  if (path === '/api/session' && init.method === 'POST') {
    signedIn = true;
    return Promise.resolve(reply(201, { name: 'ops', role: 'admin', csrf: 'c1' }));
  }
  const status = signedIn ? 200 : 401;
  if (path === '/api/slow' && !signedIn) return new Promise((resolve) => answers.push(() => resolve(reply(status, {}))));
  return Promise.resolve(reply(status, path === '/api/session' ? { name: 'ops', csrf: 'c1' } : { ok: true }));
};
function reply(status, body) {
  return {
    status, ok: status < 400, headers: { get: () => null },
    json: async () => body, text: async () => JSON.stringify(body), clone() { return this; },
  };
}
const { request, session, user } = await import('../../main/resources/webroot/builder/api.js');

test('a 401 to a request sent before the sign-in finished is sent again, not asked again', async () => {
  const slow = request('GET', '/api/slow'); // sent before anyone signed in; its 401 arrives late
  await session(); // 401, asks, signs in
  assert.equal(asked, 1);
  assert.equal(user().name, 'ops');
  answers.shift()(); // the slow request's 401 arrives only now, after the sign-in
  const r = await slow;
  assert.equal(r.status, 200);
  assert.equal(asked, 1, 'one prompt for the whole screen');
});

test('a 401 after the session has really ended asks again', async () => {
  signedIn = false; // the server forgot the session (expired, signed out elsewhere)
  const r = await request('GET', '/api/pages');
  assert.equal(r.status, 200);
  assert.equal(asked, 2);
});
