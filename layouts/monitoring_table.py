"""Show the monitoring view's tables: one row per priority area (or measure), grouped by county, with sparklines.

The chart builders (charts/uppfoljning) hand over the words and the sparklines ready made (an SVG as a
data: address with its text alternative); this module only lays them out. A row without data says why in
one cell that spans the row, never as zeros. On a wide screen it is a table; on a phone each row becomes a
small card whose cells carry their column's heading (data-label, assets/50-uppfoljning.css). The explicit
ARIA roles keep it a table for screen readers when CSS turns its rows into blocks.
"""

from __future__ import annotations

from dash import html


def _cell(part: dict, label: str) -> html.Td:
    text = html.Span(part.get("text", ""), className="monitor-value")
    content = (
        [html.Img(src=part["img"], alt=part.get("alt", ""), className="sparkline"), text] if part.get("img") else text
    )
    return html.Td(content, role="cell", **{"data-label": label})


def _row(row: dict, headers: list[str]) -> html.Tr:
    head = html.Th(
        [
            html.Span(row["head"], className="monitor-area"),
            *[html.Span(s, className="monitor-sub") for s in row["sub"]],
        ],
        scope="row",
        role="rowheader",
        className="row-head",
    )
    if "missing" in row:
        missing = html.Td(row["missing"], colSpan=len(headers) - 1, role="cell", className="monitor-missing")
        return html.Tr([head, missing], role="row")
    return html.Tr([head, *[_cell(part, h) for part, h in zip(row["cells"], headers[1:])]], role="row")


def monitoring_table(groups: list[dict], headers: list[str], lang: str, title: str) -> html.Div:
    """Return the table: headers, then per group ({name, rows}) a heading row and its rows.

    A row is {head, sub: [lines], cells: [{text, img?, alt?}]} or {head, sub, missing: why there is no data}.
    """
    body = []
    for group in groups:
        heading = html.Th(group["name"], colSpan=len(headers), scope="colgroup", role="columnheader")
        body.append(html.Tr(heading, role="row", className="monitor-group"))
        body += [_row(row, headers) for row in group["rows"]]
    table = html.Table(
        [
            html.Caption(title, className="visually-hidden"),
            html.Thead(
                html.Tr([html.Th(h, scope="col", role="columnheader") for h in headers], role="row"), role="rowgroup"
            ),
            html.Tbody(body, role="rowgroup"),
        ],
        role="table",
        className="table table-sm matrix monitoring-table",
    )
    return html.Div(
        table, className="matrix-scroll monitoring-scroll", role="region", tabIndex="0", **{"aria-label": title}
    )
