"""Hold the one flask-caching Cache (web.init_app configures it) and keep failed answers out of it.

    @memoize_answer(timeout=3600, unless=outside_app)
    def chart_answer(url, version, lang, canonical): ...

caches like cache.memoize, except an answer during which note_failure() was called (for example
by the code that turns an exception into "Diagrammet kunde inte visas"), or for which
failed(answer) is true, is returned but never kept, by this function or any memoize_answer
function that called it. Exceptions are never cached either. Key a cached answer on the store
version (data.meta.store_version) and the canonical parameters.
"""

from __future__ import annotations

import contextvars
import functools

from flask_caching import Cache

cache = Cache()

_frames: contextvars.ContextVar[tuple] = contextvars.ContextVar("s3_answer_frames", default=())
_last_failed: contextvars.ContextVar[bool] = contextvars.ContextVar("s3_answer_failed", default=False)


def note_failure() -> None:
    """Mark the answers being computed (this one and every cached one around it) as failed: never cache them."""
    for frame in _frames.get():
        frame[0] = True


def memoize_answer(timeout=None, *, failed=None, **memoize_kwargs):
    """Return a decorator like cache.memoize that never keeps a failed answer (see the module docstring)."""

    def decorate(func):
        @functools.wraps(func)
        def computing(*args, **kwargs):
            frame = [False]
            token = _frames.set((*_frames.get(), frame))
            try:
                value = func(*args, **kwargs)
            finally:
                _frames.reset(token)
            bad = frame[0] or bool(failed is not None and failed(value))
            if bad:
                note_failure()  # an answer built on a failed one failed too
            _last_failed.set(bad)
            return value

        # memoize calls response_filter right after computing returns, in the same thread.
        return cache.memoize(timeout, response_filter=lambda _value: not _last_failed.get(), **memoize_kwargs)(
            computing
        )

    return decorate
