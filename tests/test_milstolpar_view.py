"""The Milstolpar view's charts, list, summary and the steering group's exports, built as the page builds them."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from charts.milstolpar import VIEW
from layouts import ids
from layouts.milstolpar import EXPORT_LINKS, SUMMARY
from tests.dash_json import find, links, page_layout, text
from tests.specs import build_spec


@pytest.fixture()
def ctx(app):
    with app.server.test_request_context("/milstolpar"):
        yield


def build_chart(view: str, key: str, query: dict):
    """Return the chart as the page builds it (inside the test's request context), with a go.Figure."""
    return build_spec(view, key, query)


def annotations(spec) -> list[str]:
    return [a.text for a in spec.figure.layout.annotations]


def test_timeline_colours_and_labels_each_milestone_by_status_with_an_as_of_line(ctx):
    spec = build_chart("milstolpar", "timeline", {"asof": "2017-07-01"})
    assert spec.title == "Milstolpar kvartal för kvartal"
    assert spec.summary.startswith("Läget 1 juli 2017: 9 av 16 milstolpar klara; 1 försenad; 1 pågår; 5 planerade.")
    assert spec.data_status == "example" and any("exempeldata" in n for n in spec.notes)
    bars = {t.name: len(t.y) for t in spec.figure.data if t.type == "bar"}
    assert bars == {"klar": 9, "pågår": 1, "planerad": 5, "försenad": 1}
    # the status first and bold, then the milestone (a long one wraps: <br> between its words)
    assert any(
        a.startswith("<b>försenad</b> · 8.") and "Tre färdiga strategidokument" in a.replace("<br>", " ")
        for a in annotations(spec)
    )
    assert "Läget 2017-07-01" in annotations(spec)
    ticks = spec.figure.layout.xaxis.ticktext
    assert ticks[0] == "K2<br>2016" and len(ticks) == 10  # 2016 K2 .. 2018 K3
    assert len(spec.table) == 16 and spec.table["Status"].tolist().count("försenad") == 1


@pytest.mark.parametrize(
    "query,ids",
    [
        ({"asof": "2017-07-01", "status": "forsenad"}, [8]),  # only the late one
        ({"asof": "2017-07-01", "activity": "6"}, [5, 8, 9]),  # the three of activity 6
        ({"asof": "2017-07-01", "activity": "projekt", "status": "klar"}, [15, 1, 3]),  # project-wide and done
        # before the project: all planned, none late; the practical start (15) leads, the end date (16) closes
        ({"asof": "2015-01-01"}, [15, *range(1, 15), 16]),
    ],
)
def test_the_list_follows_the_status_and_activity_filters(ctx, query, ids):
    spec = build_chart("milstolpar", "list", query)
    assert spec.table["Nr"].tolist() == ids
    assert spec.summary == f"Visar {len(ids)} av 16 milstolpar."


def test_a_date_is_shown_only_once_the_milestone_is_done_at_the_as_of_date(ctx):
    table = build_chart("milstolpar", "list", {"asof": "2017-07-01"}).table.set_index("Nr")
    assert table.loc[9, "Klar den"] == "2017-06-28"
    assert table.loc[8, "Klar den"] == ""  # done only in November 2017


def test_goal_attainment_bars_against_the_target_with_the_status_in_words(ctx):
    spec = build_chart("milstolpar", "attainment", {"asof": "2017-07-01"})
    bar = spec.figure.data[0]
    assert bar.text[0] == "58\u00a0%"  # the share on the bar, a no-break space before %
    # the outcome in words stands with the indicator's name, above its bar
    assert any("7 av 12 träffar" in a and "i fas" in a for a in annotations(spec))
    assert bar.x[0] == pytest.approx(100 * 7 / 12)
    assert any(s.x0 == 100 for s in spec.figure.layout.shapes)  # the target line
    assert spec.summary == "Läget 1 juli 2017: 6 indikatorer: 4 efter plan, 1 i fas, 1 målet nått."
    assert spec.table["Status"].tolist()[-1] == "målet nått"


def test_share_done_per_quarter_and_per_activity(ctx):
    quarters = build_chart("milstolpar", "per-quarter", {"asof": "2017-07-01"}).table.set_index("Kvartal")
    assert quarters.loc["2017 K2", ["klar", "försenad", "Andel klara"]].tolist() == [2, 1, pytest.approx(2 / 3)]
    activities = build_chart("milstolpar", "per-activity", {"asof": "2017-07-01", "activity": "6"})
    assert activities.table["Aktivitet"].tolist() == ["6. Policylärande och lärande"]
    assert "Försenade finns i: 6. Policylärande och lärande (1)." in activities.summary


def test_charts_speak_english(ctx):
    spec = build_chart("milstolpar", "timeline", {"asof": "2018-07-31", "lang": "en"})
    assert spec.summary.startswith("As of 31 July 2018: 15 of 16 milestones done; 1 delayed.")
    assert any(
        a.startswith("<b>delayed</b> · 13.") and "Process and evaluation" in a.replace("<br>", " ")
        for a in annotations(spec)
    )


def test_summary_and_export_links_follow_the_address(client):
    page = page_layout(client, "/milstolpar?asof=2018-07-31")
    assert text(find(page, SUMMARY)).startswith("Läget 31 juli 2018: 15 av 16 milstolpar klara; 1 försenad.")
    english = page_layout(client, "/milstolpar?asof=2018-07-31&lang=en&status=klar")
    assert list(links(find(english, EXPORT_LINKS)).values()) == [  # all milestones, not the filter
        "/export/milstolpar/styrgrupp.xlsx?asof=2018-07-31&lang=en",
        "/export/milstolpar/list.csv?asof=2018-07-31&lang=en",
        "/export/milstolpar/attainment.csv?asof=2018-07-31&lang=en",
    ]
    # a page without a date in its address offers today's files at once (issue 18: not only after a change)
    today = links(find(page_layout(client, "/milstolpar"), EXPORT_LINKS))
    assert all(f"asof={date.today().isoformat()}" in href for href in today.values()) and len(today) == 3


def test_steering_group_workbook(client):
    response = client.get("/export/milstolpar/styrgrupp.xlsx?asof=2017-07-01")
    assert response.status_code == 200
    assert 'filename="milstolpar_styrgrupp_2017-07-01.xlsx"' in response.headers["Content-Disposition"]
    wb = load_workbook(io.BytesIO(response.data))
    assert wb.sheetnames == [
        "Milstolpar",
        "Måluppfyllelse",
        "Måluppfyllelse per aktivitet",
        "Måluppfyllelse per delmål",
        "Om underlaget",
    ]
    milestones = list(wb["Milstolpar"].values)
    assert milestones[0][:5] == ("Nr", "Kvartal", "Milstolpe", "Aktivitet", "Status")
    assert len(milestones) == 17 and milestones[9][:1] == (8,) and milestones[9][4] == "försenad"
    goals = list(wb["Måluppfyllelse"].values)
    assert goals[1][0] == "Mötesplatser för klusterledare" and goals[1][-2] == "i fas" and goals[1][-1] == "ja"
    about = [r[0] for r in wb["Om underlaget"].values]
    assert any(str(a).startswith("Exempeldata:") for a in about)


def test_steering_group_csv_and_bad_dates(client):
    csv = client.get("/export/milstolpar/lista.csv?asof=2017-07-01")
    assert csv.status_code == 200 and "Tre färdiga strategidokument" in csv.get_data(as_text=True)
    bad = client.get("/export/milstolpar/styrgrupp.xlsx?asof=2017-13-01")
    assert bad.status_code == 400 and "asof" in bad.get_data(as_text=True)


def test_the_page_offers_filters_and_a_sign_in_link_to_readers(client):
    page = page_layout(client, "/milstolpar?asof=2017-07-01&status=klar")
    assert find(page, ids.filter_id(VIEW, "asof"))["props"]["value"] == "2017-07-01"
    assert find(page, ids.filter_id(VIEW, "status"))["props"]["value"] == ["klar"]
    assert "Logga in" in text(find(page, ids.CONTENT)) and "milstolpar-editing" not in str(page)


def test_the_list_shows_a_milestones_history_and_the_editor_only_to_a_signed_in_user(ctx):
    from datetime import datetime

    import pandas as pd

    from layouts.milstolpar.milestone_list import milestone_list

    spec = build_chart("milstolpar", "list", {"asof": "2018-07-31"})
    history = pd.DataFrame(
        [
            ("13", datetime(2018, 3, 20, 12, 5), "anna", "status", "pagar", "klar"),
            ("13", datetime(2018, 3, 20, 12, 5), "anna", "completed_on", None, "2018-03-20"),
        ],
        columns=["record", "at", "username", "field", "old_value", "new_value"],
    )
    public = str(milestone_list(spec, history, "sv", "", show_user=False))
    assert "Historik (1 ändring)" in public
    assert "Status: pågår → klar" in public and "Klar den: – → 2018-03-20" in public
    assert "2018-03-20 13:05" in public  # stored in UTC, shown in Swedish time
    assert "anna" not in public
    assert "(anna)" in str(milestone_list(spec, history, "sv", "", show_user=True))
