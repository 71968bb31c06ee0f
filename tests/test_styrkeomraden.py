"""The Styrkeområden view: every chart, its words, its numbers and its refusals, built as the page builds them."""

from __future__ import annotations

import csv
import io
import re

import pytest

from charts import CHARTS
from charts.styrkeomraden import CHARTS as KEYS
from charts.styrkeomraden import PARAMS, VIEW
from indicators.__main__ import main as cli
from layouts import ids
from layouts.matrix import RENDERERS
from layouts.styrkeomraden import RULE, SUMMARY
from tests.dash_json import as_json, card, find, find_all, nodes, page_layout, text
from tests.specs import built
from tests.test_indicators_lq import SMALL, make_store

QUERIES = {
    "dalarna": {"region": "20", "year": "2023"},
    "three side by side": {"region": "lanen", "year": "2023", "level": "a10"},
    "municipality against SE31": {"region": "2081", "year": "2023", "reference": "SE31", "level": "section"},
    "functional sectors in English": {"region": "SE31", "year": "2023", "level": "sector", "lang": "en"},
}


NO_DATA_IN_EXAMPLE_STORE = {"women"}  # the example store has no split by sex


def chart(app, key: str, query: dict):
    return built(app, VIEW, key, query)


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("name", QUERIES)
def test_every_chart_has_title_source_example_mark_table_and_words(app, key, name):
    spec = chart(app, key, QUERIES[name])
    assert spec.title and spec.summary
    if key in NO_DATA_IN_EXAMPLE_STORE:  # no women/men split and no qualitative records there: words, no chart
        assert spec.message
        return
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


def test_the_summary_is_plain_swedish_generated_from_the_numbers(client):
    page = page_layout(client, "/styrkeomraden?region=20&year=2023")
    summary = text(find(page, SUMMARY))
    assert "I Dalarnas län är stål- och metallframställning" in summary
    assert "gånger vanligare än i riket" in summary
    assert "Exempeldata" in summary
    rule = text(find(page, RULE))
    assert "U.S. Cluster Mapping" in rule and "European Cluster Observatory" in rule
    bubble = card(page, VIEW, "bubble")
    assert "Exempeldata" in bubble["head"] and bubble["caption"].startswith("Varje bubbla är en bransch")


def test_the_thresholds_in_the_address_change_the_classification(app):
    default = chart(app, "strengths", QUERIES["dalarna"])
    strict = chart(app, "strengths", {**QUERIES["dalarna"], "lq_min": "2.5", "top": "10"})
    assert 0 < len(strict.table) < len(default.table)


def test_the_rule_shown_is_the_rule_applied(client):
    page = page_layout(client, "/styrkeomraden?region=20&year=2023&lq_min=2.5")
    assert "minst 2,5" in text(find(page, RULE))
    # the settings show the threshold of the address, and the reset link leaves the thresholds out
    assert find(page, ids.filter_id(VIEW, "lq_min"))["props"]["value"] == 2.5
    # (the level and year are written out: their defaults follow the data and may move)
    assert find(page, "styrkeomraden-reset")["props"]["href"] == "/styrkeomraden?region=20&level=division&year=2023"


SHAPE = {"Helhetligt styrkeområde": "◆", "Styrkeområde i näringslivet": "●", "Framväxande": "■"}  # as in the charts


def page_table(spec) -> dict:
    """Return the HTML table the page shows in place of the figure (as the browser receives it)."""
    name, data = spec.page
    [table] = find_all(as_json(RENDERERS[name](lang="sv", **data)), "Table")
    return table


def rows_of(table: dict) -> list[dict]:
    [body] = find_all(table, "Tbody")
    return [n for n in body["props"]["children"]]


def cells(row: dict, kind: str) -> list[dict]:
    children = row["props"]["children"]
    return [c for c in (children if isinstance(children, list) else [children]) if c["type"] == kind]


def css(node: dict) -> str | None:
    return node["props"].get("className")


@pytest.mark.parametrize("name", ["dalarna", "three side by side"])
def test_the_rule_matrix_is_a_table_with_a_word_in_every_cell_grouped_by_class(app, name):
    spec = chart(app, "strengths", QUERIES[name])
    table = page_table(spec)
    classes = [text(cells(tr, "Th")[0]) for tr in rows_of(table) if css(tr) == "class-row"]
    counts = spec.table["Klass"].value_counts()
    assert classes == [f"{SHAPE[c]} {c} ({counts[c]})" for c in spec.table["Klass"].unique()]  # strongest first
    criteria = [c for c in spec.table.columns if set(spec.table[c]) <= {"✓", "–"}]
    assert len(criteria) == 9
    rows = [tr for tr in rows_of(table) if css(tr) != "class-row"]
    assert len(rows) == len(spec.table)
    for tr, (_, row) in zip(rows, spec.table.iterrows()):
        assert text(cells(tr, "Th")[0]).startswith(row["Bransch"])  # the whole name, not cut
        tds = cells(tr, "Td")
        assert [css(c) for c in tds] == ["met" if row[c] == "✓" else "unmet" for c in criteria]
        heard = [text(n) for c in tds for n in nodes(c) if css(n) == "visually-hidden"]
        assert heard == ["uppfyllt" if row[c] == "✓" else "inte uppfyllt" for c in criteria]
    assert spec.figure.data  # the exports still draw it


def test_the_test_area_matrix_is_a_table_with_the_assessment_written_out(app):
    spec = chart(app, "test-areas", QUERIES["three side by side"])
    rows = rows_of(page_table(spec))
    assert len(rows) == len(spec.table)
    assert [text(cells(tr, "Th")[0]) for tr in rows] == list(spec.table["Testområde"])
    verdicts = [c for tr in rows for c in cells(tr, "Td") if css(c) == "verdict"]
    assert [text(v) for v in verdicts] == list(spec.table["Bedömning"])
    shading = {text(v): str(v["props"].get("style")) for v in verdicts}
    assert len(set(shading.values())) == len(shading) >= 3  # each assessment its own shade, and its words


def test_a_region_compared_with_itself_is_explained_in_words(app, client):
    for key in set(KEYS) - NO_DATA_IN_EXAMPLE_STORE:
        spec = chart(app, key, {"region": "SE31", "reference": "SE31"})
        assert "samma som referensen" in spec.summary and "samma som referensen" in spec.message
    page = page_layout(client, "/styrkeomraden?region=SE31&reference=SE31")
    assert "samma som referensen" in card(page, VIEW, "bubble")["body"]  # words where the chart would be
    assert "välj en annan referens" in text(find(page, SUMMARY))


@pytest.fixture()
def small_conn(tmp_path):
    from data.store import engine_for

    url = make_store(tmp_path / "small.sqlite", SMALL)
    with engine_for(url).connect() as conn:
        yield conn


def test_an_industry_nobody_works_in_in_the_reference_is_named(small_conn):
    spec = CHARTS[VIEW]["lq-bars"](small_conn, "sv", region="20", year=2020, level="division")
    assert any("Kolutvinning" in n and "ingen arbetar i branschen i riket" in n for n in spec.notes)


def test_a_single_year_gives_no_change_and_says_so(small_conn):
    spec = CHARTS[VIEW]["bubble"](small_conn, "sv", region="20", year=2020, level="division")
    assert "Förändringen kräver två år" in spec.summary


def test_a_level_without_data_that_year_is_explained(tmp_path):
    from data.store import engine_for

    eurostat_only = [("real", "00", "C", 2017, "employees", 561000.0), ("real", "20", "C", 2017, "employees", 19000.0)]
    url = make_store(tmp_path / "a10.sqlite", eurostat_only)
    with engine_for(url).connect() as conn:
        spec = CHARTS[VIEW]["lq-bars"](conn, "sv", region="20", year=2017, level="division")
    assert "Uppgift saknas: sysselsatta efter arbetsställe på nivån SNI-avdelning" in spec.summary


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


def test_the_page_has_a_filter_for_every_parameter_and_every_chart_filled(client):
    page = page_layout(client, "/styrkeomraden?region=20&year=2023&level=a10")
    for param in PARAMS:  # each filter shows the address's value (or the default)
        control = find(page, ids.filter_id(VIEW, param.name))
        assert "value" in control["props"], param.name
    assert find(page, ids.filter_id(VIEW, "region"))["props"]["value"] == "20"
    assert find(page, ids.filter_id(VIEW, "level"))["props"]["value"] == "a10"
    for key in KEYS:
        shown = card(page, VIEW, key)
        if key in NO_DATA_IN_EXAMPLE_STORE:
            assert shown["head"] and "Uppgift saknas" in shown["body"], key
            continue
        assert shown["head"] and shown["caption"] and shown["footer"].startswith("Källa:"), key
        assert shown["table"] is None  # the numbers' table is built when "Visa tabell" is opened
        csv = shown["links"]["Data (CSV)"]  # the downloads carry the address's filters
        assert "region=20" in csv and "level=a10" in csv, key


def test_a_bar_with_too_few_cases_says_which_measure_and_how_many_like_the_table(app):
    spec = chart(app, "innovation", QUERIES["dalarna"])
    # the words stand on the muted line under the industry's name (the name is written above its bars)
    headings = [a["text"] for a in spec.figure_dict()["layout"].get("annotations", []) if "för få" in a["text"]]
    assert headings, "the example data has industries with too few patents"
    columns = {"Nya företag": "Nya företag, antal", "Patent": "Patent, antal", "Varumärken": "Varumärken, antal"}
    for heading in headings:
        name, _, rest = heading.partition("<span")
        name = " ".join(re.sub(r"<[^>]+>", " ", name).split()).rstrip("…")  # a long name wraps, or is cut
        words = re.sub(r"<[^>]+>", " ", rest)
        row = spec.table[spec.table["Bransch"].str.replace("-", "").str.startswith(name.replace("-", ""))].iloc[0]
        for measure, count in re.findall(r"(Nya företag|Patent|Varumärken): för få\s*\((\d+)\)", words):
            assert int(count) == round(row[columns[measure]])  # the count the table gives
        assert re.findall(r"(Nya företag|Patent|Varumärken): för få", words)


def test_the_words_agree_with_their_numbers(app):
    dalarna = QUERIES["dalarna"]
    # levels where the example data has one of a kind
    strengths = chart(app, "strengths", {**dalarna, "level": "section"})
    areas = chart(app, "test-areas", {**dalarna, "level": "a10"})
    assert (strengths.table["Klass"] == "Styrkeområde i näringslivet").sum() == 1
    assert "1 styrkeområde i näringslivet" in strengths.summary
    assert "1 styrkeområde ligger utanför alla testområden" in areas.summary
    assert "1 styrkeområden" not in strengths.summary + areas.summary
