// Arranging the tree: the palette's and the tree's intents (add, drop, move, keys) checked
// against the schemas' slots, refused with the reason, or turned into commands. Installed on
// Editing's prototype, so `this` is the editor screen's controller.
import { t, lang } from '../i18n/i18n.js';
import { announce } from '../nav.js';
import { commands, locate, childrenOf, ids } from '../model/document.js';

export const arranging = {
  typeOf(parent) {
    return parent === null ? null : locate(this.editor.doc, parent)?.node.type;
  },

  /** {ok} or {ok:false, message} for putting a `type` into `parent` (id or null). */
  check(parent, type, movingId = null) {
    const list = childrenOf(this.editor.doc, parent) || [];
    const count = list.filter((n) => n.id !== movingId).length;
    const verdict = this.palette.accepts(this.typeOf(parent), type, count);
    if (verdict.ok) return verdict;
    const schema = (ty) => this.palette.get(ty);
    const title = (ty) => (schema(ty) ? this.palette.titleOf(schema(ty)).toLowerCase() : ty);
    const args = { ...verdict.args, parent: title(verdict.args.parent) };
    const plural = lang() === 'en' ? 's' : ''; // Chinese nouns have no plural form
    if (args.allowed) args.allowed = args.allowed.map((a) => `${title(a)}${plural}`).join(lang() === 'en' ? ', ' : '、');
    return { ok: false, message: t(verdict.reason, args) };
  },

  refuse(message) {
    this.refusal = message;
    announce(message);
    this.emit();
  },

  clearRefusal() {
    if (!this.refusal) return;
    this.refusal = null;
    this.emit();
  },

  /** A drag starts: nothing refused yet. */
  dragStarted() {
    this.dropRefused = false;
  },

  /**
   * At the drop: whether it may land. SortableJS leaves its placeholder in the last list that
   * took it, so a drop let go over a list that refused it (say a spacer over a product grid,
   * reached across the grid's own row in its section) would land back there, away from where
   * the operator let go and under the refusal's message; it lands nowhere instead.
   */
  takeDrop() {
    const ok = !this.dropRefused;
    this.dropRefused = false;
    return ok;
  },

  /**
   * At the drop, before the DOM is put back: true if the button was let go over a tree list other
   * than the one holding Sortable's placeholder, and that list refuses the component (then the
   * reason is shown and nothing lands). Sortable calls onMove only when it would move the
   * placeholder, which it does not do with the pointer in the middle of some rows, so the last
   * verdict alone may be about another list.
   */
  refusedAtRelease(evt) {
    const e = evt.originalEvent;
    const p = e?.changedTouches?.[0] || e;
    if (!p || typeof p.clientX !== 'number') return false;
    const list = document.elementFromPoint(p.clientX, p.clientY)?.closest('.tree-list');
    if (!list || list === evt.to) return false;
    return !this.dropAllowed(evt.item, list);
  },

  /** Sortable's onMove: may the dragged element go into the list `to`? */
  dropAllowed(dragged, to) {
    const parent = to.dataset.parent || null;
    const type = dragged.dataset.type;
    const id = dragged.dataset.id || null;
    if (id && parent && (parent === id || (locate(this.editor.doc, id) && isInside(this.editor.doc, id, parent)))) {
      this.dropRefused = true;
      this.refuse(t('drop.cannot'));
      return false;
    }
    const verdict = this.check(parent, type, id);
    if (!verdict.ok) {
      this.dropRefused = true;
      if (this.refusal !== verdict.message) this.refuse(verdict.message);
      return false;
    }
    this.dropRefused = false;
    this.clearRefusal();
    return true;
  },

  insert(type, parent, index) {
    const verdict = this.check(parent, type);
    if (!verdict.ok) return this.refuse(verdict.message);
    const node = this.palette.create(type, ids(this.editor.doc));
    if (this.run(commands.add(this.editor.doc, parent, index, node))) {
      this.refusal = null;
      this.selected = node.id;
      this.folding = this.folding.reveal(this.editor.doc, node.id);
      announce(t('tree.added', { label: this.label(node.id) }));
      this.emit();
    }
  },

  /** A palette item clicked or Enter: into the selected container, else after the selected component, else at the end. */
  add(type) {
    const doc = this.editor.doc;
    const sel = this.selected && this.selected !== '@page' ? locate(doc, this.selected) : null;
    if (sel && this.palette.accepts(sel.node.type, type, (sel.node.children || []).length).ok) {
      return this.insert(type, sel.node.id, (sel.node.children || []).length);
    }
    if (sel) return this.insert(type, sel.parent, sel.index + 1);
    return this.insert(type, null, (doc.components || []).length);
  },

  /** A palette item dropped in the tree (`onPreview`: on a preview, where that place was checked already). */
  dropFromPalette(type, parent, index, onPreview = false) {
    if (!onPreview && !this.takeDrop()) return;
    this.insert(type, parent, index);
  },

  moveTo(id, parent, index) {
    const found = locate(this.editor.doc, id);
    if (!found) return;
    const verdict = this.check(parent, found.node.type, id);
    if (!verdict.ok) return this.refuse(verdict.message);
    if (this.run(commands.move(this.editor.doc, id, parent, index))) {
      this.refusal = null;
      this.folding = this.folding.reveal(this.editor.doc, id);
      announce(t('tree.moved', { label: this.label(id) }));
      this.emit();
    }
  },

  step(id, delta) {
    const found = locate(this.editor.doc, id);
    const list = childrenOf(this.editor.doc, found.parent);
    const to = found.index + delta;
    if (to < 0 || to >= list.length) return;
    this.moveTo(id, found.parent, to);
    this.refocus(id);
  },

  /** Into the container just above, as its last child. */
  into(id) {
    const found = locate(this.editor.doc, id);
    const list = childrenOf(this.editor.doc, found.parent);
    const above = list[found.index - 1];
    if (!above) return;
    this.moveTo(id, above.id, (above.children || []).length);
    this.refocus(id);
  },

  /** Out of its container, just after it. */
  out(id) {
    const found = locate(this.editor.doc, id);
    if (found.parent === null) return;
    const parent = locate(this.editor.doc, found.parent);
    this.moveTo(id, parent.parent, parent.index + 1);
    this.refocus(id);
  },

  remove(id) {
    const label = this.label(id);
    if (this.run(commands.remove(this.editor.doc, id))) {
      if (this.selected === id) this.selected = null;
      announce(t('tree.removed', { label }));
      this.emit();
    }
  },

  treeKey(e, id) {
    const handled = () => { e.preventDefault(); e.stopPropagation(); };
    if (e.altKey && e.key === 'ArrowUp') { handled(); this.step(id, -1); }
    else if (e.altKey && e.key === 'ArrowDown') { handled(); this.step(id, 1); }
    else if (e.altKey && e.key === 'ArrowRight') { handled(); this.into(id); }
    else if (e.altKey && e.key === 'ArrowLeft') { handled(); this.out(id); }
    else if (e.key === 'Delete') { handled(); this.remove(id); }
  },

  refocus(id) {
    requestAnimationFrame(() => document.querySelector(`.tree-item[data-id="${CSS.escape(id)}"] > .node > .node-label`)?.focus());
  },
};

function isInside(doc, ancestor, id) {
  const found = locate(doc, ancestor);
  const search = (n) => n.id === id || (n.children || []).some(search);
  return found ? search(found.node) : false;
}
