// What the editor screen does, apart from drawing: loads the page, turns the views' intents into
// commands (refusing drops the slots forbid, with the reason), autosaves with the base version,
// merges a concurrent save, publishes and rolls back. Views read it and call its methods.
import { api, ApiError } from '../api.js';
import { t, componentTitle } from '../i18n/i18n.js';
import { announce } from '../nav.js';
import { locate, documentOf, equal, CommandError } from '../model/document.js';
import { Editor } from '../model/editor.js';
import { merge, resolve } from '../model/merge.js';
import { arranging } from './arranging.js';
import { Palette, faultTarget } from '../model/schema.js';
import { Folding } from '../model/folding.js';
import { prefetchPreviews } from './previews.js';
import { countsByComponent } from '../model/events.js';

const SAVE_DELAY_MS = 800;
const RETRY_MS = 2000;
const PRESENCE_MS = 10000;
const EVENTS_MS = 30000; // counts are written by the server every few seconds; a glance every half minute is enough
let paletteCache = null;

function withoutVersions(doc) {
  const strip = (list) => (list || []).map(({ version, ...n }) => ({ ...n, children: strip(n.children) }));
  return { ...doc, components: strip(doc.components) };
}

export class Editing {
  constructor(pageId) {
    this.pageId = pageId;
    this.listeners = new Set();
    this.faults = [];
    this.faultyIds = new Set();
    this.selected = null;
    this.focusKey = null;
    this.status = { kind: 'loading' };
    this.versions = [];
    this.live = null;
    this.conflict = null;
    this.publishFaults = null;
    this.others = [];
    this.saving = null;
    this.timer = null;
    this.failed = false;
    this.events = null; // Map of component id → counts, once read
  }

  async load() {
    paletteCache = paletteCache || api.components().then((json) => new Palette(json, { titleOf: componentTitle }));
    const [palette, page] = await Promise.all([paletteCache, api.page(this.pageId)]);
    this.palette = palette;
    this.editor = new Editor(page);
    this.folding = Folding.initial(this.editor.doc);
    prefetchPreviews(this.editor.doc, this.pageId, page.version);
    this.editor.subscribe(() => this.changed());
    this.status = { kind: 'saved', version: page.version };
    this.emit(); // the editor draws now; the live version's badge follows
    await this.loadVersions();
    this.presence();
    this.loadEvents();
    this.emit();
  }

  /** The page's exposure and click counts per component; again every EVENTS_MS while the page is open. */
  async loadEvents() {
    if (this.closed) return;
    try {
      const json = await api.events(this.pageId);
      const text = json ? JSON.stringify(json.rows || json.components || []) : '';
      if (json && text !== this.eventsText) {
        // a new Map only when a count changed: the tree redraws its rows for a new one
        this.eventsText = text;
        this.events = countsByComponent(json, this.pageId);
        this.emit();
      }
    } catch { /* counts are a help, not the editor's business: try again later */ }
    this.eventsTimer = setTimeout(() => this.loadEvents(), EVENTS_MS);
  }

  async loadVersions() {
    this.versions = await api.versions(this.pageId).catch(() => []);
    const latest = this.versions.reduce((a, v) => (!a || v.number > a.number ? v : a), null);
    const liveNumber = this.editor.meta.publishedVersion || latest?.number;
    if (liveNumber) {
      const snap = await api.version(this.pageId, liveNumber).catch(() => null);
      this.live = snap ? { number: liveNumber, doc: withoutVersions(documentOf(snap.document || snap)) } : null;
    } else {
      this.live = null;
    }
    this.liveFor = null;
    this.versionsLoaded = true;
  }

  /** null if nothing is live, else {number, differs}. */
  liveState() {
    if (!this.live) return null;
    if (this.liveFor !== this.editor.doc) {
      this.liveFor = this.editor.doc;
      this.liveDiffers = !equal(this.live.doc, withoutVersions(this.editor.doc));
    }
    return { number: this.live.number, differs: this.liveDiffers };
  }

  async presence() {
    if (this.closed) return;
    try {
      this.tab = this.tab || Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
      const r = await api.presence(this.pageId, this.tab);
      if (r.status !== 200) return; // a server without presence
      const others = (r.json?.others || []).map((o) => o.name || o);
      // the editor redraws only when someone came or went, not every PRESENCE_MS
      if (others.join('\n') !== this.others.join('\n')) {
        this.others = others;
        this.emit();
      }
    } catch { /* presence is best effort */ }
    this.presenceTimer = setTimeout(() => this.presence(), PRESENCE_MS);
  }

  close() {
    this.closed = true;
    clearTimeout(this.presenceTimer);
    clearTimeout(this.eventsTimer);
    clearTimeout(this.timer);
    if (this.tab) api.leave(this.pageId, this.tab).catch(() => {});
  }

  subscribe(l) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  emit() {
    for (const l of this.listeners) l();
  }

  changed() {
    if (this.editor.dirty) {
      this.status = { kind: 'unsaved' };
      this.scheduleSave();
    }
    this.emit();
  }

  // ---- commands from the views

  run(command, key = null) {
    try {
      this.editor.run(command, key);
      return true;
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
      announce(e.message);
      return false;
    }
  }

  select(id, focusKey = null) {
    this.selected = id;
    this.focusKey = focusKey;
    if (id && id !== '@page') this.folding = this.folding.reveal(this.editor.doc, id);
    this.emit();
  }

  /** Folds (true) or unfolds (false) a container's rows in the tree. */
  fold(id, folded) {
    this.folding = this.folding.set(id, folded);
    this.emit();
  }

  label(id) {
    const found = locate(this.editor.doc, id);
    if (!found) return id;
    const l = this.palette.label(found.node);
    return l.text ? `${l.text} · ${l.type}` : l.type;
  }

  undo() { this.editor.undo(); }

  redo() { this.editor.redo(); }

  // ---- faults

  setFaults(list, doc) {
    this.faults = (list || []).map((f) => {
      const where = faultTarget(doc, f.pointer);
      return { ...f, id: f.componentId || where.id, key: where.key, rest: where.rest };
    });
    const ids = new Set(this.faults.map((f) => f.id).filter(Boolean));
    // the tree redraws every row for a new set: keep the old one when the same components are faulty
    const same = ids.size === this.faultyIds.size && [...ids].every((id) => this.faultyIds.has(id));
    if (!same) this.faultyIds = ids;
  }

  faultsFor(id) {
    return this.faults.filter((f) => f.id === id);
  }

  // ---- saving

  scheduleSave(delay = SAVE_DELAY_MS) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), delay);
  }

  /** Saves now if anything is unsaved; resolves when the draft on the server has every edit made so far. */
  async save() {
    clearTimeout(this.timer);
    if (this.saving) {
      await this.saving;
      return this.editor.dirty ? this.save() : undefined;
    }
    if (!this.editor.dirty || this.conflict) return undefined;
    this.saving = this.saveOnce().finally(() => { this.saving = null; });
    const stored = await this.saving;
    if (stored && this.editor.dirty && !this.conflict) return this.save();
    return undefined;
  }

  async saveOnce() {
    const snap = this.editor.snapshot();
    this.status = { kind: 'saving' };
    this.emit();
    let r;
    try {
      r = await api.save(this.pageId, snap.doc, snap.version);
    } catch (e) {
      if (e.retryAfter) {
        // rate limited (429) or the store is away (503): keep the edits, wait as told, send again
        this.status = { kind: 'waiting', seconds: e.retryAfter };
        this.scheduleSave(e.retryAfter * 1000);
      } else {
        // the network or the server is away: keep the edits and try again shortly
        this.status = { kind: 'failed', message: e.message };
        this.scheduleSave(RETRY_MS);
      }
      this.emit();
      return false;
    }
    if (r.status === 200) {
      this.failed = false;
      this.editor.saved(r.json, snap);
      this.setFaults(r.json.warnings, snap.doc);
      this.status = this.editor.dirty ? { kind: 'unsaved' }
        : this.mergedWith ? { kind: 'merged', who: this.mergedWith, version: r.json.version } : { kind: 'saved', version: r.json.version };
      this.mergedWith = null;
      this.emit();
      return true;
    }
    if (r.status === 409 && (r.json.error?.current || r.json.current)) {
      const merged = this.mergeWith(r.json.error?.current || r.json.current);
      this.emit();
      return merged;
    }
    // refused (400): the draft cannot be stored as it is; the faults say why, the next edit tries again
    this.failed = true;
    this.setFaults(r.json?.error?.faults, snap.doc);
    this.status = { kind: 'failed', message: r.json?.error?.message || `HTTP ${r.status}` };
    this.emit();
    return false;
  }

  /** True if merged without asking (and still to be saved), false if the operator must choose. */
  mergeWith(current) {
    const merged = merge(this.editor.base, documentOf(current), this.editor.doc, this.editor.pending);
    const who = current.updatedBy;
    if (merged.conflicts.length === 0) {
      this.editor.rebased(current, merged.applied);
      this.status = { kind: 'merged', who };
      this.mergedWith = who;
      announce(t('editor.merged', { who }));
      return true;
    }
    this.conflict = { merged, current, who };
    return false;
  }

  /** The operator's per-field choices for a conflicting merge; then saves. */
  async resolveConflict(choices) {
    const { merged, current } = this.conflict;
    const result = resolve(merged, choices);
    this.conflict = null;
    this.editor.rebased(current, result.applied);
    await this.save();
  }

  // ---- publishing

  async publish() {
    this.publishFaults = null;
    await this.save();
    if (this.editor.dirty || this.conflict) return;
    const r = await api.publish(this.pageId, this.editor.version).catch((e) => ({ status: e.status || 0, json: e.body }));
    if (r.status === 201 || r.status === 200) {
      this.status = { kind: 'published', number: r.json.number };
      announce(t('editor.published', { number: r.json.number }));
      this.editor.meta.publishedVersion = r.json.number;
      await this.loadVersions();
    } else {
      const faults = r.json?.error?.faults || [];
      this.setFaults(faults, this.editor.doc);
      this.publishFaults = this.faults.length ? this.faults : [{ message: r.json?.error?.message || `HTTP ${r.status}` }];
      this.status = { kind: 'failed', message: r.json?.error?.message || `HTTP ${r.status}` };
    }
    this.emit();
  }

  async rollback(number) {
    await this.save();
    const json = await api.rollback(this.pageId, number);
    this.editor.meta.publishedVersion = json.number;
    this.status = { kind: 'rolledBack', to: number, number: json.number };
    announce(t('history.rolledBackTo', { to: number, number: json.number }));
    await this.loadVersions();
    this.emit();
  }

  statusText() {
    const s = this.status;
    switch (s.kind) {
      case 'saved': return t('editor.saved', { version: s.version });
      case 'saving': return t('editor.saving');
      case 'unsaved': return t('editor.unsaved');
      case 'failed': return t('editor.saveFailed', { message: s.message });
      case 'waiting': return t('editor.saveWaiting', { seconds: s.seconds });
      case 'merged': return t('editor.merged', { who: s.who });
      case 'published': return t('editor.published', { number: s.number });
      case 'rolledBack': return t('history.rolledBackTo', { to: s.to, number: s.number });
      default: return t('editor.loading');
    }
  }
}


Object.assign(Editing.prototype, arranging);

export { ApiError };
