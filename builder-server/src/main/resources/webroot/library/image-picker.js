// The image field for the builder: <vk-image-picker aspect="2:1" label="Hero image">, or
// mountImagePicker(element, {aspect, value, label, onChange}). It shows the crop for the slot's
// shape right in the field, picks from the library (recently used, newest first, search),
// uploads from there, and sets this use's focus: click for a point, drag for a box, or arrow keys.
// With a focus of its own the field shows the crop the server makes for that use (GET
// /api/assets/{id}/crops/{shape}?x=&y=[&w=&h=], the one the page gets once saved), and an estimate
// only while the server makes it. Every change fires a bubbling "change" CustomEvent whose detail is {asset, focus}, the value
// of a page's image prop; value reads and sets the same.
import { follow, getAsset, useCrop } from './api.js';
import { onLanguage, t } from './i18n.js';
import { assetFocus, assetName, cropFor, estimateCrop, phase, ratio, source, thumbnail, variantAtLeast } from './manifest.js';
import { chooserDialog, remember } from './picker-dialog.js';
import { sourceView, windowView } from './source-view.js';

/** The builder hands over its session ({csrf, name, role}) so both send the same CSRF token. */
export { adoptSession } from './api.js';

let instances = 0;

function stylesheet() {
  const href = new URL('./picker.css', import.meta.url).href;
  if (![...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href === href)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
  }
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function sameFocus(a, b) {
  return JSON.stringify(a || null) === JSON.stringify(b || null);
}

/**
 * The window the slot shows before the server has answered for this use's focus: an estimate for a
 * focus, else the asset-wide crop of the shape from the manifest.
 */
export function cropForUse(asset, aspect, focus) {
  const s = source(asset);
  const r = ratio(aspect);
  if (!s || !s.width || !r) return null;
  if (focus) return estimateCrop(s.width, s.height, r, focus);
  return cropFor(asset, aspect) || estimateCrop(s.width, s.height, r, assetFocus(asset) || { x: 0.5, y: 0.5 });
}

/** How long the focus must rest before the server is asked for its crop (arrow keys move it in steps). */
const ASK_AFTER_MS = 300;
/** How often a crop being made is asked for again (the server's Retry-After). */
const PENDING_MS = 1000;
const KEPT_CROPS = 32;

export class ImagePicker extends HTMLElement {
  static get observedAttributes() {
    return ['aspect', 'label'];
  }

  constructor() {
    super();
    this.state = { value: null, asset: null, error: null, editing: false };
    this.abort = null;
    this.uid = `vkp-${++instances}`;
    this.crops = new Map(); // asset|shape|focus -> {status: 'asking'|'ready'|'failed', crop, variants, reason}
    this.cropKey = null;
    this.cropTimer = null;
  }

  get aspect() {
    return this.getAttribute('aspect') || '1:1';
  }

  set aspect(v) {
    this.setAttribute('aspect', v);
  }

  /** {asset, focus} or null. */
  get value() {
    return this.state.value ? { ...this.state.value } : null;
  }

  set value(v) {
    const next = v && v.asset ? { asset: String(v.asset), focus: v.focus || null } : null;
    const changedAsset = (next && next.asset) !== (this.state.value && this.state.value.asset);
    this.state.value = next;
    if (changedAsset) this.loadAsset();
    else this.render();
  }

  /** The chosen picture's manifest, once loaded. */
  get manifest() {
    return this.state.asset;
  }

  connectedCallback() {
    stylesheet();
    if (!this.built) this.build();
    this.offLanguage = onLanguage(() => this.render());
    this.render();
  }

  disconnectedCallback() {
    if (this.offLanguage) this.offLanguage();
    if (this.abort) this.abort.abort();
    clearTimeout(this.cropTimer);
    this.cropKey = null;
  }

  /**
   * The server's crop for this use's focus: known, or asked for once the focus has rested. Only the
   * latest focus is asked for; an answer for an older one is kept for when the focus comes back.
   */
  serverCrop(asset, focus) {
    const key = `${asset.id}|${this.aspect}|${JSON.stringify(focus)}`;
    const changed = this.cropKey !== key;
    this.cropKey = key;
    const known = this.crops.get(key);
    if (known && known.status !== 'asking') return known;
    if (changed || !known) {
      this.crops.delete(key);
      this.crops.set(key, { status: 'asking' });
      while (this.crops.size > KEPT_CROPS) this.crops.delete(this.crops.keys().next().value);
      this.askCrop(key, asset.id, this.aspect, focus, ASK_AFTER_MS);
    }
    return this.crops.get(key);
  }

  askCrop(key, id, aspect, focus, delay) {
    clearTimeout(this.cropTimer);
    this.cropTimer = setTimeout(async () => {
      if (this.cropKey !== key) return;
      let next = null;
      try {
        const answer = await useCrop(id, aspect, focus);
        if (answer && answer.status === 'ready' && answer.crop) {
          next = { status: 'ready', crop: answer.crop, variants: Array.isArray(answer.variants) ? answer.variants : [] };
        } else if (this.cropKey === key) {
          this.askCrop(key, id, aspect, focus, PENDING_MS); // being made: ask again
        }
      } catch (e) {
        next = { status: 'failed', reason: e.message };
      }
      if (next) {
        this.crops.delete(key);
        this.crops.set(key, next);
        while (this.crops.size > KEPT_CROPS) this.crops.delete(this.crops.keys().next().value);
      }
      if (next && this.cropKey === key) this.render();
    }, delay);
  }

  attributeChangedCallback() {
    if (this.built) this.render();
  }

  build() {
    this.built = true;
    this.classList.add('vkp');
    this.field = el('div', 'vkp-field');
    this.field.setAttribute('role', 'group');
    this.legend = el('span', 'vkp-label');
    this.legend.id = `${this.uid}-label`;
    this.field.setAttribute('aria-labelledby', this.legend.id);
    this.preview = el('div', 'vkp-preview');
    this.meta = el('div', 'vkp-meta');
    this.note = el('p', 'vkp-note');
    this.note.setAttribute('role', 'status');
    const actions = el('div', 'vkp-actions');
    this.chooseButton = el('button', 'vkp-choose');
    this.focusButton = el('button', 'vkp-focus-toggle');
    this.clearFocusButton = el('button', 'vkp-clear-focus');
    this.removeButton = el('button', 'vkp-remove');
    for (const b of [this.chooseButton, this.focusButton, this.clearFocusButton, this.removeButton]) {
      b.type = 'button';
      actions.appendChild(b);
    }
    this.focusPane = el('div', 'vkp-focus');
    this.focusPane.hidden = true;
    this.field.append(this.legend, this.preview, this.meta, this.note, actions, this.focusPane);
    this.appendChild(this.field);
    this.dialog = chooserDialog({
      uid: this.uid,
      aspect: () => this.aspect,
      onChoose: (asset) => {
        this.choose(asset);
        this.chooseButton.focus();
      },
    });
    this.appendChild(this.dialog.element);
    // the inner inputs' own change and input events stay inside: the field's change is {asset, focus}
    for (const inner of [this.field, this.dialog.element]) {
      inner.addEventListener('change', (e) => e.stopPropagation());
      inner.addEventListener('input', (e) => e.stopPropagation());
    }

    this.chooseButton.addEventListener('click', () => this.dialog.open());
    this.focusButton.addEventListener('click', () => {
      this.state.editing = !this.state.editing;
      this.render();
      if (this.state.editing) this.focusPane.querySelector('.vk-source')?.focus();
    });
    this.clearFocusButton.addEventListener('click', () => this.update({ focus: null }));
    this.removeButton.addEventListener('click', () => {
      this.state.asset = null;
      this.state.editing = false;
      this.state.value = null;
      this.emit();
      this.render();
      this.chooseButton.focus();
    });
  }

  update(change) {
    if (!this.state.value) return;
    const next = { ...this.state.value, ...change };
    if (sameFocus(next.focus, this.state.value.focus) && next.asset === this.state.value.asset) return;
    this.state.value = next;
    this.emit();
    this.render();
  }

  emit() {
    this.dispatchEvent(new CustomEvent('change', { bubbles: true, detail: this.value || { asset: null, focus: null } }));
  }

  choose(asset) {
    remember(asset.id);
    this.state.value = { asset: asset.id, focus: null };
    this.state.asset = asset;
    this.state.error = null;
    this.emit();
    this.follow();
    this.render();
  }

  async loadAsset() {
    if (this.abort) this.abort.abort();
    this.state.asset = null;
    this.state.error = null;
    this.render();
    const value = this.state.value;
    if (!value) return;
    try {
      const asset = await getAsset(value.asset);
      if (this.state.value !== value && (!this.state.value || this.state.value.asset !== value.asset)) return;
      this.state.asset = asset;
      this.follow();
    } catch (e) {
      this.state.error = e.message;
    }
    this.render();
  }

  follow() {
    if (this.abort) this.abort.abort();
    const asset = this.state.asset;
    if (!asset || asset.status === 'ready' || asset.status === 'failed') return;
    this.abort = new AbortController();
    const id = asset.id;
    follow(asset, (a) => {
      if (this.state.asset && this.state.asset.id === id) {
        this.state.asset = a;
        this.render();
      }
    }, { signal: this.abort.signal }).then((a) => {
      if (this.state.asset && this.state.asset.id === id && a) {
        this.state.asset = a;
        this.render();
      }
    }, () => {});
  }

  render() {
    if (!this.built) return;
    const label = this.getAttribute('label') || t('picker.label');
    this.legend.textContent = `${label} (${this.aspect})`;
    const { value, asset } = this.state;
    this.chooseButton.textContent = value ? t('picker.change') : t('picker.choose');
    this.chooseButton.setAttribute('aria-label', `${value ? t('picker.change') : t('picker.choose')}: ${label}`);
    this.focusButton.textContent = this.state.editing ? t('picker.focusDone') : t('picker.focus');
    this.focusButton.setAttribute('aria-expanded', String(this.state.editing));
    this.clearFocusButton.textContent = t('picker.clearFocus');
    this.removeButton.textContent = t('picker.remove');
    const ready = asset && asset.status === 'ready' && source(asset);
    this.focusButton.hidden = !ready;
    this.clearFocusButton.hidden = !ready || !(value && value.focus);
    this.removeButton.hidden = !value;
    this.dialog.relabel();

    this.meta.replaceChildren();
    this.note.textContent = '';
    this.note.classList.remove('vk-error');
    if (!value) {
      this.preview.replaceChildren(el('span', 'vkp-empty', t('picker.empty')));
      this.focusPane.hidden = true;
      this.dataset.state = 'empty';
      return;
    }
    if (this.state.error) {
      this.preview.replaceChildren(el('span', 'vkp-empty', '!'));
      this.note.textContent = this.state.error;
      this.note.classList.add('vk-error');
      this.dataset.state = 'error';
      return;
    }
    if (!asset) {
      this.preview.replaceChildren(el('span', 'vkp-empty', t('library.loading')));
      this.dataset.state = 'loading';
      return;
    }
    this.meta.append(el('strong', null, assetName(asset)), el('span', 'vkp-status', t(`status.${phase(asset)}`)));
    if (!ready) {
      const thumb = thumbnail(asset);
      this.preview.replaceChildren(thumb ? Object.assign(new Image(), { src: thumb.url, alt: '' }) : el('span', 'vkp-empty', '…'));
      if (asset.status === 'failed' && asset.failure) {
        this.note.textContent = asset.failure.message;
        this.note.classList.add('vk-error');
      }
      this.focusPane.hidden = true;
      this.dataset.state = asset.status;
      return;
    }
    this.dataset.state = 'ready';
    let crop;
    let file = null;
    let note = asset.focus ? t('picker.assetFocusNote') : '';
    if (value.focus) {
      const server = this.serverCrop(asset, value.focus);
      if (server.status === 'ready') {
        crop = server.crop;
        file = variantAtLeast({ variants: server.variants }, this.aspect, 480);
        note = t('picker.useFocusNote');
      } else {
        crop = cropForUse(asset, this.aspect, value.focus);
        note = server.status === 'failed' ? t('picker.cropFailed', { reason: server.reason }) : t('picker.cropPending');
      }
    } else {
      this.cropKey = null;
      clearTimeout(this.cropTimer);
      crop = cropForUse(asset, this.aspect, null);
      file = crop && !crop.estimated ? variantAtLeast(asset, this.aspect, 480) : null;
    }
    // 'server': the window and file the page gets; 'estimate': this page's guess while the server makes it
    this.dataset.crop = crop.estimated ? 'estimate' : 'server';
    const win = windowView(asset, crop, file);
    win.classList.add('vkp-crop');
    win.dataset.crop = JSON.stringify({ x: crop.x, y: crop.y, width: crop.width, height: crop.height });
    win.setAttribute('role', 'img');
    win.setAttribute('aria-label', t('picker.cropOf', { aspect: this.aspect, name: assetName(asset) }));
    this.preview.replaceChildren(win);
    this.note.textContent = note;
    this.focusPane.hidden = !this.state.editing;
    if (this.state.editing) {
      const view = sourceView(asset, {
        editable: true, focus: value.focus, crop, width: 640,
        label: t('picker.focusEditor', { aspect: this.aspect }),
        onFocus: (f) => this.update({ focus: f }),
      });
      const hadFocus = this.focusPane.contains(document.activeElement);
      this.focusPane.replaceChildren(el('p', 'vk-hint', t('focus.howto')), view.element);
      if (hadFocus) view.element.focus();
    }
  }
}

if (!customElements.get('vk-image-picker')) customElements.define('vk-image-picker', ImagePicker);

/**
 * Mounts a picker into element: options {aspect, label, value: {asset, focus}, onChange(value)}.
 * Returns the <vk-image-picker> element.
 */
export function mountImagePicker(element, options = {}) {
  const picker = document.createElement('vk-image-picker');
  if (options.aspect) picker.setAttribute('aspect', options.aspect);
  if (options.label) picker.setAttribute('label', options.label);
  element.appendChild(picker);
  if (options.value) picker.value = options.value;
  if (options.onChange) picker.addEventListener('change', (e) => options.onChange(e.detail));
  return picker;
}
