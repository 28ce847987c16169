// What the component schemas say, read for the builder: nesting (slots), widget kinds,
// defaults, readable labels. Pure functions over the palette served by GET /api/components.

export class Palette {
  /** `titleOf(schema)` names a type to the operator (the builder passes its message bundles' title). */
  constructor({ components = [], common = {} } = {}, { titleOf = (c) => c.title || c.type } = {}) {
    this.types = new Map(components.map((c) => [c.type, c]));
    this.common = common;
    this.titleOf = titleOf;
  }

  get(type) { return this.types.get(type); }

  /** Categories in first-seen order, each with its component schemas. */
  categories() {
    const groups = new Map();
    for (const c of this.types.values()) {
      if (!groups.has(c.category)) groups.set(c.category, []);
      groups.get(c.category).push(c);
    }
    return [...groups.entries()].map(([category, items]) => ({ category, items }));
  }

  /**
   * Whether a `child` type may go into a parent (null: the page's top level) that holds `count`
   * children already; {ok} or {ok: false, reason: message key, args}.
   */
  accepts(parentType, childType, count) {
    if (!parentType) return { ok: true };
    const parent = this.get(parentType);
    const slots = parent?.slots || { allowed: [], max: 0 };
    const allowed = slots.allowed || [];
    if (!allowed.length || slots.max === 0) return { ok: false, reason: 'drop.noChildren', args: { parent: parentType } };
    if (!allowed.includes('*') && !allowed.includes(childType)) {
      return { ok: false, reason: 'drop.only', args: { parent: parentType, allowed: allowed.slice() } };
    }
    if (slots.max !== undefined && count >= slots.max) return { ok: false, reason: 'drop.full', args: { parent: parentType, max: slots.max } };
    return { ok: true };
  }

  /** Whether a component type takes children at all. */
  nests(type) {
    const slots = this.get(type)?.slots;
    return !!slots && (slots.allowed || []).length > 0 && slots.max !== 0;
  }

  /** A prop schema with common.json $refs resolved (one level, keeping the prop's own title). */
  resolve(schema) {
    if (!schema) return {};
    const ref = schema.$ref;
    if (ref && ref.startsWith('common.json#/$defs/')) {
      const name = ref.slice('common.json#/$defs/'.length);
      const { $ref, ...own } = schema;
      return { ...this.resolve(this.common.$defs?.[name]), ...own, ref: name };
    }
    if (ref && ref.startsWith('#/$defs/')) {
      const { $ref, ...own } = schema;
      return { ...this.resolve(this.common.$defs?.[ref.slice('#/$defs/'.length)]), ...own, ref: ref.slice('#/$defs/'.length) };
    }
    return schema;
  }

  /** A new component of `type`, with the schema's defaults and an id not in `taken`. */
  create(type, taken) {
    const schema = this.get(type);
    let n = 1;
    while (taken.has(`${type}-${n}`)) n++;
    return { id: `${type}-${n}`, type, version: schema?.version ?? 1, props: JSON.parse(JSON.stringify(schema?.defaults || {})), children: [] };
  }

  /** A readable label: the title or first text prop, then the type's title. */
  label(node) {
    const schema = this.get(node.type);
    const props = node.props || {};
    let text = props.title || props.name || props.label || props.caption;
    if (!text && schema) {
      for (const [key, raw] of Object.entries(schema.props?.properties || {})) {
        const p = this.resolve(raw);
        if (p.type === 'string' && !p.enum && !p.format && !p.pattern && typeof props[key] === 'string' && props[key]) {
          text = props[key];
          break;
        }
      }
    }
    const typeTitle = schema ? this.titleOf(schema) : node.type;
    return { text: text ? String(text).replace(/\s+/g, ' ').slice(0, 40) : '', type: typeTitle };
  }
}

/** The widget for a prop schema (already resolved): text, textarea, number, boolean, enum, colour, datetime, money, link, image, list, object, json. */
export function widgetKind(p) {
  if (p.ref === 'imageRef') return 'image';
  if (p.ref === 'link') return 'link';
  if (p.ref === 'money') return 'money';
  if (p.ref === 'color') return 'colour';
  if (p.enum) return 'enum';
  if (p.type === 'string' && p.format === 'date-time') return 'datetime';
  if (p.type === 'string') return (p.maxLength || 0) > 120 ? 'textarea' : 'text';
  if (p.type === 'integer' || p.type === 'number') return 'number';
  if (p.type === 'boolean') return 'boolean';
  if (p.type === 'array') return 'list';
  if (p.type === 'object' && p.properties) return 'object';
  return 'json';
}

/** Splits a fault's JSON pointer into {componentIndexPath, propKey, rest}: /components/2/children/0/props/link/target. */
export function faultTarget(doc, pointer) {
  const parts = (pointer || '').split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] !== 'components') return { id: '@page', key: parts[0] || null, rest: parts.slice(1) };
  let list = doc.components || [];
  let node = null;
  let i = 1;
  while (i < parts.length) {
    const n = list[Number(parts[i])];
    if (!n) break;
    node = n;
    i++;
    if (parts[i] === 'children') { list = n.children || []; i++; continue; }
    break;
  }
  if (!node) return { id: null, key: null, rest: [] };
  if (parts[i] === 'props') return { id: node.id, key: parts[i + 1] || null, rest: parts.slice(i + 2) };
  return { id: node.id, key: parts[i] || null, rest: parts.slice(i + 1) };
}

/** Checks a link as the server will: a kind and a target; url targets https:, http: or relative. */
export function linkProblem(link) {
  if (!link) return null;
  if (!link.kind) return 'link.kindMissing';
  const target = (link.target || '').trim();
  if (!target) return 'link.targetMissing';
  if (link.kind === 'url') {
    if (/^\/\//.test(target)) return 'link.urlScheme';
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(target.replace(/[\u0000-\u0020]/g, ''));
    if (scheme && !['https', 'http'].includes(scheme[1].toLowerCase())) return 'link.urlScheme';
    if (!scheme && !target.startsWith('/')) return 'link.urlScheme';
  }
  if (['product', 'shop', 'venue', 'anchor'].includes(link.kind) && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(target)) return 'link.idShape';
  return null;
}
