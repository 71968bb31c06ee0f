"""The Styrkeområden answers readers ask for first are computed after start-up, so they come from the cache."""

from __future__ import annotations

import threading

from layouts.params import parse

import app as app_module
from callbacks import registry, styrkeomraden_warm
from callbacks.styrkeomraden import show_styrkeomraden
from layouts.styrkeomraden import PARAMS, SIDE_BY_SIDE, VIEW


def test_the_choices_are_every_region_and_level_of_the_latest_year_in_both_languages_first(app):
    with app.server.app_context():
        wanted = styrkeomraden_warm.choices()
        latest = parse(PARAMS, {})[0]["year"]
    levels = {q["level"] for q in wanted if "level" in q}
    assert levels == {"section", "division", "a10", "sector"}
    first = [q for q in wanted if "year" not in q]
    assert len(first) == 5 * 4 * 2  # each county, SE31 and the three side by side; four levels; sv and en
    assert {q["region"] for q in first} == {"17", "20", "21", "SE31", SIDE_BY_SIDE}
    assert wanted[: len(first)] == first  # the latest year before the earlier ones
    earlier = {int(q["year"]) for q in wanted if "year" in q}
    assert earlier == {latest - 1, latest - 2, latest - 3}


def test_a_warmed_choice_is_answered_without_computing_it_again(app, monkeypatch):
    calls = []
    build = registry.CHARTS[VIEW]["bubble"]

    def counted(conn, lang, **params):
        calls.append((lang, params["region"], params["level"]))
        return build(conn, lang, **params)

    monkeypatch.setitem(registry.CHARTS[VIEW], "bubble", counted)
    monkeypatch.setattr(
        styrkeomraden_warm, "choices", lambda: [{"region": "21", "level": "a10"}, {"region": "17", "lang": "en"}]
    )
    with app.server.app_context():
        from cache import cache

        cache.clear()
    assert styrkeomraden_warm.warm(app.server, pause=0) == 2
    assert calls == [("sv", "21", "a10"), ("en", "17", "division")]
    with app.server.test_request_context("/"):
        show_styrkeomraden("http://x/styrkeomraden?level=a10&region=21")  # a reader's address for the same choice
        show_styrkeomraden("http://x/styrkeomraden?region=17&lang=en")
    assert len(calls) == 2  # both answered from the cache


def test_warming_stops_when_asked(app, monkeypatch):
    stop = threading.Event()
    stop.set()
    monkeypatch.setattr(styrkeomraden_warm, "choices", lambda: [{"region": "21"}])
    assert styrkeomraden_warm.warm(app.server, pause=0, stop=stop) == 0


def test_the_app_warms_unless_testing_or_turned_off(store_url, monkeypatch):
    started = []
    monkeypatch.setattr(styrkeomraden_warm, "start", lambda server, delay=2.0: started.append(server))
    base = {"DATABASE_URL": store_url, "SECRET_KEY": "test"}
    app_module.create_app({**base, "TESTING": True})
    app_module.create_app({**base, "WARM_CACHE": False})
    assert started == []
    made = app_module.create_app({**base, "TESTING": True, "WARM_CACHE": True})
    assert started == [made.server]
