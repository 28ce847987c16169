// Loaded on its own by index.html, before the rest of the builder's modules arrive: the GET
// requests a screen starts with go out now instead of after every module has loaded (which took
// most of a second on a busy machine). api.js takes each response once; a later request asks anew.

const started = new Map();

function start(path) {
  const response = fetch(path, { headers: { Accept: 'application/json' } });
  response.catch(() => {}); // a failure is the taker's to report (or nobody's, if never taken)
  started.set(path, response);
}

start('/api/session');
const page = new URLSearchParams(location.search).get('page');
if (page) {
  start('/api/components');
  start(`/api/pages/${encodeURIComponent(page)}`);
  // the saved draft's three previews: the server renders them while the modules load and the
  // editor draws, instead of after (api.previewDraftTiers; views/previews.js checks the version)
  start(`/api/pages/${encodeURIComponent(page)}/preview?tiers=low,mid,high`);
}

/** The response of the GET for `path` started at load, once; null if there is none (left). */
export function takeStarted(path) {
  const response = started.get(path) || null;
  started.delete(path);
  return response;
}
