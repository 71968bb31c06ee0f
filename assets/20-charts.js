/* Fill a chart card from its store (layouts/chart.py chart_slot, callbacks/charts.py).
 *
 * The view's callback puts one value per chart in the card's store: the HTML of the heading, the
 * text alternative and the rest of the card (table, source, downloads), the graph's style and the
 * figure. The HTML is written at once. A card in view has its figure drawn at once; one below the
 * fold is drawn when the browser is idle, or at once when it is scrolled into view, whichever
 * comes first. A change of filter so redraws what the reader sees first instead of waiting for
 * Plotly to draw every chart of a long view. A graph whose newest figure is not drawn yet carries
 * data-s3-pending (dimmed by CSS, so nobody reads old numbers); printing draws every chart.
 */
(function () {
    "use strict";
    const pending = new Map(); // graph id -> newest figure not yet drawn
    const styles = new WeakMap(); // graph element -> the style last given to it (JSON); a new page has new graphs
    const observed = new WeakSet();
    let idleQueued = false;
    let observer = null;

    function setProps(id, props) {
        window.dash_clientside.set_props(id, props);
    }

    function setStyle(id, style) {
        const graph = document.getElementById(id);
        const text = JSON.stringify(style || {});
        if (!graph || styles.get(graph) === text) return;
        styles.set(graph, text);
        setProps(id, {style: style || {}});
    }

    function draw(id) {
        if (!pending.has(id)) return;
        const figure = pending.get(id);
        pending.delete(id);
        const graph = document.getElementById(id);
        if (!graph) return; // the reader has gone to another view meanwhile
        graph.removeAttribute("data-s3-pending");
        setProps(id, {figure: figure});
    }

    function inView(el) {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.bottom > 0 && r.top < window.innerHeight;
    }

    function drawWhenIdle() {
        if (idleQueued || pending.size === 0) return;
        idleQueued = true;
        const later = window.requestIdleCallback || function (f) { return setTimeout(f, 50); };
        later(function () {
            idleQueued = false;
            const next = pending.keys().next();
            if (!next.done) draw(next.value);
            drawWhenIdle();
        }, {timeout: 1500});
    }

    function observe(card, graphId) {
        if (!("IntersectionObserver" in window)) return;
        if (!observer) {
            observer = new IntersectionObserver(function (entries) {
                entries.forEach(function (e) {
                    if (e.isIntersecting) draw(e.target.getAttribute("data-s3-graph"));
                });
            });
        }
        if (!observed.has(card)) {
            observed.add(card);
            card.setAttribute("data-s3-graph", graphId);
            observer.observe(card);
        }
    }

    function setHTML(id, html) {
        const el = document.getElementById(id);
        if (el && el.innerHTML !== html) el.innerHTML = html || "";
    }

    // Mark a card busy while a callback request that fills it is on its way (after 150 ms, so that
    // quick answers do not flicker); CSS then shows the card's spinner. The request names its outputs.
    const busy = new Map(); // card -> requests in flight
    const originalFetch = window.fetch;
    window.fetch = function (input, init) {
        const answer = originalFetch.apply(this, arguments);
        const url = String((input && input.url) || input);
        if (!url.includes("_dash-update-component") || !init || typeof init.body !== "string") return answer;
        let cards = [];
        try {
            const outputs = [].concat(JSON.parse(init.body).outputs || []);
            cards = outputs.filter(function (o) { return o && o.id && o.id.type === "chart-figure"; })
                .map(function (o) { return document.getElementById(o.id.view + "-" + o.id.key + "-chart"); })
                .filter(Boolean);
        } catch (e) {
            return answer;
        }
        cards.forEach(function (c) { busy.set(c, (busy.get(c) || 0) + 1); });
        const timer = setTimeout(function () {
            cards.forEach(function (c) { if (busy.get(c)) c.classList.add("s3-busy"); });
        }, 150);
        const done = function () {
            clearTimeout(timer);
            cards.forEach(function (c) {
                const left = (busy.get(c) || 1) - 1;
                busy.set(c, left);
                if (!left) c.classList.remove("s3-busy");
            });
        };
        answer.then(done, done);
        return answer;
    };

    window.addEventListener("beforeprint", function () {
        Array.from(pending.keys()).forEach(draw);
    });

    window.dash_clientside = window.dash_clientside || {};
    window.dash_clientside.s3 = {
        fillChart: function (value) {
            const trigger = window.dash_clientside.callback_context.triggered_id;
            if (!value || !trigger) return;
            const base = trigger.view + "-" + trigger.key;
            const card = document.getElementById(base + "-chart");
            const graphId = base + "-graph";
            if (card) card.setAttribute("data-s3-filled", "");
            setHTML(base + "-chart-head", value.head);
            const caption = document.getElementById(base + "-chart-caption");
            if (caption) caption.textContent = value.caption || "";
            setHTML(base + "-chart-body", value.body);
            setStyle(graphId, value.style);
            const graph = document.getElementById(graphId);
            if (!value.figure) { // a message instead of a chart: the graph stays hidden
                pending.delete(graphId);
                if (graph) graph.removeAttribute("data-s3-pending");
                return;
            }
            pending.set(graphId, value.figure);
            if (!card || inView(card)) {
                draw(graphId);
                return;
            }
            if (graph) graph.setAttribute("data-s3-pending", "true");
            observe(card, graphId);
            drawWhenIdle();
        }
    };
})();
