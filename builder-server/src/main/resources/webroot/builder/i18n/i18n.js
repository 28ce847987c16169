// Message bundles: English and Simplified Chinese. The first choice is the operator's switch
// (kept in localStorage), then the browser's languages (what it sends as Accept-Language).
import en from './en.js';
import zh from './zh-CN.js';

export const LANGUAGES = [{ code: 'en', name: 'English' }, { code: 'zh-CN', name: '简体中文' }];
const bundles = { en, 'zh-CN': zh };

let current = choose();

function choose() {
  const stored = globalThis.localStorage?.getItem('venuekit.lang');
  if (stored && bundles[stored]) return stored;
  for (const l of globalThis.navigator?.languages || []) {
    if (l.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (l.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

export function lang() { return current; }

export function setLang(code) {
  current = bundles[code] ? code : 'en';
  // written only when it changes: the builder sets the language it starts with, and a write to
  // storage is a synchronous round trip of its own
  if (globalThis.localStorage?.getItem('venuekit.lang') !== current) globalThis.localStorage?.setItem('venuekit.lang', current);
  if (globalThis.document) document.documentElement.lang = current;
}

/** The message for `key` in the current language, with {name} replaced from args. */
export function t(key, args = {}) {
  const text = bundles[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (args[name] === undefined ? `{${name}}` : String(args[name])));
}

/** The category's name, or the category id itself when no bundle names it. */
export function category(id) {
  const key = `category.${id}`;
  return bundles[current][key] || en[key] || id;
}

/** A component type's title in the current language: the bundle's, else the schema's own (English). */
export function componentTitle(schema) {
  return bundles[current][`component.${schema.type}`] || schema.title || schema.type;
}

/** A component type's description in the current language, as componentTitle. */
export function componentDescription(schema) {
  return bundles[current][`component.${schema.type}.description`] || schema.description || '';
}

export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(current, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  return `${(n / 1024).toFixed(1)} KB`;
}
