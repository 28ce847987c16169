// The editor screen: palette, tree, form and three tier previews over one Editing controller.
import { html, useState, useEffect, useRef, useMemo } from '../lib.js';
import { t } from '../i18n/i18n.js';
import { navigate } from '../nav.js';
import { Editing } from './editing.js';
import { PaletteView } from './palette.js';
import { TreeView } from './tree.js';
import { PropertyForm, PageSettings, faultText } from './form.js';
import { Previews } from './previews.js';
import { VersionsPanel } from './versions.js';
import { MergeDialog } from './merge.js';

export function EditorScreen({ id, languageSwitch, lang }) {
  const editing = useMemo(() => new Editing(id), [id]);
  const [, setTick] = useState(0);
  const [error, setError] = useState(null);
  const [panel, setPanel] = useState(null); // 'settings' | 'versions'
  const [versionPreview, setVersionPreview] = useState(null); // {number, doc}
  useEffect(() => {
    const off = editing.subscribe(() => setTick((n) => n + 1));
    editing.load().catch((e) => setError(e.message));
    const keys = (e) => {
      if (!(e.ctrlKey || e.metaKey) || !editing.editor) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) { e.preventDefault(); editing.undo(); }
      else if ((k === 'z' && e.shiftKey) || k === 'y') { e.preventDefault(); editing.redo(); }
    };
    const leave = (e) => {
      if (editing.editor && (editing.editor.dirty || editing.saving)) {
        editing.save();
        e.preventDefault();
        e.returnValue = t('editor.leave');
        return e.returnValue;
      }
      return undefined;
    };
    const gone = () => editing.close();
    document.addEventListener('keydown', keys);
    window.addEventListener('beforeunload', leave);
    window.addEventListener('pagehide', gone);
    return () => {
      off();
      editing.close();
      document.removeEventListener('keydown', keys);
      window.removeEventListener('beforeunload', leave);
      window.removeEventListener('pagehide', gone);
    };
  }, [editing]);

  // a fault link or a selection asks for a field: focus it once it is drawn
  useEffect(() => {
    if (!editing.focusKey) return;
    const k = editing.focusKey;
    const el = document.getElementById(k === '@page' ? 'page-title' : k.startsWith('page-') ? k : `field-${k}`)
      || document.getElementById(`field-${editing.focusKey}-kind`);
    if (el) {
      el.focus();
      el.scrollIntoView?.({ block: 'center' });
      editing.focusKey = null;
    }
  });

  if (error) return html`<div class="screen"><p class="error" role="alert">${error}</p>
    <a href="/builder/" onClick=${(e) => { e.preventDefault(); navigate(''); }}>${t('editor.back')}</a></div>`;
  if (!editing.editor) return html`<p class="loading">${t('editor.loading')}</p>`;

  const { editor } = editing;
  const live = editing.liveState();
  const back = async (e) => {
    e.preventDefault();
    await editing.save();
    if (editor.dirty && !window.confirm(t('editor.leave'))) return;
    navigate('');
  };
  const openFault = (f) => {
    if (f.id === '@page') {
      setPanel('settings');
      editing.select(editing.selected, f.key === 'slug' ? 'page-slug' : '@page');
      return;
    }
    editing.select(f.id, f.key);
  };

  return html`<div class="screen editor">
    <header class="bar">
      <a href="/builder/" class="back" onClick=${back}>← ${t('editor.back')}</a>
      <h1 class="page-name">${editor.doc.title}</h1>
      <span id="save-status" role="status" class=${`save-${editing.status.kind}`}>${editing.statusText()}</span>
      ${!editing.versionsLoaded ? null : live ? html`<span id="live-state" class=${`badge ${live.differs ? 'differs' : 'live'}`}>
        ${live.differs ? t('editor.differs', { number: live.number }) : t('editor.live', { number: live.number })}</span>`
        : html`<span id="live-state" class="badge draft">${t('editor.notPublished')}</span>`}
      ${editing.others.length > 0 && html`<span id="presence" class="badge">${t('editor.others', { names: editing.others.join(', ') })}</span>`}
      <span class="spacer"></span>
      <button type="button" id="undo" disabled=${!editor.history.canUndo} onClick=${() => editing.undo()} title="Ctrl+Z">${t('editor.undo')}</button>
      <button type="button" id="redo" disabled=${!editor.history.canRedo} onClick=${() => editing.redo()} title="Ctrl+Shift+Z / Ctrl+Y">${t('editor.redo')}</button>
      <button type="button" id="settings-toggle" aria-expanded=${panel === 'settings'} onClick=${() => setPanel(panel === 'settings' ? null : 'settings')}>${t('editor.settings')}</button>
      <button type="button" id="versions-toggle" aria-expanded=${panel === 'versions'} onClick=${() => setPanel(panel === 'versions' ? null : 'versions')}>${t('editor.history')}</button>
      <button type="button" id="publish" class="primary" onClick=${() => editing.publish()}>${t('editor.publish')}</button>
      ${languageSwitch}
    </header>
    ${editing.refusal && html`<p id="refusal" class="refusal" role="alert">${editing.refusal}</p>`}
    ${editing.publishFaults && html`<section id="publish-faults" class="faults" role="alert" aria-labelledby="publish-faults-heading">
      <h2 id="publish-faults-heading">${t('publish.heading')}</h2>
      <ul>${editing.publishFaults.map((f) => html`<li>
        ${f.id ? html`<button type="button" class="link" data-field=${`${f.id}/${f.key || ''}`} onClick=${() => openFault(f)}>${f.id === '@page' ? t('editor.settings') : editing.label(f.id)}${f.key ? ` — ${f.key}` : ''}: ${faultText(f)}</button>`
          : html`<span>${f.message}</span>`}</li>`)}</ul>
      <button type="button" onClick=${() => { editing.publishFaults = null; editing.emit(); }}>${t('publish.close')}</button>
    </section>`}
    <main class="workspace">
      <${PaletteView} palette=${editing.palette} onAdd=${(type) => editing.add(type)} onDragStart=${() => editing.dragStarted()}
        refusedAtRelease=${(evt) => editing.refusedAtRelease(evt)}
        onDropFromPalette=${(type, parent, index, onPreview) => editing.dropFromPalette(type, parent, index, onPreview)} />
      <${TreeView} ctx=${editing} lang=${lang} />
      <div class="side">
        ${panel === 'settings' && html`<section class="panel" aria-labelledby="settings-heading"><h2 id="settings-heading">${t('editor.settings')}</h2><${PageSettings} ctx=${editing} /></section>`}
        ${panel === 'versions' && html`<${VersionsPanel} ctx=${editing} versions=${editing.versions} onClose=${() => { setPanel(null); setVersionPreview(null); }}
          onPreview=${(number, doc) => setVersionPreview({ number, doc })} />`}
        <${PropertyForm} ctx=${editing} />
      </div>
      <${Previews} doc=${versionPreview ? versionPreview.doc : editor.doc} pageId=${id} onSelect=${(cid) => editing.select(cid)}
        arrange=${versionPreview ? null : editing}
        label=${versionPreview ? `${t('preview.heading')} · v${versionPreview.number}` : null} />
    </main>
    ${editing.conflict && html`<${MergeDialog} ctx=${editing} merged=${editing.conflict.merged} who=${editing.conflict.who}
      onApply=${(choices) => editing.resolveConflict(choices)} />`}
  </div>`;
}
