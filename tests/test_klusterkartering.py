"""The Klusterkartering view: chart builders, figures, the cluster card, exports and the URL's parameters."""

from __future__ import annotations

import csv
import io

import pytest

from charts.klusterkartering import PARAMS, VIEW
from charts.klusterkartering.card import card_chart
from charts.klusterkartering.overview import criteria_chart, history_chart, portfolio_chart
from charts.params import NONE, parse
from layouts import ids
from layouts.card import GRAPH_HIDDEN
from layouts.klusterkartering import CARD_FACTS, cluster_facts
from tests.clusters_store import tiny_store
from tests.dash_json import card, figure_words, find, page_layout
from tests.dash_json import text as page_text
from tests.specs import drawn


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
    spec = drawn(portfolio_chart(tiny, "sv", year="2018"))
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
    spec = drawn(portfolio_chart(tiny, "en", year="2022"))
    assert spec.summary == "In 2022, 1 cluster initiatives were assessed: 1 in Export. Not assessed: Alfa, Gamma."
    assert spec.data_status == "real" and spec.title == "The cluster portfolio 2022: development phase"


def test_portfolio_follows_county_and_thematic_area(tiny):
    spec = drawn(portfolio_chart(tiny, "sv", county="20", theme="it", year="2018"))
    assert list(spec.table["Klusterinitiativ"]) == ["Gamma"]
    assert spec.subtitle.startswith("Dalarnas län, IT.")
    assert spec.filename == "klusterkartering_portfolj_2018_dalarnas_lan_it"  # words, not codes


def test_phase_history_names_each_phase_and_marks_moves(tiny):
    spec = drawn(history_chart(tiny, "sv"))
    words = spec.figure.data[1]
    cells = dict(zip(zip(words.y, words.x), words.text))
    assert cells[(0, 1)] == "Drift ↑"  # Alfa, 2018: moved up from Idé
    assert cells[(1, 0)] == "Export ↑"  # Beta, 2022 (the newest year is the first column: seen first on a phone)
    assert cells[(1, 1)] == "Drift"  # Beta stayed in 2018
    assert list(spec.figure.layout.xaxis.ticktext) == ["2022", "2018", "2016"]
    assert spec.summary == (
        "Mellan 2016 och 2022 gick 2 av de 2 klusterinitiativ som bedömts minst två gånger framåt minst en fas, "
        "0 bakåt och 0 stod kvar i samma fas."
    )
    assert list(spec.table["Sedan förra bedömningen"]) == ["–", "framåt", "–", "samma", "framåt", "–"]


def test_criteria_matrix_writes_the_level_in_every_cell(tiny):
    spec = drawn(criteria_chart(tiny, "sv", year="2022"))
    assert list(spec.figure.layout.xaxis.ticktext) == ["Klimat", "Mångfald"]
    assert list(spec.figure.data[1].text) == ["Inte", "Delvis"]  # words, not only colour
    colours = {t: c for t, c in zip(spec.figure.data[1].text, spec.figure.data[1].textfont.color)}
    assert colours == {"Inte": "#1f2328", "Delvis": "#1f2328"}  # dark text on the light cells
    assert spec.summary == "År 2022 – Klimat: 1 inte; Mångfald: 1 delvis."
    assert list(spec.table["Kommentar"]) == [None, "Plan finns"]


def test_card_chart_has_phase_and_criteria_for_every_year(tiny):
    spec = drawn(card_chart(tiny, "sv", cluster="beta"))
    rows = spec.table.to_dict("records")
    assert [(r["År"], r["Fas"], r["Klimat"], r["Mångfald"]) for r in rows] == [
        (2016, "Drift", None, None),
        (2018, "Drift", None, None),
        (2022, "Export", "Inte", "Delvis"),
    ]
    assert spec.summary == "Beta bedömdes i fas Drift 2016, Drift 2018, Export 2022."
    assert list(spec.figure.data[0].text) == ["Drift", "", "Export"]  # a phase is named where it changes
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


def test_filters_offer_what_the_store_holds(client, conn):
    page = page_layout(client, "/klusterkartering?year=2018")
    selects = {
        name: [o["value"] for o in find(page, ids.filter_id(VIEW, name))["props"]["options"]]
        for name in ("year", "county", "cluster", "theme")
    }
    assert selects["year"] == ["2020", "2018", "2016"]  # newest first, from the example assessments
    assert find(page, ids.filter_id(VIEW, "year"))["props"]["value"] == "2018"
    assert selects["county"] == [NONE, "17", "20", "21"]  # NONE: all counties (dbc's placeholder has "")
    assert len(selects["cluster"]) == 1 + 11 and "paper-province" in selects["cluster"]  # "– inget valt –" first
    assert "it" in selects["theme"] and "skog" in selects["theme"]
    values, notices = parse(PARAMS, {"year": "2022", "county": "20"}, conn)
    assert notices == [("year", "2022")] and values["county"] == "20" and values["year"] == "2020"
    words = page_text(find(page, ids.CONTENT))
    assert "efter Reglabs beskrivningar" in words and "inte gått att verifiera" in words


def test_card_opens_for_the_cluster_in_the_address(client):
    page = page_layout(client, "/klusterkartering?cluster=paper-province&year=2018")
    shown = card(page, VIEW, "card")
    facts = page_text(find(page, CARD_FACTS))
    assert shown["figure"]["data"]  # the phase chart is drawn in the card's graph
    assert facts.startswith("Paper Province Hemlän Värmlands län")
    assert "Grundat uppgift saknas" in facts and "Horisontella kriterier 2018" in facts
    assert "Paper Province: utvecklingsfas över tid" in shown["head"] and "Exempeldata" in shown["head"]
    assert find(page, ids.filter_id(VIEW, "cluster"))["props"]["value"] == "paper-province"
    empty = page_layout(client, "/klusterkartering")
    assert page_text(find(empty, CARD_FACTS)) == "Inget klusterinitiativ valt ännu."
    graph = find(empty, f"{VIEW}-card-graph")["props"]
    assert graph["figure"]["data"] == [] and graph["style"] == GRAPH_HIDDEN  # no graph under the hint
    assert card(empty, VIEW, "card")["links"] == {}  # and nothing to download


def test_the_filters_choose_what_the_charts_show(client):
    # the choices a reader makes one after the other: all counties, Dalarna, Dalarna's IT clusters in 2016
    everything = card(page_layout(client, "/klusterkartering"), VIEW, "portfolio")
    assert everything["caption"].startswith("År 2020 bedömdes 11 klusterinitiativ")
    assert len(everything["figure"]["layout"]["yaxis"]["tickvals"]) == 11
    dalarna = page_layout(client, "/klusterkartering?county=20")
    assert card(dalarna, VIEW, "portfolio")["caption"].startswith("År 2020 bedömdes 6 klusterinitiativ")
    assert (
        card(dalarna, VIEW, "history")["head"]
        .split("Exempeldata")[-1]
        .strip()
        .startswith("Dalarnas län, alla bedömningsår")
    )
    it_2016 = page_layout(client, "/klusterkartering?county=20&theme=it&year=2016")
    portfolio = card(it_2016, VIEW, "portfolio")
    assert portfolio["head"].startswith("Klusterportföljen 2016: utvecklingsfas")
    assert "ITS Dalarna" in figure_words(portfolio["figure"]) and "Byggdialog" not in figure_words(portfolio["figure"])
    assert card(it_2016, VIEW, "criteria")["head"].startswith("Horisontella kriterier 2016")


def test_a_cluster_card_in_english_says_what_is_not_known(client):
    page = page_layout(client, "/klusterkartering?lang=en&cluster=findit")
    assert page_text(find(page, ids.CONTENT)).startswith("Cluster mapping")
    assert "not known" in page_text(find(page, CARD_FACTS))
    assert "Initiation" in figure_words(card(page, VIEW, "portfolio")["figure"])
    assert "Partly" in figure_words(card(page, VIEW, "criteria")["figure"])
    survey = page_layout(client, "/klusterkartering?cluster=byggdialog-dalarna")
    facts = find(survey, CARD_FACTS)
    assert "uppgift saknas" in page_text(facts)
    assert "/foretagsenkat?cluster=byggdialog-dalarna" in str(facts)  # the link to the company survey


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


def test_a_store_without_assessments_says_none_are_entered_not_that_the_filters_found_none(tmp_path):
    from data.build import build
    from data.store import engine_for

    url = build(f"sqlite:///{tmp_path / 'real-only.sqlite'}", example_records=False)  # `build --real-only`
    with engine_for(url).connect() as conn:
        for chart in (portfolio_chart, history_chart, criteria_chart):
            message = chart(conn, "sv").figure_dict()["layout"]["meta"]["message"]
            assert message == "Inga klusterbedömningar har förts in i databasen ännu."
