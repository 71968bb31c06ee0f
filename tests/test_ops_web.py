"""The public face of the server: bad callback requests get 400, other sites cannot post, headers, health, logs."""

from __future__ import annotations

import json
import logging
import re

import pytest

from app import create_app
from tests.milstolpar_support import app_on, copy_store

EVIL = "https://evil.example"


@pytest.fixture(scope="module")
def deps(app):
    return json.loads(app.server.test_client().get("/_dash-dependencies").get_data(as_text=True))


def plain(dep: dict) -> bool:
    """Tell whether a callback runs on the server and has plain ids (the easiest to post by hand)."""
    refs = dep["inputs"] + dep["state"]
    return bool(refs) and not dep.get("clientside_function") and "{" not in dep["output"]  # '{': pattern ids


def outputs_of(dep: dict) -> list[dict]:
    """Return the outputs of a dependency as the renderer names them: '..a.children...b.data..' is two."""
    text = dep["output"]
    parts = text[2:-2].split("...") if text.startswith("..") else [text]
    return [dict(zip(("id", "property"), part.rsplit(".", 1))) for part in parts]


@pytest.fixture(scope="module")
def good_body(deps) -> dict:
    """Return a well-formed request for one of the app's own callbacks, as the renderer would send it."""
    dep = next(d for d in deps if plain(d) and d["inputs"][0]["id"] == "shell-url")
    outputs = outputs_of(dep)
    return {
        "output": dep["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": [{**i, "value": None} for i in dep["inputs"]],
        "state": [{**s, "value": None} for s in dep["state"]],
        "changedPropIds": [f"{dep['inputs'][0]['id']}.{dep['inputs'][0]['property']}"],
    }


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def post(client, body, **headers):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post("/_dash-update-component", data=data, headers={"Content-Type": "application/json", **headers})


def test_a_well_formed_callback_request_is_answered(client, good_body):
    assert post(client, good_body).status_code in (200, 204)


HOSTILE = [
    # name, change to the good body (a function of it), expected status
    ("not JSON at all", lambda b: "output=x", 400),
    ("JSON nested 10,000 deep", lambda b: nested(10_000), 400),
    ("a value nested 100 deep", lambda b: {**b, "inputs": [{**b["inputs"][0], "value": json.loads(nested(100))}]}, 400),
    ("a list, not an object", lambda b: [b], 400),
    ("no output", lambda b: {k: v for k, v in b.items() if k != "output"}, 400),
    ("output a number", lambda b: {**b, "output": 5}, 400),
    ("an output no callback has", lambda b: {**b, "output": "nobody.children"}, 400),
    ("a 100 kB output name", lambda b: {**b, "output": "x" * 100_000}, 400),
    ("outputs a string", lambda b: {**b, "outputs": "shell"}, 400),
    ("no inputs", lambda b: {k: v for k, v in b.items() if k != "inputs"}, 400),
    ("one input too many", lambda b: {**b, "inputs": b["inputs"] + b["inputs"][:1]}, 400),
    ("inputs of numbers", lambda b: {**b, "inputs": [1] * len(b["inputs"])}, 400),
    (
        "an input of another component",
        lambda b: {**b, "inputs": [{**b["inputs"][0], "id": "x"}] + b["inputs"][1:]},
        400,
    ),
    ("an input as a list", lambda b: {**b, "inputs": [[b["inputs"][0]]] + b["inputs"][1:]}, 400),
    ("state of the wrong length", lambda b: {**b, "state": b["state"] + [{"id": "a", "property": "b"}]}, 400),
    ("changedPropIds a string", lambda b: {**b, "changedPropIds": "shell-url.search"}, 400),
    ("changedPropIds of numbers", lambda b: {**b, "changedPropIds": [1, 2]}, 400),
    ("a body over MAX_CONTENT_LENGTH", lambda b: {**b, "pad": "x" * (2 * 1024 * 1024)}, 413),
]


@pytest.mark.parametrize("name, hostile, status", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_malformed_callback_request_gets_a_4xx_in_words_never_a_500(client, good_body, name, hostile, status):
    response = post(client, hostile(good_body))
    assert response.status_code == status, name
    text = response.get_data(as_text=True)
    assert "Traceback" not in text and len(text) < 2000


def test_a_log_line_never_carries_a_whole_hostile_value(client, good_body, caplog):
    caplog.set_level(logging.INFO)
    post(client, {**good_body, "output": "y" * 500_000})
    assert caplog.records and max(len(r.getMessage()) for r in caplog.records) < 2000


def test_the_truncating_filter_cuts_messages_and_tracebacks():
    from web.requestlog import TruncatingFilter

    try:
        raise KeyError("z" * 100_000)
    except KeyError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "value %s", ("q" * 100_000,), sys.exc_info())
    assert TruncatingFilter(500).filter(record)
    assert len(record.getMessage()) < 600 and "characters left out" in record.getMessage()
    assert len(record.exc_text) < 5100


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": EVIL},  # a page on another site posting with the reader's cookies
        {"Origin": "null"},  # a sandboxed frame or a privacy redirect
        {"Referer": EVIL + "/page"},  # an older browser that sends only the Referer
    ],
)
def test_a_post_from_another_site_is_refused(client, good_body, headers):
    assert post(client, good_body, **headers).status_code == 403
    assert client.post("/logga-in", data={"username": "x"}, headers=headers).status_code == 403


def test_a_post_from_the_sites_own_pages_passes(client, good_body):
    assert post(client, good_body, Origin="http://localhost").status_code in (200, 204)
    assert post(client, good_body, Referer="http://localhost/styrkeomraden").status_code in (200, 204)


@pytest.mark.parametrize("path", ["/", "/healthz", "/logga-in", "/assets/10-style.css", "/finns-inte"])
def test_every_response_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self' 'sha256-" in csp  # Dash's own inline scripts by their hashes, nothing else inline
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp and "'unsafe-eval'" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"


def test_embed_origins_let_the_regions_sites_frame_the_charts(store_url, tmp_path):
    app = app_on(copy_store(store_url, tmp_path), EMBED_ORIGINS="'self' https://www.regionvarmland.se")
    headers = app.server.test_client().get("/").headers
    assert "frame-ancestors 'self' https://www.regionvarmland.se" in headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in headers


def test_behind_a_proxy_cookies_are_secure_and_the_clients_address_is_used(store_url, tmp_path):
    app = app_on(copy_store(store_url, tmp_path), PROXY_FIX=1)
    c = app.server.test_client()
    https = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.50", "X-Forwarded-Host": "s3.example.se"}
    page = c.get("/logga-in", headers=https)
    assert "Secure" in page.headers["Set-Cookie"] and "HttpOnly" in page.headers["Set-Cookie"]
    assert "Secure" not in app.server.test_client().get("/logga-in").headers["Set-Cookie"]  # plain http
    token = page.get_data(as_text=True).split('name="csrf_token" value="')[1].split('"')[0]
    for _ in range(3):
        c.post("/logga-in", data={"username": "a", "password": "b", "csrf_token": token}, headers=https)
    refused = c.post("/logga-in", data={"username": "a", "password": "b", "csrf_token": token}, headers=https)
    assert refused.status_code == 429
    other = {**https, "X-Forwarded-For": "203.0.113.51"}  # another client behind the same proxy
    assert (
        c.post("/logga-in", data={"username": "a", "password": "b", "csrf_token": token}, headers=other).status_code
        == 401
    )


def test_healthz_says_the_store_answers_and_its_version(client, engine):
    from data.meta import store_version

    body = client.get("/healthz").get_json()
    with engine.connect() as conn:
        assert body["store"] == {"reachable": True, "version": store_version(conn), "dialect": "sqlite"}
    assert body["status"] == "ok"


def test_healthz_answers_503_without_a_traceback_when_the_store_is_gone(tmp_path):
    app = app_on(f"sqlite:///{tmp_path / 'finns-inte' / 's3.sqlite'}")
    response = app.server.test_client().get("/healthz")
    assert response.status_code == 503 and response.get_json()["store"]["reachable"] is False
    assert "Traceback" not in response.get_data(as_text=True)


def test_each_request_gets_one_log_line_with_method_path_status_and_time(client, caplog):
    caplog.set_level(logging.INFO, logger="s3.request")
    client.get("/healthz?x=1")
    lines = [r.getMessage() for r in caplog.records if r.name == "s3.request"]
    assert len(lines) == 1 and lines[0].startswith("GET /healthz 200 ") and lines[0].endswith(" ms")


def test_every_server_setting_is_documented_in_the_readme():
    from pathlib import Path

    from web.settings import from_environment

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    missing = [key for key in from_environment() if f"`{key}`" not in readme]
    assert missing == []


def test_an_exception_from_dashs_own_code_gets_400_and_a_quiet_log_line_one_from_ours_stays_a_500(caplog):
    import flask

    import web.guard

    namespace: dict = {}  # code whose frames lie outside the project, as Dash's dispatch does
    exec(
        compile("def dispatch(): raise KeyError('Callback function not found')", "/usr/lib/dash/x.py", "exec"),
        namespace,
    )

    def ours():
        raise AttributeError("'int' object has no attribute 'lstrip'")

    server = flask.Flask("guard-test")
    web.guard.init_app(server)
    server.add_url_rule("/_dash-update-component", "dash", namespace["dispatch"], methods=["POST"])
    server.add_url_rule("/x/_dash-update-component", "ours", ours, methods=["POST"])
    caplog.set_level(logging.INFO)
    client = server.test_client()
    response = client.post("/_dash-update-component", json={})
    assert response.status_code == 400 and "Dash could not read the request (KeyError)" in response.get_data(
        as_text=True
    )
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert client.post("/x/_dash-update-component", json={}).status_code == 500  # a defect of ours: logged as one
    assert [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_the_first_concurrent_callbacks_of_a_new_worker_all_find_their_callback(store_url, tmp_path, good_body):
    import threading

    app = app_on(copy_store(store_url, tmp_path))  # a fresh worker: nothing served yet
    statuses, barrier = [], threading.Barrier(16, timeout=20)

    def first_request():
        c = app.server.test_client()
        barrier.wait()
        statuses.append(post(c, good_body).status_code)

    threads = [threading.Thread(target=first_request) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(set(statuses)) in ([200], [204], [200, 204]) and len(statuses) == 16


def test_make_dev_starts_with_dashs_debugging_tools_and_no_call_to_another_host(store_url):
    # `make dev` (DASH_DEBUG=1 python app.py) failed at start-up: Dash's tools came after the first request.
    dev = create_app({"DATABASE_URL": store_url, "TESTING": True, "SECRET_KEY": "test", "DASH_DEBUG": True})
    page = dev.server.test_client().get("/styrkeomraden")
    assert page.status_code == 200
    config = json.loads(
        re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', page.text).group(1)
    )
    assert config["ui"] is True and config["props_check"] is True
    assert config["disable_version_check"] is True  # the tools would ask plotly.com for Dash's newest version


def test_a_browser_may_keep_a_file_a_year_when_its_address_carries_its_version(client):
    page = client.get("/").get_data(as_text=True)
    icon = re.search(r'href="(/_favicon\.ico\?v=[^"]+)"', page).group(1)  # Dash's: fetched whole on every visit before
    asset = re.search(r'href="(/assets/[^"]+\?m=[^"]+)"', page).group(1)
    for address in (icon, asset):
        assert client.get(address).headers.get("Cache-Control") == "public, max-age=31536000, immutable", address
    assert "immutable" not in (client.get("/_favicon.ico").headers.get("Cache-Control") or "")
