// Three phones side by side (low, mid, high), each the real renderer's output for the document
// as it is in the browser (POST /api/preview), with the tier's budget and its degradations.
import { html, useState, useEffect, useRef } from '../lib.js';
import { preview } from '../api.js';
import { t, formatBytes } from '../i18n/i18n.js';

export const TIERS = ['low', 'mid', 'high'];
const DELAY_MS = 40;

const utf8 = (s) => new TextEncoder().encode(s || '').length;

/** What a layout payload costs and shows: sizes, images, components, degradations. */
export function budget(layout, htmlText) {
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
  return { json: layout ? utf8(JSON.stringify(layout)) : 0, html: utf8(htmlText), images, shown, degraded };
}

function describe(d, id) {
  if (typeof d === 'string') return d;
  const who = d.componentId || d.component || id;
  return d.message || [who, d.kind || d.action, d.detail || ''].filter(Boolean).join(' ');
}

// The first previews are asked for as soon as the page is read (Editing.load), so the server
// renders them while the browser draws the tree; Previews takes them if the document is the same.
let early = null; // {doc, promise}

const requestAll = (doc, pageId, signal) => {
  const body = { ...doc, id: pageId };
  return Promise.all(TIERS.map((tier) => preview(body, tier, { pageId, signal })
    .catch((e) => (e.name === 'AbortError' ? null : { message: e.message, faults: [] }))));
};

export function prefetchPreviews(doc, pageId) {
  early = { doc, promise: requestAll(doc, pageId) };
}

export function Previews({ doc, pageId, label, onSelect }) {
  const [results, setResults] = useState({});
  const [stamp, setStamp] = useState(0);
  const timer = useRef();
  const abort = useRef();
  useEffect(() => {
    clearTimeout(timer.current);
    const show = (controller, list) => {
      if (controller.signal.aborted) return;
      const next = {};
      TIERS.forEach((tier, i) => { next[tier] = list[i]; });
      setResults(next);
      setStamp((n) => n + 1);
    };
    if (early && early.doc === doc) {
      const { promise } = early;
      early = null;
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      promise.then((list) => show(controller, list));
      return;
    }
    early = null;
    timer.current = setTimeout(() => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      requestAll(doc, pageId, controller.signal).then((list) => show(controller, list));
    }, DELAY_MS);
  }, [doc]);
  useEffect(() => () => { clearTimeout(timer.current); abort.current?.abort(); }, []);
  return html`<section id="previews" class="panel" aria-labelledby="previews-heading" data-rendered=${stamp}>
    <h2 id="previews-heading">${label || t('preview.heading')}</h2>
    <div class="phones">${TIERS.map((tier) => html`<${Phone} key=${tier} tier=${tier} result=${results[tier]} onSelect=${onSelect} />`)}</div>
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
  if (!doc || !onSelect || doc.__vkClicks) return;
  doc.__vkClicks = true;
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

function Phone({ tier, result, onSelect }) {
  const b = result?.layout ? budget(result.layout, result.html) : null;
  const name = t(`preview.tier.${tier}`);
  const frame = useRef();
  // the ids that are components (the renderer's own wrappers, like main#venue, are not)
  if (frame.current && result?.layout) frame.current.__vkIds = componentIds(result.layout);
  return html`<figure class="phone" data-tier=${tier}>
    <figcaption><strong>${name}</strong>${result?.saved ? html` <span class="hint">${t('preview.savedOnly')}</span>` : ''}</figcaption>
    <div class="screen-box"><iframe ref=${frame} class="preview-frame" sandbox="allow-same-origin" title=${t('preview.frame', { tier: name })}
      srcdoc=${result?.html || ''} onLoad=${(e) => listenForClicks(e.currentTarget, onSelect)}></iframe></div>
    ${result && !result.layout && html`<p class="error" role="alert">${t('preview.failed', { message: result.message || '' })}
      ${(result.faults || []).slice(0, 3).map((f) => html`<br />${f.pointer}: ${f.message}`)}</p>`}
    ${b && html`<p class="budget">${t('preview.budget', { json: formatBytes(b.json), html: formatBytes(b.html), images: b.images, shown: b.shown })}</p>
      <details class="degraded" open=${b.degraded.length > 0 && b.degraded.length < 4}>
        <summary>${t('preview.degraded')} (${b.degraded.length})</summary>
        ${b.degraded.length ? html`<ul>${b.degraded.map((d) => html`<li>${d.id && onSelect
          ? html`<button type="button" class="link" onClick=${() => onSelect(d.id)}>${d.text}</button>` : d.text}</li>`)}</ul>`
          : html`<p>${t('preview.none')}</p>`}
      </details>`}
  </figure>`;
}
