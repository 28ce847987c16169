// The palette: component types grouped by category, with icons, descriptions and a search box.
// Items are dragged (SortableJS, cloning) into the tree, or added with a click / Enter.
import { html, useState, useEffect, useRef } from '../lib.js';
import { lazySortable } from './lazy-sortable.js';
import { t, category } from '../i18n/i18n.js';

// The schemas name Material icons; no icon font is shipped, so each gets a glyph.
const ICONS = {
  bookmarks: '⚑', view_carousel: '◫', timer: '◷', local_offer: '✂', panorama: '▬', image: '▣',
  live_tv: '◉', casino: '♦', shopping_bag: '⊡', grid_view: '▦', dynamic_feed: '☷', notes: '¶',
  view_agenda: '▤', storefront: '⌂', view_in_ar: '◈', horizontal_rule: '―', tab: '⊟', smart_display: '▶',
};
export const iconFor = (name) => ICONS[name] || '◻';

export const DRAG_GROUP = 'components';

export function PaletteView({ palette, onAdd, onDropFromPalette }) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const groups = palette.categories()
    .map(({ category: c, items }) => ({ c, items: items.filter((s) => !q || `${s.title} ${s.type} ${s.description || ''} ${category(c)}`.toLowerCase().includes(q)) }))
    .filter((g) => g.items.length);
  return html`<section id="palette" class="panel" aria-labelledby="palette-heading">
    <h2 id="palette-heading">${t('palette.heading')}</h2>
    <label class="search">${t('palette.search')} <input type="search" id="palette-search" value=${query} onInput=${(e) => setQuery(e.target.value)} /></label>
    ${groups.length === 0 && html`<p class="hint">${t('palette.none')}</p>`}
    ${groups.map((g) => html`<div class="palette-group" key=${g.c}>
      <h3 id=${`cat-${g.c}`}>${category(g.c)}</h3>
      <${PaletteList} items=${g.items} labelledBy=${`cat-${g.c}`} onAdd=${onAdd} onDrop=${onDropFromPalette} />
    </div>`)}
  </section>`;
}

function PaletteList({ items, labelledBy, onAdd, onDrop }) {
  const list = useRef();
  const drop = useRef(onDrop);
  drop.current = onDrop;
  useEffect(() => {
    return lazySortable(list.current, {
      group: { name: DRAG_GROUP, pull: 'clone', put: false },
      sort: false, forceFallback: true, fallbackTolerance: 4, animation: 0,
      onEnd: (evt) => {
        if (evt.to === evt.from) return;
        // Preact owns the DOM: put the item back where it was, then let the model add the component.
        const type = evt.item.dataset.type;
        const index = evt.newIndex;
        evt.item.remove();
        if (evt.clone && evt.clone.parentNode) evt.clone.replaceWith(evt.item);
        drop.current(type, evt.to.dataset.parent || null, index);
      },
    });
  }, []);
  return html`<ul class="palette-list" ref=${list} aria-labelledby=${labelledBy}>
    ${items.map((s) => html`<li key=${s.type} data-type=${s.type}>
      <button type="button" class="palette-item" onClick=${() => onAdd(s.type)} aria-label=${t('palette.add', { title: s.title })}
        title=${s.description || s.title} aria-describedby=${`desc-${s.type}`}>
        <span class="icon" aria-hidden="true">${iconFor(s.icon)}</span><span class="name">${s.title}</span>
      </button>
      <span class="desc" id=${`desc-${s.type}`}>${s.description || ''}</span>
    </li>`)}
  </ul>`;
}
