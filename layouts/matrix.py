"""Build the Styrkeområden matrices as HTML tables: the rule's criteria per industry, and the test areas.

Both are tables by nature: a word or a mark in each cell, nothing to read off an axis. As HTML
they wrap long industry names instead of cutting them, scroll sideways on a phone with the first
column kept in view, are read by a screen reader cell by cell with their headings, and redraw in
a few milliseconds (drawn by Plotly they took 150-350 ms of every redraw). The exports still draw
the figures (figures/styrkeomraden_profile.py), since a slide needs a picture.

Marks are never the only carrier of meaning: a ✓ or – has its word for screen readers, a class
has its shape, colour and name, and an assessment is written out as well as shaded.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from figures.styrkeomraden import CATEGORY_STYLE
from figures.styrkeomraden_profile import ASSESSMENT_FILL, NO, YES
from i18n import fmt_number, tx

from .monitoring_table import monitoring_table
from .qualitative_table import qualitative_table

# The shapes of the classes in the charts (Plotly marker symbols), as characters.
SHAPES = {"diamond": "◆", "circle": "●", "square": "■", "circle-open": "○"}


def heading(label: str) -> list:
    """Return a chart column label ("Kvot<br>≥ gräns", "Speciali-<br>sering") as heading text with its breaks."""
    parts: list = []
    for i, part in enumerate(label.split("<br>")):
        if i and parts and isinstance(parts[-1], str) and parts[-1].endswith("-"):
            parts[-1] = parts[-1][:-1] + "\u00ad" + part  # a word broken in two: one word, may break there
        else:
            parts += [html.Br(), part] if i else [part]
    return parts


def mark(met: bool, lang: str) -> html.Td:
    words = tx(lang, "uppfyllt", "met") if met else tx(lang, "inte uppfyllt", "not met")
    return html.Td(
        [html.Span(YES if met else NO, **{"aria-hidden": "true"}), html.Span(words, className="visually-hidden")],
        className="met" if met else "unmet",
    )


def class_row(category: str, name: str, count: int, span: int) -> html.Tr:
    """Return the heading row of one class of the rule: its shape and colour as in the charts, its name, how many."""
    colour, symbol = CATEGORY_STYLE.get(category, ("#8c959f", "circle-open"))
    return html.Tr(
        html.Th(
            html.Span(  # kept in view while the row scrolls sideways
                [
                    html.Span(
                        SHAPES.get(symbol, "●"), className="shape", style={"color": colour}, **{"aria-hidden": "true"}
                    ),
                    f"{name} ({count})",
                ],
                className="class-name",
            ),
            colSpan=span,
            scope="colgroup",
        ),
        className="class-row",
    )


def scroller(table: html.Table, label: str) -> html.Div:
    """Wrap a table that may be wider than a phone: it scrolls sideways, and a keyboard can scroll it too."""
    return html.Div(table, className="matrix-scroll", role="region", tabIndex="0", **{"aria-label": label})


def criteria_table(frame: pd.DataFrame, criteria: list[tuple[str, str]], lang: str, title: str) -> html.Div:
    """Return one row per industry with ✓ or – per criterion of the rule, under a heading row per class.

    frame: name, category, category_name, one boolean column per criterion key, and panel (the
    region's name, shown under the industry's when several regions are side by side).
    criteria: (column key, column label) in order; labels may hold <br>.
    """
    several = frame["panel"].nunique() > 1 if "panel" in frame else False
    head = [
        html.Th(
            tx(lang, "Bransch och region", "Industry and region") if several else tx(lang, "Bransch", "Industry"),
            scope="col",
            className="row-head",
        ),
        *[html.Th(heading(label), scope="col", className="criterion") for _key, label in criteria],
    ]
    rows = []
    for category, group in frame.groupby("category", sort=False):  # in the frame's order, strongest class first
        rows.append(class_row(category, group["category_name"].iloc[0], len(group), len(head)))
        rows += [
            html.Tr(
                [
                    html.Th(
                        [row["name"], *([html.Span(row["panel"], className="region-name")] if several else [])],
                        scope="row",
                        className="row-head",
                    ),
                    *[mark(bool(row[key]), lang) for key, _label in criteria],
                ]
            )
            for row in group.to_dict("records")
        ]
    if not rows:
        return html.P(
            tx(
                lang,
                "Regeln klassar ingen bransch med dessa gränser.",
                "The rule classifies no industry with these limits.",
            ),
            className="chart-note small",
        )
    table = html.Table(
        [html.Caption(title, className="visually-hidden"), html.Thead(html.Tr(head)), html.Tbody(rows)],
        className="table table-sm matrix criteria-matrix",
    )
    return scroller(table, title)


def test_area_matrix(frame: pd.DataFrame, headers: list[str], lang: str, title: str) -> html.Div:
    """Return the test-area matrix: one row per test area or new candidate, its assessment shaded and written out.

    frame: county, area, industries, subjects, verdict, assessment (code, for the shading).
    headers: the column headings of county, area, industries, subjects and verdict.
    """
    columns = ["county", "area", "industries", "subjects", "verdict"]
    rows = [
        html.Tr(
            [
                html.Td(row["county"]),
                html.Th(row["area"], scope="row", className="row-head"),
                html.Td(row["industries"]),
                html.Td(row["subjects"]),
                html.Td(
                    row["verdict"],
                    className="verdict",
                    style={"backgroundColor": ASSESSMENT_FILL.get(row["assessment"], "white")},
                ),
            ]
        )
        for row in frame[[*columns, "assessment"]].to_dict("records")
    ]
    table = html.Table(
        [
            html.Caption(title, className="visually-hidden"),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in headers])),
            html.Tbody(rows),
        ],
        className="table table-sm matrix test-area-matrix",
    )
    return scroller(table, title)


def key_figures_table(frame: pd.DataFrame, labels: dict, names: dict, lang: str, title: str) -> html.Div:
    """Return one row per county and one column per measure: the latest value with its year, and the sources below.

    frame: region, measure, year, value, source (indicators.key_figures.latest_region_figures, real values only).
    """
    measures = [m for m in labels if m in set(frame["measure"])]
    regions = list(dict.fromkeys(frame["region"]))
    cells = {(r.region, r.measure): r for r in frame.itertuples()}

    def cell(region, measure):
        r = cells.get((region, measure))
        if r is None:
            return html.Td(tx(lang, "uppgift saknas", "no data"), className="text-muted")
        decimals = 1 if measure == "innovation_index" else 0
        return html.Td(
            [fmt_number(r.value, lang, decimals), html.Span(f" ({int(r.year)})", className="small text-muted")],
            className="text-end",
        )

    table = html.Table(
        [
            html.Caption(title, className="visually-hidden"),
            html.Thead(
                html.Tr(
                    [html.Th(tx(lang, "Län", "County"), scope="col")]
                    + [html.Th(labels[m], scope="col", className="text-end") for m in measures]
                )
            ),
            html.Tbody(
                [html.Tr([html.Th(names.get(rg, rg), scope="row")] + [cell(rg, m) for m in measures]) for rg in regions]
            ),
        ],
        className="table table-sm matrix key-figures",
    )
    sources = sorted(set(frame["source"].dropna()))
    return html.Div(
        [
            scroller(table, title),
            html.P(tx(lang, "Källor: ", "Sources: ") + "; ".join(sources), className="small text-muted"),
        ]
    )


# The page renderers a chart may name in ChartSpec.page: (name, data) -> component.
RENDERERS = {
    "criteria_table": criteria_table,
    "test_area_matrix": test_area_matrix,
    "key_figures_table": key_figures_table,
    "monitoring_table": monitoring_table,
    "qualitative_table": qualitative_table,
}
