// The H5 venue page's live part (docs/client-guide.md, "Live data" and "Claims and draws"): prices, stock and
// sold-out marks from GET /v1/venues/{slug}/live, and the components' actions. A file of this origin, because the
// page's content security policy allows no inline script but the countdown. Plain ES5, no modules: old phones.
(function () {
  'use strict';
  var main = document.getElementById('venue');
  if (!main) return;
  var slug = main.getAttribute('data-slug') || decodeURIComponent((location.pathname.match(/\/venues\/([^\/?#]+)/) || [])[1] || '');
  if (!slug) return;
  var version = main.getAttribute('data-version');
  var POLL_MS = 10000;
  var timer = null;

  function money(m) {
    if (!m || typeof m.cents !== 'number') return '';
    var cents = Math.round(m.cents), sign = cents < 0 ? '-' : '';
    cents = Math.abs(cents);
    var frac = String(cents % 100);
    return sign + (m.currency && m.currency !== 'CNY' ? m.currency + ' ' : '\u00a5') + Math.floor(cents / 100) + '.' + (frac.length < 2 ? '0' + frac : frac);
  }

  function each(selector, root, fn) {
    var list = (root || document).querySelectorAll(selector);
    for (var i = 0; i < list.length; i++) fn(list[i]);
  }

  // A bound component's first resolved item: data-vk-bind="source:id ..."
  function itemFor(el, items) {
    var refs = (el.getAttribute('data-vk-bind') || '').split(' ');
    for (var i = 0; i < refs.length; i++) {
      var at = refs[i].indexOf(':');
      if (at < 0) continue;
      var bySource = items[refs[i].slice(0, at)];
      var item = bySource && bySource[refs[i].slice(at + 1)];
      if (item) return item;
    }
    return null;
  }

  function setField(el, name, text) {
    each('[data-vk-field="' + name + '"]', el, function (f) {
      f.textContent = text ? (f.getAttribute('data-vk-prefix') || '') + text : '';
      f.hidden = !text;
    });
  }

  function markSoldOut(el, soldOut) {
    el.classList.toggle('vk-soldout', soldOut);
    each('button[data-vk-action]', el, function (b) {
      var type = action(b).type;
      if (type === 'claim-coupon' || type === 'add-to-cart' || type === 'enter-lottery') b.disabled = soldOut;
    });
  }

  function apply(live) {
    var items = live.items || {};
    var soldOut = {}, hidden = {};
    (live.soldOut || []).forEach(function (id) { soldOut[id] = true; });
    (live.hidden || []).forEach(function (h) { hidden[h.component] = true; });
    each('[data-vk-bind]', main, function (el) {
      var item = itemFor(el, items);
      if (!item) {
        // not served here (unresolved: the app's own services), or gone: never leave the published price
        if (isServed(el, live)) { setField(el, 'price', ''); setField(el, 'originalPrice', ''); }
        return;
      }
      if (item.price) setField(el, 'price', money(item.price));
      if (item.originalPrice) setField(el, 'originalPrice', money(item.originalPrice));
      if (item.amount) setField(el, 'amount', money(item.amount));
      if (item.threshold) setField(el, 'threshold', money(item.threshold));
      markSoldOut(el, !!soldOut[el.id] || item.soldOut === true);
    });
    Object.keys(hidden).forEach(function (id) {
      var el = document.getElementById(id);
      if (el) el.hidden = true;
    });
    main.setAttribute('data-vk-live', live.priceSnapshot || live.asOf || 'yes');
    if (live.page && version && String(live.page.version) !== version) {
      // a newer version is live: its references may differ, so take the page again on the next visit
      main.setAttribute('data-vk-outdated', String(live.page.version));
    }
  }

  function isServed(el, live) {
    var unresolved = live.unresolved || [];
    for (var i = 0; i < unresolved.length; i++) if (unresolved[i].component === el.id) return false;
    return true;
  }

  function withoutPrices() {
    // the live data is away and the server has no copy: show the page without prices (client guide)
    each('[data-vk-bind]', main, function (el) { setField(el, 'price', ''); setField(el, 'originalPrice', ''); });
    main.setAttribute('data-vk-live', 'unavailable');
  }

  function refresh() {
    if (typeof fetch !== 'function') return;
    fetch('/v1/venues/' + encodeURIComponent(slug) + '/live', {cache: 'no-cache', credentials: 'same-origin'})
      .then(function (r) { if (!r.ok) throw new Error('live ' + r.status); return r.json(); })
      .then(apply)
      .catch(withoutPrices);
  }

  function schedule() {
    clearInterval(timer);
    timer = document.visibilityState === 'hidden' ? null : setInterval(refresh, POLL_MS);
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState !== 'hidden') refresh();
    schedule();
  });

  // --- actions -------------------------------------------------------------------------------------------

  function action(el) {
    try { return JSON.parse(el.getAttribute('data-vk-action')) || {}; } catch (e) { return {}; }
  }

  function say(el, text) {
    var host = el.closest('.vk') || el.parentNode;
    var msg = host.querySelector('.vk-msg');
    if (!msg) {
      msg = document.createElement('span');
      msg.className = 'vk-msg';
      msg.setAttribute('role', 'status');
      host.appendChild(msg);
    }
    msg.textContent = text;
  }

  function key() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  }

  // One Idempotency-Key per tap; a dropped connection is retried once with the same key, which the server
  // answers with the first answer (never a second coupon).
  function post(path, idempotencyKey, retried) {
    return fetch(path, {method: 'POST', credentials: 'same-origin', headers: {'Idempotency-Key': idempotencyKey}})
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) { return {status: r.status, body: body}; });
      }, function (e) {
        if (retried) throw e;
        return post(path, idempotencyKey, true);
      });
  }

  var CLAIM_ANSWERS = {
    201: 'Claimed: the coupon is yours', 401: 'Sign in to claim', 409: 'You have this coupon already',
    410: 'This coupon has expired', 429: 'Too many taps: try again in a moment'
  };
  var DRAW_ANSWERS = {
    401: 'Sign in to play', 409: 'No chances left', 410: 'Every prize has been won', 429: 'Too many taps: try again in a moment'
  };

  function claim(el, id) {
    el.disabled = true;
    post('/v1/coupons/' + encodeURIComponent(id) + '/claim', key()).then(function (a) {
      var code = a.body && a.body.error && a.body.error.code || a.body && a.body.code;
      if (a.status === 409 && code === 'sold-out') {
        say(el, 'Sold out');
        markSoldOut(el.closest('.vk') || el, true);
        return;
      }
      say(el, CLAIM_ANSWERS[a.status] || (a.status === 409 && code === 'not-yet-open' ? 'Not open yet' : 'Could not claim now: try again'));
      el.disabled = a.status === 201 || a.status === 409 || a.status === 410;
    }, function () {
      el.disabled = false;
      say(el, 'No connection: try again');
    });
  }

  function draw(el, id) {
    el.disabled = true;
    post('/v1/lotteries/' + encodeURIComponent(id) + '/draw', key()).then(function (a) {
      var d = a.body && a.body.draw;
      if (a.status === 200 && d) {
        say(el, d.result === 'win' && d.prize ? 'You won: ' + d.prize.name : 'No prize this time');
        el.disabled = d.drawsLeft === 0;
        return;
      }
      say(el, DRAW_ANSWERS[a.status] || 'Could not play now: try again');
      el.disabled = a.status === 409 || a.status === 410;
      if (a.status === 410) markSoldOut(el.closest('.vk') || el, true);
    }, function () {
      el.disabled = false;
      say(el, 'No connection: try again');
    });
  }

  // The page's host app (a webview) handles the cart: it listens for this event; in a plain browser the
  // button says so.
  function addToCart(el, a) {
    var detail = {productId: a.productId, quantity: a.quantity || 1, component: (el.closest('.vk') || el).id};
    var handled = !window.dispatchEvent(new CustomEvent('venuekit:add-to-cart', {detail: detail, cancelable: true}));
    say(el, handled ? 'Added to cart' : 'Open in the app to add to cart');
  }

  function switchTab(a) {
    var tabs = document.getElementById(a.tabs);
    if (!tabs) return;
    var panels = tabs.querySelectorAll(':scope > details');
    var panel = panels[a.tab];
    if (!panel) return;
    for (var i = 0; i < panels.length; i++) panels[i].open = i === a.tab;
    tabs.scrollIntoView({block: 'start', behavior: 'smooth'});
  }

  function scrollTo(a) {
    var target = document.getElementById(a.anchor);
    if (!target) return;
    var inTab = target.closest('details');
    if (inTab && !inTab.open) inTab.open = true;
    target.scrollIntoView({block: 'start', behavior: 'smooth'});
  }

  function perform(el, event) {
    var a = action(el);
    switch (a.type) {
      case 'claim-coupon': if (a.couponId) claim(el, a.couponId); break;
      case 'enter-lottery': if (a.lotteryId) draw(el, a.lotteryId); break;
      case 'add-to-cart': if (a.productId) addToCart(el, a); break;
      case 'switch-tab': switchTab(a); break;
      case 'scroll-to': scrollTo(a); break;
      case 'open-link':
        if (typeof a.href === 'string' && !el.closest('a[href]')) location.href = a.href;
        return; // a link inside the element goes by itself
      default: return;
    }
    event.preventDefault();
  }

  document.addEventListener('click', function (event) {
    var el = event.target.closest && event.target.closest('[data-vk-action]');
    if (el && main.contains(el) && !el.disabled) perform(el, event);
  });
  document.addEventListener('keydown', function (event) {
    var el = event.target;
    if ((event.key === 'Enter' || event.key === ' ') && el.getAttribute && el.getAttribute('role') === 'button' && el.hasAttribute('data-vk-action')) {
      perform(el, event);
    }
  });

  refresh();
  schedule();
})();
