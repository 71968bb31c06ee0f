// Build assets/vendor/plotly-s3-<version>.min.js from entry.js, as plotly.js builds its own partial bundles
// (esbuild, an IIFE that sets the global Plotly), without the map CSS that only map traces use.
const esbuild = require('esbuild');
const path = require('path');
const version = require('plotly.js/package.json').version;
const outfile = path.join(__dirname, '..', '..', 'assets', 'vendor', `plotly-s3-${version}.min.js`);

esbuild
    .build({
        entryPoints: [path.join(__dirname, 'entry.js')],
        outfile,
        format: 'iife',
        globalName: 'Plotly',
        bundle: true,
        minify: true,
        sourcemap: false,
        legalComments: 'none',
        loader: {'.css': 'empty'},
        define: {global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false'},
        target: 'es2016',
        logLevel: 'info',
        banner: {
            js: `/**\n* plotly.js (scatter, bar, heatmap - minified) v${version}\n* Copyright 2012-2026, Plotly, Inc.\n* All rights reserved.\n* Licensed under the MIT license\n*/`,
        },
    })
    .catch(() => process.exit(1));
