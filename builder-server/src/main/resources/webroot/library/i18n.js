// Message bundles (en, zh-CN) and the language switch shared by the library and the image picker.
import { messages } from './messages.js';

const KEY = 'venuekit.lang';
const listeners = new Set();

function initial() {
  const saved = safeStorage(() => localStorage.getItem(KEY));
  if (saved && messages[saved]) return saved;
  const wanted = (navigator.languages || [navigator.language || 'en']).find((l) => messages[l] || l.startsWith('zh'));
  return wanted && wanted.startsWith('zh') ? 'zh-CN' : 'en';
}

let lang = initial();

function safeStorage(fn) {
  try {
    return fn();
  } catch (e) {
    return null; // storage blocked: the choice lasts for this page only
  }
}

export const languages = Object.keys(messages);

export function language() {
  return lang;
}

export function setLanguage(next) {
  if (!messages[next] || next === lang) return;
  lang = next;
  safeStorage(() => localStorage.setItem(KEY, next));
  document.documentElement.lang = next;
  listeners.forEach((fn) => fn(next));
}

/** Calls fn after each switch; returns a function that stops it. */
export function onLanguage(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The message for key in the current language (English if missing), with {name} replaced from params. */
export function t(key, params = {}) {
  const template = messages[lang][key] ?? messages.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name])));
}

export function formatBytes(bytes) {
  if (bytes === undefined || bytes === null) return '';
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${n.format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${n.format(bytes / 1024)} KB`;
  return `${n.format(bytes)} B`;
}

export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatNumber(n) {
  return new Intl.NumberFormat(lang).format(n);
}

/** A select that switches the language, labelled, for any header. */
export function languageSelect() {
  const select = document.createElement('select');
  select.className = 'vk-lang';
  const render = () => {
    select.setAttribute('aria-label', t('lang.label'));
    select.replaceChildren(...languages.map((l) => new Option(messages[l]['lang.name'], l, false, l === lang)));
  };
  render();
  onLanguage(render);
  select.addEventListener('change', () => setLanguage(select.value));
  return select;
}

document.documentElement.lang = lang;
