// SortableJS instances made on demand. A 1,000-component page has hundreds of lists (every
// container's children), and making a Sortable for each on open costs time before the editor is
// usable; nobody drags before pressing a pointer. So each list registers how to make its
// Sortable, and the first pointerdown anywhere (capture phase, before Sortable's own listener on
// the list runs in the bubble phase of that same event) makes them all: a drag may end in any
// list, so every list must be a drop target by then. Lists mounted afterwards make theirs at once.
import Sortable from '../vendor/sortablejs/sortable.esm.js';

const pending = new Map(); // element -> options
let armed = false;

function activate() {
  armed = true;
  document.removeEventListener('pointerdown', activate, true);
  document.removeEventListener('mousedown', activate, true);
  document.removeEventListener('touchstart', activate, true);
  for (const [el, options] of pending) {
    if (el.isConnected && !Sortable.get(el)) Sortable.create(el, options);
  }
  pending.clear();
}

function listen() {
  document.addEventListener('pointerdown', activate, true);
  document.addEventListener('mousedown', activate, true);
  document.addEventListener('touchstart', activate, { capture: true, passive: true });
}
listen();

/** Makes `el` sortable with `options` now or at the first pointer down; returns a destroy function. */
export function lazySortable(el, options) {
  if (armed) {
    const s = Sortable.create(el, options);
    return () => s.destroy();
  }
  pending.set(el, options);
  return () => {
    pending.delete(el);
    Sortable.get(el)?.destroy();
  };
}
