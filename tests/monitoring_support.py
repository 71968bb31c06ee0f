"""Help the monitoring and gender tests read a page as the app serves it (not a test module)."""

from __future__ import annotations

import json

from tests.pages import html_text


def layout_text(client, path: str) -> str:
    """Return every text of the page at path as the app serves it (/_dash-layout with the page's address)."""
    response = client.get("/_dash-layout", headers={"Referer": f"http://localhost{path}"})
    assert response.status_code == 200
    words = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "html" and isinstance(value, str):
                    words.append(html_text(value))  # a card's static parts: escaped HTML (layouts/static_html.py)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, str):
            words.append(node)

    walk(json.loads(response.data))
    return " ".join(words)
