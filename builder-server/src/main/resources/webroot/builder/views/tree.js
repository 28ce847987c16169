// The page tree: readable labels, faults marked, drag and drop with SortableJS (only where the
// schemas' slots allow, with the reason when not), and keyboard moves on the focused row.
// Containers fold: on a big page the top-level ones start folded (see Folding), so opening the
// editor draws tens of rows, not every component.
import { html, useEffect, useRef, Component } from '../lib.js';
import { lazySortable } from './lazy-sortable.js';
import { t } from '../i18n/i18n.js';
import { iconFor, DRAG_GROUP } from './palette.js';
import { compact } from '../model/events.js';

export function TreeView({ ctx, lang }) {
  const { doc } = ctx.editor;
  return html`<section id="tree" class="panel" aria-labelledby="tree-heading">
    <h2 id="tree-heading">${t('tree.heading')}</h2>
    <p class="hint" id="tree-keys">${t('tree.keys')}</p>
    <${TreeList} ctx=${ctx} parent=${null} nodes=${doc.components || []} depth=${0} lang=${lang} folding=${ctx.folding} events=${ctx.events} />
    ${(doc.components || []).length === 0 && html`<p class="hint">${t('tree.empty')}</p>`}
  </section>`;
}

function TreeList({ ctx, parent, nodes, depth, lang, folding, events }) {
  const list = useRef();
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  useEffect(() => {
    return lazySortable(list.current, {
      group: { name: DRAG_GROUP, pull: true, put: true },
      forceFallback: true, fallbackTolerance: 4, fallbackOnBody: true, emptyInsertThreshold: 8, animation: 0,
      draggable: '.tree-item', filter: '.node-actions', preventOnFilter: false,
      onStart: () => ctxRef.current.dragStarted(),
      onMove: (evt) => ctxRef.current.dropAllowed(evt.dragged, evt.to),
      onEnd: (evt) => {
        const allowed = ctxRef.current.takeDrop() && !ctxRef.current.refusedAtRelease(evt);
        const id = evt.item.dataset.id;
        const to = evt.to.dataset.parent || null;
        const index = evt.newIndex;
        if (evt.from === evt.to && evt.oldIndex === evt.newIndex) return;
        // Preact owns the DOM: undo Sortable's move, then the model moves the component.
        evt.item.remove();
        evt.from.insertBefore(evt.item, evt.from.children[evt.oldIndex] || null);
        if (allowed) ctxRef.current.moveTo(id, to, index);
      },
    });
  }, []);
  return html`<ul class=${`tree-list depth-${Math.min(depth, 6)}`} ref=${list} data-parent=${parent || ''}
    role=${depth === 0 ? 'list' : undefined}>
    ${nodes.map((n) => html`<${TreeItem} key=${n.id} ctx=${ctx} node=${n} depth=${depth} lang=${lang}
      selected=${ctx.selected} faulty=${ctx.faultyIds} folding=${folding} events=${events} />`)}
  </ul>`;
}

const within = (node, id) => !!id && (node.id === id || (node.children || []).some((c) => within(c, id)));
// whether the counts of the row or of a row inside it differ between two reads (the first read, most
// often with no counts at all, would otherwise redraw every row just after the editor opened)
const countsDiffer = (node, a, b) => a?.get(node.id) !== b?.get(node.id) || (node.children || []).some((c) => countsDiffer(c, a, b));

/**
 * One row and its children. The model shares every subtree an edit did not touch, so a row whose
 * node, selection, faults and folding are unchanged skips drawing: an edit redraws its own path,
 * not 1,000 rows.
 */
class TreeItem extends Component {
  shouldComponentUpdate(next) {
    const p = this.props;
    if (next.node !== p.node || next.lang !== p.lang || next.depth !== p.depth) return true;
    if (next.selected !== p.selected && (within(p.node, p.selected) || within(next.node, next.selected))) return true;
    if (next.folding !== p.folding && next.folding.touched.some((id) => within(p.node, id))) return true;
    if (next.events !== p.events && countsDiffer(next.node, p.events, next.events)) return true;
    return next.faulty !== p.faulty;
  }

  render({ ctx, node, depth, lang, selected, faulty: faultyIds, folding, events }) {
    const { palette } = ctx;
    const label = palette.label(node);
    const name = label.text ? `${label.text} · ${label.type}` : label.type;
    const schema = palette.get(node.type);
    const container = palette.nests(node.type);
    const isSelected = selected === node.id;
    const faulty = faultyIds.has(node.id);
    const folded = container && folding.isFolded(node.id);
    const inside = (node.children || []).length;
    const counts = events?.get(node.id);
    return html`<li class="tree-item" data-id=${node.id} data-type=${node.type} data-folded=${folded ? 'true' : undefined}>
      <div class=${`node${isSelected ? ' selected' : ''}${faulty ? ' faulty' : ''}`}>
        ${container ? html`<button type="button" class="fold" aria-expanded=${!folded}
          aria-label=${t(folded ? 'tree.unfold' : 'tree.fold', { label: name, count: inside })}
          onClick=${() => ctx.fold(node.id, !folded)}>${folded ? '▸' : '▾'}</button>` : html`<span class="fold-space"></span>`}
        <button type="button" class="node-label" aria-pressed=${isSelected} aria-describedby="tree-keys"
          onClick=${() => ctx.select(node.id)} onKeyDown=${(e) => ctx.treeKey(e, node.id)}>
          <span class="icon" aria-hidden="true">${iconFor(schema?.icon)}</span>
          <span class="text">${label.text || label.type}</span>
          ${label.text && html`<span class="type">${label.type}</span>`}
          ${folded && inside > 0 && html`<span class="count">${inside}</span>`}
          ${counts && html`<span class="stats" title=${t('events.badge', { exposures: counts.exposures, clicks: counts.clicks })}>
            <span aria-hidden="true">${compact(counts.exposures, lang)} · ${compact(counts.clicks, lang)}</span><span class="sr-only">${t('events.badge', { exposures: counts.exposures, clicks: counts.clicks })}</span></span>`}
          ${faulty && html`<span class="fault-mark" title=${t('tree.faulty')}>⚠<span class="sr-only">${t('tree.faulty')}</span></span>`}
        </button>
        <span class="node-actions">
          <button type="button" class="icon-button" aria-label=${t('tree.moveUp', { label: name })} onClick=${() => ctx.step(node.id, -1)}>↑</button>
          <button type="button" class="icon-button" aria-label=${t('tree.moveDown', { label: name })} onClick=${() => ctx.step(node.id, 1)}>↓</button>
          <button type="button" class="icon-button danger" aria-label=${t('tree.remove', { label: name })} onClick=${() => ctx.remove(node.id)}>✕</button>
        </span>
      </div>
      ${container && !folded && html`<${TreeList} ctx=${ctx} parent=${node.id} nodes=${node.children || []} depth=${depth + 1}
        lang=${lang} folding=${folding} events=${events} />`}
    </li>`;
  }
}
