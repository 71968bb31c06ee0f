/* The page's small behaviours in the browser, as Dash clientside callbacks (callbacks/shell.py).
 *
 * syncUrlAndFilters keeps the address and the filters in step without a request: a filter change is
 * written into the address (fixed defaults left out, computed ones written, in the parameters'
 * order); back/forward puts the address's values into the filters, and the view's own callback
 * then redraws (and checks every value, so nothing here validates).
 */
(function () {
    "use strict";

    const NONE = "*";  // a select's "no value" option (layouts/filters.py)

    function asText(value) {
        if (value === null || value === undefined || value === NONE) return "";
        if (Array.isArray(value)) return value.join(",");
        return String(value);
    }

    // Dash's id of a pattern-matching component, as it names the element: JSON with its keys sorted.
    function elementId(id) {
        return JSON.stringify(Object.keys(id).sort().reduce(function (o, k) { o[k] = id[k]; return o; }, {}));
    }

    // A view's path as the views name it: "/styrkeomraden/" and "/styrkeomraden" are one view.
    function viewPath(pathname) {
        return (pathname || "/").replace(/\/$/, "") || "/";
    }

    function asValue(text, kind, current, id) {
        if (kind === "list") return text ? text.split(",").filter(Boolean) : [];
        if (text === "") {
            const el = document.getElementById(elementId(id));
            if (el && el.querySelector && el.querySelector('option[value="' + NONE + '"]')) return NONE;
        }
        if (typeof current === "number" || (kind === "float" && text !== "")) {
            const n = Number(text);
            return text === "" ? null : (isNaN(n) ? text : n);
        }
        return text;
    }

    function syncUrlAndFilters(search, values, defaults, pathname) {
        const dc = window.dash_clientside;
        const ctx = dc.callback_context;
        const ids = ctx.inputs_list[1].map(function (i) { return i.id; });
        const keep = ids.map(function () { return dc.no_update; });
        const path = viewPath(pathname);
        if (!defaults || !defaults.params || defaults.path !== path) return [dc.no_update, keep];
        const params = defaults.params;
        const mine = ids.map(function (id) { return id.view === defaults.view && params[id.param]; });
        const address = new URLSearchParams(search || "");
        if (ctx.triggered_id === "shell-url") {  // back/forward: the address's values into the filters
            return [dc.no_update, ids.map(function (id, i) {
                if (!mine[i]) return dc.no_update;
                const p = params[id.param];
                const raw = address.get(id.param);
                const text = raw === null ? p.default : raw;
                return text === asText(values[i]) ? dc.no_update : asValue(text, p.kind, values[i], id);
            })];
        }
        // Filters that change all at once have just appeared (a view was opened): the address already
        // names that view, and writing its computed defaults would add a second history entry.
        const changed = (ctx.triggered || []).filter(function (t) { return t.prop_id !== "shell-url.search"; });
        if (changed.length > 1) return [dc.no_update, keep];
        const byName = {};
        ids.forEach(function (id, i) { if (mine[i]) byName[id.param] = values[i]; });
        const next = new URLSearchParams();
        Object.keys(params).forEach(function (name) {
            if (!(name in byName)) return;
            const text = asText(byName[name]);
            if (text !== "" && (params[name].always || text !== params[name].default)) next.set(name, text);
        });
        if (address.get("lang") === "en") next.set("lang", "en");
        const qs = next.toString() ? "?" + next.toString() : "";
        return [qs === (search || "") ? dc.no_update : qs, keep];
    }

    function otherLanguage(pathname, search) {
        const params = new URLSearchParams(search || "");
        if (params.get("lang") === "en") { params.delete("lang"); } else { params.set("lang", "en"); }
        const qs = params.toString();
        return (pathname || "/") + (qs ? "?" + qs : "");
    }

    function title(titles, pathname, search) {
        const lang = new URLSearchParams(search || "").get("lang") === "en" ? "en" : "sv";
        const path = viewPath(pathname);
        const site = lang === "en" ? "Smart specialisation in North Middle Sweden" : "Smart specialisering i Norra Mellansverige";
        const view = titles[path] ? titles[path][lang] : null;
        document.title = view && path !== "/" ? view + " – " + site : site;
        return "";
    }

    // The menu marks the view at the address as the current one, in either language (the links' ids hold their paths).
    function currentNav(pathname) {
        const path = viewPath(pathname);
        return window.dash_clientside.callback_context.outputs_list.map(function (o) { return o.id.path === path; });
    }

    // The phone menu opens and closes in the browser: no round trip to the server for a menu.
    function toggleNav(clicks, isOpen) {
        return [!isOpen, isOpen ? "false" : "true"];
    }

    window.dash_clientside = window.dash_clientside || {};
    window.dash_clientside.s3 = Object.assign(window.dash_clientside.s3 || {}, {
        syncUrlAndFilters: syncUrlAndFilters,
        otherLanguage: otherLanguage,
        title: title,
        toggleNav: toggleNav,
        currentNav: currentNav
    });
})();
