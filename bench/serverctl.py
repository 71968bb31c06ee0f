"""Start and stop the production server (gunicorn, `python -m web.serve`) for a benchmark, on a store of its own."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid: int) -> int:
    """Return a process's resident memory in KiB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


@contextmanager
def sqlite_copy(source: str | None = None):
    """Yield the URL of a private copy of the store (default data/s3.sqlite, built if missing)."""
    from data.build import build
    from data.store import copy_sqlite

    folder = Path(tempfile.mkdtemp(prefix="s3-bench-"))
    try:
        target = folder / "s3.sqlite"
        src = Path(source) if source else ROOT / "data" / "s3.sqlite"
        if src.exists():
            copy_sqlite(src, target)
        else:
            build(f"sqlite:///{target}")
        yield f"sqlite:///{target}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def postgres_store():
    """Yield the URL of a throwaway PostgreSQL database with the full example store (dropped afterwards)."""
    import psycopg

    from data.build import build
    from data.store import dispose_all

    name = f"s3_bench_{os.getpid()}"
    admin = psycopg.connect(host="127.0.0.1", user="postgres", dbname="postgres", autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    try:
        build(url)
        dispose_all()
        yield url
    finally:
        dispose_all()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


class Server:
    """A running gunicorn on 127.0.0.1 with the given environment."""

    def __init__(self, env: dict[str, str], workers: int = 2, threads: int = 4):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="s3-bench-gunicorn-", suffix=".log", delete=False)
        full = {**os.environ, **env, "PORT": str(self.port), "HOST": "127.0.0.1"}
        full.update(WEB_CONCURRENCY=str(workers), WEB_THREADS=str(threads))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "web.serve"], cwd=ROOT, env=full, stdout=self.log, stderr=subprocess.STDOUT
        )
        self._wait()

    def _wait(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if requests.get(self.base + "/healthz", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"the server did not start; see {self.log.name}")

    def workers(self) -> list[int]:
        return children(self.proc.pid)

    def memory(self) -> dict[int, int]:
        return {pid: rss_kib(pid) for pid in self.workers()}

    def log_lines(self) -> list[str]:
        return Path(self.log.name).read_text(errors="replace").splitlines()

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
