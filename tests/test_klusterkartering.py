"""The Klusterkartering view: chart builders, figures, the cluster card, exports and the URL's parameters."""

from __future__ import annotations

import csv
import io

import pytest
from callbacks.klusterkartering_common import query_of
from callbacks.klusterkort import card_chart, card_content, cluster_facts
from layouts.chart import GRAPH_HIDDEN
from layouts.params import parse

from callbacks.klusterkartering import criteria_chart, history_chart, portfolio_chart
from layouts.klusterkartering import PARAMS, layout
from tests.clusters_store import tiny_store
from tests.pages import html_text


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    from data.store import engine_for

    url = tiny_store(tmp_path_factory.mktemp("tiny-view") / "tiny.sqlite")
    with engine_for(url).connect() as connection:
        yield connection


def text_of(component) -> str:
    """Return all text in a Dash component tree, as a reader would see it."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(text_of(c) for c in component)
    return text_of(getattr(component, "children", None))


def links_of(component) -> list[str]:
    found = [component.href] if getattr(component, "href", None) else []
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str):
            found += links_of(child)
    return found


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_portfolio_places_each_cluster_in_its_phase_on_the_stores_scale(tiny):
    spec = portfolio_chart(tiny, "sv", year="2018")
    axis = spec.figure.layout.xaxis
    assert list(axis.ticktext) == ["Idé<br>(1)", "Drift<br>(2)", "Export<br>(0)"]  # the tiny store's own phases
    by_county = {t.name: (list(t.x), [c[0] for c in t.customdata]) for t in spec.figure.data}
    assert by_county == {
        "Värmlands län": ([1], ["alfa"]),
        "Dalarnas län": ([1], ["beta"]),
        "Dalarnas län och Gävleborgs län": ([0], ["gamma"]),  # two home counties
    }
    assert spec.data_status == "mixed"  # gamma's assessment is real, the others example data
    assert spec.summary == "År 2018 bedömdes 3 klusterinitiativ: 1 i Idé, 2 i Drift."
    assert list(spec.table["Fas"]) == ["Drift", "Drift", "Idé"]


def test_portfolio_names_the_clusters_not_assessed_that_year(tiny):
    spec = portfolio_chart(tiny, "en", year="2022")
    assert spec.summary == "In 2022, 1 cluster initiatives were assessed: 1 in Export. Not assessed: Alfa, Gamma."
    assert spec.data_status == "real" and spec.title == "The cluster portfolio 2022: development phase"


def test_portfolio_follows_county_and_thematic_area(tiny):
    spec = portfolio_chart(tiny, "sv", county="20", theme="it", year="2018")
    assert list(spec.table["Klusterinitiativ"]) == ["Gamma"]
    assert spec.subtitle.startswith("Dalarnas län, IT.")
    assert spec.filename == "klusterkartering_portfolj_2018_20_it"


def test_phase_history_names_each_phase_and_marks_moves(tiny):
    spec = history_chart(tiny, "sv")
    words = spec.figure.data[1]
    cells = dict(zip(zip(words.y, words.x), words.text))
    assert cells[(0, 1)] == "Drift ↑"  # Alfa, 2018: moved up from Idé
    assert cells[(1, 2)] == "Export ↑"  # Beta, 2022
    assert cells[(1, 1)] == "Drift"  # Beta stayed in 2018
    assert list(spec.figure.layout.xaxis.ticktext) == ["2016", "2018", "2022"]
    assert spec.summary == (
        "Mellan 2016 och 2022 gick 2 av de 2 klusterinitiativ som bedömts minst två gånger framåt minst en fas, "
        "0 bakåt och 0 stod kvar i samma fas."
    )
    assert list(spec.table["Sedan förra bedömningen"]) == ["–", "framåt", "–", "samma", "framåt", "–"]


def test_criteria_matrix_writes_the_level_in_every_cell(tiny):
    spec = criteria_chart(tiny, "sv", year="2022")
    assert list(spec.figure.layout.xaxis.ticktext) == ["Klimat", "Mångfald"]
    assert list(spec.figure.data[1].text) == ["Inte", "Delvis"]  # words, not only colour
    colours = {t: c for t, c in zip(spec.figure.data[1].text, spec.figure.data[1].textfont.color)}
    assert colours == {"Inte": "#1f2328", "Delvis": "#1f2328"}  # dark text on the light cells
    assert spec.summary == "År 2022 – Klimat: 1 inte; Mångfald: 1 delvis."
    assert list(spec.table["Kommentar"]) == [None, "Plan finns"]


def test_card_chart_has_phase_and_criteria_for_every_year(tiny):
    spec = card_chart(tiny, "sv", cluster="beta")
    rows = spec.table.to_dict("records")
    assert [(r["År"], r["Fas"], r["Klimat"], r["Mångfald"]) for r in rows] == [
        (2016, "Drift", None, None),
        (2018, "Drift", None, None),
        (2022, "Export", "Inte", "Delvis"),
    ]
    assert spec.summary == "Beta bedömdes i fas Drift 2016, Drift 2018, Export 2022."
    assert list(spec.figure.data[0].text) == ["Drift", "Drift", "Export"]
    assert spec.data_status == "mixed"


def test_card_facts_say_uppgift_saknas_and_link_to_the_survey(tiny):
    head = cluster_facts(tiny, "sv", "alfa", 2018)
    text = text_of(head)
    assert "Grundat uppgift saknas" in text and "Medlemsföretag uppgift saknas" in text
    assert "Organisation uppgift saknas" in text
    assert "Kopplade testområden inga kopplade" in text and "62 Data" in text
    assert "Klimat Aktivt" in text  # the chosen year's criteria
    assert links_of(head) == ["https://alfa.example", "/foretagsenkat?cluster=alfa"]
    beta = text_of(cluster_facts(tiny, "en", "beta", 2022))
    assert "Founded 2001" in beta and "Member companies 30" in beta and "Advanced industry (Dalarna County)" in beta
    assert links_of(cluster_facts(tiny, "en", "beta", 2022))[-1] == "/foretagsenkat?cluster=beta&lang=en"


def test_card_of_a_cluster_without_criteria_in_the_year_says_so(tiny):
    assert "Ingen kriteriebedömning 2016." in text_of(cluster_facts(tiny, "sv", "gamma", 2016))


def test_query_is_read_from_the_full_address():
    assert query_of("http://127.0.0.1:8050/klusterkartering?county=20&lang=en") == {"county": "20", "lang": "en"}
    assert query_of(None) == {}


def test_filters_offer_what_the_store_holds(app):
    with app.server.test_request_context("/klusterkartering"):
        page = layout("sv", year="2018")
        values, notices = parse(PARAMS, {"year": "2022", "county": "20"})
    selects = {}

    def walk(c):
        if getattr(c, "options", None) is not None and isinstance(getattr(c, "id", None), dict):
            selects[c.id["param"]] = [o["value"] for o in c.options]
        children = getattr(c, "children", None)
        for child in children if isinstance(children, list) else [children]:
            if child is not None and not isinstance(child, str):
                walk(child)

    walk(page)
    assert selects["year"] == ["2020", "2018", "2016"]  # newest first, from the example assessments
    assert selects["county"] == ["", "17", "20", "21"]
    assert len(selects["cluster"]) == 11 and "paper-province" in selects["cluster"]
    assert "it" in selects["theme"] and "skog" in selects["theme"]
    assert notices == [("year", "2022")] and values["county"] == "20" and values["year"] == "2020"
    assert "efter Reglabs beskrivningar" in text_of(page) and "inte gått att verifiera" in text_of(page)


def test_card_opens_for_the_cluster_in_the_address(app):
    with app.server.test_request_context("/klusterkartering"):
        facts, card = card_content("http://x/klusterkartering?cluster=paper-province&year=2018")
        empty = card_content("http://x/klusterkartering")
    text = " ".join([text_of(facts), html_text(card["head"]), card["caption"], html_text(card["body"])])
    assert card["figure"].data  # the phase chart is drawn in the card's graph
    assert text.startswith("Paper Province Hemlän Värmlands län")
    assert "Grundat uppgift saknas" in text and "Horisontella kriterier 2018" in text
    assert "Paper Province: utvecklingsfas över tid" in text and "Exempeldata" in text
    assert text_of(empty[0]) == "Inget klusterinitiativ valt ännu."
    assert empty[1]["figure"] is None and empty[1]["style"] == GRAPH_HIDDEN  # no graph under the hint


@pytest.mark.parametrize(
    "query,rows,header",
    [
        (
            "year=2018&county=20",
            1 + 6 * 3,
            ["Klusterinitiativ", "Län", "År", "Kriterium", "Nivå", "Kommentar", "Exempeldata"],
        ),
        (
            "lang=en",
            1 + 11 * 3,
            ["Cluster initiative", "County", "Year", "Criterion", "Level", "Comment", "Example data"],
        ),
        ("theme=skog&year=2016", 1 + 2 * 3, None),  # Paper Province and FindIT
    ],
)
def test_criteria_matrix_downloads_as_csv(client, query, rows, header):
    response = client.get(f"/export/klusterkartering/criteria.csv?{query}")
    assert response.status_code == 200
    table = csv_rows(response)
    assert len(table) == rows
    if header:
        assert table[0] == header


def test_every_chart_of_the_view_downloads(client):
    for key, rows in (("portfolio", 1 + 11), ("history", 1 + 33), ("card", 1 + 3)):
        response = client.get(f"/export/klusterkartering/{key}.csv?cluster=findit")
        assert response.status_code == 200 and len(csv_rows(response)) == rows, key
    assert "klusterkartering_kort_findit.csv" in response.headers["Content-Disposition"]


@pytest.mark.parametrize(
    "query,param", [("year=1999", "year"), ("county=99", "county"), ("cluster=nope", "cluster"), ("theme=x", "theme")]
)
def test_export_refuses_values_the_store_does_not_hold(client, query, param):
    response = client.get(f"/export/klusterkartering/portfolio.csv?{query}")
    assert response.status_code == 400 and param in response.get_data(as_text=True)
