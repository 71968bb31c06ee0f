"""Build the Styrkeområden charts of specialisation and the rule: bubble, ranked quotients, rule criteria, heatmap."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from figures.styrkeomraden import bubble_chart, lq_bars, lq_heatmap
from figures.styrkeomraden_profile import YES, criteria_matrix
from i18n import counted, fmt_number, fmt_signed_percent, tx
from indicators.lq import location_quotients

from . import COUNTIES, SIDE_BY_SIDE
from .context import Context, missing_reference_note, spec, styrka_chart, uncertain_column, uncertain_note

TOP_BARS = 15  # division level: the 15 highest quotients per region; other levels show every industry
TOP_HEATMAP = 30
LABELS_PER_PANEL = 6
LABEL_SPACING = 0.08  # least distance of two numbered bubbles, as a share of the axes' spans


def shown_rows(ctx: Context) -> pd.DataFrame:
    """Return the analysis rows with a name, class name and panel in the page's language."""
    table = ctx.analysis.table
    return table.assign(
        panel=table["region"].map(ctx.name),
        name=ctx.industry_names(table),
        category_name=ctx.categories(table),
    )


def labelled(rows: pd.DataFrame) -> pd.Series:
    """Number, per panel, the strength areas with most employees: the bubble chart writes the number, its key the name.

    A bubble closer than LABEL_SPACING (a share of the axes' spans) to one already numbered stays
    unnumbered, so no two numbers meet, at any width (the table and the hover name them all).
    """
    strong = rows[rows["category"].isin(["helhetlig", "styrka"])]
    x = np.log10(rows["lq"].clip(lower=1e-6))
    y = rows["change_pct"]
    x_span, y_span = max(float(x.max() - x.min()), 0.3), max(float(y.max() - y.min()), 0.01)
    chosen = []
    for _panel, part in strong.sort_values(["panel", "value"], ascending=[True, False]).groupby("panel", sort=False):
        taken = []
        for index in part.index:
            here = (x[index] / x_span, y[index] / y_span)
            if all(math.dist(here, other) >= LABEL_SPACING for other in taken):
                taken.append(here)
                chosen.append(index)
            if len(taken) == LABELS_PER_PANEL:
                break
    top = rows.loc[chosen]
    order = {
        index: str(n) for n, index in enumerate(top.sort_values(["panel", "lq"], ascending=[True, False]).index, 1)
    }
    return pd.Series([order.get(i, "") for i in rows.index], index=rows.index)


def bubble_key(rows: pd.DataFrame, several: bool, lang: str) -> str:
    """Return the key to the bubble chart's numbers: '1 Pappers- och pappersvarutillverkning; 2 …'."""
    marked = rows[rows["label"] != ""].assign(_n=lambda f: f["label"].astype(int)).sort_values("_n")
    if marked.empty:
        return ""
    names = [
        f"{n} {name}" + (f" ({panel})" if several else "")
        for n, name, panel in zip(marked["_n"], marked["name"], marked["panel"])
    ]
    return tx(lang, "Numren i diagrammet: ", "Numbers in the chart: ") + "; ".join(names) + "."


def region_column(ctx: Context, rows: pd.DataFrame) -> dict:
    return {tx(ctx.lang, "Region", "Region"): rows["panel"]} if len(ctx.selection.regions) > 1 else {}


@styrka_chart("bubble", "Specialisering och förändring", "Specialisation and change", needs_period=True)
def bubble(ctx: Context, key: str, title: str):
    """Return LQ against employment change, bubble size = employees."""
    lang, a = ctx.lang, ctx.analysis
    rows = shown_rows(ctx)
    rows = rows[(rows["lq"] > 0) & rows["change_pct"].notna()].copy()
    rows["label"] = labelled(rows)
    fig = bubble_chart(rows, ctx.panels(), lang, growth=a.national_growth, reference=ctx.reference_name.capitalize())
    table = pd.DataFrame(
        {
            **region_column(ctx, rows),
            tx(lang, "Bransch", "Industry"): rows["name"],
            tx(lang, "Sysselsatta", "Employees"): rows["value"],
            tx(lang, "Lokaliseringskvot", "Location quotient"): rows["lq"],
            tx(lang, f"Förändring {ctx.period} (personer)", f"Change {ctx.period} (persons)"): rows["change"],
            tx(lang, f"Förändring {ctx.period} (andel)", f"Change {ctx.period} (share)"): rows["change_pct"],
            tx(lang, "Klass", "Class"): rows["category_name"],
            **uncertain_column(ctx, rows),
            tx(lang, "Exempeldata", "Example data"): rows["is_example"],
        }
    )
    best = rows.sort_values("lq", ascending=False).head(1)
    summary = ""
    if not best.empty:
        b = best.iloc[0]
        summary = tx(
            lang,
            f"Varje bubbla är en bransch. Högst kvot har {b['name'].lower()} i {b['panel']}: {fmt_number(b['lq'], lang, 1)} "
            f"gånger vanligare än i {ctx.reference_name}, {fmt_number(b['value'], lang)} sysselsatta, förändring "
            f"{fmt_signed_percent(b['change_pct'], lang)} {ctx.period}. Hela {ctx.reference_name} ändrades med "
            f"{fmt_signed_percent(a.national_growth, lang)}.",
            f"Each bubble is an industry. The highest quotient is {b['name'].lower()} in {b['panel']}: "
            f"{fmt_number(b['lq'], lang, 1)} times as common as in {ctx.reference_name}, {fmt_number(b['value'], lang)} "
            f"employees, change {fmt_signed_percent(b['change_pct'], lang)} {ctx.period}. All of "
            f"{ctx.reference_name} changed by {fmt_signed_percent(a.national_growth, lang)}.",
        )
    subtitle = tx(
        lang,
        f"Lokaliseringskvot {a.year} mot {ctx.reference_name} och förändring av sysselsatta {ctx.period}, {ctx.level_name}",
        f"Location quotient {a.year} against {ctx.reference_name} and change in employees {ctx.period}, {ctx.level_name}",
    )
    key_note = bubble_key(rows, len(ctx.panels()) > 1, lang)
    notes = (
        ([key_note] if key_note else []) + missing_reference_note(ctx, ctx.analysis.table) + uncertain_note(ctx, rows)
    )
    return spec(ctx, key, title, fig, table, rows, ["employees"], summary=summary, subtitle=subtitle, notes=notes)


@styrka_chart("lq-bars", "Branscherna med högst lokaliseringskvot", "Industries with the highest location quotient")
def ranked_quotients(ctx: Context, key: str, title: str):
    """Return ranked LQ bars with the rule's stars as text."""
    lang, a = ctx.lang, ctx.analysis
    rows = shown_rows(ctx)
    rows = rows[rows["lq"].notna()].sort_values(["region", "lq"], ascending=[True, False], kind="stable")
    if a.level == "division":
        rows = rows.groupby("region", sort=False).head(TOP_BARS)
    fig = lq_bars(rows, ctx.panels(), lang)
    table = pd.DataFrame(
        {
            **region_column(ctx, rows),
            tx(lang, "Bransch", "Industry"): rows["name"],
            tx(lang, "Lokaliseringskvot", "Location quotient"): rows["lq"],
            tx(lang, "Stjärnor", "Stars"): rows["stars"],
            tx(lang, "Sysselsatta", "Employees"): rows["value"],
            tx(lang, "Klass", "Class"): rows["category_name"],
            **uncertain_column(ctx, rows),
            tx(lang, "Exempeldata", "Example data"): rows["is_example"],
        }
    )
    parts = []
    for panel, part in rows.groupby("panel", sort=False):
        top = part.head(3)
        listed = ", ".join(f"{n.lower()} {fmt_number(v, lang, 1)}" for n, v in zip(top["name"], top["lq"]))
        parts.append(f"{panel}: {listed}")
    summary = tx(lang, "Högst kvot: ", "Highest quotients: ") + "; ".join(parts) + "."
    shown = (
        tx(lang, f"de {TOP_BARS} högsta", f"the {TOP_BARS} highest")
        if a.level == "division"
        else tx(lang, "alla", "all")
    )
    subtitle = tx(
        lang,
        f"{ctx.level_name}, {a.year}, jämfört med {ctx.reference_name}; {shown}. ★ = stjärnor enligt regeln.",
        f"{ctx.level_name}, {a.year}, compared with {ctx.reference_name}; {shown}. ★ = stars by the rule.",
    )
    notes = missing_reference_note(ctx, ctx.analysis.table) + uncertain_note(ctx, rows)
    return spec(ctx, key, title, fig, table, rows, ["employees"], summary=summary, subtitle=subtitle, notes=notes)


def plain(label: str) -> str:
    """Return a chart column label as one line of text for the table."""
    return label.replace("-<br>", "").replace("<br>", " ")


def criteria(lang: str) -> list[tuple[str, str]]:
    return [
        ("lq_ok", tx(lang, "Kvot<br>≥ gräns", "Quotient<br>≥ limit")),
        ("top_quartile", tx(lang, "Topp<br>efter kvot", "Top by<br>quotient")),
        ("above_bottom", tx(lang, "Inte bland<br>minsta", "Not among<br>smallest")),
        ("star_spec", tx(lang, "★ Speciali-<br>sering", "★ Speciali-<br>sation")),
        ("star_size", tx(lang, "★<br>Storlek", "★<br>Size")),
        ("star_focus", tx(lang, "★<br>Fokus", "★<br>Focus")),
        ("dynamic", tx(lang, "Dyna-<br>mik", "Dyna-<br>mics")),
        ("renewal", tx(lang, "För-<br>nyelse", "Renewal")),
        ("academic", tx(lang, "Akade-<br>misk bas", "Academic<br>base")),
    ]


@styrka_chart("strengths", "Styrkeområden och kriterierna bakom dem", "Strength areas and the criteria behind them")
def strengths(ctx: Context, key: str, title: str):
    """Return the rule's criteria for every industry the rule classifies, strongest class first."""
    lang, t = ctx.lang, ctx.analysis.thresholds
    rows = shown_rows(ctx)
    rows = rows[rows["category"] != "ovrig"].assign(lq_ok=lambda f: f["lq"] >= t.lq_min)
    order = {"helhetlig": 0, "styrka": 1, "framvaxande": 2}
    rows = rows.assign(_o=rows["category"].map(order)).sort_values(["_o", "lq"], ascending=[True, False])
    several = len(ctx.selection.regions) > 1
    rows["row"] = [
        (f"{p}: " if several else "") + n[:34] + ("…" if len(n) > 34 else "")
        for p, n in zip(rows["panel"], rows["name"])
    ]
    cols = criteria(lang)
    fig = criteria_matrix(rows, cols, lang)
    table = pd.DataFrame(
        {
            **region_column(ctx, rows),
            tx(lang, "Bransch", "Industry"): rows["name"],
            tx(lang, "Lokaliseringskvot", "Location quotient"): rows["lq"],
            **{plain(label): rows[k].map(lambda v: YES if v else "–") for k, label in cols},
            tx(lang, "Klass", "Class"): rows["category_name"],
            tx(lang, "Exempeldata", "Example data"): rows["is_example"],
        }
    )
    counts = rows.groupby("category").size()
    holistic, business, emerging = (
        counted(counts.get(category, 0), lang, sv, en)
        for category, sv, en in [
            (
                "helhetlig",
                ("helhetligt styrkeområde", "helhetliga styrkeområden"),
                ("holistic strength area", "holistic strength areas"),
            ),
            (
                "styrka",
                ("styrkeområde i näringslivet", "styrkeområden i näringslivet"),
                ("business strength area", "business strength areas"),
            ),
            (
                "framvaxande",
                ("framväxande bransch", "framväxande branscher"),
                ("emerging industry", "emerging industries"),
            ),
        ]
    )
    summary = tx(
        lang,
        f"Regeln ger {holistic}, {business} och {emerging} ({ctx.level_name}, {ctx.analysis.year}).",
        f"The rule gives {holistic}, {business} and {emerging} ({ctx.level_name}, {ctx.analysis.year}).",
    )
    measures = ["employees", "new_firms", "patent_applications", "trademark_applications"]
    page = ("criteria_table", {"frame": rows, "criteria": cols, "title": title})
    return spec(ctx, key, title, fig, table, rows, measures, summary=summary, page=page)


def heatmap_regions(ctx: Context) -> list[str]:
    """Return the regions side by side in the heatmap: the counties and SE31, or a county's municipalities."""
    region, regions = ctx.selection.region, ctx.source.regions().set_index("code")
    if region == SIDE_BY_SIDE or region in COUNTIES or region == "SE31":
        chosen = [*COUNTIES, "SE31"]
    else:
        county = regions.at[region, "parent"]
        munis = regions.index[(regions["parent"] == county) & (regions["level"] == "kommun")]
        chosen = [county, *sorted(munis, key=lambda m: regions.at[m, "name_sv"])]
    return [r for r in chosen if r != ctx.selection.reference]


@styrka_chart("heatmap", "Lokaliseringskvoter i flera regioner", "Location quotients in several regions")
def heatmap(ctx: Context, key: str, title: str):
    """Return industries × regions coloured by LQ, with the quotient written in every cell."""
    lang, a = ctx.lang, ctx.analysis
    regions = heatmap_regions(ctx)
    frame = location_quotients(ctx.source, year=a.year, level=a.level, reference=a.reference, regions=regions)
    industries = ctx.source.industries(a.level)
    frame = frame.merge(industries, on="industry")
    frame = frame.assign(name=ctx.industry_names(frame), region_name=frame["region"].map(ctx.name))
    lq = frame.pivot_table(index="name", columns="region_name", values="lq", sort=False)
    people = frame.pivot_table(index="name", columns="region_name", values="value", sort=False)
    columns = [ctx.name(r) for r in regions if ctx.name(r) in lq.columns]
    order = frame.drop_duplicates("name").sort_values("sort")["name"]
    lq, people = lq.reindex(index=order, columns=columns), people.reindex(index=order, columns=columns)
    if a.level == "division":
        keep = lq.max(axis=1).sort_values(ascending=False).head(TOP_HEATMAP).index
        lq, people = lq.loc[[n for n in order if n in keep]], people.loc[[n for n in order if n in keep]]
    fig = lq_heatmap(lq, people, lang)
    table = lq.reset_index().rename(columns={"name": tx(lang, "Bransch", "Industry")})
    used = frame[frame["name"].isin(lq.index)]
    top = used.sort_values("lq", ascending=False).head(1)
    summary = ""
    if not top.empty:
        t = top.iloc[0]
        summary = tx(
            lang,
            f"Färgen visar kvoten: lila över 1, orange under 1, och varje ruta har talet. Högst: {t['name'].lower()} i "
            f"{t['region_name']}, {fmt_number(t['lq'], lang, 1)}.",
            f"The colour shows the quotient: purple above 1, orange below 1, and each cell has the number. Highest: "
            f"{t['name'].lower()} in {t['region_name']}, {fmt_number(t['lq'], lang, 1)}.",
        )
    subtitle = tx(
        lang,
        f"{ctx.level_name}, {a.year}, jämfört med {ctx.reference_name}"
        + (f"; de {TOP_HEATMAP} branscher med högst kvot någonstans" if a.level == "division" else ""),
        f"{ctx.level_name}, {a.year}, compared with {ctx.reference_name}"
        + (f"; the {TOP_HEATMAP} industries with the highest quotient anywhere" if a.level == "division" else ""),
    )
    return spec(ctx, key, title, fig, table, used, ["employees"], summary=summary, subtitle=subtitle)
