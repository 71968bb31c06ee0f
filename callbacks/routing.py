"""Route a URL path to its view, and keep the filters and the URL in step (back/forward too)."""

from __future__ import annotations

import json
from datetime import date

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, html, no_update

from i18n import tx
from layouts import VIEWS_BY_KEY, ids, view_for_path
from layouts.params import encode, lang_from, parse, query_dict


def not_found(lang: str) -> html.Div:
    return html.Div(
        [
            html.H1(tx(lang, "Sidan finns inte", "Page not found")),
            html.P(
                tx(
                    lang,
                    "Adressen leder inte till någon vy. Välj en vy i menyn ovan.",
                    "The address does not lead to a view. Choose a view in the menu above.",
                )
            ),
        ]
    )


def notice_for(view, notices: list[tuple[str, str]], lang: str):
    if not notices:
        return None
    names = ", ".join(f"{name}={raw}" for name, raw in notices)
    return dbc.Alert(
        tx(
            lang,
            f"Okänt värde i adressen ({names}). Vi visar standardvalet i stället.",
            f"Unknown value in the address ({names}). Showing the default instead.",
        ),
        color="info",
        dismissable=True,
        className="url-notice",
    )


def page_for(pathname: str | None, search: str | None):
    """Return (content, notice) for a URL."""
    query = query_dict(search)
    lang = lang_from(query)
    view = view_for_path(pathname)
    if view is None:
        return not_found(lang), None
    module = view.load()
    values, notices = parse(getattr(module, "PARAMS", []), query)
    return module.layout(lang=lang, **values), notice_for(view, notices, lang)


@callback(
    Output(ids.CONTENT, "children"),
    Input(ids.URL, "pathname"),
    State(ids.URL, "search"),
)
def route(pathname, search):
    """Show the view at the URL path (filter changes only change the search, not the view)."""
    return page_for(pathname, search)[0]


@callback(Output(ids.NOTICE, "children"), Input(ids.URL, "pathname"), Input(ids.URL, "search"))
def url_notice(pathname, search):
    """Say which address values were refused; the notice goes once the address is valid again."""
    query = query_dict(search)
    view = view_for_path(pathname)
    if view is None:
        return None
    _values, notices = parse(getattr(view.load(), "PARAMS", []), query)
    return notice_for(view, notices, lang_from(query))


def _control_value(param, parsed: dict, shown):
    """Return the value a filter control must show for the URL, or no_update when it shows it already."""
    value = parsed[param.name]
    text = param.encode(value)
    if text == param.encode(shown):
        return no_update
    # Native selects and date inputs hold text ("" for "all"); dropdowns and checklists hold values.
    return (text or "") if isinstance(shown, str) or param.kind is date else value


@callback(
    Output(ids.URL, "search"),
    Output({"type": "filter", "view": ALL, "param": ALL}, "value"),
    Input(ids.URL, "search"),
    Input({"type": "filter", "view": ALL, "param": ALL}, "value"),
    State(ids.URL, "pathname"),
    prevent_initial_call=True,
)
def sync_url_and_filters(search, values, pathname):
    """Write filter changes into the URL; on back/forward, set the filters from the URL."""
    id_list = ctx.inputs_list[1]
    nothing = no_update, [no_update] * len(id_list)
    view = view_for_path(pathname)
    if view is None or not id_list:
        return nothing
    by_name = {p.name: p for p in getattr(view.load(), "PARAMS", [])}
    # Filters of the view being left can still be on the page for a moment: leave them alone.
    mine = [i["id"]["view"] == view.key and i["id"]["param"] in by_name for i in id_list]
    query = query_dict(search)
    parsed, _ = parse(list(by_name.values()), query)
    if ctx.triggered_id == ids.URL:
        return no_update, [
            _control_value(by_name[i["id"]["param"]], parsed, v) if m else no_update
            for i, v, m in zip(id_list, values, mine)
        ]
    shown = {i["id"]["param"]: v for i, v, m in zip(id_list, values, mine) if m}
    # Filters that appear with a view fire this too; only a value the URL does not hold yet is a change.
    if all(by_name[name].encode(v) == by_name[name].encode(parsed[name]) for name, v in shown.items()):
        return nothing
    new_search = encode(list(by_name.values()), {**parsed, **shown}, lang_from(query))
    return (new_search if new_search != (search or "") else no_update), [no_update] * len(id_list)


@callback(
    Output(ids.NAV_COLLAPSE, "is_open"),
    Output(ids.NAV_TOGGLER, "aria-expanded"),
    Input(ids.NAV_TOGGLER, "n_clicks"),
    State(ids.NAV_COLLAPSE, "is_open"),
    prevent_initial_call=True,
)
def toggle_nav(n_clicks, is_open):
    """Open and close the navigation on narrow screens."""
    return (not is_open), ("false" if is_open else "true")


# Keep the language link pointing at the same view and filters in the other language.
clientside_callback(
    """
    function(pathname, search) {
        const params = new URLSearchParams(search || "");
        const lang = params.get("lang") === "en" ? "en" : "sv";
        if (lang === "en") { params.delete("lang"); } else { params.set("lang", "en"); }
        const qs = params.toString();
        return (pathname || "/") + (qs ? "?" + qs : "");
    }
    """,
    Output(ids.LANG_LINK, "href"),
    Input(ids.URL, "pathname"),
    Input(ids.URL, "search"),
)

# Set the document title from the view, so tabs and history entries say where the reader is.
clientside_callback(
    """
    function(pathname, search) {
        const titles = __TITLES__;
        const lang = new URLSearchParams(search || "").get("lang") === "en" ? "en" : "sv";
        const path = (pathname || "/").replace(/\\/$/, "") || "/";
        const site = lang === "en" ? "Smart specialisation in North Middle Sweden" : "Smart specialisering i Norra Mellansverige";
        const view = titles[path] ? titles[path][lang] : null;
        document.title = view && path !== "/" ? view + " – " + site : site;
        return "";
    }
    """.replace(
        "__TITLES__", json.dumps({v.path: {"sv": v.title_sv, "en": v.title_en} for v in VIEWS_BY_KEY.values()})
    ),
    Output(ids.NOTICE, "title"),
    Input(ids.URL, "pathname"),
    Input(ids.URL, "search"),
)
