'use strict';
// plotly.js with the trace types the dashboard draws in the browser: scatter (part of the core), bar and
// heatmap. tests/test_plotly_bundle.py checks every chart of every view against this list.
var Plotly = require('plotly.js/lib/core');

Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/heatmap')]);

module.exports = Plotly;
