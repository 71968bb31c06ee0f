"""Build the monitoring table of the county as a whole: new firms and R&D spending since the baseline.

Neither is available by industry, so they describe the county, not a priority area; the table says so.
"""

from __future__ import annotations

import pandas as pd

from data.measures import BY_CODE
from figures.monitoring import Series, small_multiples
from figures.spec import ChartSpec
from figures.style import empty_figure, region_color
from i18n import fmt_signed_percent, tx
from indicators.facts import example_share
from indicators.monitoring_county import COUNTY_MEASURES, county_progress, county_series

from .. import chart
from ..sources import dataset_source_line
from . import VIEW, chosen_counties, direction_words, names, reason_words, reference_name, span, value_text
from .areas import caveats, cell, message_spec

KIND = {"new_firms": "count"}  # the rest: SEK per inhabitant, written without decimals


def measure_name(measure: str, lang: str) -> str:
    spec = BY_CODE.get(measure)
    return spec.name(lang) if spec else measure


def unit(measure: str, lang: str) -> str:
    spec = BY_CODE.get(measure)
    return (spec.unit_en if lang == "en" else spec.unit_sv) if spec else ""


def comparison(row, lang: str, ref: str) -> str:
    """Return how the county's change compares with the reference's, over the years both have."""
    if row.vs_reference not in ("faster", "slower", "same"):
        return direction_words("no_reference", lang, ref)
    changes = f"{fmt_signed_percent(row.period_change, lang)} {tx(lang, 'mot', 'against')} "
    changes += fmt_signed_percent(row.reference_change, lang)
    return f"{direction_words(row.vs_reference, lang, ref)} {int(row.period_start)}–{int(row.period_end)} ({changes})"


def line_of(row, series: pd.DataFrame, lang: str) -> Series:
    """Return the county's series of a measure, the baseline marked, 'start → latest' as its note."""
    mine = series[(series["region"] == row.region) & (series["measure"] == row.measure)].sort_values("year")
    kind = KIND.get(row.measure, "rate")
    note = f"{value_text(row.value_start, lang, kind)} → {value_text(row.value_latest, lang, kind)}"
    color = region_color(row.region)
    return Series(
        measure_name(row.measure, lang), list(mine["year"]), list(mine["value"]), int(row.baseline), color, note=note
    )


def county_row(row, series: pd.DataFrame, lang: str, ref: str) -> dict:
    """Return one row of the page's table for a county's measure (words in the page's language)."""
    what = unit(row.measure, lang)
    head = {
        "head": measure_name(row.measure, lang),
        "sub": [tx(lang, f"Länet som helhet, {what}", f"The county as a whole, {what}")],
    }
    if isinstance(row.reason, str):
        return head | {"missing": reason_words(row.reason, lang)}
    kind = KIND.get(row.measure, "rate")
    text = span(row.baseline, row.value_start, row.latest, row.value_latest, lang, kind, row.change)
    return head | {"cells": [cell(text, line_of(row, series, lang), lang, kind), cell(comparison(row, lang, ref))]}


@chart(VIEW, "county")
def county_chart(conn, lang: str, county: str = "", reference: str = "00", **_) -> ChartSpec:
    """Return new firms and R&D spending of the chosen counties from the baseline to the latest year."""
    regions = chosen_counties(conn, county)
    title = tx(lang, "Länet som helhet: nystartade företag och FoU", "The county as a whole: new firms and R&D")
    if not regions:
        return message_spec(title, tx(lang, "Inga län valda.", "No county chosen."), lang, "county")
    progress = county_progress(conn, regions=regions, reference=reference)
    series = county_series(conn, regions=regions, reference=reference)
    county_names, ref = names(conn, lang), reference_name(lang, reference)
    groups, rows, labels = [], [], []
    for region in regions:
        mine = progress[progress["region"] == region]
        rows_here = [county_row(r, series, lang, ref) for r in mine.itertuples()]
        groups.append({"name": county_names.get(region, region), "rows": rows_here})
        for r in mine[mine["reason"].isna()].itertuples():
            rows.append([line_of(r, series, lang)])
            labels.append(measure_name(r.measure, lang))
    known = progress[progress["reason"].isna()]
    used = sorted(set(known["dataset"].dropna()))
    table = pd.DataFrame(
        {
            tx(lang, "Län", "County"): progress["region"].map(county_names),
            tx(lang, "Mått", "Measure"): [measure_name(m, lang) for m in progress["measure"]],
            tx(lang, "Enhet", "Unit"): [unit(m, lang) for m in progress["measure"]],
            tx(lang, "Basår", "Baseline"): progress["baseline"],
            tx(lang, "Senaste år", "Latest year"): progress["latest"],
            tx(lang, "Värde basår", "Value, baseline"): progress["value_start"],
            tx(lang, "Värde senaste år", "Value, latest year"): progress["value_latest"],
            tx(lang, "Förändring", "Change"): progress["change"],
            tx(lang, f"Förändring i {ref}", f"Change in {ref}"): progress["reference_change"],
            tx(lang, "Jämförda år från", "Compared from"): progress["period_start"],
            tx(lang, "Jämförda år till", "Compared to"): progress["period_end"],
            tx(lang, "Anmärkning", "Note"): [reason_words(r, lang) for r in progress["reason"]],
            tx(lang, "Exempeldata", "Example data"): progress["is_example"].astype(bool),
        }
    )
    missing = progress[progress["reason"].notna()]
    gaps = sorted({measure_name(m, lang) for m in missing["measure"]})
    summary = county_summary(known, county_names, lang, ref) + (
        (" " + tx(lang, "Uppgift saknas: ", "No data: ") + ", ".join(gaps) + ".") if gaps else ""
    )
    figure = (
        small_multiples(
            rows,
            [tx(lang, "Utveckling", "Development")],
            labels,
            lang,
            key=[(county_names.get(r, r), region_color(r)) for r in regions],
        )
        if rows
        else empty_figure(summary, lang)
    )
    return ChartSpec(
        view=VIEW,
        key="county",
        title=title,
        subtitle=tx(
            lang,
            "Finns inte per bransch och gäller därför hela länet, inte ett enskilt testområde.",
            "Not available by industry, so they describe the whole county, not a single priority area.",
        ),
        figure=figure,
        table=table,
        source=dataset_source_line(conn, lang, used),
        data_status=example_share(known),
        summary=summary,
        notes=[n for code in used for n in caveats(conn, [code], lang)[:1]][:2],
        filename="_".join(["uppfoljning_lanet", county or "alla", reference]),
        page=(
            "monitoring_table",
            {
                "groups": groups,
                "headers": [
                    tx(lang, "Mått", "Measure"),
                    tx(lang, "Utveckling", "Development"),
                    tx(lang, f"Jämfört med {ref}", f"Compared with {ref}"),
                ],
                "title": title,
            },
        ),
    )


def county_summary(known: pd.DataFrame, county_names: dict, lang: str, ref: str) -> str:
    """Say, per county, how new firms changed against the reference."""
    parts = []
    for r in known[known["measure"] == COUNTY_MEASURES[0]].itertuples():
        parts.append(
            f"{county_names.get(r.region, r.region)} {fmt_signed_percent(r.change, lang)} ({int(r.baseline)}–{int(r.latest)})"
        )
    if not parts:
        return ""
    return tx(lang, "Nystartade företag: ", "New firms: ") + "; ".join(parts) + "."
