"""Help the Milstolpar tests: a private copy of the store, users made by the real command, Dash POSTs."""

from __future__ import annotations

import io
import json
import re
import sys

from app import create_app
from data.__main__ import main as data_cli
from data.store import copy_sqlite, sqlite_path
from tests.dash_json import post_callback

PASSWORD = "rätt-lösenord-42"
# The edit form's values for a save of milestone 13 (the answer says whether the sender may edit).
SAVE_VALUES = {
    "milstolpar-edit-milestone.value": "13",
    "milstolpar-edit-status.value": "klar",
    "milstolpar-edit-date.value": "2018-03-20",
    "milstolpar-edit-comment.value": "Klar",
    "milstolpar-edit-loaded.data": {"id": 13, "version": 1},
    "milstolpar-revision.data": 0,
    "milstolpar-edit-save.n_clicks": 1,
    "shell-url.search": "",
}


def copy_store(store_url: str, directory) -> str:
    """Return the URL of a copy of the session's store, so edits here cannot disturb other tests."""
    target = directory / "milstolpar.sqlite"
    copy_sqlite(sqlite_path(store_url), target)  # the backup API: consistent in WAL mode too
    return f"sqlite:///{target}"


def app_on(url: str, **config):
    return create_app({"DATABASE_URL": url, "TESTING": True, "SECRET_KEY": "test", **config})


def add_user(url: str, name: str, role: str = "manager", password: str = PASSWORD) -> int:
    """Create a user through `python -m data add-user NAME --role ROLE --password-stdin`; return its exit code."""
    old = sys.stdin
    sys.stdin = io.StringIO(password + "\n")
    try:
        return data_cli(["add-user", name, "--role", role, "--password-stdin", "--db", url])
    finally:
        sys.stdin = old


def csrf_from(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def sign_in(client, name: str, password: str = PASSWORD, *, next_path: str = "/milstolpar"):
    """Post the sign-in form as a browser would (token from the page first); return the response."""
    token = csrf_from(client.get("/logga-in").get_data(as_text=True))
    return client.post(
        "/logga-in", data={"username": name, "password": password, "csrf_token": token, "next": next_path}
    )


def dash_post(client, output_id: str, values: dict, changed: str):
    """POST to /_dash-update-component with a Flask test client, as the page would."""
    return post_callback(client, output_id, values, changed)


def dash_text(response) -> str:
    """Return a Dash callback response as readable text (å, ä, ö unescaped)."""
    return json.dumps(response.get_json(), ensure_ascii=False)
