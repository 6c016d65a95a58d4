// The budget summary chart: each project's budget against the department total.
(function () {
  var el = document.getElementById("budget-chart");
  var src = document.getElementById("chart-data");
  if (!el || !src || !window.echarts) return;
  var data = JSON.parse(src.textContent);
  var slices = data.projects.map(function (p) { return { name: p.name, value: Number(p.value) }; });
  if (data.other !== null && Number(data.other) > 0) {
    slices.push({ name: "其余（基本支出等）", value: Number(data.other), itemStyle: { color: "#d0d5dd" } });
  }
  var chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: "Noto Sans CJK SC, sans-serif" },
    tooltip: { trigger: "item", formatter: "{b}：{c} 万元（{d}%）" },
    legend: { type: "scroll", orient: "vertical", right: 0, top: "middle" },
    series: [{ type: "pie", radius: ["35%", "70%"], center: ["35%", "50%"], data: slices,
               label: { formatter: "{d}%" } }]
  });
  window.addEventListener("resize", function () { chart.resize(); });
  window.chartReady = true;
})();
