"""The cache on SQLite (files shared by the workers) and on PostgreSQL (Redis): answers follow the store, errors are
never kept, the files stay within their bound."""

from __future__ import annotations

import os

import pytest

from cache import cache, memoize_answer, note_failure
from data.store import current_engine
from indicators.source import CachedSource
from tests.backends import redis_test_url
from tests.import_helpers import run_cli
from tests.milstolpar_support import app_on
from web.caching import PRUNE_SLACK, BoundedFileSystemCache, code_version, fingerprint

CSV = "region,industry,year,measure,value\n17,C,2019,employees,{value}\n"


@pytest.fixture(scope="module")
def cache_config(backend_config, tmp_path_factory) -> dict:
    """Return the config of the backend's production cache: Redis for PostgreSQL, shared files for SQLite."""
    if "REDIS_URL" in backend_config:
        return backend_config
    folder = tmp_path_factory.mktemp("cache")
    return {**backend_config, "CACHE_TYPE": "web.caching.BoundedFileSystemCache", "CACHE_DIR": str(folder)}


@pytest.fixture(scope="module")
def workers(cache_config):
    """Two apps on one store and one cache, as two gunicorn workers (or machines) are."""
    return [app_on(cache_config["DATABASE_URL"], **cache_config) for _ in range(2)]


def employees_17_c(app) -> float:
    """Read what a view would show through the cached source: employees in Värmland's manufacturing, 2019."""
    with app.server.test_request_context("/"), current_engine().connect() as conn:
        facts, _totals = CachedSource.for_request(conn).level_facts("employees", "section", years=[2019])
    row = facts[(facts["region"] == "17") & (facts["industry"] == "C")]
    return float(row["value"].iloc[0])


def test_the_backends_production_cache_is_used_and_keyed_by_the_code(workers, backend, tmp_path):
    config = workers[0].server.config
    if backend == "postgresql":
        assert config["CACHE_TYPE"] == "RedisCache" and config["CACHE_REDIS_URL"] == redis_test_url()[0]
    else:  # one directory per release of the code; an older release's is removed at start
        assert config["CACHE_TYPE"] == "web.caching.BoundedFileSystemCache"
        assert config["CACHE_DIR"].endswith("/" + code_version())
        old = tmp_path / "0123456789ab"
        (old / "x").mkdir(parents=True)
        app_on(config["DATABASE_URL"], CACHE_TYPE=config["CACHE_TYPE"], CACHE_DIR=str(tmp_path))
        assert not old.exists() and (tmp_path / code_version()).is_dir()


def test_a_corrected_reimport_changes_every_workers_answer_at_once(workers, backend_url, tmp_path):
    path = tmp_path / "sysselsatta.csv"
    path.write_text(CSV.format(value=28834), encoding="utf-8")
    assert run_cli("import", path, "--db", backend_url, "--dataset", "syss")[0] == 0
    assert [employees_17_c(w) for w in workers] == [28834.0, 28834.0]  # now cached by both
    path.write_text(CSV.format(value=86503), encoding="utf-8")  # the same day, corrected
    assert run_cli("import", path, "--db", backend_url, "--dataset", "syss")[0] == 0
    assert [employees_17_c(w) for w in workers] == [86503.0, 86503.0]


def test_what_the_followup_charts_derive_from_the_store_is_worked_out_once_per_store_version(workers, monkeypatch):
    # The gender perspective asks for the monitoring level (the finest complete level, from coverage counts
    # of every level) once for all counties and once per county's strength areas: four times. It used to
    # work the level out each time (16 coverage reads); now the first worker keeps it for every worker.
    from indicators import choices
    from indicators.gender_areas import gender_balance

    seen = []
    count = choices.coverage_by_year
    monkeypatch.setattr(choices, "coverage_by_year", lambda *a, **k: seen.append(a[2]) or count(*a, **k))
    answers = []
    for worker in workers:
        with worker.server.test_request_context("/"), current_engine().connect() as conn:
            source = CachedSource.for_request(conn)
            answers.append(gender_balance(conn, regions=["17", "20", "21"], source=source))
            assert len(seen) <= len(choices.FINEST_FIRST)  # at most once per level, and only in the first worker
    assert answers[0].equals(answers[1])
    with workers[0].server.test_request_context("/"), current_engine().connect() as conn:  # the same without cache
        assert gender_balance(conn, regions=["17", "20", "21"]).equals(answers[0])


calls: list[str] = []


@memoize_answer(timeout=600)
def chart_answer(key: str, fail: bool) -> str:
    calls.append(key)
    if fail:
        note_failure()  # what the code that turns an exception into "Diagrammet kunde inte visas" does
        return "Diagrammet kunde inte visas"
    return f"diagram {key}"


@memoize_answer(timeout=600)
def view_answer(key: str, fail_inner: bool) -> list[str]:
    calls.append("view " + key)
    return [chart_answer(key + "a", False), chart_answer(key + "b", fail_inner)]


@memoize_answer(timeout=600, failed=lambda answer: answer.startswith("fel"))
def judged_answer(key: str) -> str:
    calls.append(key)
    return "fel: databasen var låst" if key.endswith("!") else "ok"


def test_an_error_answer_is_never_cached_and_a_good_one_is(workers, backend):
    calls.clear()
    key = f"{backend}-{os.getpid()}"
    with workers[0].server.app_context():
        assert chart_answer(key + "x", True) == chart_answer(key + "x", True) == "Diagrammet kunde inte visas"
        assert calls.count(key + "x") == 2  # computed again: the failure was not kept
        assert chart_answer(key + "y", False) == chart_answer(key + "y", False)
        assert calls.count(key + "y") == 1
    with workers[1].server.app_context():  # the other worker finds the good answer, never the bad one
        chart_answer(key + "y", False)
        chart_answer(key + "x", True)
        assert calls.count(key + "y") == 1 and calls.count(key + "x") == 3


def test_an_answer_built_on_a_failed_one_is_not_cached_either(workers, backend):
    calls.clear()
    key = f"{backend}-{os.getpid()}-v"
    with workers[0].server.app_context():
        view_answer(key, True)
        view_answer(key, True)
        assert calls.count("view " + key) == 2  # its second chart failed, so the view's answer was not kept
        view_answer(key + "ok", False)
        view_answer(key + "ok", False)
        assert calls.count("view " + key + "ok") == 1
        assert judged_answer(key + "!") == judged_answer(key + "!") and calls.count(key + "!") == 2
        assert judged_answer(key + "+") == judged_answer(key + "+") and calls.count(key + "+") == 1


def test_an_exception_is_never_cached(workers):
    attempts = []

    @memoize_answer(timeout=600)
    def flaky(key):
        attempts.append(key)
        if len(attempts) == 1:
            raise TimeoutError("database is locked")
        return "ok"

    with workers[0].server.app_context():
        with pytest.raises(TimeoutError):
            flaky("k")
        assert flaky("k") == "ok" and flaky("k") == "ok" and len(attempts) == 2
        cache.delete_memoized(flaky)


def test_the_file_cache_stays_within_its_bound_in_bytes(tmp_path):
    bounded = BoundedFileSystemCache(str(tmp_path), max_bytes=1_000_000, default_timeout=600)
    for i in range(40):
        assert bounded.set(f"answer{i}", b"x" * 100_000)
    total = sum(p.stat().st_size for p in tmp_path.iterdir())
    assert total <= 1_000_000
    assert bounded.get("answer39") == b"x" * 100_000  # the newest stay
    assert bounded.get("answer0") is None  # the oldest went first
    assert not bounded.set("huge", b"x" * 400_000)  # over a quarter of the bound: not kept at all
    assert bounded.get("huge") is None


def test_the_file_cache_looks_over_its_directory_after_a_share_of_its_bound_not_on_every_write(tmp_path, monkeypatch):
    # Looking over thousands of kept answers costs ~20 ms; an uncached chart writes some thirty entries.
    bounded = BoundedFileSystemCache(str(tmp_path), max_bytes=1_000_000, default_timeout=600)
    looks = []
    look = bounded.prune_to_bound
    monkeypatch.setattr(bounded, "prune_to_bound", lambda: looks.append(1) or look())
    for i in range(600):  # 600 answers of 5 kB: three times the bound
        assert bounded.set(f"answer{i}", b"x" * 5_000)
        total = sum(p.stat().st_size for p in tmp_path.iterdir())
        assert total <= 1_000_000 * (1 + PRUNE_SLACK)  # over the bound by at most the slack, at any moment
    assert 20 <= len(looks) <= 70  # about one look per 50 kB written, the first write included
    assert bounded.get("answer599") == b"x" * 5_000 and bounded.get("answer0") is None


def test_a_release_that_changes_any_package_of_the_app_gets_a_new_cache_key(tmp_path):
    # Cached answers are kept under the code's fingerprint: a release that changed only a chart builder
    # (charts/) used to keep the old fingerprint, so every worker went on serving the old charts.
    for name in ("app.py", "charts/__init__.py", "charts/start.py", "web/__init__.py", "tests/__init__.py"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(f"# {name}\n")
    before = fingerprint(tmp_path)
    (tmp_path / "tests/test_x.py").write_text("def test(): pass\n")
    assert fingerprint(tmp_path) == before  # the tests make no answer
    (tmp_path / "charts/start.py").write_text("TOTALS_WRITTEN_WHOLE = True\n")
    assert fingerprint(tmp_path) != before
    (tmp_path / "newpackage").mkdir()
    (tmp_path / "newpackage/__init__.py").write_text("")
    changed = fingerprint(tmp_path)
    (tmp_path / "newpackage/words.py").write_text("X = 1\n")
    assert fingerprint(tmp_path) != changed
