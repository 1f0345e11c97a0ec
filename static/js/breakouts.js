// Breakout pages, live: listens on the event's WebSocket (the same channel as the rest
// of the event), counts the time down, and when the snapshot says something changed –
// a message from the facilitator, a new note in this group, a group asking for help –
// fetches this page again and swaps in just those parts, so nothing being typed is lost.
// When this page's round starts or ends, the page reloads (once). Without this script the pages work
// with forms and links alone.
(function () {
  'use strict';
  // A CSV file chosen on the round page is read into the list box, to check and send;
  // without JavaScript the list is pasted.
  var file = document.getElementById('csv-file');
  var box = document.getElementById('csv');
  if (file && box && window.FileReader) {
    file.closest('.govuk-form-group').hidden = false;
    file.addEventListener('change', function () {
      if (!file.files || !file.files[0]) return;
      var reader = new FileReader();
      reader.onload = function () { box.value = String(reader.result); box.focus(); };
      reader.readAsText(file.files[0]);
    });
  }

  var root = document.getElementById('breakout');
  if (!root || !('WebSocket' in window) || !window.fetch || !window.DOMParser || !window.hsChannel) return;
  // This page follows the event by itself: what only a page without JavaScript needs goes.
  function hideNoJs() {
    var els = document.querySelectorAll('[data-nojs-only]');
    for (var i = 0; i < els.length; i++) els[i].hidden = true;
  }
  hideNoJs();
  var base = root.getAttribute('data-live');
  var round = root.getAttribute('data-round');
  var state = root.getAttribute('data-state');
  var group = root.getAttribute('data-group') || '';
  var runner = root.hasAttribute('data-runner');
  var status = document.getElementById('breakout-status');
  var clock = document.getElementById('time-left');
  var endsAt = null;
  var seen = null;
  // Once a form is sent, the page it leads to shows the new state: never reload over it.
  var leaving = false;
  document.addEventListener('submit', function () { leaving = true; }, true);
  window.addEventListener('beforeunload', function () { leaving = true; });

  // The countdown, in minutes and seconds, with the server's words (data-*): a warning
  // at one minute, then, for a round that ends by itself, the minute that brings
  // everyone back. When that passes, the page is asked for once: the server ends the
  // round on that request (or has already), and the live channel says so.
  var backAt = null;
  var warned = false;
  var poked = false;
  // The server's clock less this one's, in seconds: snapshots give the end as a time
  // (a kept snapshot's "seconds left" can be old).
  var skew = 0;
  if (clock && clock.hasAttribute('data-seconds')) {
    skew = Number(clock.getAttribute('data-now')) - Date.now() / 1000;
    endsAt = Date.now() + Number(clock.getAttribute('data-seconds')) * 1000;
    if (clock.hasAttribute('data-back')) backAt = Date.now() + Number(clock.getAttribute('data-back')) * 1000;
    warned = Number(clock.getAttribute('data-seconds')) <= 60;
  }
  function mmss(seconds) {
    var s = seconds % 60;
    return Math.floor(seconds / 60) + (s < 10 ? ':0' : ':') + s;
  }
  function tick() {
    if (!clock || endsAt === null) return;
    var left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
    var text;
    if (left > 0) {
      text = clock.getAttribute(left <= 60 ? 'data-last' : 'data-left').replace('{clock}', mmss(left));
      clock.classList.toggle('govuk-!-font-weight-bold', left <= 60);
      if (left <= 60 && !warned) {
        warned = true;
        if (status) status.textContent = clock.getAttribute('data-warn');
      }
    } else if (backAt !== null) {
      var back = Math.max(0, Math.round((backAt - Date.now()) / 1000));
      text = clock.getAttribute('data-back-text').replace('{clock}', mmss(back));
      if (back === 0 && !poked && !leaving) {
        poked = true;
        fetch(location.pathname, { credentials: 'same-origin' }).catch(function () {});
      }
    } else {
      text = clock.getAttribute('data-up');
    }
    if (clock.textContent !== text) clock.textContent = text;
  }
  setInterval(tick, 1000);

  // Whether it is this person's turn now ('floor', 'round' or ''), to say so when it starts.
  var mine = document.getElementById('floor-finished') ? 'floor' : document.getElementById('floor-pass') ? 'round' : '';
  function say(key) {
    if (status && status.getAttribute(key)) status.textContent = status.getAttribute(key);
  }

  // Swaps in the children of the given parts from a fresh copy of this page.
  function refresh(ids, announce) {
    fetch(window.hsChannel.withoutNotice(location.pathname + location.search), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var doc = new DOMParser().parseFromString(html, 'text/html');
        // Focus stays where it was when that control is still there (a host on "Give the
        // floor" while someone else raises a hand); else it goes to the part's heading.
        var active = document.activeElement;
        var focusId = null, lostIn = null;
        ids.forEach(function (id) {
          var part = document.getElementById(id);
          if (part && active && part.contains(active)) { focusId = active.id || null; lostIn = part; }
        });
        ids.forEach(function (id) {
          var now = document.getElementById(id);
          var next = doc.getElementById(id);
          if (!now || !next) return;
          var nodes = [];
          for (var n = next.firstChild; n; n = n.nextSibling) nodes.push(document.importNode(n, true));
          while (now.firstChild) now.removeChild(now.firstChild);
          nodes.forEach(function (n) { now.appendChild(n); });
        });
        if (lostIn) {
          var again = focusId && document.getElementById(focusId);
          if (!again) again = lostIn.querySelector('h2, h3');
          if (again) {
            if (!again.hasAttribute('tabindex') && !/^(BUTTON|INPUT|A|TEXTAREA|SELECT)$/.test(again.tagName)) again.setAttribute('tabindex', '-1');
            again.focus({ preventScroll: true });
          }
        }
        if (announce) say(announce);
        // Said plainly when it is this person's turn: the floor, or their go in a go-round.
        var mineNow = document.getElementById('floor-finished') ? 'floor' : document.getElementById('floor-pass') ? 'round' : '';
        if (mineNow && mineNow !== mine && status) {
          var text = mineNow === 'floor' ? document.querySelector('#floor-speaking strong') : document.querySelector('#floor-my-turn strong');
          if (text) status.textContent = text.textContent;
        }
        mine = mineNow;
      })
      .catch(function () {});
  }

  function apply(s) {
    var b = s && s.breakouts;
    if (!b || leaving) return;
    // Only a change to this page's own round reloads it: preparing the next round while
    // one runs must stay still (every snapshot names the running round).
    var mine = (b.rounds || {})[round];
    if (mine === undefined && String(b.round) === round) mine = b.state;
    if (mine !== undefined && mine !== state) {
      // The end of the round brings people back to the main event; the facilitator stays.
      if (mine === 'ended' && !runner) window.location.href = base;
      else window.location.reload();
      return;
    }
    if (String(b.round) !== round) {
      // A participant on a finished round goes to the one that starts.
      if (!runner && state === 'ended' && b.state === 'running') window.location.href = base + '/breakouts';
      return;
    }
    if (typeof b.ends_at === 'number') {
      endsAt = (b.ends_at - skew) * 1000;
      if (typeof b.back_in === 'number') backAt = endsAt + 60000;
      tick();
    }
    var now = {
      broadcast: String(b.broadcast_at || ''),
      notes: runner ? JSON.stringify(b.notes || {}) : String((b.notes || {})[group] || 0),
      help: String(b.help || 0),
      placed: String(b.placed || 0),
      // This group's speaking queue (hands, turns, the go-round).
      floor: String((s.floors || {})[group] || 0)
    };
    if (seen) {
      if (now.broadcast !== seen.broadcast && !runner) refresh(['broadcast-area'], 'data-broadcast');
      // A note also changes the host's count of who has been heard.
      if (now.notes !== seen.notes && !runner) refresh(['notes-list', 'floor-area'], 'data-note');
      else if (now.floor !== seen.floor && !runner) refresh(['floor-area'], 'data-floor');
      if (runner && (now.help !== seen.help || now.notes !== seen.notes || now.placed !== seen.placed))
        refresh(['help-area', 'groups-area'], Number(now.help) > Number(seen.help) ? 'data-help' : '');
    }
    seen = now;
  }

  window.hsChannel(base, apply);
})();
