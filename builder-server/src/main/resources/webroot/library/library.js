// The library screen: the signed-in user's pictures, newest first (operators see all, merchants
// their own: the server decides), with search by file name (?q=) and "load more" (the answer's next
// cursor), both done by the server, uploads by drag and drop or file button, and each picture's live
// status (polled while queued or in work) with retry on failure.
import { api, listAssets, retryAsset } from './api.js';
import { formatBytes, formatTime, onLanguage, t } from './i18n.js';
import { assetName, phase, progress, source, thumbnail } from './manifest.js';
import { dropTarget, fileButton, uploadRow } from './uploads.js';

const PAGE = 24;
const POLL_MS = 1000;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function libraryView() {
  const root = el('section', 'vk-library');
  root.setAttribute('aria-labelledby', 'vk-library-title');
  const title = el('h1', null);
  title.id = 'vk-library-title';

  const toolbar = el('div', 'vk-toolbar');
  const searchLabel = el('label', 'vk-search');
  const searchText = el('span', 'vk-visually-hidden');
  const search = el('input');
  search.type = 'search';
  search.id = 'vk-search';
  search.autocomplete = 'off';
  searchLabel.append(searchText, search);
  const picker = fileButton('upload.choose', (files) => upload(files));
  toolbar.append(searchLabel, picker.element);

  const drop = el('div', 'vk-dropzone');
  drop.id = 'vk-dropzone';
  const dropText = el('p');
  drop.appendChild(dropText);
  const uploads = el('ul', 'vk-uploads');
  uploads.id = 'vk-uploads';
  const count = el('p', 'vk-count');
  count.setAttribute('role', 'status');
  const grid = el('ul', 'vk-grid');
  grid.id = 'vk-grid';
  const more = el('button', 'vk-more');
  more.type = 'button';
  more.id = 'vk-more';
  const problem = el('p', 'vk-error');
  problem.setAttribute('role', 'alert');
  root.append(title, toolbar, drop, uploads, problem, count, grid, more);

  const state = { assets: new Map(), next: null, q: '', loading: null, exhausted: false };
  const cards = new Map();
  let pollTimer = null;
  let generation = 0;

  function relabel() {
    title.textContent = t('library.title');
    searchText.textContent = t('library.search');
    search.placeholder = t('library.searchHint');
    picker.relabel();
    dropText.textContent = t('upload.drop');
    more.textContent = t('library.more');
    render();
  }

  dropTarget(drop, (files) => upload(files));
  dropTarget(root, (files) => upload(files));

  function upload(files) {
    for (const file of files) {
      const { element } = uploadRow(file, { onAsset: upsert });
      uploads.prepend(element);
    }
  }

  /** Adds or updates one picture (an upload's answer, a poll, a retry). */
  function upsert(asset) {
    state.assets.set(asset.id, { ...(state.assets.get(asset.id) || {}), ...asset });
    render();
  }

  function sorted() {
    const list = [...state.assets.values()];
    return list.sort((a, b) => String(b.createdAt || '').localeCompare(String(a.createdAt || '')));
  }

  function render() {
    const list = sorted();
    const keep = new Set(list.map((a) => a.id));
    for (const [id, card] of cards) {
      if (!keep.has(id)) {
        card.remove();
        cards.delete(id);
      }
    }
    list.forEach((asset, i) => {
      let card = cards.get(asset.id);
      if (!card) {
        card = el('li', 'vk-card');
        card.dataset.id = asset.id;
        cards.set(asset.id, card);
      }
      fill(card, asset);
      if (grid.children[i] !== card) grid.insertBefore(card, grid.children[i] || null);
    });
    count.textContent = list.length ? t('library.count', { n: list.length }) : (state.loading ? t('library.loading') : t('library.empty'));
    more.hidden = state.exhausted || !!state.loading;
    schedulePoll();
  }

  function fill(card, asset) {
    const p = phase(asset);
    const key = JSON.stringify([p, asset.progress, asset.stage, asset.updatedAt, asset.failure, asset.variants && asset.variants.length, document.documentElement.lang]);
    if (card.dataset.key === key) return;
    card.dataset.key = key;
    card.dataset.phase = p;
    const name = assetName(asset);
    const link = el('a', 'vk-card-link');
    link.href = `#/asset/${encodeURIComponent(asset.id)}`;
    link.setAttribute('aria-label', t('library.open', { name }));
    const thumb = thumbnail(asset);
    const placeholder = asset.placeholders && (asset.placeholders['1:1'] || Object.values(asset.placeholders)[0]);
    if (thumb) {
      const img = new Image();
      img.src = thumb.url;
      img.alt = '';
      img.loading = 'lazy';
      img.className = 'vk-thumb';
      link.appendChild(img);
    } else if (placeholder && placeholder.preview) {
      const img = new Image();
      img.src = placeholder.preview;
      img.alt = '';
      img.className = 'vk-thumb';
      link.appendChild(img);
    } else {
      link.appendChild(el('span', 'vk-thumb vk-thumb-empty', '…'));
    }
    const caption = el('div', 'vk-card-text');
    const nameEl = el('strong', 'vk-card-name', name);
    nameEl.title = name;
    caption.appendChild(nameEl);
    const s = source(asset);
    const facts = [];
    if (s && s.width) facts.push(`${s.width} × ${s.height}`);
    if (s && s.bytes) facts.push(formatBytes(s.bytes));
    if (facts.length) caption.appendChild(el('span', 'vk-card-size', facts.join(' · ')));
    if (asset.createdAt) {
      const time = el('time', 'vk-card-time', formatTime(asset.createdAt));
      time.dateTime = asset.createdAt;
      caption.appendChild(time);
    }
    if (asset.owner) caption.appendChild(el('span', 'vk-card-owner', t('library.owner', { owner: asset.owner })));
    const status = el('div', 'vk-status');
    status.dataset.phase = p;
    const label = el('span', 'vk-status-label', t(`status.${p}`));
    status.appendChild(label);
    if (p !== 'ready' && p !== 'failed') {
      const bar = el('progress');
      bar.max = 1;
      bar.value = progress(asset);
      bar.setAttribute('aria-label', t('library.progressOf', { name }));
      status.appendChild(bar);
    }
    if (p === 'failed') {
      status.appendChild(el('span', 'vk-error vk-reason', asset.failure && asset.failure.message ? asset.failure.message : ''));
      const retry = el('button', 'vk-retry', t('library.retry'));
      retry.type = 'button';
      retry.setAttribute('aria-label', t('library.retryOf', { name }));
      retry.addEventListener('click', async () => {
        retry.disabled = true;
        try {
          upsert(await retryAsset(asset.id));
        } catch (e) {
          problem.textContent = e.message;
          retry.disabled = false;
        }
      });
      status.appendChild(retry);
    }
    card.replaceChildren(link, caption, status);
  }

  /** Pictures still in work are asked after every second (the server has no push). */
  function schedulePoll() {
    if (pollTimer || !root.isConnected) return;
    const pending = [...state.assets.values()].filter((a) => a.status !== 'ready' && a.status !== 'failed');
    if (!pending.length) return;
    pollTimer = setTimeout(async () => {
      pollTimer = null;
      for (const a of pending.slice(0, 12)) {
        try {
          const fresh = await api('GET', a.statusUrl || `/api/assets/${encodeURIComponent(a.id)}`);
          if (fresh && fresh.id) state.assets.set(fresh.id, fresh);
        } catch (e) {
          if (e.status === 404) state.assets.delete(a.id);
        }
      }
      render();
    }, POLL_MS);
  }

  async function load(reset) {
    const mine = ++generation;
    if (reset) {
      state.next = null;
      state.exhausted = false;
    }
    state.loading = true;
    render();
    try {
      // the server searches (?q=, file names) and pages (the answer's next); the screen shows what it answers
      const page = await listAssets({ q: state.q, limit: PAGE, cursor: state.next });
      if (mine !== generation) return;
      if (reset) state.assets.clear();
      page.assets.forEach((a) => state.assets.set(a.id, a));
      state.next = page.next;
      state.exhausted = !page.next;
      problem.textContent = '';
    } catch (e) {
      if (mine === generation) problem.textContent = e.message;
    } finally {
      if (mine === generation) {
        state.loading = null;
        render();
      }
    }
  }

  let searchTimer = null;
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      state.q = search.value.trim();
      load(true);
    }, 250);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      clearTimeout(searchTimer);
      state.q = search.value.trim();
      load(true);
    }
  });
  more.addEventListener('click', () => load(false));
  onLanguage(relabel);
  relabel();

  return {
    element: root,
    reload: () => load(true),
    refresh: () => { render(); },
    upload,
  };
}
