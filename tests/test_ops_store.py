"""The store on SQLite and PostgreSQL: its version follows every build, import and edit; indicators agree; edits race safely."""

from __future__ import annotations

import threading

import pandas.testing as pdt
from sqlalchemy import func, select

from data import followup_write as fw
from data import schema as s
from data.build import build
from data.meta import store_version
from data.store import engine_for
from indicators.facts import years_with_data
from indicators.lq import location_quotients
from indicators.survey import answer_cells
from tests.import_helpers import run_cli

TIDY = "region,industry,year,measure,value\n17,C,2019,employees,{c}\n17,TOTAL,2019,employees,{t}\n00,C,2019,employees,700000\n00,TOTAL,2019,employees,5000000\n"


def version(url: str) -> str:
    with engine_for(url).connect() as conn:
        return store_version(conn)


def count(url: str, table, *where) -> int:
    with engine_for(url).connect() as conn:
        return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def test_the_store_version_is_one_row_that_every_import_changes_and_a_failed_one_leaves(backend_url, tmp_path):
    first = version(backend_url)
    assert first.endswith("-1") or "-" in first
    good = tmp_path / "rattad.csv"
    good.write_text(TIDY.format(c=28834, t=120000), encoding="utf-8")
    assert run_cli("import", good, "--db", backend_url, "--dataset", "rattad")[0] == 0
    second = version(backend_url)
    assert second != first and second.split("-")[0] == first.split("-")[0]  # same build, counter + 1
    good.write_text(TIDY.format(c=86503, t=120000), encoding="utf-8")  # a corrected re-import, same day
    assert run_cli("import", good, "--db", backend_url, "--dataset", "rattad")[0] == 0
    third = version(backend_url)
    assert third != second
    bad = tmp_path / "trasig.csv"
    bad.write_text("region,industry,year,measure,value\n17,C,2019,employees,många\n", encoding="utf-8")
    assert run_cli("import", bad, "--db", backend_url, "--dataset", "trasig")[0] == 1
    assert version(backend_url) == third  # nothing changed, so neither did the version


def test_an_edit_changes_the_version_and_an_edit_that_changes_nothing_does_not(backend_url):
    engine = engine_for(backend_url)
    with engine.connect() as conn:
        row = conn.execute(select(s.milestone).where(s.milestone.c.id == 2)).mappings().one()
    before = version(backend_url)
    same = dict(status=row["status"], completed_on=row["completed_on"], comment=row["comment"])
    assert fw.save_milestone(engine, 2, version=row["version"], username="pl", **same) == []
    assert version(backend_url) == before
    fw.save_milestone(engine, 2, version=row["version"], username="pl", **dict(same, comment="Ny kommentar"))
    assert version(backend_url) != before


def test_indicators_give_the_same_numbers_on_both_backends(backend_conn, conn):
    # conn is the session's SQLite store: the same build, so every number must agree. Employees were
    # re-imported above (a real dataset now stands in for the example one), so compare another measure.
    year = years_with_data(conn, "employees_higher_ed")[-1]
    args = dict(measure="employees_higher_ed", level="section", reference="00", year=year)
    mine = location_quotients(backend_conn, **args)
    pdt.assert_frame_equal(mine, location_quotients(conn, **args))
    assert len(mine) > 100 and mine["lq"].notna().any()
    # answer_cells has no ORDER BY (PostgreSQL returns another order): compare the rows, not their order.
    mine, theirs = answer_cells(backend_conn), answer_cells(conn)
    pdt.assert_frame_equal(
        mine.sort_values(list(mine.columns)).reset_index(drop=True),
        theirs.sort_values(list(theirs.columns)).reset_index(drop=True),
    )


def _pause_inside_the_transaction(monkeypatch, parties: int):
    """Make each save wait, once, after it has read the row and before it writes, until all have read."""
    barrier, seen = threading.Barrier(parties, timeout=20), threading.local()
    real = fw.outcome_record

    def record(*args):
        if not getattr(seen, "waited", False):
            seen.waited = True
            barrier.wait()
        return real(*args)

    monkeypatch.setattr(fw, "outcome_record", record)


def test_two_first_saves_of_the_same_outcome_give_one_save_and_one_clear_message(backend_url, monkeypatch):
    engine = engine_for(backend_url)
    io = s.indicator_outcome
    with engine.begin() as conn:  # a quarter with no outcome yet
        conn.execute(io.delete().where(io.c.indicator == "motesplatser", io.c.year == 2018, io.c.quarter == 2))
    _pause_inside_the_transaction(monkeypatch, 2)
    results: dict[str, object] = {}

    def save(name: str, value: int):
        try:
            results[name] = fw.save_outcome(engine, "motesplatser", 2018, 2, version=None, value=value, username=name)
        except Exception as exc:  # noqa: BLE001 - the test reports what each save got
            results[name] = exc

    threads = [threading.Thread(target=save, args=(n, v)) for n, v in (("anna", 11), ("bo", 12))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    saved = [n for n, r in results.items() if isinstance(r, list)]
    refused = [r for r in results.values() if not isinstance(r, list)]
    assert len(saved) == 1 and len(refused) == 1, results
    assert isinstance(refused[0], fw.StaleEdit)
    assert "just före dig" in refused[0].message("sv") or "har ändrats av någon annan" in refused[0].message("sv")
    where = (io.c.indicator == "motesplatser", io.c.year == 2018, io.c.quarter == 2)
    assert count(backend_url, io, *where) == 1
    assert count(backend_url, s.audit_log, s.audit_log.c.record == "motesplatser:2018K2") == 1


def test_a_rebuild_keeps_the_settings_and_starts_a_new_version(backend_url):
    engine = engine_for(backend_url)
    with engine.begin() as conn:
        conn.execute(s.app_setting.insert().values(name="secret_key", value="kept"))
    before = version(backend_url)
    build(backend_url, empty=True)
    assert version(backend_url).split("-")[0] != before.split("-")[0]
    with engine_for(backend_url).connect() as conn:
        assert conn.execute(select(s.app_setting.c.value)).scalar_one() == "kept"
