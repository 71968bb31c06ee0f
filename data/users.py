"""Create users who may sign in: python -m data add-user NAME --role manager [--password-stdin].

The password is asked for at the prompt (twice), or read from standard input for scripts;
it is stored hashed with werkzeug's scrypt, never in plain text.
"""

from __future__ import annotations

import getpass
import re
import sys
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError, OperationalError
from werkzeug.security import check_password_hash, generate_password_hash

from . import schema as s
from .store import database_url, engine_for

ROLES = ("manager", "viewer")
USERNAME = re.compile(r"^[A-Za-z0-9._@-]{2,80}$")
MIN_PASSWORD = 10
# Checked when the username is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not a real password, only for timing")


class UserError(ValueError):
    """A user that cannot be created, with the reason in Swedish."""


def validate(username: str, role: str, password: str) -> None:
    """Refuse a bad username, role or password with a message that says what is wrong."""
    if not USERNAME.match(username or ""):
        raise UserError(f"Ogiltigt användarnamn {username!r}: 2–80 tecken, bara bokstäverna a–z, siffror och . _ @ -.")
    if role not in ROLES:
        raise UserError(f"Okänd roll {role!r}; välj {' eller '.join(ROLES)}.")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"Lösenordet är för kort: minst {MIN_PASSWORD} tecken.")


def create_user(engine, username: str, role: str, password: str) -> None:
    """Store a new user with a hashed password; refuse an existing name."""
    validate(username, role, password)
    row = dict(
        username=username,
        password_hash=generate_password_hash(password, method="scrypt"),
        role=role,
        created=datetime.now(UTC).replace(tzinfo=None, microsecond=0),
    )
    try:
        with engine.begin() as conn:
            conn.execute(insert(s.app_user), [row])
    except IntegrityError:
        raise UserError(f"Användaren {username!r} finns redan.") from None
    except OperationalError:
        raise UserError("Databasen saknas eller är inte byggd: kör först python -m data build.") from None


def user_by_id(conn, user_id: int):
    """Return the user row (id, username, role) or None."""
    u = s.app_user
    return conn.execute(select(u.c.id, u.c.username, u.c.role).where(u.c.id == user_id)).first()


def authenticate(conn, username: str, password: str):
    """Return the user row (id, username, role) if the password is right, else None."""
    u = s.app_user
    row = conn.execute(
        select(u.c.id, u.c.username, u.c.role, u.c.password_hash).where(u.c.username == username)
    ).first()
    if row is None:
        check_password_hash(_DUMMY_HASH, password or "")
        return None
    return row if check_password_hash(row.password_hash, password or "") else None


def read_password(from_stdin: bool) -> str:
    """Return the password from standard input (first line) or from the prompt, asked twice."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Lösenord: ")
    if getpass.getpass("Samma lösenord igen: ") != first:
        raise UserError("Lösenorden var inte lika.")
    return first


def add_arguments(sub) -> None:
    p = sub.add_parser("add-user", help="skapa en användare som kan logga in (lösenordet frågas efter)")
    p.add_argument("username", metavar="NAME", help="användarnamn")
    p.add_argument("--role", choices=ROLES, required=True, help="manager = projektledare som får redigera")
    p.add_argument("--password-stdin", action="store_true", help="läs lösenordet från standard in (för skript)")
    p.add_argument("--db", help="SQLAlchemy URL (default: DATABASE_URL or data/s3.sqlite)")
    p.set_defaults(func=run)


def run(args) -> int:
    try:
        validate(args.username, args.role, "x" * MIN_PASSWORD)
        password = read_password(args.password_stdin)
        create_user(engine_for(database_url(args.db)), args.username, args.role, password)
    except UserError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
    print(f"Skapade användaren {args.username} med rollen {args.role}.", file=sys.stderr)
    return 0
