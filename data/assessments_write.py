"""Save the project manager's qualitative assessments and value-chain notes, one transaction each.

The same rules as milestones (data/followup_write.py): every value is checked here on the server
(data/assessments.py); an edit carries the version its form loaded and is refused with StaleEdit
when the record changed since; every changed field gets an audit_log row (who, when, old, new) in
the same transaction. Example (demo) records cannot be edited, only deleted: an invented conclusion
must never become the manager's by a small correction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Table, delete, insert, select, update

from . import schema as s
from .assessments import check_assessment, check_value_chain
from .followup_write import Change, EditRefused, _audit, _stale, _text
from .meta import bump_store_version


@dataclass(frozen=True)
class Kind:
    """One kind of record: its table (also the audit entity), its checks and its name in both languages."""

    table: Table
    check: Callable  # (conn, raw, today) -> clean values; raises RecordRefused
    what_sv: str
    what_en: str

    @property
    def entity(self) -> str:
        return self.table.name


ASSESSMENT = Kind(
    s.qualitative_assessment, check_assessment, "Den kvalitativa bedömningen", "The qualitative assessment"
)
VALUE_CHAIN = Kind(s.value_chain, check_value_chain, "Värdekedjeanteckningen", "The value-chain note")


@dataclass(frozen=True)
class Saved:
    """What a save did: the record's id and the changed fields (empty when nothing changed)."""

    id: int
    changes: list[Change]


def insert_checked(conn, kind: Kind, clean: dict, *, username: str | None, dataset=None, is_example=False) -> Saved:
    """Insert checked values as a new record in the caller's transaction; audit it when username is given."""
    result = conn.execute(insert(kind.table).values(**clean, dataset=dataset, is_example=is_example, version=1))
    ident = int(result.inserted_primary_key[0])
    changes = [Change(k, None, _text(v)) for k, v in clean.items() if v is not None]
    if username is not None:
        _audit(conn, username, kind.entity, str(ident), changes)
        bump_store_version(conn)
    return Saved(ident, changes)


def delete_checked(conn, kind: Kind, ident: int, *, username: str) -> list[Change]:
    """Delete a record in the caller's transaction, auditing every field it held."""
    t = kind.table
    row = conn.execute(select(t).where(t.c.id == ident)).mappings().one()
    changes = [Change(k, _text(v), None) for k, v in row.items() if k not in ("id", "version") and v is not None]
    conn.execute(delete(t).where(t.c.id == ident))
    _audit(conn, username, kind.entity, str(ident), changes)
    return changes


def _current(conn, kind: Kind, ident: int, version) -> dict:
    """Return the record the form edits, or refuse: gone, example data, or changed since it was loaded."""
    t = kind.table
    row = conn.execute(select(t).where(t.c.id == ident)).mappings().first()
    if row is None:
        raise EditRefused(
            f"{kind.what_sv} {ident} finns inte (längre); någon kan ha tagit bort den. Inget sparades.",
            f"{kind.what_en} {ident} does not exist (any more); someone may have deleted it. Nothing was saved.",
        )
    if version is None or row["version"] != int(version):
        raise _stale(f"{kind.what_sv} {ident}", f"{kind.what_en} {ident}")
    return dict(row)


def save(engine, kind: Kind, ident: int | None, *, version, values: dict, username: str, today=None) -> Saved:
    """Create (ident None) or change a record from raw form values; return its id and the changes."""
    with engine.begin() as conn:
        clean = kind.check(conn, values, today or date.today())
        if ident is None:
            if version is not None:
                raise EditRefused(
                    "Formuläret gällde en befintlig post men saknar dess nummer. Läs in den igen.",
                    "The form was for an existing record but lacks its number. Load it again.",
                )
            saved = insert_checked(conn, kind, clean, username=username)
            bump_store_version(conn)  # every cached chart that shows records is made again
            return saved
        row = _current(conn, kind, ident, version)
        if row["is_example"]:
            raise EditRefused(
                f"{kind.what_sv} {ident} är exempeldata och kan inte ändras. Ta bort den och lägg in en egen.",
                f"{kind.what_en} {ident} is example data and cannot be changed. Delete it and enter your own.",
            )
        changes = [Change(k, _text(row[k]), _text(v)) for k, v in clean.items() if row[k] != v]
        if not changes:
            return Saved(ident, [])
        t = kind.table
        result = conn.execute(
            update(t).where(t.c.id == ident, t.c.version == row["version"]).values(**clean, version=row["version"] + 1)
        )
        if result.rowcount != 1:  # another save got in between our read and our write
            raise _stale(f"{kind.what_sv} {ident}", f"{kind.what_en} {ident}")
        _audit(conn, username, kind.entity, str(ident), changes)
        bump_store_version(conn)
    return Saved(ident, changes)


def remove(engine, kind: Kind, ident: int, *, version, username: str) -> list[Change]:
    """Delete a record the form loaded at version; return what it held (audited)."""
    with engine.begin() as conn:
        _current(conn, kind, ident, version)
        changes = delete_checked(conn, kind, ident, username=username)
        bump_store_version(conn)
        return changes


def save_assessment(engine, assessment_id: int | None, *, version, values: dict, username: str, today=None) -> Saved:
    """Create or change a qualitative assessment (see data.assessments.ASSESSMENT_LABELS for the fields)."""
    return save(engine, ASSESSMENT, assessment_id, version=version, values=values, username=username, today=today)


def delete_assessment(engine, assessment_id: int, *, version, username: str) -> list[Change]:
    """Delete a qualitative assessment the form loaded at version."""
    return remove(engine, ASSESSMENT, assessment_id, version=version, username=username)


def save_value_chain(engine, note_id: int | None, *, version, values: dict, username: str, today=None) -> Saved:
    """Create or change a value-chain note (see data.assessments.VALUE_CHAIN_LABELS for the fields)."""
    return save(engine, VALUE_CHAIN, note_id, version=version, values=values, username=username, today=today)


def delete_value_chain(engine, note_id: int, *, version, username: str) -> list[Change]:
    """Delete a value-chain note the form loaded at version."""
    return remove(engine, VALUE_CHAIN, note_id, version=version, username=username)
