// The presenter screen's controls: full screen, keys (→ next, ← back, R reveal or hide,
// Q show the next question on the screen, X stop showing it, F full screen, ? this help) and its forms posted without leaving the page, so full
// screen stays on; the live channel (live.js) then redraws the screen. Without this
// script the forms post and come back to the presenter screen.
(function () {
  'use strict';
  var stage = document.getElementById('stage');
  if (!stage || !window.fetch || !window.URLSearchParams || !window.FormData) return;
  var help = document.getElementById('present-help');

  function fullscreenButton() { return document.getElementById('present-fullscreen'); }
  function keysButton() { return document.getElementById('present-keys'); }
  function showButtons() {
    var f = fullscreenButton(), k = keysButton();
    if (f && document.documentElement.requestFullscreen) {
      f.hidden = false;
      f.textContent = document.fullscreenElement ? f.getAttribute('data-leave') : f.getAttribute('data-enter');
    }
    if (k && help && help.showModal) k.hidden = false;
  }
  showButtons();
  // live.js swaps the controls when the screen changes: show the buttons again.
  new MutationObserver(function () {
    var f = fullscreenButton(), k = keysButton();
    if ((f && f.hidden && document.documentElement.requestFullscreen) || (k && k.hidden && help && help.showModal)) showButtons();
  }).observe(stage, { childList: true, subtree: true });

  function toggleFullscreen() {
    if (!document.documentElement.requestFullscreen) return;
    if (document.fullscreenElement) document.exitFullscreen();
    else document.documentElement.requestFullscreen().catch(function () {});
  }
  document.addEventListener('fullscreenchange', showButtons);

  function toggleHelp() {
    if (!help || !help.showModal) return;
    if (help.open) help.close(); else help.showModal();
  }

  function post(form) {
    if (!form) return;
    fetch(form.getAttribute('action'), {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)).toString(),
    }).then(function (r) {
      if (!r.ok) window.location.reload();
      else if (window.hsLive) window.hsLive.refresh();
    }).catch(function () { window.location.reload(); });
  }

  stage.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form || !form.closest('#present-controls')) return;
    e.preventDefault();
    post(form);
  });
  stage.addEventListener('click', function (e) {
    var t = e.target;
    if (!t || !t.closest) return;
    if (t.closest('#present-fullscreen')) toggleFullscreen();
    else if (t.closest('#present-keys')) toggleHelp();
  });

  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var tag = e.target && e.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    if (help && help.open && e.key !== '?') return;  // the dialog has its own keys (Esc)
    var k = e.key;
    if (k === 'ArrowRight') post(document.getElementById('present-next'));
    else if (k === 'ArrowLeft') post(document.getElementById('present-back'));
    else if (k === 'r' || k === 'R') post(document.getElementById('present-reveal'));
    else if (k === 'q' || k === 'Q') post(document.getElementById('present-question'));
    else if (k === 'x' || k === 'X') post(document.getElementById('present-unshow'));
    else if (k === 'f' || k === 'F') toggleFullscreen();
    else if (k === '?') toggleHelp();
    else return;
    e.preventDefault();
  });
})();
