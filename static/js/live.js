// Live event pages (participant, presenter, run page): listens on the event's channel
// (channel.js). Each snapshot carries short signatures of what the pages draw (`sig`:
// the current item, its state, reveal, questions and revealed counts; `staff`: what
// only those who run the event see). When the page's own signature differs, the page
// fetches itself again and swaps its live regions ([data-live-region]), keeping focus
// and anything typed. Word clouds and counts are drawn in place with textContent. Without
// this script the pages still work (forms post and redirect; the presenter screen
// refreshes itself; participant pages offer "See what's happening now").
(function () {
  'use strict';
  function root() { return document.querySelector('[data-live]'); }
  var first = root();
  if (!first || !('WebSocket' in window) || !window.fetch || !window.hsChannel || !window.DOMParser) return;
  var base = first.getAttribute('data-live');
  var staffPage = first.hasAttribute('data-staff');
  var status = document.getElementById('live-status');
  var lastSummary = '';
  var breakout = null;  // the breakout round and its state when the page was drawn
  var leaving = false;
  var latest = null;    // the newest snapshot
  var busy = false, lastFetch = 0;
  // A form posting (the person answered) takes them to a fresh page anyway.
  document.addEventListener('submit', function (e) { if (!e.defaultPrevented) leaving = true; }, false);

  function hideNoJs() {
    var els = document.querySelectorAll('[data-nojs-only]');
    for (var i = 0; i < els.length; i++) els[i].hidden = true;
  }
  hideNoJs();

  function summarise(s) {
    if (!status || !s.current) return;
    // A word cloud says its own summary ("12 entries, top: listening (4)"), not every word.
    var text = s.current.summary ? s.current.title + ': ' + s.current.summary
      : s.current.title + ': ' + s.current.responses + ' ' + (status.getAttribute('data-responses') || '');
    // A polite, short summary, and only when it says something new.
    if (text !== lastSummary) { lastSummary = text; status.textContent = text; }
  }

  function stale(s) {
    var r = root();
    if (!r) return false;
    // A page of another module's part of the event (a Three Horizons board): its own
    // signature in the snapshot, under data-part ("vision:12" is s.vision["12"]).
    var part = r.getAttribute('data-part');
    if (part) {
      var at = part.split(':'), got = s[at[0]] && s[at[0]][at[1]];
      return String(got || '') !== (r.getAttribute('data-part-sig') || '');
    }
    if (s.sig && r.getAttribute('data-sig') !== s.sig) return true;
    // The run page's spread of who has been heard follows every contribution.
    if (s.spread && r.hasAttribute('data-spread') && r.getAttribute('data-spread') !== s.spread) return true;
    // So does the main room's speaking queue (hands, turns, the order), on every page showing it.
    if (s.floors && r.hasAttribute('data-floor') &&
        String(s.floors[r.getAttribute('data-floor-room')] || 0) !== (r.getAttribute('data-floor') || '0')) return true;
    return staffPage && s.staff && r.getAttribute('data-staff') !== s.staff;
  }

  // Where focus is, as something findable again in the new copy of the page.
  function keyOf(el) {
    if (!el || el === document.body) return null;
    if (el.id) return { id: el.id };
    var form = el.form || (el.closest && el.closest('form'));
    return { action: form ? form.getAttribute('action') : '', name: el.name || '', text: (el.textContent || '').trim(), tag: el.tagName };
  }
  function findKey(k) {
    if (!k) return null;
    if (k.id) return document.getElementById(k.id);
    var all = document.querySelectorAll('[data-live-region] ' + k.tag.toLowerCase());
    for (var i = 0; i < all.length; i++) {
      var el = all[i], form = el.form || el.closest('form');
      if ((form ? form.getAttribute('action') : '') === k.action && (el.name || '') === k.name &&
          (el.textContent || '').trim() === k.text) return el;
    }
    return null;
  }

  // What the person has typed or chosen and not sent, by field id.
  function typed(region) {
    var out = [];
    var fields = region.querySelectorAll('input[id], textarea[id], select[id]');
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (f.type === 'hidden') continue;
      if (f.type === 'radio' || f.type === 'checkbox') {
        if (f.checked !== f.defaultChecked) out.push({ id: f.id, checked: f.checked });
      } else if (f.tagName === 'SELECT') {
        out.push({ id: f.id, value: f.value });
      } else if (f.value !== f.defaultValue) {
        out.push({ id: f.id, value: f.value });
      }
    }
    return out;
  }

  function swap(doc) {
    var regions = document.querySelectorAll('[data-live-region]');
    var active = document.activeElement;
    var focusInside = false;
    for (var i = 0; i < regions.length; i++) if (regions[i].contains(active)) focusInside = true;
    var key = focusInside ? keyOf(active) : null;
    var selStart = null, selEnd = null;
    try { if (focusInside && typeof active.selectionStart === 'number') { selStart = active.selectionStart; selEnd = active.selectionEnd; } } catch (e) { /* not a text field */ }
    // The page's signatures come with it: the root may sit outside the regions.
    var fresh0 = doc.querySelector('[data-live]');
    var sigs = null;
    if (fresh0) {
      sigs = {};
      ['data-sig', 'data-staff', 'data-spread', 'data-floor', 'data-part-sig'].forEach(function (k) { sigs[k] = fresh0.getAttribute(k); });
    }
    var kept = [];
    for (var j = 0; j < regions.length; j++) {
      var fresh = doc.getElementById(regions[j].id);
      if (!fresh) { window.location.reload(); return; }
      kept = kept.concat(typed(regions[j]));
      regions[j].parentNode.replaceChild(document.adoptNode(fresh), regions[j]);
    }
    var r = root();
    if (r && sigs) {
      for (var k in sigs) if (sigs[k] !== null) r.setAttribute(k, sigs[k]);
    }
    kept.forEach(function (k) {
      var f = document.getElementById(k.id);
      if (!f) return;
      if ('checked' in k) f.checked = k.checked; else f.value = k.value;
    });
    hideNoJs();
    if (focusInside) {
      var again = findKey(key);
      if (again) {
        again.focus({ preventScroll: true });
        if (selStart !== null) try { again.setSelectionRange(selStart, selEnd); } catch (e) { /* not a text field */ }
      } else {
        // What had focus is gone (an item closed, a button used): the activity's heading.
        var h = document.getElementById('current-heading') || document.getElementById('now');
        if (h) h.focus({ preventScroll: true });
      }
    }
    if (latest) { drawInPlace(latest); summarise(latest); }
  }

  function refresh() {
    if (busy) return;
    // At most about one fetch a second per page, however fast votes come.
    var wait = Math.max(0, lastFetch + 800 - Date.now());
    busy = true;
    setTimeout(function () {
      var r = root();
      var url = (r && r.getAttribute('data-page')) || window.location.pathname + window.location.search;
      url = window.hsChannel.withoutNotice(url);
      lastFetch = Date.now();
      var asked = latest;
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(function (res) { if (!res.ok) throw new Error(String(res.status)); return res.text(); })
        .then(function (html) {
          if (leaving) return;
          swap(new DOMParser().parseFromString(html, 'text/html'));
        })
        .catch(function () { if (!leaving) window.location.reload(); })
        .then(function () {
          busy = false;
          // A newer snapshot came meanwhile: once more. (The same one still differing would
          // only fetch in a loop; the next snapshot decides.)
          if (latest && latest !== asked && stale(latest)) refresh();
        });
    }, wait);
  }

  function apply(s) {
    if (leaving) return;
    latest = s;
    // A breakout round starting takes people to their group; other changes redraw.
    var b = s.breakouts ? s.breakouts.round + ':' + s.breakouts.state : '';
    if (breakout === null) breakout = b;
    else if (b !== breakout) {
      var r = root();
      if (s.breakouts && s.breakouts.state === 'running' && r && r.hasAttribute('data-takes-part')) window.location.href = base + '/breakouts';
      else window.location.reload();
      return;
    }
    if (stale(s)) refresh();
    drawInPlace(s);
    summarise(s);
  }

  function drawInPlace(s) {
    if (!s.current) return;
    var r = root();
    if (!r || r.getAttribute('data-current') !== null && r.getAttribute('data-current') !== '' &&
        r.getAttribute('data-current') !== String(s.current.id)) return;
    var parts = document.querySelectorAll('[data-live-part="responses"]');
    for (var i = 0; i < parts.length; i++) {
      parts[i].textContent = parts[i].textContent.replace(/^\d+/, String(s.current.responses));
    }
    var words = document.querySelector('#words tbody');
    if (words && s.current.words) {
      while (words.firstChild) words.removeChild(words.firstChild);
      // Each word is [text, count].
      s.current.words.forEach(function (w) {
        var tr = document.createElement('tr'); tr.className = 'govuk-table__row';
        var a = document.createElement('td'); a.className = 'govuk-table__cell'; a.textContent = w[0];
        var c = document.createElement('td'); c.className = 'govuk-table__cell govuk-table__cell--numeric';
        c.textContent = String(w[1]);
        tr.appendChild(a); tr.appendChild(c); words.appendChild(tr);
      });
    }
    var summary = document.querySelector('#cloud-summary');
    if (summary && s.current.summary) summary.textContent = s.current.summary;
    drawCloud(s.current.picture, s.current.words);
  }

  // The word-cloud picture is sent as data (which word goes where), not markup: its
  // text elements are rebuilt here with textContent, so nothing a person wrote is parsed.
  // Each placed word is [index into words, x, y, font size, advance, rotation].
  var SVG = 'http://www.w3.org/2000/svg';
  // A word's colour, as the server picks it (wordcloud::colour_for, whose starting value
  // this copies exactly): FNV-1a over the text's UTF-8 bytes, modulo the palette's
  // length. Without BigInt the group's fill (dark grey) is used instead.
  function colourOf(text, palette) {
    if (!palette.length || typeof BigInt !== 'function' || !window.TextEncoder) return null;
    var h = BigInt('1469598103934665603'), prime = BigInt('1099511628211'), mask = BigInt('0xffffffffffffffff');
    var bytes = new TextEncoder().encode(text);
    for (var i = 0; i < bytes.length; i++) h = ((h ^ BigInt(bytes[i])) * prime) & mask;
    return palette[Number(h % BigInt(palette.length))];
  }
  function drawCloud(p, words) {
    var svg = document.querySelector('#cloud-svg');
    if (!svg || !p || !p.placed || !words) return;
    var g = svg.querySelector('g');
    if (!g) return;
    var named = [];
    var palette = (svg.getAttribute('data-palette') || '').split(',').filter(Boolean);
    svg.setAttribute('viewBox', '0 0 ' + p.width + ' ' + p.height);
    while (g.firstChild) g.removeChild(g.firstChild);
    p.placed.forEach(function (q) {
      var w = words[q[0]];
      if (!w) return;
      var x = q[1], y = q[2], size = q[3], advance = q[4], rotate = q[5];
      var t = document.createElementNS(SVG, 'text');
      t.setAttribute('x', String(x));
      t.setAttribute('y', String(y));
      t.setAttribute('font-size', String(size));
      if (advance > 0) {
        t.setAttribute('textLength', String(advance));
        t.setAttribute('lengthAdjust', 'spacingAndGlyphs');
      }
      if (rotate) t.setAttribute('transform', 'rotate(' + rotate + ' ' + x + ' ' + y + ')');
      var fill = colourOf(w[0], palette);
      if (fill) t.setAttribute('fill', fill);
      t.textContent = w[0];
      g.appendChild(t);
      if (named.length < 30) named.push(w[0]);
    });
    // As the page's own label: the prefix, then the first 30 placed words.
    svg.setAttribute('aria-label', (p.label || '') + (named.length ? ': ' + named.join(', ') : ''));
  }

  window.hsChannel(base, apply);
  // present.js posts the presenter's forms without leaving the page (full screen stays).
  window.hsLive = { refresh: refresh };
})();
