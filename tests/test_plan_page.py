"""The plan on view: every activity, delmål and milestone text the app shows is the store's text, word for word.

(tests/test_plan_text.py checks the store's text against the plan itself.) Also: [sic] marks, the links
between delmål, activities and milestones, late completion in words, and the steering group's files
from a freshly loaded Milstolpar page.
"""

from __future__ import annotations

import io
import json
from datetime import date
from html.parser import HTMLParser

import pytest
from openpyxl import load_workbook

import charts
from charts.milstolpar import activity_options
from indicators.plan import plan_activities, plan_items, plan_milestones, plan_subgoals
from layouts.milstolpar.milestone_list import milestone_list


def layout_json(client, path: str) -> dict:
    """Return the page the server sends for an address (what a first visit draws)."""
    response = client.get("/_dash-layout", headers={"Referer": f"http://localhost{path}"})
    assert response.status_code == 200
    return response.get_json()


def walk(node):
    """Yield every component (as JSON) in a layout."""
    if isinstance(node, dict):
        if "props" in node:
            yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def static_html(layout: dict) -> str:
    """Return the HTML of the page's static parts (layouts/static_html.StaticHtml), joined."""
    return "".join(c["props"]["html"] for c in walk(layout) if c.get("type") == "StaticHtml")


class PlanTexts(HTMLParser):
    """Collect the text of every element marked data-plan="entity:record:field", and whether [sic] follows it."""

    def __init__(self):
        super().__init__()
        self.texts: dict[str, list[str]] = {}
        self.sic_after: set[str] = set()
        self._ref, self._last = None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-plan" in attrs:
            self._ref = attrs["data-plan"]
            self.texts.setdefault(self._ref, []).append("")
        elif "plan-sic" in (attrs.get("class") or "") and self._last:
            self.sic_after.add(self._last)

    def handle_data(self, data):
        if self._ref:
            self.texts[self._ref][-1] += data

    def handle_endtag(self, tag):
        if self._ref and tag == "span":
            self._last, self._ref = self._ref, None


def plan_texts(markup: str) -> PlanTexts:
    parser = PlanTexts()
    parser.feed(markup)
    return parser


def annotations(spec) -> list[str]:
    """Return the texts written on a chart (its figure may be a cached plain dict)."""
    return [a["text"] for a in spec.figure_dict()["layout"].get("annotations", [])]


def store_texts(conn) -> dict[str, str]:
    """Return 'entity:record:field' -> the store's text for every activity, delmål and milestone field shown."""
    out = {}
    for r in plan_activities(conn).itertuples():
        for field in ("name_sv", "name_en", "description_sv", "description_en"):
            out[f"activity:{r.number}:{field}"] = getattr(r, field)
    for r in plan_subgoals(conn).itertuples():
        out |= {f"subgoal:{r.number}:text_sv": r.text_sv, f"subgoal:{r.number}:text_en": r.text_en}
    for r in plan_milestones(conn).itertuples():
        out |= {f"milestone:{r.id}:text_sv": r.text_sv, f"milestone:{r.id}:text_en": r.text_en}
    return out


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_plan_text_on_the_page_is_the_stores_text(client, conn, lang):
    markup = static_html(layout_json(client, "/om-projektet" + ("?lang=en" if lang == "en" else "")))
    shown = plan_texts(markup).texts
    store = store_texts(conn)
    # every activity name and description, delmål and milestone is shown, in the page's language ...
    wanted = [k for k in store if k.endswith("_en" if lang == "en" else "_sv")]
    assert [k for k in wanted if k not in shown] == []
    # ... and on an English page the plan's Swedish beside each translation of a name, delmål or milestone
    if lang == "en":
        assert [k for k in store if k.endswith("_sv") and k not in shown] == []
    # every occurrence, wherever it stands (heading, link, table), is the store's text to the letter
    wrong = {k: v for k, values in shown.items() if k in store for v in values if v != store[k]}
    assert wrong == {}


def test_the_frame_of_the_plan_is_shown_from_the_store(client, conn):
    markup = static_html(layout_json(client, "/om-projektet"))
    shown = plan_texts(markup).texts
    items = plan_items(conn)
    assert all(shown[f"plan_item:{i}:text_sv"] == [t] for i, t in zip(items["id"], items["text_sv"]))
    assert "Regionerna (Brysselkontoren)" in shown[f"plan_item:{items['id'].iloc[12]}:text_sv"]
    for text in ("David Paulsson", "100\u00a0%", "Högskolan Dalarna (1800 timmar)", "Maivor Hallén", "Referensgrupper"):
        assert text in markup
    assert "Mot regionala processer" in markup and "Självskattningsanalyser och lärande" in markup


def test_slips_are_marked_sic_with_their_note_and_only_there(client):
    texts = plan_texts(static_html(layout_json(client, "/om-projektet")))
    assert "activity:2:name_sv" in texts.sic_after  # "Lärosätenas roll innovationssystemet"
    assert "subgoal:2:text_sv" in texts.sic_after  # "förmågor att medverkan"
    assert "activity:5:name_sv" not in texts.sic_after and "subgoal:1:text_sv" not in texts.sic_after
    markup = static_html(layout_json(client, "/om-projektet"))
    assert "troligen avses ”Lärosätenas roll i innovationssystemet”" in markup


def test_delmal_activities_and_milestones_link_to_each_other(client):
    markup = static_html(layout_json(client, "/om-projektet"))
    activity_1 = markup[markup.index('id="aktivitet-1"') : markup.index('id="aktivitet-2"')]
    assert 'href="#delmal-1"' in activity_1
    assert all(f'href="#milstolpe-{i}"' in activity_1 for i in (2, 4, 6))
    assert "dashboardens tolkning" in activity_1  # the links are the dashboard's reading, and say so
    delmal_2 = markup[markup.index('id="delmal-2"') : markup.index('id="delmal-3"')]
    assert 'href="#aktivitet-2"' in delmal_2 and 'href="#aktivitet-3"' in delmal_2
    row_8 = markup[markup.index('id="milstolpe-8"') :]
    assert 'href="/milstolpar#milstolpe-8"' in row_8[: row_8.index("</tr>")]
    english = static_html(layout_json(client, "/om-projektet?lang=en"))
    assert 'href="/milstolpar?lang=en#milstolpe-8"' in english and "the dashboard&#x27;s translation" in english


def test_the_start_page_and_milstolpar_link_to_the_plan(client):
    for path in ("/", "/milstolpar"):
        hrefs = [c["props"].get("href") for c in walk(layout_json(client, path))]
        assert "/om-projektet" in hrefs


@pytest.fixture()
def in_request(app):
    with app.server.test_request_context("/milstolpar"):
        yield


def test_milstolpar_names_activities_and_milestones_as_the_store_does(in_request, conn):
    store = store_texts(conn)
    activities = plan_activities(conn)
    labels = [o["label"] for o in activity_options(conn, "sv")][:-1]  # the last is the whole project
    assert labels == [f"{n}. {name}" for n, name in zip(activities["number"], activities["name_sv"])]
    values = {"asof": date(2018, 7, 31), "status": [], "activity": []}
    spec = charts.spec_for(conn, "milstolpar", "list", "sv", values)
    assert all(store[f"milestone:{i}:text_sv"] == t for i, t in zip(spec.table["Nr"], spec.table["Milstolpe"]))
    shown = str(milestone_list(spec, spec.table.iloc[0:0], "sv", "", show_user=False))
    assert all(f"'{t}'" in shown for t in spec.table["Milstolpe"])
    assert "/om-projektet#aktivitet-6" in shown and "/om-projektet#delmal-5" in shown
    timeline = charts.spec_for(conn, "milstolpar", "timeline", "sv", values)
    for note in annotations(timeline):
        if " · " not in note:
            continue
        number, text = note.replace("<br>", " ").split(" · ", 1)[1].split(". ", 1)
        full = store[f"milestone:{number}:text_sv"]
        assert text == full or (text.endswith("…") and full.startswith(text[:-1])), note


@pytest.mark.parametrize(
    "asof,lang,expected",
    [
        ("2018-07-31", "sv", "klar, två kvartal sent"),  # planned 2017 Q2, done 10 November 2017
        ("2018-07-31", "en", "done, two quarters late"),
        ("2017-07-01", "sv", "försenad"),  # not done yet at that date: delayed, not late-done
    ],
)
def test_late_completion_is_said_in_words_in_list_timeline_and_summary(in_request, conn, asof, lang, expected):
    values = {"asof": date.fromisoformat(asof), "status": [], "activity": []}
    table = charts.spec_for(conn, "milstolpar", "list", lang, values).table
    assert table.loc[table[table.columns[0]] == 8, "Status"].item() == expected
    timeline = charts.spec_for(conn, "milstolpar", "timeline", lang, values)
    assert any(a.startswith(f"<b>{expected}</b> · 8. ") for a in annotations(timeline))
    if expected.startswith("klar"):
        assert "nr 8 (två kvartal sent)" in timeline.summary


def test_the_steering_groups_files_download_from_a_fresh_page(client):
    """The links are in the page the server sends, before any callback: each one downloads its file."""
    page = walk(layout_json(client, "/milstolpar?asof=2018-07-31"))
    components = {c["props"]["id"]: c["props"] for c in page if isinstance(c["props"].get("id"), str)}
    links = [
        components[i]["href"] for i in ("milstolpar-export-xlsx", "milstolpar-export-list", "milstolpar-export-goals")
    ]
    assert all("asof=2018-07-31" in href for href in links)
    workbook, milestones, goals = (client.get(href) for href in links)
    assert [r.status_code for r in (workbook, milestones, goals)] == [200, 200, 200]
    sheets = load_workbook(io.BytesIO(workbook.data))
    assert sheets.sheetnames[:2] == ["Milstolpar", "Måluppfyllelse"]
    assert {"Måluppfyllelse per aktivitet", "Måluppfyllelse per delmål"} <= set(sheets.sheetnames)
    statuses = [row[4] for row in sheets["Milstolpar"].values]
    assert "klar, två kvartal sent" in statuses
    assert "klar, två kvartal sent" in milestones.get_data(as_text=True)
    assert "Mötesplatser för klusterledare" in goals.get_data(as_text=True)


def test_the_page_is_one_static_block_not_hundreds_of_components(client):
    components = list(walk(layout_json(client, "/om-projektet")))
    content = next(c for c in components if c["props"].get("id") == "shell-content")
    assert len(list(walk(content))) < 40
    assert json.dumps(content, ensure_ascii=False).count("data-plan") > 60
