// The asset API as the library and the image picker use it: the session (who, role, CSRF token),
// JSON calls that send X-CSRF-Token on every change, uploads with progress, and status polling.

const session = { known: false, user: null, csrf: null, signIn: 'unknown' };
const sessionListeners = new Set();
const CHANGES = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

export class ApiError extends Error {
  constructor(status, body, fallback) {
    const error = body && body.error ? body.error : null;
    super(error && error.message ? error.message : fallback);
    this.status = status;
    this.code = error ? error.code : null;
    this.faults = error && Array.isArray(error.faults) ? error.faults : [];
  }
}

/**
 * Takes the session a host page already has (the builder's GET /api/session answer), so the
 * picker sends the same CSRF token instead of asking for one of its own.
 */
export function adoptSession(answer) {
  if (!answer) return;
  adopt(answer);
  session.tried = true;
  session.signIn = 'done';
  changed();
}

export function currentSession() {
  return session;
}

export function onSession(fn) {
  sessionListeners.add(fn);
  return () => sessionListeners.delete(fn);
}

function changed() {
  sessionListeners.forEach((fn) => fn(session));
}

function adopt(body) {
  session.known = true;
  session.user = body && body.name ? { name: body.name, role: body.role || null } : null;
  if (body && body.csrf) session.csrf = body.csrf;
}

/**
 * Asks GET /api/session who is signed in. signIn is 'needed' (401: tokens are on and nobody is
 * signed in), 'done' (someone is), or 'none' (no such route or no sign-in on this server).
 */
export async function loadSession() {
  session.tried = true;
  let response;
  try {
    response = await fetch('/api/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (e) {
    session.signIn = 'none';
    changed();
    return session;
  }
  const body = await readJson(response);
  if (response.ok) {
    adopt(body);
    session.signIn = 'done';
    session.auth = body && body.auth === 'gateway' ? 'gateway' : 'tokens';
  } else if (response.status === 401) {
    session.user = null;
    session.signIn = 'needed';
  } else {
    session.signIn = 'none'; // 404 before sign-in existed, or AUTH=gateway
  }
  changed();
  return session;
}

export async function signIn(token) {
  const response = await fetch('/api/session', {
    method: 'POST', credentials: 'same-origin',
    headers: jsonHeaders('POST'), body: JSON.stringify({ token: token.trim() }),
  });
  const body = await readJson(response);
  if (!response.ok) throw new ApiError(response.status, body, `HTTP ${response.status}`);
  adopt(body);
  session.signIn = 'done';
  session.auth = 'tokens';
  changed();
  return session;
}

export async function signOut() {
  const response = await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin', headers: jsonHeaders('DELETE') });
  if (!response.ok && response.status !== 404 && response.status !== 401) {
    throw new ApiError(response.status, await readJson(response), `HTTP ${response.status}`);
  }
  session.user = null;
  session.csrf = null;
  session.signIn = 'needed';
  changed();
}

function jsonHeaders(method, withBody = true) {
  const headers = { Accept: 'application/json' };
  if (withBody) headers['Content-Type'] = 'application/json';
  if (CHANGES.has(method) && session.csrf) headers['X-CSRF-Token'] = session.csrf;
  return headers;
}

async function readJson(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

/** A JSON call; throws ApiError with the server's message. A 401 marks the session as needing a sign-in. */
export async function api(method, path, body) {
  if (CHANGES.has(method) && !session.tried) await loadSession();
  const call = () => fetch(path, {
    method, credentials: 'same-origin',
    headers: jsonHeaders(method, body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let response = await call();
  if (response.status === 403 && CHANGES.has(method)) {
    // an expired or missing CSRF token: fetch the session's and try once more
    const refused = await readJson(response);
    if (refused && refused.error && /csrf/i.test(refused.error.code || '')) {
      await loadSession();
      response = await call();
    } else {
      throw new ApiError(403, refused, 'HTTP 403');
    }
  }
  const json = await readJson(response);
  if (response.status === 401) {
    session.user = null;
    session.signIn = 'needed';
    changed();
  }
  if (!response.ok) throw new ApiError(response.status, json, `HTTP ${response.status}`);
  return json;
}

/**
 * One page of the library, newest first: GET /api/assets?q=&limit=&cursor= (the server searches file
 * names and ids for q, in any case). next is the cursor of the page after, or null on the last.
 */
export async function listAssets({ q = '', limit = 24, cursor = null, owner = null } = {}) {
  const params = new URLSearchParams();
  params.set('limit', String(limit));
  if (q) params.set('q', q);
  if (owner) params.set('owner', owner);
  if (cursor) params.set('cursor', cursor);
  const json = await api('GET', `/api/assets?${params}`);
  const assets = Array.isArray(json && json.assets) ? json.assets : [];
  const next = json && typeof json.next === 'string' && json.next ? json.next : null;
  return { assets, next };
}

export function getAsset(id) {
  return api('GET', `/api/assets/${encodeURIComponent(id)}`);
}

export function retryAsset(id) {
  return api('POST', `/api/assets/${encodeURIComponent(id)}/retry`);
}

export function setFocus(id, focus) {
  return api('PUT', `/api/assets/${encodeURIComponent(id)}/focus`, focus);
}

/** Takes the asset-wide focus away; the answer is the asset with livePagesChanged. */
export function clearFocus(id) {
  return api('DELETE', `/api/assets/${encodeURIComponent(id)}/focus`);
}

/**
 * The crop a use with this focus gets, as the server plans it: {status: 'ready', crop, variants,
 * placeholder} or {status: 'pending', pending} while it is made (ask again after a second).
 */
export function useCrop(id, aspect, focus) {
  const params = new URLSearchParams();
  for (const k of ['x', 'y', 'w', 'h']) {
    if (focus && focus[k] !== undefined && focus[k] !== null) params.set(k, String(focus[k]));
  }
  const shape = /^\d+:\d+$/.test(aspect) ? aspect : encodeURIComponent(aspect);
  return api('GET', `/api/assets/${encodeURIComponent(id)}/crops/${shape}?${params}`);
}

/**
 * Uploads one file as multipart field "file" with XMLHttpRequest, for its upload progress.
 * onProgress(fraction) runs as bytes go out; resolves with the manifest (202 or 200), rejects
 * with ApiError carrying the server's refusal.
 */
export async function uploadFile(file, onProgress) {
  if (!session.tried) await loadSession();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/assets');
    xhr.setRequestHeader('Accept', 'application/json');
    if (session.csrf) xhr.setRequestHeader('X-CSRF-Token', session.csrf);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        resolve(body);
      } else {
        if (xhr.status === 401) {
          session.signIn = 'needed';
          changed();
        }
        reject(new ApiError(xhr.status, body, `HTTP ${xhr.status}`));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, null, 'network')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * Follows an asset until it is ready or failed, calling onUpdate with each manifest. Stops when
 * signal aborts. The server has no push, so this asks again every interval ms.
 */
export async function follow(asset, onUpdate, { interval = 600, signal } = {}) {
  let current = asset;
  while (!signal || !signal.aborted) {
    if (current.status === 'ready' || current.status === 'failed') return current;
    await new Promise((resolve) => setTimeout(resolve, interval));
    if (signal && signal.aborted) break;
    try {
      current = await api('GET', current.statusUrl || `/api/assets/${encodeURIComponent(current.id)}`);
      onUpdate(current);
    } catch (e) {
      if (e.status === 404 || e.status === 401) throw e;
      // a passing network fault: ask again at the next interval
    }
  }
  return current;
}
