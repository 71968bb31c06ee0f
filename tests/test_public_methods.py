"""Om data och metod: generated from the indicators' metadata and the store, so it cannot miss one."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from data import schema as s
from data.store import current_engine
from indicators import INDICATORS, IndicatorMeta, load_all
from indicators.provenance import indicator_provenance
from layouts import metod
from tests.dash_json import find_all, nodes, page_layout
from tests.dash_json import text as page_text


def walk(component):
    """Yield a Dash component and everything inside it."""
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if hasattr(child, "to_plotly_json"):
            yield from walk(child)


def page_of(app, lang: str):
    with app.server.test_request_context("/om-data-och-metod"), current_engine().connect() as conn:
        return metod.layout(conn, lang)


def listed_indicators(tree) -> set[str]:
    return {
        getattr(c, "id", "")[len("indikator-") :]
        for c in walk(tree)
        if str(getattr(c, "id", "")).startswith("indikator-")
    }


def text_of(tree) -> str:
    return " ".join(
        c
        for node in walk(tree)
        for c in (node.children if isinstance(node.children, list) else [node.children])
        if isinstance(c, str | int)
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_methods_page_lists_every_indicator(app, lang):
    assert listed_indicators(page_of(app, lang)) == set(load_all())


def test_a_new_indicator_shows_up_without_touching_the_page(app, monkeypatch):
    meta = IndicatorMeta("test_only", "Provindikator", "Test indicator", "st", "pcs", "Ett test.", "A test.", "x = 1")
    monkeypatch.setitem(INDICATORS, meta.key, meta)
    assert "test_only" in listed_indicators(page_of(app, "sv"))


def test_each_indicator_states_definition_formula_unit_source_years_licence_and_status(app):
    tree = page_of(app, "sv")
    for key, meta in load_all().items():
        entry = next(c for c in walk(tree) if getattr(c, "id", None) == f"indikator-{key}")
        terms = [c.children for c in walk(entry) if type(c).__name__ == "Dt"]
        assert terms[:7] == ["Definition", "Formel", "Enhet", "Källa", "År", "Licens", "Datastatus"], key
        assert meta.definition("sv") in text_of(entry)


def test_example_data_is_named_as_such_from_the_store(app, conn, store_url):
    employment = load_all()["employment_trend"]
    prov = indicator_provenance(conn, employment, store_url)
    assert prov["status"] == "example"
    assert prov["years"] == (2008, 2023)
    assert list(prov["datasets"]["code"]) == ["ex_sysselsattning"]
    tree = page_of(app, "sv")
    entry = next(c for c in walk(tree) if getattr(c, "id", None) == "indikator-employment_trend")
    assert "Exempeldata" in text_of(entry)
    assert "2008–2023" in text_of(entry)


# Indicators whose metadata names no data yet, so the page must say "unknown": keep this list true.
NAMES_NO_DATA = {"academic_specialisation": "indicators/academic.py: add measures=('publications',)"}


def test_every_indicator_says_whether_it_is_example_data(app, conn, store_url):
    with app.server.app_context():
        unknown = {k for k, m in load_all().items() if indicator_provenance(conn, m, store_url)["status"] == "unknown"}
    assert unknown == set(NAMES_NO_DATA)


def test_real_content_is_not_called_example_data(conn, store_url):
    # the clusters' names come from the regions' public lists: real, even where assessments are examples
    meta = IndicatorMeta("t", "t", "t", "u", "u", "d", "d", "f", extra={"tables": ("cluster",)})
    assert indicator_provenance(conn, meta, store_url)["status"] == "real"


def test_the_phase_scale_is_read_from_the_store(app, conn):
    names = list(conn.execute(select(s.phase.c.name_sv).order_by(s.phase.c.sort)).scalars())
    table = next(c for c in walk(page_of(app, "sv")) if getattr(c, "id", None) == "fasskala-tabell")
    rows = [r for r in walk(table) if type(r).__name__ == "Tr"][1:]
    assert [r.children[1].children for r in rows] == names


def test_every_dataset_is_in_the_data_status(app, conn):
    codes = set(conn.execute(select(s.dataset.c.code)).scalars())
    listed = {c.to_plotly_json()["props"].get("data-dataset") for c in walk(page_of(app, "en"))}
    assert codes <= listed


@pytest.mark.parametrize("view", ["styrkeomraden", "foretagsenkat"])
def test_the_rules_are_stated(view):
    # the strength classification and the survey's confidentiality rule come from the indicators' metadata
    words = metod.STRENGTH_RULE_WORDS if view == "styrkeomraden" else metod.SURVEY_RULE_WORDS
    for lang in ("sv", "en"):
        assert metod.rule_texts(load_all().values(), view, words, lang), (view, lang)


def test_how_to_cite_names_the_address(app):
    with app.server.test_request_context("/om-data-och-metod", base_url="https://s3.example.se"):
        with current_engine().connect() as conn:
            text = text_of(metod.layout(conn, "sv"))
    assert "https://s3.example.se/" in text


def test_the_page_a_reader_receives_shows_every_indicator(client):
    page = page_layout(client, "/om-data-och-metod?lang=en")
    shown = {n["props"]["data-indicator"] for n in nodes(page) if "data-indicator" in n["props"]}
    assert shown == set(load_all())
    assert [page_text(h) for h in find_all(page, "H1")] == ["About data and method"]
