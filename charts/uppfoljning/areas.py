"""Build the monitoring table of the priority areas: employment, share and location quotient since the baseline.

On the page it is an HTML table with a sparkline per series (layouts/monitoring_table.py); the exports
draw the same series as small multiples. The number table holds every value shown: the baseline and latest
values with the directions, and the yearly series behind the sparklines.
"""

from __future__ import annotations

import pandas as pd

from figures.monitoring import Series, small_multiples, sparkline_uri
from figures.spec import ChartSpec
from figures.style import empty_figure, region_color
from i18n import fmt_signed_percent, tx
from indicators.coverage import missing_message
from indicators.facts import datasets, example_share
from indicators.levels import LEVEL_NAMES
from indicators.monitoring import area_progress, area_series, monitoring_level
from indicators.source import CachedSource

from .. import chart
from ..sources import dataset_source_line
from . import (
    VIEW,
    chosen_counties,
    direction_words,
    lq_words,
    names,
    reason_words,
    reference_name,
    span,
    value_text,
)


def caveats(conn, codes, lang: str) -> list[str]:
    """Return what the datasets' manifest says a reader must know (rounding, breaks, coverage)."""
    rows = datasets(conn)
    rows = rows[rows["code"].isin(list(codes))]
    column = "caveats_en" if lang == "en" else "caveats_sv"
    return [t for t in rows.get(column, []) if isinstance(t, str) and t]


def industry_words(codes: list[str], industry_names: dict, level: str, lang: str) -> str:
    """Return 'NACE A*10: Tillverkning (C), Byggverksamhet (F)'."""
    listed = ", ".join(f"{industry_names.get(c, c)} ({c})" for c in codes)
    return (
        f"{tx(lang, *LEVEL_NAMES[level])}: {listed}" if codes else tx(lang, "inga kopplade branscher", "no industries")
    )


def area_series_pair(series: pd.DataFrame, row, color: str, lang: str) -> tuple[Series, Series]:
    mine = series[series["test_area"] == row.test_area]
    years, base = list(mine["year"]), row.baseline
    employment = Series(tx(lang, "Sysselsatta", "Employees"), years, list(mine["value"]), base, color)
    lq = Series(tx(lang, "Lokaliseringskvot", "Location quotient"), years, list(mine["lq"]), base, color, level=1.0)
    return employment, lq


def alt_text(series: Series, lang: str, kind: str) -> str:
    points = series.points()
    if not points:
        return ""
    (y0, v0), (y1, v1) = points[0], points[-1]
    base = tx(lang, f"; basåret {series.baseline} är markerat", f"; the baseline {series.baseline} is marked")
    return f"{series.label} {y0}–{y1}: {value_text(v0, lang, kind)} → {value_text(v1, lang, kind)}" + (
        base if series.baseline else ""
    )


def cell(text: str, series: Series | None = None, lang: str = "sv", kind: str = "count") -> dict:
    """Return one table cell for the renderer: text, and a sparkline image with its text alternative."""
    if series is None or not series.points():
        return {"text": text}
    return {"text": text, "img": sparkline_uri(series), "alt": alt_text(series, lang, kind)}


def area_row(row, series: pd.DataFrame, industry_names: dict, area_names: dict, ctx: dict) -> dict:
    """Return one row of the page's table for an area (words in the page's language)."""
    lang, other = ctx["lang"], ctx["reference"]
    sub = [industry_words(row.codes, industry_names, row.level, lang)]
    if row.shared_with:
        shared = ", ".join(area_names[i] for i in row.shared_with)
        sub.append(tx(lang, f"Delar branscher med: {shared}", f"Shares industries with: {shared}"))
    head = {"head": row.name_en if lang == "en" else row.name_sv, "sub": sub}
    if row.reason is not None:
        return head | {"missing": reason_words(row.reason, lang)}
    emp, lq = area_series_pair(series, row, ctx["color"], lang)
    return head | {
        "cells": [
            cell(
                span(row.baseline, row.value_start, row.latest, row.value_latest, lang, "count", row.change), emp, lang
            ),
            cell(span(row.baseline, row.share_start, row.latest, row.share_latest, lang, "share")),
            cell(
                span(row.baseline, row.lq_start, row.latest, row.lq_latest, lang, "lq")
                + f" · {lq_words(row.lq_direction, lang)}",
                lq,
                lang,
                "lq",
            ),
            cell(versus(row.vs_reference, row.change, row.reference_change, lang, other)),
            cell(
                versus(
                    row.vs_other,
                    row.change,
                    row.other_change,
                    lang,
                    tx(lang, "länets övriga branscher", "the county's other industries"),
                )
            ),
        ]
    }


def versus(verdict: str, own: float, other: float, lang: str, other_name: str) -> str:
    """Return '↑ snabbare än riket: +5,0 % mot +2,0 %'."""
    changes = f"{fmt_signed_percent(own, lang)} {tx(lang, 'mot', 'against')} {fmt_signed_percent(other, lang)}"
    return f"{direction_words(verdict, lang, other_name)}: {changes}"


def headers(lang: str, reference: str) -> list[str]:
    return [
        tx(lang, "Testområde och branscher", "Priority area and industries"),
        tx(lang, "Sysselsatta", "Employees"),
        tx(lang, "Andel av länets sysselsatta", "Share of the county's employees"),
        tx(lang, "Lokaliseringskvot", "Location quotient"),
        tx(
            lang,
            f"Jämfört med samma branscher i {reference_name(lang, reference)}",
            f"Compared with the same industries in {reference_name(lang, reference)}",
        ),
        tx(lang, "Jämfört med länets övriga branscher", "Compared with the county's other industries"),
    ]


def number_table(progress: pd.DataFrame, series: pd.DataFrame, county_names: dict, lang: str, ref: str) -> pd.DataFrame:
    """Return one row per priority area: the values and words shown, then the yearly series behind the lines."""
    frame = pd.DataFrame(
        {
            tx(lang, "Län", "County"): progress["region"].map(county_names),
            tx(lang, "Testområde", "Priority area"): progress["name_en" if lang == "en" else "name_sv"],
            tx(lang, "Branscher", "Industries"): [", ".join(c) for c in progress["codes"]],
            tx(lang, "Basår", "Baseline"): progress["baseline"],
            tx(lang, "Senaste år", "Latest year"): progress["latest"],
            tx(lang, "Sysselsatta basår", "Employees, baseline"): progress["value_start"],
            tx(lang, "Sysselsatta senaste år", "Employees, latest year"): progress["value_latest"],
            tx(lang, "Förändring", "Change"): progress["change"],
            tx(lang, f"Förändring i {ref}, samma branscher", f"Change in {ref}, same industries"): progress[
                "reference_change"
            ],
            tx(lang, "Förändring i länets övriga branscher", "Change in the county's other industries"): progress[
                "other_change"
            ],
            tx(lang, "Andel av länet basår", "Share of the county, baseline"): progress["share_start"],
            tx(lang, "Andel av länet senaste år", "Share of the county, latest year"): progress["share_latest"],
            tx(lang, "Kvot basår", "Quotient, baseline"): progress["lq_start"],
            tx(lang, "Kvot senaste år", "Quotient, latest year"): progress["lq_latest"],
            tx(lang, f"Jämfört med {ref}", f"Compared with {ref}"): [
                direction_words(v, lang, ref) if isinstance(v, str) else "" for v in progress["vs_reference"]
            ],
            tx(lang, "Jämfört med övriga branscher", "Compared with other industries"): [
                direction_words(v, lang, tx(lang, "övriga", "the others")) if isinstance(v, str) else ""
                for v in progress["vs_other"]
            ],
            tx(lang, "Anmärkning", "Note"): [reason_words(r, lang) for r in progress["reason"]],
            tx(lang, "Exempeldata", "Example data"): progress["is_example"].astype(bool),
        }
    )
    for column, label in (("value", tx(lang, "Sysselsatta", "Employees")), ("lq", tx(lang, "Kvot", "Quotient"))):
        wide = series.pivot_table(index="test_area", columns="year", values=column)
        for year in wide.columns:
            frame[f"{label} {year}"] = progress["test_area"].map(wide[year]).to_numpy()
    return frame


def summary_text(progress: pd.DataFrame, lang: str, ref: str) -> str:
    """Say how many areas are followed, over which years, and where the specialisation rose or fell."""
    known = progress[progress["reason"].isna()]
    name = "name_en" if lang == "en" else "name_sv"
    missing = progress[progress["reason"].notna()]
    text = tx(
        lang,
        f"{len(progress)} testområden; {len(known)} kan följas",
        f"{len(progress)} priority areas; {len(known)} can be followed",
    )
    if len(known):
        years = f"{int(known['baseline'].min())}–{int(known['latest'].max())}"
        text += tx(lang, f" ({years}).", f" ({years}).")
        for verdict, sv, en in (
            ("up", "Specialiseringen ökar i", "Specialisation rises in"),
            ("down", "Specialiseringen minskar i", "Specialisation falls in"),
        ):
            hit = known.loc[known["lq_direction"] == verdict, name]
            if len(hit):
                text += f" {tx(lang, sv, en)}: {', '.join(hit)}."
        unsure = (known["lq_direction"] == "within_rounding").sum()
        if unsure:
            text += tx(
                lang,
                f" För {unsure} är förändringen mindre än källans avrundning kan förklara.",
                f" For {unsure} the change is smaller than the source's rounding can explain.",
            )
    else:
        text += "."
    if len(missing):
        text += " " + tx(lang, "Uppgift saknas för: ", "No data for: ") + ", ".join(missing[name]) + "."
    return text


def level_note(level: str, lang: str) -> list[str]:
    if level != "a10":
        return []
    return [
        tx(
            lang,
            "Branscherna är grova: sysselsättningen finns bara efter NACE A*10, så varje testområde räknas med hela "
            "de aggregat dess SNI-avdelningar ligger i (till exempel hela tillverkningsindustrin), och testområden "
            "som delar aggregat visar delvis samma siffror.",
            "The industries are coarse: employment exists only by NACE A*10, so each priority area counts the whole "
            "aggregates its SNI divisions lie in (all of manufacturing, say), and areas sharing an aggregate show "
            "partly the same figures.",
        )
    ]


@chart(VIEW, "areas")
def areas_chart(conn, lang: str, county: str = "", reference: str = "00", **_) -> ChartSpec:
    """Return every priority area of the chosen counties from the baseline to the latest year, as a table of
    small multiples on the page and as small multiples in the exports."""
    regions = chosen_counties(conn, county)
    source = CachedSource.for_request(conn)
    title = tx(lang, "Testområdena sedan basåret", "The priority areas since the baseline")
    level = monitoring_level(source, regions, reference) if regions else None
    if level is None:
        message = missing_message(conn, "employees", regions=regions, lang=lang)["text"]
        return message_spec(title, message, lang, "areas")
    series = area_series(source, regions=regions, reference=reference, level=level)
    progress = area_progress(source, regions=regions, reference=reference, level=level, series=series)
    county_names, ref = names(conn, lang), reference_name(lang, reference)
    industry_names = dict(
        zip(*source.industries(level)[["industry", "name_en" if lang == "en" else "name_sv"]].T.values)
    )
    area_names = dict(zip(progress["test_area"], progress["name_en" if lang == "en" else "name_sv"]))
    groups, rows, labels = [], [], []
    for region in regions:
        ctx = {"lang": lang, "reference": ref, "color": region_color(region)}
        mine = progress[progress["region"] == region]
        groups.append(
            {
                "name": county_names.get(region, region),
                "rows": [area_row(r, series, industry_names, area_names, ctx) for r in mine.itertuples()],
            }
        )
        for r in mine[mine["reason"].isna()].itertuples():
            emp, lq = area_series_pair(series, r, ctx["color"], lang)
            emp.note = value_text(r.value_start, lang, "count") + " → " + value_text(r.value_latest, lang, "count")
            lq.note = value_text(r.lq_start, lang, "lq") + " → " + value_text(r.lq_latest, lang, "lq")
            rows.append([emp, lq])
            labels.append(area_names[r.test_area])
    figure = (
        small_multiples(
            rows,
            [tx(lang, "Sysselsatta", "Employees"), tx(lang, "Lokaliseringskvot", "Location quotient")],
            labels,
            lang,
            key=[(county_names.get(r, r), region_color(r)) for r in regions],
        )
        if rows
        else empty_figure(summary_text(progress, lang, ref), lang)
    )
    used = sorted(set(series["dataset"].dropna()))
    return ChartSpec(
        view=VIEW,
        key="areas",
        title=title,
        subtitle=tx(
            lang,
            f"Sysselsatta i testområdenas branscher, deras andel av länet och lokaliseringskvot (mot {ref}). "
            "Linjerna visar alla år; den streckade linjen och den ofyllda punkten är basåret.",
            f"Employees in the priority areas' industries, their share of the county and location quotient (against "
            f"{ref}). The lines show every year; the dashed line and the open dot mark the baseline.",
        ),
        figure=figure,
        table=number_table(progress, series, county_names, lang, ref),
        source=dataset_source_line(conn, lang, used),
        data_status=example_share(progress[progress["reason"].isna()]),
        summary=summary_text(progress, lang, ref),
        notes=level_note(level, lang) + caveats(conn, used, lang)[:1],
        filename="_".join(["uppfoljning_testomraden", county or "alla", reference]),
        page=("monitoring_table", {"groups": groups, "headers": headers(lang, reference), "title": title}),
    )


def message_spec(title: str, message: str, lang: str, key: str) -> ChartSpec:
    """Return a chart that says in words why there is nothing to show."""
    return ChartSpec(
        view=VIEW,
        key=key,
        title=title,
        figure=empty_figure(message, lang),
        table=pd.DataFrame({tx(lang, "Meddelande", "Message"): [message]}),
        source="",
        summary=message,
        filename=f"{VIEW}_{key}",
    )
