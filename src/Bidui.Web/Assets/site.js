// Behaviour the pages would otherwise put in inline handlers (the Content-Security-Policy allows no inline script).
(function () {
  document.addEventListener('change', function (e) {
    var el = e.target;
    if (el && el.matches && el.matches('select[data-autosubmit]') && el.form) { el.form.submit(); }
  });
})();
