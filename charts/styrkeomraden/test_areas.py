"""Build the Styrkeområden test-area matrix: each county's priority areas against the analysis, and new candidates."""

from __future__ import annotations

import pandas as pd

from figures.styrkeomraden_profile import test_area_table
from i18n import counted, fmt_number, tx
from indicators.test_areas import ASSESSMENTS, area_links, compare_test_areas, new_candidates

from . import COUNTIES, SIDE_BY_SIDE
from .context import Context, analysis_for, spec, styrka_chart


def assessed_counties(ctx: Context) -> list[str]:
    """Return the counties whose test areas are assessed: the chosen ones, or a municipality's county."""
    chosen = [r for r in ctx.selection.regions if r in COUNTIES]
    if chosen:
        return chosen
    regions = ctx.source.regions().set_index("code")
    parent = regions.at[ctx.selection.region, "parent"] if ctx.selection.region in regions.index else None
    return [parent] if parent in COUNTIES else list(COUNTIES)


@styrka_chart("test-areas", "Testområdena jämförda med analysen", "The test areas compared with the analysis")
def test_areas_chart(ctx: Context, key: str, title: str):
    """Return each county's test areas with the assessment, then the strengths outside them (new candidates)."""
    lang = ctx.lang
    counties = assessed_counties(ctx)
    analysis = analysis_for(ctx.source, ctx.selection, counties)
    areas, area_ind, area_subj = area_links(ctx.source, analysis.level)
    matrix = compare_test_areas(analysis, areas, area_ind, area_subj)
    found = new_candidates(analysis, areas, area_ind)
    frame = matrix_rows(ctx, analysis, matrix, found)
    headers = [
        tx(lang, "Län", "County"),
        tx(lang, "Testområde", "Test area"),
        tx(lang, "Branscher som är styrkor", "Industries that are strengths"),
        tx(lang, "Forskningsämnen som är styrkor", "Research subjects that are strengths"),
        tx(lang, "Bedömning", "Assessment"),
    ]
    fig = test_area_table(frame.drop(columns=["is_example"]), headers, lang)
    table = frame.drop(columns=["assessment"]).rename(
        columns=dict(
            zip(
                ["county", "area", "industries", "subjects", "verdict", "is_example"],
                headers + [tx(lang, "Exempeldata", "Example data")],
            )
        )
    )
    outside = counted(
        len(found), lang, ("styrkeområde ligger", "styrkeområden ligger"), ("strength area lies", "strength areas lie")
    )
    summary = (
        test_area_summary(matrix, lang)
        + " "
        + tx(
            lang,
            f"{outside} utanför alla testområden (nya kandidater).",
            f"{outside} outside every test area (new candidates).",
        )
    )
    note = (
        [
            tx(
                lang,
                "Testområdena är länens; för en kommun visas länets testområden mot länets siffror.",
                "The test areas are the counties'; for a municipality the county's test areas are shown against the county's numbers.",
            )
        ]
        if ctx.selection.region not in (*COUNTIES, SIDE_BY_SIDE)
        else []
    )
    measures = ["employees", "new_firms", "patent_applications", "trademark_applications"]
    page = ("test_area_matrix", {"frame": frame, "headers": headers, "title": title})
    return spec(ctx, key, title, fig, table, frame, measures, summary=summary, notes=note, page=page)


def test_area_summary(matrix: pd.DataFrame, lang: str) -> str:
    """Say how many test areas the analysis confirms; without academic data, what the business half shows."""
    c = matrix["assessment"].value_counts()
    n = len(matrix)
    if c.get("naringsliv_ja", 0) + c.get("naringsliv_nej", 0):
        return tx(
            lang,
            f"Av {n} testområden har {c.get('naringsliv_ja', 0)} en styrka i näringslivet och "
            f"{c.get('naringsliv_nej', 0)} ingen; den akademiska delen kan inte bedömas (publikationsdata saknas).",
            f"Of {n} test areas, {c.get('naringsliv_ja', 0)} have a business strength and "
            f"{c.get('naringsliv_nej', 0)} none; the academic half cannot be judged (publication data missing).",
        )
    return tx(
        lang,
        f"Av {n} testområden bekräftas {c.get('bekraftas', 0)}, {c.get('delvis', 0)} delvis och "
        f"{c.get('bekraftas_inte', 0)} inte.",
        f"Of {n} test areas, {c.get('bekraftas', 0)} are confirmed, {c.get('delvis', 0)} partly and "
        f"{c.get('bekraftas_inte', 0)} not.",
    )


def candidate_subject(row, subject_name: dict, lang: str) -> str:
    """Return the candidate's best linked research subject with its quotient, or nothing."""
    if not isinstance(row.academic_subject, str):
        return ""
    quotient = fmt_number(row.academic_lq, lang, 1)
    return f"{subject_name.get(row.academic_subject, row.academic_subject)} ({tx(lang, 'kvot', 'quotient')} {quotient})"


def matrix_rows(ctx: Context, analysis, matrix: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """Return county, area, industries, subjects, verdict, assessment, is_example in words of the page's language."""
    lang, table = ctx.lang, analysis.table
    industry_name = dict(zip(table["industry"], ctx.industry_names(table)))
    subjects = ctx.source.table("research_subject")
    subject_name = dict(zip(subjects["code"], subjects["name_en" if lang == "en" else "name_sv"]))

    def listed(strong, every, names):
        if strong is None:  # no data to judge by (no publications for the county)
            return tx(lang, "uppgift saknas", "no data")
        words = ", ".join(names.get(c, c) for c in strong)
        return tx(lang, f"{len(strong)} av {len(every)}", f"{len(strong)} of {len(every)}") + (
            f": {words}" if words else ""
        )

    rows = [
        dict(
            county=ctx.name(m.region),
            area=m.name_en if lang == "en" else m.name_sv,
            industries=listed(m.strong_industries, m.industries, industry_name),
            subjects=listed(m.strong_subjects, m.subjects, subject_name),
            verdict=tx(lang, *ASSESSMENTS[m.assessment]),
            assessment=m.assessment,
            is_example=m.is_example,
        )
        for m in matrix.itertuples()
    ]
    for c in found.itertuples():
        name = c.name_en if lang == "en" else c.name_sv
        rows.append(
            dict(
                county=ctx.name(c.region),
                area=tx(lang, "Ny kandidat", "New candidate"),
                industries=f"{name} ({tx(lang, 'kvot', 'quotient')} {fmt_number(c.lq, lang, 1)})",
                subjects=candidate_subject(c, subject_name, lang),
                verdict=tx(lang, "Utanför testområdena", "Outside the test areas"),
                assessment="ny_kandidat",
                is_example=bool(c.is_example),
            )
        )
    return pd.DataFrame(
        rows, columns=["county", "area", "industries", "subjects", "verdict", "assessment", "is_example"]
    )
