// The exposure and click counts of a page (GET /api/pages/{id}/events) per component. The
// renderer's tracking ids are '<page id>:<component id>', stable across versions, so counts
// follow a component through every version; the rows say the tier and, in an experiment, the
// variant each count came from.

const empty = () => ({ exposures: 0, clicks: 0 });
const add = (to, row) => {
  to.exposures += Number(row.exposures) || 0;
  to.clicks += Number(row.clicks) || 0;
};

/**
 * Map of component id → {exposures, clicks, tiers: {tier: {exposures, clicks}}, variants: {name: …}}
 * from the answer of GET /api/pages/{id}/events; ids of other pages are left out.
 */
export function countsByComponent(json, pageId) {
  const out = new Map();
  const prefix = `${pageId}:`;
  const of = (tracking) => {
    if (typeof tracking !== 'string' || !tracking.startsWith(prefix)) return null;
    const id = tracking.slice(prefix.length);
    if (!out.has(id)) out.set(id, { ...empty(), tiers: {}, variants: {} });
    return out.get(id);
  };
  const rows = Array.isArray(json?.rows) ? json.rows : null;
  if (rows) {
    for (const row of rows) {
      const c = of(row.tracking);
      if (!c) continue;
      add(c, row);
      if (row.tier) add(c.tiers[row.tier] ||= empty(), row);
      if (row.variant) add(c.variants[row.variant] ||= empty(), row);
    }
  } else {
    for (const row of json?.components || []) {
      const c = of(row.tracking);
      if (c) add(c, row);
    }
  }
  return out;
}

/** Clicks per exposure, or null before any exposure. */
export function clickRate(c) {
  return c && c.exposures > 0 ? c.clicks / c.exposures : null;
}

/** A count for a narrow badge: 950, 1.2K, 3.4M (万 in Chinese). */
export function compact(n, lang = 'en') {
  return new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}
