"""Show a progress bar on stderr for work that takes more than a second, and nothing for quick work."""

from __future__ import annotations

import sys
import time

SHOW_AFTER_SECONDS = 1.0
BAR_WIDTH = 30


class Progress:
    """A one-line progress bar that appears once the work has taken more than a second.

    Use as a context manager; call step() per item (cheap: it redraws at most ten times a second).
    """

    def __init__(self, label: str, total: int | None, stream=None, unit: str = "rader"):
        self.label, self.total, self.unit = label, total, unit
        self.stream = stream or sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.shown = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, exc_type, *_exc) -> None:
        if self.shown:
            self._draw(final=exc_type is None)
            self.stream.write("\n")
            self.stream.flush()

    def step(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.started >= SHOW_AFTER_SECONDS and now - self.drawn_at >= 0.1:
            self.shown = True
            self.drawn_at = now
            self._draw()

    def line(self) -> str:
        """Return the text of the bar as it stands."""
        if self.total:
            share = min(self.done / self.total, 1.0)
            filled = int(share * BAR_WIDTH)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            return f"{self.label} [{bar}] {share:4.0%} ({self.done:,} av {self.total:,} {self.unit})".replace(",", " ")
        return f"{self.label}: {self.done:,} {self.unit}".replace(",", " ")

    def _draw(self, final: bool = False) -> None:
        if final and self.total:
            self.done = max(self.done, self.total)
        self.stream.write("\r" + self.line())
        self.stream.flush()
