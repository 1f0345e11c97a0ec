// Live event pages: listens on the event's channel (channel.js) and applies each
// snapshot with textContent only. Without this script the pages still
// work (forms post and redirect; the presenter screen refreshes itself).
(function () {
  'use strict';
  var section = document.getElementById('current');
  if (!section || !('WebSocket' in window) || !window.fetch || !window.hsChannel) return;
  var base = section.getAttribute('data-live');
  var shown = section.getAttribute('data-current') || '';
  var status = document.getElementById('live-status');
  var lastSummary = '';
  var breakout = null;  // the breakout round and its state when the page was drawn
  var leaving = false;
  document.addEventListener('submit', function () { leaving = true; }, true);

  function summarise(s) {
    if (!status || !s.current) return;
    // A word cloud says its own summary ("12 entries, top: listening (4)"), not every word.
    var text = s.current.summary ? s.current.title + ': ' + s.current.summary
      : s.current.title + ': ' + s.current.responses + ' ' + (status.getAttribute('data-responses') || '');
    // A polite, short summary, and only when it says something new.
    if (text !== lastSummary) { lastSummary = text; status.textContent = text; }
  }

  function apply(s) {
    if (leaving) return;
    // A breakout round starting takes people to their group; other changes redraw.
    var b = s.breakouts ? s.breakouts.round + ':' + s.breakouts.state : '';
    if (breakout === null) breakout = b;
    else if (b !== breakout) {
      if (s.breakouts && s.breakouts.state === 'running' && section.hasAttribute('data-takes-part')) window.location.href = base + '/breakouts';
      else window.location.reload();
      return;
    }
    var now = s.current ? String(s.current.id) : '';
    if (now !== shown) {
      // A different item is on: the server renders it (with its forms) best.
      window.location.reload();
      return;
    }
    if (!s.current) return;
    var parts = section.querySelectorAll('[data-live-part="responses"]');
    for (var i = 0; i < parts.length; i++) {
      parts[i].textContent = parts[i].textContent.replace(/^\d+/, String(s.current.responses));
    }
    var words = section.querySelector('#words tbody');
    if (words && s.current.words) {
      while (words.firstChild) words.removeChild(words.firstChild);
      // Each word is [text, count].
      s.current.words.forEach(function (w) {
        var tr = document.createElement('tr'); tr.className = 'govuk-table__row';
        var a = document.createElement('td'); a.className = 'govuk-table__cell'; a.textContent = w[0];
        var b = document.createElement('td'); b.className = 'govuk-table__cell govuk-table__cell--numeric';
        b.textContent = String(w[1]);
        tr.appendChild(a); tr.appendChild(b); words.appendChild(tr);
      });
    }
    var summary = section.querySelector('#cloud-summary');
    if (summary && s.current.summary) summary.textContent = s.current.summary;
    drawCloud(s.current.picture, s.current.words);
    if (s.current.questions) {
      s.current.questions.forEach(function (q) {
        var li = document.getElementById('q-' + q.id);
        var v = li && li.querySelector('.hs-votes');
        if (v) v.textContent = String(q.votes);
      });
    }
    summarise(s);
  }

  // The word-cloud picture is sent as data (which word goes where), not markup: its
  // text elements are rebuilt here with textContent, so nothing a person wrote is parsed.
  // Each placed word is [index into words, x, y, font size, advance, rotation].
  var SVG = 'http://www.w3.org/2000/svg';
  function drawCloud(p, words) {
    var svg = section.querySelector('#cloud-svg');
    if (!svg || !p || !p.placed || !words) return;
    var g = svg.querySelector('g');
    if (!g) return;
    var named = [];
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
      t.textContent = w[0];
      g.appendChild(t);
      if (named.length < 30) named.push(w[0]);
    });
    // As the page's own label: the prefix, then the first 30 words placed.
    svg.setAttribute('aria-label', (p.label || '') + (named.length ? ': ' + named.join(', ') : ''));
  }

  window.hsChannel(base, apply);
})();
