"""Build the Styrkeområden card of women and men: the share of women by industry beside the strength areas.

Only where the statistics are split by sex (indicators.gender): Värmland (Regionfakta, SCB's 15 industry
groups, with Sweden) and North Middle Sweden (SCB RAMS, SNI sections A–G, with Sweden; Region Dalarna's
shares among managers and the employed, 15 groups). Every row says which strength class the analysis gives
the industry it lies in; a region without such statistics gets the reason in words, nothing estimated.
"""

from __future__ import annotations

import pandas as pd

from figures.monitoring import Panel, marker, share_dots, short_label
from figures.spec import ChartSpec
from figures.style import region_color
from i18n import tx
from indicators.facts import example_share
from indicators.gender import women_share
from indicators.monitoring import finest_codes
from indicators.strength import category_name
from indicators.test_areas import BUSINESS

from ..sex_data import level_words, percent, publisher
from ..sources import dataset_source_line
from . import VIEW
from .context import Context, explained, styrka_chart

STAR = "★"
HINT = (
    "Könsuppdelad statistik per bransch finns för Värmland och Norra Mellansverige; välj någon av dem som region.",
    "Statistics by sex and industry exist for Värmland and North Middle Sweden; choose one of them as the region.",
)


def strength_classes(ctx: Context, region: str, codes: list[str], level: str) -> dict[str, str]:
    """Return code -> the analysis' words for the industries (at its level) that hold the code's divisions."""
    industry = ctx.source.table("industry")
    divisions = industry[industry["level"] == "division"]
    column = "section" if level == "section" else "group15"
    mapping = ctx.source.division_map(ctx.analysis.level)
    table = ctx.analysis.table
    own = table[table["region"] == region].set_index("industry")
    out = {}
    for code in codes:
        held = list(divisions.loc[divisions[column] == code, "code"])
        parts = []
        for industry_code in finest_codes(held, mapping, ctx.analysis.level):
            if industry_code in own.index:
                row = own.loc[industry_code]
                name = row["name_en" if ctx.lang == "en" else "name_sv"]
                parts.append((row["category"], f"{name} ({industry_code}): {category_name(row['category'], ctx.lang)}"))
        out[code] = (any(c in BUSINESS for c, _ in parts), "; ".join(p for _, p in parts))
    return out


def latest_rows(shares: pd.DataFrame, group: str, counts: bool) -> pd.DataFrame:
    """Return one group's rows of the latest year, from counts (women / total) or from published shares."""
    rows = shares[(shares["group"] == group) & (shares["women"].notna() if counts else shares["women"].isna())]
    rows = rows.dropna(subset=["share_women"])
    return rows[rows["year"] == rows["year"].max()] if len(rows) else rows


def panel_rows(ctx: Context, region: str, rows: pd.DataFrame) -> pd.DataFrame:
    """Return the rows with label (name, ★ where a strength area) and strength (the analysis' words)."""
    level = rows["level"].iloc[0]
    classes = strength_classes(ctx, region, list(rows["industry"]), level)
    name = rows["name_en" if ctx.lang == "en" else "name_sv"]
    strong = rows["industry"].map(lambda c: classes[c][0])
    return rows.assign(
        label=[f"{short_label(n, 32)} {STAR}" if s else short_label(n, 34) for n, s in zip(name, strong)],
        strength=rows["industry"].map(lambda c: classes[c][1]),
        name=name,
    )


def region_panels(ctx: Context, region: str, shares: pd.DataFrame) -> tuple[list[Panel], list[pd.DataFrame]]:
    """Return the region's panels (employed with the reference; managers beside the employed) and their rows."""
    lang, panels, frames = ctx.lang, [], []
    place, several = ctx.name(region), len(ctx.selection.regions) > 1
    employed_name = tx(lang, f"Förvärvsarbetande i {place}", f"Employed in {place}")
    employed = latest_rows(shares, "employed", counts=True)
    if employed.empty:
        employed = latest_rows(shares, "employed", counts=False)
    if len(employed):
        rows = panel_rows(ctx, region, employed)
        year, source = int(rows["year"].iloc[0]), publisher(ctx.source.conn, rows["dataset"].iloc[0])
        title = tx(lang, "Förvärvsarbetande", "Employed") + (f", {place}" if several else "")
        series = [
            (
                ctx.reference_name[:1].upper() + ctx.reference_name[1:],
                list(rows["reference_share_women"]),
                marker("reference"),
            ),
            (employed_name, list(rows["share_women"]), marker("own", region_color(region))),
        ]
        panels.append(Panel(f"{title} {year} ({source})", list(rows["label"]), series))
        frames.append(rows.assign(panel=f"{title}, {level_words(rows['level'].iloc[0], lang)}"))
    staff = latest_rows(shares, "managers", counts=False)
    if len(staff):
        year = int(staff["year"].iloc[0])
        beside = shares[(shares["group"] == "employed") & (shares["dataset"] == staff["dataset"].iloc[0])]
        beside = beside[beside["year"] == year].set_index("industry")["share_women"]
        rows = panel_rows(ctx, region, staff).assign(employed_share=lambda f: f["industry"].map(beside))
        title = tx(lang, "Chefer", "Managers") + (f", {place}" if several else "")
        series = [
            (
                employed_name,
                list(rows["employed_share"]),
                marker("own", region_color(region)),
            ),
            (tx(lang, "Chefer", "Managers"), list(rows["share_women"]), marker("managers")),
        ]
        source = publisher(ctx.source.conn, rows["dataset"].iloc[0])
        panels.append(Panel(f"{title} {year} ({source})", list(rows["label"]), series))
        frames.append(rows.assign(panel=f"{title}, {level_words(rows['level'].iloc[0], lang)}"))
    return panels, frames


def coverage_note(shares: pd.DataFrame, place: str, lang: str) -> list[str]:
    """Say which SNI sections a section-level source holds (SCB RAMS: A–G only)."""
    counted = shares[shares["women"].notna() & (shares["level"] == "section")]
    if counted.empty:
        return []
    codes = sorted(set(counted["industry"]))
    return [
        tx(
            lang,
            f"{place}: källan har bara SNI-avsnitten {', '.join(codes)}; övriga avsnitt saknas och visas inte.",
            f"{place}: the source has only the SNI sections {', '.join(codes)}; the other sections are missing and not shown.",
        )
    ]


def women_table(ctx: Context, frames: list[pd.DataFrame]) -> pd.DataFrame:
    lang = ctx.lang
    rows = pd.concat(frames, ignore_index=True)
    return pd.DataFrame(
        {
            tx(lang, "Region", "Region"): rows["region"].map(ctx.name),
            tx(lang, "Grupp", "Group"): rows["panel"],
            tx(lang, "Bransch", "Industry"): rows["name"],
            tx(lang, "Kod", "Code"): rows["industry"],
            tx(lang, "År", "Year"): rows["year"],
            tx(lang, "Kvinnor", "Women"): rows["women"],
            tx(lang, "Totalt", "Total"): rows["total"],
            tx(lang, "Andel kvinnor", "Share of women"): rows["share_women"],
            tx(lang, f"Andel kvinnor i {ctx.reference_name}", f"Share of women in {ctx.reference_name}"): rows[
                "reference_share_women"
            ],
            tx(
                lang,
                "Andel kvinnor bland förvärvsarbetande (samma källa)",
                "Share of women among the employed (same source)",
            ): rows.get("employed_share"),
            tx(lang, "Styrkeområdesanalysen", "The strength analysis"): rows["strength"],
            tx(lang, "Exempeldata", "Example data"): rows["is_example"].astype(bool),
        }
    )


@styrka_chart("women", "Kvinnor och män per bransch", "Women and men by industry")
def women_chart(ctx: Context, key: str, title: str):
    """Return the share of women by industry for the chosen region(s), with the reference and the strength areas."""
    lang, conn = ctx.lang, ctx.source.conn
    panels, frames, notes, datasets = [], [], [], set()
    for region in ctx.selection.regions:
        shares = women_share(conn, region=region, reference=ctx.selection.reference)
        if shares.empty:
            place = ctx.name(region)
            notes.append(
                tx(
                    lang,
                    f"Uppgift saknas: andel kvinnor per bransch för {place}. ",
                    f"No data: share of women by industry for {place}. ",
                )
                + tx(lang, *HINT)
            )
            continue
        more, rows = region_panels(ctx, region, shares)
        panels += more
        frames += rows
        datasets |= set(shares["dataset"])
        notes += coverage_note(shares, ctx.name(region), lang)
    if not panels:
        return explained(key, title, " ".join(notes), lang)
    shown = pd.concat(frames, ignore_index=True)
    return ChartSpec(
        view=VIEW,
        key=key,
        title=title,
        subtitle=tx(
            lang,
            f"Andel kvinnor per bransch jämfört med {ctx.reference_name}. {STAR} = branschen ligger i ett styrkeområde "
            "enligt analysen. Bara där statistiken är uppdelad på kön; inget är uppskattat.",
            f"Share of women by industry compared with {ctx.reference_name}. {STAR} = the industry lies in a strength "
            "area by the analysis. Only where the statistics are split by sex; nothing is estimated.",
        ),
        figure=share_dots(panels, lang),
        table=women_table(ctx, frames),
        source=dataset_source_line(conn, lang, sorted(datasets)),
        data_status=example_share(shown),
        summary=women_summary(ctx, shown),
        notes=notes,
        filename=f"{VIEW}_kvinnor_{ctx.selection.region}".replace("-", "_"),
    )


def women_summary(ctx: Context, rows: pd.DataFrame) -> str:
    """Say where women are fewest and most among the employed, and the share in the strength areas' industries."""
    lang = ctx.lang
    employed = rows[rows["group"] == "employed"].dropna(subset=["share_women"])
    parts = []
    for region, own in employed.groupby("region", sort=False):
        low, high = own.loc[own["share_women"].idxmin()], own.loc[own["share_women"].idxmax()]
        parts.append(
            tx(
                lang,
                f"{ctx.name(region)} {int(own['year'].iloc[0])}: lägst andel kvinnor i {low['name'].lower()} "
                f"({percent(low['share_women'], lang)}), högst i {high['name'].lower()} "
                f"({percent(high['share_women'], lang)}).",
                f"{ctx.name(region)} {int(own['year'].iloc[0])}: the lowest share of women in {low['name'].lower()} "
                f"({percent(low['share_women'], lang)}), the highest in {high['name'].lower()} "
                f"({percent(high['share_women'], lang)}).",
            )
        )
    return " ".join(parts)
