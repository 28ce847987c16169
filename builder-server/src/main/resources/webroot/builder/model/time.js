// Instants as operators see them: the datetime-local field shows the operator's own time zone;
// the document stores UTC.

const pad = (n) => String(n).padStart(2, '0');

/** An instant (any ISO 8601 form) as the local "YYYY-MM-DDTHH:mm" a datetime-local field shows; '' if none. */
export function toLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d)) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A local "YYYY-MM-DDTHH:mm" as a UTC instant ("…Z"); undefined if empty or not a date. */
export function fromLocalInput(local) {
  if (!local) return undefined;
  const d = new Date(local); // a date-time without a zone is local time
  return isNaN(d) ? undefined : d.toISOString().replace(/\.000Z$/, 'Z');
}
