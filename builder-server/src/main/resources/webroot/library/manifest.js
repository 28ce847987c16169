// Reading an asset's manifest (GET /api/assets/{id}): names, phases, variants, crops. Every
// field is read only if present; the manifest grows as the API does.

/** "2:1", "2/1", "2" or 2 to a width/height ratio; null when it is none of these. */
export function ratio(aspect) {
  if (typeof aspect === 'number') return aspect > 0 ? aspect : null;
  if (typeof aspect !== 'string') return null;
  const m = aspect.trim().match(/^(\d+(?:\.\d+)?)\s*(?:[:/x×]\s*(\d+(?:\.\d+)?))?$/);
  if (!m) return null;
  const r = Number(m[1]) / (m[2] ? Number(m[2]) : 1);
  return r > 0 && Number.isFinite(r) ? r : null;
}

export function source(asset) {
  return asset && asset.source ? asset.source : null;
}

/** The name of the uploaded file (the manifest's name), else the format and the id's start (raw uploads, samples). */
export function assetName(asset) {
  if (asset.name) return String(asset.name);
  const s = source(asset);
  return s && s.format ? `${s.format.toLowerCase()} ${asset.id.slice(0, 8)}` : asset.id;
}

/** queued, analysing, encoding, ready or failed: the four steps people see. */
export function phase(asset) {
  switch (asset.status) {
    case 'ready':
    case 'failed':
    case 'queued':
      return asset.status;
    default: {
      const stage = String(asset.stage || '');
      return stage.startsWith('encod') || stage.startsWith('render') ? 'encoding' : 'analysing';
    }
  }
}

export function progress(asset) {
  if (asset.status === 'ready') return 1;
  const p = Number(asset.progress);
  return Number.isFinite(p) ? Math.max(0, Math.min(1, p)) : 0;
}

export function variants(asset) {
  return Array.isArray(asset.variants) ? asset.variants.filter((v) => v && v.url) : [];
}

function byWidth(a, b) {
  return (a.width || 0) - (b.width || 0) || (a.bytes || 0) - (b.bytes || 0);
}

/** The smallest file of a shape (any shape when none is given, squares first): a thumbnail. */
export function thumbnail(asset, shape = null) {
  const all = variants(asset);
  const pick = (list) => list.slice().sort(byWidth)[0] || null;
  if (shape) return pick(all.filter((v) => sameShape(v.shape, shape)));
  return pick(all.filter((v) => v.shape === '1:1')) || pick(all.filter((v) => v.shape !== 'original')) || pick(all);
}

/** The smallest file of a shape at least minWidth wide (else the largest): for a view of that size. */
export function variantAtLeast(asset, shape, minWidth) {
  const list = variants(asset).filter((v) => sameShape(v.shape, shape)).sort(byWidth);
  return list.find((v) => v.width >= minWidth) || list[list.length - 1] || null;
}

export function sameShape(a, b) {
  if (a === b) return true;
  const ra = ratio(a);
  const rb = ratio(b);
  return ra !== null && rb !== null && Math.abs(ra - rb) / rb < 0.01;
}

export function crops(asset) {
  return Array.isArray(asset.crops) ? asset.crops.filter((c) => c && c.width > 0 && c.height > 0) : [];
}

export function cropFor(asset, aspect) {
  return crops(asset).find((c) => sameShape(c.aspect, aspect)) || null;
}

/**
 * The file of the whole picture ({url, width, height, webp}: upright, about 1200 px on the long side),
 * or null for a manifest from before the server made one.
 */
export function wholeImage(asset) {
  if (asset.original && asset.original.url) return asset.original;
  const whole = variants(asset).filter((v) => v.shape === 'original').sort(byWidth);
  return whole.find((v) => v.format === 'jpeg') || whole[0] || null;
}

export function detections(asset) {
  const d = asset.detections || {};
  const boxes = (list) => (Array.isArray(list) ? list.filter((b) => b && b.w > 0 && b.h > 0) : []);
  return {
    faces: boxes(d.faces),
    text: boxes(d.text),
    subject: d.subject && d.subject.w > 0 ? [d.subject] : [],
    unavailable: Array.isArray(d.unavailable) ? d.unavailable : [],
    subjectBy: d.subjectBy || null,
  };
}

/** The asset-wide focus: the one asked for, else the one the crops followed. */
export function assetFocus(asset) {
  return asset.focus || asset.appliedFocus || null;
}

/**
 * Where a crop of this ratio would sit for a focus, as far as this page can tell: the largest
 * window of that shape, centred on the focus and kept inside the picture. The server plans the
 * real one (GET /api/assets/{id}/crops/{shape}: it also keeps faces and never cuts text); this is
 * shown only while the server makes it, or when it cannot be asked.
 */
export function estimateCrop(width, height, r, focus) {
  let w = width;
  let h = w / r;
  if (h > height) {
    h = height;
    w = h * r;
  }
  const cx = (focus.x + (focus.w || 0) / 2) * width;
  const cy = (focus.y + (focus.h || 0) / 2) * height;
  const x = Math.min(Math.max(cx - w / 2, 0), width - w);
  const y = Math.min(Math.max(cy - h / 2, 0), height - h);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(w), height: Math.round(h), estimated: true };
}
