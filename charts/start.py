"""Build the start page's charts: the region in figures, from real public statistics only.

Each chart reads indicators.key_figures (employment, new firms, R&D spending, innovation index per
county), which never uses example data: a topic without real data says so.
"""

from __future__ import annotations

import pandas as pd

from figures.overview import employment_lines, part_totals, region_lines, stacked_bars
from figures.spec import ChartSpec
from figures.style import empty_figure
from i18n import fmt_number, fmt_signed_percent, tx
from indicators.facts import chosen_dataset, datasets, example_share
from indicators.key_figures import latest_region_figures, region_figures
from indicators.overview import employment_trend
from indicators.regions import region_names

from . import chart
from .sources import dataset_source_line, source_line

VIEW = "start"
COUNTIES = ["17", "20", "21"]
CHARTS = ("key-figures", "employment", "new-firms", "rd", "innovation")
PARAMS: list = []
RD_PARTS = {
    "rd_business": ("Företag", "Business"),
    "rd_public": ("Offentlig sektor", "Public sector"),
    "rd_higher_education": ("Universitet och högskolor", "Universities"),
}


def employment_summary(frame, names: dict, lang: str) -> str:
    """Say each county's latest number of employees and its change since the first year."""
    if frame.empty:
        return ""
    first, last = frame["year"].min(), frame["year"].max()
    parts = []
    for region in COUNTIES:
        series = frame[frame["region"] == region].set_index("year")["value"]
        if first in series and last in series:
            change = series[last] / series[first] - 1
            parts.append(f"{names[region]} {fmt_number(series[last], lang)} ({fmt_signed_percent(change, lang)})")
    lead = tx(
        lang, f"Sysselsatta {last} och förändring sedan {first}: ", f"Employees in {last} and change since {first}: "
    )
    return lead + "; ".join(parts) + "."


@chart(VIEW, "employment")
def employment_chart(conn, lang: str) -> ChartSpec:
    """Return employees over time in the three counties."""
    frame = employment_trend(conn, COUNTIES)
    names = region_names(conn, lang)
    table = frame.assign(region=frame["region"].map(names)).rename(
        columns={
            "region": tx(lang, "Region", "Region"),
            "year": tx(lang, "År", "Year"),
            "value": tx(lang, "Sysselsatta", "Employees"),
            "is_example": tx(lang, "Exempeldata", "Example data"),
        }
    )
    return ChartSpec(
        view=VIEW,
        key="employment",
        title=tx(lang, "Sysselsatta i de tre länen", "Employees in the three counties"),
        subtitle=tx(
            lang,
            "Sysselsatta personer med arbetsställe i länet, alla branscher",
            "Employed persons working in the county, all industries",
        ),
        figure=employment_lines(frame, names, lang),
        table=table,
        source=source_line(conn, lang, ["employees"]),
        data_status=example_share(frame),
        summary=employment_summary(frame, names, lang),
        filename="start_sysselsatta_lan",
        notes=caveats(conn, used_datasets(conn, "employees"), lang),
    )


def _topic(conn, topic: str, measures=None) -> pd.DataFrame:
    frame = region_figures(conn, regions=COUNTIES, topics=(topic,))  # the one topic's reads, not all seven
    frame = frame[frame["value"].notna()]
    return frame[frame["measure"].isin(measures)] if measures else frame


def used_datasets(conn, measure: str) -> list[str]:
    """Return the dataset a measure's reads use (indicators.facts chooses one per measure), as a list."""
    chosen = chosen_dataset(conn, measure)
    return [chosen["dataset"]] if chosen else []


def caveats(conn, codes, lang: str) -> list[str]:
    """Return what the datasets' manifest says a reader must know about them (series breaks, units, rounding)."""
    rows = datasets(conn)
    rows = rows[rows["code"].isin(list(codes))]
    column = "caveats_en" if lang == "en" else "caveats_sv"
    return [text for text in rows.get(column, []) if isinstance(text, str) and text]


def _spec(conn, lang, key, title, subtitle, figure, table, frame, summary, filename, notes=()) -> ChartSpec:
    datasets = sorted(set(frame["dataset"].dropna()))
    notes = [*notes, *caveats(conn, datasets, lang)]
    return ChartSpec(
        view=VIEW,
        key=key,
        title=title,
        subtitle=subtitle,
        figure=figure,
        table=table,
        source=dataset_source_line(conn, lang, datasets),
        data_status=example_share(frame),
        summary=summary,
        filename=filename,
        notes=list(notes),
    )


def _series_table(frame: pd.DataFrame, names: dict, lang: str, value: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            tx(lang, "Län", "County"): frame["region"].map(names),
            tx(lang, "År", "Year"): frame["year"].astype(int),
            value: frame["value"],
        }
    )


def _latest_words(frame: pd.DataFrame, names: dict, lang: str, decimals: int = 0) -> str:
    latest = frame.sort_values("year").groupby("region").tail(1)
    return "; ".join(
        f"{names.get(r.region, r.region)} {fmt_number(r.value, lang, decimals)} ({int(r.year)})"
        for r in latest.itertuples()
    )


@chart(VIEW, "new-firms")
def new_firms_chart(conn, lang: str) -> ChartSpec:
    """Return new firms per year in the three counties (per 1,000 inhabitants where the population is known)."""
    frame = _topic(conn, "new_firms")
    names = region_names(conn, lang)
    per_inhabitant = (frame["basis"] == "per_1000").any() if "basis" in frame else False
    unit = tx(lang, "per 1 000 invånare", "per 1,000 inhabitants") if per_inhabitant else tx(lang, "företag", "firms")
    title = tx(lang, "Nystartade företag", "New firms")
    if frame.empty:
        message = tx(lang, "Uppgift saknas: nystartade företag per län.", "No data: new firms by county.")
        return _spec(
            conn,
            lang,
            "new-firms",
            title,
            "",
            empty_figure(message, lang),
            pd.DataFrame(),
            frame,
            message,
            "start_nystartade",
        )
    fig = region_lines(frame, names, lang, unit=unit, title=tx(lang, "Nystartade företag", "New firms") + f" ({unit})")
    notes = []
    if (frame["reason"] == "no_population").any():
        notes.append(
            tx(
                lang,
                "Antal, inte per invånare: folkmängden per län och år finns inte i databasen. Den kan hämtas från "
                "SCB (python -m data fetch-pxweb --recipe folkmangd_lan).",
                "Counts, not per inhabitant: the population per county and year is not in the store. It can be "
                "fetched from SCB (python -m data fetch-pxweb --recipe folkmangd_lan).",
            )
        )
    table = _series_table(frame, names, lang, tx(lang, "Nystartade företag", "New firms"))
    summary = tx(lang, "Senast: ", "Latest: ") + _latest_words(frame, names, lang) + "."
    subtitle = tx(lang, "Nystartade företag per år och län", "New firms per year and county")
    return _spec(conn, lang, "new-firms", title, subtitle, fig, table, frame, summary, "start_nystartade", notes)


@chart(VIEW, "rd")
def rd_chart(conn, lang: str) -> ChartSpec:
    """Return R&D spending per inhabitant by sector in the latest year, one bar per county."""
    frame = _topic(conn, "rd", list(RD_PARTS))
    names = region_names(conn, lang)
    title = tx(lang, "Utgifter för forskning och utveckling", "Spending on research and development")
    unit = tx(lang, "kr per invånare", "SEK per inhabitant")
    if frame.empty:
        message = tx(lang, "Uppgift saknas: FoU-utgifter per län.", "No data: R&D spending by county.")
        return _spec(
            conn, lang, "rd", title, "", empty_figure(message, lang), pd.DataFrame(), frame, message, "start_fou"
        )
    year = int(frame["year"].max())
    latest = frame[frame["year"] == year].rename(columns={"measure": "part"})
    parts = {m: tx(lang, *words) for m, words in RD_PARTS.items()}
    fig = stacked_bars(latest, names, parts, lang, unit=unit)
    table = pd.DataFrame(
        {
            tx(lang, "Län", "County"): frame["region"].map(names),
            tx(lang, "År", "Year"): frame["year"].astype(int),
            tx(lang, "Sektor", "Sector"): frame["measure"].map(parts),
            unit: frame["value"],
        }
    )
    regions = sorted(latest["region"].unique())
    totals = part_totals(latest, regions, len(RD_PARTS))
    no_total = tx(lang, "uppgift saknas för någon sektor", "no data for some sector")
    summary = tx(lang, f"FoU-utgifter {year}, kr per invånare: ", f"R&D spending {year}, SEK per inhabitant: ") + (
        "; ".join(f"{names.get(r, r)} {no_total if v != v else fmt_number(v, lang)}" for r, v in totals.items()) + "."
    )
    subtitle = tx(
        lang,
        f"{year}, utgifter för egen FoU per sektor, som Kolada publicerar dem (kr per invånare)",
        f"{year}, spending on own R&D by sector, as Kolada publishes it (SEK per inhabitant)",
    )
    return _spec(conn, lang, "rd", title, subtitle, fig, table, frame, summary, "start_fou")


@chart(VIEW, "innovation")
def innovation_chart(conn, lang: str) -> ChartSpec:
    """Return Reglab's innovation index over time in the three counties."""
    frame = _topic(conn, "innovation_index")
    names = region_names(conn, lang)
    title = tx(lang, "Innovationsindex", "Innovation index")
    if frame.empty:
        message = tx(lang, "Uppgift saknas: innovationsindex per län.", "No data: innovation index by county.")
        return _spec(
            conn,
            lang,
            "innovation",
            title,
            "",
            empty_figure(message, lang),
            pd.DataFrame(),
            frame,
            message,
            "start_innovation",
        )
    fig = region_lines(frame, names, lang, unit=tx(lang, "indexvärde", "index value"), title="Index", decimals=1)
    table = _series_table(frame, names, lang, "Index")
    summary = tx(lang, "Senast: ", "Latest: ") + _latest_words(frame, names, lang, 1) + "."
    subtitle = tx(lang, "Reglabs sammanvägda innovationsindex per län", "Reglab's composite innovation index by county")
    return _spec(conn, lang, "innovation", title, subtitle, fig, table, frame, summary, "start_innovationsindex")


@chart(VIEW, "key-figures")
def key_figures_chart(conn, lang: str) -> ChartSpec:
    """Return the latest value of each topic per county as a table, each with its year and source."""
    frame = latest_region_figures(conn, regions=COUNTIES)
    names = region_names(conn, lang)
    frame = frame[frame["value"].notna()]
    labels = {
        "employees": tx(lang, "Sysselsatta", "Employed"),
        "new_firms": tx(lang, "Nystartade företag", "New firms"),
        "rd_business": tx(lang, "FoU i företag, kr/inv.", "Business R&D, SEK/inh."),
        "rd_public": tx(lang, "FoU i offentlig sektor, kr/inv.", "Public R&D, SEK/inh."),
        "rd_higher_education": tx(lang, "FoU vid lärosäten, kr/inv.", "University R&D, SEK/inh."),
        "innovation_index": tx(lang, "Innovationsindex", "Innovation index"),
    }
    table = pd.DataFrame(
        {
            tx(lang, "Län", "County"): frame["region"].map(names),
            tx(lang, "Mått", "Measure"): frame["measure"].map(labels),
            tx(lang, "År", "Year"): frame["year"].astype(int),
            tx(lang, "Värde", "Value"): frame["value"],
            tx(lang, "Källa", "Source"): frame["source"],
        }
    )
    page = (
        "key_figures_table",
        {
            "frame": frame,
            "labels": labels,
            "names": names,
            "title": tx(lang, "Regionen i siffror", "The region in figures"),
        },
    )
    summary = tx(
        lang,
        "Senaste värde per län för sysselsatta, nystartade företag, FoU-utgifter och innovationsindex, med år och källa.",
        "The latest value per county of employment, new firms, R&D spending and the innovation index, with year and source.",
    )
    spec = _spec(
        conn,
        lang,
        "key-figures",
        tx(lang, "Regionen i siffror", "The region in figures"),
        "",
        empty_figure("", lang),
        table,
        frame,
        summary,
        "start_regionen_i_siffror",
    )
    spec.page = page
    return spec
