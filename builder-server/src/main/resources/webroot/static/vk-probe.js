// Venuekit's device probe: sent (as a file, never inline) to an H5 page whose device the server
// could not place. Measures the browser once and keeps it in a first-party cookie, which the next
// page and layout requests carry, so they are tiered by the phone's own hardware.
(function () {
  if (document.cookie.indexOf('vk_dev=') >= 0) return;
  var n = navigator, f = ['v1'];
  if (n.deviceMemory) f.push('m' + n.deviceMemory);
  if (n.hardwareConcurrency) f.push('c' + n.hardwareConcurrency);
  if (window.screen && screen.width) f.push('s' + Math.round(screen.width) + 'x' + Math.round(screen.height));
  if (window.devicePixelRatio) f.push('d' + Math.round(window.devicePixelRatio * 1000) / 1000);
  var e = n.connection && n.connection.effectiveType;
  if (e) f.push('e' + e);
  document.cookie = 'vk_dev=' + f.join('_') + '; Max-Age=2592000; Path=/; SameSite=Lax'
    + (location.protocol === 'https:' ? '; Secure' : '');
})();
