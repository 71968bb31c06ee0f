"""Serve each chart's data as a file: /export/<view>/<chart>.<format>?<filters>.

Bad filters get a 400 that names the parameter; unknown charts a 404.
"""

from __future__ import annotations

import io
import sys

import flask

from layouts.params import InvalidParam, query_dict

from . import registry

bp = flask.Blueprint("exports", __name__)


def _error(status: int, message: str):
    return flask.Response(message + "\n", status=status, mimetype="text/plain; charset=utf-8")


def csv_bytes(spec) -> bytes:
    """Return the chart's table as UTF-8 CSV with a byte-order mark, so Excel reads å, ä, ö."""
    buffer = io.StringIO()
    spec.table.to_csv(buffer, index=False)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


FORMATS = {"csv": ("text/csv; charset=utf-8", csv_bytes)}


@bp.get("/export/<view>/<key>.<fmt>")
def export_chart(view: str, key: str, fmt: str):
    if fmt not in FORMATS:
        return _error(404, f"Okänt format: {fmt}. Finns: {', '.join(sorted(FORMATS))}.")
    query = query_dict(flask.request.query_string.decode("utf-8", "replace"))
    try:
        spec = registry.build_chart(view, key, query, strict=True)
    except KeyError:
        return _error(404, f"Diagrammet {view}/{key} finns inte.")
    except InvalidParam as exc:
        return _error(400, f"Ogiltig parameter {exc.name}={exc.raw!r}: {exc.reason}.")
    mimetype, render = FORMATS[fmt]
    body = render(spec)
    name = f"{spec.filename or f'{view}_{key}'}.{fmt}"
    return flask.Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def init_app(server) -> None:
    server.register_blueprint(bp)


registry.server_module(sys.modules[__name__])
