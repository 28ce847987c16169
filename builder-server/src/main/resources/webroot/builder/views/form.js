// The property form of the selected component, generated from its JSON Schema, and the page
// settings form. Edits become set-prop / set-page commands; quick edits of one field group.
import { html } from '../lib.js';
import { t, lang } from '../i18n/i18n.js';
import { commands, locate } from '../model/document.js';
import { Widget } from './widgets.js';
import { toLocalInput, fromLocalInput } from '../model/time.js';
import { clickRate } from '../model/events.js';

export function faultText(f) {
  return f.rest && f.rest.length ? `${f.rest.join('/')}: ${f.message}` : f.message;
}

export function PropertyForm({ ctx }) {
  const { editor, palette, selected } = ctx;
  const found = selected && selected !== '@page' ? locate(editor.doc, selected) : null;
  let body;
  if (!found) {
    body = html`<p class="hint">${t('form.none')}</p>`;
  } else {
    const node = found.node;
    const schema = palette.get(node.type);
    if (!schema) {
      body = html`<p class="hint">${t('form.unknown', { type: node.type })}</p>`;
    } else {
      const faults = ctx.faultsFor(node.id);
      const label = palette.label(node);
      body = html`<form id="props" onSubmit=${(e) => e.preventDefault()} aria-label=${`${label.type}: ${label.text}`}>
        <p class="form-title">${label.type}${label.text ? ` · ${label.text}` : ''}</p>
        ${ctx.events && html`<${EventCounts} counts=${ctx.events.get(node.id)} />`}
        ${Object.entries(schema.props?.properties || {}).map(([key, raw]) => {
          const s = palette.resolve(raw);
          // an image prop's slot shape, from the schema's `images` keyword
          const aspect = schema.images?.[`/${key}`]?.aspect;
          return html`<${Widget} key=${`${node.id}/${key}`} id=${`field-${key}`} label=${s.title || key} schema=${s} palette=${palette} aspect=${aspect}
            value=${(node.props || {})[key]} faults=${faults.filter((f) => f.key === key).map(faultText)}
            onChange=${(v) => ctx.run(commands.setProp(ctx.editor.doc, node.id, key, v), `${node.id}/${key}`)} />`;
        })}
        ${faults.filter((f) => !f.key || !(schema.props?.properties || {})[f.key]).map((f) => html`<p class="field-faults" role="alert">${f.pointer}: ${f.message}</p>`)}
      </form>`;
    }
  }
  return html`<section id="inspector" class="panel" aria-labelledby="inspector-heading">
    <h2 id="inspector-heading">${t('form.heading')}</h2>${body}</section>`;
}

/** The selected component's exposures and clicks, over every version, per tier and per variant. */
function EventCounts({ counts }) {
  if (!counts) return html`<p id="event-counts" class="hint">${t('events.none')}</p>`;
  const n = (v) => v.toLocaleString(lang());
  const rate = (c) => (clickRate(c) === null ? '–' : `${(clickRate(c) * 100).toFixed(1)}%`);
  const line = (c) => t('events.line', { exposures: n(c.exposures), clicks: n(c.clicks), rate: rate(c) });
  const tiers = ['low', 'mid', 'high'].filter((tier) => counts.tiers[tier]);
  const variants = Object.entries(counts.variants);
  return html`<div id="event-counts" class="event-counts">
    <p><strong>${t('events.heading')}</strong> ${line(counts)}</p>
    ${(tiers.length > 1 || variants.length > 0) && html`<ul>
      ${tiers.map((tier) => html`<li>${t(`preview.tier.${tier}`)}: ${line(counts.tiers[tier])}</li>`)}
      ${variants.map(([name, c]) => html`<li>${t('events.variant', { name })}: ${line(c)}</li>`)}
    </ul>`}
  </div>`;
}

const PLATFORMS = ['android', 'ios', 'h5'];
const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

export function PageSettings({ ctx }) {
  const doc = ctx.editor.doc;
  const faults = ctx.faultsFor('@page');
  const at = (key) => faults.filter((f) => f.key === key).map(faultText);
  const set = (key, value) => ctx.run(commands.setPage(ctx.editor.doc, key, value), `@page/${key}`);
  const schedule = doc.schedule || {};
  const targeting = doc.targeting || {};
  const setSchedule = (k, v) => {
    const next = { ...schedule };
    if (v === undefined) delete next[k];
    else next[k] = v;
    set('schedule', Object.keys(next).length ? next : undefined);
  };
  const setTargeting = (k, v) => {
    const next = { ...targeting, [k]: v };
    set('targeting', next);
  };
  return html`<form id="page-settings" class="settings" onSubmit=${(e) => e.preventDefault()} aria-label=${t('editor.settings')}>
    <${Widget} id="page-title" label=${t('settings.title')} schema=${{ type: 'string', maxLength: 80 }} palette=${ctx.palette}
      value=${doc.title} faults=${at('title')} onChange=${(v) => set('title', v ?? '')} />
    <${Widget} id="page-slug" label=${t('settings.slug')} schema=${{ type: 'string', maxLength: 64 }} palette=${ctx.palette}
      value=${doc.slug} faults=${at('slug')} onChange=${(v) => set('slug', v ?? '')} />
    <div class="field datetime"><label for="page-start">${t('settings.start')}</label>
      <input id="page-start" type="datetime-local" value=${toLocalInput(schedule.start)} onInput=${(e) => setSchedule('start', fromLocalInput(e.target.value))} /></div>
    <div class="field datetime"><label for="page-end">${t('settings.end')}</label>
      <input id="page-end" type="datetime-local" value=${toLocalInput(schedule.end)} onInput=${(e) => setSchedule('end', fromLocalInput(e.target.value))} />
      <span class="hint">${Intl.DateTimeFormat().resolvedOptions().timeZone} → UTC</span></div>
    ${at('schedule').map((m) => html`<p class="field-faults" role="alert">${m}</p>`)}
    <div class="field"><label for="page-regions">${t('settings.regions')}</label>
      <input id="page-regions" value=${(targeting.regions || []).join(', ')} onChange=${(e) => setTargeting('regions', list(e.target.value))} /></div>
    <fieldset class="field"><legend>${t('settings.platforms')}</legend>
      ${PLATFORMS.map((p) => html`<label class="inline"><input type="checkbox" checked=${(targeting.platforms || []).includes(p)}
        onChange=${(e) => setTargeting('platforms', e.target.checked ? [...(targeting.platforms || []), p] : (targeting.platforms || []).filter((x) => x !== p))} /> ${p}</label>`)}
    </fieldset>
    <div class="field"><label for="page-audiences">${t('settings.audiences')}</label>
      <input id="page-audiences" value=${(targeting.audiences || []).join(', ')} onChange=${(e) => setTargeting('audiences', list(e.target.value))} /></div>
    ${at('targeting').map((m) => html`<p class="field-faults" role="alert">${m}</p>`)}
  </form>`;
}
