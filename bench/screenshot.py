"""Take a full-page screenshot of a URL in headless Chromium: python bench/screenshot.py URL OUT.png [WIDTH]."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser import launch  # noqa: E402


def main(url: str, out: str, width: int = 1280) -> None:
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.on("console", lambda m: m.type in ("error", "warning") and print("console:", m.type, m.text))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(800)
        page.screenshot(path=out, full_page=True)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1280)
