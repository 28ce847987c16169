// One picture's page (#/asset/<id>): the whole picture with the detected faces, text and subject
// drawn over it (a toggle), every crop with its shape and reasons, every variant file with a
// download link, and the asset-wide focus editor (set or clear), which asks before it changes live pages.
import { api, clearFocus, follow, getAsset, retryAsset, setFocus } from './api.js';
import { formatBytes, formatNumber, formatTime, onLanguage, t } from './i18n.js';
import { assetFocus, assetName, crops, detections, phase, progress, source } from './manifest.js';
import { sourceView } from './source-view.js';
import { cropList, variantTable } from './asset-files.js';

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function describeFocus(f) {
  if (!f) return t('focus.none');
  const p = (v) => `${Math.round(v * 100)}%`;
  return f.w !== undefined && f.w !== null
    ? t('focus.box', { x: p(f.x), y: p(f.y), w: p(f.w), h: p(f.h) })
    : t('focus.point', { x: p(f.x), y: p(f.y) });
}

/** "Double 11 (double11-main) v7": a live page as the warnings name it. */
function describePage(u) {
  if (typeof u === 'string') return u;
  const named = [u.title, u.slug && `(${u.slug})`, u.version && `v${u.version}`].filter(Boolean).join(' ');
  return named || String(u.pageId || u.id || '');
}

export function assetPage(id) {
  const root = el('section', 'vk-asset');
  const abort = new AbortController();
  let asset = null;
  let showDetections = true;
  let draftFocus;
  let view = null;
  let message = { key: null, text: '', error: false };
  const off = onLanguage(() => asset && render());

  const back = el('a', 'vk-back');
  back.href = '#/';
  const body = el('div', 'vk-asset-body');
  const status = el('p', 'vk-asset-status');
  status.setAttribute('role', 'status');
  root.append(back, status, body);

  function say(key, params, error = false) {
    message = { key, params, error };
    status.textContent = key ? t(key, params) : '';
    status.classList.toggle('vk-error', error);
  }

  function sayText(text, error) {
    message = { key: null, text, error };
    status.textContent = text;
    status.classList.toggle('vk-error', error);
  }

  async function load() {
    say('library.loading');
    try {
      asset = await getAsset(id);
      say(null);
      render();
      if (asset.status !== 'ready' && asset.status !== 'failed') watch();
    } catch (e) {
      sayText(e.message, true);
    }
  }

  async function watch() {
    try {
      asset = await follow(asset, (a) => { asset = a; render(); }, { signal: abort.signal });
      if (!abort.signal.aborted) render();
    } catch (e) {
      sayText(e.message, true);
    }
  }

  function render() {
    back.textContent = t('asset.back');
    if (message.key) status.textContent = t(message.key, message.params);
    const name = assetName(asset);
    const title = el('h1', null, name);
    const facts = el('dl', 'vk-facts');
    const s = source(asset) || {};
    const add = (k, v) => {
      if (v === undefined || v === null || v === '') return;
      facts.append(el('dt', null, t(k)), el('dd', null, String(v)));
    };
    const p = phase(asset);
    add('asset.status', t(`status.${p}`) + (p !== 'ready' && p !== 'failed' ? ` (${Math.round(progress(asset) * 100)}%)` : ''));
    if (s.width) add('asset.pixels', `${formatNumber(s.width)} × ${formatNumber(s.height)}`);
    add('asset.format', s.format);
    if (s.bytes) add('asset.bytes', formatBytes(s.bytes));
    add('asset.owner', asset.owner);
    add('asset.uploaded', formatTime(asset.createdAt));
    add('asset.readyAt', formatTime(asset.readyAt));
    const found = detections(asset);
    if (found.subjectBy) add('asset.subjectBy', found.subjectBy);
    if (found.unavailable.length) add('asset.unavailable', found.unavailable.join(', '));
    const parts = [title, facts];
    if (Array.isArray(asset.notes) && asset.notes.length) {
      const notes = el('ul', 'vk-notes');
      asset.notes.forEach((n) => notes.appendChild(el('li', null, String(n))));
      parts.push(notes);
    }
    if (p === 'failed') {
      const failure = el('p', 'vk-error vk-reason', asset.failure && asset.failure.message ? asset.failure.message : t('status.failed'));
      failure.setAttribute('role', 'alert');
      const retry = el('button', 'vk-retry', t('library.retry'));
      retry.type = 'button';
      retry.addEventListener('click', async () => {
        retry.disabled = true;
        try {
          asset = await retryAsset(asset.id);
          render();
          watch();
        } catch (e) {
          sayText(e.message, true);
          retry.disabled = false;
        }
      });
      parts.push(failure, retry);
    }
    if (source(asset) && crops(asset).length) {
      parts.push(picture(found), cropList(asset), variantTable(asset));
    }
    body.replaceChildren(...parts);
  }

  function picture(found) {
    const section = el('section', 'vk-picture');
    section.setAttribute('aria-label', t('asset.picture'));
    const controls = el('div', 'vk-picture-controls');
    const toggleLabel = el('label', 'vk-toggle');
    const toggle = el('input');
    toggle.type = 'checkbox';
    toggle.id = 'vk-show-detections';
    toggle.checked = showDetections;
    toggleLabel.append(toggle, document.createTextNode(` ${t('asset.showDetections')}`));
    const legend = el('ul', 'vk-legend');
    legend.append(
      el('li', 'vk-legend-face', t('asset.faces', { n: found.faces.length })),
      el('li', 'vk-legend-text', t('asset.texts', { n: found.text.length })),
      el('li', 'vk-legend-subject', found.subject.length ? t('asset.subject') : t('asset.noSubject')),
    );
    controls.append(toggleLabel, legend);

    const shown = draftFocus !== undefined ? draftFocus : assetFocus(asset);
    view = sourceView(asset, {
      detections: showDetections, editable: true, focus: shown, width: 900,
      onFocus: (f) => {
        draftFocus = f;
        focusText.textContent = describeFocus(f);
        save.disabled = !f; // the API sets a point or a box; it has no "no focus" to send
        cancel.disabled = false;
      },
    });
    view.element.id = 'vk-source';
    toggle.addEventListener('change', () => {
      showDetections = toggle.checked;
      view.showDetections(showDetections);
    });

    const editor = el('div', 'vk-focus-editor');
    const heading = el('h2', null, t('focus.title'));
    const help = el('p', 'vk-hint', t('focus.help'));
    const focusText = el('p', 'vk-focus-text', describeFocus(shown));
    focusText.id = 'vk-focus-text';
    const save = el('button', 'primary', t('focus.save'));
    save.type = 'button';
    save.id = 'vk-focus-save';
    save.disabled = !draftFocus;
    const cancel = el('button', null, t('focus.reset'));
    cancel.type = 'button';
    cancel.disabled = draftFocus === undefined;
    cancel.addEventListener('click', () => {
      draftFocus = undefined;
      render();
    });
    save.addEventListener('click', () => confirmFocus(draftFocus));
    // taking the focus away: the crops follow the faces, text and subject again
    const clear = el('button', null, t('focus.clear'));
    clear.type = 'button';
    clear.id = 'vk-focus-clear';
    clear.hidden = !assetFocus(asset);
    clear.addEventListener('click', () => confirmFocus(null));
    editor.append(heading, help, focusText, save, cancel, clear);
    const holder = el('div', 'vk-picture-frame');
    holder.appendChild(view.element);
    if (Number(view.element.dataset.covered) < 0.995) holder.appendChild(el('p', 'vk-hint', t('asset.mosaic')));
    section.append(controls, holder, editor);
    return section;
  }

  /**
   * The focus (or clearing it, focus null) changes every page using this picture at once, published
   * ones included: ask first.
   */
  function confirmFocus(focus) {
    const clearing = !focus;
    const dialog = el('dialog', 'vk-confirm');
    dialog.id = 'vk-confirm';
    dialog.setAttribute('aria-labelledby', 'vk-confirm-title');
    const h = el('h2', null, t(clearing ? 'focus.clearTitle' : 'focus.confirmTitle'));
    h.id = 'vk-confirm-title';
    const text = el('p', null, t(clearing ? 'focus.clearLive' : 'focus.confirmLive'));
    const usesTitle = el('p', null, t('focus.livePages'));
    const list = el('ul', 'vk-uses');
    list.id = 'vk-uses';
    usesTitle.hidden = true;
    list.hidden = true;
    const parts = [h, text, usesTitle, list];
    livePages().then((uses) => {
      if (!uses) return; // the server does not say
      usesTitle.textContent = uses.length ? t('focus.livePages') : t('focus.noLivePages');
      usesTitle.hidden = false;
      list.replaceChildren(...uses.map((u) => el('li', null, describePage(u))));
      list.hidden = !uses.length;
    });
    const buttons = el('div', 'vk-dialog-buttons');
    const yes = el('button', 'primary', t(clearing ? 'focus.clearYes' : 'focus.confirmYes'));
    yes.type = 'button';
    yes.id = 'vk-confirm-yes';
    const no = el('button', null, t('focus.confirmNo'));
    no.type = 'button';
    buttons.append(no, yes);
    parts.push(buttons);
    dialog.append(...parts);
    root.appendChild(dialog);
    const close = () => { dialog.close(); dialog.remove(); };
    no.addEventListener('click', close);
    dialog.addEventListener('cancel', () => dialog.remove());
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        asset = clearing ? await clearFocus(asset.id) : await setFocus(asset.id, focus);
        draftFocus = undefined;
        close();
        const changed = Array.isArray(asset.livePagesChanged) ? asset.livePagesChanged : null;
        const done = clearing ? 'focus.cleared' : 'focus.saved';
        if (changed && changed.length) say(`${done}Live`, { n: changed.length, pages: changed.map(describePage).join(', ') });
        else say(done);
        render();
        watch();
      } catch (e) {
        close();
        sayText(e.message, true);
      }
    });
    dialog.showModal();
    no.focus();
  }

  /** The live pages an asset-wide focus changes (GET /api/assets/{id}/uses), or null when they cannot be read. */
  async function livePages() {
    try {
      const answer = await api('GET', `/api/assets/${encodeURIComponent(asset.id)}/uses`);
      return answer && Array.isArray(answer.pages) ? answer.pages : null;
    } catch (e) {
      return null;
    }
  }

  load();
  return {
    element: root,
    destroy() {
      abort.abort();
      off();
    },
  };
}
