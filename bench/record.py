"""Record what a reader's browser asks for on every view, for bench/load.py to replay; report CSP violations.

    python bench/record.py http://127.0.0.1:8050 [OUT.json]

Opens each view in Debian's headless Chromium (phone and desktop), waits until every chart is
drawn, changes filters on Styrkeområden and Uppföljning (each change a callback), and writes each
request the page made to its own server (method, path, JSON body, and the page's path as Referer: the
server fills the view for the address /_dash-layout is asked from) to OUT (default bench/results/requests.json). Console errors,
including Content-Security-Policy violations, are printed: there should be none.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser import launch  # noqa: E402
from tests.pages import goto, settle  # noqa: E402

VIEWS = [
    "/",
    "/styrkeomraden",
    "/styrkeomraden?region=20&level=section",
    "/klusterkartering",
    "/foretagsenkat",
    "/milstolpar",
    "/uppfoljning",
    "/om-projektet",
    "/?lang=en",
    "/styrkeomraden?lang=en",
]
# Filter changes a reader makes: (view, parameter, values chosen one after the other).
CHANGES = [
    ("/styrkeomraden", "region", ["21", "17", "SE31"]),
    ("/styrkeomraden", "level", ["section", "a10"]),
    ("/uppfoljning", "county", ["20", "21"]),
]
VIEWPORTS = [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]


def record(base: str) -> tuple[list[dict], list[str]]:
    """Return (requests, console errors) of visiting every view at every viewport size."""
    requests, errors = [], []
    with sync_playwright() as p:
        browser = launch(p)
        for viewport in VIEWPORTS:
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            page.set_default_timeout(60_000)

            def on_request(request):
                if request.url.startswith(base):
                    parts = urlsplit(request.url)
                    path = parts.path + (f"?{parts.query}" if parts.query else "")
                    referer = urlsplit(request.headers.get("referer") or "")
                    page_path = referer.path + (f"?{referer.query}" if referer.query else "")
                    requests.append(
                        {"method": request.method, "path": path, "body": request.post_data, "referer": page_path}
                    )

            page.on("request", on_request)
            page.on("console", lambda m, pg=page: m.type == "error" and errors.append(f"{pg.url}: {m.text}"))
            page.on("pageerror", lambda e, pg=page: errors.append(f"{pg.url}: {e}"))
            for view in VIEWS:
                goto(page, base + view)
            for view, param, values in CHANGES:
                goto(page, base + view)
                select = page.locator(f"""select[id*='"param":"{param}"']""")
                for value in values:
                    if select.locator(f"option[value='{value}']").count():
                        select.select_option(value)
                        settle(page)
            context.close()
        browser.close()
    return requests, errors


def main() -> int:
    base = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8050"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent / "results" / "requests.json"
    requests, errors = record(base)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(requests, ensure_ascii=False, indent=1))
    kinds = {}
    for r in requests:
        key = "callback" if r["path"].startswith("/_dash-update-component") else r["method"] + " other"
        kinds[key] = kinds.get(key, 0) + 1
    print(f"{len(requests)} requests recorded to {out}: {kinds}")
    print(f"{len(errors)} console errors" + (":" if errors else ""))
    for e in errors[:30]:
        print("  ", e[:300])
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
