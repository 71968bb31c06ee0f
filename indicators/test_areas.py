"""Compare each county's priority areas (testområden) with the strength analysis; find new candidates."""

from __future__ import annotations

import pandas as pd

from .analysis import StrengthAnalysis
from .meta import IndicatorMeta, register
from .strength import MIN_COUNT

ASSESSMENTS = {  # code: (Swedish, English)
    "bekraftas": ("Bekräftas", "Confirmed"),
    "delvis": ("Bekräftas delvis", "Partly confirmed"),
    "bekraftas_inte": ("Bekräftas inte", "Not confirmed"),
    # Without publication data for the county, only the business half can be judged; the other is unknown.
    "naringsliv_ja": ("Styrka i näringslivet; akademiska data saknas", "Business strength; academic data missing"),
    "naringsliv_nej": (
        "Ingen styrka i näringslivet; akademiska data saknas",
        "No business strength; academic data missing",
    ),
}
BUSINESS = ("helhetlig", "styrka")  # categories that count as a business strength
MATRIX_COLUMNS = [
    "region",
    "test_area",
    "name_sv",
    "name_en",
    "industries",
    "strong_industries",
    "subjects",
    "strong_subjects",
    "assessment",
    "is_example",
]

TEST_AREA_COMPARISON = IndicatorMeta(
    key="test_area_comparison",
    title_sv="Testområdena jämförda med analysen",
    title_en="The test areas compared with the analysis",
    unit_sv="bedömning",
    unit_en="assessment",
    definition_sv=(
        "Varje läns testområden är kopplade till branscher (SNI-avdelningar) och forskningsämnen i databasen. "
        "Ett testområde bekräftas när minst en av dess branscher är ett styrkeområde (helhetligt eller i "
        "näringslivet) i länet och minst ett av dess forskningsämnen har en specialiseringskvot på minst "
        f"tröskeln för akademi vid länets lärosäte (minst {MIN_COUNT} publikationer). Det bekräftas delvis när "
        "bara det ena gäller, och bekräftas inte när inget gäller. Styrkeområden utanför alla länets testområden "
        "är nya kandidater. Saknas publikationsdata för länet bedöms bara näringslivsdelen, och den akademiska "
        "delen anges som okänd."
    ),
    definition_en=(
        "Each county's test areas are linked to industries (SNI divisions) and research subjects in the store. A "
        "test area is confirmed when at least one of its industries is a strength area (holistic or business) in "
        "the county and at least one of its research subjects has a specialisation quotient of at least the "
        f"academic threshold at the county's university (at least {MIN_COUNT} publications). It is partly "
        "confirmed when only one of the two holds, and not confirmed when neither does. Strength areas outside "
        "all of the county's test areas are new candidates. Without publication data for the county, only the "
        "business half is judged and the academic half is stated as unknown."
    ),
    formula="bekräftas = bransch ∈ styrkor ∧ ämne ∈ akademiska styrkor; delvis = exakt ett av dem",
    measures=("employees",),
    view="styrkeomraden",
)


def area_links(source, level: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return (areas, area industries at the level, area subjects) from the store's editable mapping."""
    areas = source.table("test_area").rename(columns={"id": "test_area"})
    divisions = source.table("test_area_industry").rename(columns={"industry": "division"})
    industries = divisions.merge(source.division_map(level), on="division")[["test_area", "industry"]]
    return areas, industries.drop_duplicates(), source.table("test_area_subject")


def assess(has_industry: bool, has_subject: bool | None) -> str:
    """Return the assessment code; has_subject None: the county has no publication data (unknown, not "no")."""
    if has_subject is None:
        return "naringsliv_ja" if has_industry else "naringsliv_nej"
    if has_industry and has_subject:
        return "bekraftas"
    return "delvis" if (has_industry or has_subject) else "bekraftas_inte"


@register(TEST_AREA_COMPARISON)
def compare_test_areas(analysis: StrengthAnalysis, areas, area_industries, area_subjects) -> pd.DataFrame:
    """Return MATRIX_COLUMNS: one row per test area of the analysed counties, with its assessment.

    industries/subjects are the linked codes; strong_* the ones the analysis finds strong.
    """
    t = analysis.thresholds
    table, acad = analysis.table, analysis.academic
    rows = []
    for area in areas[areas["region"].isin(table["region"].unique())].sort_values(["region", "sort"]).itertuples():
        own = table[table["region"] == area.region]
        linked = set(area_industries.loc[area_industries["test_area"] == area.test_area, "industry"])
        subjects = set(area_subjects.loc[area_subjects["test_area"] == area.test_area, "subject"])
        strong = sorted(own.loc[own["industry"].isin(linked) & own["category"].isin(BUSINESS), "industry"])
        known = not acad[acad["region"] == area.region].empty  # any publication data for the county at all
        mine = acad[(acad["region"] == area.region) & acad["subject"].isin(subjects)]
        good = sorted(mine.loc[(mine["lq"] >= t.support_lq) & (mine["publications"] >= MIN_COUNT), "subject"])
        used = own[own["industry"].isin(linked)]
        rows.append(
            dict(
                region=area.region,
                test_area=area.test_area,
                name_sv=area.name_sv,
                name_en=area.name_en,
                industries=sorted(linked),
                strong_industries=strong,
                subjects=sorted(subjects),
                strong_subjects=good if known else None,
                assessment=assess(bool(strong), bool(good) if known else None),
                is_example=bool(used["is_example"].any() or mine["is_example"].any()),
            )
        )
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


def new_candidates(analysis: StrengthAnalysis, areas, area_industries) -> pd.DataFrame:
    """Return the strength areas of each analysed county that lie outside all of its test areas."""
    table = analysis.table
    strong = table[table["category"].isin(BUSINESS) & table["region"].isin(areas["region"])]
    own_areas = areas[["test_area", "region"]].merge(area_industries, on="test_area")[["region", "industry"]]
    covered = strong.merge(own_areas.drop_duplicates().assign(_covered=True), on=["region", "industry"], how="left")
    out = covered[covered["_covered"].isna()].drop(columns="_covered")
    return out.sort_values(["region", "lq"], ascending=[True, False], kind="stable").reset_index(drop=True)
