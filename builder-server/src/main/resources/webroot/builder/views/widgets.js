// One widget per kind of value, chosen from the prop's JSON Schema. Every widget reports whole
// values through onChange; the form turns them into set-prop commands.
import { html, useState, useEffect } from '../lib.js';
import { t } from '../i18n/i18n.js';
import { widgetKind, linkProblem } from '../model/schema.js';
import { ImageField } from './image-field.js';
import { toLocalInput, fromLocalInput } from '../model/time.js';

export function Widget(props) {
  const kind = widgetKind(props.schema);
  const W = WIDGETS[kind] || JsonWidget;
  return html`<${W} ...${props} />`;
}

function Messages({ id, items }) {
  const list = items.filter(Boolean);
  if (!list.length) return null;
  return html`<ul class="field-faults" id=${id}>${list.map((m) => html`<li role="alert">${m}</li>`)}</ul>`;
}

function describedBy(...ids) {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

function TextWidget({ id, label, schema, value, onChange, faults, multiline }) {
  const text = value ?? '';
  const max = schema.maxLength;
  const over = max !== undefined ? [...text].length - max : 0;
  const counterId = `${id}-count`;
  const faultId = `${id}-faults`;
  const Tag = multiline ? 'textarea' : 'input';
  return html`<div class=${`field text${over > 0 ? ' over' : ''}`}>
    <label for=${id}>${label}</label>
    <${Tag} id=${id} value=${text} aria-invalid=${over > 0 || faults.length > 0}
      aria-describedby=${describedBy(max !== undefined && counterId, faults.length || over > 0 ? faultId : null)}
      onInput=${(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
    ${max !== undefined && html`<span class="counter" id=${counterId} aria-live="polite">${t('form.counter', { count: [...text].length, max })}</span>`}
    <${Messages} id=${faultId} items=${[over > 0 && t('form.tooLong', { over, max }), ...faults]} />
  </div>`;
}

function TextareaWidget(props) {
  return html`<${TextWidget} ...${props} multiline=${true} />`;
}

function NumberWidget({ id, label, schema, value, onChange, faults }) {
  const [raw, setRaw] = useState(value ?? '');
  useEffect(() => setRaw(value ?? ''), [value]);
  const n = raw === '' ? undefined : Number(raw);
  const problems = [];
  if (n !== undefined && schema.minimum !== undefined && n < schema.minimum) problems.push(t('form.min', { min: schema.minimum }));
  if (n !== undefined && schema.maximum !== undefined && n > schema.maximum) problems.push(t('form.max', { max: schema.maximum }));
  if (n !== undefined && schema.type === 'integer' && !Number.isInteger(n)) problems.push(t('form.integer'));
  const limits = [schema.minimum !== undefined && `≥ ${schema.minimum}`, schema.maximum !== undefined && `≤ ${schema.maximum}`].filter(Boolean).join(', ');
  return html`<div class="field number">
    <label for=${id}>${label}${limits && html` <span class="limits">(${limits})</span>`}</label>
    <input id=${id} type="number" value=${raw} min=${schema.minimum} max=${schema.maximum} step=${schema.type === 'integer' ? 1 : 'any'}
      aria-invalid=${problems.length + faults.length > 0} aria-describedby=${problems.length + faults.length ? `${id}-faults` : undefined}
      onInput=${(e) => {
        setRaw(e.target.value);
        if (e.target.value === '') onChange(undefined);
        else if (!Number.isNaN(Number(e.target.value))) onChange(Number(e.target.value));
      }} />
    <${Messages} id=${`${id}-faults`} items=${[...problems, ...faults]} />
  </div>`;
}

function BooleanWidget({ id, label, value, schema, onChange, faults }) {
  const checked = value ?? schema.default ?? false;
  return html`<div class="field boolean">
    <input id=${id} type="checkbox" checked=${checked} onChange=${(e) => onChange(e.target.checked)} />
    <label for=${id}>${label}</label>
    <${Messages} id=${`${id}-faults`} items=${faults} />
  </div>`;
}

function EnumWidget({ id, label, schema, value, onChange, faults }) {
  return html`<div class="field enum">
    <label for=${id}>${label}</label>
    <select id=${id} value=${value ?? ''} onChange=${(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
      <option value="">${t('form.none.option')}</option>
      ${schema.enum.map((v) => html`<option value=${v}>${v}</option>`)}
    </select>
    <${Messages} id=${`${id}-faults`} items=${faults} />
  </div>`;
}

function ColourWidget({ id, label, value, onChange, faults }) {
  const six = /^#[0-9a-fA-F]{6}/.test(value || '') ? value.slice(0, 7) : '#000000';
  return html`<div class="field colour">
    <label for=${id}>${label}</label>
    <div class="row">
      <input id=${`${id}-picker`} type="color" value=${six} aria-label=${label} onInput=${(e) => onChange(e.target.value.toUpperCase())} />
      <input id=${id} value=${value ?? ''} placeholder="#FF2D55" size="10" onInput=${(e) => onChange(e.target.value || undefined)} />
      ${value && html`<button type="button" onClick=${() => onChange(undefined)}>${t('form.clear')}</button>`}
    </div>
    <${Messages} id=${`${id}-faults`} items=${faults} />
  </div>`;
}

function DateTimeWidget({ id, label, value, onChange, faults }) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return html`<div class="field datetime">
    <label for=${id}>${label}</label>
    <input id=${id} type="datetime-local" value=${toLocalInput(value)} aria-describedby=${`${id}-zone`}
      onInput=${(e) => onChange(fromLocalInput(e.target.value))} />
    <span class="hint" id=${`${id}-zone`}>${t('form.timeZone', { zone, utc: value || '—' })}</span>
    <${Messages} id=${`${id}-faults`} items=${faults} />
  </div>`;
}

function MoneyWidget({ id, label, schema, value, onChange, faults }) {
  const cents = value?.cents;
  const [raw, setRaw] = useState(cents === undefined ? '' : (cents / 100).toFixed(2));
  useEffect(() => {
    if (cents === undefined ? raw !== '' : Math.round(Number(raw) * 100) !== cents) setRaw(cents === undefined ? '' : (cents / 100).toFixed(2));
  }, [cents]);
  const currency = value?.currency ?? schema.properties?.currency?.default ?? 'CNY';
  return html`<fieldset class="field money">
    <legend>${label}</legend>
    <label for=${id}>${t('form.amount')}</label>
    <input id=${id} type="number" min="0" step="0.01" value=${raw} onInput=${(e) => {
      setRaw(e.target.value);
      if (e.target.value === '') onChange(undefined);
      else onChange({ ...(value || {}), cents: Math.round(Number(e.target.value) * 100), currency });
    }} />
    <label for=${`${id}-currency`}>${t('form.currency')}</label>
    <input id=${`${id}-currency`} size="4" maxlength="3" value=${currency}
      onInput=${(e) => onChange({ ...(value || { cents: 0 }), currency: e.target.value.toUpperCase() })} />
    <${Messages} id=${`${id}-faults`} items=${faults} />
  </fieldset>`;
}

function LinkWidget({ id, label, schema, value, onChange, faults }) {
  const kinds = schema.properties?.kind?.enum || ['url', 'product', 'shop', 'venue', 'anchor'];
  const problem = value ? linkProblem(value) : null;
  return html`<fieldset class="field link">
    <legend>${label}</legend>
    <label for=${`${id}-kind`}>${t('form.linkKind')}</label>
    <select id=${`${id}-kind`} value=${value?.kind ?? ''} onChange=${(e) => onChange(e.target.value ? { kind: e.target.value, target: value?.target ?? '' } : undefined)}>
      <option value="">${t('form.none.option')}</option>
      ${kinds.map((k) => html`<option value=${k}>${t(`link.kind.${k}`)}</option>`)}
    </select>
    <label for=${id}>${t('form.linkTarget')}</label>
    <input id=${id} value=${value?.target ?? ''} disabled=${!value?.kind} aria-invalid=${!!problem || faults.length > 0}
      aria-describedby=${problem || faults.length ? `${id}-faults` : undefined}
      onInput=${(e) => onChange({ kind: value?.kind || 'url', target: e.target.value })} />
    <${Messages} id=${`${id}-faults`} items=${[problem && t(problem), ...faults]} />
  </fieldset>`;
}

function ImageWidget(props) {
  return html`<${ImageField} ...${props} Messages=${Messages} />`;
}

function ObjectWidget({ id, label, schema, value, onChange, faults, palette }) {
  const props = schema.properties || {};
  return html`<fieldset class="field object">
    <legend>${label}</legend>
    ${Object.entries(props).map(([key, raw]) => {
      const s = palette.resolve(raw);
      return html`<${Widget} key=${key} id=${`${id}-${key}`} label=${s.title || key} schema=${s} palette=${palette} faults=${[]}
        value=${(value || {})[key]} onChange=${(v) => {
          const next = { ...(value || {}) };
          if (v === undefined) delete next[key];
          else next[key] = v;
          onChange(Object.keys(next).length ? next : undefined);
        }} />`;
    })}
    <${Messages} id=${`${id}-faults`} items=${faults} />
  </fieldset>`;
}

function ListWidget({ id, label, schema, value, onChange, faults, palette }) {
  const items = Array.isArray(value) ? value : [];
  const item = palette.resolve(schema.items || {});
  const set = (next) => onChange(next.length ? next : undefined);
  const blank = item.type === 'object' ? {} : item.type === 'string' ? '' : item.type === 'integer' || item.type === 'number' ? 0 : null;
  const swap = (i, j) => {
    const next = items.slice();
    [next[i], next[j]] = [next[j], next[i]];
    set(next);
  };
  return html`<fieldset class="field list">
    <legend>${label}${schema.maxItems ? html` <span class="limits">(${items.length} / ${schema.maxItems})</span>` : ''}</legend>
    <ol>${items.map((v, i) => html`<li key=${i}>
      <${Widget} id=${`${id}-${i}`} label=${t('form.item', { n: i + 1 })} schema=${item} palette=${palette} faults=${[]} value=${v}
        onChange=${(nv) => { const next = items.slice(); next[i] = nv ?? blank; set(next); }} />
      <div class="row">
        <button type="button" class="icon-button" disabled=${i === 0} aria-label=${t('form.upItem', { n: i + 1 })} onClick=${() => swap(i, i - 1)}>↑</button>
        <button type="button" class="icon-button" disabled=${i === items.length - 1} aria-label=${t('form.downItem', { n: i + 1 })} onClick=${() => swap(i, i + 1)}>↓</button>
        <button type="button" class="icon-button danger" aria-label=${t('form.removeItem', { n: i + 1 })} onClick=${() => set(items.filter((_, j) => j !== i))}>✕</button>
      </div>
    </li>`)}</ol>
    <button type="button" id=${id} disabled=${schema.maxItems !== undefined && items.length >= schema.maxItems}
      onClick=${() => set([...items, JSON.parse(JSON.stringify(blank))])}>${t('form.add')}</button>
    <${Messages} id=${`${id}-faults`} items=${faults} />
  </fieldset>`;
}

function JsonWidget({ id, label, value, onChange, faults }) {
  const [raw, setRaw] = useState(value === undefined ? '' : JSON.stringify(value, null, 1));
  const [bad, setBad] = useState(false);
  return html`<div class="field json">
    <label for=${id}>${label} (${t('form.json')})</label>
    <textarea id=${id} value=${raw} onInput=${(e) => {
      setRaw(e.target.value);
      try {
        onChange(e.target.value ? JSON.parse(e.target.value) : undefined);
        setBad(false);
      } catch {
        setBad(true);
      }
    }} />
    <${Messages} id=${`${id}-faults`} items=${[bad && t('form.badJson'), ...faults]} />
  </div>`;
}

const WIDGETS = {
  text: TextWidget, textarea: TextareaWidget, number: NumberWidget, boolean: BooleanWidget, enum: EnumWidget,
  colour: ColourWidget, datetime: DateTimeWidget, money: MoneyWidget, link: LinkWidget, image: ImageWidget,
  list: ListWidget, object: ObjectWidget, json: JsonWidget,
};
