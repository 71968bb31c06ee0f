"""Describe one finished chart: figure, numbers, words and provenance, the unit every view,
export and test works with."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd
import plotly.graph_objects as go


@dataclass
class ChartSpec:
    view: str  # styrkeomraden, klusterkartering, ...
    key: str  # chart key within the view: lq-bubble, portfolio, ...
    title: str
    figure: go.Figure | dict  # the builders' dict (figures.style.figure); tests read it as a go.Figure
    table: pd.DataFrame  # exactly the numbers the chart shows, with column labels in the page's language
    source: str  # "Källa: ..." line, without the example note
    data_status: str = "real"  # real | example | mixed
    summary: str = ""  # plain-language text alternative generated from the numbers
    subtitle: str = ""
    filename: str = ""  # stem that says what it is: styrkeomraden_lq_dalarna_2022
    notes: list[str] = field(default_factory=list)  # e.g. suppression notes
    definitions: list[str] = field(default_factory=list)  # for export source sheets and final slides
    # Shown on the page instead of the figure (html components): a matrix that is a table by nature
    # is an HTML table there. The exports still draw the figure.
    page: object = None
    datasets: list[str] = field(default_factory=list)  # codes of the datasets behind it (charts.sources.recording)

    @property
    def is_example(self) -> bool:
        return self.data_status in ("example", "mixed")

    def figure_dict(self) -> dict:
        """Return the figure as Plotly's JSON-ready dict."""
        return self.figure if isinstance(self.figure, dict) else self.figure.to_plotly_json()

    def figure_size(self) -> tuple[int | None, int | None]:
        """Return the figure's layout width and height (None where the layout leaves them to the box)."""
        layout = self.figure_dict().get("layout") or {}
        return layout.get("width"), layout.get("height")

    def frozen(self) -> ChartSpec:
        """Return the spec with its figure as a plain dict: quick to keep in a cache and to read back.

        A go.Figure checks every property again when it is read back from a cache (unpickled),
        which cost more than building most charts.
        """
        return replace(self, figure=self.figure_dict())

    @property
    def message(self) -> str:
        """Return the words an empty chart stands for (figures.style.empty_figure), or ""."""
        meta = (self.figure_dict().get("layout") or {}).get("meta")
        return meta.get("message", "") if isinstance(meta, dict) else ""
