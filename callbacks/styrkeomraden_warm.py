"""Compute the Styrkeområden answers readers ask for first, in the background after start-up.

A choice made before is answered from the cache in about 50 ms; a new one computes the strength
analysis and nine charts, 0.5-2 s on a small server. So once the app has started, a daemon thread
computes, in order: the latest year for every region choice (each county, Norra Mellansverige, the
three side by side) at every industry level in both languages, then the three years before it
at the default level in Swedish. Municipalities, other references and other thresholds are left
to the first reader who asks. The thread pauses between choices so that readers' requests go
first, and stops at the first error (it is logged; readers then simply wait as before).

On by default; WARM_CACHE=0 turns it off, and tests (TESTING) leave it off unless asked.
"""

from __future__ import annotations

import logging
import threading
import time

from layouts.params import parse
from layouts.styrkeomraden import COUNTIES, PARAMS, SIDE_BY_SIDE

from .styrkeomraden import cached_outputs

log = logging.getLogger(__name__)
REGIONS = (*COUNTIES, "SE31", SIDE_BY_SIDE)
EARLIER_YEARS = 3


def choices() -> list[dict[str, str]]:
    """Return the address queries to compute, most asked first (lang=en where English)."""
    by_name = {p.name: p for p in PARAMS}
    levels = by_name["level"].choices()
    default_level = by_name["level"].default_value()
    years = sorted(by_name["year"].choices(), reverse=True)
    latest = [
        {"region": r, "level": level, **({"lang": "en"} if lang == "en" else {})}
        for lang in ("sv", "en")
        for level in [default_level, *[lv for lv in levels if lv != default_level]]
        for r in REGIONS
    ]
    earlier = [{"region": r, "year": str(y)} for y in years[1 : 1 + EARLIER_YEARS] for r in REGIONS]
    return latest + earlier


def warm(server, *, pause: float = 0.05, stop: threading.Event | None = None) -> int:
    """Compute every choice into the cache; return how many were computed or found there."""
    done = 0
    with server.app_context():
        wanted = choices()
    for query in wanted:
        if stop is not None and stop.is_set():
            break
        with server.app_context():  # a fresh context per choice: the store version is read again
            lang = query.get("lang", "sv")
            params, _ = parse(PARAMS, query)
            cached_outputs(lang, params, query)
        done += 1
        time.sleep(pause)
    return done


def start(server, delay: float = 2.0) -> threading.Thread:
    """Start warming in a daemon thread after delay seconds (the server answers meanwhile)."""

    def run():
        time.sleep(delay)
        started = time.perf_counter()
        try:
            count = warm(server)
        except Exception:  # a broken store: readers get the view's own message, this thread just ends
            log.exception("warming the Styrkeområden cache stopped")
            return
        log.info("Styrkeområden: %d choices computed in advance in %.1f s", count, time.perf_counter() - started)

    thread = threading.Thread(target=run, name="warm-styrkeomraden", daemon=True)
    thread.start()
    return thread
