// Arranging the tree: the palette's and the tree's intents (add, drop, move, keys) checked
// against the schemas' slots, refused with the reason, or turned into commands. Installed on
// Editing's prototype, so `this` is the editor screen's controller.
import { t } from '../i18n/i18n.js';
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
    const title = (ty) => this.palette.get(ty)?.title?.toLowerCase() || ty;
    const args = { ...verdict.args, parent: title(verdict.args.parent) };
    if (args.allowed) args.allowed = args.allowed.map((a) => `${title(a)}s`).join(', ');
    return { ok: false, message: t(verdict.reason, args) };
  },

  refuse(message) {
    this.refusal = message;
    announce(message);
    this.emit();
  },

  /** Sortable's onMove: may the dragged element go into the list `to`? */
  dropAllowed(dragged, to) {
    const parent = to.dataset.parent || null;
    const type = dragged.dataset.type;
    const id = dragged.dataset.id || null;
    if (id && parent && (parent === id || (locate(this.editor.doc, id) && isInside(this.editor.doc, id, parent)))) {
      this.refuse(t('drop.cannot'));
      return false;
    }
    const verdict = this.check(parent, type, id);
    if (!verdict.ok) {
      this.refuse(verdict.message);
      return false;
    }
    if (this.refusal) {
      this.refusal = null;
      this.emit();
    }
    return true;
  },

  insert(type, parent, index) {
    const verdict = this.check(parent, type);
    if (!verdict.ok) return this.refuse(verdict.message);
    const node = this.palette.create(type, ids(this.editor.doc));
    if (this.run(commands.add(this.editor.doc, parent, index, node))) {
      this.refusal = null;
      this.selected = node.id;
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

  dropFromPalette(type, parent, index) {
    this.insert(type, parent, index);
  },

  moveTo(id, parent, index) {
    const found = locate(this.editor.doc, id);
    if (!found) return;
    const verdict = this.check(parent, found.node.type, id);
    if (!verdict.ok) return this.refuse(verdict.message);
    if (this.run(commands.move(this.editor.doc, id, parent, index))) {
      this.refusal = null;
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
