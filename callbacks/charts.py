"""Fill each chart card from its store: HTML at once, the figure on screen at once and below the fold when idle."""

from dash import MATCH, ClientsideFunction, Input, clientside_callback

# No output: assets/20-charts.js writes the card and sets the graph with dash_clientside.set_props.
clientside_callback(
    ClientsideFunction(namespace="s3", function_name="fillChart"),
    Input({"type": "chart-figure", "view": MATCH, "key": MATCH}, "data"),
    prevent_initial_call=True,
)
