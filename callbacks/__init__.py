"""Wire the page's inputs to its views: one module per view, each with register(app) for its callbacks.

Callbacks are module-level functions (a test imports and calls them); register(app) adds them to
one app, so several apps (tests) each have their own.
"""

from __future__ import annotations

from . import (
    bedomningar,
    cards,
    foretagsenkat,
    klusterkartering,
    milstolpar,
    milstolpar_indicators,
    shell,
    styrkeomraden,
    uppfoljning,
)

MODULES = [
    shell,
    cards,
    styrkeomraden,
    klusterkartering,
    foretagsenkat,
    milstolpar,
    milstolpar_indicators,
    uppfoljning,
    bedomningar,
]


def register(app) -> None:
    """Add every view's callbacks to the app."""
    for module in MODULES:
        module.register(app)
