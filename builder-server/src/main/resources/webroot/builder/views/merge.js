// Someone else saved while this browser edited: the fields both changed, side by side; the
// operator picks per field, and the merge is saved.
import { html, useState, useEffect, useRef } from '../lib.js';
import { t } from '../i18n/i18n.js';
import { COMPONENT } from '../model/merge.js';

function show(value) {
  if (value === undefined) return t('merge.gone');
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 1);
}

export function MergeDialog({ ctx, merged, who, onApply }) {
  const [choices, setChoices] = useState(() => Object.fromEntries(merged.conflicts.map((c) => [`${c.id}/${c.key}`, 'mine'])));
  const first = useRef();
  useEffect(() => first.current?.focus(), []);
  const name = (c) => {
    if (c.id === '@page') return t('merge.pageField', { field: c.key });
    const node = c.mine || c.theirs || {};
    const l = ctx.palette.label(node.type ? node : { type: '', props: {} });
    const found = ctx.label(c.id);
    return `${found || l.text || l.type} — ${c.key === COMPONENT ? t('merge.component') : c.key}`;
  };
  return html`<div class="dialog merge" role="dialog" aria-modal="true" aria-labelledby="merge-heading" id="merge-dialog">
    <h2 id="merge-heading">${t('merge.heading')}</h2>
    <p>${t('merge.explain', { who: who || '?' })}</p>
    <table><thead><tr><th scope="col"></th><th scope="col">${t('merge.mine')}</th><th scope="col">${t('merge.theirs')}</th></tr></thead>
      <tbody>${merged.conflicts.map((c, i) => {
        const key = `${c.id}/${c.key}`;
        const pick = (side) => setChoices({ ...choices, [key]: side });
        return html`<tr key=${key} data-conflict=${key}>
          <th scope="row">${name(c)}</th>
          <td><label class="choice"><input ref=${i === 0 ? first : undefined} type="radio" name=${`c-${i}`} value="mine" checked=${choices[key] === 'mine'}
            onChange=${() => pick('mine')} /> <span class="sr-only">${t('merge.mine')}</span><pre>${show(c.key === COMPONENT ? (c.mine ? c.mine.props : undefined) : c.mine)}</pre></label></td>
          <td><label class="choice"><input type="radio" name=${`c-${i}`} value="theirs" checked=${choices[key] === 'theirs'}
            onChange=${() => pick('theirs')} /> <span class="sr-only">${t('merge.theirs')}</span><pre>${show(c.key === COMPONENT ? (c.theirs ? c.theirs.props : undefined) : c.theirs)}</pre></label></td>
        </tr>`;
      })}</tbody></table>
    <button type="button" class="primary" id="merge-apply" onClick=${() => onApply(choices)}>${t('merge.apply')}</button>
  </div>`;
}
