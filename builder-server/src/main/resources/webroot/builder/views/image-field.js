// The builder's image field: the library's <vk-image-picker> (pick from the library, search, recent,
// upload; the server's crop for the slot's shape; a focus point or box for this use), wrapped so its
// {asset, focus} changes become whole prop values (keeping alt) and so set-prop commands.
import { html, useState, useEffect, useLayoutEffect, useRef } from '../lib.js';
import { t } from '../i18n/i18n.js';
import { user } from '../api.js';

// The library's picker (seven modules) loads when a form first shows an image field, not with the
// editor: most selections never need it.
let pickerModule = null;
export const loadPicker = () => (pickerModule = pickerModule || import('../../library/image-picker.js'));

/**
 * The slot's shape for an image prop, from the component schemas' Venuekit keyword
 * `images: {"/<prop>": {"aspect": "2:1"}}`. The widget knows the prop key (from its field id) and
 * its schema; when several components declare the same prop with the same title, the form's title
 * (the component's title) decides.
 */
export function aspectFor(palette, schema, key, formTitle) {
  if (schema && typeof schema.aspect === 'string') return schema.aspect;
  const pointer = `/${key}`;
  const found = [];
  for (const c of palette?.types?.values?.() || []) {
    const slot = c.images?.[pointer];
    const raw = c.props?.properties?.[key];
    if (!slot?.aspect || !raw) continue;
    const own = palette.resolve(raw);
    if (own.title !== schema?.title || own.description !== schema?.description) continue;
    // the form's title is the translated one (palette.titleOf), so match that
    found.push({ title: palette.titleOf(c), aspect: slot.aspect });
  }
  const shapes = new Set(found.map((f) => f.aspect));
  if (shapes.size === 1) return found[0].aspect;
  if (formTitle) {
    const match = found.filter((f) => formTitle === f.title || formTitle.startsWith(`${f.title} · `));
    if (match.length) return match[0].aspect;
  }
  return found[0]?.aspect || '1:1';
}

function sameUse(a, b) {
  return (a?.asset || null) === (b?.asset || null) && JSON.stringify(a?.focus || null) === JSON.stringify(b?.focus || null);
}

/** The prop value for the picker's {asset, focus}: no asset, no value; an alt text already there stays. */
export function propValue(detail, previous) {
  if (!detail || !detail.asset) return undefined;
  const next = { asset: detail.asset };
  if (detail.focus) next.focus = detail.focus;
  if (previous?.alt) next.alt = previous.alt;
  return next;
}

let adopted = false;

/**
 * Room kept for the picker from the first render: it fills in once the picture's manifest arrives,
 * and the fields below must not move under the operator's pointer meanwhile.
 */
const HOLD = { minHeight: '30rem' };

export function ImageField({ id, label, schema, palette, value, onChange, faults, aspect, Messages }) {
  const host = useRef(null);
  const picker = useRef(null);
  const latest = useRef(null);
  const [formTitle, setFormTitle] = useState(null);
  useLayoutEffect(() => {
    const title = host.current?.closest('form')?.querySelector('.form-title')?.textContent || null;
    if (title !== formTitle) setFormTitle(title);
  });
  const key = (id || '').replace(/^field-/, '');
  const shape = aspect || aspectFor(palette, schema, key, formTitle);
  latest.current = { value, onChange, shape, label };

  const use = (v) => (v?.asset ? { asset: v.asset, focus: v.focus || null } : null);
  const sync = (el) => {
    const now = latest.current;
    if (el.getAttribute('aspect') !== now.shape) el.setAttribute('aspect', now.shape);
    if (el.getAttribute('label') !== now.label) el.setAttribute('label', now.label);
    if (!sameUse(el.value, now.value)) el.value = use(now.value);
  };

  useEffect(() => {
    let gone = false;
    let el = null;
    loadPicker().then(({ mountImagePicker, adoptSession }) => {
      if (gone) return;
      if (!adopted && user()) {
        adoptSession(user()); // one session, one CSRF token for both front-ends
        adopted = true;
      }
      const now = latest.current;
      el = mountImagePicker(host.current, {
        aspect: now.shape, label: now.label, value: use(now.value),
        onChange: (detail) => latest.current.onChange(propValue(detail, latest.current.value)),
      });
      el.id = `${id}-picker`;
      picker.current = el;
      sync(el); // the props may have changed while the picker loaded
    });
    return () => { gone = true; el?.remove(); picker.current = null; };
  }, []);

  useEffect(() => {
    if (picker.current) sync(picker.current);
  }, [shape, label, value?.asset, JSON.stringify(value?.focus || null)]);

  // the fieldset carries the field's id and takes focus, so a fault link can focus the field
  // before (and whether or not) the picker inside has loaded
  return html`<fieldset class="field image" id=${id} tabindex="-1" data-aspect=${shape}>
    <legend>${label}</legend>
    <div class="image-picker-host" ref=${host} style=${HOLD}></div>
    <label for=${`${id}-alt`}>${t('form.alt')}</label>
    <input id=${`${id}-alt`} value=${value?.alt ?? ''} disabled=${!value?.asset}
      onInput=${(e) => onChange({ ...value, alt: e.target.value || undefined })} />
    <${Messages} id=${`${id}-faults`} items=${faults} />
  </fieldset>`;
}
