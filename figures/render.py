"""Render figures to PNG, SVG and PDF with one long-lived Chromium (kaleido), started on first use.

kaleido.start_sync_server() would also keep one browser, but when Chromium fails to start or
dies, its callers wait forever on a queue. This module runs kaleido's own renderer in one
event-loop thread instead, so a failed start or a stuck render ends in an error with a
message, after a timeout, and the next request may try again.

Heavy work stays off the readers' path: an export runs as one job (`with job():`), at most one
job per worker at a time, RENDER_QUEUE more waiting at most RENDER_QUEUE_WAIT seconds; any
other is refused at once with RendererBusy (the export route answers 503 with Retry-After).
Chromium runs at a lower CPU priority (nice RENDER_NICE), so page and chart requests come first.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import os
import shutil
import threading
import time
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager

import plotly.io as pio

log = logging.getLogger(__name__)

FORMATS = ("png", "svg", "pdf")
START_TIMEOUT = 60  # seconds to start Chromium
RENDER_TIMEOUT = 30  # seconds for one image
RELOAD_EVERY = 25  # images between reloads of the renderer's page
RETRY_AFTER = 60  # seconds the menu offers no images after Chromium failed to start
QUEUE = int(os.environ.get("RENDER_QUEUE", "2"))  # export jobs that may wait for this worker's renderer
QUEUE_WAIT = float(os.environ.get("RENDER_QUEUE_WAIT", "30"))  # seconds a waiting job may wait
BUSY_RETRY_AFTER = int(os.environ.get("RENDER_RETRY_AFTER", "30"))  # seconds a refused export is told to wait
NICE = int(os.environ.get("RENDER_NICE", "10"))  # CPU priority of Chromium and the renderer thread
# MathJax would come from a CDN; nothing leaves the machine.
pio.defaults.mathjax = None


def _forget(tasks: set):
    """Return a done-callback that drops a background task and reads its outcome (no stray warnings)."""

    def done(task):
        tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("image renderer: page reload failed: %s", task.exception())

    return done


def _kaleido_class():
    """Return kaleido's renderer, changed to reload its page now and then, and never before an answer."""
    import kaleido

    class SparingKaleido(kaleido.Kaleido):
        # Kaleido reloads its page after every image, for a clean page; that costs about as much
        # as the image itself and sat between the image and the answer. Each image is drawn on a
        # fresh element that Plotly removes again (kaleido_scopes.js), so a reload every
        # RELOAD_EVERY images keeps the page's memory in check; it runs after the answer, and
        # the next image waits for the page as before (kaleido's tab queue).
        async def _return_kaleido_tab(self, tab):
            self._images = getattr(self, "_images", 0) + 1
            if self._images % RELOAD_EVERY:
                await self.tabs_ready.put(tab)
                return
            task = asyncio.create_task(super()._return_kaleido_tab(tab))
            reloads = self.__dict__.setdefault("_reloads", set())  # keep a reference until it is done
            reloads.add(task)
            task.add_done_callback(_forget(reloads))

    return SparingKaleido


class RenderUnavailable(RuntimeError):
    """Raised when no image can be made: no Chromium, or it would not start or render."""


class RendererBusy(RuntimeError):
    """Raised when this worker's renderer has a job running and its queue is full: try again after retry_after s."""

    def __init__(self, retry_after: int = BUSY_RETRY_AFTER):
        super().__init__(f"the image renderer is busy; try again in {retry_after} s")
        self.retry_after = retry_after


def _lower_priority() -> None:
    """Lower this thread's CPU priority; the Chromium it starts inherits it (Linux: nice is per thread)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)
    except (OSError, AttributeError):  # not Linux, or not allowed: run at the normal priority
        pass


def _run_loop(loop: asyncio.AbstractEventLoop) -> None:
    _lower_priority()
    loop.run_forever()


def browser_path() -> str | None:
    """Return the Chromium kaleido should drive: $BROWSER_PATH, else chromium on PATH, else None."""
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


class Renderer:
    """One Chromium shared by all requests; calls are serialised by a lock."""

    def __init__(self, queue: int = QUEUE, queue_wait: float = QUEUE_WAIT):
        self._lock = threading.Lock()
        self._admitted = threading.BoundedSemaphore(1 + queue)  # the running job and those waiting
        self._running = threading.Lock()  # held by the running job
        self._queue_wait = queue_wait
        self._active = 0  # jobs holding _running (0 or 1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido = None
        self.failure: str | None = None  # why the last start failed, in English, for the log
        self._failed_at: float | None = None

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def available(self) -> bool:
        """Return whether images can be made here: a Chromium exists and did not just fail to start."""
        if browser_path() is None:
            return False
        return self._failed_at is None or time.monotonic() - self._failed_at > RETRY_AFTER

    @contextmanager
    def job(self):
        """Run an export as this worker's one renderer job, or raise RendererBusy at once (queue full) or after waiting."""
        if not self._admitted.acquire(blocking=False):
            raise RendererBusy()
        try:
            if not self._running.acquire(timeout=self._queue_wait):
                raise RendererBusy()
            self._active += 1
            try:
                yield
            finally:
                self._active -= 1
                self._running.release()
        finally:
            self._admitted.release()

    def render(self, figure, fmt: str, width: int, height: int, scale: float = 1) -> bytes:
        """Return the figure as PNG, SVG or PDF bytes; raise RenderUnavailable when that cannot be done.

        Inside a job (also from the job's helper threads) it draws at once; outside, it is a job of its own.
        """
        if fmt not in FORMATS:
            raise ValueError(f"unknown image format {fmt!r}")
        if not self._active:
            with self.job():
                return self._render(figure, fmt, width, height, scale)
        return self._render(figure, fmt, width, height, scale)

    def _render(self, figure, fmt: str, width: int, height: int, scale: float) -> bytes:
        opts = {"format": fmt, "width": int(width), "height": int(height), "scale": scale}
        with self._lock:
            self._start()
            future = asyncio.run_coroutine_threadsafe(self._kaleido.calc_fig(figure, opts=opts), self._loop)
            try:
                return future.result(timeout=RENDER_TIMEOUT + 5)
            except FutureTimeout:  # also kaleido's own timeout (both are TimeoutError)
                future.cancel()
                self._stop()  # a stuck browser is replaced on the next call
                raise RenderUnavailable("rendering timed out") from None

    def _start(self) -> None:
        if self._kaleido is not None:
            return
        path = browser_path()
        if path is None:
            self.failure = "no Chromium found (set BROWSER_PATH or install chromium)"
            raise RenderUnavailable(self.failure)
        loop = asyncio.new_event_loop()
        threading.Thread(target=_run_loop, args=(loop,), name="kaleido-renderer", daemon=True).start()

        async def open_browser():
            k = _kaleido_class()(n=1, timeout=RENDER_TIMEOUT, mathjax=False, path=path)
            try:
                await k.open()
            except BaseException:  # also a cancelled start: leave no browser process behind
                await asyncio.shield(k.close())
                raise
            return k

        future = asyncio.run_coroutine_threadsafe(open_browser(), loop)
        try:
            self._kaleido = future.result(timeout=START_TIMEOUT)
        except Exception as exc:  # any start failure means: no images now, say so
            future.cancel()
            loop.call_soon_threadsafe(loop.stop)
            self.failure, self._failed_at = f"Chromium at {path} did not start: {exc!r}", time.monotonic()
            log.error("image renderer: %s", self.failure)
            raise RenderUnavailable(self.failure) from exc
        self._loop, self.failure, self._failed_at = loop, None, None
        log.info("image renderer started with %s", path)

    def _stop(self) -> None:
        kaleido_, loop = self._kaleido, self._loop
        self._kaleido = self._loop = None
        if kaleido_ is None or loop is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(kaleido_.close(), loop).result(timeout=10)
        except Exception:  # closing a broken browser may fail; it is dropped either way
            log.warning("image renderer did not close cleanly", exc_info=True)
        loop.call_soon_threadsafe(loop.stop)

    def close(self) -> None:
        """Stop the browser (at exit, or in tests)."""
        with self._lock:
            self._stop()


renderer = Renderer()
atexit.register(renderer.close)


def render(figure, fmt: str, width: int, height: int, scale: float = 1) -> bytes:
    """Render with the shared renderer."""
    return renderer.render(figure, fmt, width, height, scale)


def job():
    """Return the context of one export job on this worker's renderer (see Renderer.job)."""
    return renderer.job()


def images_available() -> bool:
    """Return whether this server can make images (a Chromium is installed)."""
    return renderer.available()
