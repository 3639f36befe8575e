// Case lists: select all on the page, the count of ticked cases, a confirmation before a bulk action, and the
// list's address kept for the case page's "返回列表" (so it returns with the filters, sort and page kept).
(function () {
  var key = 'bidui.caseList';
  function ticks(form) { return Array.prototype.slice.call(form.querySelectorAll('input[name=items]')); }
  function init() {
    var list = document.querySelector('[data-case-list]');
    if (list) {
      try { sessionStorage.setItem(key, location.pathname + location.search); } catch (e) { /* storage off: the link goes to the list */ }
    }
    var back = document.getElementById('back-to-list');
    if (back && back.hasAttribute('data-remembered')) {
      try {
        var saved = sessionStorage.getItem(key);
        // Only a path of this app's case pages (under the same path base) is followed.
        if (saved && saved.indexOf(back.getAttribute('data-prefix')) === 0) { back.setAttribute('href', saved); }
      } catch (e) { /* keep the plain link */ }
    }
    var form = document.getElementById('bulk-form');
    if (!form) { return; }
    var count = document.getElementById('selected-count');
    function update() { if (count) { count.textContent = ticks(form).filter(function (c) { return c.checked; }).length; } }
    var all = document.getElementById('select-all');
    if (all) {
      all.addEventListener('change', function () { ticks(form).forEach(function (c) { c.checked = all.checked; }); update(); });
    }
    form.addEventListener('change', update);
    form.addEventListener('submit', function (e) {
      var button = e.submitter;
      var n = ticks(form).filter(function (c) { return c.checked; }).length;
      if (n === 0) { e.preventDefault(); window.alert('请先勾选任务。'); return; }
      if (button && button.getAttribute('data-confirm') && !window.confirm(button.getAttribute('data-confirm') + '（' + n + ' 条）')) { e.preventDefault(); }
    });
    update();
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
