"""Every row reaches the export, named in words: each exported file is opened and its rows counted against the chart.

The milestone list, the test-area comparison and the rule's criteria matrix go to slides as native
tables; charts with many rows go over several slides, each saying which rows it shows; pictures
grow to hold every row. Title slides, workbooks and file names name the choices, never their codes.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict

import openpyxl
import pytest
from PIL import Image

import charts
from charts.params import parse
from tests.export_support import (
    download,
    example_app,
    file_name,
    rows_windows,
    slide_texts,
    slides,
    tables,
    text_tops,
)

PPTX = "/export/{}.pptx"
DECKS: dict[str, list] = {}


@pytest.fixture(scope="module")
def app():
    return example_app()


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def spec(app, view: str, key: str, query: dict | None = None):
    with app.server.test_request_context():
        return charts.build_chart(view, key, dict(query or {}), strict=True)


def deck(client, view: str, query: str = "") -> list:
    """Return a view's deck's slides (each deck is made once per test run)."""
    url = PPTX.format(view) + query
    if url not in DECKS:
        DECKS[url] = slides(download(client, url).data)
    return DECKS[url]


def chart_slides(all_slides: list, title: str) -> list:
    """Return a chart's slides: its title, or its title with '(n/m)'."""
    pattern = re.compile(re.escape(title) + r"( \(\d+/\d+\))?$")
    return [s for s in all_slides if s.shapes.title is not None and pattern.match(s.shapes.title.text)]


def table_rows(chart: list) -> list[list[str]]:
    """Return the data rows (header left out) of the native tables on a chart's slides, in order."""
    rows = []
    for slide in chart:
        for table in tables(slide):
            rows += [[cell.text for cell in row.cells] for row in list(table.rows)[1:]]
    return rows


@pytest.mark.parametrize(
    "view,key,column",
    [
        ("milstolpar", "list", 0),  # 14 of 14 milestones, by number
        ("styrkeomraden", "test-areas", 1),  # every test area and every new candidate
        ("styrkeomraden", "strengths", 0),  # every industry the rule classifies
    ],
)
def test_table_charts_reach_the_slides_row_for_row(app, client, view, key, column):
    chart = spec(app, view, key)
    found = chart_slides(deck(client, view), chart.title)
    rows = table_rows(found)
    assert len(rows) == len(chart.table) > 0
    expected = [str(v) for v in chart.table.iloc[:, column]]
    assert [r[column] for r in rows] == expected
    assert [c.text for c in tables(found[0])[0].rows[0].cells] == [str(c) for c in chart.table.columns]
    if len(found) > 1:  # every slide says which rows it holds, and together they hold them all once
        windows = rows_windows([slide_texts(s) for s in found])
        assert windows[0][0] == 1 and windows[-1][1] == windows[-1][2] == len(chart.table)
        assert all(b[0] == a[1] + 1 for a, b in zip(windows, windows[1:]))


def test_the_milestone_list_has_the_plans_sixteen_milestones_in_date_order(app):
    # 1-14 are the plan's quarter rows; 15 and 16 its start and end dates, which open and close the list
    assert list(spec(app, "milstolpar", "list").table.iloc[:, 0]) == [15, *range(1, 15), 16]


@pytest.mark.parametrize("view", ["milstolpar", "styrkeomraden", "klusterkartering", "foretagsenkat"])
def test_paged_charts_show_every_row_once(client, view):
    by_chart = defaultdict(list)
    for slide in deck(client, view)[1:]:
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        by_chart[re.sub(r" \(\d+/\d+\)$", "", title)].append(slide_texts(slide))
    paged = 0
    for title, texts in by_chart.items():
        windows = rows_windows(texts)
        if not windows:
            continue
        paged += 1
        panels = defaultdict(list)  # a panel figure pages each region's rows on its own
        for text in texts:
            panel = text.split(":")[0] if re.match(r"^[^\n]+: (Rader|Rows) ", text.split("\n", 2)[1]) else ""
            panels[panel] += rows_windows([text])
        for panel, parts in panels.items():
            assert parts[0][0] == 1, (title, panel, parts)
            assert all(b[0] == a[1] + 1 for a, b in zip(parts, parts[1:])), (title, panel, parts)
            assert parts[-1][1] == parts[-1][2], (title, panel, parts)
    assert paged, "no chart of the view needed more than one slide; the test proves nothing here"


def test_the_timeline_goes_over_slides_with_all_sixteen_milestones(client):
    texts = [slide_texts(s) for s in deck(client, "milstolpar") if s.shapes.title.text.startswith("Milstolpar kvartal")]
    windows = rows_windows(texts)
    assert windows[-1][1:] == (16, 16)
    assert sum(last - first + 1 for first, last, _n in windows) == 16


CODES = {  # view -> (query, codes that must not be on the title slide, words that must be)
    "styrkeomraden": ("", ["SE31", "division", "employees"], ["Norra Mellansverige", "SNI-avdelning", "riket"]),
    "foretagsenkat": ("", ["samverkan_foretag"], ["Har klustret lett till att ert företag samverkar mer"]),
    "milstolpar": ("?status=klar,forsenad", ["forsenad"], ["klar, försenad"]),
    "klusterkartering": ("?county=20", [], ["Dalarnas län", "alla områden"]),
    "uppfoljning": ("?county=21", ["00", "21"], ["Gävleborgs län", "riket"]),
}


@pytest.mark.parametrize("view", sorted(CODES))
def test_title_slide_names_the_choices_in_words(app, client, view):
    query, codes, words = CODES[view]
    title = slide_texts(deck(client, view, query)[0])
    tokens = set(re.findall(r"[\w-]+", title))
    for word in words:
        assert word in title, title
    for code in codes:
        assert code not in tokens, title
    # and generally: no value the page names in words is on the slide as its code
    with app.server.test_request_context(), charts.current_engine().connect() as conn:
        params = charts.view_params(view)
        values, _ = parse(params, dict(re.findall(r"(\w+)=([^&]+)", query)), conn)
        for p in params:
            names = p.words(conn, "sv") if p.words else {}
            for value in values[p.name] if isinstance(values[p.name], list) else [values[p.name]]:
                if value in names and str(value) not in str(names[value]):  # a code its words do not contain
                    assert str(value) not in tokens, (p.name, value, title)


def test_english_title_slide_is_english(client):
    title = slide_texts(deck(client, "styrkeomraden", "?region=lanen&lang=en")[0])
    assert "The three counties side by side" in title and "Sweden" in title
    assert "lanen" not in title


@pytest.mark.parametrize(
    "url,needles",
    [
        ("/export/milstolpar/list.svg", ["Avslutsarbete", "Projektorganisation"]),  # the last and the first row
        ("/export/milstolpar/timeline.svg", [f"· {n}. " for n in range(1, 17)]),  # every milestone's label
        ("/export/styrkeomraden/test-areas.svg", ["Ny kandidat"]),  # the new candidates come last
    ],
)
def test_pictures_grow_until_every_row_is_in_them(client, url, needles):
    svg = download(client, url).data
    for needle in needles:
        height, tops = text_tops(svg, needle)
        assert tops, needle
        assert max(tops) < height - 40, (needle, max(tops), height)  # above the source lines, not cut off


def test_a_grown_png_says_its_size(client):
    response = download(client, "/export/milstolpar/list.png")
    width, height = Image.open(io.BytesIO(response.data)).size
    assert width == 1920 and height > 1080
    assert file_name(response) == f"{spec(example_app(), 'milstolpar', 'list').filename}_1920x{height}.png"


def test_steering_workbook_has_every_milestone_and_indicator(app, client):
    book = openpyxl.load_workbook(io.BytesIO(download(client, "/export/milstolpar/styrgrupp.xlsx").data))
    assert book.sheetnames == [
        "Milstolpar",
        "Måluppfyllelse",
        "Måluppfyllelse per aktivitet",
        "Måluppfyllelse per delmål",
        "Om underlaget",
    ]
    milestones = [r for r in book["Milstolpar"].iter_rows(min_row=2, values_only=True) if any(r)]
    assert sorted(r[0] for r in milestones) == list(range(1, 17))
    goals = spec(app, "milstolpar", "attainment").table
    assert book["Måluppfyllelse"].max_row - 1 == len(goals) > 0


@pytest.mark.parametrize(
    "url,codes",
    [
        ("/export/styrkeomraden/test-areas.xlsx", ["SE31", "division", "test_areas"]),
        ("/export/foretagsenkat/clusters.csv", ["samverkan_foretag", "2018v"]),
        ("/export/klusterkartering/card.csv?cluster=byggdialog-dalarna", ["byggdialog-dalarna"]),
    ],
)
def test_file_names_are_words(client, url, codes):
    name = file_name(download(client, url))
    for code in codes:
        assert code not in name, name


def test_workbook_lists_the_filters_in_words(client):
    book = openpyxl.load_workbook(io.BytesIO(download(client, "/export/styrkeomraden/bubble.xlsx").data))
    about = " ".join(str(c) for row in book.worksheets[1].iter_rows(values_only=True) for c in row if c)
    assert "Region: Norra Mellansverige" in about and "Branschnivå: SNI-avdelning" in about
    assert "SE31" not in about and "division" not in about.split("SNI-avdelning")[0]
