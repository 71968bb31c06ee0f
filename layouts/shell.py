"""Lay out the page shell: skip link, header with navigation, main content, footer."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from . import VIEWS, ids
from .i18n import tx


def nav_href(path: str, lang: str) -> str:
    return path + ("?lang=en" if lang == "en" else "")


def header(lang: str) -> html.Header:
    other = "en" if lang == "sv" else "sv"
    links = [
        dbc.NavItem(dbc.NavLink(v.title(lang), href=nav_href(v.path, lang), active="exact", className="px-2"))
        for v in VIEWS
        if v.in_nav
    ]
    lang_link = html.A(
        "In English" if lang == "sv" else "På svenska",
        id=ids.LANG_LINK,
        href=nav_href("/", other),
        lang=other,
        className="lang-link nav-link px-2",
    )
    return html.Header(
        dbc.Navbar(
            dbc.Container(
                [
                    dcc.Link(
                        [
                            html.Span("S3", className="brand-mark", **{"aria-hidden": "true"}),
                            html.Span(
                                tx(
                                    lang,
                                    "Smart specialisering i Norra Mellansverige",
                                    "Smart specialisation in North Middle Sweden",
                                ),
                                className="brand-text",
                            ),
                        ],
                        href=nav_href("/", lang),
                        className="navbar-brand",
                    ),
                    html.Button(
                        html.Span(className="navbar-toggler-icon"),
                        id=ids.NAV_TOGGLER,
                        n_clicks=0,
                        className="navbar-toggler",
                        type="button",
                        **{
                            "aria-label": tx(lang, "Meny", "Menu"),
                            "aria-controls": ids.NAV_COLLAPSE,
                            "aria-expanded": "false",
                        },
                    ),
                    dbc.Collapse(
                        dbc.Nav(links + [dbc.NavItem(lang_link)], navbar=True, className="ms-auto", id=ids.NAV),
                        id=ids.NAV_COLLAPSE,
                        navbar=True,
                        is_open=False,
                    ),
                ],
                fluid="lg",
            ),
            color="white",
            className="border-bottom site-nav",
            expand="xl",
        ),
        role="banner",
    )


def footer(lang: str, dataset_rows: list[dict]) -> html.Footer:
    example = [d for d in dataset_rows if d["is_example"]]
    items = [
        html.Li(
            [
                html.Span(d["title_en"] if lang == "en" else d["title_sv"], className="fw-semibold"),
                " — ",
                html.A(d["source"], href=d["source_url"]) if d.get("source_url") else d["source"],
                f" ({d['retrieved']:%Y-%m-%d})" if d.get("retrieved") else "",
                html.Span(tx(lang, " Exempeldata", " Example data"), className="badge-example ms-1")
                if d["is_example"]
                else "",
            ]
        )
        for d in dataset_rows
    ]
    note = (
        html.P(
            tx(
                lang,
                "Obs! Delar av dashboarden visar exempeldata: påhittade siffror som visar hur analysen fungerar "
                "tills verkliga data har lästs in. Diagram och tabeller med sådana siffror är märkta ”Exempeldata”.",
                "Note: parts of the dashboard show example data: invented numbers that show how the analysis works "
                "until real data has been imported. Charts and tables with such numbers are marked “Example data”.",
            ),
            className="example-note",
        )
        if example
        else None
    )
    return html.Footer(
        dbc.Container(
            [
                html.H2(tx(lang, "Datakällor", "Data sources"), className="h5"),
                note,
                html.Ul(items, className="small"),
                html.P(
                    [
                        tx(
                            lang,
                            "Ett projekt av Region Värmland, Region Dalarna och Region Gävleborg med Karlstads "
                            "universitet, Högskolan Dalarna och Högskolan i Gävle. ",
                            "A project of Region Värmland, Region Dalarna and Region Gävleborg with Karlstad University, "
                            "Dalarna University and the University of Gävle. ",
                        ),
                        dcc.Link(
                            tx(lang, "Om data och metod", "About data and method"),
                            href=nav_href("/om-data-och-metod", lang),
                        ),
                    ],
                    className="small",
                ),
            ],
            fluid="lg",
        ),
        id=ids.FOOTER,
        className="site-footer mt-5 py-4",
        role="contentinfo",
    )


def shell(lang: str, dataset_rows: list[dict], content=None) -> html.Div:
    """Return the whole page around a view's content."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh="callback-nav"),
            html.A(tx(lang, "Hoppa till innehållet", "Skip to content"), href="#main", className="skip-link"),
            header(lang),
            html.Main(
                dbc.Container(
                    [html.Div(id=ids.NOTICE), html.Div(content, id=ids.CONTENT)], fluid="lg", className="py-3"
                ),
                id="main",
                tabIndex="-1",
            ),
            footer(lang, dataset_rows),
        ]
    )
