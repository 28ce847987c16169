// Three phones side by side (low, mid, high), each the real renderer's output for the document
// as it is in the browser (POST /api/preview), with the tier's budget and its degradations.
import { html, useState, useEffect, useLayoutEffect, useRef, useMemo } from '../lib.js';
import { preview, previewTiers, previewDraftTiers } from '../api.js';
import { t, formatBytes } from '../i18n/i18n.js';
import { patchDocument } from './frame-patch.js';
import { overlayHandlers } from './preview-drop.js';

export const TIERS = ['low', 'mid', 'high'];

const utf8 = (s) => new TextEncoder().encode(s || '').length;

/**
 * What a layout payload costs and shows: sizes, images, components, degradations. The sizes are the
 * server's (`sizes`, as a phone gets the bytes) when it sent them, else measured here.
 */
export function budget(layout, htmlText, sizes = {}) {
  let images = 0;
  let shown = 0;
  const degraded = [];
  const seen = (v) => {
    if (Array.isArray(v)) v.forEach(seen);
    else if (v && typeof v === 'object') {
      if (typeof v.url === 'string' && (v.w || v.width)) images++;
      Object.values(v).forEach(seen);
    }
  };
  const walk = (list) => (list || []).forEach((c) => {
    shown++;
    seen(c.props);
    for (const d of [].concat(c.degraded || c.degradations || [])) degraded.push({ text: describe(d, c.id), id: c.id });
    walk(c.children);
  });
  walk(layout?.components);
  for (const d of layout?.degradations || []) degraded.push({ text: describe(d), id: d.id || d.componentId });
  for (const s of layout?.substitutions || []) {
    degraded.push({ text: s.message || t('preview.substituted', { from: s.from || s.type || s.id, to: s.to || s.fallback || '' }), id: s.id });
  }
  if (layout?.next) degraded.push({ text: t('preview.lazy') });
  const json = sizes.jsonBytes ?? (layout ? utf8(JSON.stringify(layout)) : 0);
  return { json, html: sizes.htmlBytes ?? utf8(htmlText), images, shown, degraded };
}

function describe(d, id) {
  if (typeof d === 'string') return d;
  const who = d.componentId || d.component || id;
  return d.message || [who, d.kind || d.action, d.detail || ''].filter(Boolean).join(' ');
}

// The first previews: the saved draft's, which boot.js asked for as the page began to load, when
// they are of the version the editor opened (else the document is sent as it is, as soon as the
// page is read, in Editing.load); Previews takes them if the document is still the same.
let early = null; // {doc, promise}

const requestAll = async (doc, pageId, signal) => {
  const body = { ...doc, id: pageId };
  const failed = (e) => (e.name === 'AbortError' ? null : { message: e.message, faults: [], retryAfter: e.retryAfter || null });
  const all = await previewTiers(body, TIERS, { signal }).catch((e) => {
    const f = failed(e);
    return Object.fromEntries(TIERS.map((tier) => [tier, f]));
  });
  if (all) return TIERS.map((tier) => all[tier]);
  return Promise.all(TIERS.map((tier) => preview(body, tier, { pageId, signal }).catch(failed)));
};

export function prefetchPreviews(doc, pageId, version) {
  const saved = async () => {
    const draft = await previewDraftTiers(pageId, TIERS).catch(() => null);
    return draft && draft.version === version ? TIERS.map((tier) => draft.tiers[tier]) : requestAll(doc, pageId);
  };
  early = { doc, promise: version === undefined ? requestAll(doc, pageId) : saved() };
}

export function Previews({ doc, pageId, label, onSelect, arrange }) {
  const [results, setResults] = useState({});
  const [stamp, setStamp] = useState(0);
  const timer = useRef();
  // the request in flight ({controller, doc}), and whether the document changed meanwhile
  const asking = useRef(null);
  const wanted = useRef(doc);
  wanted.current = doc;
  const show = (list) => {
    const next = {};
    TIERS.forEach((tier, i) => { next[tier] = list[i]; });
    setResults(next);
    setStamp((n) => n + 1);
    // rate limited (429): the frames keep the last good preview, say when it comes, and ask again then
    const wait = Math.max(0, ...list.map((r) => r?.retryAfter || 0));
    if (wait) timer.current = setTimeout(() => ask(wanted.current), wait * 1000);
  };
  // An edit is asked for without waiting for a pause in typing: while a request is out, the latest
  // document waits for its answer and goes next, so the server renders at most one document
  // behind the latest, and every answer is shown as it comes.
  const ask = (what, promise) => {
    clearTimeout(timer.current);
    timer.current = null;
    const controller = new AbortController();
    asking.current = { controller, doc: what };
    (promise || requestAll(what, pageId, controller.signal)).then((list) => {
      if (controller.signal.aborted || asking.current?.controller !== controller) return;
      asking.current = null;
      if (list) show(list);
      if (wanted.current !== what && !timer.current) ask(wanted.current);
    });
  };
  // Asked right after the next paint: the edit's own drawing (the tree after a move, the field)
  // comes first, and the stringifying, the request and the server's render (on the same two cores
  // in the benches) do not delay it; Preact's useEffect would wait for a later frame still.
  const paint = useRef(0);
  const gone = useRef(false);
  useLayoutEffect(() => {
    if (early && early.doc === doc) {
      const { promise } = early;
      early = null;
      asking.current?.controller.abort();
      ask(doc, promise);
      return;
    }
    early = null;
    cancelAnimationFrame(paint.current);
    paint.current = requestAnimationFrame(() => setTimeout(() => {
      if (!gone.current && !asking.current) ask(wanted.current); // else asked for when the answer in flight arrives
    }, 0));
  }, [doc]);
  useEffect(() => () => {
    gone.current = true;
    cancelAnimationFrame(paint.current);
    clearTimeout(timer.current);
    asking.current?.controller.abort();
  }, []);
  return html`<section id="previews" class="panel" aria-labelledby="previews-heading" data-rendered=${stamp}>
    <h2 id="previews-heading">${label || t('preview.heading')}</h2>
    <div class="phones">${TIERS.map((tier) => html`<${Phone} key=${tier} tier=${tier} result=${results[tier]} onSelect=${onSelect} arrange=${arrange} />`)}</div>
  </section>`;
}

/**
 * Clicking a component in a preview selects it: the nearest element whose id is a component id.
 *
 * Security: the frame's sandbox is "allow-same-origin" WITHOUT "allow-scripts", so no script in
 * the previewed HTML ever runs (inline or not; the page's CSP forbids inline script as well),
 * and forms, popups and top navigation stay blocked. Same origin then grants the frame nothing,
 * since there is no code in it to use it; it only lets this page (the parent) reach
 * frame.contentDocument to listen for clicks. The listener is the builder's own code running in
 * the builder's context, and it cancels the click so a link in the preview does not navigate.
 */
function listenForClicks(frame, onSelect) {
  const doc = frame.contentDocument;
  if (!doc || !onSelect) return;
  doc.addEventListener('click', (e) => {
    const known = frame.__vkIds;
    for (let el = e.target; el && el.nodeType === 1; el = el.parentElement) {
      if (el.id && (!known || known.has(el.id))) {
        e.preventDefault();
        e.stopPropagation();
        onSelect(el.id);
        return;
      }
    }
    if (e.target.closest?.('a')) e.preventDefault();
  }, true);
}

const componentIds = (layout) => {
  const out = new Set();
  const walk = (list) => (list || []).forEach((c) => { out.add(c.id); walk(c.children); });
  walk(layout?.components);
  return out;
};

// Added to the renderer's page in the frame only: each top-level component is laid out and painted
// when it comes near the phone's screen (its size kept once known), so a 1,000-component page's
// first screen does not wait for the layout of everything below it (about 250 ms for three tiers).
// What shows on the screen is unchanged.
const CONTAIN = '<style>#venue > * { content-visibility: auto; contain-intrinsic-size: auto 480px }</style>';
const framed = (html) => {
  const head = html.indexOf('</head>');
  return head < 0 ? html : html.slice(0, head) + CONTAIN + html.slice(head);
};

/**
 * Puts `html` in the frame: the first time (or when the styles changed) written into its document,
 * parsed at once (a srcdoc navigation parsed the same page in slices between other work); afterwards
 * by changing the shown document in place. True when the document was written anew, which drops
 * every listener on it.
 */
function show(frame, html) {
  const doc = frame.contentDocument;
  if (!doc || doc.__vkHtml === html) return false;
  const page = framed(html);
  const patched = doc.__vkHtml !== undefined && patchDocument(doc, page);
  doc.__vkHtml = html;
  if (patched) return false;
  doc.open();
  doc.write(page);
  doc.close();
  return true;
}

/**
 * The images on the frame's first screen (what a phone shows before any scroll) and their bytes as
 * the frame received them (Resource Timing; images still loading count once they arrive).
 */
export function firstScreen(frame) {
  const doc = frame.contentDocument;
  const win = frame.contentWindow;
  if (!doc || !win) return null;
  const height = win.innerHeight;
  const sizes = new Map(win.performance.getEntriesByType('resource').map((e) => [e.name, e.encodedBodySize || e.transferSize || 0]));
  let images = 0;
  let bytes = 0;
  // a top-level component below the screen is not laid out (CONTAIN): asking where its images are
  // would lay it out, and they are not on the first screen anyway
  const below = new Map();
  const offScreen = (img) => {
    const top = img.closest('#venue > *');
    if (!top) return false;
    if (!below.has(top)) {
      const r = top.getBoundingClientRect();
      below.set(top, r.bottom <= 0 || r.top >= height);
    }
    return below.get(top);
  };
  for (const img of doc.images) {
    if (offScreen(img)) continue;
    const r = img.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= height || r.width === 0) continue;
    images++;
    bytes += sizes.get(img.currentSrc || img.src) || 0;
  }
  return { images, bytes };
}

function Phone({ tier, result, onSelect, arrange }) {
  // per result, not per drawing: the editor redraws on every change (a selection, a key move), and
  // measuring a 1,000-component page's layout and HTML (stringify, UTF-8) took tens of ms a time
  const b = useMemo(() => (result?.layout ? budget(result.layout, result.html, result) : null), [result]);
  const ids = useMemo(() => (result?.layout ? componentIds(result.layout) : null), [result]);
  const name = t(`preview.tier.${tier}`);
  const frame = useRef();
  const hasHtml = typeof result?.html === 'string';
  const drawn = useRef(false); // once drawn, a failed preview keeps the last good one beside its message
  drawn.current = drawn.current || hasHtml;
  useLayoutEffect(() => {
    const f = frame.current;
    if (!f || !hasHtml) return;
    // the ids that are components (the renderer's own wrappers, like main#venue, are not)
    if (ids) f.__vkIds = ids;
    if (show(f, result.html)) {
      listenForClicks(f, onSelect);
      // an image arriving later changes the bytes: count again (load does not bubble; capture it)
      f.contentDocument.addEventListener('load', measure, true);
    }
    measure();
  }, [result]);
  const [screen, setScreen] = useState(null);
  const measure = () => {
    const f = frame.current;
    if (!f || f.contentDocument?.__vkHtml === undefined) return;
    const now = firstScreen(f);
    setScreen((was) => (was && now && was.images === now.images && was.bytes === now.bytes ? was : now));
  };
  // the frame is there from the start, empty, and gets its page when the first preview comes: making
  // a frame costs tens of ms a tier, better spent while the server renders than after
  return html`<figure class="phone" data-tier=${tier}>
    <figcaption><strong>${name}</strong>${result?.saved ? html` <span class="hint">${t('preview.savedOnly')}</span>` : ''}</figcaption>
    <div class="screen-box"><iframe ref=${frame} class="preview-frame" sandbox="allow-same-origin"
      title=${t('preview.frame', { tier: name })}></iframe>
      ${arrange && drawn.current && html`<div class="drop-overlay" aria-hidden="true" ...${overlayHandlers(arrange, frame)}><div class="drop-line" hidden></div></div>`}</div>
    ${result && !result.layout && result.retryAfter && html`<p class="hint preview-waiting" role="status">${t('preview.waiting', { seconds: result.retryAfter })}</p>`}
    ${result && !result.layout && !result.retryAfter && html`<p class="error" role="alert">${t('preview.failed', { message: result.message || '' })}
      ${(result.faults || []).slice(0, 3).map((f) => html`<br />${f.pointer}: ${f.message}`)}</p>`}
    ${b && html`<p class="budget">${t('preview.budget', { json: formatBytes(b.json), html: formatBytes(b.html), images: b.images, shown: b.shown })}
      ${screen && html`<br /><span class="first-screen">${t('preview.firstScreen', { images: screen.images, bytes: formatBytes(screen.bytes) })}</span>`}</p>
      <details class="degraded" open=${b.degraded.length > 0 && b.degraded.length < 4}>
        <summary>${t('preview.degraded')} (${b.degraded.length})</summary>
        ${b.degraded.length ? html`<ul>${b.degraded.map((d) => html`<li>${d.id && onSelect
          ? html`<button type="button" class="link" onClick=${() => onSelect(d.id)}>${d.text}</button>` : d.text}</li>`)}</ul>`
          : html`<p>${t('preview.none')}</p>`}
      </details>`}
  </figure>`;
}
