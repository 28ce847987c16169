// The lower half of a picture's page: its crops with their reasons, and its files.
import { formatBytes, t } from './i18n.js';
import { assetName, crops, source, variantAtLeast, variants } from './manifest.js';
import { windowView } from './source-view.js';

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Every crop: its window drawn from its own file, its shape, where it sits, and why it was chosen. */
export function cropList(asset) {
  const section = el('section', 'vk-crops');
  section.id = 'vk-crops';
  section.appendChild(el('h2', null, t('asset.crops')));
  const list = el('ul', 'vk-crop-list');
  const W = source(asset).width;
  const H = source(asset).height;
  for (const c of crops(asset)) {
    const item = el('li', 'vk-crop-item');
    item.dataset.aspect = c.aspect;
    const file = variantAtLeast(asset, c.aspect, 240);
    const win = windowView(asset, c, file);
    const shape = el('strong', 'vk-crop-shape', c.aspect);
    const where = el('span', 'vk-hint', t('asset.cropWindow', {
      w: c.width, h: c.height, x: c.x, y: c.y, share: Math.round((100 * c.width * c.height) / (W * H)),
    }));
    const reasons = el('ul', 'vk-reasons');
    (c.reasons || []).forEach((r) => reasons.appendChild(el('li', 'vk-reason-kept', String(r))));
    (c.gaveWay || []).forEach((r) => reasons.appendChild(el('li', 'vk-reason-gave', t('asset.gaveWay', { rule: r }))));
    item.append(win, shape, where, reasons);
    list.appendChild(item);
  }
  section.appendChild(list);
  return section;
}

/** Every file: shape, size, format, bytes and a download link. */
export function variantTable(asset) {
  const section = el('section', 'vk-variants');
  section.appendChild(el('h2', null, t('asset.variants')));
  const table = el('table');
  table.id = 'vk-variants';
  const head = el('tr');
  ['variant.shape', 'variant.width', 'variant.format', 'variant.bytes', 'variant.file'].forEach((k) => {
    const th = el('th', null, t(k));
    th.scope = 'col';
    head.appendChild(th);
  });
  const thead = el('thead');
  thead.appendChild(head);
  const tbody = el('tbody');
  for (const v of variants(asset)) {
    const row = el('tr');
    const link = el('a', null, t('variant.download'));
    link.href = v.url;
    link.download = `${assetName(asset).replace(/\.[a-z0-9]+$/i, '')}-${String(v.shape).replace(':', 'x')}-${v.width}.${v.format === 'webp' ? 'webp' : 'jpg'}`;
    link.setAttribute('aria-label', t('variant.downloadOf', { shape: v.shape, width: v.width, format: v.format }));
    const cell = el('td');
    cell.appendChild(link);
    row.append(el('td', null, v.shape), el('td', null, `${v.width} × ${v.height}`), el('td', null, v.format),
      el('td', null, formatBytes(v.bytes)), cell);
    tbody.appendChild(row);
  }
  table.append(thead, tbody);
  section.appendChild(table);
  return section;
}
