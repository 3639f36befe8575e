// 考核评估 pages: sortable tables, selects that submit their form, and the trend chart from the JSON the page
// embeds (no inline script: the pages run under a Content-Security-Policy without it).
(function () {
  function cellKey(row, index, numeric) {
    var cell = row.cells[index];
    var raw = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
    if (!numeric) { return raw; }
    return raw === '' || isNaN(Number(raw)) ? null : Number(raw);
  }

  function sortBy(table, th) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.getAttribute('data-type') === 'number';
    var ascending = !th.classList.contains('sorted-asc');
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.classList.remove('sorted-asc', 'sorted-desc'); });
    th.classList.add(ascending ? 'sorted-asc' : 'sorted-desc');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellKey(a, index, numeric), y = cellKey(b, index, numeric);
      if (x === null && y === null) { return 0; }
      if (x === null) { return 1; } // no value: always last
      if (y === null) { return -1; }
      var c = numeric ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function drawTrend() {
    var holder = document.getElementById('trend-data');
    var target = document.getElementById('chart-trend');
    if (!holder || !target || typeof echarts === 'undefined') { return; }
    var data = JSON.parse(holder.textContent);
    if (!data.rounds) { return; }
    var hasRank = data.series.some(function (s) { return s.rank; });
    var chart = echarts.init(target);
    chart.setOption({
      title: { text: data.title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 34, type: 'scroll' },
      grid: { top: 72, left: 50, right: 50, bottom: 40 },
      xAxis: { type: 'category', data: data.rounds },
      yAxis: hasRank
        ? [{ type: 'value', name: '总分', min: 0, max: 100 }, { type: 'value', name: '排名', inverse: true, min: 1, minInterval: 1 }]
        : [{ type: 'value', name: '总分', min: 0, max: 100 }],
      series: data.series.map(function (s) {
        return { name: s.name, type: 'line', data: s.values, connectNulls: false, yAxisIndex: s.rank ? 1 : 0 };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('table.sortable thead th'), function (th) {
      th.addEventListener('click', function () { sortBy(th.closest('table'), th); });
    });
    Array.prototype.forEach.call(document.querySelectorAll('select.autosubmit'), function (s) {
      s.addEventListener('change', function () { s.form.submit(); });
    });
    drawTrend();
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
