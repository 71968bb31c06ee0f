/* Go to the part of a page an address names (#aktivitet-2, #milstolpe-8) once Dash has drawn it.
 *
 * The browser looks for the element when the page loads, before Dash has drawn the content, and a
 * link followed inside the app (dcc.Link) changes the address without a load at all. So whenever
 * the page changes: if the address has a fragment not shown yet and its element is there now,
 * scroll to it. Each address is shown once, and only in its first seconds, so a later redraw
 * never moves the page under the reader.
 */
(function () {
    "use strict";
    var current = null, since = 0, shown = null;

    function check() {
        var key = location.pathname + location.search + location.hash;
        if (key !== current) { current = key; since = Date.now(); }
        if (!location.hash || shown === key || Date.now() - since > 15000) return;
        var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        if (!target) return;
        shown = key;
        target.scrollIntoView({block: "start"});
    }

    new MutationObserver(check).observe(document.documentElement, {childList: true, subtree: true});
    window.addEventListener("hashchange", check);
    window.addEventListener("popstate", check);
})();
