"""SQLite in WAL: readers never wait for a writer; a rebuild, backup and restore while the store is read."""

from __future__ import annotations

import sqlite3
import time

from sqlalchemy import func, select, text

from data import schema as s
from data.build import build
from data.meta import store_version
from data.store import engine_for, sqlite_path
from tests.import_helpers import run_cli
from tests.milstolpar_support import copy_store


def facts(url: str) -> int:
    with engine_for(url).connect() as conn:
        return conn.execute(select(func.count()).select_from(s.fact)).scalar_one()


def test_a_reader_does_not_wait_while_an_import_holds_the_write_lock(store_url, tmp_path):
    url = copy_store(store_url, tmp_path)
    writer = sqlite3.connect(sqlite_path(url), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM fact")  # an import in the middle of its transaction
    started = time.monotonic()
    with engine_for(url).connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(select(func.count()).select_from(s.fact)).scalar_one() > 0  # the committed store
    assert time.monotonic() - started < 1  # no busy wait, no "database is locked"
    writer.execute("ROLLBACK")
    writer.close()


def test_a_rebuild_over_a_store_in_use_gives_readers_the_old_or_the_new_store_never_half(store_url, tmp_path):
    url = copy_store(store_url, tmp_path)
    reader = sqlite3.connect(sqlite_path(url), isolation_level=None)
    reader.execute("BEGIN")
    before = reader.execute("SELECT count(*) FROM fact").fetchone()[0]
    build(url, empty=True)  # while the reader is in the middle of a read
    assert reader.execute("SELECT count(*) FROM fact").fetchone()[0] == before  # its snapshot stays whole
    reader.execute("COMMIT")
    assert reader.execute("SELECT count(*) FROM fact").fetchone()[0] == 0  # then the new store
    assert reader.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reader.close()


def test_backup_and_restore_while_the_store_is_in_use(store_url, tmp_path):
    url = copy_store(store_url, tmp_path)
    with engine_for(url).begin() as conn:
        conn.execute(s.app_setting.insert().values(name="secret_key", value="the running key"))
    backup = tmp_path / "kopia.sqlite"
    code, _out, err = run_cli("backup", backup, "--db", url)
    assert code == 0 and "Säkerhetskopierade" in err
    with engine_for(url).begin() as conn:  # a mistake after the backup
        conn.execute(s.fact.delete())
        conn.execute(s.app_setting.update().values(value="a newer key"))
    version_before = store_version(engine_for(url).connect())
    assert facts(url) == 0
    code, _out, err = run_cli("restore", backup, "--db", url)
    assert code == 0 and "Återställde" in err
    assert facts(url) == facts(store_url)
    with engine_for(url).connect() as conn:
        assert conn.execute(select(s.app_setting.c.value)).scalar_one() == "a newer key"  # settings stay the store's
        version_after = store_version(conn)
    assert version_after.split("-")[0] != version_before.split("-")[0]  # a new lineage: no cache serves the old


def test_backup_and_restore_refuse_what_they_cannot_do_in_words(store_url, tmp_path):
    url = copy_store(store_url, tmp_path)
    junk = tmp_path / "inte-en-databas.sqlite"
    junk.write_text("hej")
    code, _out, err = run_cli("restore", junk, "--db", url)
    assert code == 1 and err.startswith("Fel:") and "Traceback" not in err
    assert facts(url) == facts(store_url)  # unchanged
    code, _out, err = run_cli("backup", tmp_path / "x.sqlite", "--db", "postgresql+psycopg://h/db")
    assert code == 1 and "pg_dump" in err
