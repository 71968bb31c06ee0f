"""Hold the shared look of every chart: palette, fonts, number format, source line."""

from __future__ import annotations

import plotly.graph_objects as go

from i18n import PLOTLY_SEPARATORS, lang_or_default

FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
TEXT_COLOR = "#1f2328"
MUTED_COLOR = "#57606a"
GRID_COLOR = "#d8dee4"

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
REGION_COLORS = {
    "17": "#0072B2",  # Värmland
    "20": "#D55E00",  # Dalarna
    "21": "#009E73",  # Gävleborg
    "SE31": "#CC79A7",  # Norra Mellansverige
    "00": "#57606a",  # riket
}
# Diverging, colour-blind-safe (blue–orange), neutral in grey; for Likert answers and LQ heatmaps.
DIVERGING = ["#b35806", "#f1a340", "#d9d9d9", "#998ec3", "#542788"]
NEUTRAL_GREY = "#bdbdbd"
STATUS_COLORS = {
    "klar": "#009E73",
    "pagar": "#0072B2",
    "planerad": "#8c959f",
    "forsenad": "#D55E00",
    "struken": "#882255",  # not #CC79A7: with deuteranopia that looks like "planerad" grey
    "okand": "#2b2b2b",  # no status reported: dark grey, apart from every other status for colour-blind readers
}


def region_color(code: str, index: int = 0) -> str:
    """Return the region's fixed colour, or a palette colour for municipalities."""
    return REGION_COLORS.get(code, OKABE_ITO[index % len(OKABE_ITO)])


def apply_base(fig: go.Figure, lang: str, *, height: int | None = 420, legend: bool = True) -> go.Figure:
    """Give a figure the house look: fonts, margins, separators of the language, no title (the card has it)."""
    fig.update_layout(
        font=dict(family=FONT_FAMILY, size=14, color=TEXT_COLOR),
        separators=PLOTLY_SEPARATORS[lang_or_default(lang)],
        margin=dict(l=10, r=10, t=30, b=10),
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=14)),
        showlegend=legend,
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, title_text=""),
        height=height,
    )
    fig.update_xaxes(gridcolor=GRID_COLOR, zerolinecolor=GRID_COLOR, automargin=True)
    fig.update_yaxes(gridcolor=GRID_COLOR, zerolinecolor=GRID_COLOR, automargin=True)
    return fig


def empty_figure(message: str, lang: str) -> go.Figure:
    """Return a blank figure that says in words why there is nothing to show."""
    fig = go.Figure()
    fig.add_annotation(
        text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font=dict(size=16, color=MUTED_COLOR)
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(meta={"message": message})  # the page shows the words instead of an empty chart
    return apply_base(fig, lang, height=240, legend=False)
