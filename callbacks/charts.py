"""Fill each chart card from its store: a card in the window at once, those below the fold right after the first paint."""

from dash import MATCH, ClientsideFunction, Input, clientside_callback

# No output: assets/20-charts.js writes the card and draws the graph (Plotly.react, or the figure prop first).
clientside_callback(
    ClientsideFunction(namespace="s3", function_name="fillChart"),
    Input({"type": "chart-figure", "view": MATCH, "key": MATCH}, "data"),
    prevent_initial_call=True,
)

# A view that fills all its cards from one store (layouts/chart.py cards_value).
clientside_callback(
    ClientsideFunction(namespace="s3", function_name="fillCards"),
    Input({"type": "chart-cards", "view": MATCH}, "data"),
    prevent_initial_call=True,
)
