// Version history: number, author, local time; a component-level diff against the draft;
// preview per tier; rollback.
import { html, useState, useEffect } from '../lib.js';
import { t, formatTime } from '../i18n/i18n.js';
import { api } from '../api.js';
import { documentOf, locate } from '../model/document.js';
import { changes, COMPONENT } from '../model/merge.js';

/** [{id, label, kind: added|removed|changed|moved, keys}] from `from` to `to`. */
export function diff(palette, from, to) {
  const rows = [];
  for (const [id, keys] of changes(from, to)) {
    if (id === '@page') {
      rows.push({ id, label: t('settings.title'), kind: 'changed', keys: [...keys] });
      continue;
    }
    const inTo = locate(to, id);
    const inFrom = locate(from, id);
    const node = (inTo || inFrom).node;
    const l = palette.label(node);
    const label = l.text ? `${l.text} · ${l.type}` : l.type;
    if (keys.has('added')) rows.push({ id, label, kind: 'added', keys: [] });
    else if (keys.has(COMPONENT) && !inTo) rows.push({ id, label, kind: 'removed', keys: [] });
    else {
      const props = [...keys].filter((k) => k !== 'parent' && k !== COMPONENT);
      if (keys.has('parent')) rows.push({ id, label, kind: 'moved', keys: [] });
      if (props.length) rows.push({ id, label, kind: 'changed', keys: props });
    }
  }
  return rows;
}

export function VersionsPanel({ ctx, versions, onClose, onPreview }) {
  const [chosen, setChosen] = useState(null);
  const [snapshot, setSnapshot] = useState(null);
  useEffect(() => {
    setSnapshot(null);
    if (chosen === null) return;
    api.version(ctx.pageId, chosen).then(setSnapshot, () => {});
  }, [chosen]);
  const rows = snapshot ? diff(ctx.palette, documentOf(snapshot.document || snapshot), ctx.editor.doc) : [];
  return html`<aside id="versions-panel" class="dialog" role="dialog" aria-labelledby="versions-heading">
    <h2 id="versions-heading">${t('history.heading')}</h2>
    ${versions.length === 0 && html`<p>${t('history.none')}</p>`}
    <ol class="versions">${[...versions].reverse().map((v) => html`<li key=${v.number}>
      <button type="button" class=${chosen === v.number ? 'selected' : ''} aria-pressed=${chosen === v.number} data-version=${v.number}
        onClick=${() => setChosen(v.number)}>${t('history.row', { number: v.number, who: v.publishedBy || '', time: formatTime(v.publishedAt) })}
        ${v.rolledBackFrom ? ` (${t('history.rolledBack', { from: v.rolledBackFrom })})` : ''}</button>
    </li>`)}</ol>
    ${snapshot && html`<div class="diff">
      <h3>${t('history.diff', { number: chosen })}</h3>
      ${rows.length === 0 ? html`<p>${t('history.same')}</p>` : html`<ul>${rows.map((r) => html`<li class=${`diff-${r.kind}`}>
        <span class="badge">${t(`history.${r.kind}`)}</span> ${r.label}${r.keys.length ? `: ${r.keys.join(', ')}` : ''}</li>`)}</ul>`}
      <div class="row">
        <button type="button" onClick=${() => onPreview(chosen, documentOf(snapshot.document || snapshot))}>${t('history.preview', { number: chosen })}</button>
        <button type="button" class="primary" id="rollback" onClick=${() => ctx.rollback(chosen)}>${t('history.rollback', { number: chosen })}</button>
      </div>
    </div>`}
    <button type="button" class="close" onClick=${onClose}>${t('history.close')}</button>
  </aside>`;
}
