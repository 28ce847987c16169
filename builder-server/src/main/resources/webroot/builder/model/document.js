// The page document and the commands that change it. A document is a plain JSON value, never
// changed in place: apply() returns a new one that shares every untouched subtree, so views can
// compare by identity and memory grows with the change, not the page. Every command carries what
// its inverse needs, so undo is apply(doc, invert(command)) (ProseMirror's history, not snapshots).

/** The page fields a 'page' command may set. */
export const PAGE_FIELDS = ['title', 'slug', 'schedule', 'targeting'];

/** Where a component sits: {parent: id or null for the top level, index, node}, or null. */
export function locate(doc, id) {
  const walk = (list, parent) => {
    for (let i = 0; i < list.length; i++) {
      const node = list[i];
      if (node.id === id) return { parent, index: i, node };
      const found = walk(node.children || [], node.id);
      if (found) return found;
    }
    return null;
  };
  return walk(doc.components || [], null);
}

/** The children list of a parent id (null: the page's top level), or null if there is no such parent. */
export function childrenOf(doc, parent) {
  if (parent === null || parent === undefined) return doc.components || [];
  const found = locate(doc, parent);
  return found ? found.node.children || [] : null;
}

/** Every component, depth first, with its depth and parent. */
export function* walk(doc) {
  function* go(list, parent, depth) {
    for (const node of list) {
      yield { node, parent, depth };
      yield* go(node.children || [], node.id, depth + 1);
    }
  }
  yield* go(doc.components || [], null, 0);
}

export function ids(doc) {
  const all = new Set();
  for (const { node } of walk(doc)) all.add(node.id);
  return all;
}

/** True if `ancestor` is `id` or contains it. */
export function contains(doc, ancestor, id) {
  const found = locate(doc, ancestor);
  if (!found) return false;
  const search = (n) => n.id === id || (n.children || []).some(search);
  return search(found.node);
}

export class CommandError extends Error {
  constructor(message, command) {
    super(message);
    this.command = command;
  }
}

// ---- commands: made from the document they apply to, so they record what their inverse needs

export const commands = {
  add(doc, parent, index, node) {
    const list = childrenOf(doc, parent);
    if (!list) throw new CommandError(`no component ${parent} to add into`);
    if (locate(doc, node.id)) throw new CommandError(`a component ${node.id} exists already`);
    return { op: 'add', parent, index: clamp(index, 0, list.length), node };
  },
  remove(doc, id) {
    const found = locate(doc, id);
    if (!found) throw new CommandError(`no component ${id}`);
    return { op: 'remove', id, parent: found.parent, index: found.index, node: found.node };
  },
  /** Moves `id` to `index` in `parent`'s children, the index counted once `id` has left its place. */
  move(doc, id, parent, index) {
    const found = locate(doc, id);
    if (!found) throw new CommandError(`no component ${id}`);
    if (parent !== null && contains(doc, id, parent)) throw new CommandError(`${id} cannot move into itself`);
    const target = childrenOf(doc, parent);
    if (!target) throw new CommandError(`no component ${parent} to move into`);
    const max = target.length - (found.parent === parent ? 1 : 0);
    return { op: 'move', id, from: { parent: found.parent, index: found.index }, to: { parent, index: clamp(index, 0, max) } };
  },
  /** Sets one top-level prop of a component; undefined removes it. */
  setProp(doc, id, key, value) {
    const found = locate(doc, id);
    if (!found) throw new CommandError(`no component ${id}`);
    return { op: 'set', id, key, value: copy(value), old: copy((found.node.props || {})[key]) };
  },
  /** Sets a page field (title, slug, schedule, targeting); undefined removes it. */
  setPage(doc, key, value) {
    if (!PAGE_FIELDS.includes(key)) throw new CommandError(`${key} is not a page field`);
    return { op: 'page', key, value: copy(value), old: copy(doc[key]) };
  },
};

export function invert(c) {
  switch (c.op) {
    case 'add': return { op: 'remove', id: c.node.id, parent: c.parent, index: c.index, node: c.node };
    case 'remove': return { op: 'add', parent: c.parent, index: c.index, node: c.node };
    case 'move': return { op: 'move', id: c.id, from: c.to, to: c.from };
    case 'set': return { op: 'set', id: c.id, key: c.key, value: c.old, old: c.value };
    case 'page': return { op: 'page', key: c.key, value: c.old, old: c.value };
    default: throw new CommandError(`unknown command ${c.op}`, c);
  }
}

/** The component ids a command changes (its own node; 'page' changes '@page'). */
export function touched(c) {
  switch (c.op) {
    case 'add': return [c.node.id];
    case 'page': return ['@page'];
    default: return [c.id];
  }
}

/** A new document with the command applied; throws CommandError if it does not fit. */
export function apply(doc, c) {
  switch (c.op) {
    case 'add': {
      if (!childrenOf(doc, c.parent)) throw new CommandError(`no component ${c.parent} to add into`, c);
      if (locate(doc, c.node.id)) throw new CommandError(`a component ${c.node.id} exists already`, c);
      return updateList(doc, c.parent, (list) => insert(list, c.index, c.node));
    }
    case 'remove': {
      const found = locate(doc, c.id);
      if (!found) throw new CommandError(`no component ${c.id}`, c);
      return updateList(doc, found.parent, (list) => list.filter((n) => n.id !== c.id));
    }
    case 'move': {
      const found = locate(doc, c.id);
      if (!found) throw new CommandError(`no component ${c.id}`, c);
      if (c.to.parent !== null && contains(doc, c.id, c.to.parent)) throw new CommandError(`${c.id} cannot move into itself`, c);
      const without = updateList(doc, found.parent, (list) => list.filter((n) => n.id !== c.id));
      if (!childrenOf(without, c.to.parent)) throw new CommandError(`no component ${c.to.parent} to move into`, c);
      return updateList(without, c.to.parent, (list) => insert(list, c.to.index, found.node));
    }
    case 'set': {
      if (!locate(doc, c.id)) throw new CommandError(`no component ${c.id}`, c);
      return updateNode(doc, c.id, (node) => {
        const props = { ...(node.props || {}) };
        if (c.value === undefined) delete props[c.key];
        else props[c.key] = c.value;
        return { ...node, props };
      });
    }
    case 'page': {
      const next = { ...doc };
      if (c.value === undefined) delete next[c.key];
      else next[c.key] = c.value;
      return next;
    }
    default: throw new CommandError(`unknown command ${c.op}`, c);
  }
}

/** The page document as the server stores it, without the server's own fields. */
export function documentOf(page) {
  const doc = { slug: page.slug, title: page.title, components: page.components || [] };
  if (page.schedule !== undefined) doc.schedule = page.schedule;
  if (page.targeting !== undefined) doc.targeting = page.targeting;
  return doc;
}

export function equal(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => equal(a[k], b[k]));
}

export function copy(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function clamp(n, lo, hi) {
  return Math.max(lo, Math.min(hi, n));
}

function insert(list, index, node) {
  const next = list.slice();
  next.splice(clamp(index, 0, list.length), 0, node);
  return next;
}

function updateList(doc, parent, change) {
  if (parent === null || parent === undefined) return { ...doc, components: change(doc.components || []) };
  return updateNode(doc, parent, (node) => ({ ...node, children: change(node.children || []) }));
}

function updateNode(doc, id, change) {
  const go = (list) => {
    let changed = false;
    const next = list.map((node) => {
      if (changed) return node;
      if (node.id === id) {
        changed = true;
        return change(node);
      }
      const children = node.children && node.children.length ? go(node.children) : null;
      if (children) {
        changed = true;
        return { ...node, children };
      }
      return node;
    });
    return changed ? next : null;
  };
  const components = go(doc.components || []);
  return components ? { ...doc, components } : doc;
}
