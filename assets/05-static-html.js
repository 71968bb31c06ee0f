/* StaticHtml (layouts/static_html.py): an inert part of the page, written on the server as one escaped
 * HTML string, put into the page by the browser's own HTML parser.
 *
 * A Dash component library of one component, in Dash's way: the renderer finds it as
 * window[namespace][type]. As dcc.Markdown with HTML, the same parts cost a JavaScript parser
 * (react-jsx-parser) about 2 ms a kilobyte in Chromium on this machine, and a highlighter loaded
 * for code that no part has (measured with bench/speed.py and Chromium CPU profiles).
 */
(function () {
    "use strict";

    function StaticHtml(props) {
        return window.React.createElement("div", {
            id: props.id,
            className: props.className,
            dangerouslySetInnerHTML: {__html: props.html || ""},
        });
    }

    window.s3_components = Object.assign({}, window.s3_components, {StaticHtml: StaticHtml});
})();
