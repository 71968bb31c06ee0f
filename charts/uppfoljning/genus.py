"""Build the monitoring view's gender perspective: per county, the share of women in the industries of its
priority areas, of its strength areas and of all industries, with a paragraph generated from the numbers."""

from __future__ import annotations

import pandas as pd

from figures.monitoring import Panel, marker, share_dots
from figures.spec import ChartSpec
from figures.style import region_color
from i18n import tx
from indicators.facts import example_share
from indicators.gender_areas import gender_balance
from indicators.source import CachedSource

from .. import chart
from ..sex_data import balance_words, level_words, percent, publisher
from ..sources import dataset_source_line
from . import VIEW, chosen_counties, names, reference_name
from .areas import message_spec
from .gender import NO_SEX_DATA, STAR_NOTE

SET_WORDS = {
    "priority": ("testområdenas branscher", "the priority areas' industries"),
    "strength": ("styrkeområdenas branscher", "the strength areas' industries"),
    "all": ("alla branscher i källan", "all industries in the source"),
}
SET_LABELS = {"priority": ("Testområden", "Priority areas"), "strength": ("Styrkeområden", "Strength areas")}
SET_LABELS["all"] = ("Alla branscher i källan", "All industries in the source")


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
