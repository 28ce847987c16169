// The image field's chooser: a dialog with the pictures used recently in this browser, the
// library newest first with search and "load more", and upload (a file button, or files dropped
// on the dialog); choosing or uploading a picture calls onChoose(manifest).
import { getAsset, listAssets } from './api.js';
import { t } from './i18n.js';
import { assetName, phase, thumbnail } from './manifest.js';
import { dropTarget, fileButton, uploadRow } from './uploads.js';

const RECENT_KEY = 'venuekit.recentAssets';
const PAGE = 24;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function recent() {
  try {
    const ids = JSON.parse(localStorage.getItem(RECENT_KEY) || '[]');
    return Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : [];
  } catch (e) {
    return [];
  }
}

/** Puts a chosen picture first among the recently used (eight at most). */
export function remember(id) {
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify([id, ...recent().filter((r) => r !== id)].slice(0, 8)));
  } catch (e) {
    // storage blocked: no recent list
  }
}

/** The dialog: {element, open(), relabel()}; aspect() names the slot's shape, for the thumbnails and title. */
export function chooserDialog({ uid, aspect, onChoose }) {
  const element = el('dialog', 'vkp-dialog');
  const titleId = `${uid}-dialog-title`;
  element.setAttribute('aria-labelledby', titleId);
  const title = el('h2');
  title.id = titleId;
  const searchLabel = el('label', 'vkp-search');
  const searchText = el('span');
  const search = el('input');
  search.type = 'search';
  searchLabel.append(searchText, search);
  const upload = fileButton('picker.upload', (files) => uploadFiles(files), { multiple: false });
  const uploads = el('ul', 'vk-uploads');
  const recentTitle = el('h3');
  const recentList = el('ul', 'vkp-results vkp-recent');
  const allTitle = el('h3');
  const results = el('ul', 'vkp-results vkp-all');
  const status = el('p', 'vkp-list-status');
  status.setAttribute('role', 'status');
  const more = el('button', 'vkp-more');
  more.type = 'button';
  const close = el('button', 'vkp-close');
  close.type = 'button';
  const top = el('div', 'vkp-dialog-top');
  top.append(title, close);
  const tools = el('div', 'vkp-tools');
  tools.append(searchLabel, upload.element);
  element.append(top, tools, uploads, recentTitle, recentList, allTitle, results, status, more);
  const list = { q: '', next: null, assets: [], generation: 0 };

  const option = (asset) => {
    const li = el('li');
    const button = el('button', 'vkp-option');
    button.type = 'button';
    button.dataset.id = asset.id;
    const thumb = thumbnail(asset, aspect()) || thumbnail(asset);
    if (thumb) button.appendChild(Object.assign(new Image(), { src: thumb.url, alt: '', loading: 'lazy' }));
    else button.appendChild(el('span', 'vkp-empty', '…'));
    button.appendChild(el('span', 'vkp-option-name', assetName(asset)));
    if (asset.status !== 'ready') button.appendChild(el('span', 'vkp-status', t(`status.${phase(asset)}`)));
    button.setAttribute('aria-label', t('picker.pick', { name: assetName(asset) }));
    button.disabled = asset.status === 'failed';
    button.addEventListener('click', () => {
      element.close();
      onChoose(asset);
    });
    li.appendChild(button);
    return li;
  };

  const showList = () => {
    results.replaceChildren(...list.assets.map(option));
    status.textContent = list.assets.length ? '' : t(list.q ? 'picker.noMatch' : 'library.empty');
    more.hidden = !list.next;
  };

  const load = async (reset) => {
    const mine = ++list.generation;
    if (reset) {
      list.next = null;
      list.assets = [];
    }
    status.textContent = t('library.loading');
    try {
      // the server searches file names (?q=) and pages by cursor (next)
      const page = await listAssets({ q: list.q, limit: PAGE, cursor: list.next });
      if (mine !== list.generation) return;
      const known = new Set(list.assets.map((a) => a.id));
      list.assets = list.assets.concat(page.assets.filter((a) => !known.has(a.id)));
      list.next = page.next;
      showList();
    } catch (e) {
      if (mine === list.generation) status.textContent = e.message;
    }
  };

  const loadRecent = async () => {
    const ids = recent();
    recentTitle.hidden = !ids.length;
    recentList.hidden = !ids.length;
    const found = await Promise.all(ids.map((id) => getAsset(id).catch(() => null)));
    recentList.replaceChildren(...found.filter((a) => a && a.status !== 'failed').map(option));
    recentTitle.hidden = !recentList.children.length;
    recentList.hidden = !recentList.children.length;
  };

  const uploadFiles = (files) => {
    for (const file of files) {
      let chosen = false;
      const row = uploadRow(file, {
        onAsset: (a) => {
          if (!chosen) {
            chosen = true;
            element.close();
            onChoose(a);
          }
        },
      });
      uploads.prepend(row.element);
    }
  };
  dropTarget(element, uploadFiles);

  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { list.q = search.value.trim(); load(true); }, 250);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(timer);
      list.q = search.value.trim();
      load(true);
    }
  });
  more.addEventListener('click', () => load(false));
  close.addEventListener('click', () => element.close());

  return {
    element,
    open: () => {
      element.showModal();
      search.focus();
      load(true);
      loadRecent();
    },
    relabel: () => {
      title.textContent = t('picker.dialogTitle', { aspect: aspect() });
      searchText.textContent = t('library.search');
      search.placeholder = t('library.searchHint');
      upload.relabel();
      recentTitle.textContent = t('picker.recent');
      allTitle.textContent = t('picker.all');
      more.textContent = t('library.more');
      close.textContent = t('picker.close');
    },
  };
}
