"""Answer malformed Dash callback requests with 400 before Dash's dispatch sees them.

Dash trusts the body of POST /_dash-update-component: a missing `output`, an unknown one, inputs
of the wrong shape or count, or JSON nested thousands deep each end in a 500 from inside Dash.
check_dash_request() refuses them with 400 and a short reason. It checks the request's shape
only; whether a value suits a callback (types, ranges) is the callback's to check.

What still escapes from Dash's own code during a callback request (never from ours, which
stays a 500 and is logged as a defect) is answered with 400 as well.
"""

from __future__ import annotations

import logging
from pathlib import Path

import flask
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)
DASH_APP = "s3_dash_app"
CALLBACK_PATH = "/_dash-update-component"
MAX_NAME = 2000  # characters in an output, id or property name
MAX_CHANGED = 200  # changedPropIds entries
PROJECT_DIR = Path(__file__).resolve().parent.parent


class Malformed(ValueError):
    """A callback request whose body is not what Dash's renderer sends; the message says what."""


def _bad(reason: str) -> flask.Response:
    log.info("refused callback request: %s", reason[:300])
    return flask.Response(f"Bad request: {reason}\n", status=400, content_type="text/plain; charset=utf-8")


def _depth_within(value, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return True


def _name(value, what: str) -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_NAME:
        raise Malformed(f"{what} must be a non-empty string of at most {MAX_NAME} characters")
    return value


def _is_pattern(declared: dict | None) -> bool:
    ident = None if declared is None else declared.get("id")
    return isinstance(ident, dict) or (isinstance(ident, str) and ident.startswith("{"))  # Dash keeps it as JSON


def _check_ref(item, declared: dict | None, what: str) -> None:
    """Check one input, state or output reference {id, property[, value]} against its declaration."""
    if isinstance(item, list):  # a pattern-matching ALL: a list of references
        if declared is not None and not _is_pattern(declared):
            raise Malformed(f"{what} is a list, but the callback declares one component")
        for sub in item:
            if not isinstance(sub, dict):
                raise Malformed(f"{what} must hold objects")
            _check_ref(sub, None, what)
        return
    if not isinstance(item, dict):
        raise Malformed(f"{what} must be an object with id and property")
    ident, prop = item.get("id"), item.get("property")
    if not isinstance(ident, dict):
        _name(ident, f"{what}.id")
    _name(prop, f"{what}.property")
    if declared is not None and not _is_pattern(declared):
        if ident != declared.get("id") or prop != declared.get("property"):
            raise Malformed(f"{what} is not the callback's {declared.get('id')}.{declared.get('property')}")


def _check_list(body: dict, key: str, declared: list[dict]) -> None:
    given = body.get(key, [])
    if not isinstance(given, list):
        raise Malformed(f"{key} must be a list")
    if len(given) != len(declared):
        raise Malformed(f"{key} has {len(given)} entries; the callback takes {len(declared)}")
    for i, (item, decl) in enumerate(zip(given, declared)):
        _check_ref(item, decl, f"{key}[{i}]")


def _check_outputs(body: dict, output: str, callback: dict) -> None:
    outputs = body.get("outputs")
    if callback.get("no_output") and not outputs:
        return
    if output.startswith(".."):  # several outputs: "..a.children...b.style.."
        count = len(output.strip(".").split("..."))
        if not isinstance(outputs, list) or len(outputs) != count:
            raise Malformed(f"outputs must be a list of {count} entries")
        for i, item in enumerate(outputs):
            _check_ref(item, None, f"outputs[{i}]")
    else:
        _check_ref(outputs, None, "outputs")


def check_body(body, callback_map, max_depth: int) -> None:
    """Raise Malformed unless body has the shape Dash's renderer sends for a known callback."""
    if not isinstance(body, dict):
        raise Malformed("the body must be a JSON object")
    if not _depth_within(body, max_depth):
        raise Malformed(f"the JSON is nested deeper than {max_depth} levels")
    output = body.get("output")
    if not isinstance(output, str) or not output:
        raise Malformed("output must be a non-empty string")
    callback = callback_map.get(output)  # a view's one callback names every card's outputs: it may be long
    if callback is None:
        raise Malformed("no callback has this output")
    _check_outputs(body, output, callback)
    _check_list(body, "inputs", callback.get("inputs", []))
    _check_list(body, "state", callback.get("state", []))
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or len(changed) > MAX_CHANGED:
        raise Malformed(f"changedPropIds must be a list of at most {MAX_CHANGED} names")
    for name in changed:
        _name(name, "changedPropIds[]")


def check_dash_request():
    request = flask.request
    if request.method != "POST" or not request.path.endswith(CALLBACK_PATH):
        return None
    dash_app = flask.current_app.extensions.get(DASH_APP)
    if dash_app is None:  # web.finish(app) not called: leave it to Dash (and the error handler)
        return None
    if not request.is_json:
        return _bad("the body must be JSON (Content-Type: application/json)")
    try:
        body = request.get_json()
    except RecursionError:
        return _bad("the JSON is nested too deep")
    except HTTPException as exc:  # invalid JSON (400), too large (413)
        return exc
    try:
        check_body(body, dash_app.callback_map, int(flask.current_app.config.get("DASH_MAX_DEPTH", 32)))
    except Malformed as exc:
        return _bad(str(exc))
    return None


def _raised_by_dash(exc: BaseException) -> bool:
    """Tell whether an exception came from Dash's code alone, before or around our callback, not from it."""
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.startswith(str(PROJECT_DIR)) and "site-packages" not in filename:
            return False
        tb = tb.tb_next
    return True


def server_error(error):
    """Answer a 500 of a callback request that Dash itself raised with 400; leave every other 500 alone."""
    original = getattr(error, "original_exception", None)
    if original is not None and flask.request.path.endswith(CALLBACK_PATH) and _raised_by_dash(original):
        return _bad(f"Dash could not read the request ({type(original).__name__})")
    return error


def _quiet_for_bad_requests(log_exception):
    """Log a callback request that Dash could not read in one line, not as an error with a traceback."""

    def log_exception_unless_bad_request(exc_info):
        exc = exc_info[1]
        if flask.has_request_context() and flask.request.path.endswith(CALLBACK_PATH) and _raised_by_dash(exc):
            log.info("callback request Dash could not read: %s: %s", type(exc).__name__, str(exc)[:300])
            return
        log_exception(exc_info)

    return log_exception_unless_bad_request


def init_app(server) -> None:
    server.before_request(check_dash_request)
    server.register_error_handler(500, server_error)
    server.log_exception = _quiet_for_bad_requests(server.log_exception)
