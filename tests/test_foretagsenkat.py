"""The Företagsenkät view: figure, chart builders, callbacks, CSV and metadata, on the example store."""

from __future__ import annotations

import csv
import io
import json
import math
import re

import pandas as pd
import plotly.graph_objects as go
import pytest
from sqlalchemy import func, select

from charts.foretagsenkat import CHARTS, PARAMS, VIEW
from charts.foretagsenkat import charts as cb
from charts.params import NONE
from data import schema as s
from figures.foretagsenkat import likert_bars
from figures.style import DIVERGING
from indicators import load_all
from indicators import survey as ind
from layouts import ids
from layouts.card import GRAPH_HIDDEN
from layouts.foretagsenkat import RULE
from tests.dash_json import card, figure_words, find, page_layout, redraw, text
from tests.specs import drawn

SCALE = pd.DataFrame(
    {
        "code": ["ja", "varken", "nej"],
        "sort": [1, 2, 3],
        "label_sv": ["Ja", "Varken", "Nej"],
        "label_en": ["Yes", "Neither", "No"],
        "polarity": ["positive", "neutral", "negative"],
    }
)
HIDDEN = {"too_few": "Dold: färre än 5 svarande"}
EXTERNAL_ID = re.compile(r"[a-z-]+-20\d\d-\d{3}")  # how the example respondents are named


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_bars_are_centred_on_the_neutral_answer():
    rows = pd.DataFrame(
        {
            "label": ["Alfa", "Beta"],
            "status": ["shown", "too_few"],
            "answered": pd.array([8, pd.NA], dtype="Int64"),
            "dont_know": pd.array([2, pd.NA], dtype="Int64"),
            "share_ja": [0.5, math.nan],
            "share_varken": [0.25, math.nan],
            "share_nej": [0.25, math.nan],
            "positive": [0.5, math.nan],
            "negative": [0.25, math.nan],
        }
    )
    fig = go.Figure(likert_bars(rows, SCALE, "sv", hidden_text=HIDDEN))
    bars = {t.name: t for t in fig.data if t.type == "bar"}
    assert list(bars) == ["Nej", "Varken", "Ja"]  # negative to positive, as they lie on the axis
    assert [bars[n].marker.color for n in bars] == [DIVERGING[0], DIVERGING[2], DIVERGING[4]]
    assert bars["Varken"].base[0] == -0.125  # the neutral quarter straddles zero
    assert bars["Nej"].base[0] == -0.375 and bars["Ja"].base[0] == 0.125
    assert [bars[n].text[0] for n in bars] == ["25\u00a0%", "25\u00a0%", "50\u00a0%"]  # Swedish: 25 %
    assert all(math.isnan(bars[n].x[1]) for n in bars)  # the hidden group has no bar
    headings = [a.text for a in fig.layout.annotations]
    assert "Alfa" in headings[0] and "n = 8 · vet ej 2" in headings[0]
    assert "Beta" in headings[1] and "Dold: färre än 5 svarande" in headings[1]
    totals = [t for t in fig.data if t.type == "scatter"]
    assert [list(t.text) for t in totals] == [["25\u00a0%"], ["50\u00a0%"]]  # negative and positive beside the bar


def answers_2017(conn) -> dict:
    """Count the 2017 answers to samverkan_foretag by option, straight from the store."""
    p, a = s.respondent, s.answer
    q = (
        select(a.c.option, func.count())
        .join(p, p.c.id == a.c.respondent)
        .where(p.c.round == "2017", a.c.question == "samverkan_foretag")
        .group_by(a.c.option)
    )
    return dict(conn.execute(q).all())


def test_clusters_chart_shows_the_total_and_hides_small_and_revealing_clusters(conn):
    spec = drawn(cb.clusters_chart(conn, "sv", round="2017", question="samverkan_foretag"))
    table = spec.table.set_index("Kluster")
    counts = answers_2017(conn)
    answered = sum(n for o, n in counts.items() if o != "vet_ej")
    total = table.loc["Samtliga kluster"]
    assert total["Svar med åsikt (n)"] == answered
    assert total["Vet ej (antal)"] == counts["vet_ej"]
    assert total["Positiva (%)"] == round(100 * (counts["mycket_hog"] + counts["hog"]) / answered)
    # Triple Steelix has 3 respondents; ITS Dalarna (9) is hidden too, else Dalarna's total would give TS away.
    assert table.loc["Triple Steelix", "Anmärkning"] == "Dold: färre än 5 svarande"
    assert table.loc["ITS Dalarna", "Anmärkning"] == "Dold för att skydda en annan grupp"
    hidden = table.loc[["Triple Steelix", "ITS Dalarna"]].drop(columns="Anmärkning")
    assert hidden.isna().all().all()
    assert list(table.index[-2:]) == ["ITS Dalarna", "Triple Steelix"]  # hidden at the bottom
    shown = table.iloc[1:-2]["Positiva (%)"]
    assert list(shown) == sorted(shown, reverse=True)  # highest positive share first
    assert spec.data_status == "example" and spec.source == "Källa: exempeldata (påhittade siffror)"
    assert "2 kluster visas inte för att skydda de svarande" in spec.summary
    assert any("färre än 5 svarande visas inte" in n for n in spec.notes)
    assert spec.title == "Klustren jämförda, Våren 2017"


def test_a_county_shows_its_clusters_and_its_own_total(conn):
    spec = drawn(cb.clusters_chart(conn, "sv", round="2018", question="samverkan_foretag", county="21"))
    assert spec.title == "Klustren jämförda, Gävleborgs län, Våren 2018"
    assert list(spec.table["Kluster"]) == ["Samtliga kluster", "FindIT", "Fiber Optic Valley", "Future Position X"]
    assert list(spec.table["Anmärkning"][2:]) == ["Dold: färre än 5 svarande"] * 2
    assert spec.summary.startswith("Har klustret lett till att ert företag samverkar mer med andra företag? ")
    assert "Samtliga kluster, Gävleborgs län:" in spec.summary


def test_questions_chart_shows_every_question_for_the_chosen_cluster(conn):
    spec = drawn(cb.questions_chart(conn, "sv", round="2018", question="samverkan_forskare", cluster="compare"))
    assert spec.title == "Alla frågor: Compare, Våren 2018"
    assert list(spec.table["Fråga"]) == [
        "Andra företag",
        "Forskare eller doktorander",
        "Politiker eller offentlig sektor",
        "Studenter eller elever",
        "Företag i andra branscher",
    ]
    assert spec.subtitle == "Har klustret lett till att ert företag samverkar mer med …"
    bold = [a.text for a in spec.figure.layout.annotations if a.text.startswith("<b>")]
    assert len(bold) == 1 and "Forskare eller doktorander" in bold[0]  # the chosen question stands out


def test_rounds_chart_gives_the_change_in_percentage_points(conn):
    spec = drawn(cb.rounds_chart(conn, "sv", round="2018", question="samverkan_foretag"))
    table = spec.table.set_index("Omgång")
    assert list(table.index) == ["Våren 2017", "Våren 2018"]
    change = table.loc["Våren 2018", "Förändring positiva (procentenheter)"]
    shares = ind.answer_shares(conn, questions=["samverkan_foretag"])
    total = shares[(shares["cluster"] == "*") & (shares["county"] == "*")].set_index("round")["positive"]
    assert change == round(100 * (total["2018"] - total["2017"]))
    assert f"+{change} procentenheter" in spec.summary
    assert list(table["Exempeldata"]) == [True, True]  # each round says whether it is example data


def test_a_cluster_hidden_in_one_round_is_not_compared(conn):
    spec = drawn(cb.rounds_chart(conn, "sv", round="2018", question="samverkan_foretag", cluster="its-dalarna"))
    assert "Våren 2018 kan inte jämföras med Våren 2017 (dold grupp)" in spec.summary
    assert spec.table["Förändring positiva (procentenheter)"].isna().all()


def test_english_charts_speak_english(conn):
    spec = drawn(cb.clusters_chart(conn, "en", round="2017", question="samverkan_foretag"))
    assert spec.title == "The clusters compared, Spring 2017"
    assert [t.name for t in spec.figure.data if t.type == "bar"][-1] == "Yes, to a very great extent"
    assert "Hidden: fewer than 5 respondents" in set(spec.table["Note"])
    assert spec.figure.layout.separators == ".,"


def test_the_threshold_comes_from_the_app_config(app, monkeypatch):
    monkeypatch.setitem(app.server.config, "SURVEY_MIN_GROUP", 3)
    with app.server.app_context():
        from data.store import current_engine

        with current_engine().connect() as conn:
            spec = drawn(cb.clusters_chart(conn, "sv", round="2017", question="samverkan_foretag"))
    table = spec.table.set_index("Kluster")
    assert table.loc["Triple Steelix", "Anmärkning"] == "" and table.loc["Triple Steelix", "Svar med åsikt (n)"] > 0
    assert "SURVEY_MIN_GROUP, nu 3" in ind.confidentiality_rule("sv", 3)


QUERIES = [
    {"round": "2017"},
    {"round": "2017", "cluster": "triple-steelix"},  # a cluster hidden for too few respondents
    {"cluster": "its-dalarna", "county": "20", "lang": "en"},
]


@pytest.mark.parametrize("query", QUERIES)
def test_no_respondent_leaves_the_server_in_the_page_or_a_redraw(client, conn, query):
    address = "/foretagsenkat?" + "&".join(f"{k}={v}" for k, v in query.items())
    page = json.dumps(page_layout(client, address), ensure_ascii=False)
    answer = json.dumps(redraw(client, VIEW, query, query.get("lang", "sv")), ensure_ascii=False)
    for output in (page, answer):
        assert "kunde inte visas" not in output and "could not be shown" not in output
    charts = redraw(client, VIEW, query, query.get("lang", "sv"))
    for key in CHARTS:  # each card a chart, not a notice
        graph = charts[f"{VIEW}-{key}-graph"]
        assert graph["figure"]["data"] and graph["style"] != GRAPH_HIDDEN, key
    external = set(conn.execute(select(s.respondent.c.external_id)).scalars())
    assert len(external) > 300
    for output in (page, answer):
        assert EXTERNAL_ID.search(output) is None
        assert not any(e in output for e in external)


def test_chart_data_downloads_as_csv_of_aggregates_only(client):
    response = client.get("/export/foretagsenkat/kluster.csv?round=2017&question=samverkan_forskare")
    assert response.status_code == 200
    assert (
        'filename="foretagsenkat_kluster_varen_2017_har_klustret_lett_till_att_ert_foretag.csv"'
        in response.headers["Content-Disposition"]
    )
    rows = csv_rows(response)
    assert rows[0][:2] == ["Kluster", "Svar med åsikt (n)"] and rows[0][-1] == "Anmärkning"
    assert len(rows) == 1 + 1 + 11  # header, the total, eleven clusters
    triple = next(r for r in rows if r[0] == "Triple Steelix")
    assert triple[1:-1] == [""] * (len(triple) - 2) and triple[-1] == "Dold: färre än 5 svarande"
    assert EXTERNAL_ID.search(response.get_data(as_text=True)) is None


@pytest.mark.parametrize(
    "query,name",
    [
        ("round=1999", "round"),
        ("question=nope", "question"),
        ("cluster=nope", "cluster"),
        ("respondent=1", "respondent"),
    ],
)
def test_export_refuses_unknown_filters_by_name(client, query, name):
    response = client.get(f"/export/foretagsenkat/kluster.csv?{query}")
    assert response.status_code == 400 and name in response.get_data(as_text=True)


def test_the_page_has_the_four_filters_kept_in_the_url_and_three_charts(client):
    page = page_layout(client, "/foretagsenkat?cluster=compare")
    assert [p.name for p in PARAMS] == ["round", "question", "county", "cluster"]
    shown = {
        p: find(page, ids.filter_id(VIEW, p))["props"]["value"] for p in ("round", "question", "county", "cluster")
    }
    assert shown == {"round": "2018", "question": "samverkan_foretag", "county": NONE, "cluster": "compare"}
    assert "Alla tre län" in str(find(page, ids.filter_id(VIEW, "county"))["props"]["options"])
    for key in CHARTS:
        assert card(page, VIEW, key)["head"], key
    assert "färre än 5 svarande" in text(find(page, RULE))


def test_the_charts_name_their_filters_and_explain_the_hidden_groups(client):
    page = page_layout(client, "/foretagsenkat?round=2017")
    clusters = card(page, VIEW, "clusters")
    assert clusters["head"].startswith("Klustren jämförda, Våren 2017") and "Exempeldata" in clusters["head"]
    fig = clusters["figure"]
    assert len([t for t in fig["data"] if t["type"] == "bar"]) == 5  # the five answers
    words = figure_words(fig)
    assert "Dold: färre än 5 svarande" in words and "Dold för att skydda en annan grupp" in words
    assert "Grupper med färre än 5 svarande visas inte" in clusters["body"]
    assert "2 kluster visas inte för att skydda de svarande" in clusters["caption"]
    dalarna = page_layout(client, "/foretagsenkat?county=20")
    assert card(dalarna, VIEW, "clusters")["head"].startswith("Klustren jämförda, Dalarnas län, Våren 2018")
    assert card(dalarna, VIEW, "questions")["head"].startswith(
        "Alla frågor: Samtliga kluster, Dalarnas län, Våren 2018"
    )
    english = page_layout(client, "/foretagsenkat?cluster=compare&question=samverkan_forskare&lang=en")
    assert find(english, ids.filter_id(VIEW, "question"))["props"]["value"] == "samverkan_forskare"
    assert card(english, VIEW, "questions")["head"].startswith("All questions: Compare, Spring 2018")
    assert card(english, VIEW, "rounds")["head"].startswith("Change between rounds: Compare")
    assert "the positive share was" in card(english, VIEW, "rounds")["caption"]
    assert card(english, VIEW, "clusters")["head"].startswith("The clusters compared, Spring 2018")


def test_the_csv_link_gives_the_aggregated_numbers_of_the_chart(client):
    link = card(page_layout(client, "/foretagsenkat?county=21"), VIEW, "clusters")["links"]["Data (CSV)"]
    assert link.startswith("/export/foretagsenkat/clusters.csv?") and "county=21" in link
    body = client.get(link).get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(body)))
    assert [r[0] for r in rows[1:]] == ["Samtliga kluster", "FindIT", "Fiber Optic Valley", "Future Position X"]
    assert rows[2][-1] == "" and rows[3][-1] == rows[4][-1] == "Dold: färre än 5 svarande"
    assert all(cell == "" for cell in rows[3][1:-1])  # a hidden cluster's numbers are not in the file
    assert EXTERNAL_ID.search(body) is None and re.search(r"-20\d\d-\d{3}", body) is None  # no respondent id


def test_indicators_carry_metadata_and_the_confidentiality_rule():
    metas = [m for m in load_all().values() if m.view == "foretagsenkat"]
    assert {m.key for m in metas} == {"survey_answer_shares", "survey_dont_know", "survey_round_change"}
    for meta in metas:
        assert meta.title_sv and meta.title_en and meta.definition_sv and meta.formula and meta.unit_sv
        assert "färre än 5 svarande" in meta.extra["confidentiality_sv"]
        assert "fewer than 5 respondents" in meta.extra["confidentiality_en"]
