"""Show the qualitative half of the strength analysis on Styrkeområden: one HTML table, area by area.

Rows come from charts/styrkeomraden/qualitative.py in words of the page's language. The card writes
the table as static HTML (layouts/static_html.py), one component however many records there are.
On a phone each area becomes a block, its cells labelled by their column's heading.
"""

from __future__ import annotations

from dash import html

from charts.views import nav_href
from i18n import tx

MANAGER_PAGE = "/kvalitativa-bedomningar"


def example_mark(is_example: bool, lang: str):
    if not is_example:
        return None
    return html.Span(
        tx(lang, "Exempeldata", "Example data"),
        className="badge-example ms-1",
        title=tx(lang, "Påhittad post, inte en verklig bedömning", "An invented record, not a real judgement"),
    )


def shown(words: dict, key: str) -> list:
    """Return a record's text; one entered only in Swedish is marked lang="sv" on an English page, and said so."""
    if not words.get(key + "_in_sv"):
        return [words[key]]
    return [html.Span(words[key], lang="sv"), " (only in Swedish)"]


def evidence(words: dict, lang: str) -> html.P:
    """Return 'Underlag: 12 dokument, 7 intervjuer (…): which ones. Bedömd av …, 2017-02-15.'"""
    parts = [words["evidence"]] if words["evidence"] else []
    if words["evidence_what"]:
        parts += [": " if parts else "", *shown(words, "evidence_what")]
    if not parts:
        parts = [tx(lang, "inte angivet", "not stated")]
    return html.P(
        [tx(lang, "Underlag: ", "Evidence: "), *parts, ". ", words["by"], "."], className="small text-muted mb-0"
    )


def assessment_block(a: dict, lang: str) -> html.Div:
    return html.Div(
        [
            html.Strong(a["sentence"], className=f"qa-verdict qa-{a['verdict_code']}"),
            example_mark(a["is_example"], lang),
            html.P(shown(a, "conclusion"), className="mb-1"),
            evidence(a, lang),
        ],
        className="qa-record",
    )


def chain_block(c: dict, lang: str) -> html.Div:
    note = [" (", *shown(c, "position_note"), ")"] if c["position_note"] else []
    return html.Div(
        [
            html.Strong(shown(c, "chain")),
            example_mark(c["is_example"], lang),
            html.P([tx(lang, "Regioner utomlands: ", "Regions abroad: "), c["regions"]], className="small mb-0"),
            html.P([tx(lang, "Position: ", "Position: "), c["position"], *note], className="small mb-0"),
            evidence(c, lang),
        ],
        className="qa-record",
    )


def cluster_list(clusters: list[dict], lang: str):
    if not clusters:
        return html.Span(
            tx(lang, "Inget klusterinitiativ kopplat", "No cluster initiative linked"), className="text-muted"
        )
    return html.Ul(
        [
            html.Li(
                [
                    c["name"],
                    html.Span(
                        f" ({c['phase']}{tx(lang, '; exempeldata', '; example data') if c['is_example'] else ''})",
                        className="qa-phase",
                    ),
                ]
            )
            for c in clusters
        ],
        className="qa-clusters",
    )


def area_row(row: dict, headers: list[str], lang: str) -> html.Tr:
    assessments = [assessment_block(a, lang) for a in row["assessments"]] or [
        html.Span(
            tx(lang, "Ingen kvalitativ bedömning har förts in.", "No qualitative assessment has been entered."),
            className="qa-none",
        )
    ]
    chains = [chain_block(c, lang) for c in row["chains"]] or [html.Span("–", className="text-muted qa-empty")]
    contents = [
        [row["statistical"], example_mark(row["stats_example"], lang)],
        assessments,
        chains,
        cluster_list(row["clusters"], lang),
    ]
    # data-label: the column's heading, written before the cell where a phone shows the row as a block
    cells = [html.Td(c, **{"data-label": h}) for c, h in zip(contents, headers[1:])]
    return html.Tr([html.Th(row["name"], scope="row"), *cells])  # the region is in the group's heading


def group_heading(row: dict, span: int, lang: str) -> html.Tr:
    words = (
        tx(lang, "Styrkeområden", "Strength areas")
        if row["kind"] == "styrkeomrade"
        else tx(lang, "Testområden", "Test areas")
    )
    return html.Tr(html.Th(f"{words} · {row['region']}", colSpan=span, scope="colgroup"), className="qa-group")


def qualitative_table(rows: list[dict], headers: list[str], title: str, lang: str) -> html.Div:
    """Return the areas with the statistical verdict beside the qualitative records, grouped by kind and region."""
    body, previous = [], None
    for row in rows:
        if (row["kind"], row["region"]) != previous:
            body.append(group_heading(row, len(headers), lang))
            previous = (row["kind"], row["region"])
        body.append(area_row(row, headers, lang))
    table = html.Table(
        [
            html.Caption(title, className="visually-hidden"),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in headers])),
            html.Tbody(body),
        ],
        className="table table-sm qa-table",
    )
    return html.Div(
        [
            html.Div(table, className="qa-scroll"),
            html.P(
                [
                    tx(
                        lang,
                        "Den statistiska bedömningen är regelns klassning ovan; den kvalitativa är projektets egen efter "
                        "dokumentstudier och intervjuer och ändrar inte klassningen. Projektledaren för in bedömningar och "
                        "värdekedjor på sidan ",
                        "The statistical verdict is the rule's classification above; the qualitative one is the project's "
                        "own after document studies and interviews, and does not change the classification. The project "
                        "manager enters assessments and value chains on the page ",
                    ),
                    html.A(
                        tx(lang, "Kvalitativa bedömningar", "Qualitative assessments"),
                        href=nav_href(MANAGER_PAGE, lang),
                    ),
                    ".",
                ],
                className="small text-muted",
            ),
        ]
    )
