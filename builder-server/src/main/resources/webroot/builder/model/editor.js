// One open page: the document, its history, and what is not saved yet. Views read `doc` and call
// run()/undo()/redo(); nothing else changes the document. Subscribers hear of every change.
import { apply, invert, documentOf } from './document.js';
import { History } from './history.js';

export class Editor {
  constructor(page, { depth = 200, groupDelay = 500, now = () => Date.now() } = {}) {
    this.history = new History({ depth, groupDelay });
    this.now = now;
    this.listeners = new Set();
    this.load(page);
  }

  /** Starts over from a page as the server has it. */
  load(page) {
    this.meta = { ...page, components: undefined };
    this.base = documentOf(page); // the saved document `version` names
    this.version = page.version;
    this.doc = this.base;
    this.pending = []; // commands applied since `base`, in order (undo and redo included)
    this.emit();
  }

  get dirty() { return this.pending.length > 0 && this.doc !== this.base; }

  /** Applies commands as one step; `key` groups quick successive edits of the same field. */
  run(command, key = null) {
    const list = Array.isArray(command) ? command : [command];
    let doc = this.doc;
    for (const c of list) doc = apply(doc, c); // throws before anything changes
    this.doc = doc;
    list.forEach((c, i) => {
      this.pending.push(c);
      this.history.record(c, { time: this.now(), key: i === 0 ? key : (key ?? '#batch') });
    });
    if (list.length > 1 && key === null) this.history.close();
    this.emit();
  }

  undo() { return this.replay(this.history.undo(invert)); }

  redo() { return this.replay(this.history.redo()); }

  replay(list) {
    if (!list) return false;
    for (const c of list) {
      this.doc = apply(this.doc, c);
      this.pending.push(c);
    }
    this.emit();
    return true;
  }

  /** What a save sends: the document and how many pending commands made it. */
  snapshot() {
    return { doc: this.doc, count: this.pending.length, version: this.version };
  }

  /** The server stored a snapshot's document as `page`; edits made since stay pending. */
  saved(page, snapshot) {
    this.meta = { ...page, components: undefined };
    this.version = page.version;
    this.base = snapshot.doc;
    this.pending = this.pending.slice(snapshot.count);
    this.emit();
  }

  /**
   * After a merge with someone else's save: `theirs` is the server's page, `applied` the commands
   * that turn their document into the merged one. Undo starts afresh: the old steps were made on
   * a document that no longer exists.
   */
  rebased(theirs, applied) {
    this.meta = { ...theirs, components: undefined };
    this.version = theirs.version;
    this.base = documentOf(theirs);
    let doc = this.base;
    for (const c of applied) doc = apply(doc, c);
    this.doc = doc;
    this.pending = applied.slice();
    this.history = new History({ depth: this.history.depth, groupDelay: this.history.groupDelay });
    this.emit();
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit() {
    for (const l of this.listeners) l(this);
  }
}
