"""Serve every indicator the views show at a path of its own: /api/indicators/<name>.

Each path calls the indicator function the views and the command line (python -m indicators) call,
with the same arguments and defaults, so the three give the same numbers. The survey's shares pass
the views' confidentiality rule and are rounded to whole per cent as the views show them; a
milestone's date of completion is given only where the view shows it (status done at the date).
"""

from __future__ import annotations

import pandas as pd

from charts.milstolpar import PARAMS as MILESTONE_PARAMS
from charts.params import Param
from charts.styrkeomraden import THRESHOLDS
from i18n import tx
from indicators.academic import academic_specialisation
from indicators.analysis import cached_strength_analysis, default_years
from indicators.dynamics import innovation, shift_share, size_and_change
from indicators.levels import InvalidArgument
from indicators.lq import REFERENCES, higher_education, location_quotients, without_reference
from indicators.provenance import datasets_used
from indicators.regions import regions
from indicators.strength import Thresholds
from indicators.test_areas import area_links, compare_test_areas, new_candidates

from . import api_records as rec
from .api_resources import INDUSTRIES, LEVEL, MEASURE, MEASURE_YEAR, REGIONS, Answer, Resource, source_of

COUNTIES = ["17", "20", "21"]
MILESTONE_PARAMS_ALL = tuple(MILESTONE_PARAMS)


def employee_years(conn, _values=None) -> list[int]:
    return list(source_of(conn).years("employees"))


def latest_employee_year(conn, _values=None):
    years = employee_years(conn)
    return years[-1] if years else None


def default_start(conn, values):
    """Return the period's first year as the views and the CLI choose it: five years before the end year."""
    try:
        return default_years(source_of(conn), values.get("year"), None)[0]
    except InvalidArgument:
        return None


REFERENCE = Param(
    "reference",
    str,
    "00",
    lambda _c, _v: list(REFERENCES),
    "Referens: 00 (riket) eller SE31",
    "Reference: 00 (Sweden) or SE31",
)
YEAR = Param(
    "year", int, latest_employee_year, employee_years, "År (standard: det senaste)", "Year (default: the latest)"
)
START = Param(
    "start",
    int,
    default_start,
    employee_years,
    "Periodens första år (standard: fem år före)",
    "First year of the period (default: five years before)",
)
PER = Param(
    "per",
    str,
    "employees",
    lambda _c, _v: ["employees", "inhabitants"],
    "Patent och varumärken per",
    "Patents and trademarks per",
)
WINDOW = Param("window", int, 3, lambda _c, _v: list(range(1, 11)), "Antal år som summeras", "Number of years summed")
PLACE = (LEVEL, REFERENCE, REGIONS)
COUNTY_REGIONS = Param(
    "region",
    list,
    COUNTIES,
    lambda conn, _v: list(regions(conn)["code"]),
    "Regionkoder (standard: de tre länen)",
    "Region codes (default: the three counties)",
)


def measured(conn, measures, frame: pd.DataFrame, years) -> list[str]:
    """Return the datasets behind the measures for the regions and years of an answer's rows."""
    places = sorted(set(frame["region"])) if "region" in frame and len(frame) else None
    return datasets_used(conn, measures, years=years, regions=places)


def lq_rows(conn, v, lang) -> Answer:
    out = location_quotients(
        source_of(conn),
        measure=v["measure"],
        year=v["year"],
        level=v["level"],
        reference=v["reference"],
        regions=v["region"] or None,
    )
    notes = []
    if v["industry"]:
        out = out[out["industry"].isin(v["industry"])]
    if missing := without_reference(out):
        notes.append(
            tx(
                lang,
                f"Ingen kvot för {', '.join(missing)}: branschen saknas i referensen.",
                f"No quotient for {', '.join(missing)}: the industry is missing in the reference.",
            )
        )
    out = out.assign(reference=v["reference"])
    cols = [
        "region",
        "industry",
        "year",
        "lq",
        "value",
        "region_total",
        "reference",
        "reference_value",
        "reference_total",
        "is_example",
    ]
    return Answer(out[cols].reset_index(drop=True), measured(conn, [v["measure"]], out, [v["year"]]), notes)


def place(v) -> dict:
    return dict(level=v["level"], reference=v["reference"], regions=v["region"] or None)


def higher_ed_rows(conn, v, lang) -> Answer:
    out = higher_education(source_of(conn), year=v["year"], **place(v))
    return Answer(out, measured(conn, ["employees", "employees_higher_ed"], out, [v["year"]]))


def size_change_rows(conn, v, lang) -> Answer:
    out = size_and_change(source_of(conn), start=v["start"], year=v["year"], **place(v))
    return Answer(out, measured(conn, ["employees"], out, [v["start"], v["year"]]))


def shift_share_rows(conn, v, lang) -> Answer:
    out = shift_share(source_of(conn), start=v["start"], year=v["year"], **place(v))
    return Answer(out, measured(conn, ["employees"], out, [v["start"], v["year"]]))


def innovation_rows(conn, v, lang) -> Answer:
    out = innovation(source_of(conn), year=v["year"], window=v["window"], per=v["per"], **place(v))
    years = range(v["year"] - v["window"] + 1, v["year"] + 1)
    used = ["new_firms", "patent_applications", "trademark_applications", "employees"]
    return Answer(out, measured(conn, used + (["population"] if v["per"] == "inhabitants" else []), out, years))


def university_codes(conn, _values=None) -> list[str]:
    table = source_of(conn).table("university")
    return sorted(c for c in table["code"] if c != "riket")


def publication_years(conn, _values=None) -> list[int]:
    return sorted(int(y) for y in source_of(conn).academic()["year"].unique())


def academic_rows(conn, v, lang) -> Answer:
    unis = v["university"]
    groups = {",".join(unis): unis} if unis else None
    out = academic_specialisation(
        source_of(conn), groups=groups, year=v["year"], window=v["window"], subject_level=v["subject_level"]
    )
    years = range(int(out["year"].max()) - v["window"] + 1, int(out["year"].max()) + 1) if len(out) else None
    return Answer(out, datasets_used(conn, ["publications"], years=years))


def thresholds(v) -> Thresholds:
    return Thresholds(**{t.name: v[t.name] for t in THRESHOLDS})


def analysis(conn, v):
    return cached_strength_analysis(
        source_of(conn),
        regions=v["region"] or COUNTIES,
        level=v["level"],
        year=v["year"],
        start=v["start"],
        reference=v["reference"],
        per=v["per"],
        thresholds=thresholds(v),
    )


STRENGTH_MEASURES = ["employees", "employees_higher_ed", "new_firms", "patent_applications", "trademark_applications"]
STRENGTH_COLUMNS = ["region", "industry", "name_sv", "name_en", "year", "value", "lq", "top_quartile", "above_bottom"]
STRENGTH_COLUMNS += ["strong", "star_spec", "star_size", "star_focus", "stars", "change", "regional_component"]
STRENGTH_COLUMNS += ["dynamic", "lq_new_firms", "lq_patent_applications", "lq_trademark_applications", "renewal"]
STRENGTH_COLUMNS += ["academic_subject", "academic_lq", "academic", "category", "is_example"]


def strength_rows(conn, v, lang) -> Answer:
    a = analysis(conn, v)
    notes = [tx(lang, sv_, en) for sv_, en in a.notes]
    used = measured(conn, STRENGTH_MEASURES, a.table, [a.start, a.year]) + datasets_used(conn, ["publications"])
    about = {"thresholds": {t.name: v[t.name] for t in THRESHOLDS}, "start": a.start, "year": a.year}
    return Answer(a.table[STRENGTH_COLUMNS], sorted(set(used)), notes, about)


def test_area_rows(conn, v, lang) -> Answer:
    """Return the test-area matrix, then the new candidates as rows with assessment ny_kandidat (as the CLI)."""
    a = analysis(conn, v)
    areas, area_industries, area_subjects = area_links(source_of(conn), a.level)
    matrix = compare_test_areas(a, areas, area_industries, area_subjects)
    for col in ("industries", "strong_industries", "subjects", "strong_subjects"):
        matrix[col] = matrix[col].map(" ".join)
    found = new_candidates(a, areas, area_industries)
    extra = pd.DataFrame(
        {
            "region": found["region"],
            "test_area": None,
            "name_sv": found["name_sv"],
            "name_en": found["name_en"],
            "industries": found["industry"],
            "strong_industries": found["industry"],
            "subjects": "",
            "strong_subjects": "",
            "assessment": "ny_kandidat",
            "is_example": found["is_example"],
        }
    )
    out = pd.concat([matrix, extra], ignore_index=True) if len(extra) else matrix
    used = measured(conn, STRENGTH_MEASURES, a.table, [a.start, a.year]) + datasets_used(conn, ["publications"])
    return Answer(out, sorted(set(used)))


STRENGTH_PARAMS = (COUNTY_REGIONS, YEAR, START, LEVEL, REFERENCE, PER, *THRESHOLDS)


ACADEMIC_PARAMS = (
    Param(
        "university",
        list,
        [],
        university_codes,
        "Lärosäten som räknas tillsammans (standard: vart för sig)",
        "Universities counted together (default: each on its own)",
    ),
    Param("year", int, None, publication_years, "År (standard: det senaste)", "Year (default: the latest)"),
    WINDOW,
    Param(
        "subject_level",
        int,
        3,
        lambda _c, _v: [1, 3],
        "Ämnesnivå: 1 (område) eller 3 (grupp)",
        "Subject level: 1 (area) or 3 (group)",
    ),
)


def indicator(path: str, key: str, sv_: str, en: str, params, compute, *, heavy: bool = False) -> Resource:
    return Resource(f"indicators/{path}", sv_, en, tuple(params), compute, "indicators", key, heavy)


INDICATOR_RESOURCES = [
    indicator(
        "location-quotients",
        "location_quotient",
        "Lokaliseringskvoter per region och bransch för ett mått och år",
        "Location quotients by region and industry for a measure and year",
        (MEASURE, MEASURE_YEAR, *PLACE, INDUSTRIES),
        lq_rows,
    ),
    indicator(
        "higher-education",
        "higher_education",
        "Andel med eftergymnasial utbildning och kvoten för de högutbildade",
        "Share with higher education and the quotient of the highly educated",
        (YEAR, *PLACE),
        higher_ed_rows,
    ),
    indicator(
        "size-change",
        "size_change",
        "Storlek och förändring av sysselsättningen över en period",
        "Size and change of employment over a period",
        (YEAR, START, *PLACE),
        size_change_rows,
    ),
    indicator(
        "shift-share",
        "shift_share",
        "Förändringen delad i riksutveckling, branschsammansättning och regional komponent",
        "The change split into national growth, industry mix and regional component",
        (YEAR, START, *PLACE),
        shift_share_rows,
    ),
    indicator(
        "innovation",
        "innovation",
        "Dynamik: nya företag, patent- och varumärkesansökningar, takt och kvot",
        "Dynamics: new firms, patent and trademark applications, rate and quotient",
        (YEAR, WINDOW, PER, *PLACE),
        innovation_rows,
    ),
    indicator(
        "academic",
        "academic_specialisation",
        "Lärosätenas specialisering per forskningsämne",
        "The universities' specialisation by research subject",
        ACADEMIC_PARAMS,
        academic_rows,
    ),
    indicator(
        "strengths",
        "strength_classification",
        "Styrkeområden enligt regeln, med trösklarna som parametrar",
        "Strength areas by the rule, with its thresholds as parameters",
        STRENGTH_PARAMS,
        strength_rows,
        heavy=True,
    ),
    indicator(
        "test-areas",
        "test_area_comparison",
        "Testområdena jämförda med analysen, och nya kandidater",
        "The test areas compared with the analysis, and new candidates",
        STRENGTH_PARAMS,
        test_area_rows,
        heavy=True,
    ),
    indicator(
        "cluster-phases",
        "cluster_phase",
        "Klusterinitiativens utvecklingsfas per bedömningsår",
        "The cluster initiatives' development phase by assessment year",
        rec.CLUSTER_PARAMS,
        rec.phase_rows,
    ),
    indicator(
        "cluster-criteria",
        "cluster_criteria",
        "Klusterinitiativens horisontella kriterier per bedömningsår",
        "The cluster initiatives' horizontal criteria by assessment year",
        rec.CLUSTER_PARAMS,
        rec.criteria_rows,
    ),
    indicator(
        "survey-shares",
        "survey_answer_shares",
        "Företagsenkätens svarsandelar efter röjandeskydd, i hela procent",
        "The company survey's answer shares after suppression, in whole per cent",
        rec.SURVEY_PARAMS,
        rec.survey_rows,
    ),
    indicator(
        "milestones",
        "milestone_status",
        "Milstolparna med härledd status vid ett datum",
        "The milestones with their derived status at a date",
        MILESTONE_PARAMS_ALL,
        rec.milestone_rows,
    ),
    indicator(
        "goal-attainment",
        "goal_attainment",
        "Måluppfyllelse per aktivitetsindikator vid ett datum",
        "Goal attainment per activity indicator at a date",
        (rec.ASOF,),
        rec.goal_rows,
    ),
]
