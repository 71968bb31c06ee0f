"""Measure chart exports: the renderer's start, one PNG when warm, and whole views as PPTX and ZIP.

    .venv/bin/python bench/export_bench.py [--db URL] [--repeat N] [--view VIEW ...]

Goes through the real HTTP endpoints (Flask test client: build the chart, lay it out, render it
in the shared Chromium, write the file), with the store at --db (default: DATABASE_URL or
data/s3.sqlite; build one with `python -m data build`). Targets from issue 7: one PNG under
0.5 s once the renderer is warm; the Styrkeområden deck under 5 s. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import charts  # noqa: E402
from app import create_app  # noqa: E402
from data.store import database_url  # noqa: E402
from figures import render  # noqa: E402


def fetch(client, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        raise SystemExit(f"{url}: {response.status_code} {response.get_data(as_text=True)}")
    return elapsed


def report(label: str, times: list[float], target: float | None = None) -> None:
    median = statistics.median(times)
    verdict = "" if target is None else (f"  (target < {target} s: {'met' if median < target else 'MISSED'})")
    print(f"{label:<48} median {median:6.3f} s  best {min(times):6.3f} s  ({len(times)} runs){verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="store URL (default: DATABASE_URL or data/s3.sqlite)")
    parser.add_argument("--repeat", type=int, default=10, help="runs per single-chart figure")
    parser.add_argument("--view", action="append", help="views to export whole (default: start, styrkeomraden)")
    args = parser.parse_args()
    app = create_app({"DATABASE_URL": database_url(args.db), "EXPORT_RATELIMIT_ENABLED": False})
    client = app.server.test_client()
    print(f"store: {database_url(args.db)}; Chromium: {render.browser_path() or 'missing'}")

    report("first PNG (starts Chromium)", [fetch(client, "/export/start/employment.png")])
    for label, url, target in [
        ("PNG 1920x1080, start/employment, warm", "/export/start/employment.png", 0.5),
        ("PNG 1280x720, start/employment, warm", "/export/start/employment.png?size=1280x720", 0.5),
        ("SVG, start/employment, warm", "/export/start/employment.svg", None),
        ("PDF, start/employment, warm", "/export/start/employment.pdf", None),
        ("XLSX, start/employment", "/export/start/employment.xlsx", None),
    ]:
        report(label, [fetch(client, url) for _ in range(args.repeat)], target)

    per_chart = []
    charts.load_all()
    for view, keys in charts.CHARTS.items():
        for key in keys:
            per_chart.append(min(fetch(client, f"/export/{view}/{key}.png") for _ in range(3)))
    report(f"PNG 1920x1080, every registered chart ({len(per_chart)}), best of 3", per_chart, 0.5)

    for view in args.view or ["start", "styrkeomraden"]:
        count = len(charts.CHARTS.get(view, {}))
        if not count:
            print(f"{view}: no registered charts yet, skipped")
            continue
        target = 5.0 if view == "styrkeomraden" else None
        report(
            f"PPTX /export/{view}.pptx ({count} charts)",
            [fetch(client, f"/export/{view}.pptx") for _ in range(3)],
            target,
        )
        report(f"ZIP  /export/{view}.zip ({count} charts)", [fetch(client, f"/export/{view}.zip") for _ in range(3)])
    render.renderer.close()


if __name__ == "__main__":
    main()
