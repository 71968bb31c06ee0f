"""Generate the example statistics: deterministic, plausible, and marked as example data.

Nothing here is a real number. Every row lands in a dataset whose is_example flag is true,
and the views say "Exempeldata" wherever such a row is shown. The shapes are chosen so that
the analysis behaves like it would on real data: steel, forest and paper are large in these
counties, municipalities add up to their county, counties to Norra Mellansverige, and riket
(the whole country) is far larger than the three counties.
"""

from __future__ import annotations

import zlib
from datetime import date

import numpy as np

from . import classifications as cl
from . import content

YEARS = list(range(2008, 2024))
SEED = 20160401
EXAMPLE_RETRIEVED = date(2026, 11, 28)


def example_dataset(code: str, title_sv: str, title_en: str) -> dict:
    return {
        "code": code,
        "title_sv": title_sv,
        "title_en": title_en,
        "source": "Exempeldata genererade av dashboarden (inte verkliga siffror)",
        "source_url": None,
        "licence": "CC0 (påhittade siffror)",
        "retrieved": EXAMPLE_RETRIEVED,
        "is_example": True,
        "notes": "Ersätt med verkliga data med python -m data import.",
    }


DATASETS = [
    example_dataset(
        "ex_sysselsattning", "Sysselsatta efter bransch (exempeldata)", "Employees by industry (example data)"
    ),
    example_dataset(
        "ex_dynamik",
        "Nya företag, patent och varumärken (exempeldata)",
        "New firms, patents and trademarks (example data)",
    ),
    example_dataset("ex_befolkning", "Folkmängd (exempeldata)", "Population (example data)"),
    example_dataset(
        "ex_akademi",
        "Publikationer per forskningsämne (exempeldata)",
        "Publications by research subject (example data)",
    ),
    example_dataset("ex_kluster", "Klusterbedömningar (exempeldata)", "Cluster assessments (example data)"),
    example_dataset("ex_enkat", "Företagsenkät (exempeldata)", "Company survey (example data)"),
    example_dataset(
        "ex_uppfoljning", "Milstolpar och indikatorer (exempeldata)", "Milestones and indicators (example data)"
    ),
]

# Employees in the whole country by SNI division, thousands, around 2015 (plausible, not real).
NATIONAL_BASE = {
    "01": 45,
    "02": 20,
    "03": 3,
    "05": 0.1,
    "06": 0.1,
    "07": 8,
    "08": 3,
    "09": 1,
    "10": 55,
    "11": 5,
    "12": 1,
    "13": 5,
    "14": 1.5,
    "15": 1,
    "16": 28,
    "17": 22,
    "18": 12,
    "19": 2,
    "20": 20,
    "21": 22,
    "22": 20,
    "23": 15,
    "24": 30,
    "25": 60,
    "26": 25,
    "27": 25,
    "28": 70,
    "29": 55,
    "30": 15,
    "31": 12,
    "32": 15,
    "33": 25,
    "35": 25,
    "36": 5,
    "37": 3,
    "38": 15,
    "39": 1,
    "41": 110,
    "42": 45,
    "43": 170,
    "45": 60,
    "46": 210,
    "47": 270,
    "49": 130,
    "50": 12,
    "51": 6,
    "52": 50,
    "53": 30,
    "55": 35,
    "56": 130,
    "58": 20,
    "59": 10,
    "60": 8,
    "61": 25,
    "62": 130,
    "63": 12,
    "64": 60,
    "65": 25,
    "66": 20,
    "68": 70,
    "69": 55,
    "70": 90,
    "71": 100,
    "72": 25,
    "73": 25,
    "74": 15,
    "75": 5,
    "77": 20,
    "78": 80,
    "79": 12,
    "80": 25,
    "81": 80,
    "82": 45,
    "84": 290,
    "85": 430,
    "86": 370,
    "87": 280,
    "88": 170,
    "90": 25,
    "91": 15,
    "92": 3,
    "93": 40,
    "94": 45,
    "95": 8,
    "96": 35,
    "97": 1,
    "98": 0.1,
    "99": 0.5,
}

# Yearly national growth by section (share per year).
SECTION_GROWTH = {
    "A": -0.01,
    "B": 0.005,
    "C": -0.012,
    "D": 0.0,
    "E": 0.01,
    "F": 0.02,
    "G": 0.006,
    "H": 0.008,
    "I": 0.02,
    "J": 0.035,
    "K": 0.005,
    "L": 0.012,
    "M": 0.025,
    "N": 0.02,
    "O": 0.01,
    "P": 0.012,
    "Q": 0.012,
    "R": 0.015,
    "S": 0.005,
    "T": 0.0,
    "U": 0.0,
}

# County size (share of national employees) and specialisation multipliers by division.
COUNTY_SHARE = {"17": 0.027, "20": 0.027, "21": 0.026}
COUNTY_SPECIAL = {
    "17": {
        "02": 2.5,
        "16": 2.4,
        "17": 5.0,
        "28": 1.5,
        "33": 1.3,
        "62": 0.7,
        "64": 0.6,
        "70": 0.6,
        "72": 0.5,
        "86": 1.1,
    },
    "20": {
        "02": 2.0,
        "07": 2.0,
        "16": 2.0,
        "17": 1.6,
        "24": 5.5,
        "27": 3.5,
        "55": 2.6,
        "93": 1.9,
        "35": 1.4,
        "62": 0.5,
        "70": 0.5,
        "72": 0.4,
    },
    "21": {
        "02": 2.2,
        "16": 2.0,
        "17": 3.4,
        "24": 3.8,
        "25": 1.6,
        "28": 2.6,
        "26": 1.4,
        "61": 1.5,
        "62": 0.6,
        "70": 0.5,
        "72": 0.5,
    },
}
COUNTY_DRIFT = {"17": -0.002, "20": -0.003, "21": -0.001}
SERVICES_DAMPING = {"J": 0.7, "K": 0.6, "M": 0.7, "N": 0.8}

# Municipality weights (roughly population) and local specialisations.
MUNICIPALITY_WEIGHT = {
    "1715": 12,
    "1730": 8.5,
    "1737": 11.5,
    "1760": 4,
    "1761": 16.5,
    "1762": 3.5,
    "1763": 11.5,
    "1764": 9,
    "1765": 10,
    "1766": 13.5,
    "1780": 95,
    "1781": 24.5,
    "1782": 10.5,
    "1783": 11.5,
    "1784": 26,
    "1785": 15.5,
    "2021": 6.5,
    "2023": 10,
    "2026": 10.5,
    "2029": 15.5,
    "2031": 11,
    "2034": 7,
    "2039": 7,
    "2061": 10.5,
    "2062": 20.5,
    "2080": 59,
    "2081": 52,
    "2082": 11,
    "2083": 15,
    "2084": 23,
    "2085": 26,
    "2101": 5.8,
    "2104": 9.5,
    "2121": 11.5,
    "2132": 9.5,
    "2161": 19,
    "2180": 102,
    "2181": 39.5,
    "2182": 25.5,
    "2183": 26.5,
    "2184": 37.5,
}
MUNICIPALITY_SPECIAL = {
    "1764": {"17": 8},
    "1761": {"17": 6},
    "1780": {"62": 3, "72": 3, "85": 1.5, "70": 2.5},
    "1781": {"28": 4},
    "1783": {"24": 6},
    "1784": {"28": 3, "29": 3},
    "1785": {"16": 4},
    "2081": {"24": 6, "17": 3},
    "2084": {"24": 8},
    "2085": {"27": 10},
    "2023": {"55": 12, "93": 6},
    "2080": {"62": 2, "72": 2, "85": 1.5, "84": 1.5},
    "2062": {"16": 3, "55": 2},
    "2061": {"24": 5},
    "2181": {"24": 6, "25": 5, "28": 6},
    "2180": {"17": 3, "62": 2.5, "72": 2.5, "61": 2, "85": 1.5},
    "2104": {"24": 10},
    "2182": {"17": 4, "16": 3},
    "2184": {"26": 5, "61": 5, "17": 2},
    "2161": {"02": 3, "16": 4},
    "2121": {"16": 4, "22": 3},
}

HIGHER_ED_SHARE = {  # by section, national, around 2015
    "A": 0.12,
    "B": 0.25,
    "C": 0.24,
    "D": 0.45,
    "E": 0.2,
    "F": 0.14,
    "G": 0.22,
    "H": 0.15,
    "I": 0.17,
    "J": 0.72,
    "K": 0.68,
    "L": 0.38,
    "M": 0.72,
    "N": 0.24,
    "O": 0.62,
    "P": 0.72,
    "Q": 0.5,
    "R": 0.45,
    "S": 0.35,
    "T": 0.1,
    "U": 0.7,
}
NEW_FIRM_RATE = {  # new firms per 1,000 employees by section
    "A": 30,
    "B": 5,
    "C": 6,
    "D": 8,
    "E": 6,
    "F": 22,
    "G": 14,
    "H": 10,
    "I": 25,
    "J": 30,
    "K": 12,
    "L": 20,
    "M": 35,
    "N": 25,
    "O": 0.3,
    "P": 5,
    "Q": 5,
    "R": 40,
    "S": 30,
    "T": 5,
    "U": 0,
}
PATENT_RATE = {  # patent applications per 1,000 employees by division (others ~0)
    "20": 3.0,
    "21": 4.0,
    "22": 1.2,
    "24": 1.5,
    "25": 0.8,
    "26": 5.0,
    "27": 3.5,
    "28": 3.0,
    "29": 2.5,
    "30": 2.0,
    "17": 1.2,
    "16": 0.4,
    "72": 6.0,
    "71": 0.8,
    "62": 0.4,
    "32": 1.5,
}
TRADEMARK_RATE = {  # trademark applications per 1,000 employees by section
    "A": 0.5,
    "C": 2.0,
    "G": 3.0,
    "I": 2.5,
    "J": 4.0,
    "M": 3.5,
    "N": 1.5,
    "R": 3.0,
    "S": 1.5,
}
SECTION_OF = {d[0]: d[1] for d in cl.DIVISIONS}


def _rng(*key) -> np.random.Generator:
    """Return a generator seeded from the key, so each series is reproducible on its own."""
    return np.random.default_rng([SEED, zlib.crc32(repr(key).encode())])


def _split_integer(total: int, weights: np.ndarray) -> np.ndarray:
    """Split an integer total into integer parts proportional to weights (largest remainder)."""
    if total <= 0 or weights.sum() <= 0:
        return np.zeros(len(weights), dtype=int)
    exact = weights / weights.sum() * total
    parts = np.floor(exact).astype(int)
    rest = total - parts.sum()
    order = np.argsort(-(exact - parts), kind="stable")
    parts[order[:rest]] += 1
    return parts


def national_employees() -> dict[tuple[str, int], int]:
    """Return riket's employees by (division, year)."""
    out = {}
    for div, base in NATIONAL_BASE.items():
        g = SECTION_GROWTH[SECTION_OF[div]]
        noise = _rng("nat", div).normal(0, 0.01, len(YEARS))
        for k, year in enumerate(YEARS):
            out[(div, year)] = int(round(base * 1000 * (1 + g) ** (year - 2015) * (1 + noise[k])))
    return out


def county_employees(nat: dict) -> dict[tuple[str, str, int], int]:
    """Return employees by (county, division, year), specialised and drifting."""
    out = {}
    for county, share in COUNTY_SHARE.items():
        special = COUNTY_SPECIAL[county]
        for div in NATIONAL_BASE:
            sec = SECTION_OF[div]
            mult = special.get(div, SERVICES_DAMPING.get(sec, 1.0))
            mult *= float(_rng("cmult", county, div).uniform(0.85, 1.15))
            trend = float(_rng("ctrend", county, div).normal(COUNTY_DRIFT[county], 0.008))
            for year in YEARS:
                value = nat[(div, year)] * share * mult * (1 + trend) ** (year - 2008)
                out[(county, div, year)] = int(round(value))
    return out


def municipality_employees(county: dict) -> dict[tuple[str, str, int], int]:
    """Split each county's employees over its municipalities, summing exactly to the county."""
    out = {}
    for cty, munis in cl.MUNICIPALITIES.items():
        codes = [m for m, _ in munis]
        for div in NATIONAL_BASE:
            base_w = np.array([MUNICIPALITY_WEIGHT[m] * MUNICIPALITY_SPECIAL.get(m, {}).get(div, 1.0) for m in codes])
            jitter = _rng("mw", cty, div).uniform(0.6, 1.4, len(codes))
            for year in YEARS:
                drift = 1 + 0.01 * (year - 2008) * _rng("md", cty, div).normal(0, 1, len(codes))
                parts = _split_integer(county[(cty, div, year)], base_w * jitter * np.clip(drift, 0.5, 2))
                for m, v in zip(codes, parts):
                    out[(m, div, year)] = int(v)
    return out


def _sum_up(muni: dict) -> dict:
    """Add counties, Norra Mellansverige and nothing else from municipality values."""
    county_of = {m: c for c, ms in cl.MUNICIPALITIES.items() for m, _ in ms}
    out = dict(muni)
    for (m, ind, year), v in muni.items():
        for parent in (county_of[m], cl.NMS):
            out[(parent, ind, year)] = out.get((parent, ind, year), 0) + v
    return out


def _derived(emp: dict, measure: str, rate_of, scale: float) -> dict:
    """Draw a count per (region, division, year) from employees and a rate per 1,000 employees."""
    keys = sorted(emp)
    lam = np.array([emp[k] * rate_of(k[1]) / 1000.0 * scale for k in keys])
    draws = _rng(measure, "counts").poisson(np.clip(lam, 0, None))
    return {k: int(v) for k, v in zip(keys, draws)}


def statistics_rows():
    """Yield every example fact as (dataset, region, industry, year, measure, value)."""
    nat = national_employees()
    county = county_employees(nat)
    muni = municipality_employees(county)
    local_emp = _sum_up(muni)
    national_emp = {(cl.RIKET, d, y): v for (d, y), v in nat.items()}

    def higher_ed(emp, regional):
        pairs = sorted({(region, div) for region, div, _year in emp})
        factor = dict(zip(pairs, _rng("he", regional).uniform(0.85, 1.15, len(pairs))))
        out = {}
        for (region, div, year), e in emp.items():
            share = HIGHER_ED_SHARE[SECTION_OF[div]] * (1 + 0.012) ** (year - 2015)
            share *= (0.82 if regional else 1.0) * float(factor[(region, div)])
            out[(region, div, year)] = int(round(e * min(share, 0.95)))
        return out

    muni_only = {k: v for k, v in muni.items()}
    series = {
        "employees": (local_emp, national_emp, "ex_sysselsattning"),
        "employees_higher_ed": (
            _sum_up(higher_ed(muni_only, True)),
            higher_ed(national_emp, False),
            "ex_sysselsattning",
        ),
    }
    rates = {
        "new_firms": (lambda d: NEW_FIRM_RATE[SECTION_OF[d]], 0.8),
        "patent_applications": (lambda d: PATENT_RATE.get(d, 0.02), 0.15),
        "trademark_applications": (lambda d: TRADEMARK_RATE.get(SECTION_OF[d], 0.3), 0.5),
    }
    for measure, (rate, scale) in rates.items():
        regional_scale = scale * (0.8 if measure != "new_firms" else 0.9)
        series[measure] = (
            _sum_up(_derived(muni_only, measure, rate, regional_scale)),
            _derived(national_emp, measure, rate, scale),
            "ex_dynamik",
        )
    for measure, (local, national, ds) in series.items():
        totals: dict = {}
        for part in (local, national):
            for (region, div, year), v in part.items():
                yield ds, region, div, year, measure, float(v)
                totals[(region, year)] = totals.get((region, year), 0) + v
        for (region, year), v in totals.items():
            yield ds, region, "TOTAL", year, measure, float(v)
    yield from population_rows()


def population_rows():
    """Yield population by region and year (industry TOTAL)."""
    totals: dict = {}
    county_of = {m: c for c, ms in cl.MUNICIPALITIES.items() for m, _ in ms}
    for m, w in MUNICIPALITY_WEIGHT.items():
        trend = float(_rng("poptrend", m).normal(-0.001 if w < 15 else 0.006, 0.003))
        for year in YEARS:
            v = int(round(w * 1000 * (1 + trend) ** (year - 2015)))
            yield "ex_befolkning", m, "TOTAL", year, "population", float(v)
            for parent in (county_of[m], cl.NMS):
                totals[(parent, year)] = totals.get((parent, year), 0) + v
    for (region, year), v in totals.items():
        yield "ex_befolkning", region, "TOTAL", year, "population", float(v)
    for year in YEARS:
        yield "ex_befolkning", cl.RIKET, "TOTAL", year, "population", float(round(9_200_000 * 1.009 ** (year - 2008)))


# Relative research strengths (publication multipliers) by university and research group.
ACADEMIC_PROFILE = {
    "kau": {"102": 2.5, "204": 3.0, "203": 1.6, "502": 2.8, "503": 2.5, "103": 1.3, "303": 1.2, "507": 2.0},
    "du": {"207": 4.0, "202": 2.0, "303": 2.5, "502": 2.0, "503": 2.2, "602": 2.5, "102": 1.5},
    "hig": {"201": 3.0, "207": 3.0, "203": 2.0, "303": 2.5, "102": 1.8, "504": 1.8, "503": 1.6},
}
UNIVERSITY_SIZE = {"kau": 450, "du": 180, "hig": 200, "riket": 42000}
# The research groups the example publications are drawn for (fixed, so completing the code list leaves the
# example data as it was).
EXAMPLE_GROUPS = (
    "101 102 103 104 105 106 201 202 203 204 205 207 208 209 211 301 302 303 401 501 502 503 504 505 506 507 508 "
    "509 601 602 603 604 605"
).split()


def academic_rows():
    """Yield publications per (university, research group, year)."""
    groups = list(EXAMPLE_GROUPS)
    for uni, size in UNIVERSITY_SIZE.items():
        profile = ACADEMIC_PROFILE.get(uni, {})
        weights = np.array([profile.get(g, 0.6 if uni != "riket" else 1.0) for g in groups])
        for year in YEARS:
            total = size * (1 + 0.03) ** (year - 2008)
            lam = weights / weights.sum() * total
            draws = _rng("acad", uni, year).poisson(lam)
            for g, v in zip(groups, draws):
                yield "ex_akademi", uni, g, year, "publications", float(v)


ASSESSMENT_YEARS = [2016, 2018, 2020]


def cluster_assessment_rows():
    """Yield example phase and criteria assessments: (kind, cluster, year, value, comment)."""
    phases = [p[0] for p in content.PHASES]
    levels = [lv[0] for lv in content.CRITERION_LEVELS]
    for code, *_ in content.CLUSTERS:
        start = int(_rng("phase0", code).integers(0, 3))
        current = start
        for year in ASSESSMENT_YEARS:
            yield "phase", code, year, phases[current], None
            for crit, *_ in content.CRITERIA:
                idx = int(_rng("crit", code, crit, year).choice(3, p=[0.3, 0.45, 0.25]))
                yield "criterion", code, year, (crit, levels[idx]), None
            if float(_rng("step", code, year).uniform()) < 0.55:
                current = min(current + 1, len(phases) - 2)


SIZE_CLASSES = ["1-9", "10-49", "50-249", "250+"]
SURVEY_ROUNDS = [("2017", 2017, "Våren 2017"), ("2018", 2018, "Våren 2018")]


def survey_respondents():
    """Yield example respondents: (round, external_id, cluster, county, size_class, {question: option})."""
    options = [o[0] for o in content.ANSWER_OPTIONS]
    for round_code, _year, _period in SURVEY_ROUNDS:
        for code, _name, counties, *_ in content.CLUSTERS:
            rng = _rng("resp", round_code, code)
            n = int(rng.integers(3, 28))  # some clusters fall under the threshold on purpose
            lean = float(rng.normal(0, 0.6))
            for k in range(n):
                answers = {}
                for q, *_ in content.SURVEY_QUESTIONS:
                    qbias = {
                        "samverkan_foretag": 0.8,
                        "samverkan_forskare": 0.0,
                        "samverkan_offentlig": -0.3,
                        "samverkan_studenter": -0.5,
                        "samverkan_branscher": 0.3,
                    }[q]
                    score = lean + qbias + rng.normal(0, 1)
                    if rng.uniform() < 0.07:
                        answers[q] = "vet_ej"
                    else:
                        answers[q] = options[int(np.clip(np.round(2 - score), 0, 4))]
                size = SIZE_CLASSES[int(rng.choice(4, p=[0.45, 0.3, 0.17, 0.08]))]
                yield round_code, f"{code}-{round_code}-{k + 1:03d}", code, counties[0], size, answers


# Example statuses for the plan's milestones: (status, completed_on) by milestone index.
MILESTONE_STATUS = {
    0: ("klar", date(2016, 6, 20)),
    1: ("klar", date(2016, 9, 28)),
    2: ("klar", date(2016, 9, 15)),
    3: ("klar", date(2017, 1, 25)),
    4: ("klar", date(2017, 3, 30)),
    5: ("klar", date(2017, 3, 15)),
    6: ("klar", date(2017, 6, 20)),
    7: ("klar", date(2017, 11, 10)),
    8: ("klar", date(2017, 6, 28)),
    9: ("klar", date(2017, 9, 29)),
    10: ("klar", date(2017, 12, 15)),
    11: ("klar", date(2017, 12, 20)),
    12: ("pagar", None),
    13: ("klar", date(2018, 7, 20)),
    14: ("klar", date(2016, 4, 1)),  # practical start
    15: ("klar", date(2018, 7, 31)),  # end date
}

# Example activity indicators: code, activity, name_sv, name_en, unit_sv, unit_en, target, cumulative outcomes per quarter
ACTIVITY_INDICATORS = [
    (
        "motesplatser",
        1,
        "Mötesplatser för klusterledare",
        "Meeting places for cluster leaders",
        "träffar",
        "meetings",
        12,
        [1, 2, 4, 5, 7, 8, 9, 11, 12, 13],
    ),
    (
        "sme_forskare",
        3,
        "Projekt mellan små och medelstora företag och forskare",
        "SME–researcher projects",
        "projekt",
        "projects",
        30,
        [0, 1, 3, 6, 9, 12, 15, 18, 21, 24],
    ),
    (
        "deltagande_foretag",
        2,
        "Företag som deltar i aktiviteter",
        "Companies taking part in activities",
        "företag",
        "companies",
        150,
        [5, 20, 40, 62, 80, 101, 118, 131, 140, 146],
    ),
    (
        "stodprocesser",
        4,
        "Regioner med etablerat innovationsstöd",
        "Regions with established innovation support",
        "regioner",
        "regions",
        3,
        [0, 0, 0, 1, 1, 2, 2, 3, 3, 3],
    ),
    (
        "kommunikation",
        5,
        "Kommunikationsinsatser nationellt och internationellt",
        "National and international communication activities",
        "insatser",
        "activities",
        10,
        [0, 1, 1, 2, 3, 4, 6, 7, 9, 11],
    ),
    (
        "analysunderlag",
        6,
        "Färdiga analysunderlag",
        "Completed analyses",
        "underlag",
        "analyses",
        3,
        [0, 0, 1, 3, 3, 3, 3, 3, 3, 3],
    ),
]
INDICATOR_QUARTERS = [
    (2016, 2),
    (2016, 3),
    (2016, 4),
    (2017, 1),
    (2017, 2),
    (2017, 3),
    (2017, 4),
    (2018, 1),
    (2018, 2),
    (2018, 3),
]
