"""Serve the dashboard with gunicorn, the production server: python -m web.serve (what `make run` does).

HOST, PORT, WEB_CONCURRENCY (worker processes, default 2) and WEB_THREADS (threads per worker,
default 4: a worker keeps answering readers while one of its threads makes an export) come from
the environment; further gunicorn options can follow on the command line.
"""

from __future__ import annotations

import os
import sys


def gunicorn_argv(extra: list[str] | None = None) -> list[str]:
    """Return the command line that serves app:server with gunicorn."""
    host = os.environ.get("HOST", "127.0.0.1")
    port = os.environ.get("PORT", "8050")
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--no-control-socket",  # gunicorn 27 would otherwise make a control socket under ~/.gunicorn
        "--workers",
        os.environ.get("WEB_CONCURRENCY", "2"),
        "--threads",
        os.environ.get("WEB_THREADS", "4"),
        "--bind",
        f"{host}:{port}",
        "--timeout",
        "120",
        "--graceful-timeout",
        "30",
        "--limit-request-line",
        "8190",
        *(extra or []),
        "app:server",
    ]


def main(extra: list[str] | None = None) -> None:
    """Replace this process with gunicorn (signals then reach gunicorn directly)."""
    argv = gunicorn_argv(extra if extra is not None else sys.argv[1:])
    os.execv(argv[0], argv)


if __name__ == "__main__":
    main()
