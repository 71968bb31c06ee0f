"""Build figures: pure functions DataFrame -> plotly Figure, sharing one look (figures.style)."""
