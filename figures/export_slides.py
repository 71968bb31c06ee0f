"""Build a view's PowerPoint deck: a title slide, one slide per chart, and sources and definitions.

Titles, subtitles and source lines are slide text (editable, read by screen readers); only the
chart itself is a picture, with the chart's text alternative as its alt text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from babel.dates import format_date
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from figures.spec import ChartSpec
from i18n import LOCALES, tx

from . import export_slide_tables as tables

SLIDE_WIDTH, SLIDE_HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN
PICTURE_TOP, PICTURE_HEIGHT = Inches(1.55), Inches(4.8)  # the footer below holds up to six lines
PICTURE_ASPECT = CONTENT_WIDTH / PICTURE_HEIGHT
MUTED = RGBColor(0x57, 0x60, 0x6A)
EXAMPLE = RGBColor(0x8A, 0x53, 0x00)
ROWS_PER_SOURCE_SLIDE = 18  # rows of text the body holds at 14–16 pt
CHARS_PER_ROW = 115  # characters of a row at 14 pt across the content width
TITLE_SLIDE, TITLE_AND_CONTENT, TITLE_ONLY = 0, 1, 5


@dataclass
class Deck:
    """What goes into a view's deck."""

    view_title: str
    lang: str
    as_of: date
    filters: list[tuple[str, str]]
    # spec and its pictures: PNG bytes, or [(PNG, rows window)] for paged rows, or None: written as a table
    charts: list[tuple[ChartSpec, object]] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # charts not in the deck, each with the reason


def _place(shape, left, top, width, height) -> None:
    shape.left, shape.top, shape.width, shape.height = Emu(left), Emu(top), Emu(width), Emu(height)


def _paragraph(frame, text: str, size: int, *, color=None, bold=False, level=0, first=False):
    para = frame.paragraphs[0] if first else frame.add_paragraph()
    para.level = level
    run = para.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    return para


def _text_box(slide, left, top, width, height):
    frame = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height)).text_frame
    frame.word_wrap = True
    return frame


def _title_slide(prs, deck: Deck) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_SLIDE])
    title, subtitle = slide.placeholders[0], slide.placeholders[1]
    _place(title, MARGIN, Inches(2.0), CONTENT_WIDTH, Inches(1.5))
    _place(subtitle, MARGIN, Inches(3.7), CONTENT_WIDTH, Inches(2.6))
    title.text = deck.view_title
    lang = deck.lang
    frame = subtitle.text_frame
    _paragraph(
        frame,
        tx(lang, "Smart specialisering i Norra Mellansverige", "Smart specialisation in North Middle Sweden"),
        22,
        first=True,
    )
    filters = "; ".join(f"{k}: {v}" for k, v in deck.filters) or tx(lang, "standardval", "defaults")
    _paragraph(frame, tx(lang, "Filter: ", "Filters: ") + filters, 16, color=MUTED)
    _paragraph(frame, format_date(deck.as_of, format="long", locale=LOCALES[lang]), 16, color=MUTED)
    if any(spec.is_example for spec, _ in deck.charts):
        _paragraph(
            frame,
            tx(
                lang,
                "Innehåller exempeldata: påhittade siffror, inte verklig statistik.",
                "Contains example data: invented numbers, not real statistics.",
            ),
            16,
            color=EXAMPLE,
            bold=True,
        )


def _status(spec: ChartSpec, lang: str) -> str:
    return {
        "example": tx(lang, "Exempeldata", "Example data"),
        "mixed": tx(lang, "Delvis exempeldata", "Partly example data"),
    }.get(spec.data_status, "")


def _title(slide, text: str) -> None:
    """Write a chart slide's title, smaller when it is long."""
    title = slide.shapes.title
    _place(title, MARGIN, Inches(0.3), CONTENT_WIDTH, Inches(0.8))
    title.text = text
    for para in title.text_frame.paragraphs:
        for run in para.runs:
            run.font.size, run.font.bold = Pt(28 if len(text) <= 60 else 22), True


def _chart_frame(prs, spec: ChartSpec, lang: str, page: tuple[int, int] = (1, 1), window: str = ""):
    """Add a chart's slide with its title, subtitle (and which rows it shows), source and speaker notes."""
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    _title(slide, spec.title + (f" ({page[0]}/{page[1]})" if page[1] > 1 else ""))
    subtitle = " · ".join(p for p in (window, spec.subtitle) if p)
    if subtitle:  # two lines fit above the picture at 16 pt, three at 11 pt
        size = 16 if text_lines(subtitle, 16) <= 2 else 11
        _paragraph(
            _text_box(slide, MARGIN, Inches(1.05), CONTENT_WIDTH, Inches(0.45)), subtitle, size, color=MUTED, first=True
        )
    footer = _text_box(slide, MARGIN, PICTURE_TOP + PICTURE_HEIGHT + Inches(0.05), CONTENT_WIDTH, Inches(1.0))
    _paragraph(footer, spec.source, 11, color=MUTED, first=True)
    status = _status(spec, lang)
    if status:
        _paragraph(footer, status, 11, color=EXAMPLE, bold=True)
    fitting, rest, size = footer_notes(spec, lang)
    for note in fitting:
        _paragraph(footer, note, size, color=MUTED)
    if rest:
        _paragraph(
            footer,
            tx(lang, "Fler noter på bilden efter diagrammet.", "More notes on the slide after the chart."),
            size,
            color=MUTED,
        )
    notes = slide.notes_slide.notes_text_frame
    notes.text = "\n".join([spec.summary, *spec.definitions]).strip()
    return slide


FOOTER_PT = 76  # the height below the picture, to the slide's edge
CHAR_EM = Emu(CONTENT_WIDTH).pt / (CHARS_PER_ROW * 14)  # a character's average width in ems


def text_lines(text: str, size: int) -> int:
    """Return the lines a paragraph takes across the content width at a font size (points)."""
    per_line = max(1, int(Emu(CONTENT_WIDTH).pt / (CHAR_EM * size)))
    return max(1, -(-len(text) // per_line))


def footer_notes(spec: ChartSpec, lang: str) -> tuple[list[str], list[str], int]:
    """Return (notes that fit under the picture, notes that go on a slide of their own, font size).

    The footer holds the source, the example-data line and the notes; notes that would run past the
    slide's edge (Uppföljning's gender chart has three long paragraphs) are kept whole on a notes slide.
    """
    small = sum(len(n) for n in spec.notes) > 300  # a long key (the bubble chart's numbers) in smaller type
    size = 8 if small else 10
    used = text_lines(spec.source, 11) * 11 * 1.2
    status = _status(spec, lang)
    used += text_lines(status, 11) * 11 * 1.2 if status else 0
    used += size * 1.2  # room for the line that points to the notes slide
    fitting, rest = [], []
    for note in spec.notes:
        need = text_lines(note, size) * size * 1.2
        if rest or used + need > FOOTER_PT:
            rest.append(note)
        else:
            fitting.append(note)
            used += need
    return fitting, rest, size


def _notes_slide(prs, spec: ChartSpec, notes: list[str], lang: str) -> None:
    """Add a slide with a chart's notes that did not fit under it, whole, in readable type."""
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    _title(slide, tx(lang, f"Noter: {spec.title}", f"Notes: {spec.title}"))
    body = _text_box(slide, MARGIN, Inches(1.3), CONTENT_WIDTH, SLIDE_HEIGHT - Inches(1.8))
    size = 16 if sum(text_lines(n, 16) for n in notes) <= 14 else 12
    for n, note in enumerate(notes):
        _paragraph(body, note, size, color=MUTED, first=n == 0)


def rows_words(lang: str, first: int, last: int, count: int, panel: str = "") -> str:
    """Return 'Rader 1–6 av 14' (and the panel's name) for a slide that shows some of a chart's rows."""
    words = tx(lang, f"Rader {first}–{last} av {count}", f"Rows {first}–{last} of {count}")
    return f"{panel}: {words}" if panel else words


def _chart_slides(prs, spec: ChartSpec, pictures: list, lang: str) -> None:
    """Add one slide per picture of a chart (several where its rows are paged)."""
    for n, (png, window) in enumerate(pictures, 1):
        if window is None:
            words = ""
        elif window[2] is None:  # one panel (region) of the chart
            words = window[1]
        else:
            words = rows_words(lang, *window[2:], window[1])
        slide = _chart_frame(prs, spec, lang, (n, len(pictures)), words)
        picture = slide.shapes.add_picture(io.BytesIO(png), MARGIN, PICTURE_TOP, CONTENT_WIDTH, PICTURE_HEIGHT)
        picture.name = spec.title
        picture._element.nvPicPr.cNvPr.set("descr", spec.summary or spec.title)
    _rest_of_notes(prs, spec, lang)


def _rest_of_notes(prs, spec: ChartSpec, lang: str) -> None:
    rest = footer_notes(spec, lang)[1]
    if rest:
        _notes_slide(prs, spec, rest, lang)


def _table_slides(prs, spec: ChartSpec, lang: str) -> None:
    """Add the chart's table as native PowerPoint tables, every row, over as many slides as it takes."""
    header, rows = tables.table_text(spec, lang)
    size = tables.font_size(len(header))
    widths = tables.column_widths(header, rows, CONTENT_WIDTH)
    pages = tables.table_pages(header, rows, widths, size, PICTURE_HEIGHT)
    first = 1
    for n, page in enumerate(pages, 1):
        words = rows_words(lang, first, first + len(page) - 1, len(rows)) if len(pages) > 1 else ""
        slide = _chart_frame(prs, spec, lang, (n, len(pages)), words)
        tables.add_table(slide, header, page, widths, size, MARGIN, PICTURE_TOP)
        first += len(page)
    _rest_of_notes(prs, spec, lang)


def pictures_of(drawn) -> list | None:
    """Return a deck entry's pictures as [(png, window)]; None for a chart written as a table."""
    if drawn is None:
        return None
    if isinstance(drawn, bytes):
        return [(drawn, None)]
    return list(drawn)


def _source_lines(deck: Deck) -> list[tuple[str, int, bool]]:
    """Return (text, level, bold) lines: the distinct sources, definitions, example note, left-out charts."""
    lang, lines = deck.lang, []
    prefix = tx(lang, "Källa: ", "Source: ")
    parts = (part for spec, _ in deck.charts for part in spec.source.removeprefix(prefix).split("; "))
    sources = list(dict.fromkeys(part for part in parts if part))
    lines += [(tx(lang, "Källor", "Sources"), 0, True)] + [(s, 1, False) for s in sources]
    definitions = list(dict.fromkeys(d for spec, _ in deck.charts for d in spec.definitions))
    if definitions:
        lines += [(tx(lang, "Definitioner", "Definitions"), 0, True)] + [(d, 1, False) for d in definitions]
    if any(spec.is_example for spec, _ in deck.charts):
        lines.append(
            (
                tx(
                    lang,
                    "Diagram märkta ”Exempeldata” visar påhittade siffror som visar hur analysen fungerar tills "
                    "verkliga data har lästs in.",
                    "Charts marked “Example data” show invented numbers that show how the analysis works until real "
                    "data has been imported.",
                ),
                0,
                False,
            )
        )
    if deck.left_out:
        lines.append((tx(lang, "Inte med: ", "Not included: ") + "; ".join(deck.left_out), 0, False))
    return lines


def _pages(lines: list[tuple[str, int, bool]]) -> list[list[tuple[str, int, bool]]]:
    """Split the lines into slides by the rows their wrapped text takes (a long line is never cut)."""
    pages, page, rows = [], [], 0
    for line in lines:
        need = -(-len(line[0]) // CHARS_PER_ROW)
        if page and rows + need > ROWS_PER_SOURCE_SLIDE:
            pages.append(page)
            page, rows = [], 0
        page.append(line)
        rows += need
    return pages + [page] if page else pages


def _source_slides(prs, deck: Deck) -> None:
    lines = _source_lines(deck)
    heading = tx(deck.lang, "Källor och definitioner", "Sources and definitions")
    for n, page in enumerate(_pages(lines)):
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_AND_CONTENT])
        _place(slide.shapes.title, MARGIN, Inches(0.3), CONTENT_WIDTH, Inches(0.9))
        slide.shapes.title.text = heading if n == 0 else heading + tx(deck.lang, " (forts.)", " (cont.)")
        body = slide.placeholders[1]
        _place(body, MARGIN, Inches(1.4), CONTENT_WIDTH, Inches(5.6))
        frame = body.text_frame
        for i, (text, level, bold) in enumerate(page):
            _paragraph(frame, text, 16 if bold else 14, level=level, bold=bold, first=i == 0)


def view_deck(deck: Deck) -> bytes:
    """Return the deck as PPTX bytes (16:9)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    prs.core_properties.title = deck.view_title
    prs.core_properties.language = "sv-SE" if deck.lang == "sv" else "en-GB"
    _title_slide(prs, deck)
    for spec, drawn in deck.charts:
        pictures = pictures_of(drawn)
        if pictures is None:
            _table_slides(prs, spec, deck.lang)
        else:
            _chart_slides(prs, spec, pictures, deck.lang)
    _source_slides(prs, deck)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
