// Where a drop on a preview goes in the page tree, from the boxes the components are drawn in.
// Pointing into a container's own area (its padding, the gaps between its children, an empty
// container) puts the new component into it, among its children by position; pointing at a
// component, or at the rim of a container, puts it before or after that component in its parent
// (beside it when its siblings are drawn in a row). Components a tier does not show have no box
// and are stepped over. Whether the place is allowed is the slots' business, not this module's.
import { locate, childrenOf } from './document.js';

/** How close to a container's top or bottom (px) counts as pointing at the container itself. */
export const RIM = 8;

const overlapsVertically = (a, b) => a.top < b.bottom && b.top < a.bottom;

/**
 * {parent, index, line} for a drop at `point` ({x, y}, the frame's coordinates) over the component
 * `hitId` (the innermost one under the pointer; null: none, the page itself). `boxOf(id)` is the
 * component's box ({left, top, right, bottom}) or null; `takesChildren(node)` whether its type
 * nests. `line` is the insertion line to draw: {x1, y1, x2, y2}.
 */
export function dropPlace(doc, hitId, point, boxOf, takesChildren) {
  const found = hitId ? locate(doc, hitId) : null;
  if (!found) return among(null, doc.components || [], point, boxOf, null);
  const box = boxOf(found.node.id);
  if (!box) return among(found.parent, (childrenOf(doc, found.parent) || []), point, boxOf, null);
  if (takesChildren(found.node) && point.y > box.top + RIM && point.y < box.bottom - RIM) {
    return among(found.node.id, found.node.children || [], point, boxOf, box);
  }
  const siblings = (childrenOf(doc, found.parent) || []);
  const row = siblings.some((s) => s.id !== found.node.id && boxOf(s.id) && overlapsVertically(boxOf(s.id), box));
  const after = row ? point.x > (box.left + box.right) / 2 : point.y > (box.top + box.bottom) / 2;
  return { parent: found.parent, index: found.index + (after ? 1 : 0), line: edge(box, after, row) };
}

/** The insertion line on one side of a box: its bottom or top edge, or its right or left one in a row. */
function edge(box, after, row) {
  if (row) {
    const x = after ? box.right : box.left;
    return { x1: x, y1: box.top, x2: x, y2: box.bottom };
  }
  const y = after ? box.bottom : box.top;
  return { x1: box.left, y1: y, x2: box.right, y2: y };
}

/** Into `parent` (whose box is `outer`, null for the page) after every drawn child the point is past. */
function among(parent, children, point, boxOf, outer) {
  let index = 0;
  let line = null;
  let first = null;
  children.forEach((child, i) => {
    const box = boxOf(child.id);
    if (!box) return;
    first = first || box;
    const past = point.y >= box.bottom || (point.y > box.top && point.x > (box.left + box.right) / 2);
    if (past) {
      index = i + 1;
      line = edge(box, true, false);
    }
  });
  if (!line) {
    // before the first drawn child, or at the top of an empty container
    if (first) {
      index = children.findIndex((c) => boxOf(c.id));
      line = edge(first, false, false);
    } else if (outer) {
      const y = outer.top + RIM;
      line = { x1: outer.left, y1: y, x2: outer.right, y2: y };
    } else {
      line = { x1: 0, y1: 0, x2: 10000, y2: 0 }; // an empty page: along its top (the overlay clips it)
    }
  }
  return { parent, index, line };
}
