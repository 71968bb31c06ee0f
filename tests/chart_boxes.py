"""Read where a page's chart texts are drawn, in a real browser: clipped or overlapping words are found here.

Not a test module: tests/test_phone_charts.py and bench/phone_shots.py use it, so "readable on a
phone" means the same in both.
"""

from __future__ import annotations

import time

# True while the page is still being drawn: no content yet, a callback loading, a graph not drawn.
BUSY_JS = """() => {
    if (!document.querySelector('#shell-content > *')) return true;
    if (document.querySelector('[data-dash-is-loading="true"], ._dash-loading')) return true;
    for (const g of document.querySelectorAll('.dash-graph')) {
        if (g.classList.contains('dash-graph--pending')) return true;
        const shown = g.offsetHeight > 0 && getComputedStyle(g).visibility !== 'hidden';
        if (shown && !g.querySelector('.main-svg')) { g.scrollIntoView(); return true; }
    }
    return false;
}"""

# For every drawn chart: its box, its texts' boxes (non-empty, visible; with the plot area that clips a text,
# where one does), the mode bar's box.
# Boxes are page coordinates (scroll included), so charts below the fold compare as drawn.
BOXES_JS = r"""() => {
    const box = el => {
        const r = el.getBoundingClientRect();
        return {x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height};
    };
    const visible = el => {
        for (let e = el; e && e.tagName !== 'svg'; e = e.parentElement) {
            const s = getComputedStyle(e);
            if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) return false;
            if (e.getAttribute && e.getAttribute('opacity') === '0') return false;
        }
        return true;
    };
    // The box a clip-path (Plotly's plot area, for traces drawn with cliponaxis) leaves visible, or null.
    const clipped = el => {
        for (let e = el; e && e.tagName !== 'svg'; e = e.parentElement) {
            const m = /url\(["']?#([^"')]+)["']?\)/.exec((e.getAttribute && e.getAttribute('clip-path')) || '');
            const rect = m && document.getElementById(m[1]) && document.getElementById(m[1]).querySelector('rect');
            if (!rect) continue;
            const at = (x, y) => new DOMPoint(x, y).matrixTransform(e.getScreenCTM());
            const x = +(rect.getAttribute('x') || 0), y = +(rect.getAttribute('y') || 0);
            const a = at(x, y), b = at(x + +rect.getAttribute('width'), y + +rect.getAttribute('height'));
            return {x: Math.min(a.x, b.x) + window.scrollX, y: Math.min(a.y, b.y) + window.scrollY,
                    w: Math.abs(b.x - a.x), h: Math.abs(b.y - a.y)};
        }
        return null;
    };
    const out = [];
    for (const gd of document.querySelectorAll('.js-plotly-plot')) {
        if (!gd.offsetHeight || !gd.querySelector('.main-svg') || !(gd.data || []).length) continue;
        const graph = gd.closest('.dash-graph') || gd;
        const texts = [];
        for (const t of gd.querySelectorAll('.main-svg text')) {
            if (t.closest('.hoverlayer')) continue;
            const words = (t.textContent || '').trim();
            if (!words || !visible(t)) continue;
            const b = box(t);
            if (b.w < 1 || b.h < 1) continue;
            texts.push({text: words.slice(0, 60), kind: t.getAttribute('class') || t.parentElement.getAttribute('class') || '',
                        clip: clipped(t), ...b});
        }
        const bar = gd.querySelector('.modebar');
        const barBox = bar && bar.offsetHeight && getComputedStyle(bar).display !== 'none' ? box(bar) : null;
        out.push({id: graph.id || gd.id, box: box(gd), texts, modebar: barBox});
    }
    return out;
}"""

TOLERANCE = 1.5  # px a text may stick out of its chart, or two texts' boxes may share (anti-aliasing)


def settle(page, timeout: float = 60.0) -> None:
    """Wait until every chart of the page is drawn (three quiet checks in a row)."""
    page.wait_for_load_state("networkidle")
    deadline, quiet = time.monotonic() + timeout, 0
    while quiet < 3:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page did not settle within {timeout} s: {page.url}")
        quiet = 0 if page.evaluate(BUSY_JS) else quiet + 1
        page.wait_for_timeout(120)
    page.evaluate("window.scrollTo(0, 0)")


def _overlap(a: dict, b: dict) -> float:
    """Return the smaller side of the two boxes' intersection (0 when they do not meet)."""
    w = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
    h = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
    return min(w, h) if w > 0 and h > 0 else 0.0


def _outside(text: dict, frame: dict) -> bool:
    return (
        text["x"] < frame["x"] - TOLERANCE
        or text["y"] < frame["y"] - TOLERANCE
        or text["x"] + text["w"] > frame["x"] + frame["w"] + TOLERANCE
        or text["y"] + text["h"] > frame["y"] + frame["h"] + TOLERANCE
    )


def problems(chart: dict) -> list[str]:
    """Return, in words, every text of a chart that sticks out of it, overlaps another text or the mode bar."""
    found, texts = [], chart["texts"]
    for t in texts:
        if _outside(t, chart["box"]):
            found.append(f"clipped: {t['text']!r} ({t['kind']})")
        elif t.get("clip") and _outside(t, t["clip"]):
            found.append(f"cut off by the plot area: {t['text']!r} ({t['kind']})")
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            if _overlap(a, b) > TOLERANCE:
                found.append(f"overlap: {a['text']!r} ({a['kind']}) / {b['text']!r} ({b['kind']})")
    if chart["modebar"]:
        for t in texts:
            if _overlap(t, chart["modebar"]) > TOLERANCE:
                found.append(f"under the mode bar: {t['text']!r} ({t['kind']})")
    return found


def chart_problems(page) -> dict[str, list[str]]:
    """Return {graph id: problems} for every drawn chart of the page (only charts with problems)."""
    charts = page.evaluate(BOXES_JS)
    return {c["id"]: p for c in charts if (p := problems(c))}


def drawn_charts(page) -> list[dict]:
    return page.evaluate(BOXES_JS)
