// The Venuekit builder: edits a page draft through the same HTTP API any client uses.
'use strict';

const state = { palette: new Map(), common: {}, page: null, selected: null, faults: [] };
const $ = (id) => document.getElementById(id);

async function api(method, path, body, headers = {}) {
  const init = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response = await fetch(path, init);
  if (response.status === 401 && await logIn()) response = await fetch(path, init);
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  return { status: response.status, json };
}

// With AUTH=tokens the API wants a user's token; the server keeps it in an HttpOnly cookie, which
// the preview frame and uploads then carry too.
async function logIn() {
  const token = prompt('This Venuekit needs your API token (the first operator\'s is in DATA_DIR/admin-token).');
  if (!token) return false;
  const response = await fetch('/api/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: token.trim() }),
  });
  return response.ok;
}

function say(message, isError) {
  $('status').textContent = message;
  $('status').style.color = isError ? '#ff8080' : '#9f9';
}

async function loadPalette() {
  const { json } = await api('GET', '/api/components');
  state.common = json.common || {};
  const list = document.querySelector('#palette ul');
  list.innerHTML = '';
  for (const c of json.components) {
    state.palette.set(c.type, c);
    const li = document.createElement('li');
    li.textContent = c.title;
    li.title = c.description || c.type;
    li.draggable = true;
    li.addEventListener('click', () => addComponent(c.type));
    list.appendChild(li);
  }
}

async function loadPages(selectId) {
  const { json } = await api('GET', '/api/pages');
  const select = $('page-select');
  select.innerHTML = '';
  for (const p of json.pages) {
    const option = new Option(`${p.title} (${p.slug})`, p.id);
    select.appendChild(option);
  }
  if (selectId) select.value = selectId;
  if (select.value) await openPage(select.value);
}

async function openPage(id) {
  const { status, json } = await api('GET', `/api/pages/${id}`);
  if (status !== 200) return say(json.error.message, true);
  state.page = json;
  state.selected = null;
  state.faults = [];
  $('page-title').value = json.title || '';
  $('page-slug').value = json.slug || '';
  renderTree();
  renderInspector();
  await loadVersions();
  refreshPreview();
  say(`version ${json.version}`);
}

async function loadVersions() {
  const { json } = await api('GET', `/api/pages/${state.page.id}/versions`);
  const select = $('versions');
  select.innerHTML = '';
  for (const v of json.versions) {
    select.appendChild(new Option(`v${v.number} · ${v.publishedAt.slice(0, 16)}${v.rolledBackFrom ? ' ↩' + v.rolledBackFrom : ''}`, v.number));
  }
}

function findPath(components, id, trail = []) {
  for (let i = 0; i < components.length; i++) {
    if (components[i].id === id) return { list: components, index: i, node: components[i] };
    const found = findPath(components[i].children || [], id);
    if (found) return found;
  }
  return null;
}

function renderTree() {
  const root = $('components');
  root.innerHTML = '';
  const faulty = new Set(state.faults.map((f) => f.componentId).filter(Boolean));
  const build = (components, parent) => {
    for (const c of components) {
      const li = document.createElement('li');
      const node = document.createElement('div');
      node.className = 'node' + (state.selected === c.id ? ' selected' : '') + (faulty.has(c.id) ? ' faulty' : '');
      const title = state.palette.get(c.type)?.title || c.type;
      node.innerHTML = `<span>${escapeHtml(c.props?.title || c.id)}</span><span class="type">${escapeHtml(title)}</span>`;
      for (const [label, action] of [['↑', -1], ['↓', 1], ['✕', 0]]) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = label;
        b.addEventListener('click', (e) => { e.stopPropagation(); action ? move(c.id, action) : remove(c.id); });
        node.appendChild(b);
      }
      node.addEventListener('click', () => { state.selected = c.id; renderTree(); renderInspector(); });
      li.appendChild(node);
      if (c.children && c.children.length) {
        const ol = document.createElement('ol');
        build(c.children, ol);
        li.appendChild(ol);
      }
      parent.appendChild(li);
    }
  };
  build(state.page.components || [], root);
  const warnings = $('warnings');
  warnings.innerHTML = '';
  for (const f of state.faults) {
    const p = document.createElement('p');
    p.className = f.blocking ? 'error' : '';
    p.textContent = `${f.pointer}: ${f.message}`;
    p.addEventListener('click', () => { if (f.componentId) { state.selected = f.componentId; renderTree(); renderInspector(); } });
    warnings.appendChild(p);
  }
}

function resolveRef(schema) {
  if (schema && schema.$ref && schema.$ref.startsWith('common.json#/$defs/')) {
    const name = schema.$ref.substring('common.json#/$defs/'.length);
    return { ...state.common.$defs?.[name], ...schema, $ref: undefined, refName: name };
  }
  return schema || {};
}

function renderInspector() {
  const form = $('props');
  form.innerHTML = '';
  if (!state.selected) {
    form.innerHTML = '<p class="hint">Select a component to edit its properties.</p>';
    return;
  }
  const { node } = findPath(state.page.components, state.selected);
  const schema = state.palette.get(node.type);
  if (!schema) {
    form.innerHTML = `<p class="hint">Unknown component type ${escapeHtml(node.type)}.</p>`;
    return;
  }
  node.props = node.props || {};
  const properties = schema.props.properties || {};
  for (const [name, raw] of Object.entries(properties)) {
    const prop = resolveRef(raw);
    const label = document.createElement('label');
    label.textContent = prop.title || name;
    let input;
    const value = node.props[name] ?? prop.default;
    if (prop.enum) {
      input = document.createElement('select');
      for (const option of prop.enum) input.appendChild(new Option(option, option));
      input.value = value ?? '';
      input.addEventListener('change', () => { node.props[name] = input.value; });
    } else if (prop.type === 'boolean') {
      input = document.createElement('input');
      input.type = 'checkbox';
      input.checked = !!value;
      input.addEventListener('change', () => { node.props[name] = input.checked; });
    } else if (prop.type === 'integer' || prop.type === 'number') {
      input = document.createElement('input');
      input.type = 'number';
      if (prop.minimum !== undefined) input.min = prop.minimum;
      if (prop.maximum !== undefined) input.max = prop.maximum;
      input.value = value ?? '';
      input.addEventListener('change', () => { node.props[name] = input.value === '' ? undefined : Number(input.value); });
    } else if (prop.type === 'string') {
      input = document.createElement(prop.maxLength > 200 ? 'textarea' : 'input');
      if (prop.maxLength) input.maxLength = prop.maxLength;
      input.value = value ?? '';
      input.addEventListener('change', () => { node.props[name] = input.value; });
    } else {
      input = document.createElement('textarea');
      input.value = value === undefined ? '' : JSON.stringify(value, null, 1);
      input.addEventListener('change', () => {
        try { node.props[name] = input.value ? JSON.parse(input.value) : undefined; input.style.outline = ''; }
        catch (e) { input.style.outline = '2px solid #e4393c'; }
      });
      if (prop.refName === 'imageRef') label.appendChild(uploadButton(node, name, input));
    }
    if (prop.description) input.title = prop.description;
    label.appendChild(input);
    form.appendChild(label);
  }
}

function uploadButton(node, name, textarea) {
  const file = document.createElement('input');
  file.type = 'file';
  file.accept = 'image/*';
  file.addEventListener('change', async () => {
    const data = new FormData();
    data.append('file', file.files[0]);
    const response = await fetch('/api/assets', { method: 'POST', body: data });
    const json = await response.json();
    if (!response.ok) return say(json.error.message, true);
    node.props[name] = { ...(node.props[name] || {}), asset: json.id };
    textarea.value = JSON.stringify(node.props[name], null, 1);
    say(`uploaded ${json.id}: ${json.status}`);
  });
  return file;
}

function addComponent(type) {
  const schema = state.palette.get(type);
  const id = `${type}-${Math.random().toString(36).slice(2, 7)}`;
  const component = { id, type, version: schema.version, props: { ...(schema.defaults || {}) }, children: [] };
  const target = state.selected && findPath(state.page.components, state.selected);
  const slots = target && state.palette.get(target.node.type)?.slots;
  if (target && slots && (slots.allowed || []).some((t) => t === '*' || t === type)) {
    target.node.children = target.node.children || [];
    target.node.children.push(component);
  } else {
    state.page.components.push(component);
  }
  state.selected = id;
  renderTree();
  renderInspector();
}

function move(id, delta) {
  const { list, index } = findPath(state.page.components, id);
  const to = index + delta;
  if (to < 0 || to >= list.length) return;
  [list[index], list[to]] = [list[to], list[index]];
  renderTree();
}

function remove(id) {
  const { list, index } = findPath(state.page.components, id);
  list.splice(index, 1);
  if (state.selected === id) state.selected = null;
  renderTree();
  renderInspector();
}

function faultsOf(json, blocking) {
  const list = json.warnings || json.error?.faults || [];
  return list.map((f) => ({ ...f, blocking }));
}

async function save() {
  const page = state.page;
  page.title = $('page-title').value;
  page.slug = $('page-slug').value;
  const { status, json } = await api('PUT', `/api/pages/${page.id}`, page, { 'If-Match': `"${page.version}"` });
  if (status === 409) {
    say(`${json.error.message}`, true);
    if (confirm('Someone saved a newer version. Load it (your edit stays in the console)?')) {
      console.log('your edit', json.yours);
      await openPage(page.id);
    }
    return false;
  }
  if (status !== 200) {
    state.faults = faultsOf(json, true);
    renderTree();
    say(json.error.message, true);
    return false;
  }
  state.page = json;
  state.faults = faultsOf(json, false);
  renderTree();
  refreshPreview();
  say(`saved version ${json.version}` + (state.faults.length ? `, ${state.faults.length} warning(s)` : ''));
  return true;
}

async function publish() {
  if (!(await save())) return;
  const { status, json } = await api('POST', `/api/pages/${state.page.id}/publish`, undefined, { 'If-Match': `"${state.page.version}"` });
  if (status !== 201) {
    state.faults = faultsOf(json, true);
    renderTree();
    return say(json.error.message, true);
  }
  await loadVersions();
  say(`published v${json.number}`);
}

async function rollback() {
  const to = Number($('versions').value);
  if (!to) return;
  const { status, json } = await api('POST', `/api/pages/${state.page.id}/rollback`, { to });
  if (status !== 201) return say(json.error.message, true);
  await loadVersions();
  say(`v${to} is live again as v${json.number}`);
}

async function newPage() {
  const slug = prompt('Slug for the new page (lower-case letters, digits, dashes)');
  if (!slug) return;
  const { status, json } = await api('POST', '/api/pages', { slug, title: slug, components: [] });
  if (status !== 201) return say(json.error.message, true);
  await loadPages(json.id);
}

function refreshPreview() {
  if (!state.page) return;
  $('frame').src = `/api/pages/${state.page.id}/preview?tier=${$('tier').value}&format=html&t=${Date.now()}`;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

$('page-select').addEventListener('change', (e) => openPage(e.target.value));
$('save').addEventListener('click', save);
$('publish').addEventListener('click', publish);
$('rollback').addEventListener('click', rollback);
$('new-page').addEventListener('click', newPage);
$('tier').addEventListener('change', refreshPreview);

loadPalette().then(() => loadPages());
