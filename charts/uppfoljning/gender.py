"""Build the monitoring view's charts with women and men: the share of women in each priority area's
industries, and the gender perspective on priority and strength areas per county."""

from __future__ import annotations

import pandas as pd

from figures.monitoring import Panel, marker, share_dots, short_label
from figures.spec import ChartSpec
from figures.style import empty_figure, region_color
from i18n import tx
from indicators.facts import example_share
from indicators.gender_areas import NMS, area_gender
from indicators.source import CachedSource

from .. import chart
from ..sex_data import codes_words, level_words, percent, publisher
from ..sources import dataset_source_line
from . import VIEW, chosen_counties, names, reason_words, reference_name
from .areas import message_spec

NO_SEX_DATA = (
    "Könsuppdelad statistik per bransch finns bara för Värmland och för Norra Mellansverige som helhet.",
    "Statistics by sex and industry exist only for Värmland and for North Middle Sweden as a whole.",
)


STAR_NOTE = (
    "* Länet saknar egen statistik; siffrorna gäller Norra Mellansverige.",
    "* The county has no statistics of its own; the figures are for North Middle Sweden.",
)


def industry_names(source, lang: str) -> dict:
    table = source.table("industry")
    return dict(zip(table["code"], table["name_en" if lang == "en" else "name_sv"]))


def data_note(conn, row, county_names: dict, lang: str) -> str:
    """Say whose statistics a row's numbers are: the county's own, or North Middle Sweden's in its place."""
    source = publisher(conn, row.dataset)
    where = county_names.get(row.data_region, row.data_region)
    if row.data_region == NMS and row.region != NMS:
        return tx(
            lang,
            f"Länet saknar egen statistik; siffrorna gäller {where} ({source}, {level_words(row.level, lang)})",
            f"The county has no statistics of its own; the figures are for {where} ({source}, "
            f"{level_words(row.level, lang)})",
        )
    return (
        tx(lang, f"Statistik för {where}", f"Statistics for {where}") + f" ({source}, {level_words(row.level, lang)})"
    )


def managers_text(row, lang: str) -> str:
    if not row.managers:
        return tx(lang, "uppgift saknas", "no data")
    name = "name_en" if lang == "en" else "name_sv"
    return "; ".join(f"{m[name]} {percent(m['share_women'], lang)}" for m in row.managers)


def women_row(conn, row, names_of: dict, county_names: dict, lang: str) -> dict:
    """Return one row of the page's table for an area's share of women."""
    head = {"head": row.name_en if lang == "en" else row.name_sv, "sub": []}
    if row.reason == "no_sex_data":
        return head | {"missing": reason_words(row.reason, lang)}
    head["sub"].append(data_note(conn, row, county_names, lang))
    if row.missing:
        head["sub"].append(tx(lang, "Saknas i källan: ", "Not in the source: ") + codes_words(row.missing, names_of))
    if row.reason in ("no_industries", "no_data"):
        return head | {"missing": reason_words(row.reason, lang)}
    used = codes_words(row.used, names_of)
    own = (
        f"{int(row.baseline)}: {percent(row.share_start, lang)} → {int(row.latest)}: {percent(row.share_latest, lang)}"
    )
    ref = f"{percent(row.reference_start, lang)} → {percent(row.reference_latest, lang)}"
    staff = managers_text(row, lang) + (f" ({int(row.managers_year)})" if row.managers_year else "")
    return head | {"cells": [{"text": used}, {"text": own}, {"text": ref}, {"text": staff}]}


def women_table(frame: pd.DataFrame, county_names: dict, names_of: dict, lang: str, ref: str) -> pd.DataFrame:
    name = "name_en" if lang == "en" else "name_sv"
    return pd.DataFrame(
        {
            tx(lang, "Län", "County"): frame["region"].map(county_names),
            tx(lang, "Testområde", "Priority area"): frame[name],
            tx(lang, "Statistiken gäller", "Statistics for"): frame["data_region"].map(county_names),
            tx(lang, "Branscher i statistiken", "Industries in the statistics"): [
                codes_words(u, names_of) for u in frame["used"]
            ],
            tx(lang, "Saknas i källan", "Not in the source"): [", ".join(m) for m in frame["missing"]],
            tx(lang, "Basår", "Baseline"): frame["baseline"],
            tx(lang, "Senaste år", "Latest year"): frame["latest"],
            tx(lang, "Andel kvinnor basår", "Share of women, baseline"): frame["share_start"],
            tx(lang, "Andel kvinnor senaste år", "Share of women, latest year"): frame["share_latest"],
            tx(lang, f"{ref}: basår", f"{ref}: baseline"): frame["reference_start"],
            tx(lang, f"{ref}: senaste år", f"{ref}: latest year"): frame["reference_latest"],
            tx(
                lang,
                "Andel kvinnor bland chefer, Norra Mellansverige",
                "Share of women among managers, North Middle Sweden",
            ): [managers_text(r, lang) for r in frame.itertuples()],
            tx(lang, "Anmärkning", "Note"): [reason_words(r, lang) for r in frame["reason"]],
            tx(lang, "Exempeldata", "Example data"): frame["is_example"].astype(bool),
        }
    )


def women_figure(frame: pd.DataFrame, county_names: dict, lang: str, ref: str):
    panels = []
    for region, part in frame[frame["reason"].isna()].groupby("region", sort=False):
        part = part.sort_values("share_latest")
        title = county_names.get(region, region) + ("*" if part["data_region"].iloc[0] != region else "")
        labels = [short_label(n, 34) for n in part["name_en" if lang == "en" else "name_sv"]]
        series = [
            (ref[:1].upper() + ref[1:], list(part["reference_latest"]), marker("reference")),
            (tx(lang, "Senaste år", "Latest year"), list(part["share_latest"]), marker("own", region_color(region))),
        ]
        panels.append(Panel(title, labels, series))
    return share_dots(panels, lang) if panels else None


@chart(VIEW, "women")
def women_chart(conn, lang: str, county: str = "", reference: str = "00", **_) -> ChartSpec:
    """Return the share of women among the employed in each priority area's industries, baseline to latest."""
    regions = chosen_counties(conn, county)
    source = CachedSource.for_request(conn)
    title = tx(lang, "Kvinnor och män i testområdenas branscher", "Women and men in the priority areas' industries")
    frame = area_gender(conn, regions=regions, reference=reference, source=source) if regions else pd.DataFrame()
    if frame.empty or frame["reason"].eq("no_sex_data").all():
        return message_spec(title, tx(lang, "Uppgift saknas. ", "No data. ") + tx(lang, *NO_SEX_DATA), lang, "women")
    county_names, ref, names_of = names(conn, lang), reference_name(lang, reference), industry_names(source, lang)
    groups = [
        {
            "name": county_names.get(region, region),
            "rows": [
                women_row(conn, r, names_of, county_names, lang) for r in frame[frame["region"] == region].itertuples()
            ],
        }
        for region in regions
    ]
    known = frame[frame["reason"].isna()]
    used = sorted(set(frame["dataset"].dropna()) | set(frame["managers_dataset"].dropna()))
    headers = [
        tx(lang, "Testområde", "Priority area"),
        tx(lang, "Branscher i statistiken", "Industries in the statistics"),
        tx(lang, "Andel kvinnor bland förvärvsarbetande", "Share of women among the employed"),
        tx(lang, f"Samma branscher i {ref}", f"Same industries in {ref}"),
        tx(
            lang,
            "Andel kvinnor bland chefer, Norra Mellansverige",
            "Share of women among managers, North Middle Sweden",
        ),
    ]
    figure = women_figure(frame, county_names, lang, ref) or empty_figure(tx(lang, *NO_SEX_DATA), lang)
    missing = frame[frame["reason"].notna()]
    summary = tx(
        lang,
        f"Andelen kvinnor går att följa för {len(known)} av {len(frame)} testområden.",
        f"The share of women can be followed for {len(known)} of {len(frame)} priority areas.",
    )
    if len(missing):
        summary += (
            " "
            + tx(lang, "Uppgift saknas för: ", "No data for: ")
            + ", ".join(missing["name_en" if lang == "en" else "name_sv"])
            + "."
        )
    return ChartSpec(
        view=VIEW,
        key="women",
        title=title,
        subtitle=tx(
            lang,
            "Andel kvinnor bland de förvärvsarbetande i testområdets branscher, från basåret till senaste året. "
            + NO_SEX_DATA[0]
            + " Inget är uppskattat. "
            + STAR_NOTE[0],
            "Share of women among the employed in the area's industries, from the baseline to the latest year. "
            + NO_SEX_DATA[1]
            + " Nothing is estimated. "
            + STAR_NOTE[1],
        ),
        figure=figure,
        table=women_table(frame, county_names, names_of, lang, ref),
        source=dataset_source_line(conn, lang, used),
        data_status=example_share(known),
        summary=summary,
        notes=[
            tx(
                lang,
                "Chefer: Region Dalarnas andelar för Norra Mellansverige per branschgrupp; de saknar antal och kan "
                "därför inte läggas ihop för flera grupper.",
                "Managers: Region Dalarna's shares for North Middle Sweden by industry group; they have no counts and "
                "so cannot be combined over several groups.",
            )
        ],
        filename="_".join(["uppfoljning_kvinnor", county or "alla", reference]),
        page=("monitoring_table", {"groups": groups, "headers": headers, "title": title}),
    )
