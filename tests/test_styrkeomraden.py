"""The Styrkeområden view: every chart, its words, its numbers and its refusals, built as the page builds them."""

from __future__ import annotations

import csv
import io

import lxml.html
import pytest
from callbacks.registry import CHARTS, build_chart

from callbacks.styrkeomraden import show_styrkeomraden
from indicators.__main__ import main as cli
from layouts import ids
from layouts.static_html import to_html
from layouts.styrkeomraden import CHARTS as KEYS
from layouts.styrkeomraden import PARAMS, RULE, SUMMARY, VIEW, layout
from tests.test_indicators_lq import SMALL, make_store

QUERIES = {
    "dalarna": {"region": "20", "year": "2023"},
    "three side by side": {"region": "lanen", "year": "2023", "level": "a10"},
    "municipality against SE31": {"region": "2081", "year": "2023", "reference": "SE31", "level": "section"},
    "functional sectors in English": {"region": "SE31", "year": "2023", "level": "sector", "lang": "en"},
}


def chart(app, key: str, query: dict):
    with app.server.app_context():
        return build_chart(VIEW, key, query)


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("name", QUERIES)
def test_every_chart_has_title_source_example_mark_table_and_words(app, key, name):
    spec = chart(app, key, QUERIES[name])
    assert spec.title and spec.summary
    assert spec.source.startswith(("Källa:", "Source:"))
    assert spec.data_status == "example"  # the test store holds example data only
    assert not spec.table.empty
    assert len(spec.figure.data) > 0
    assert spec.filename.startswith("styrkeomraden_")


def test_the_bubble_chart_hovers_with_name_employees_quotient_and_change(app):
    spec = chart(app, "bubble", QUERIES["dalarna"])
    hover = spec.figure.data[0].hovertemplate
    for word in ("customdata[0]", "Sysselsatta", "Lokaliseringskvot", "Förändring"):
        assert word in hover
    lines = [s for s in spec.figure.layout.shapes if s.type == "line"]
    assert any(s.x0 == 1 and s.x1 == 1 for s in lines)  # LQ = 1
    assert any(s.y0 == s.y1 and s.xref.endswith("domain") for s in lines)  # the reference's growth
    words = " ".join(a.text for a in spec.figure.layout.annotations)
    assert "Specialiserad<br>och växande" in words and "Riket" in words
    steel = spec.table[spec.table["Bransch"] == "Stål- och metallframställning"]
    assert steel["Lokaliseringskvot"].iloc[0] > 4


def test_three_counties_side_by_side_are_three_panels(app):
    spec = chart(app, "bubble", QUERIES["three side by side"])
    titles = [a.text for a in spec.figure.layout.annotations if a.text.endswith("län")]
    assert titles == ["Värmlands län", "Dalarnas län", "Gävleborgs län"]
    assert set(spec.table["Region"]) == set(titles)


def test_the_summary_is_plain_swedish_generated_from_the_numbers(app):
    with app.server.test_request_context("/"):
        outputs = show_styrkeomraden("http://localhost/styrkeomraden?region=20&year=2023")
    summary = outputs[0]["html"][SUMMARY]
    assert "I Dalarnas län är stål- och metallframställning" in summary
    assert "gånger vanligare än i riket" in summary
    assert "Exempeldata" in summary
    rule = outputs[0]["html"][RULE]
    assert "U.S. Cluster Mapping" in rule and "European Cluster Observatory" in rule


def test_the_thresholds_in_the_address_change_the_classification(app):
    default = chart(app, "strengths", QUERIES["dalarna"])
    strict = chart(app, "strengths", {**QUERIES["dalarna"], "lq_min": "2.5", "top": "10"})
    assert 0 < len(strict.table) < len(default.table)
    with app.server.test_request_context("/"):
        outputs = show_styrkeomraden("http://localhost/styrkeomraden?region=20&year=2023&lq_min=2.5")
    assert "minst 2,5" in outputs[0]["html"][RULE]  # the rule shown is the rule applied


SHAPE = {"Helhetligt styrkeområde": "◆", "Styrkeområde i näringslivet": "●", "Framväxande": "■"}  # as in the charts


def page_table(spec):
    """Return the HTML table the page shows in place of the figure, parsed."""
    return lxml.html.fragment_fromstring(to_html(spec.page), create_parent="div").find(".//table")


@pytest.mark.parametrize("name", ["dalarna", "three side by side"])
def test_the_rule_matrix_is_a_table_with_a_word_in_every_cell_grouped_by_class(app, name):
    spec = chart(app, "strengths", QUERIES[name])
    table = page_table(spec)
    classes = [th.text_content().strip() for th in table.findall(".//tr[@class='class-row']/th")]
    counts = spec.table["Klass"].value_counts()
    assert classes == [f"{SHAPE[c]}{c} ({counts[c]})" for c in spec.table["Klass"].unique()]  # strongest first
    criteria = [c for c in spec.table.columns if set(spec.table[c]) <= {"✓", "–"}]
    assert len(criteria) == 9
    rows = [tr for tr in table.findall(".//tbody/tr") if tr.get("class") != "class-row"]
    assert len(rows) == len(spec.table)
    for tr, (_, row) in zip(rows, spec.table.iterrows()):
        assert tr.find("th").text_content().startswith(row["Bransch"])  # the whole name, not cut
        cells = tr.findall("td")
        assert [c.get("class") for c in cells] == ["met" if row[c] == "✓" else "unmet" for c in criteria]
        heard = [c.find("span[@class='visually-hidden']").text for c in cells]
        assert heard == ["uppfyllt" if row[c] == "✓" else "inte uppfyllt" for c in criteria]
    assert spec.figure.data  # the exports still draw it


def test_the_test_area_matrix_is_a_table_with_the_assessment_written_out(app):
    spec = chart(app, "test-areas", QUERIES["three side by side"])
    table = page_table(spec)
    rows = table.findall(".//tbody/tr")
    assert len(rows) == len(spec.table)
    assert [tr.find("th").text for tr in rows] == list(spec.table["Testområde"])
    verdicts = [tr.find("td[@class='verdict']") for tr in rows]
    assert [v.text for v in verdicts] == list(spec.table["Bedömning"])
    shading = {v.text: v.get("style") for v in verdicts}
    assert len(set(shading.values())) == len(shading) >= 3  # each assessment its own shade, and its words


def test_a_region_compared_with_itself_is_explained_in_words(app):
    for key in KEYS:
        spec = chart(app, key, {"region": "SE31", "reference": "SE31"})
        assert "samma som referensen" in spec.summary
        assert len(spec.figure.data) == 0


@pytest.fixture()
def small_conn(tmp_path):
    from data.store import engine_for

    url = make_store(tmp_path / "small.sqlite", SMALL)
    with engine_for(url).connect() as conn:
        yield conn


def test_an_industry_nobody_works_in_in_the_reference_is_named(small_conn):
    spec = CHARTS[VIEW]["lq-bars"](small_conn, "sv", region="20", year=2020)
    assert any("Kolutvinning" in n and "ingen arbetar i branschen i riket" in n for n in spec.notes)


def test_a_single_year_gives_no_change_and_says_so(small_conn):
    spec = CHARTS[VIEW]["bubble"](small_conn, "sv", region="20", year=2020)
    assert "Förändringen kräver två år" in spec.summary


def test_a_level_without_data_that_year_is_explained(tmp_path):
    from data.store import engine_for

    eurostat_only = [("real", "00", "C", 2017, "employees", 561000.0), ("real", "20", "C", 2017, "employees", 19000.0)]
    url = make_store(tmp_path / "a10.sqlite", eurostat_only)
    with engine_for(url).connect() as conn:
        spec = CHARTS[VIEW]["lq-bars"](conn, "sv", region="20", year=2017, level="division")
    assert "inga uppgifter om sysselsatta på nivån SNI-avdelning" in spec.summary


def test_the_csv_holds_the_numbers_the_command_line_prints(client, store_url, capsys):
    response = client.get("/export/styrkeomraden/lq-bars.csv?region=20&year=2023")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == 15
    assert cli(["location-quotients", "--db", store_url, "--year", "2023", "--region", "20"]) == 0
    printed = {r["industry"]: float(r["lq"]) for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    steel = next(r for r in rows if r["Bransch"] == "Stål- och metallframställning")
    assert float(steel["Lokaliseringskvot"]) == pytest.approx(printed["24"])


@pytest.mark.parametrize("query", ["region=99", "level=kommun", "year=1901", "lq_min=-1"])
def test_bad_export_filters_are_refused_naming_the_parameter(client, query):
    response = client.get(f"/export/styrkeomraden/bubble.csv?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.get_data(as_text=True)


def test_the_layout_has_a_filter_for_every_parameter_and_a_place_for_every_chart(app):
    with app.server.app_context():
        page = str(layout("sv", region="20", year=2023))
    for param in PARAMS:
        assert repr(ids.filter_id(VIEW, param.name)["param"]) in page
    for key in KEYS:
        assert ids.chart_id(VIEW, key) in page


def test_a_bar_with_too_few_cases_says_which_measure_and_how_many_like_the_table(app):
    spec = chart(app, "innovation", QUERIES["dalarna"])
    words = {
        trace.name: [(y, t) for y, t in zip(trace.y, trace.text) if "för få" in str(t)] for trace in spec.figure.data
    }
    few = [(name, y, t) for name, pairs in words.items() for y, t in pairs]
    assert few, "the example data has industries with too few patents"
    expected = {  # trace: (the word on its bar, the table's count column)
        "Nya företag": ("Nya företag", "Nya företag, antal"),
        "Patentansökningar": ("Patent", "Patent, antal"),
        "Varumärkesansökningar": ("Varumärken", "Varumärken, antal"),
    }
    for name, industry, text in few:
        measure, column = expected[name]
        assert text.startswith(f"{measure}: för få (")  # "Patent: för få (2)" sits on the patent bar
        row = spec.table[spec.table["Bransch"].str.startswith(industry.rstrip("…"))].iloc[0]
        assert text.endswith(f"({row[column]:.0f})")  # the count the table gives


def test_the_words_agree_with_their_numbers(app):
    dalarna = QUERIES["dalarna"]
    with app.server.app_context():  # levels where the example data has one of a kind
        strengths = build_chart(VIEW, "strengths", {**dalarna, "level": "section"})
        areas = build_chart(VIEW, "test-areas", {**dalarna, "level": "a10"})
    assert (strengths.table["Klass"] == "Styrkeområde i näringslivet").sum() == 1
    assert "1 styrkeområde i näringslivet" in strengths.summary
    assert "1 styrkeområde ligger utanför alla testområden" in areas.summary
    assert "1 styrkeområden" not in strengths.summary + areas.summary
