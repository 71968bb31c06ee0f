"""Draw the qualitative half of the strength analysis as a table picture, for the PNG and PowerPoint exports.

The page shows the same rows as an HTML table (layouts/qualitative_table.py); a slide needs a picture.
The cells come written (charts/styrkeomraden/qualitative_words.py picture_cells: long texts shortened,
example records marked); this module only draws them.
"""

from __future__ import annotations

from .style import apply_base, figure

WIDTHS = (1.5, 1.4, 3.2, 2.0, 1.6)
CHARS_PER_LINE = (22, 20, 48, 30, 24)  # about so many characters a line in each column at the export size


def _lines(text: str, width: int) -> int:
    return sum(max(1, -(-len(part) // width)) for part in text.split("<br>"))


def qualitative_figure(table: list[list[str]], headers: list[str], lang: str) -> dict:
    """Return one row per area (cells: area, statistical verdict, assessments, value chains, clusters; <br> breaks
    lines) as a table whose height fits its wrapped text."""
    columns = [list(col) for col in zip(*table)] if table else [[] for _ in headers]
    heights = [max(_lines(c, w) for c, w in zip(row, CHARS_PER_LINE)) for row in table]
    table = dict(
        type="table",
        columnwidth=list(WIDTHS),
        header=dict(values=[f"<b>{h}</b>" for h in headers], fill_color="#f6f8fa", align="left", font=dict(size=12)),
        cells=dict(values=columns, align="left", font=dict(size=11), height=22),
    )
    height = 90 + sum(16 * n + 12 for n in heights)
    return apply_base(figure([table], {}), lang, height=max(240, height), legend=False)
