"""A PxWeb API on 127.0.0.1 that serves recorded responses (tests/fixtures/import), for the fetch tests.

It answers like SCB's API v1 and v2: config, metadata, and data sliced from a recorded full
JSON-stat response by the request's selection. Like SCB it refuses a request for more cells than
its config allows (403) and a v1 query whose format is not json-stat2 (400). Faults can be queued
for the next data requests: "timeout" (answers too late), 429 or 503. Every request is logged.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from tests.import_helpers import FIXTURES

V1_TABLE = "/api/v1/sv/ssd/AM/AM0207Z"
V2_TABLE = "/api/v2/tables/TAB6471"


def recorded(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def slice_cube(cube: dict, selection: dict[str, list[str]]) -> dict:
    """Return the cube narrowed to the selected codes of each dimension (all codes where none are given)."""
    ids, sizes = cube["id"], cube["size"]
    strides = [1] * len(ids)
    for i in range(len(ids) - 2, -1, -1):
        strides[i] = strides[i + 1] * sizes[i + 1]
    if any(d not in ids for d in selection):
        raise KeyError(next(d for d in selection if d not in ids))
    out = json.loads(json.dumps(cube))
    keep = []
    for d in ids:
        index = cube["dimension"][d]["category"]["index"]
        codes = selection.get(d) or list(index)
        if any(c not in index for c in codes):
            raise KeyError(d)
        keep.append([index[c] for c in codes])
        out["dimension"][d]["category"]["index"] = {c: n for n, c in enumerate(codes)}
        out["dimension"][d]["category"]["label"] = {c: cube["dimension"][d]["category"]["label"][c] for c in codes}
    out["size"] = [len(k) for k in keep]
    out["value"] = [cube["value"][sum(p * s for p, s in zip(combo, strides))] for combo in itertools.product(*keep)]
    return out


class PxWebServer:
    """Serve the recorded API from a thread; use as a context manager."""

    def __init__(self):
        self.log: list[tuple[str, str, dict | None]] = []
        self.faults: list = []
        self.config = {"v1": recorded("scb_v1_config.json"), "v2": recorded("scb_v2_config.json")}
        self.late_seconds = 2.0
        self.tables: dict[str, tuple[dict, dict]] = {}  # more v1 tables: path -> (metadata, full JSON-stat answer)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> PxWebServer:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def data_requests(self) -> list:
        return [entry for entry in self.log if entry[0] == "POST" or urlsplit(entry[1]).path.endswith("/data")]

    def answer(self, method: str, target: str, body: bytes) -> tuple[int, object]:
        parts = urlsplit(target)
        path, query = parts.path, parts.query
        payload = json.loads(body) if body else None
        self.log.append((method, target, payload))
        if path == "/api/v1/sv/" and query == "config":
            return 200, self.config["v1"]
        if path == "/api/v2/config":
            return 200, self.config["v2"]
        if path in self.tables:
            metadata, cube = self.tables[path]
            if method == "GET":
                return 200, metadata
            selection = {q["code"]: q["selection"]["values"] for q in payload["query"]}
            return self._data(cube, {k: v for k, v in selection.items() if v != ["*"]}, self.config["v1"]["maxValues"])
        if path == V1_TABLE and method == "GET":
            return 200, recorded("scb_v1_am0207_metadata.json")
        if path == f"{V2_TABLE}/metadata":
            return 200, recorded("scb_v2_tab6471_metadata.json")
        if path == V1_TABLE and method == "POST":
            if (payload.get("response") or {}).get("format") != "json-stat2":
                return 400, "Bad request: response format"
            selection = {q["code"]: q["selection"]["values"] for q in payload["query"]}
            selection = {k: v for k, v in selection.items() if v != ["*"]}
            return self._data("scb_v1_am0207_sysselsatta.json", selection, self.config["v1"]["maxValues"])
        if path == f"{V2_TABLE}/data":
            params = dict(parse_qsl(query))
            if params.get("outputFormat") != "json-stat2":
                return 400, "Bad request: outputFormat"
            pattern = re.compile(r"^valueCodes\[(.+)\]$")
            selection = {pattern.match(k).group(1): v.split(",") for k, v in params.items() if pattern.match(k)}
            selection = {k: v for k, v in selection.items() if v != ["*"]}
            return self._data("scb_v2_tab6471_data.json", selection, self.config["v2"]["maxDataCells"])
        return 404, "Not found"

    def _data(self, name: str | dict, selection: dict, max_cells: int) -> tuple[int, object]:
        if self.faults:
            fault = self.faults.pop(0)
            if fault == "timeout":
                time.sleep(self.late_seconds)
            else:
                return fault, "Too many requests"
        try:
            cube = slice_cube(recorded(name) if isinstance(name, str) else name, selection)
        except KeyError as exc:
            return 400, f"Bad request: no variable or value {exc}"
        cells = 1
        for n in cube["size"]:
            cells *= n
        if cells > max_cells:
            return 403, "Forbidden: too many cells"
        return 200, cube

    def _handler(self):
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _reply(self, method: str) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, content = outer.answer(method, self.path, body)
                data = (json.dumps(content) if not isinstance(content, str) else content).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    if status == 429:
                        self.send_header("Retry-After", "0")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
                    pass

            def do_GET(self):
                self._reply("GET")

            def do_POST(self):
                self._reply("POST")

            def log_message(self, *args):
                pass

        return Handler
