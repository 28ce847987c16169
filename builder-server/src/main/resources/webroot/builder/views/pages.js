// The start screen: every venue page with its status, last editor and time; search; create
// (empty or from a template), duplicate, delete with undo.
import { html, useState, useEffect, useRef } from '../lib.js';
import { api, ApiError } from '../api.js';
import { t, formatTime } from '../i18n/i18n.js';
import { navigate, announce } from '../nav.js';
import { documentOf } from '../model/document.js';

/** draft, scheduled, live or ended, and whether the draft differs from what is live (the server's summary says). */
export function pageStatus(page, now = Date.now()) {
  if (page.status) return { status: page.status, differs: !!page.differsFromLive };
  if (!page.publishedVersion) return { status: 'draft', differs: false };
  const start = page.schedule?.start ? Date.parse(page.schedule.start) : null;
  const end = page.schedule?.end ? Date.parse(page.schedule.end) : null;
  const status = start && now < start ? 'scheduled' : end && now > end ? 'ended' : 'live';
  return { status, differs: !!(page.publishedAt && page.updatedAt && page.updatedAt > page.publishedAt) };
}

function freeSlug(base, pages) {
  const taken = new Set(pages.map((p) => p.slug));
  let n = 2;
  let slug = `${base}-copy`;
  while (taken.has(slug)) slug = `${base}-copy-${n++}`;
  return slug;
}

function NewPageForm({ pages, onDone }) {
  const isSample = (p) => p.createdBy === 'venuekit-sample' || p.slug === 'double11-main';
  const templates = [...pages].sort((a, b) => (isSample(a) ? -1 : 0) - (isSample(b) ? -1 : 0));
  const [from, setFrom] = useState(templates[0]?.id || '');
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [error, setError] = useState(null);
  const first = useRef();
  useEffect(() => first.current?.focus(), []);
  const submit = async (e) => {
    e.preventDefault();
    try {
      const template = from ? await api.page(from) : null;
      const doc = template ? { ...documentOf(template), title, slug } : { title, slug, components: [] };
      const created = await api.create(doc);
      navigate(`?page=${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(err instanceof ApiError ? err : { message: String(err), faults: [] });
    }
  };
  return html`<form class="new-page" onSubmit=${submit} aria-labelledby="new-page-heading">
    <h2 id="new-page-heading">${t('pages.new')}</h2>
    <label>${t('pages.newFrom')}
      <select ref=${first} id="new-from" value=${from} onChange=${(e) => setFrom(e.target.value)}>
        <option value="">${t('pages.empty')}</option>
        ${templates.map((p) => html`<option value=${p.id}>${t('pages.template', { title: p.title })}</option>`)}
      </select></label>
    <label>${t('pages.titleField')} <input id="new-title" required value=${title} onInput=${(e) => setTitle(e.target.value)} /></label>
    <label>${t('pages.slug')} <input id="new-slug" required pattern="[a-z0-9][a-z0-9-]*" value=${slug}
      onInput=${(e) => setSlug(e.target.value)} /></label>
    ${error && html`<div class="error" role="alert">${error.message}
      <ul>${(error.faults || []).map((f) => html`<li>${f.pointer}: ${f.message}</li>`)}</ul></div>`}
    <div class="row"><button type="submit" class="primary">${t('pages.create')}</button>
      <button type="button" onClick=${onDone}>${t('pages.cancel')}</button></div>
  </form>`;
}

export function PageList({ languageSwitch }) {
  const [pages, setPages] = useState(null);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [deleted, setDeleted] = useState(null); // the page just deleted, while its Undo is offered
  const [error, setError] = useState(null);

  const load = () => api.pages().then(setPages, (e) => setError(e.message));
  useEffect(() => { load(); }, []);

  const duplicate = async (summary) => {
    try {
      const page = await api.page(summary.id);
      const copy = await api.create({ ...documentOf(page), title: t('pages.copyTitle', { title: page.title }), slug: freeSlug(page.slug, pages) });
      navigate(`?page=${encodeURIComponent(copy.id)}`);
    } catch (e) {
      setError(e.message);
    }
  };

  const remove = async (page) => {
    try {
      await api.remove(page.id);
      setPages((list) => list.filter((p) => p.id !== page.id));
      setDeleted(page);
      announce(t('pages.deleted', { title: page.title }));
    } catch (e) {
      setError(e.message);
    }
  };
  const undoDelete = async () => {
    const page = deleted;
    try {
      await api.restore(page.id);
      setDeleted(null);
      announce(t('pages.restored', { title: page.title }));
      load();
    } catch (e) {
      setError(e.message);
    }
  };

  const q = query.trim().toLowerCase();
  const shown = (pages || []).filter((p) => !q || p.title?.toLowerCase().includes(q) || p.slug?.toLowerCase().includes(q) || (p.updatedBy || '').toLowerCase().includes(q));

  return html`<div class="screen pages">
    <header class="bar"><h1>${t('pages.heading')}</h1><span class="spacer"></span>${languageSwitch}</header>
    <main class="page-list">
      <div class="row">
        <label class="search">${t('pages.search')} <input type="search" id="page-search" value=${query} onInput=${(e) => setQuery(e.target.value)} /></label>
        <button type="button" class="primary" id="new-page" onClick=${() => setCreating(true)}>${t('pages.new')}</button>
      </div>
      ${creating && pages && html`<${NewPageForm} pages=${pages} onDone=${() => setCreating(false)} />`}
      ${error && html`<p class="error" role="alert">${error}</p>`}
      ${deleted && html`<div class="toast" role="status">${t('pages.deleted', { title: deleted.title })}
        <button type="button" id="undo-delete" onClick=${undoDelete}>${t('pages.undoDelete')}</button></div>`}
      ${pages === null ? html`<p>${t('editor.loading')}</p>` : html`<table class="pages-table">
        <thead><tr><th scope="col">${t('pages.col.title')}</th><th scope="col">${t('pages.col.status')}</th>
          <th scope="col">${t('pages.col.editor')}</th><th scope="col">${t('pages.col.time')}</th><th scope="col">${t('pages.col.actions')}</th></tr></thead>
        <tbody>${shown.map((p) => {
          const s = pageStatus(p);
          return html`<tr key=${p.id} data-page=${p.id}>
            <td><a href=${`/builder/?page=${encodeURIComponent(p.id)}`} onClick=${(e) => { e.preventDefault(); navigate(`?page=${encodeURIComponent(p.id)}`); }}
              aria-label=${t('pages.open', { title: p.title })}>${p.title}</a> <span class="slug">/${p.slug}</span></td>
            <td><span class=${`badge ${s.status}`}>${t(`status.${s.status}`)}</span>${s.differs ? html` <span class="badge differs">${t('status.differs')}</span>` : ''}</td>
            <td>${p.updatedBy || p.createdBy || ''}</td>
            <td><time datetime=${p.updatedAt}>${formatTime(p.updatedAt)}</time></td>
            <td class="actions"><button type="button" onClick=${() => duplicate(p)} aria-label=${t('pages.duplicateOf', { title: p.title })}>${t('pages.duplicate')}</button>
              <button type="button" class="danger" onClick=${() => remove(p)} aria-label=${t('pages.deleteOf', { title: p.title })}>${t('pages.delete')}</button></td>
          </tr>`;
        })}</tbody></table>
        ${shown.length === 0 && html`<p>${t('pages.none')}</p>`}`}
    </main>
  </div>`;
}
