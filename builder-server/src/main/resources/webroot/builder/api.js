// A small client of the Venuekit HTTP API: JSON in and out, the CSRF token on every change, and
// with AUTH=tokens one sign-in (the server keeps the session in an HttpOnly cookie).
import { takeStarted } from './boot.js';
let csrf = null;
let who = null;
let signingIn = null;
// completed sign-ins: a 401 to a request sent before the latest one is answered by sending it
// again, not by asking for the token a second time
let signIns = 0;

export class ApiError extends Error {
  constructor(status, body, headers = null) {
    super(body?.error?.message || `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.code = body?.error?.code;
    this.faults = body?.error?.faults || [];
    // a 429 (rate limit) or 503 says when to send again; the callers wait that long and retry
    this.retryAfter = status === 429 || status === 503 ? retryAfterSeconds(headers, body) : null;
  }
}

/** Seconds to wait from Retry-After (seconds or an HTTP date) or the error body's retryAfter; at least 1. */
export function retryAfterSeconds(headers, body) {
  const raw = headers?.get?.('Retry-After');
  let s = raw && /^\d+$/.test(raw.trim()) ? Number(raw) : raw ? (Date.parse(raw) - Date.now()) / 1000 : NaN;
  if (!Number.isFinite(s)) s = Number(body?.retryAfter ?? body?.error?.retryAfter);
  return Number.isFinite(s) ? Math.min(Math.max(1, Math.ceil(s)), 300) : 2;
}

let known = null; // the first answer to "who is signed in": changes wait for it, since they carry its CSRF token

/** Who is signed in ({name, role}); asks for a token when the server wants one. */
export function session() {
  const asking = askSession();
  known = known || asking;
  return asking;
}

async function askSession() {
  const early = takeStarted('/api/session');
  const seen = early ? 0 : signIns;
  const r = await (early || fetch('/api/session', { headers: { Accept: 'application/json' } }));
  if (r.ok) {
    const json = await r.json();
    csrf = json.csrf || csrf;
    who = json;
    return who;
  }
  if (r.status === 401) {
    if (signIns === seen) await signIn();
    else if (!who) return askSession();
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
      signIns += 1;
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
  if (method !== 'GET' && method !== 'HEAD' && known) await known.catch(() => {});
  const send = () => {
    const init = { method, headers: { Accept: 'application/json', ...headers }, signal, keepalive };
    if (method !== 'GET' && method !== 'HEAD' && csrf) init.headers['X-CSRF-Token'] = csrf;
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init);
  };
  const early = method === 'GET' && !signal ? takeStarted(path) : null;
  const seen = early ? 0 : signIns;
  let r = await (early || send());
  if (r.status === 401) {
    if (signIns === seen) await signIn();
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
  if (!r.ok && !accept.includes(r.status)) throw new ApiError(r.status, json, r.headers);
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
    if (!r.ok) throw new ApiError(r.status, json, r.headers);
    return json;
  },
  /** Exposure and click counts per component, tier and variant; null from a server without them. */
  events: (id) => request('GET', `/api/pages/${encodeURIComponent(id)}/events`, undefined, { accept: [404, 405] })
    .then((r) => (r.status === 200 ? r.json : null)),
  asset: (id) => request('GET', `/api/assets/${encodeURIComponent(id)}`, undefined, { accept: [404] }),
};

let tiersAtOnce = true; // false once a server answers POST /api/preview?tiers= as a one-tier preview (older)

/**
 * Every tier of an unsaved document in one request: {tier: {layout, html, faults}}; null from a
 * server without ?tiers= (then ask per tier with preview()).
 */
export async function previewTiers(doc, tiers, { signal } = {}) {
  if (!tiersAtOnce) return null;
  const r = await request('POST', `/api/preview?tiers=${tiers.join(',')}`, doc, { signal, accept: [400, 404, 405, 422] });
  if (r.status === 200 && r.json && !r.json.layout && tiers.every((t) => r.json[t])) return byTier(r.json, tiers);
  if (r.status === 200 || r.status === 404 || r.status === 405 || r.json?.error?.code === 'bad-tier') {
    tiersAtOnce = false;
    return null;
  }
  const failed = { layout: null, html: null, faults: r.json?.error?.faults || [], message: r.json?.error?.message };
  return Object.fromEntries(tiers.map((t) => [t, failed]));
}

const byTier = (json, tiers) => Object.fromEntries(tiers.map((t) => [t, { layout: json[t].layout, html: json[t].html, faults: [],
  jsonBytes: json[t].jsonBytes, htmlBytes: json[t].htmlBytes }]));

/**
 * Every tier of page `pageId`'s saved draft in one request (boot.js starts it as the page loads):
 * {version, tiers: {tier: {layout, html, faults}}}, or null when the server has no such answer.
 */
export async function previewDraftTiers(pageId, tiers) {
  const r = await request('GET', `/api/pages/${encodeURIComponent(pageId)}/preview?tiers=${tiers.join(',')}`, undefined,
    { accept: [400, 404, 405, 422, 429, 503] });
  const version = Number(/"(\d+)"/.exec(r.headers.get('ETag') || '')?.[1]);
  if (r.status !== 200 || !r.json || !Number.isFinite(version) || !tiers.every((t) => r.json[t]?.layout)) return null;
  return { version, tiers: byTier(r.json, tiers) };
}

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
