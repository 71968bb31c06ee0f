"""Draw the qualitative half of the strength analysis as a table picture, for the PNG and PowerPoint exports.

The page shows the same rows as an HTML table (layouts/qualitative_table.py); a slide needs a picture.
Long texts are shortened here (the whole text is in the card's table, CSV and XLSX); an example record
keeps its mark in the picture too.
"""

from __future__ import annotations

import plotly.graph_objects as go

from i18n import tx

from .style import apply_base

CUT = 180  # characters of one record's text in the picture
WIDTHS = (1.5, 1.4, 3.2, 2.0, 1.6)
CHARS_PER_LINE = (22, 20, 48, 30, 24)  # about so many characters a line in each column at the export size


def _short(text: str) -> str:
    return text if len(text) <= CUT else text[: CUT - 1].rsplit(" ", 1)[0] + " …"


def _marked(text: str, example: bool, lang: str) -> str:
    return text + (tx(lang, " [exempeldata]", " [example data]") if example else "")


def cells(row: dict, lang: str) -> list[str]:
    """Return the five cells of one area: area, statistical verdict, assessments, value chains, clusters."""
    assessments = [
        _marked(f"<b>{a['verdict']}</b>: {_short(a['conclusion'])} ({a['by']})", a["is_example"], lang)
        for a in row["assessments"]
    ] or [tx(lang, "Ingen kvalitativ bedömning har förts in.", "No qualitative assessment has been entered.")]
    chains = [
        _marked(f"{_short(c['chain'])} – {c['regions']} – {c['position']}", c["is_example"], lang)
        for c in row["chains"]
    ] or ["–"]
    clusters = [_marked(f"{c['name']} ({c['phase']})", c["is_example"], lang) for c in row["clusters"]] or ["–"]
    return [
        f"<b>{row['name']}</b><br>{row['region']} · {row['kind_word']}",
        row["statistical"],
        "<br>".join(assessments),
        "<br>".join(chains),
        "<br>".join(clusters),
    ]


def _lines(text: str, width: int) -> int:
    return sum(max(1, -(-len(part) // width)) for part in text.split("<br>"))


def qualitative_figure(rows: list[dict], headers: list[str], lang: str) -> go.Figure:
    """Return the areas as a table: the statistical verdict beside the qualitative records, one row per area."""
    table = [cells(r, lang) for r in rows]
    columns = [list(col) for col in zip(*table)] if table else [[] for _ in headers]
    heights = [max(_lines(c, w) for c, w in zip(row, CHARS_PER_LINE)) for row in table]
    fig = go.Figure(
        go.Table(
            columnwidth=list(WIDTHS),
            header=dict(
                values=[f"<b>{h}</b>" for h in headers], fill_color="#f6f8fa", align="left", font=dict(size=12)
            ),
            cells=dict(values=columns, align="left", font=dict(size=11), height=22),
        )
    )
    height = 90 + sum(16 * n + 12 for n in heights)
    return apply_base(fig, lang, height=max(240, height), legend=False)
