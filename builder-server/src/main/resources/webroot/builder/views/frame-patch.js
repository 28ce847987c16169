// A preview frame follows an edit by changing only what the new HTML changed, in place: reloading
// the frame (writing the page anew) re-parsed, re-styled and re-laid-out the whole page for every edit,
// about 100 ms a tier on a 1,000-component page in Chromium. The new HTML is parsed inert
// (DOMParser runs no script and loads nothing), compared node by node (isEqualNode, native), and
// only differing subtrees are moved over; elements keep their place by id, which the renderer
// gives every component.

/** Makes `doc` show `html`; false if its head differs (new styles: the caller reloads instead). */
export function patchDocument(doc, html) {
  const next = new DOMParser().parseFromString(html, 'text/html');
  if (!doc.head || !doc.body || !next.body) return false;
  if (!doc.head.isEqualNode(next.head) || !sameAttributes(doc.documentElement, next.documentElement)) return false;
  patchElement(doc, doc.body, next.body);
  return true;
}

function sameAttributes(a, b) {
  if (a.attributes.length !== b.attributes.length) return false;
  for (const { name, value } of a.attributes) if (b.getAttribute(name) !== value) return false;
  return true;
}

function patchElement(doc, live, next) {
  if (!sameAttributes(live, next)) {
    for (const { name } of [...live.attributes]) if (!next.hasAttribute(name)) live.removeAttribute(name);
    for (const { name, value } of next.attributes) if (live.getAttribute(name) !== value) live.setAttribute(name, value);
  }
  patchChildren(doc, live, next);
}

/** Afterwards `live`'s children equal `next`'s: each kept (equal), patched (same element) or brought over. */
function patchChildren(doc, live, next) {
  const byId = new Map();
  for (const c of live.children) if (c.id) byId.set(c.id, c);
  let cursor = live.firstChild; // every node before it is placed; the unused ones are at or after it
  for (const n of [...next.childNodes]) {
    let match = n.nodeType === 1 && n.id ? byId.get(n.id) : null;
    if (!match && cursor && !(cursor.nodeType === 1 && cursor.id) && cursor.nodeName === n.nodeName) match = cursor;
    if (match && match.nodeName !== n.nodeName) match = null;
    if (match) byId.delete(match.id);
    let node;
    if (match && match.isEqualNode(n)) node = match;
    else if (match && n.nodeType === 1) { patchElement(doc, match, n); node = match; }
    else if (match && (n.nodeType === 3 || n.nodeType === 8)) { match.data = n.data; node = match; }
    else node = doc.adoptNode(n);
    if (node === cursor) cursor = cursor.nextSibling;
    else live.insertBefore(node, cursor);
  }
  while (cursor) {
    const gone = cursor;
    cursor = cursor.nextSibling;
    gone.remove();
  }
}
