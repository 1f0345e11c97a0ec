// On every page, with JavaScript: where a form came back with problems, focus moves to the
// box that lists them (as GOV.UK's error summary does), so someone on the keyboard or a
// screen reader starts there instead of at the top of the page. Without JavaScript the
// box is still first in the page's main content.
(function () {
  document.body.classList.add('js-enabled');  // GOV.UK's mark that scripts run
  var summary = document.querySelector('.govuk-error-summary');
  if (summary) summary.focus();
})();
