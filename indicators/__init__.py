"""Compute the dashboard's indicators: pure functions over the store, no Dash.

Every indicator is registered with its metadata (see indicators.meta); the methods page and
every chart's source line are generated from that metadata.
"""

from .meta import INDICATORS, IndicatorMeta, register  # noqa: F401


def load_all() -> dict:
    """Import every indicator module so that INDICATORS lists them all; return INDICATORS."""
    import importlib
    import pkgutil

    for mod in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{mod.name}")
    return INDICATORS
