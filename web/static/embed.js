/* Draw an embedded chart: the figure and its config are JSON in the page (no inline script, so a strict CSP holds). */
(function () {
  "use strict";
  function read(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  function draw() {
    var target = document.getElementById("chart-graph");
    var figure = read("chart-figure");
    if (!target || !figure || !window.Plotly) return;
    var config = read("chart-config") || {};
    window.Plotly.newPlot(target, figure.data || [], figure.layout || {}, config);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
