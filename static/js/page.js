// On every page, with JavaScript: where a form came back with problems, focus moves to the
// box that lists them (as GOV.UK's error summary does), so someone on the keyboard or a
// screen reader starts there instead of at the top of the page. Without JavaScript the
// box is still first in the page's main content.
(function () {
  document.body.classList.add('js-enabled');  // GOV.UK's mark that scripts run
  var summary = document.querySelector('.govuk-error-summary');
  if (summary) summary.focus();
})();

// What a speaking-queue press did ("?floor_done=give") is said once: it leaves the address
// as soon as the page shows it, so neither a reload nor a live page fetching itself again
// repeats it after things have moved on. (A "?notice=" stays in the address, as after any
// form; live pages leave it out when they fetch themselves again: live.js, breakouts.js.)
(function () {
  if (!window.history || !window.history.replaceState || !window.URLSearchParams) return;
  var params = new URLSearchParams(window.location.search);
  var had = false;
  ['floor_done'].forEach(function (k) { if (params.has(k)) { params.delete(k); had = true; } });
  if (!had) return;
  var rest = params.toString();
  window.history.replaceState(window.history.state, '', window.location.pathname + (rest ? '?' + rest : '') + window.location.hash);
})();
