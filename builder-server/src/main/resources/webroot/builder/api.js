// A small client of the Venuekit HTTP API: JSON in and out, the CSRF token on every change, and
// with AUTH=tokens one sign-in (the server keeps the session in an HttpOnly cookie).
let csrf = null;
let who = null;
let signingIn = null;

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.code = body?.error?.code;
    this.faults = body?.error?.faults || [];
  }
}

/** Who is signed in ({name, role}); asks for a token when the server wants one. */
export async function session() {
  const r = await fetch('/api/session', { headers: { Accept: 'application/json' } });
  if (r.ok) {
    const json = await r.json();
    csrf = json.csrf || csrf;
    who = json;
    return who;
  }
  if (r.status === 401) {
    await signIn();
    return who;
  }
  // an older server without GET /api/session: gateway mode, no token needed
  who = { name: null, role: 'operator' };
  return who;
}

export function user() { return who; }

async function signIn() {
  if (!signingIn) {
    signingIn = (async () => {
      const token = window.prompt('This Venuekit needs your API token (the first operator\'s is in DATA_DIR/admin-token).');
      if (!token) throw new ApiError(401, { error: { message: 'Not signed in.' } });
      const r = await fetch('/api/session', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ token: token.trim() }),
      });
      const json = await r.json().catch(() => null);
      if (!r.ok) throw new ApiError(r.status, json);
      csrf = json?.csrf || csrf;
      who = json || who;
    })().finally(() => { signingIn = null; });
  }
  return signingIn;
}

export async function signOut() {
  await request('DELETE', '/api/session');
  csrf = null;
  who = null;
}

/**
 * One request. Resolves {status, json, text}; rejects with ApiError for an error status unless
 * `accept` lists it. `raw: true` resolves the text without parsing.
 */
export async function request(method, path, body, { headers = {}, accept = [], signal, raw = false, keepalive = false } = {}) {
  const send = () => {
    const init = { method, headers: { Accept: 'application/json', ...headers }, signal, keepalive };
    if (method !== 'GET' && method !== 'HEAD' && csrf) init.headers['X-CSRF-Token'] = csrf;
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init);
  };
  let r = await send();
  if (r.status === 401) {
    await signIn();
    r = await send();
  } else if (r.status === 403 && method !== 'GET') {
    const peek = await r.clone().json().catch(() => null);
    if (peek?.error?.code === 'csrf-token') {
      await session();
      r = await send();
    }
  }
  const text = await r.text();
  let json = null;
  if (!raw && text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!r.ok && !accept.includes(r.status)) throw new ApiError(r.status, json);
  return { status: r.status, json, text, headers: r.headers };
}

export const api = {
  components: () => request('GET', '/api/components').then((r) => r.json),
  /** The page list: summaries (status, differsFromLive, no components) where the server has them. */
  pages: () => request('GET', '/api/pages?view=summary', undefined, { accept: [400] })
    .then((r) => (r.status === 200 ? r.json.pages || [] : request('GET', '/api/pages').then((full) => full.json.pages || []))),
  restore: (id) => request('POST', `/api/pages/${encodeURIComponent(id)}/restore`, {}).then((r) => r.json),
  page: (id) => request('GET', `/api/pages/${encodeURIComponent(id)}`).then((r) => r.json),
  create: (doc) => request('POST', '/api/pages', doc).then((r) => r.json),
  save: (id, doc, version) => request('PUT', `/api/pages/${encodeURIComponent(id)}`, { ...doc, version },
    { headers: { 'If-Match': `"${version}"` }, accept: [400, 409] }),
  remove: (id, keepalive = false) => request('DELETE', `/api/pages/${encodeURIComponent(id)}`, undefined, { keepalive }),
  publish: (id, version) => request('POST', `/api/pages/${encodeURIComponent(id)}/publish`, {},
    { headers: { 'If-Match': `"${version}"` }, accept: [409, 422] }),
  versions: (id) => request('GET', `/api/pages/${encodeURIComponent(id)}/versions`).then((r) => r.json.versions || []),
  version: (id, n) => request('GET', `/api/pages/${encodeURIComponent(id)}/versions/${n}`).then((r) => r.json),
  rollback: (id, to) => request('POST', `/api/pages/${encodeURIComponent(id)}/rollback`, { to }).then((r) => r.json),
  presence: (id, tab) => request('POST', `/api/pages/${encodeURIComponent(id)}/presence`, { tab }, { accept: [404, 405] }),
  leave: (id, tab) => request('DELETE', `/api/pages/${encodeURIComponent(id)}/presence?tab=${tab}`, undefined, { accept: [404, 405], keepalive: true }),
  upload: async (file) => {
    const data = new FormData();
    data.append('file', file);
    const r = await fetch('/api/assets', { method: 'POST', body: data, headers: csrf ? { 'X-CSRF-Token': csrf } : {} });
    const json = await r.json().catch(() => null);
    if (!r.ok) throw new ApiError(r.status, json);
    return json;
  },
  asset: (id) => request('GET', `/api/assets/${encodeURIComponent(id)}`, undefined, { accept: [404] }),
};

let previewMode = 'both'; // 'both' | 'split' | 'saved' (older servers)

/**
 * What a tier would get for an unsaved document: {layout, html, faults}. Falls back to two requests,
 * or to the saved draft's preview on a server without POST /api/preview.
 */
export async function preview(doc, tier, { pageId, signal } = {}) {
  const q = (format) => `/api/preview?tier=${tier}&format=${format}`;
  if (previewMode === 'both') {
    const r = await request('POST', q('both'), doc, { signal, accept: [400, 404, 405, 422] });
    if (r.status === 200) return { layout: r.json.layout, html: r.json.html, faults: [] };
    if (r.status === 404 || r.status === 405) previewMode = 'saved';
    else if (r.json?.error?.code === 'bad-format') previewMode = 'split';
    else return { layout: null, html: null, faults: r.json?.error?.faults || [], message: r.json?.error?.message };
  }
  if (previewMode === 'split') {
    const [j, h] = await Promise.all([
      request('POST', q('json'), doc, { signal, accept: [400, 422] }),
      request('POST', q('html'), doc, { signal, accept: [400, 422], raw: true, headers: { Accept: 'text/html' } }),
    ]);
    if (j.status !== 200) {
      const err = JSON.parse(j.text || '{}').error;
      return { layout: null, html: null, faults: err?.faults || [], message: err?.message };
    }
    return { layout: j.json, html: h.text, faults: [] };
  }
  const base = `/api/pages/${encodeURIComponent(pageId)}/preview?tier=${tier}`;
  const [j, h] = await Promise.all([
    request('GET', base, undefined, { signal }),
    request('GET', `${base}&format=html`, undefined, { signal, raw: true, headers: { Accept: 'text/html' } }),
  ]);
  return { layout: j.json, html: h.text, faults: [], saved: true };
}
