"""Property-based: schemathesis runs every path of /api/openapi.json against the app (WSGI, no network).

Valid and invalid parameters (and extra, undocumented ones) are generated from the document; every
answer must be documented (status, content type, JSON schema) and never a 5xx, and invalid or extra
parameters must be refused with a 4xx. "Valid by the schema" cannot say everything (a region is not its
own reference, a period starts before it ends), so a 400 for such a combination is allowed; test_api.py
checks that every path's defaults give 200. The run is bounded: CASES per path and mode, fewer where
each new set of thresholds means a new strength analysis (about a second each).
"""

from __future__ import annotations

import re

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

CASES = 5  # per path and generation mode
HEAVY_CASES = 2
HEAVY = re.compile(r"^/api/(indicators/(strengths|test-areas)|charts/styrkeomraden/)")
IDENTITY = {"Accept-Encoding": "identity"}
QUIET = [HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture]


def run(operation, mode: GenerationMode, cases: int, seen: list) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=cases, deadline=None, suppress_health_check=QUIET, database=None, derandomize=True)
    def one(case):
        # The WSGI transport does not undo brotli or gzip, which the app sends to any client that accepts them.
        response = case.call_and_validate(headers=IDENTITY, excluded_checks=[positive_data_acceptance])
        seen.append((operation.path, mode.value, response.status_code))
        assert response.status_code < 500

    one()


def test_every_path_follows_its_document_under_generated_parameters(app):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app.server)
    seen: list[tuple[str, str, int]] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == len(app.server.test_client().get("/api/openapi.json").get_json()["paths"])
    for operation in operations:
        cases = HEAVY_CASES if HEAVY.match(operation.path) else CASES
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            run(operation, mode, cases, seen)
    statuses = {status for _path, _mode, status in seen}
    print(f"\nschemathesis: {len(seen)} cases over {len(operations)} paths; statuses {sorted(statuses)}")
    assert len(seen) >= 300
    assert {path for path, _m, status in seen if status == 200} == {op.path for op in operations}
    assert any(status == 400 for _p, mode, status in seen if mode == "negative")
