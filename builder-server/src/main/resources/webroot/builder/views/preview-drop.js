// Dropping a palette item onto a preview, at the place pointed at. SortableJS cannot follow the
// pointer into the preview frames (each is a document of its own, and its events never reach
// this one), so while a palette drag is under way each frame is covered by an overlay in the
// builder's own document (CSS: body.palette-dragging). The overlay maps the pointer into the
// frame, asks the frame's document which component is there, turns the component boxes into a
// place in the tree (model/drop-place.js), checks it against the slots as the tree does, and
// draws an insertion line or shows why the drop is refused. The palette's drop asks here first.
import { dropPlace } from '../model/drop-place.js';

let dragged = null; // the palette type being dragged
let over = null; // {parent, index} or {refused} while the pointer is over an overlay
const SCROLL_BAND = 40; // px of the frame's top and bottom where a drag scrolls it

export function paletteDragStarted(type) {
  dragged = type;
  over = null;
  document.body.classList.add('palette-dragging');
}

/** At the drop: the place on a preview ({parent, index} or {refused}), or null if it did not end over one. */
export function paletteDragEnded() {
  const place = over;
  dragged = null;
  over = null;
  document.body.classList.remove('palette-dragging', 'over-preview');
  for (const line of document.querySelectorAll('.drop-line')) line.hidden = true;
  return place;
}

/** The component id drawn at a point of the frame's document: the nearest element whose id is one. */
function componentAt(frame, x, y) {
  const known = frame.__vkIds;
  for (let el = frame.contentDocument?.elementFromPoint(x, y); el && el.nodeType === 1; el = el.parentElement) {
    if (el.id && known?.has(el.id)) return el.id;
  }
  return null;
}

/** Handlers for one phone's overlay; `ctx` is the editor screen's controller (null: no drops, e.g. a version shown). */
export function overlayHandlers(ctx, frameRef) {
  const move = (e) => {
    const frame = frameRef.current;
    const overlay = e.currentTarget;
    if (!ctx || !dragged || !frame?.contentDocument) return;
    document.body.classList.add('over-preview'); // the tree's placeholder is not where this drop goes
    const r = frame.getBoundingClientRect();
    const scale = r.width / frame.offsetWidth || 1;
    const point = { x: (e.clientX - r.left) / scale, y: (e.clientY - r.top) / scale };
    const win = frame.contentWindow;
    if (point.y < SCROLL_BAND) win.scrollBy(0, -SCROLL_BAND / 2);
    else if (point.y > win.innerHeight - SCROLL_BAND) win.scrollBy(0, SCROLL_BAND / 2);
    const doc = ctx.editor.doc;
    const boxes = new Map();
    const boxOf = (id) => {
      if (!boxes.has(id)) {
        const b = frame.contentDocument.getElementById(id)?.getBoundingClientRect();
        boxes.set(id, b && (b.width || b.height) ? b : null);
      }
      return boxes.get(id);
    };
    const place = dropPlace(doc, componentAt(frame, point.x, point.y), point, boxOf, (n) => ctx.palette.nests(n.type));
    const verdict = ctx.check(place.parent, dragged);
    const line = overlay.querySelector('.drop-line');
    if (!verdict.ok) {
      over = { refused: verdict.message };
      line.hidden = true;
      if (ctx.refusal !== verdict.message) ctx.refuse(verdict.message);
      return;
    }
    over = { parent: place.parent, index: place.index };
    ctx.clearRefusal();
    const { x1, y1, x2, y2 } = place.line;
    const vertical = x1 === x2;
    Object.assign(line.style, {
      left: `${Math.min(x1, x2) * scale - (vertical ? 1 : 0)}px`, top: `${Math.min(y1, y2) * scale - (vertical ? 0 : 1)}px`,
      width: vertical ? '3px' : `${Math.abs(x2 - x1) * scale}px`, height: vertical ? `${Math.abs(y2 - y1) * scale}px` : '3px',
    });
    line.dataset.parent = place.parent || '';
    line.dataset.index = String(place.index);
    line.hidden = false;
  };
  const leave = (e) => {
    over = null;
    document.body.classList.remove('over-preview');
    const line = e.currentTarget.querySelector('.drop-line');
    if (line) line.hidden = true;
  };
  return { onPointerMove: move, onPointerLeave: leave };
}
