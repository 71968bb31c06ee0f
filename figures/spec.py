"""Describe one finished chart: figure, numbers, words and provenance, the unit every view,
export and test works with."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go


@dataclass
class ChartSpec:
    view: str  # styrkeomraden, klusterkartering, ...
    key: str  # chart key within the view: lq-bubble, portfolio, ...
    title: str
    figure: go.Figure
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

    @property
    def is_example(self) -> bool:
        return self.data_status in ("example", "mixed")
