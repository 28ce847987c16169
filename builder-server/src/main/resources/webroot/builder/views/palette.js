// The palette: component types grouped by category, with icons, descriptions and a search box.
// Items are dragged (SortableJS, cloning) into the tree or onto a preview (preview-drop.js), or
// added with a click / Enter.
import { html, useState, useEffect, useRef } from '../lib.js';
import { lazySortable } from './lazy-sortable.js';
import { paletteDragStarted, paletteDragEnded } from './preview-drop.js';
import { t, category, componentTitle, componentDescription } from '../i18n/i18n.js';

// The schemas name Material icons; no icon font is shipped, so each gets a glyph.
const ICONS = {
  bookmarks: '⚑', view_carousel: '◫', timer: '◷', local_offer: '✂', panorama: '▬', image: '▣',
  live_tv: '◉', casino: '♦', shopping_bag: '⊡', grid_view: '▦', dynamic_feed: '☷', notes: '¶',
  view_agenda: '▤', storefront: '⌂', view_in_ar: '◈', horizontal_rule: '―', tab: '⊟', smart_display: '▶',
};
export const iconFor = (name) => ICONS[name] || '◻';

export const DRAG_GROUP = 'components';

export function PaletteView({ palette, onAdd, onDropFromPalette, onDragStart, refusedAtRelease }) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const groups = palette.categories()
    .map(({ category: c, items }) => ({ c, items: items.filter((s) => !q || `${componentTitle(s)} ${s.title} ${s.type} ${componentDescription(s)} ${category(c)}`.toLowerCase().includes(q)) }))
    .filter((g) => g.items.length);
  return html`<section id="palette" class="panel" aria-labelledby="palette-heading">
    <h2 id="palette-heading">${t('palette.heading')}</h2>
    <label class="search">${t('palette.search')} <input type="search" id="palette-search" value=${query} onInput=${(e) => setQuery(e.target.value)} /></label>
    ${groups.length === 0 && html`<p class="hint">${t('palette.none')}</p>`}
    ${groups.map((g) => html`<div class="palette-group" key=${g.c}>
      <h3 id=${`cat-${g.c}`}>${category(g.c)}</h3>
      <${PaletteList} items=${g.items} labelledBy=${`cat-${g.c}`} onAdd=${onAdd} onDrop=${onDropFromPalette} onDragStart=${onDragStart}
        refusedAtRelease=${refusedAtRelease} />
    </div>`)}
  </section>`;
}

function PaletteList({ items, labelledBy, onAdd, onDrop, onDragStart, refusedAtRelease }) {
  const list = useRef();
  const calls = useRef();
  calls.current = { onDrop, onDragStart, refusedAtRelease };
  useEffect(() => {
    return lazySortable(list.current, {
      group: { name: DRAG_GROUP, pull: 'clone', put: false },
      sort: false, forceFallback: true, fallbackTolerance: 4, animation: 0,
      onStart: (evt) => {
        paletteDragStarted(evt.item.dataset.type);
        calls.current.onDragStart?.();
      },
      onEnd: (evt) => {
        const onPreview = paletteDragEnded();
        const type = evt.item.dataset.type;
        const index = evt.newIndex;
        const refused = !onPreview && evt.to !== evt.from && !!calls.current.refusedAtRelease?.(evt); // before the DOM is put back
        if (evt.to !== evt.from) {
          // Preact owns the DOM: put the item back where it was, then let the model add the component.
          evt.item.remove();
          if (evt.clone && evt.clone.parentNode) evt.clone.replaceWith(evt.item);
        }
        if (onPreview) {
          // let go over a preview: its place, wherever Sortable's placeholder was left in the tree
          if (!onPreview.refused) calls.current.onDrop(type, onPreview.parent, onPreview.index, true);
          return;
        }
        if (evt.to !== evt.from && !refused) calls.current.onDrop(type, evt.to.dataset.parent || null, index, false);
      },
    });
  }, []);
  return html`<ul class="palette-list" ref=${list} aria-labelledby=${labelledBy}>
    ${items.map((s) => html`<li key=${s.type} data-type=${s.type}>
      <button type="button" class="palette-item" onClick=${() => onAdd(s.type)} aria-label=${t('palette.add', { title: componentTitle(s) })}
        title=${componentDescription(s) || componentTitle(s)} aria-describedby=${`desc-${s.type}`}>
        <span class="icon" aria-hidden="true">${iconFor(s.icon)}</span><span class="name">${componentTitle(s)}</span>
      </button>
      <span class="desc" id=${`desc-${s.type}`}>${componentDescription(s)}</span>
    </li>`)}
  </ul>`;
}
