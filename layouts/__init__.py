"""Lay out the pages: the shell, one module per view (page(conn, lang, query)), the chart card."""
