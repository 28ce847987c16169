// Merging a concurrent save: someone saved `theirs` while this browser edited `mine`, both from
// `base`. The local commands are replayed on their document; only a field both sides changed to
// different values (or a component one side removed and the other changed) is a conflict, which
// the operator resolves field by field. Nothing is dropped: every conflict offers both values.
import { apply, childrenOf, commands, equal, locate, walk, PAGE_FIELDS, CommandError } from './document.js';

const COMPONENT = '(component)';

/** Per component id (and '@page'): the prop keys that differ between two documents, or COMPONENT if it is gone or moved. */
export function changes(from, to) {
  const result = new Map();
  const note = (id, key) => {
    if (!result.has(id)) result.set(id, new Set());
    result.get(id).add(key);
  };
  const before = index(from);
  const after = index(to);
  for (const [id, a] of before) {
    const b = after.get(id);
    if (!b) { note(id, COMPONENT); continue; }
    if (a.parent !== b.parent) note(id, 'parent');
    if (a.node.type !== b.node.type) note(id, COMPONENT);
    for (const key of new Set([...Object.keys(a.node.props || {}), ...Object.keys(b.node.props || {})])) {
      if (!equal((a.node.props || {})[key], (b.node.props || {})[key])) note(id, key);
    }
  }
  for (const id of after.keys()) if (!before.has(id)) note(id, 'added');
  for (const key of PAGE_FIELDS) if (!equal(from[key], to[key])) note('@page', key);
  return result;
}

/**
 * Replays `local` (the commands applied to `base` to get `mine`) on `theirs`.
 * Returns {doc, applied, conflicts: [{id, key, mine, theirs}]}: doc holds their value for every
 * conflict, applied the commands that turned their document into doc.
 */
export function merge(base, theirs, mine, local) {
  const ours = changes(base, mine);
  const their = changes(base, theirs);
  const conflicts = [];
  const conflicted = new Set(); // "id/key"; COMPONENT conflicts hold the whole component back
  const mineIndex = index(mine);
  const theirIndex = index(theirs);
  for (const [id, keys] of ours) {
    const other = their.get(id);
    if (!other) continue;
    if (id === '@page') {
      for (const key of keys) {
        if (other.has(key) && !equal(mine[key], theirs[key])) {
          conflicts.push({ id, key, mine: mine[key], theirs: theirs[key] });
          conflicted.add(`${id}/${key}`);
        }
      }
      continue;
    }
    const m = mineIndex.get(id);
    const t = theirIndex.get(id);
    if (!m || !t || keys.has(COMPONENT) || other.has(COMPONENT)) {
      if (!equal(m?.node, t?.node)) {
        conflicts.push({ id, key: COMPONENT, mine: m?.node, theirs: t?.node, mineAt: m && { parent: m.parent, index: m.index } });
        conflicted.add(`${id}/${COMPONENT}`);
      }
      continue;
    }
    for (const key of keys) {
      if (key === 'parent' || key === 'added' || !other.has(key)) continue;
      const mv = (m.node.props || {})[key];
      const tv = (t.node.props || {})[key];
      if (!equal(mv, tv)) {
        conflicts.push({ id, key, mine: mv, theirs: tv });
        conflicted.add(`${id}/${key}`);
      }
    }
  }
  let doc = theirs;
  const applied = [];
  for (const c of local) {
    const rebased = rebase(doc, c, conflicted, ours);
    if (!rebased) continue;
    try {
      doc = apply(doc, rebased);
      applied.push(rebased);
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
      // no longer fits their tree (a parent they removed): the state check above reported it
    }
  }
  return { doc, applied, conflicts };
}

/**
 * The operator's choices applied to a merge: choices["id/key"] === 'mine' takes this browser's
 * value, anything else keeps theirs. Returns {doc, applied} (applied: the merge's commands and these).
 */
export function resolve(merged, choices) {
  let result = merged.doc;
  const applied = merged.applied.slice();
  const run = (c) => {
    result = apply(result, c);
    applied.push(c);
  };
  for (const c of merged.conflicts) {
    if (choices[`${c.id}/${c.key}`] !== 'mine') continue;
    if (c.id === '@page') {
      run(commands.setPage(result, c.key, c.mine));
    } else if (c.key === COMPONENT) {
      if (locate(result, c.id)) run(commands.remove(result, c.id));
      if (c.mine) {
        const parent = c.mineAt && c.mineAt.parent !== null && locate(result, c.mineAt.parent) ? c.mineAt.parent : null;
        const at = parent === c.mineAt?.parent ? c.mineAt.index : childrenOf(result, null).length;
        run(commands.add(result, parent, at, withoutTaken(result, c.mine)));
      }
    } else {
      run(commands.setProp(result, c.id, c.key, c.mine));
    }
  }
  return { doc: result, applied };
}

export { COMPONENT };

// A field's commands are replayed only if this browser's document ends with it changed: an edit
// undone here must not overwrite theirs with the base value.
function rebase(doc, c, conflicted, ours) {
  const held = (id, key) => conflicted.has(`${id}/${COMPONENT}`) || (key && conflicted.has(`${id}/${key}`));
  const mine = (id, key) => ours.get(id)?.has(key) || ours.get(id)?.has('added');
  switch (c.op) {
    case 'set':
      if (held(c.id, c.key) || !mine(c.id, c.key) || !locate(doc, c.id)) return null;
      return commands.setProp(doc, c.id, c.key, c.value);
    case 'page':
      if (held('@page', c.key) || !mine('@page', c.key)) return null;
      return commands.setPage(doc, c.key, c.value);
    case 'add': {
      if (held(c.node.id) || locate(doc, c.node.id)) return null;
      const parent = c.parent !== null && !locate(doc, c.parent) ? null : c.parent;
      return { op: 'add', parent, index: Math.min(c.index, childrenOf(doc, parent).length), node: withoutTaken(doc, c.node) };
    }
    case 'remove':
      if (held(c.id) || !locate(doc, c.id)) return null;
      return commands.remove(doc, c.id);
    case 'move':
      if (held(c.id) || !locate(doc, c.id) || (c.to.parent !== null && !locate(doc, c.to.parent))) return null;
      return commands.move(doc, c.id, c.to.parent, c.to.index);
    default:
      return null;
  }
}

// A re-added subtree must not bring back ids their document uses elsewhere.
function withoutTaken(doc, node) {
  const taken = new Set([...walk(doc)].map((w) => w.node.id));
  const prune = (n) => ({ ...n, children: (n.children || []).filter((ch) => !taken.has(ch.id)).map(prune) });
  return prune(node);
}

function index(doc) {
  const map = new Map();
  const go = (list, parent) => list.forEach((node, i) => {
    map.set(node.id, { node, parent, index: i });
    go(node.children || [], node.id);
  });
  go(doc.components || [], null);
  return map;
}
