"""Name the shell's component ids once; views define their own ids in their modules."""

URL = "shell-url"
CONTENT = "shell-content"
LANG_LINK = "shell-lang-link"
NAV = "shell-nav"
NAV_TOGGLER = "shell-nav-toggler"
NAV_COLLAPSE = "shell-nav-collapse"
NAV_LINK = "shell-nav-link"  # pattern-matching type of each view's link in the menu: {"type": NAV_LINK, "path": path}
NOTICE = "shell-notice"
FOOTER = "shell-footer"
VIEW_DOWNLOADS = "shell-view-downloads"  # the whole view as PPTX and ZIP (callbacks/exports.py)


def filter_id(view: str, param: str) -> dict:
    """Return the pattern-matching id of a filter control; the URL keeps every such value."""
    return {"type": "filter", "view": view, "param": param}


def chart_id(view: str, key: str) -> str:
    """Return the id of a chart card's container."""
    return f"{view}-{key}-chart"


LANG = "shell-lang"  # the page's language (a dcc.Store), read by every view's callback
FILTER_DEFAULTS = "shell-filter-defaults"  # the view's parameters' defaults, for the URL sync in the browser
