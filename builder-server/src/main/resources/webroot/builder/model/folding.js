// Which containers of the tree are folded. On a big page the top-level containers start folded,
// so the editor opens by drawing tens of rows instead of every component (drawing 1,000 rows
// took seconds in Chromium); a selection, an addition or a move unfolds the way to its component.
// A value: every change returns a new Folding naming the ids it touched, so tree rows outside
// them can skip redrawing.

/** Pages with more components than this start with their top-level containers folded. */
export const FOLD_ABOVE = 150;

export class Folding {
  constructor(folded = new Set(), touched = []) {
    this.folded = folded;
    this.touched = touched;
  }

  /** Everything unfolded on a small page; on a big one, every top-level component with children folded. */
  static initial(doc, limit = FOLD_ABOVE) {
    let count = 0;
    const countAll = (list) => list.forEach((n) => { count++; countAll(n.children || []); });
    countAll(doc.components || []);
    if (count <= limit) return new Folding();
    return new Folding(new Set((doc.components || []).filter((n) => (n.children || []).length > 0).map((n) => n.id)));
  }

  isFolded(id) {
    return this.folded.has(id);
  }

  /** Folds or unfolds one container. */
  set(id, folded) {
    if (this.folded.has(id) === folded) return this;
    const next = new Set(this.folded);
    if (folded) next.add(id);
    else next.delete(id);
    return new Folding(next, [id]);
  }

  /** Unfolds every container around `id`, so its row is drawn. */
  reveal(doc, id) {
    const around = ancestors(doc, id).filter((a) => this.folded.has(a));
    if (!around.length) return this;
    const next = new Set(this.folded);
    around.forEach((a) => next.delete(a));
    return new Folding(next, around);
  }
}

/** The ids of the components that contain `id`, outermost first ([] at the top level or if absent). */
export function ancestors(doc, id) {
  const path = [];
  const search = (list) => list.some((n) => {
    if (n.id === id) return true;
    path.push(n.id);
    if (search(n.children || [])) return true;
    path.pop();
    return false;
  });
  return search(doc.components || []) ? path : [];
}
