"""Build the company survey's figure: diverging stacked bars centred on the neutral answer.

Negative answers stack to the left of zero, positive ones to the right, and the neutral
answer sits across zero in grey (the form the Likert literature recommends). "Vet ej" is
not part of the percentages: its count stands beside n above each bar.
"""

from __future__ import annotations

import math

import pandas as pd
from plotly.colors import hex_to_rgb, label_rgb, n_colors

from i18n import fmt_number, fmt_percent, tx

from .style import DIVERGING, MUTED_COLOR, TEXT_COLOR, apply_base, figure, mark_rows, merge

ROW_HEIGHT = 78  # pixels per bar with its name, n and "Vet ej" above
BAR_WIDTH = 0.36  # of a row
MIN_TEXT_SHARE = 0.05  # segments narrower than this carry no percentage (the hover and table have it)


def scale_colors(scale: pd.DataFrame) -> dict[str, str]:
    """Return {option: colour}: DIVERGING from the strongest negative to the strongest positive, neutral grey."""
    by_sort = scale.sort_values("sort")
    positive = list(by_sort.loc[by_sort["polarity"] == "positive", "code"])  # strongest first
    negative = list(by_sort.loc[by_sort["polarity"] == "negative", "code"])[::-1]  # strongest first
    colors = {code: DIVERGING[2] for code in by_sort.loc[by_sort["polarity"] == "neutral", "code"]}
    colors.update(zip(positive, _ramp(DIVERGING[4], DIVERGING[3], len(positive))))
    colors.update(zip(negative, _ramp(DIVERGING[0], DIVERGING[1], len(negative))))
    return colors


def _ramp(strong: str, light: str, count: int) -> list[str]:
    if count <= 2:
        return [strong, light][:count]
    return n_colors(label_rgb(hex_to_rgb(strong)), label_rgb(hex_to_rgb(light)), count, colortype="rgb")


def text_color(fill: str) -> str:
    """Return black or white, whichever contrasts more with the fill."""
    rgb = hex_to_rgb(fill) if fill.startswith("#") else tuple(int(float(v)) for v in fill[4:-1].split(","))
    lin = [(c / 255) / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#ffffff" if 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 else "#000000"


def segment_bases(rows: pd.DataFrame, scale: pd.DataFrame) -> dict[str, pd.Series]:
    """Return where each option's segment starts, so the neutral answer is centred on zero."""
    by_sort = scale.sort_values("sort")
    share = {c: rows[f"share_{c}"].fillna(0.0) for c in by_sort["code"]}
    neutral = list(by_sort.loc[by_sort["polarity"] == "neutral", "code"])
    half = sum((share[c] for c in neutral), pd.Series(0.0, index=rows.index)) / 2
    bases, cursor = {}, -half
    for code in neutral:
        bases[code], cursor = cursor, cursor + share[code]
    cursor = half
    for code in list(by_sort.loc[by_sort["polarity"] == "positive", "code"])[::-1]:  # weakest first, outwards
        bases[code], cursor = cursor, cursor + share[code]
    cursor = -half
    for code in by_sort.loc[by_sort["polarity"] == "negative", "code"]:  # weakest first, outwards
        cursor = cursor - share[code]
        bases[code] = cursor
    return bases


def bar_heading(row, lang: str, hidden_text: dict[str, str]) -> tuple[str, str]:
    """Return the words above a bar: (the group's name, its n and "Vet ej", or why it is hidden)."""
    name = str(row["label"])
    if row.get("emphasis"):
        name = f"<b>{name}</b>"
    if row["status"] != "shown":
        return name, hidden_text.get(row["status"], row["status"])
    return name, (
        f"n = {fmt_number(row['answered'], lang)} · {tx(lang, 'vet ej', 'don’t know')} "
        f"{fmt_number(row['dont_know'], lang)}"
    )


def likert_bars(rows: pd.DataFrame, scale: pd.DataFrame, lang: str, *, hidden_text: dict[str, str]) -> dict:
    """Return one diverging bar per row, top to bottom, with its name, n and "Vet ej" above it.

    rows: label, status, answered, dont_know, share_<option>..., positive, negative (and optionally
    emphasis: a bold name); scale: code, sort, label_sv, label_en, polarity of the options with a
    polarity; hidden_text: status -> the words shown in place of a hidden bar.
    """
    rows = rows.reset_index(drop=True)
    colors, bases = scale_colors(scale), segment_bases(rows, scale)
    # Legend and drawing order from the strongest negative to the strongest positive answer.
    order = scale.sort_values("sort", ascending=False).to_dict("records")
    traces = [
        _segment(rows, opt, colors[opt["code"]], bases[opt["code"]], lang, rank) for rank, opt in enumerate(order)
    ]
    traces += _side_totals(rows, bases, scale, colors, lang)
    headings = [bar_heading(r, lang, hidden_text) for r in rows.to_dict("records")]
    fig = figure(traces, _layout(rows, headings, bases, lang))
    # The legend takes one line on a wide screen and up to five on a phone: leave room for five.
    fig = apply_base(fig, lang, height=200 + ROW_HEIGHT * len(rows))
    merge(fig["layout"], dict(margin=dict(t=50)))
    return mark_rows(fig, [len(rows)], ROW_HEIGHT, 200)


def _segment(rows, opt, color, base, lang, rank) -> dict:
    code, name = opt["code"], tx(lang, opt["label_sv"], opt["label_en"])
    share = rows[f"share_{code}"]
    counts = (share * rows["answered"].astype("float64")).round()
    text = [fmt_percent(v, lang) if v >= MIN_TEXT_SHARE else "" for v in share.fillna(0.0)]
    hover = [
        f"{label}<br>{name}: {fmt_percent(v, lang)} ({fmt_number(c, lang)} {tx(lang, 'av', 'of')} {fmt_number(n, lang)})"
        if not math.isnan(v)
        else ""
        for label, v, c, n in zip(rows["label"], share, counts.fillna(0), rows["answered"].fillna(0))
    ]
    return dict(
        type="bar",
        y=list(rows.index),
        x=share.tolist(),
        base=base.tolist() if isinstance(base, pd.Series) else base,
        width=BAR_WIDTH,
        orientation="h",
        name=name,
        legendrank=rank,
        marker=dict(color=color, line=dict(color="white", width=1)),
        text=text,
        textposition="inside",
        insidetextanchor="middle",
        textangle=0,
        textfont=dict(color=text_color(color)),
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
    )


def _side_totals(rows, bases, scale, colors, lang) -> list[dict]:
    """Return the negative total beside the left end of each bar and the positive total beside the right end."""
    by_sort, traces = scale.sort_values("sort"), []
    for polarity, end, anchor in (("negative", -1, "middle left"), ("positive", 0, "middle right")):
        codes = list(by_sort.loc[by_sort["polarity"] == polarity, "code"])
        if not codes:
            continue
        outer = codes[end]  # the strongest answer of the side lies outermost
        edge = bases[outer] + (0 if polarity == "negative" else rows[f"share_{outer}"].fillna(0.0))
        shown = rows["status"].eq("shown") & rows[polarity].notna()
        pad = -0.02 if polarity == "negative" else 0.02
        traces.append(
            dict(
                type="scatter",
                x=(edge[shown] + pad).tolist(),
                y=list(rows.index[shown]),
                mode="text",
                text=[fmt_percent(v, lang) for v in rows.loc[shown, polarity]],
                textposition=anchor,
                textfont=dict(color=colors[outer] if polarity == "positive" else DIVERGING[0], size=13),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    return traces


def _headings(headings: list[tuple[str, str]]) -> list[dict]:
    """Return an annotation above each bar: its name, and below that its n and "Vet ej" (or why it is hidden)."""
    detail_style = f"font-size:12px;color:{MUTED_COLOR}"
    return [
        dict(
            text=f'{name}<br><span style="{detail_style}">{detail}</span>',
            x=0,
            xref="paper",
            xanchor="left",
            align="left",
            y=i - BAR_WIDTH / 2 - 0.02,
            yref="y",
            yanchor="bottom",
            showarrow=False,
            font=dict(size=14, color=TEXT_COLOR),
        )
        for i, (name, detail) in enumerate(headings)
    ]


def _layout(rows, headings, bases, lang) -> dict:
    """Return the layout: a symmetric percentage axis around zero, one row per bar, headings as annotations."""
    reach = [b.abs().max() for b in bases.values()] + [
        (bases[c] + rows[f"share_{c}"].fillna(0.0)).abs().max() for c in bases
    ]
    extent = max(0.25, math.ceil(max([r for r in reach if not math.isnan(r)] or [0.25]) * 4) / 4)
    step = 0.25 if extent <= 0.5 else 0.5
    ticks = [i * step for i in range(-int(extent / step), int(extent / step) + 1)]
    return dict(
        barmode="overlay",
        uniformtext=dict(minsize=11, mode="hide"),
        legend=dict(traceorder="normal"),
        xaxis=dict(
            range=[-extent - 0.28, extent + 0.28],
            tickvals=ticks,
            ticktext=[fmt_percent(abs(t), lang) for t in ticks],
            zeroline=True,
            zerolinecolor=MUTED_COLOR,
            fixedrange=True,
            title=dict(text=tx(lang, "Andel av svaren med åsikt", "Share of answers with an opinion")),
        ),
        yaxis=dict(
            range=[len(rows) - 0.6, -0.75], showticklabels=False, showgrid=False, zeroline=False, fixedrange=True
        ),
        annotations=_headings(headings),
    )
