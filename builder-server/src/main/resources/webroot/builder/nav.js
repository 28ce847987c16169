// Moving between screens, and saying things to screen readers.

/** Goes to /builder/<search> as a new history entry. */
export function navigate(search) {
  history.pushState(null, '', `/builder/${search}`);
  window.dispatchEvent(new Event('venuekit:navigate'));
}

/** Says something through the page's live region (screen readers, and tests, read it). */
export function announce(text) {
  const region = document.getElementById('announce');
  if (region) {
    region.textContent = '';
    region.textContent = text;
  }
}
