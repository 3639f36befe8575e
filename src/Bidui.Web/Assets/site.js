// Behaviour the pages would otherwise put in inline handlers (the Content-Security-Policy allows no inline script).
(function () {
  document.addEventListener('change', function (e) {
    var el = e.target;
    if (el && el.matches && el.matches('select[data-autosubmit]') && el.form) { el.form.submit(); }
  });
})();
// A button with data-confirm asks before its form is sent (deleting an attachment).
(function () {
  document.addEventListener('submit', function (e) {
    var button = e.submitter;
    if (button && button.dataset && button.dataset.confirm && !window.confirm(button.dataset.confirm)) { e.preventDefault(); }
  });
})();
