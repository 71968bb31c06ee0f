"""Manage the users who may sign in: python -m data add-user | list-users | reset-password | remove-user.

The password is asked for at the prompt (twice), or read from standard input for scripts;
it is stored hashed with werkzeug's scrypt, never in plain text. A new password or removing a
user ends that user's sessions at once, on every worker and machine.
"""

from __future__ import annotations

import getpass
import re
import sys
from datetime import UTC, datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from werkzeug.security import check_password_hash, generate_password_hash

from . import schema as s
from .meta import ensure_bookkeeping
from .sessions import end_user_sessions
from .store import database_url, engine_for, sqlite_path

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


def list_users(engine) -> list[tuple]:
    """Return (username, role, created, open sessions) for every user, by name."""
    u, ss = s.app_user, s.user_session
    sessions = select(ss.c.user_id, func.count().label("n")).group_by(ss.c.user_id).subquery()
    q = (
        select(u.c.username, u.c.role, u.c.created, func.coalesce(sessions.c.n, 0))
        .outerjoin(sessions, sessions.c.user_id == u.c.id)
        .order_by(u.c.username)
    )
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(q).all()]


def _user_id(conn, username: str) -> int:
    found = conn.execute(select(s.app_user.c.id).where(s.app_user.c.username == username)).scalar()
    if found is None:
        raise UserError(f"Användaren {username!r} finns inte (se python -m data list-users).")
    return found


def reset_password(engine, username: str, password: str) -> int:
    """Give a user a new password and end the user's sessions; return how many sessions ended."""
    validate(username, ROLES[0], password)
    u = s.app_user
    with engine.begin() as conn:
        user_id = _user_id(conn, username)
        conn.execute(
            update(u).where(u.c.id == user_id).values(password_hash=generate_password_hash(password, method="scrypt"))
        )
        return end_user_sessions(conn, user_id)


def remove_user(engine, username: str) -> int:
    """Remove a user and end the user's sessions; return how many sessions ended."""
    with engine.begin() as conn:
        user_id = _user_id(conn, username)
        ended = end_user_sessions(conn, user_id)
        conn.execute(delete(s.app_user).where(s.app_user.c.id == user_id))
        return ended


def add_arguments(sub) -> None:
    db_help = "SQLAlchemy URL (default: DATABASE_URL or data/s3.sqlite)"
    p = sub.add_parser("add-user", help="skapa en användare som kan logga in (lösenordet frågas efter)")
    p.add_argument("username", metavar="NAME", help="användarnamn")
    p.add_argument("--role", choices=ROLES, required=True, help="manager = projektledare som får redigera")
    p.add_argument("--password-stdin", action="store_true", help="läs lösenordet från standard in (för skript)")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=run)
    p = sub.add_parser("list-users", help="visa användarna, deras roller och öppna inloggningar")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=run_list)
    p = sub.add_parser("reset-password", help="ge en användare ett nytt lösenord (avslutar användarens inloggningar)")
    p.add_argument("username", metavar="NAME", help="användarnamn")
    p.add_argument("--password-stdin", action="store_true", help="läs lösenordet från standard in (för skript)")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=run_reset)
    p = sub.add_parser("remove-user", help="ta bort en användare (avslutar användarens inloggningar)")
    p.add_argument("username", metavar="NAME", help="användarnamn")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=run_remove)


def _engine(args):
    url = database_url(args.db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(f"Databasen {path} finns inte: kör först python -m data build.")
    engine = engine_for(url)
    try:
        ensure_bookkeeping(engine)  # a store built before sessions existed
    except OperationalError:
        raise UserError("Databasen kan inte öppnas eller är inte byggd: kör först python -m data build.") from None
    return engine


def _failed(exc: Exception) -> int:
    if isinstance(exc, OperationalError):
        exc = UserError("Databasen saknas eller är inte byggd: kör först python -m data build.")
    print(f"Fel: {exc}", file=sys.stderr)
    return 1


def run(args) -> int:
    try:
        validate(args.username, args.role, "x" * MIN_PASSWORD)
        password = read_password(args.password_stdin)
        create_user(_engine(args), args.username, args.role, password)
    except UserError as exc:
        return _failed(exc)
    print(f"Skapade användaren {args.username} med rollen {args.role}.", file=sys.stderr)
    return 0


def run_list(args) -> int:
    try:
        rows = list_users(_engine(args))
    except (UserError, OperationalError) as exc:
        return _failed(exc)
    if not rows:
        print("Inga användare. Skapa en med: python -m data add-user NAMN --role manager", file=sys.stderr)
    for name, role, created, sessions in rows:
        print(f"{name}\t{role}\tskapad {created:%Y-%m-%d}\t{sessions} inloggning(ar)")
    return 0


def run_reset(args) -> int:
    try:
        validate(args.username, ROLES[0], "x" * MIN_PASSWORD)
        with _engine(args).connect() as conn:
            _user_id(conn, args.username)  # say so before asking for a password
        ended = reset_password(_engine(args), args.username, read_password(args.password_stdin))
    except (UserError, OperationalError) as exc:
        return _failed(exc)
    print(f"Nytt lösenord för {args.username}; {ended} inloggning(ar) avslutades.", file=sys.stderr)
    return 0


def run_remove(args) -> int:
    try:
        ended = remove_user(_engine(args), args.username)
    except (UserError, OperationalError) as exc:
        return _failed(exc)
    print(f"Tog bort {args.username}; {ended} inloggning(ar) avslutades.", file=sys.stderr)
    return 0
