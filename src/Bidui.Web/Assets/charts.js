// Draws the dashboard charts from the JSON the page embeds (no inline script needed).
(function () {
  function draw() {
    var holder = document.getElementById('chart-data');
    if (!holder || typeof echarts === 'undefined') { return; }
    var data = JSON.parse(holder.textContent);
    var bar = echarts.init(document.getElementById('chart-regions'));
    bar.setOption({
      title: { text: '各地核查进度', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 28 },
      grid: { top: 64, left: 50, right: 20, bottom: 80 },
      xAxis: { type: 'category', data: data.names, axisLabel: { rotate: data.names.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: data.series.map(function (s) { return { name: s.name, type: 'bar', stack: 'all', data: s.values }; })
    });
    var pie = echarts.init(document.getElementById('chart-categories'));
    pie.setOption({
      title: { text: '各类清单任务数', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['30%', '60%'], top: 30, data: data.categories }]
    });
    var funds = drawFunds(data.funds);
    window.addEventListener('resize', function () { bar.resize(); pie.resize(); if (funds) { funds.resize(); } });
  }
  // Money at risk per region (or per project of a county), stacked by list; a region's bar drills down.
  function drawFunds(funds) {
    var holder = document.getElementById('chart-funds');
    if (!funds || !holder) { return null; }
    var chart = echarts.init(holder);
    chart.setOption({
      title: { text: funds.title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 28 },
      grid: { top: 64, left: 90, right: 20, bottom: 80 },
      xAxis: { type: 'category', data: funds.names, axisLabel: { rotate: funds.names.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: funds.series.map(function (s) { return { name: s.name, type: 'bar', stack: 'money', data: s.values }; })
    });
    chart.on('click', function (e) {
      var link = funds.links[e.dataIndex];
      if (link) { window.location.href = link; }
    });
    return chart;
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
