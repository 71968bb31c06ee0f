"""Build the Styrkeområden charts of the profile: shift-share, renewal, competence, academia."""

from __future__ import annotations

import pandas as pd

from figures.styrkeomraden_profile import grouped_bars, shift_share_bars
from i18n import fmt_number, tx
from indicators.strength import MIN_COUNT

from .context import Context, has_values, measure_missing, spec, styrka_chart
from .specialisation import region_column, shown_rows

TOP = 12


def focus_rows(ctx: Context, order_by: str, n: int = TOP) -> pd.DataFrame:
    """Return per region the strength areas first, then the rest by a column, n rows each."""
    rows = shown_rows(ctx)
    rows = rows.assign(_strong=rows["category"].isin(["helhetlig", "styrka"]), _key=rows[order_by].abs())
    rows = rows.sort_values(["region", "_strong", "_key"], ascending=[True, False, False], kind="stable")
    return rows.groupby("region", sort=False).head(n)


@styrka_chart(
    "shift-share",
    "Förändringen delad i tre delar (shift-share)",
    "The change split in three (shift-share)",
    needs_period=True,
)
def shift_share_chart(ctx: Context, key: str, title: str):
    """Return the shift-share split of the employment change for the largest changes."""
    lang = ctx.lang
    rows = shown_rows(ctx)
    rows = rows[rows["change"].notna()].assign(_abs=lambda f: f["change"].abs())
    rows = rows.sort_values(["region", "_abs"], ascending=[True, False]).groupby("region", sort=False).head(TOP)
    fig = shift_share_bars(rows, ctx.panels(), lang)
    table = pd.DataFrame(
        {
            **region_column(ctx, rows),
            tx(lang, "Bransch", "Industry"): rows["name"],
            tx(lang, "Förändring", "Change"): rows["change"],
            tx(lang, "Riksutveckling", "National growth"): rows["national_growth"],
            tx(lang, "Branschstruktur", "Industry mix"): rows["industry_mix"],
            tx(lang, "Regional komponent", "Regional component"): rows["regional_component"],
            tx(lang, "Exempeldata", "Example data"): rows["is_example"],
        }
    )
    best = rows.sort_values("regional_component", ascending=False).head(1)
    summary = ""
    if not best.empty:
        b = best.iloc[0]
        summary = tx(
            lang,
            f"Störst regional komponent {ctx.period}: {b['name'].lower()} i {b['panel']}, "
            f"{fmt_number(b['regional_component'], lang)} personer mer än om branschen utvecklats som i {ctx.reference_name}.",
            f"Largest regional component {ctx.period}: {b['name'].lower()} in {b['panel']}, "
            f"{fmt_number(b['regional_component'], lang)} persons more than if the industry had developed as in {ctx.reference_name}.",
        )
    subtitle = tx(
        lang,
        f"Förändring av sysselsatta {ctx.period}, de {TOP} största förändringarna, jämfört med {ctx.reference_name}",
        f"Change in employees {ctx.period}, the {TOP} largest changes, compared with {ctx.reference_name}",
    )
    return spec(ctx, key, title, fig, table, rows, ["employees"], summary=summary, subtitle=subtitle)


INNOVATION_NEEDS = (
    ("count_new_firms", "new_firms"),
    ("count_patent_applications", "patent_applications"),
    ("count_trademark_applications", "trademark_applications"),
)


@styrka_chart(
    "innovation", "Nya företag, patent och varumärken", "New firms, patents and trademarks", needs=INNOVATION_NEEDS
)
def innovation_chart(ctx: Context, key: str, title: str):
    """Return the location quotients of new firms, patents and trademarks for the strength areas and largest industries."""
    lang = ctx.lang
    rows = focus_rows(ctx, "value")
    series = [
        ("lq_new_firms", tx(lang, "Nya företag", "New firms")),
        ("lq_patent_applications", tx(lang, "Patentansökningar", "Patent applications")),
        ("lq_trademark_applications", tx(lang, "Varumärkesansökningar", "Trademark applications")),
    ]
    short = {  # what a bar too few to show is called in its place, so that two such rows are told apart
        "lq_new_firms": tx(lang, "Nya företag", "New firms"),
        "lq_patent_applications": tx(lang, "Patent", "Patents"),
        "lq_trademark_applications": tx(lang, "Varumärken", "Trademarks"),
    }
    shown = rows.copy()
    for measure, _label in series:  # a quotient on a handful of cases says nothing: show the count instead
        counts = rows[f"count_{measure.removeprefix('lq_')}"]
        few = counts.notna() & (counts < MIN_COUNT)  # a missing count is missing data, said below, not "too few"
        shown.loc[few, measure] = 0.0  # no bar, the words say why
        word = short[measure]
        shown[f"{measure}_text"] = [
            tx(lang, f"{word}: för få ({fmt_number(n, lang)})", f"{word}: too few ({fmt_number(n, lang)})") if f else ""
            for n, f in zip(counts, few)
        ]
    unit = tx(lang, "Lokaliseringskvot", "Location quotient")
    fig = grouped_bars(shown, ctx.panels(), series, lang, unit=unit, reference_line=1)
    per = (
        tx(lang, "10 000 invånare", "10,000 inhabitants")
        if ctx.selection.per == "inhabitants"
        else tx(lang, "10 000 sysselsatta", "10,000 employees")
    )
    table = pd.DataFrame(
        {
            **region_column(ctx, rows),
            tx(lang, "Bransch", "Industry"): rows["name"],
            tx(lang, "Nya företag per 1 000 sysselsatta", "New firms per 1,000 employees"): rows["rate_new_firms"],
            tx(lang, "Nya företag, antal", "New firms, count"): rows["count_new_firms"],
            tx(lang, "Nya företag, kvot", "New firms, quotient"): rows["lq_new_firms"],
            tx(lang, f"Patentansökningar per {per}", f"Patent applications per {per}"): rows[
                "rate_patent_applications"
            ],
            tx(lang, "Patent, antal", "Patents, count"): rows["count_patent_applications"],
            tx(lang, "Patent, kvot", "Patents, quotient"): rows["lq_patent_applications"],
            tx(lang, f"Varumärkesansökningar per {per}", f"Trademark applications per {per}"): rows[
                "rate_trademark_applications"
            ],
            tx(lang, "Varumärken, antal", "Trademarks, count"): rows["count_trademark_applications"],
            tx(lang, "Varumärken, kvot", "Trademarks, quotient"): rows["lq_trademark_applications"],
            tx(lang, "Exempeldata", "Example data"): rows["is_example"],
        }
    )
    renewing = rows[rows["renewal"]]
    summary = tx(
        lang,
        f"{len(renewing)} av de {len(rows)} branscherna i diagrammet har förnyelse enligt regeln (kvot minst "
        f"{fmt_number(ctx.analysis.thresholds.support_lq, lang, 1)} och minst {MIN_COUNT} fall).",
        f"{len(renewing)} of the {len(rows)} industries in the chart show renewal by the rule (quotient at least "
        f"{fmt_number(ctx.analysis.thresholds.support_lq, lang, 1)} and at least {MIN_COUNT} cases).",
    )
    subtitle = tx(
        lang,
        f"Lokaliseringskvoter, summerat över tre år till {ctx.analysis.year}; styrkeområdena först. Takten per {per} finns i tabellen.",
        f"Location quotients, summed over three years to {ctx.analysis.year}; strength areas first. The rate per {per} is in the table.",
    )
    measures = ["new_firms", "patent_applications", "trademark_applications"]
    notes = [measure_missing(ctx, m) for column, m in INNOVATION_NEEDS if not has_values(ctx, column)]
    return spec(ctx, key, title, fig, table, rows, measures, summary=summary, subtitle=subtitle, notes=notes)


@styrka_chart(
    "competence",
    "Andel med eftergymnasial utbildning",
    "Share with higher education",
    needs=(("he_share", "employees_higher_ed"),),
)
def competence_chart(ctx: Context, key: str, title: str):
    """Return the share of employees with higher education in the region and in the reference."""
    lang = ctx.lang
    rows = focus_rows(ctx, "value")
    series = [
        ("he_share", ctx.panels()[0] if len(ctx.panels()) == 1 else tx(lang, "Regionen", "The region")),
        ("he_reference_share", ctx.reference_name.capitalize()),
    ]
    fig = grouped_bars(rows, ctx.panels(), series, lang, unit=tx(lang, "Andel", "Share"), percent=True)
    table = pd.DataFrame(
        {
            **region_column(ctx, rows),
            tx(lang, "Bransch", "Industry"): rows["name"],
            tx(lang, "Andel med eftergymnasial utbildning", "Share with higher education"): rows["he_share"],
            tx(lang, f"Andel i {ctx.reference_name}", f"Share in {ctx.reference_name}"): rows["he_reference_share"],
            tx(lang, "Kvot för högutbildade", "Quotient for the highly educated"): rows["he_lq"],
            tx(lang, "Exempeldata", "Example data"): rows["is_example"],
        }
    )
    above = rows[rows["he_share"] > rows["he_reference_share"]]
    summary = tx(
        lang,
        f"I {len(above)} av {len(rows)} branscher är andelen högutbildade högre än i {ctx.reference_name}.",
        f"In {len(above)} of {len(rows)} industries the share with higher education is above {ctx.reference_name}.",
    )
    subtitle = tx(
        lang,
        f"{ctx.analysis.year}; styrkeområdena först, sedan de största branscherna",
        f"{ctx.analysis.year}; strength areas first, then the largest industries",
    )
    return spec(
        ctx, key, title, fig, table, rows, ["employees_higher_ed", "employees"], summary=summary, subtitle=subtitle
    )


@styrka_chart(
    "academic",
    "Lärosätenas specialisering per forskningsämne",
    "The universities' specialisation by research subject",
    needs=(("academic", "publications"),),
)
def academic_chart(ctx: Context, key: str, title: str):
    """Return the research subjects with the highest specialisation at each region's universities."""
    lang, acad = ctx.lang, ctx.analysis.academic
    subjects = ctx.source.table("research_subject")
    names = dict(zip(subjects["code"], subjects["name_en" if lang == "en" else "name_sv"]))
    rows = acad[acad["publications"] >= MIN_COUNT].assign(
        name=lambda f: f["subject"].map(names), panel=lambda f: f["region"].map(ctx.name)
    )
    rows = rows.sort_values(["region", "lq"], ascending=[True, False]).groupby("region", sort=False).head(TOP)
    fig = grouped_bars(
        rows,
        ctx.panels(),
        [("lq", tx(lang, "Specialisering", "Specialisation"))],
        lang,
        unit=tx(lang, "Kvot mot alla svenska lärosäten", "Quotient against all Swedish universities"),
        reference_line=1,
    )
    table = pd.DataFrame(
        {
            **({tx(lang, "Region", "Region"): rows["panel"]} if len(ctx.selection.regions) > 1 else {}),
            tx(lang, "Forskningsämne", "Research subject"): rows["name"],
            tx(lang, "Publikationer", "Publications"): rows["publications"],
            tx(lang, "Andel", "Share"): rows["share"],
            tx(lang, "Kvot", "Quotient"): rows["lq"],
            tx(lang, "Exempeldata", "Example data"): rows["is_example"],
        }
    )
    parts = [
        f"{p}: {', '.join(n.lower() for n in part['name'].head(3))}" for p, part in rows.groupby("panel", sort=False)
    ]
    summary = (
        tx(lang, "Starkast specialisering: ", "Strongest specialisation: ") + "; ".join(parts) + "." if parts else ""
    )
    years = acad["years"].iloc[0] if "years" in acad and not acad.empty else ""
    subtitle = tx(
        lang,
        f"Publikationer {years}, de {TOP} ämnen med högst kvot; lärosätet i länet, för Norra Mellansverige alla tre",
        f"Publications {years}, the {TOP} subjects with the highest quotient; the county's university, all three for North Middle Sweden",
    )
    s = spec(ctx, key, title, fig, table, rows, ["publications"], summary=summary, subtitle=subtitle)
    s.source = (
        tx(
            lang,
            "Källa: publikationer per forskningsämne (exempeldata, påhittade siffror)",
            "Source: publications by research subject (example data, invented numbers)",
        )
        if rows["is_example"].any()
        else tx(lang, "Källa: publikationer per forskningsämne", "Source: publications by research subject")
    )
    return s
