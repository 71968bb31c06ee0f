"""Name the site's views once: key, address, title, and the module holding its parameters and charts.

Layouts take their navigation from here, callbacks their routes, the export and API routes the
parameters of a view; none of them keeps a list of its own.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from i18n import tx


@dataclass(frozen=True)
class View:
    key: str
    path: str
    title_sv: str
    title_en: str
    in_nav: bool = True
    charts_module: str | None = None  # charts.<module>: PARAMS and chart builders; None: a page of text

    def title(self, lang: str) -> str:
        return tx(lang, self.title_sv, self.title_en)

    def params(self) -> list:
        """Return the view's URL parameters (charts.<module>.PARAMS); [] for a page of text."""
        if self.charts_module is None:
            return []
        return list(getattr(importlib.import_module(self.charts_module), "PARAMS", []))


VIEWS = [
    View("start", "/", "Start", "Home", in_nav=False, charts_module="charts.start"),
    View("styrkeomraden", "/styrkeomraden", "Styrkeområden", "Strength areas", charts_module="charts.styrkeomraden"),
    View(
        "klusterkartering",
        "/klusterkartering",
        "Klusterkartering",
        "Cluster mapping",
        charts_module="charts.klusterkartering",
    ),
    View("foretagsenkat", "/foretagsenkat", "Företagsenkät", "Company survey", charts_module="charts.foretagsenkat"),
    View("milstolpar", "/milstolpar", "Milstolpar", "Milestones", charts_module="charts.milstolpar"),
    View("uppfoljning", "/uppfoljning", "Uppföljning", "Monitoring", charts_module="charts.uppfoljning"),
    View("projekt", "/om-projektet", "Om projektet", "About the project", in_nav=False),
    View(
        "bedomningar",
        "/kvalitativa-bedomningar",
        "Kvalitativa bedömningar",
        "Qualitative assessments",
        in_nav=False,
    ),
    View("metod", "/om-data-och-metod", "Om data och metod", "About data and method"),
    View("tillganglighet", "/tillganglighet", "Tillgänglighetsredogörelse", "Accessibility statement", in_nav=False),
]
VIEWS_BY_PATH = {v.path: v for v in VIEWS}
VIEWS_BY_KEY = {v.key: v for v in VIEWS}


def view_for_path(path) -> View | None:
    """Return the view at a URL path (trailing slash ignored), or None."""
    if not isinstance(path, str):
        return None
    path = path.rstrip("/") or "/"
    return VIEWS_BY_PATH.get(path)


def nav_href(path: str, lang: str) -> str:
    """Return a view's address in the language (Swedish needs no parameter)."""
    return path + ("?lang=en" if lang == "en" else "")
