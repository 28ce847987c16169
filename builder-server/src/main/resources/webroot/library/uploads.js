// Uploading files: a first check in the browser (type by extension and MIME, empty files), then
// one row per file with its own progress bar, the bytes going out first, then the server's
// phases (queued, analysing, encoding, ready) until the picture is ready or refused.
import { ApiError, follow, uploadFile } from './api.js';
import { t, formatBytes } from './i18n.js';
import { phase, progress } from './manifest.js';

const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff'];
const ACCEPTED_EXTENSIONS = ['jpg', 'jpeg', 'jpe', 'jfif', 'png', 'webp', 'gif', 'tif', 'tiff'];
export const ACCEPT = [...ACCEPTED_TYPES, ...ACCEPTED_EXTENSIONS.map((e) => `.${e}`)].join(',');
const NAMED = {
  svg: 'SVG', svgz: 'SVG', heic: 'HEIC', heif: 'HEIF', avif: 'AVIF', pdf: 'PDF', psd: 'Photoshop', ai: 'Illustrator',
  eps: 'EPS', bmp: 'BMP', ico: 'icon', raw: 'camera RAW', cr2: 'camera RAW', nef: 'camera RAW', dng: 'camera RAW',
  mp4: 'video', mov: 'video', zip: 'ZIP',
};

/** A refusal in the merchant's words for a file that cannot be a picture we take, else null. */
export function checkFile(file, maxBytes = null) {
  const ext = (file.name.match(/\.([^.]+)$/) || [, ''])[1].toLowerCase();
  const type = (file.type || '').toLowerCase();
  if (type === 'image/svg+xml' || ext === 'svg' || ext === 'svgz') return t('refuse.named', { kind: 'SVG' });
  if (NAMED[ext] && !ACCEPTED_EXTENSIONS.includes(ext)) return t('refuse.named', { kind: NAMED[ext] });
  if (/heic|heif/.test(type)) return t('refuse.named', { kind: 'HEIC' });
  const typeOk = ACCEPTED_TYPES.includes(type);
  const extOk = ACCEPTED_EXTENSIONS.includes(ext);
  if (!typeOk && !extOk) return t('refuse.other', { name: file.name });
  if (file.size === 0) return t('refuse.empty');
  if (maxBytes && file.size > maxBytes) return t('refuse.large', { size: formatBytes(file.size), max: formatBytes(maxBytes) });
  return null;
}

/**
 * Uploads one file and follows it, drawing a row (li) with its own progress bar.
 * hooks.onAsset(manifest) runs when the server answers and on each change after.
 */
export function uploadRow(file, hooks = {}) {
  const row = document.createElement('li');
  row.className = 'vk-upload';
  const name = document.createElement('span');
  name.className = 'vk-upload-name';
  name.textContent = file.name;
  const bar = document.createElement('progress');
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute('aria-label', t('upload.progressOf', { name: file.name }));
  const state = document.createElement('span');
  state.className = 'vk-upload-state';
  state.setAttribute('role', 'status');
  row.append(name, bar, state);
  let asset = null;

  const show = (key, params, cls) => {
    row.dataset.state = cls;
    state.textContent = t(key, params);
  };
  const refused = (message) => {
    row.dataset.state = 'refused';
    bar.remove();
    state.className = 'vk-upload-state vk-error';
    state.setAttribute('role', 'alert');
    state.textContent = message;
    if (hooks.onRefused) hooks.onRefused(message);
  };

  const problem = checkFile(file, hooks.maxBytes);
  if (problem) {
    refused(problem);
    return { element: row, done: Promise.resolve(null) };
  }

  const track = (a) => {
    asset = a;
    row.dataset.asset = a.id;
    const p = phase(a);
    // the bar's first fifth is the upload itself, the rest the server's work
    bar.value = p === 'ready' ? 1 : 0.2 + 0.8 * progress(a);
    if (p === 'failed') {
      refused(a.failure && a.failure.message ? a.failure.message : t('status.failed'));
    } else {
      show(`status.${p}`, {}, p);
    }
    if (hooks.onAsset) hooks.onAsset(a);
  };

  const send = async (attempt) => {
    try {
      return await uploadFile(file, (f) => {
        bar.value = 0.2 * f;
        show('upload.sending', { percent: Math.round(100 * f) }, 'sending');
      });
    } catch (e) {
      if (e instanceof ApiError && e.status === 429 && attempt < 5) {
        show('upload.busy', {}, 'busy');
        await new Promise((r) => setTimeout(r, 1500 * (attempt + 1)));
        return send(attempt + 1);
      }
      throw e;
    }
  };

  show('upload.sending', { percent: 0 }, 'sending');
  const done = (async () => {
    try {
      track(await send(0));
      return await follow(asset, track);
    } catch (e) {
      refused(e.status === 0 ? t('upload.network') : e.message);
      return null;
    }
  })();
  return { element: row, done };
}

const dropped = new WeakSet();

/** Makes element a drop target for files: highlights while files are over it, calls onFiles on drop. */
export function dropTarget(element, onFiles) {
  let depth = 0;
  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  element.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth += 1;
    element.classList.add('vk-dropping');
  });
  element.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  element.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) element.classList.remove('vk-dropping');
  });
  element.addEventListener('drop', (e) => {
    depth = 0;
    element.classList.remove('vk-dropping');
    if (!e.dataTransfer || !e.dataTransfer.files || !e.dataTransfer.files.length || dropped.has(e)) return;
    e.preventDefault();
    dropped.add(e); // one drop, one upload, where drop targets nest
    onFiles(Array.from(e.dataTransfer.files));
  });
}

/** A labelled file button (a real input, reachable by keyboard) that calls onFiles. */
export function fileButton(labelKey, onFiles, { multiple = true } = {}) {
  const label = document.createElement('label');
  label.className = 'vk-file-button';
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = ACCEPT;
  input.multiple = multiple;
  const text = document.createElement('span');
  label.append(input, text);
  const relabel = () => { text.textContent = t(labelKey); };
  relabel();
  input.addEventListener('change', () => {
    const files = Array.from(input.files || []);
    input.value = '';
    if (files.length) onFiles(files);
  });
  return { element: label, input, relabel };
}
