"""Build the monitoring view's charts with women and men: the share of women in each priority area's
industries, and the gender perspective on priority and strength areas per county."""

from __future__ import annotations

import pandas as pd

from figures.monitoring import Panel, marker, share_dots, short_label
from figures.spec import ChartSpec
from figures.style import empty_figure, region_color
from i18n import tx
from indicators.facts import example_share
from indicators.gender_areas import NMS, area_gender, gender_balance
from indicators.source import CachedSource

from .. import chart
from ..sex_data import balance_words, codes_words, level_words, percent, publisher
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


SET_WORDS = {
    "priority": ("testområdenas branscher", "the priority areas' industries"),
    "strength": ("styrkeområdenas branscher", "the strength areas' industries"),
    "all": ("alla branscher i källan", "all industries in the source"),
}
SET_LABELS = {"priority": ("Testområden", "Priority areas"), "strength": ("Styrkeområden", "Strength areas")}
SET_LABELS["all"] = ("Alla branscher", "All industries")


def genus_paragraph(conn, rows: pd.DataFrame, county: str, county_names: dict, lang: str, ref: str) -> str:
    """Say how the priority and strength areas of one county differ in the share of women, from the numbers."""
    by = rows.set_index("group")
    p, s, a = (by.loc[g] for g in ("priority", "strength", "all"))
    name, data_region = county_names.get(county, county), rows["data_region"].iloc[0]
    basis = f"{publisher(conn, rows['dataset'].iloc[0])} {int(rows['year'].iloc[0])}, {level_words(rows['level'].iloc[0], lang)}"
    where = (
        tx(lang, f"{name} (länets egen statistik, {basis})", f"{name} (the county's own statistics, {basis})")
        if data_region == county
        else tx(
            lang,
            f"{name}: länet saknar egen statistik, så siffrorna gäller länets branscher i Norra Mellansverige ({basis})",
            f"{name}: the county has no statistics of its own, so the figures are for its industries in North Middle "
            f"Sweden ({basis})",
        )
    )
    text = tx(
        lang,
        f"{where}: kvinnor är {percent(p.share, lang)} av de förvärvsarbetande i testområdenas branscher, "
        f"{percent(s.share, lang)} i styrkeområdenas och {percent(a.share, lang)} i alla branscher i källan",
        f"{where}: women are {percent(p.share, lang)} of the employed in the priority areas' industries, "
        f"{percent(s.share, lang)} in the strength areas' and {percent(a.share, lang)} in all industries in the source",
    )
    if a.reference_share == a.reference_share:
        text += f" ({ref}: {percent(p.reference_share, lang)}, {percent(s.reference_share, lang)}, {percent(a.reference_share, lang)})"
    text += ". " + difference_sentence(p.share, s.share, lang)
    text += " " + tx(
        lang,
        f"Testområdenas branscher är {balance_words(p.share, lang)}, styrkeområdenas {balance_words(s.share, lang)}.",
        f"The priority areas' industries are {balance_words(p.share, lang)}, the strength areas' "
        f"{balance_words(s.share, lang)}.",
    )
    if p.missing:
        text += " " + tx(
            lang,
            f"Av testområdenas branscher saknas {', '.join(p.missing)} i källan och är inte med.",
            f"Of the priority areas' industries, {', '.join(p.missing)} are not in the source and are left out.",
        )
    return text


def difference_sentence(priority: float, strength: float, lang: str) -> str:
    if priority != priority or strength != strength:
        return ""
    points = round((priority - strength) * 100)
    if points == 0:
        return tx(
            lang,
            "Testområdena och styrkeområdena har samma andel kvinnor (avrundat till hela procent).",
            "The priority areas and the strength areas have the same share of women (rounded to whole per cent).",
        )
    more, unit = points > 0, "procentenhet" if abs(points) == 1 else "procentenheter"
    return tx(
        lang,
        f"Testområdenas branscher har {abs(points)} {unit} {'fler' if more else 'färre'} kvinnor än styrkeområdenas.",
        f"The priority areas' industries have {abs(points)} percentage point{'' if abs(points) == 1 else 's'} "
        f"{'more' if more else 'fewer'} women than the "
        "strength areas'.",
    )


def genus_table(frame: pd.DataFrame, county_names: dict, lang: str, ref: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            tx(lang, "Län", "County"): frame["region"].map(county_names),
            tx(lang, "Statistiken gäller", "Statistics for"): frame["data_region"].map(county_names),
            tx(lang, "År", "Year"): frame["year"],
            tx(lang, "Branscher", "Industries"): [tx(lang, *SET_WORDS[g]) for g in frame["group"]],
            tx(lang, "Koder", "Codes"): [", ".join(c) for c in frame["codes"]],
            tx(lang, "Saknas i källan", "Not in the source"): [", ".join(c) for c in frame["missing"]],
            tx(lang, "Kvinnor", "Women"): frame["women"],
            tx(lang, "Förvärvsarbetande", "Employed"): frame["total"],
            tx(lang, "Andel kvinnor", "Share of women"): frame["share"],
            tx(lang, f"Andel kvinnor i {ref}", f"Share of women in {ref}"): frame["reference_share"],
            tx(lang, "Exempeldata", "Example data"): frame["is_example"].astype(bool),
        }
    )


def genus_figure(frame: pd.DataFrame, county_names: dict, lang: str, ref: str):
    panels = []
    for county, rows in frame.groupby("region", sort=False):
        title = county_names.get(county, county) + ("*" if rows["data_region"].iloc[0] != county else "")
        labels = [tx(lang, *SET_LABELS[g]) for g in rows["group"]]
        series = [
            (ref[:1].upper() + ref[1:], list(rows["reference_share"]), marker("reference")),
            (tx(lang, "Länet", "The county"), list(rows["share"]), marker("own", region_color(county))),
        ]
        panels.append(Panel(f"{title} {int(rows['year'].iloc[0])}", labels, series))
    return share_dots(panels, lang)


@chart(VIEW, "genus")
def genus_chart(conn, lang: str, county: str = "", reference: str = "00", **_) -> ChartSpec:
    """Return the gender perspective: the share of women in each county's priority areas' industries, strength
    areas' industries and all industries, with a generated paragraph per county."""
    regions = chosen_counties(conn, county)
    source = CachedSource.for_request(conn)
    title = tx(
        lang, "Genusperspektiv: testområden och styrkeområden", "Gender perspective: priority and strength areas"
    )
    frame = gender_balance(conn, regions=regions, reference=reference, source=source) if regions else pd.DataFrame()
    if frame.empty:
        return message_spec(title, tx(lang, "Uppgift saknas. ", "No data. ") + tx(lang, *NO_SEX_DATA), lang, "genus")
    county_names, ref = names(conn, lang), reference_name(lang, reference)
    paragraphs = [
        genus_paragraph(conn, frame[frame["region"] == c], c, county_names, lang, ref)
        for c in regions
        if (frame["region"] == c).any()
    ]
    absent = [county_names.get(c, c) for c in regions if not (frame["region"] == c).any()]
    if absent:
        paragraphs.append(
            tx(lang, "Uppgift saknas för: ", "No data for: ") + ", ".join(absent) + ". " + tx(lang, *NO_SEX_DATA)
        )
    return ChartSpec(
        view=VIEW,
        key="genus",
        title=title,
        subtitle=tx(
            lang,
            "Andel kvinnor bland de förvärvsarbetande i de branscher som testområdena är kopplade till, i dem som "
            "analysen klassar som styrkeområden och i alla branscher. Det skuggade bandet är en jämn fördelning (40–60 %). "
            + STAR_NOTE[0],
            "Share of women among the employed in the industries the priority areas are linked to, in those the "
            "analysis classes as strength areas, and in all industries. The shaded band is an even balance (40–60%). "
            + STAR_NOTE[1],
        ),
        figure=genus_figure(frame, county_names, lang, ref),
        table=genus_table(frame, county_names, lang, ref),
        source=dataset_source_line(conn, lang, sorted(set(frame["dataset"].dropna()))),
        data_status=example_share(frame),
        summary=" ".join(paragraphs[:1])
        if len(paragraphs) == 1
        else tx(
            lang,
            f"Könsfördelningen i testområdenas och styrkeområdenas branscher för {len(frame['region'].unique())} län; "
            "se texten under diagrammet.",
            f"The balance of women and men in the priority and strength areas' industries for "
            f"{len(frame['region'].unique())} counties; see the text below the chart.",
        ),
        notes=paragraphs,
        filename="_".join(["uppfoljning_genus", county or "alla", reference]),
    )
