"""Wire inputs to indicators and figures: one module per view, thin module-level callbacks."""
