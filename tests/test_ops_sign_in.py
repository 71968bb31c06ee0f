"""Sign-in on SQLite and on PostgreSQL with Redis: a key every worker shares, limits a stranger cannot turn on the
manager, sessions that end on the server."""

from __future__ import annotations

import io
import sys
import threading
from datetime import timedelta

import pytest
from sqlalchemy import select, update

import auth.views
from data import schema as s
from data.store import engine_for
from tests.import_helpers import run_cli
from tests.milstolpar_support import PASSWORD, SAVE_VALUES, add_user, app_on, dash_post, dash_text, sign_in

STRANGER, MANAGER_HOME = "203.0.113.9", "198.51.100.7"


@pytest.fixture(scope="module")
def users(backend_url):
    assert add_user(backend_url, "projektledare", "manager") == 0
    assert add_user(backend_url, "kollega", "manager") == 0
    return backend_url


@pytest.fixture(scope="module")
def config(backend_config, users) -> dict:
    return {**backend_config, "SECRET_KEY": None}  # no key set: it comes from the store


@pytest.fixture()
def two_workers(config):
    """Two apps on one store and one limit store, as two gunicorn workers (or machines) would be."""
    apps = [app_on(config["DATABASE_URL"], **config), app_on(config["DATABASE_URL"], **config)]
    apps[0].server.extensions["s3_sign_in_throttle"].reset()
    return apps


def client(app, address: str):
    c = app.server.test_client()
    c.environ_base["REMOTE_ADDR"] = address
    return c


def can_edit(c) -> bool:
    answer = dash_text(dash_post(c, "milstolpar-edit-message", SAVE_VALUES, "milstolpar-edit-save.n_clicks"))
    return "Du måste vara inloggad" not in answer


def test_two_workers_without_a_secret_key_sign_alike(two_workers):
    first, second = two_workers
    assert first.server.secret_key == second.server.secret_key and len(first.server.secret_key) >= 32
    c = client(first, MANAGER_HOME)
    assert sign_in(c, "projektledare").status_code == 303
    cookie = c.get_cookie("session")
    other = client(second, MANAGER_HOME)
    other.set_cookie("session", cookie.value)
    assert can_edit(other)  # the second worker knows the first one's sign-in


def test_a_strangers_failed_sign_ins_never_stop_the_manager(two_workers):
    first, second = two_workers
    stranger = client(first, STRANGER)
    answers = [sign_in(stranger, "projektledare", f"gissning{i}").status_code for i in range(40)]
    assert answers[:3] == [401] * 3 and set(answers[3:]) == {429}  # the stranger waits, and waits longer
    manager = client(second, MANAGER_HOME)
    assert sign_in(manager, "projektledare").status_code == 303
    assert can_edit(manager)


def test_concurrent_attempts_from_one_address_do_not_all_get_their_password_checked(two_workers, monkeypatch):
    checked, lock = [], threading.Lock()
    real = auth.views.authenticate

    def counting(conn, username, password):
        with lock:
            checked.append(username)
        return real(conn, username, password)

    monkeypatch.setattr(auth.views, "authenticate", counting)
    statuses, barrier = [], threading.Barrier(40, timeout=30)

    def attempt(i: int):
        c = client(two_workers[i % 2], STRANGER)
        c.get("/logga-in")
        barrier.wait()
        statuses.append(sign_in(c, "projektledare" if i % 2 else f"namn{i}", "gissning").status_code)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(statuses) == 40
    assert len(checked) <= 10  # SIGN_IN_ADDRESS_LIMIT: 10 a minute from one address, whatever the workers
    assert statuses.count(429) == 40 - len(checked)


def test_a_cookie_replayed_after_signing_out_is_worth_nothing(two_workers):
    first, second = two_workers
    c = client(first, MANAGER_HOME)
    assert sign_in(c, "projektledare").status_code == 303
    stolen = c.get_cookie("session").value
    token = c.get("/logga-in").get_data(as_text=True).split('name="csrf_token" value="')[1].split('"')[0]
    assert c.post("/logga-ut", data={"csrf_token": token}).status_code == 303
    thief = client(second, STRANGER)
    thief.set_cookie("session", stolen)
    assert not can_edit(thief)


@pytest.mark.parametrize(
    "column, age",
    [
        ("last_seen", timedelta(minutes=31)),  # idle longer than SESSION_IDLE_MINUTES (30)
        ("created", timedelta(hours=12, minutes=1)),  # older than SESSION_LIFETIME_HOURS (12)
    ],
)
def test_a_session_ends_when_idle_too_long_or_too_old(two_workers, backend_url, column, age):
    c = client(two_workers[0], MANAGER_HOME)
    assert sign_in(c, "projektledare").status_code == 303
    assert can_edit(c)
    ss = s.user_session
    with engine_for(backend_url).begin() as conn:
        (when,) = conn.execute(select(ss.c[column]).order_by(ss.c.created.desc()).limit(1)).one()
        conn.execute(update(ss).where(ss.c[column] == when).values({column: when - age}))
    assert not can_edit(c)


@pytest.mark.parametrize("command", [["remove-user", "kollega"], ["reset-password", "kollega", "--password-stdin"]])
def test_removing_a_user_or_a_new_password_ends_the_users_sessions(two_workers, backend_url, command, monkeypatch):
    add_user(backend_url, "kollega", "manager")  # again after the remove-user case (refused while it exists)
    c = client(two_workers[0], MANAGER_HOME)
    assert sign_in(c, "kollega").status_code == 303 and can_edit(c)
    monkeypatch.setattr(sys, "stdin", io.StringIO("ett-nytt-lösenord-7\n"))
    code, _out, err = run_cli(*command, "--db", backend_url)
    assert code == 0 and "1 inloggning(ar) avslutades" in err
    assert not can_edit(c)  # the same cookie, on its next request


def test_list_users_names_users_roles_and_open_sessions(two_workers, backend_url):
    c = client(two_workers[0], MANAGER_HOME)
    assert sign_in(c, "projektledare").status_code == 303
    code, out, _err = run_cli("list-users", "--db", backend_url)
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("projektledare\t"))
    assert "\tmanager\t" in line and "inloggning" in line
    assert run_cli("remove-user", "ingen-sadan", "--db", backend_url)[0] == 1


def test_the_password_is_still_right_after_all_this(two_workers):
    assert sign_in(client(two_workers[1], "192.0.2.44"), "projektledare", PASSWORD).status_code == 303


def test_an_export_limit_holds_across_workers_not_once_per_worker(config):
    limits = dict(config, EXPORT_RATELIMIT_ENABLED=True, EXPORT_LIMIT_DATA="3/minute")
    apps = [app_on(config["DATABASE_URL"], **limits) for _ in range(2)]
    apps[0].server.extensions["s3_export_limiter"].reset()
    answers = [client(apps[i % 2], "203.0.113.77").get("/export/start/employment.csv").status_code for i in range(6)]
    assert answers == [200, 200, 200, 429, 429, 429]  # 3 in all, not 3 per worker
