"""Build the Styrkeområden card that puts the qualitative half beside the statistical verdict.

For the chosen region and level: each strength area the rule finds (and each industry a qualitative
record is about), then each test area of the assessed counties; for each, the statistical verdict
(labelled as such), the qualitative assessments (what was concluded, on what evidence, by whom,
confirm/weaken/add), the international value chains, and the cluster initiatives that work in the
area with their latest phase (the strength model's "Samverkan – Klusterkartering").

The page shows an HTML table (layouts/qualitative_table.py); the exports take the flat table (CSV,
XLSX) and the figure (PNG, PPTX).
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from data import schema
from figures.qualitative import qualitative_figure
from figures.spec import ChartSpec
from i18n import tx
from indicators.clusters import phase_scale
from indicators.collaboration import clusters_in_test_areas, collaboration_by_industry, latest_phases
from indicators.levels import LEVEL_NAMES, InvalidArgument
from indicators.qualitative import QUALITATIVE_ASSESSMENT, VALUE_CHAINS, qualitative_assessments, value_chains
from indicators.strength import category_name
from indicators.test_areas import ASSESSMENTS, area_links, compare_test_areas

from .. import chart
from ..sources import _line, record_datasets, record_measures
from . import VIEW
from .context import analysis_for, context, explained, sentence
from .qualitative_words import (
    NO_ASSESSMENT,
    assessment_words,
    chain_words,
    cluster_words,
    flat,
    picture_cells,
    summary_text,
)
from .test_areas import assessed_counties

KEY = "qualitative"
STRENGTHS = ("helhetlig", "styrka")
NO_CLUSTERS = pd.DataFrame(
    columns=["name", "phase", "phase_name_sv", "phase_name_en", "phase_year", "phase_is_example"]
)


def _records(conn, regions: list[str], level: str):
    """Return (assessments, value chains) about strength areas of the regions at the level."""
    found = [
        (qualitative_assessments(conn, region=r, level=level), value_chains(conn, region=r, level=level))
        for r in regions
    ]
    return pd.concat([a for a, _ in found]), pd.concat([c for _, c in found])


def clusters_by_industry(conn, region: str, level: str) -> dict[str, pd.DataFrame]:
    """Return industry -> the cluster initiatives of the region working in it (clusters_in_area's columns),
    read with one query for all industries of the level."""
    found = collaboration_by_industry(conn, region, level)
    if found.empty:
        return {}
    phases = latest_phases(conn)
    scale = phase_scale(conn).set_index("code")
    frame = found.explode(["cluster_codes", "names"]).rename(columns={"cluster_codes": "cluster", "names": "name"})
    frame = frame.merge(phases, on="cluster", how="left")
    frame["phase_name_sv"] = frame["phase"].map(scale["name_sv"])
    frame["phase_name_en"] = frame["phase"].map(scale["name_en"])
    return {industry: part.sort_values("name") for industry, part in frame.groupby("industry")}


def cluster_datasets(conn, names: set[str]) -> list[str]:
    """Return the datasets holding the named cluster initiatives and their phase assessments."""
    c, pa = schema.cluster, schema.phase_assessment
    codes = select(c.c.code).where(c.c.name.in_(names))
    found = select(c.c.dataset).where(c.c.name.in_(names)).union(select(pa.c.dataset).where(pa.c.cluster.in_(codes)))
    return list(conn.execute(found).scalars())


def strength_rows(ctx, conn) -> list[dict]:
    """Return a row per strength area of the chosen regions, and per other industry a record is about."""
    lang, level, table = ctx.lang, ctx.analysis.level, ctx.analysis.table
    assessments, chains = _records(conn, ctx.selection.regions, level)
    name = "name_en" if lang == "en" else "name_sv"
    rows = []
    for region in ctx.selection.regions:
        own = table[table["region"] == region].set_index("industry")
        mine = assessments[assessments["region"] == region]
        theirs = chains[chains["region"] == region]
        strong = own[own["category"].isin(STRENGTHS)]
        strong = strong.assign(rank=strong["category"].map(STRENGTHS.index)).sort_values(
            ["rank", "lq"], ascending=[True, False]
        )
        recorded = [i for i in dict.fromkeys([*mine["industry"], *theirs["industry"]]) if i not in strong.index]
        record_names = dict(zip(mine["industry"], mine[f"industry_{name}"])) | dict(
            zip(theirs["industry"], theirs[f"industry_{name}"])
        )
        clusters = clusters_by_industry(conn, region, level)
        for industry in [*strong.index, *recorded]:
            known = industry in own.index
            row = own.loc[industry] if known else None
            rows.append(
                area_row(ctx, "styrkeomrade", region, row[name] if known else record_names.get(industry) or industry)
                | {"statistical": statistical_words(row, lang), "is_strength": known and row["category"] in STRENGTHS}
                | words(
                    mine[mine["industry"] == industry],
                    theirs[theirs["industry"] == industry],
                    clusters.get(industry, NO_CLUSTERS),
                    lang,
                )
                | {"stats_example": bool(row["is_example"]) if known else False}
            )
    return rows


def statistical_words(row, lang: str) -> str:
    """Return the rule's class of an industry, saying so where it is no strength area or has no data."""
    if row is None:
        return tx(lang, "Ingen statistisk klassning (uppgift saknas)", "No statistical classification (no data)")
    words = category_name(row["category"], lang)
    if row["category"] not in STRENGTHS:
        words += tx(lang, " (inget styrkeområde enligt regeln)", " (no strength area by the rule)")
    return words


def test_area_rows(ctx, conn) -> list[dict]:
    """Return a row per test area of the assessed counties, with the test-area comparison's verdict."""
    lang = ctx.lang
    counties = assessed_counties(ctx)
    analysis = analysis_for(ctx.source, ctx.selection, counties)
    areas, area_ind, area_subj = area_links(ctx.source, analysis.level)
    verdicts = compare_test_areas(analysis, areas, area_ind, area_subj).set_index("test_area")
    about_areas = qualitative_assessments(conn), value_chains(conn)
    rows = []
    shown = areas[areas["region"].isin(counties)].sort_values(["region", "sort"]).to_dict("records")
    clusters = clusters_in_test_areas(conn, [a["test_area"] for a in shown])
    for a in shown:
        area = int(a["test_area"])
        mine, theirs = (frame[frame["test_area"] == area] for frame in about_areas)
        found = area in verdicts.index
        statistical = (
            tx(lang, *ASSESSMENTS[verdicts.at[area, "assessment"]])
            if found
            else tx(lang, "Ingen statistisk bedömning (uppgift saknas)", "No statistical verdict (no data)")
        )
        rows.append(
            area_row(ctx, "testomrade", a["region"], a["name_en" if lang == "en" else "name_sv"])
            | {"statistical": statistical, "is_strength": False}
            | words(
                mine,
                theirs,
                clusters[area],
                lang,
            )
            | {"stats_example": bool(verdicts.at[area, "is_example"]) if found else False}
        )
    return rows


def area_row(ctx, kind: str, region: str, name: str) -> dict:
    strength = tx(ctx.lang, "Styrkeområde", "Strength area")
    kind_word = strength if kind == "styrkeomrade" else tx(ctx.lang, "Testområde", "Test area")
    return {"kind": kind, "kind_word": kind_word, "region": ctx.name(region), "name": name}


def words(assessments: pd.DataFrame, chains: pd.DataFrame, clusters: pd.DataFrame, lang: str) -> dict:
    record_datasets([*assessments["dataset"], *chains["dataset"]])
    return {
        "assessments": assessment_words(assessments, lang),
        "chains": chain_words(chains, lang),
        "clusters": cluster_words(clusters, lang),
    }


def export_table(rows: list[dict], lang: str) -> pd.DataFrame:
    """Return one row per area with its records written out whole (the CSV and XLSX export)."""
    return pd.DataFrame(
        {
            tx(lang, "Region", "Region"): [r["region"] for r in rows],
            tx(lang, "Typ", "Kind"): [r["kind_word"] for r in rows],
            tx(lang, "Område", "Area"): [r["name"] for r in rows],
            tx(lang, "Statistisk bedömning", "Statistical verdict"): [r["statistical"] for r in rows],
            tx(lang, "Kvalitativ bedömning", "Qualitative assessment"): [
                flat(r["assessments"], lang, "assessment") or tx(lang, *NO_ASSESSMENT) for r in rows
            ],
            tx(lang, "Internationella värdekedjor", "International value chains"): [
                flat(r["chains"], lang, "chain") for r in rows
            ],
            tx(lang, "Samverkan: klusterinitiativ (fas)", "Collaboration: cluster initiatives (phase)"): [
                flat(r["clusters"], lang, "cluster") for r in rows
            ],
            tx(lang, "Innehåller exempeldata", "Contains example data"): [row_is_example(r) for r in rows],
        }
    )


def row_is_example(row: dict) -> bool:
    """Return whether any part of the row rests on example data (its statistics, a record, a cluster's phase)."""
    parts = [row["stats_example"]] + [x["is_example"] for k in ("assessments", "chains", "clusters") for x in row[k]]
    return any(parts)


def data_status(rows: list[dict]) -> str:
    flags = {row["stats_example"] for row in rows}
    flags |= {x["is_example"] for row in rows for k in ("assessments", "chains", "clusters") for x in row[k]}
    return "example" if flags == {True} else ("mixed" if True in flags else "real")


def other_levels_note(conn, ctx) -> list[str]:
    """Say where records exist for the regions at other levels than the chosen one."""
    notes = []
    for region in ctx.selection.regions:
        frame = qualitative_assessments(conn, region=region)
        other = sorted({lv for lv in frame["level"] if lv and lv != ctx.analysis.level})
        if other:
            names = ", ".join(tx(ctx.lang, *LEVEL_NAMES[lv]) for lv in other)
            notes.append(
                tx(
                    ctx.lang,
                    f"{ctx.name(region)} har kvalitativa bedömningar också på andra branschnivåer: {names}.",
                    f"{ctx.name(region)} also has qualitative assessments at other industry levels: {names}.",
                )
            )
    return notes


@chart(VIEW, KEY)
def qualitative_chart(conn, lang: str, **params) -> ChartSpec:
    """Return the qualitative assessments, value chains and cluster initiatives beside each area's statistical verdict."""
    title = tx(
        lang,
        "Kvalitativ bedömning, värdekedjor och samverkan",
        "Qualitative assessment, value chains and collaboration",
    )
    try:
        ctx = context(conn, lang, params)
    except InvalidArgument as exc:
        return explained(KEY, title, sentence(exc.message(lang)), lang)
    rows = strength_rows(ctx, conn) + test_area_rows(ctx, conn)
    record_measures(conn, ["employees"])
    record_datasets(cluster_datasets(conn, {c["name"] for r in rows for c in r["clusters"]}))
    areas = None if ctx.analysis.table.empty else sum(r["is_strength"] for r in rows)
    tests = sum(r["kind"] == "testomrade" for r in rows)
    clusters = len({c["name"] for r in rows for c in r["clusters"]})
    headers = [
        tx(lang, "Område", "Area"),
        tx(lang, "Statistisk bedömning", "Statistical verdict"),
        tx(lang, "Kvalitativ bedömning", "Qualitative assessment"),
        tx(lang, "Internationella värdekedjor", "International value chains"),
        tx(lang, "Samverkan: klusterinitiativ", "Collaboration: cluster initiatives"),
    ]
    return ChartSpec(
        view=VIEW,
        key=KEY,
        title=title,
        subtitle=tx(
            lang,
            "Den statistiska klassningen bredvid projektets bedömningar efter dokumentstudier och intervjuer",
            "The statistical classification beside the project's assessments after document studies and interviews",
        ),
        figure=qualitative_figure([picture_cells(r, lang) for r in rows], headers, lang),
        table=export_table(rows, lang),
        source=_line(lang, ctx.source.sources(["employees"]))
        + tx(
            lang,
            "; projektets kvalitativa bedömningar; klusterkarteringen",
            "; the project's qualitative assessments; the cluster mapping",
        ),
        data_status=data_status(rows),
        summary=summary_text(areas, tests, rows, clusters, lang),
        filename=f"{VIEW}_{KEY}_{ctx.selection.region}_{ctx.analysis.level}".replace("-", "_"),
        notes=other_levels_note(conn, ctx),
        definitions=[f"{m.title(lang)}: {m.definition(lang)}" for m in (QUALITATIVE_ASSESSMENT, VALUE_CHAINS)],
        page=("qualitative_table", {"rows": rows, "headers": headers, "title": title}),
    )
