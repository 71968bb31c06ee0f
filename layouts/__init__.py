"""Lay out the pages: one module per view, each exposing PARAMS and layout(lang, notices, **params)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    key: str
    path: str
    title_sv: str
    title_en: str
    module: str
    in_nav: bool = True

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_sv

    def load(self):
        return importlib.import_module(self.module)


VIEWS = [
    View("start", "/", "Start", "Home", "layouts.home", in_nav=False),
    View("styrkeomraden", "/styrkeomraden", "Styrkeområden", "Strength areas", "layouts.styrkeomraden"),
    View("klusterkartering", "/klusterkartering", "Klusterkartering", "Cluster mapping", "layouts.klusterkartering"),
    View("foretagsenkat", "/foretagsenkat", "Företagsenkät", "Company survey", "layouts.foretagsenkat"),
    View("milstolpar", "/milstolpar", "Milstolpar", "Milestones", "layouts.milstolpar"),
    View("metod", "/om-data-och-metod", "Om data och metod", "About data and method", "layouts.metod"),
    View(
        "tillganglighet",
        "/tillganglighet",
        "Tillgänglighetsredogörelse",
        "Accessibility statement",
        "layouts.tillganglighet",
        in_nav=False,
    ),
]
VIEWS_BY_PATH = {v.path: v for v in VIEWS}
VIEWS_BY_KEY = {v.key: v for v in VIEWS}


def view_for_path(path: str | None) -> View | None:
    """Return the view at a URL path (trailing slash ignored), or None."""
    path = (path or "/").rstrip("/") or "/"
    return VIEWS_BY_PATH.get(path)
