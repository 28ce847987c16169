// The asset library page (/library/): header with who is signed in, the language switch and
// sign-out; a sign-in form when the server wants a token; the library grid at #/ and a
// picture's own page at #/asset/<id> (the browser's back button goes between them).
import { ApiError, currentSession, loadSession, onSession, signIn, signOut } from './api.js';
import { languageSelect, onLanguage, t } from './i18n.js';
import { libraryView } from './library.js';
import { assetPage } from './asset-page.js';

const $ = (id) => document.getElementById(id);
let library = null;
let page = null;

function header() {
  const who = $('vk-who');
  const out = $('vk-sign-out');
  const s = currentSession();
  $('vk-app-title').textContent = t('app.title');
  document.title = t('app.title');
  who.textContent = s.user ? t('app.signedInAs', { name: s.user.name, role: t(`role.${s.user.role || 'null'}`) }) : '';
  out.textContent = t('app.signOut');
  out.hidden = s.signIn !== 'done' || !s.user || s.auth === 'gateway';
}

function showSignIn(error) {
  if (page) {
    page.destroy();
    page = null;
  }
  $('vk-main').hidden = true;
  const form = $('vk-sign-in');
  form.hidden = false;
  $('vk-sign-in-title').textContent = t('signIn.title');
  $('vk-sign-in-help').textContent = t('signIn.help');
  $('vk-token-label').textContent = t('signIn.token');
  $('vk-sign-in-button').textContent = t('signIn.button');
  $('vk-sign-in-error').textContent = error || '';
  $('vk-token').focus();
}

async function route() {
  const s = currentSession();
  if (s.signIn === 'needed') {
    showSignIn();
    return;
  }
  $('vk-sign-in').hidden = true;
  $('vk-main').hidden = false;
  if (!library) {
    library = libraryView();
    $('vk-main').appendChild(library.element);
    library.reload();
  }
  if (page) {
    page.destroy();
    page.element.remove();
    page = null;
  }
  const m = location.hash.match(/^#\/asset\/([^/?#]+)/);
  if (m) {
    library.element.hidden = true;
    page = assetPage(decodeURIComponent(m[1]));
    $('vk-main').appendChild(page.element);
    page.element.querySelector('a')?.focus();
  } else {
    library.element.hidden = false;
    library.refresh();
  }
}

async function start() {
  $('vk-lang-slot').appendChild(languageSelect());
  onLanguage(() => {
    header();
    if (currentSession().signIn === 'needed') showSignIn($('vk-sign-in-error').textContent);
  });
  onSession(() => header());
  $('vk-sign-in').addEventListener('submit', async (e) => {
    e.preventDefault();
    const token = $('vk-token').value;
    if (!token.trim()) {
      $('vk-sign-in-error').textContent = t('signIn.empty');
      return;
    }
    try {
      await signIn(token);
      $('vk-token').value = '';
      if (library) library.reload();
      route();
    } catch (err) {
      $('vk-sign-in-error').textContent = err instanceof ApiError && err.status === 401 ? t('signIn.wrong') : err.message;
    }
  });
  $('vk-sign-out').addEventListener('click', async () => {
    try {
      await signOut();
    } finally {
      if (library) {
        library.element.remove();
        library = null;
      }
      showSignIn();
    }
  });
  onSession((s) => {
    if (s.signIn === 'needed' && $('vk-sign-in').hidden) showSignIn();
  });
  window.addEventListener('hashchange', route);
  await loadSession();
  header();
  route();
}

start();
