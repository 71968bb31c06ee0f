/* Fill a chart card from its store (layouts/chart.py chart_slot, callbacks/charts.py).
 *
 * A view's callback puts one value per chart in the card's store, or one value for all its cards in
 * the view's store (cards_value): the HTML of the heading, the text alternative and the rest of the
 * card (table, source, downloads), the graph's style, the figure and the margins its labels need.
 * A card in the window is filled at once, its figure drawn with it; the cards below the fold follow
 * right after the browser has painted, or at once when scrolled into view. A change of filter so
 * shows what the reader sees first instead of waiting for Plotly to draw every chart of a long view.
 * A card waiting for its new value carries data-s3-pending (dimmed by CSS, so nobody reads old
 * numbers); a figure the graph shows already is not drawn again; printing fills every card.
 */
(function () {
    "use strict";
    const pending = new Map(); // graph id -> {base, value, text}: a card's newest value not yet shown; text is its figure's JSON
    const styles = new WeakMap(); // graph element -> the style last given to it (JSON); a new page has new graphs
    const observed = new WeakSet();
    let queued = false;
    let observer = null;

    function setProps(id, props) {
        window.dash_clientside.set_props(id, props);
    }

    // Give a graph its new style (its height, or hidden): on the element at once, so that Plotly draws
    // the figure at its new size (dcc.Graph would apply the prop only when React renders next, and a
    // resize would then draw the chart a second time), and as the prop that dcc.Graph keeps.
    function setStyle(id, style) {
        const graph = document.getElementById(id);
        const text = JSON.stringify(style || {});
        if (!graph || styles.get(graph) === text) return;
        styles.set(graph, text);
        graph.removeAttribute("style");
        Object.keys(style || {}).forEach(function (k) { graph.style[k] = style[k]; });
        setProps(id, {style: style || {}});
    }

    // Draw a figure into a graph that dcc.Graph has drawn once (its empty first figure): straight with
    // Plotly.react, as dcc.Graph itself would with responsive=True (the box decides width and height;
    // the config stays the graph's). Setting the graph's figure prop instead costs a round through
    // Dash's store, where every component on the page is checked again (bench/styrkeomraden_redraw.py:
    // about 90 ms less for all charts of Styrkeområden). dcc.Graph draws only when its figure prop
    // changes, so it never draws over this; its hover events and resizing work on the same element.
    function react(gd, figure) {
        keepSize();
        const layout = Object.assign({}, figure.layout || {}, {autosize: true, height: undefined, width: undefined});
        gd.classList.add("dash-graph--pending"); // as dcc.Graph marks a graph being drawn
        const done = function () { gd.classList.remove("dash-graph--pending"); };
        Promise.resolve(window.Plotly.react(gd, figure.data || [], layout)).then(done, done);
    }

    // dcc.Graph calls Plotly.Plots.resize whenever the graph's box changes size, and Plotly then draws
    // the whole chart again even when it has the box's size already: every card whose height changed
    // with its new figure (more industries at another level, say) was drawn twice. Skip the resize of a
    // graph drawn at its box's size; a window that really changed size still redraws.
    let sizeKept = false;
    function keepSize() {
        if (sizeKept || !window.Plotly || !window.Plotly.Plots) return;
        sizeKept = true;
        const resize = window.Plotly.Plots.resize;
        window.Plotly.Plots.resize = function (gd) {
            const el = typeof gd === "string" ? document.getElementById(gd) : gd;
            const full = el && el._fullLayout;
            if (full && el.layout && !el.layout.width && !el.layout.height &&
                full.width === Math.round(el.clientWidth) && full.height === Math.round(el.clientHeight)) {
                return Promise.resolve(el);
            }
            return resize.apply(this, arguments);
        };
    }

    // Give a figure the margins its axis labels need (figures/margins.py), so that Plotly draws it once
    // instead of drawing it, widening the margins and drawing it again. A graph keeps the margins it
    // has while the new labels fit them with at most SLACK px to spare, so that its bars and axes stay
    // in place when another county's labels are a little shorter. On a narrow graph (a phone), where
    // the labels would take more than half the width, they are shortened instead (shortLabels).
    const SLACK = 48;
    function withRoom(figure, room, graph) {
        if (!figure || !room || !Object.keys(room).length) return figure;
        const layout = figure.layout || {};
        const margin = Object.assign({}, layout.margin || {}, room);
        if ((margin.l || 0) + (margin.r || 0) > graph.clientWidth / 2) return shortLabels(figure, graph.clientWidth);
        const last = graph.__s3Margin || {};
        Object.keys(room).forEach(function (k) {
            if (last[k] >= room[k] && last[k] - room[k] <= SLACK) margin[k] = last[k];
        });
        graph.__s3Margin = margin;
        return Object.assign({}, figure, {layout: Object.assign({}, layout, {margin: margin})});
    }

    // Cut the names along the left axes of a figure to about two fifths of the graph's width, ending
    // in "…", so that on a phone the bars keep most of the width; a bar's hover text and the card's
    // table still give the whole name.
    // A long first word that several names share ("Tillverkning av …") is abbreviated first, so that
    // the words that tell the names apart are the ones kept.
    function shortener(names, chars) {
        const first = function (t) { return String(t).split(" ")[0]; };
        const shared = {};
        names.forEach(function (t) { shared[first(t)] = (shared[first(t)] || 0) + 1; });
        return function (t) {
            if (typeof t !== "string" || t.length <= chars) return t;
            const word = first(t);
            const short = word.length > 8 && shared[word] > 1 ? word.slice(0, 5) + "." + t.slice(word.length) : t;
            return short.length > chars ? short.slice(0, chars - 1).trimEnd() + "…" : short;
        };
    }

    function shortLabels(figure, width) {
        const chars = Math.max(8, Math.floor((width * 0.4 - 16) / 8)); // about 8 px a letter at 14 px
        const layout = Object.assign({}, figure.layout || {});
        Object.keys(layout).filter(function (k) { return /^yaxis\d*$/.test(k); }).forEach(function (k) {
            const axis = Object.assign({}, layout[k]);
            if (axis.side === "right") return;
            if (axis.ticktext) {
                axis.ticktext = axis.ticktext.map(shortener(axis.ticktext, chars));
            } else {
                const ref = "y" + k.slice(5);
                const names = [];
                (figure.data || []).forEach(function (t) {
                    if ((t.yaxis || "y") !== ref || !Array.isArray(t.y)) return;
                    t.y.forEach(function (v) { if (typeof v === "string" && names.indexOf(v) < 0) names.push(v); });
                });
                if (!names.length) return;
                axis.tickmode = "array";
                axis.tickvals = names;
                axis.ticktext = names.map(shortener(names, chars));
            }
            layout[k] = axis;
        });
        return Object.assign({}, figure, {layout: layout});
    }

    // Fill a card with its newest value: the HTML parts, the graph's style, then the figure.
    function draw(id) {
        if (!pending.has(id)) return;
        const next = pending.get(id);
        const value = next.value;
        pending.delete(id);
        const card = document.getElementById(next.base + "-chart");
        if (!card) return; // the reader has gone to another view meanwhile
        card.removeAttribute("data-s3-pending");
        card.removeAttribute("aria-busy");
        setHTML(next.base + "-chart-head", value.head);
        const caption = document.getElementById(next.base + "-chart-caption");
        if (caption) caption.textContent = value.caption || "";
        setHTML(next.base + "-chart-body", value.body);
        setStyle(id, value.style);
        const graph = document.getElementById(id);
        if (!graph) return;
        const gd = graph.querySelector(".js-plotly-plot");
        if (!value.figure || (gd && gd.__s3Figure === next.text)) {
            // A message instead of a chart (the graph stays hidden), or the figure the graph shows already
            // (the same heatmap for another county, say): nothing to draw.
        } else if (window.Plotly && gd && gd._fullLayout && !gd.classList.contains("dash-graph--pending")) {
            react(gd, withRoom(value.figure, value.margins, graph));
            gd.__s3Figure = next.text;
        } else { // dcc.Graph has not drawn its first figure yet: let it draw this one
            setProps(id, {figure: withRoom(value.figure, value.margins, graph)});
        }
        shown(graph);
    }

    // Mark a graph as showing the newest figure its card was given (tests and bench/ read this).
    let fills = 0;
    function shown(graph) {
        graph.setAttribute("data-s3-shown", String(++fills));
    }

    // Whether a card is in the window, as the IntersectionObserver last reported it. Measuring the
    // card instead would make the browser lay the page out again after each card's new HTML: nine
    // layouts per redraw. Only a card the observer has not reported on yet is measured.
    const visible = new WeakMap();
    function inView(card) {
        if (visible.has(card)) return visible.get(card);
        const r = card.getBoundingClientRect();
        return r.width > 0 && r.bottom > 0 && r.top < window.innerHeight;
    }

    // Fill the waiting cards once the browser has painted the cards in view: then one task after
    // another of about 40 ms each, so that the page stays responsive (a scroll or a click can come
    // between two tasks) without waiting for a frame between them (each wait cost 20-30 ms, a
    // frame's layout and paint of the whole page; requestIdleCallback left 60-160 ms gaps).
    const channel = new MessageChannel();
    channel.port1.onmessage = drawSome;
    function drawSome() {
        queued = false;
        const until = performance.now() + 40; // several cheap cards in one go
        do {
            const next = pending.keys().next();
            if (next.done) break;
            draw(next.value);
        } while (performance.now() < until);
        if (pending.size === 0 || queued) return;
        queued = true;
        channel.port2.postMessage(null); // the next task, after any input waiting
    }
    function drawSoon() {
        if (queued || pending.size === 0) return;
        queued = true;
        window.requestAnimationFrame(function () { setTimeout(drawSome, 0); });
    }

    function observe(card, graphId) {
        if (!("IntersectionObserver" in window)) return;
        if (!observer) {
            observer = new IntersectionObserver(function (entries) {
                entries.forEach(function (e) {
                    visible.set(e.target, e.isIntersecting);
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
            outputs.forEach(function (o) {
                const id = (o && o.id) || {};
                if (id.type === "chart-figure") cards.push(document.getElementById(id.view + "-" + id.key + "-chart"));
                if (id.type === "chart-cards") cards.push.apply(cards, document.querySelectorAll('.chart-card[id^="' + id.view + '-"]'));
            });
            cards = cards.filter(Boolean);
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

    // Take a card's newest value: drawn at once when the card is in the window, otherwise marked as
    // waiting and filled after the cards in view are painted (its old words and chart dimmed).
    function fill(base, value) {
        const card = document.getElementById(base + "-chart");
        const graphId = base + "-graph";
        const text = value.figure ? JSON.stringify(value.figure) : null;
        pending.set(graphId, {base: base, value: value, text: text});
        if (!card) return;
        card.setAttribute("data-s3-filled", "");
        observe(card, graphId);
        if (inView(card)) {
            draw(graphId);
            return;
        }
        card.setAttribute("data-s3-pending", "true");
        card.setAttribute("aria-busy", "true");
        drawSoon();
    }

    window.dash_clientside = window.dash_clientside || {};
    window.dash_clientside.s3 = {
        // One card's store (layouts/chart.py chart_slot).
        fillChart: function (value) {
            const trigger = window.dash_clientside.callback_context.triggered_id;
            if (!value || !trigger) return;
            fill(trigger.view + "-" + trigger.key, value);
        },
        // A view's one store for all its cards (layouts/chart.py cards_value): the other parts of the
        // view first (the summary at the top), then the cards in page order.
        fillCards: function (all) {
            if (!all || !all.cards) return;
            Object.keys(all.html || {}).forEach(function (id) { setHTML(id, all.html[id]); });
            Object.keys(all.cards).forEach(function (key) { fill(all.view + "-" + key, all.cards[key]); });
        }
    };
})();
