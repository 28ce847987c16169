// The builder's entry point: one URL per screen (/builder/ lists pages, /builder/?page=<id>
// edits one), so reload and back/forward work.
import { html, render, useState, useEffect } from './lib.js';
import { session } from './api.js';
import { t, lang, setLang, LANGUAGES } from './i18n/i18n.js';
import { PageList } from './views/pages.js';
import { EditorScreen } from './views/editor.js';

function route() {
  const id = new URLSearchParams(location.search).get('page');
  return id ? { screen: 'editor', id } : { screen: 'pages' };
}

function LanguageSwitch({ onChange }) {
  return html`<label class="lang">${t('lang.label')}
    <select value=${lang()} onChange=${(e) => onChange(e.target.value)}>
      ${LANGUAGES.map((l) => html`<option value=${l.code} lang=${l.code}>${l.name}</option>`)}
    </select></label>`;
}

function App() {
  const [where, setWhere] = useState(route());
  const [, setLanguage] = useState(lang());
  const [error, setError] = useState(null);
  useEffect(() => {
    const update = () => setWhere(route());
    window.addEventListener('popstate', update);
    window.addEventListener('venuekit:navigate', update);
    // the screen loads meanwhile: its reads need no token, and its changes wait for the session
    session().catch((e) => setError(e.message));
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('venuekit:navigate', update);
    };
  }, []);
  const switchLanguage = (code) => {
    setLang(code);
    setLanguage(code);
  };
  document.title = t('app.title');
  const languageSwitch = html`<${LanguageSwitch} onChange=${switchLanguage} />`;
  if (error) return html`<p class="error" role="alert">${error}</p>`;
  return where.screen === 'editor'
    ? html`<${EditorScreen} key=${where.id} id=${where.id} languageSwitch=${languageSwitch} lang=${lang()} />`
    : html`<${PageList} languageSwitch=${languageSwitch} lang=${lang()} />`;
}

setLang(lang());
const root = document.getElementById('app');
// index.html's "Loading…" stands until the modules arrive; Preact would render beside it, not over it
root.replaceChildren();
render(html`<${App} />`, root);
