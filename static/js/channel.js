// The event's live channel, shared by live.js and breakouts.js: opens the event's
// WebSocket, whose first message is the whole current state (after every reconnection
// too), hands each snapshot to apply(), and reconnects with a growing, jittered delay
// when it drops. Should no message come within 3 s of opening, it fetches the state.
// Nothing a person wrote is parsed as markup: apply() gets parsed JSON.
(function () {
  'use strict';
  window.hsChannel = function (base, apply) {
    var delay = 1000;
    function connect() {
      var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + base + '/live';
      var ws;
      try { ws = new WebSocket(url); } catch (e) { return retry(); }
      var heard = false;
      ws.onopen = function () {
        delay = 1000;
        setTimeout(function () {
          if (heard) return;
          fetch(base + '/state.json', { credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (s) { if (s) apply(s); })
            .catch(function () {});
        }, 3000);
      };
      ws.onmessage = function (m) {
        heard = true;
        try { apply(JSON.parse(m.data)); } catch (e) { /* a malformed message is skipped */ }
      };
      ws.onclose = retry;
    }
    function retry() {
      setTimeout(connect, delay + Math.floor(Math.random() * 500));
      delay = Math.min(delay * 2, 30000);
    }
    connect();
  };
  // A page's address without its confirmation ("?notice=voted", "?floor_done=give"): that
  // was for the press that led here, so a live page fetching itself again leaves it out.
  window.hsChannel.withoutNotice = function (url) {
    return url.replace(/([?&])(notice|floor_done)=[^&#]*&?/g, '$1').replace(/[?&]$/, '');
  };
})();
