"""Write a table-shaped chart on slides as native PowerPoint tables: every row, editable, as many slides as it takes.

The milestone list, the test-area comparison and the rule's criteria matrix are tables by nature;
a picture of them either cut rows off or shrank them past reading. Here each row of the chart's
table (ChartSpec.table: exactly the numbers and words the chart shows) becomes a table row, the
header repeats on each slide, and rows are measured (wrapped text) so a slide holds what fits.
"""

from __future__ import annotations

import math

import pandas as pd
from pptx.util import Emu, Inches, Pt

from figures.spec import ChartSpec
from i18n import fmt_number, tx

from .export_pages import table_trace

CELL_MARGIN = Inches(0.05)
CHAR_WIDTH = 0.5  # a proportional font's average character width, in em
LINE_HEIGHT = 1.22  # a line's height, in em


# Page renderers whose chart is a table on the page but a figure on a slide: the monitoring table of small
# multiples (sparklines per priority area) reads as its figure; as a table it is 18 year columns per row.
FIGURE_ON_SLIDES = {"monitoring_table"}


def is_table_chart(spec: ChartSpec) -> bool:
    """Return whether a chart is a table by nature: shown as an HTML table on the page, or drawn as one."""
    if spec.page is not None and spec.page[0] in FIGURE_ON_SLIDES:
        return False
    return spec.page is not None or table_trace(spec.figure_dict()) is not None


def cell_text(value, lang: str) -> str:
    """Return a table value as the page writes it: words for yes/no, numbers in the language, – for missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return tx(lang, "ja", "yes") if value else tx(lang, "nej", "no")
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        if math.isnan(value):
            return "–"
        return fmt_number(value, lang, 0 if float(value).is_integer() else 2)
    if isinstance(value, int) or type(value).__name__.startswith("int"):
        return fmt_number(value, lang)
    return str(value)


def table_text(spec: ChartSpec, lang: str) -> tuple[list[str], list[list[str]]]:
    """Return the chart's table as header and rows of text."""
    frame = spec.table
    return [str(c) for c in frame.columns], [[cell_text(v, lang) for v in row] for row in frame.itertuples(index=False)]


def column_widths(header: list[str], rows: list[list[str]], total: int) -> list[int]:
    """Return column widths (EMU) in proportion to their text: a long text column gets more, a flag column little."""
    weights = []
    for i, head in enumerate(header):
        lengths = sorted(len(r[i]) for r in rows) or [0]
        typical = lengths[int(0.9 * (len(lengths) - 1))]
        longest_word = max((len(w) for w in head.split()), default=1)
        weights.append(min(max(typical, longest_word, 4), 48))
    return [int(total * w / sum(weights)) for w in weights]


def row_height(texts: list[str], widths: list[int], size: float) -> int:
    """Return the EMU a row needs once each cell's text wraps in its column at a font size (points)."""
    lines = 1
    for text, width in zip(texts, widths):
        room = (width - 2 * CELL_MARGIN) / Pt(size * CHAR_WIDTH)
        lines = max(lines, sum(max(1, math.ceil(len(part) / max(room, 1))) for part in text.split("\n")))
    return int(Pt(size * LINE_HEIGHT) * lines + 2 * CELL_MARGIN)


def table_pages(header: list[str], rows: list[list[str]], widths: list[int], size: float, room: int) -> list[list]:
    """Return the rows split into slides whose rows (under the repeated header) fit room (EMU) each."""
    head = row_height(header, widths, size)
    pages, page, used = [], [], head
    for row in rows:
        need = row_height(row, widths, size)
        if page and used + need > room:
            pages.append(page)
            page, used = [], head
        page.append(row)
        used += need
    return pages + [page] if page or not pages else pages


def font_size(columns: int) -> float:
    return 12 if columns <= 6 else 10.5 if columns <= 10 else 9


def add_table(slide, header: list[str], rows: list[list[str]], widths: list[int], size: float, left, top) -> None:
    """Place a native table: bold header row, the rows, each column's width, each row's measured height."""
    shape = slide.shapes.add_table(len(rows) + 1, len(header), Emu(left), Emu(top), Emu(sum(widths)), Emu(0))
    table = shape.table
    table.first_row = True
    for i, width in enumerate(widths):
        table.columns[i].width = Emu(width)
    for r, texts in enumerate([header, *rows]):
        table.rows[r].height = Emu(row_height(texts, widths, size))
        for c, text in enumerate(texts):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = cell.margin_top = cell.margin_bottom = CELL_MARGIN
            frame = cell.text_frame
            frame.word_wrap = True
            frame.text = text
            for para in frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(size)
                    run.font.bold = r == 0
