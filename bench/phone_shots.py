"""Look at every view as a reader would: screenshots at 375 and 1280 px, and every chart text that is clipped or overlaps.

    python bench/phone_shots.py --db sqlite:////tmp/phone.sqlite --out /tmp/shots [--widths 375,1280] [--charts]

Writes <out>/<view>_<width>.png (the whole page) and, with --charts, <out>/<view>_<width>_<graph>.png (each
chart alone), and prints the problems tests/chart_boxes.py finds per chart.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from app import create_app  # noqa: E402
from tests.browser import LiveServer, launch  # noqa: E402
from tests.chart_boxes import chart_problems, drawn_charts, settle  # noqa: E402

VIEWS = {
    "start": "/",
    "styrkeomraden": "/styrkeomraden",
    "styrkeomraden_lanen": "/styrkeomraden?region=lanen",
    "klusterkartering": "/klusterkartering",
    "klusterkartering_card": "/klusterkartering?cluster=",
    "foretagsenkat": "/foretagsenkat",
    "milstolpar": "/milstolpar",
    "uppfoljning": "/uppfoljning",
    "projekt": "/om-projektet",
    "bedomningar": "/kvalitativa-bedomningar",
    "metod": "/om-data-och-metod",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", default="/tmp/shots")
    parser.add_argument("--widths", default="375,1280")
    parser.add_argument("--views", default=",".join(VIEWS))
    parser.add_argument("--charts", action="store_true", help="also a picture of each chart alone")
    parser.add_argument("--lang", default="sv")
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = create_app({"TESTING": True, "DATABASE_URL": args.db, "SECRET_KEY": "shots"})
    if "klusterkartering_card" in args.views:
        from data.store import engine_for
        from indicators.clusters import clusters

        with engine_for(args.db).connect() as conn:
            VIEWS["klusterkartering_card"] += str(clusters(conn)["code"].iloc[0])
    with LiveServer(app.server) as server, sync_playwright() as p:
        browser = launch(p)
        for width in [int(w) for w in args.widths.split(",")]:
            context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=1)
            page = context.new_page()
            for name in args.views.split(","):
                path = VIEWS[name]
                if args.lang == "en":
                    path += ("&" if "?" in path else "?") + "lang=en"
                page.goto(server.url + path)
                settle(page)
                page.screenshot(path=str(out / f"{name}_{width}.png"), full_page=True)
                found = chart_problems(page)
                charts = drawn_charts(page)
                print(f"== {name} at {width} px: {len(charts)} charts, {len(found)} with problems")
                for graph, items in found.items():
                    print(f"  {graph}: {len(items)}")
                    for item in items[:8]:
                        print(f"    {item}")
                if args.charts:
                    for chart in charts:
                        locator = page.locator(f"#{chart['id']}")
                        locator.scroll_into_view_if_needed()
                        locator.screenshot(path=str(out / f"{name}_{width}_{chart['id']}.png"))
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
