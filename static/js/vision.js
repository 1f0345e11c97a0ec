// Dragging a note between horizons on a Three Horizons board, for facilitators with a
// pointer: dropping a note on another horizon (H2 into H2+ or H2-) sends that note's own
// "Move this note to" form, the keyboard and no-JavaScript way of doing the same, which
// stays on every card. Nothing is moved unless the form offers that horizon. Works again
// after live.js redraws the board (it listens on the document, not on the cards).
(function () {
  'use strict';
  var root = document.getElementById('vision-live');
  if (!root || !('draggable' in document.createElement('div'))) return;
  var dragging = null;

  function moveForm(card) {
    var id = card.id.replace(/^note-/, '');
    return card.querySelector('form[action$="/notes/' + id + '/move"]');
  }
  // Cards that can move get draggable, with a hint for sighted pointer users.
  function mark() {
    var cards = document.querySelectorAll('#vision-live .hs-horizon .hs-card[id^="note-"]');
    for (var i = 0; i < cards.length; i++) {
      if (!moveForm(cards[i]) || cards[i].getAttribute('draggable') === 'true') continue;
      cards[i].setAttribute('draggable', 'true');
      cards[i].setAttribute('title', root.getAttribute('data-drag-hint') || '');
    }
  }
  function horizonOf(el) { return el && el.closest ? el.closest('.hs-horizon') : null; }
  function clear() {
    var t = document.querySelectorAll('.hs-horizon--target');
    for (var i = 0; i < t.length; i++) t[i].classList.remove('hs-horizon--target');
  }
  function accepts(section) {
    if (!dragging || !section) return null;
    var select = moveForm(dragging) && moveForm(dragging).querySelector('select[name="to"]');
    var key = section.getAttribute('data-horizon');
    if (!select || horizonOf(dragging) === section) return null;
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === key) return select;
    return null;
  }

  document.addEventListener('dragstart', function (e) {
    var card = e.target.closest && e.target.closest('.hs-card[draggable="true"]');
    if (!card) return;
    dragging = card;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', card.id);
  });
  document.addEventListener('dragover', function (e) {
    var section = horizonOf(e.target);
    if (!accepts(section)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (!section.classList.contains('hs-horizon--target')) { clear(); section.classList.add('hs-horizon--target'); }
  });
  document.addEventListener('dragleave', function (e) {
    var section = horizonOf(e.target);
    if (section && !section.contains(e.relatedTarget)) section.classList.remove('hs-horizon--target');
  });
  document.addEventListener('drop', function (e) {
    var section = horizonOf(e.target);
    var select = accepts(section);
    clear();
    if (!select) return;
    e.preventDefault();
    select.value = section.getAttribute('data-horizon');
    var form = select.form;
    var status = document.getElementById('vision-drag-status');
    if (status) status.textContent = root.getAttribute('data-dropped') || '';
    dragging = null;
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  });
  document.addEventListener('dragend', function () { dragging = null; clear(); });

  mark();
  // live.js swaps the board in place: new cards need marking again.
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true });
})();
