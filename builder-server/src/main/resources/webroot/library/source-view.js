// The whole picture in the source's own coordinates, with the detections, a crop window and the
// focus drawn over it, and (when editable) a focus editor: click for a point, drag for a box,
// arrow keys to move it. Used by the image's page and by the image picker.
//
// The picture is the manifest's whole-picture file ("original": upright, about 1200 px on the long
// side). A manifest from before that file was made has only crops: each crop's file is then laid
// where its window sits in the source, so together they show all the picture the crops cover (what
// no crop covers stays hatched) until the asset is processed again.
import { crops, detections, source, variantAtLeast, wholeImage } from './manifest.js';
import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const DRAG_PX = 6;
let ids = 0;

function pct(v, of) {
  return `${(100 * v) / of}%`;
}

function svg(name, attrs) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const clamp01 = (v) => Math.min(1, Math.max(0, v));

/** The focus after a key press, or undefined when the key does nothing. */
function keyed(focus, key, big) {
  const step = big ? 0.1 : 0.02;
  const f = focus ? { ...focus } : { x: 0.5, y: 0.5 };
  const box = f.w !== undefined && f.w !== null;
  switch (key) {
    case 'ArrowLeft': f.x -= step; break;
    case 'ArrowRight': f.x += step; break;
    case 'ArrowUp': f.y -= step; break;
    case 'ArrowDown': f.y += step; break;
    case '+': case '=':
      if (!box) { f.w = 0.2; f.h = 0.2; f.x -= 0.1; f.y -= 0.1; } else { f.w += step; f.h += step; }
      break;
    case '-':
      if (box) { f.w -= step; f.h -= step; }
      break;
    default:
      return undefined;
  }
  if (box || f.w !== undefined) {
    f.w = Math.min(1, Math.max(0.02, f.w));
    f.h = Math.min(1, Math.max(0.02, f.h));
    f.x = Math.min(Math.max(0, f.x), 1 - f.w);
    f.y = Math.min(Math.max(0, f.y), 1 - f.h);
  } else {
    f.x = clamp01(f.x);
    f.y = clamp01(f.y);
  }
  return round(f);
}

function round(f) {
  const r = (v) => Math.round(v * 10000) / 10000;
  const out = { x: r(f.x), y: r(f.y) };
  if (f.w !== undefined && f.w !== null) {
    out.w = Math.min(r(f.w), r(1 - out.x));
    out.h = Math.min(r(f.h), r(1 - out.y));
  }
  return out;
}

/** The share of the picture that at least one crop covers, sampled on a 40 × 40 grid. */
function covered(windows, W, H) {
  let hits = 0;
  for (let i = 0; i < 40; i++) {
    for (let j = 0; j < 40; j++) {
      const x = ((i + 0.5) * W) / 40;
      const y = ((j + 0.5) * H) / 40;
      if (windows.some((c) => x >= c.x && x < c.x + c.width && y >= c.y && y < c.y + c.height)) hits += 1;
    }
  }
  return hits / 1600;
}

/**
 * @param asset a manifest with source, crops and variants
 * @param options {detections, crop, focus, editable, onFocus(focus), label, width (px the view is drawn at)}
 */
export function sourceView(asset, options = {}) {
  const s = source(asset);
  const W = (s && s.width) || 1;
  const H = (s && s.height) || 1;
  const root = document.createElement('div');
  root.className = 'vk-source';
  root.style.aspectRatio = `${W} / ${H}`;
  const layers = document.createElement('div');
  layers.className = 'vk-layers';
  root.appendChild(layers);

  const whole = wholeImage(asset);
  const drawAt = options.width || 720;
  if (whole) {
    const img = new Image();
    img.src = whole.url;
    img.alt = '';
    img.className = 'vk-layer vk-whole';
    img.dataset.shape = 'original';
    place(img, { x: 0, y: 0, width: W, height: H });
    layers.appendChild(img);
  } else {
    const windows = crops(asset).slice().sort((a, b) => b.width * b.height - a.width * a.height);
    for (const c of windows) {
      const file = variantAtLeast(asset, c.aspect, Math.round((drawAt * c.width) / W));
      if (!file) continue;
      const img = new Image();
      img.src = file.url;
      img.alt = '';
      img.className = 'vk-layer';
      img.dataset.shape = c.aspect;
      place(img, c);
      layers.appendChild(img);
    }
  }

  root.dataset.covered = String(whole ? 1 : covered(crops(asset), W, H));

  const overlay = svg('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', class: 'vk-overlay', 'aria-hidden': 'true' });
  const found = detections(asset);
  const detectionGroup = svg('g', { class: 'vk-detections' });
  for (const [kind, boxes] of [['subject', found.subject], ['text', found.text], ['face', found.faces]]) {
    for (const b of boxes) {
      const rect = svg('rect', { x: b.x, y: b.y, width: b.w, height: b.h, class: `vk-box vk-${kind}`, 'vector-effect': 'non-scaling-stroke' });
      rect.dataset.kind = kind;
      detectionGroup.appendChild(rect);
    }
  }
  overlay.appendChild(detectionGroup);
  const cropGroup = svg('g', { class: 'vk-crop' });
  overlay.appendChild(cropGroup);
  const focusGroup = svg('g', { class: 'vk-focus' });
  overlay.appendChild(focusGroup);
  root.appendChild(overlay);

  let focus = options.focus || null;
  let crop = options.crop || null;

  function place(el, c) {
    el.style.left = pct(c.x, W);
    el.style.top = pct(c.y, H);
    el.style.width = pct(c.width, W);
    el.style.height = pct(c.height, H);
  }

  function drawCrop() {
    cropGroup.replaceChildren();
    if (!crop) return;
    // the parts outside the crop dimmed, the window outlined
    const d = `M0 0H${W}V${H}H0Z M${crop.x} ${crop.y}v${crop.height}h${crop.width}v${-crop.height}Z`;
    cropGroup.appendChild(svg('path', { d, class: 'vk-crop-shade', 'fill-rule': 'evenodd' }));
    cropGroup.appendChild(svg('rect', { x: crop.x, y: crop.y, width: crop.width, height: crop.height,
      class: crop.estimated ? 'vk-crop-window vk-estimated' : 'vk-crop-window', 'vector-effect': 'non-scaling-stroke' }));
  }

  function drawFocus(f = focus, draft = false) {
    focusGroup.replaceChildren();
    root.dataset.focus = f ? JSON.stringify(f) : '';
    if (!f) return;
    const cls = draft ? 'vk-focus-mark vk-draft' : 'vk-focus-mark';
    if (f.w !== undefined && f.w !== null) {
      focusGroup.appendChild(svg('rect', { x: f.x * W, y: f.y * H, width: f.w * W, height: f.h * H, class: cls,
        'vector-effect': 'non-scaling-stroke' }));
    } else {
      const r = Math.max(W, H) * 0.02;
      focusGroup.appendChild(svg('circle', { cx: f.x * W, cy: f.y * H, r, class: cls, 'vector-effect': 'non-scaling-stroke' }));
      focusGroup.appendChild(svg('circle', { cx: f.x * W, cy: f.y * H, r: r / 4, class: `${cls} vk-dot` }));
    }
  }

  function showDetections(on) {
    root.classList.toggle('vk-show-detections', !!on);
  }

  showDetections(options.detections);
  drawCrop();
  drawFocus();

  if (options.editable) {
    root.tabIndex = 0;
    root.classList.add('vk-editable');
    root.setAttribute('role', 'application');
    const hintId = `vk-source-hint-${++ids}`;
    const hint = document.createElement('p');
    hint.id = hintId;
    hint.className = 'vk-visually-hidden';
    root.appendChild(hint);
    root.setAttribute('aria-describedby', hintId);
    const label = () => {
      root.setAttribute('aria-label', options.label || t('focus.editor'));
      hint.textContent = t('focus.howto');
    };
    label();
    root.vkRelabel = label;

    let start = null;
    const at = (e) => {
      const r = root.getBoundingClientRect();
      return { x: clamp01((e.clientX - r.left) / r.width), y: clamp01((e.clientY - r.top) / r.height), px: e.clientX, py: e.clientY };
    };
    const fromDrag = (a, b) => {
      if (Math.hypot(b.px - a.px, b.py - a.py) < DRAG_PX) return round({ x: a.x, y: a.y });
      const x = Math.min(a.x, b.x);
      const y = Math.min(a.y, b.y);
      return round({ x, y, w: Math.max(0.01, Math.abs(b.x - a.x)), h: Math.max(0.01, Math.abs(b.y - a.y)) });
    };
    root.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      e.preventDefault();
      root.focus();
      start = at(e);
      if (root.setPointerCapture && e.pointerId !== undefined) {
        try { root.setPointerCapture(e.pointerId); } catch (err) { /* a synthetic pointer */ }
      }
    });
    root.addEventListener('pointermove', (e) => {
      if (start) drawFocus(fromDrag(start, at(e)), true);
    });
    const finish = (e) => {
      if (!start) return;
      const f = fromDrag(start, at(e));
      start = null;
      focus = f;
      drawFocus();
      if (options.onFocus) options.onFocus(f);
    };
    root.addEventListener('pointerup', finish);
    root.addEventListener('pointercancel', () => { start = null; drawFocus(); });
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Delete' || e.key === 'Backspace') {
        if (!focus) return;
        e.preventDefault();
        focus = null;
        drawFocus();
        if (options.onFocus) options.onFocus(null);
        return;
      }
      const f = keyed(focus, e.key, e.shiftKey);
      if (f === undefined) return;
      e.preventDefault();
      focus = f;
      drawFocus();
      if (options.onFocus) options.onFocus(f);
    });
  }

  return {
    element: root,
    showDetections,
    setFocus(f) { focus = f || null; drawFocus(); },
    setCrop(c) { crop = c || null; drawCrop(); },
    focus: () => focus,
    relabel() { if (root.vkRelabel) root.vkRelabel(); },
  };
}

/**
 * A crop window of the picture, filling an element of that window's shape: the crop's own file
 * when the server made one for exactly this window, else the source view scaled and shifted so
 * only the window shows.
 */
export function windowView(asset, crop, file) {
  const box = document.createElement('div');
  box.className = 'vk-window';
  box.style.aspectRatio = `${crop.width} / ${crop.height}`;
  if (file && !crop.estimated) {
    const img = new Image();
    img.src = file.url;
    img.alt = '';
    box.appendChild(img);
    return box;
  }
  const s = source(asset);
  const inner = sourceView(asset, { width: 480 }).element;
  inner.classList.add('vk-windowed');
  inner.style.width = `${(100 * s.width) / crop.width}%`;
  inner.style.left = `${(-100 * crop.x) / crop.width}%`;
  inner.style.top = `${(-100 * crop.y) / crop.height}%`;
  box.appendChild(inner);
  return box;
}
