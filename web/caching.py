"""Configure the one cache: Redis when REDIS_URL is set, else files shared by the workers, bounded in bytes.

Why files without Redis: gunicorn's workers are separate processes. A cache in each worker's
memory would be correct (answers are keyed on the store version) but would hold every answer
once per worker, and a worker would recompute what another just computed. Files in one
directory are shared by all workers of a machine and kept under CACHE_MAX_BYTES here: each worker
looks over the directory after it has written PRUNE_SLACK of the bound since it last looked (not on
every write: with thousands of answers kept, that look costs ~20 ms, and an uncached chart writes
some thirty entries), so the directory holds at most the bound plus that slack per worker.

Every key starts with a fingerprint of the code (in Redis a key prefix, on disk a subdirectory of
CACHE_DIR; older releases' subdirectories are removed at start), so answers made by an older
release are never served by a newer one sharing the same Redis or directory.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import time
from functools import lru_cache
from pathlib import Path

from flask_caching.backends.filesystemcache import FileSystemCache

from cache import cache

log = logging.getLogger(__name__)
PROJECT_DIR = Path(__file__).resolve().parent.parent
NOT_SERVED = {"tests", "bench"}  # packages beside the app that never make an answer
PRUNE_TO = 0.8  # after pruning, the cache holds at most this share of its bound
PRUNE_SLACK = 0.05  # a worker looks over the directory after writing this share of the bound since its last look


def fingerprint(project: Path) -> str:
    """Return a short fingerprint of the Python code of the app in project: its top-level modules and every package
    (a directory with __init__.py) but the tests'. A new package is counted without being listed anywhere."""
    packages = sorted(p.parent for p in project.glob("*/__init__.py") if p.parent.name not in NOT_SERVED)
    files = sorted(project.glob("*.py")) + sorted(p for d in packages for p in d.rglob("*.py"))
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(project)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@lru_cache(maxsize=1)
def code_version() -> str:
    """Return the fingerprint of this project's code (the same on every machine with the same code)."""
    return fingerprint(PROJECT_DIR)


class BoundedFileSystemCache(FileSystemCache):
    """A FileSystemCache whose files together stay under max_bytes: the oldest written go first."""

    def __init__(self, cache_dir: str, max_bytes: int, **kwargs):
        kwargs["threshold"] = 0  # no shared file counter: the workers would race on it; bytes are counted instead
        super().__init__(cache_dir, **kwargs)
        self.max_bytes = max_bytes
        self.unchecked = max_bytes * PRUNE_SLACK  # bytes written since the last look: the first write looks

    @classmethod
    def factory(cls, app, config, args, kwargs):
        kwargs.pop("threshold", None)
        return cls(config["CACHE_DIR"], int(config["CACHE_MAX_BYTES"]), *args, **kwargs)

    def _entries(self) -> list[tuple[float, int, str]]:
        found = []
        with os.scandir(self._path) as it:
            for entry in it:
                if entry.name.endswith(self._fs_transaction_suffix):
                    continue
                try:
                    st = entry.stat()
                except FileNotFoundError:  # another worker removed it
                    continue
                found.append((st.st_mtime, st.st_size, entry.path))
        return found

    def prune_to_bound(self) -> int:
        """Remove the oldest files until the cache is under PRUNE_TO of its bound; return the bytes left."""
        entries = self._entries()
        total = sum(size for _, size, _ in entries)
        if total <= self.max_bytes:
            return total
        for _mtime, size, path in sorted(entries):
            try:
                os.remove(path)
            except FileNotFoundError:
                pass
            total -= size
            if total <= self.max_bytes * PRUNE_TO:
                break
        return total

    def set(self, key, value, timeout=None, mgmt_element=False):
        stored = super().set(key, value, timeout=timeout, mgmt_element=mgmt_element)
        if stored:
            filename = self._get_filename(key)
            try:
                size = os.path.getsize(filename)
                if size > self.max_bytes // 4:  # one answer may not push out most others
                    os.remove(filename)
                    return False
            except FileNotFoundError:
                return False
            self.unchecked += size
            if self.unchecked >= self.max_bytes * PRUNE_SLACK:
                self.unchecked = 0
                self.prune_to_bound()
        return stored


def cache_config(cfg: dict) -> dict:
    """Return the CACHE_* settings for flask-caching from the app's settings."""
    out = {k: v for k, v in cfg.items() if k.startswith("CACHE_") and v is not None}
    out.setdefault("CACHE_KEY_PREFIX", f"s3:{code_version()}:")
    if cfg.get("CACHE_TYPE"):
        pass  # the operator's choice
    elif cfg.get("REDIS_URL"):
        out.update(CACHE_TYPE="RedisCache", CACHE_REDIS_URL=cfg.get("CACHE_REDIS_URL") or cfg["REDIS_URL"])
    elif cfg.get("TESTING"):
        out["CACHE_TYPE"] = "SimpleCache"  # one process; tests that need another backend say so
    else:
        out["CACHE_TYPE"] = f"{__name__}.BoundedFileSystemCache"
    if out["CACHE_TYPE"].endswith("FileSystemCache"):
        out["CACHE_DIR"] = str(Path(cfg.get("CACHE_DIR") or PROJECT_DIR / "data" / "cache") / code_version())
    return out


def forget_older_releases(cache_dir: Path) -> None:
    """Remove the cache subdirectories of other code versions beside this one (best effort)."""
    for sibling in cache_dir.parent.iterdir() if cache_dir.parent.is_dir() else ():
        if sibling != cache_dir and sibling.is_dir() and re.fullmatch(r"[0-9a-f]{12}", sibling.name):
            shutil.rmtree(sibling, ignore_errors=True)


def init_app(server, cfg: dict) -> None:
    """Configure the shared cache on the server."""
    config = cache_config(cfg)
    started = time.perf_counter()
    if "CACHE_DIR" in config:
        forget_older_releases(Path(config["CACHE_DIR"]))
    cache.init_app(server, config=config)
    server.config.update(config)
    log.debug("cache %s ready in %.3f s", config["CACHE_TYPE"], time.perf_counter() - started)
