// The library's share form: says at once when the chosen file is over 25 MB, instead of
// sending it all to be refused. The server checks either way; without JavaScript the form
// comes back with the same message (or, far over, a "too large" answer).
(() => {
  const form = document.querySelector('form[data-max-bytes]');
  const input = form && form.querySelector('input[type="file"]');
  if (!input) return;
  const max = Number(form.dataset.maxBytes);
  const group = input.closest('.govuk-form-group');
  const described = input.getAttribute('aria-describedby') || '';
  let message = null;
  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    const tooBig = Boolean(file && file.size > max);
    if (message) {
      message.remove();
      message = null;
      input.setAttribute('aria-describedby', described);
    }
    group.classList.toggle('govuk-form-group--error', tooBig);
    input.classList.toggle('govuk-file-upload--error', tooBig);
    if (!tooBig) return;
    message = document.createElement('p');
    message.id = 'file-size-error';
    message.className = 'govuk-error-message';
    const prefix = document.createElement('span');
    prefix.className = 'govuk-visually-hidden';
    prefix.textContent = `${form.dataset.errorPrefix} `;
    message.append(prefix, form.dataset.tooBig);
    input.before(message);
    input.setAttribute('aria-describedby', `${described} file-size-error`.trim());
    input.value = '';
    input.focus();
  });
})();
