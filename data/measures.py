"""Hold the one registry of measures: what each number in the fact table is, in words and units.

The registry drives the store's measure table (and so every import, which accepts a measure by
code, name or alias), the methods page and the exports. Adding a measure is one entry here.

kind says how a measure behaves over time and when summed:
- stock: a level at a point in time (employees, population); sub-annual periods fold to the last one;
- flow: a count over a period (new firms); sub-annual periods fold to the sum of a complete year;
- index: a composite score (innovation index); never summed over regions or industries;
- share: a part of a whole between 0 and 1; never summed.
by_sex: a PxWeb import keeps the table's sex dimension for this measure instead of folding it.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("stock", "flow", "index", "share")


@dataclass(frozen=True)
class MeasureSpec:
    code: str
    name_sv: str
    name_en: str
    unit_sv: str
    unit_en: str
    kind: str
    description_sv: str
    description_en: str
    aliases: tuple[str, ...] = ()  # other names publishers use: Kolada ids and titles, table texts
    by_sex: bool = False
    signed: bool = False  # values may be negative (a change)

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_sv

    def unit(self, lang: str) -> str:
        return self.unit_en if lang == "en" else self.unit_sv


MEASURES = [
    MeasureSpec(
        "employees",
        "Sysselsatta efter arbetsställe",
        "Employed persons by place of work",
        "personer",
        "persons",
        "stock",
        "Personer som arbetar i regionen, efter branschen på arbetsstället. Eurostats regionalräkenskaper "
        "(nama_10r_3empers: årsmedeltal, avrundat till tusental, NACE A*10) och SCB:s registerstatistik "
        "(RAMS/BAS: november, SNI 2007) mäter detta på olika sätt; en beräkning använder alltid ett och samma dataset.",
        "Persons working in the region, by the industry of their workplace. Eurostat's regional accounts "
        "(nama_10r_3empers: annual average, rounded to thousands, NACE A*10) and SCB's register statistics "
        "(RAMS/BAS: November, SNI 2007) measure this differently; a calculation always uses one dataset.",
        by_sex=True,
    ),
    MeasureSpec(
        "employees_higher_ed",
        "Sysselsatta med eftergymnasial utbildning",
        "Employed persons with post-secondary education",
        "personer",
        "persons",
        "stock",
        "Sysselsatta efter arbetsställe vars högsta utbildning är eftergymnasial (SUN 2000 nivå 5–6).",
        "Employed persons by place of work whose highest education is post-secondary (SUN 2000 levels 5–6).",
        by_sex=True,
    ),
    MeasureSpec(
        "employed_register",
        "Förvärvsarbetande 16+ år (RAMS/BAS)",
        "Gainfully employed aged 16+ (RAMS/BAS)",
        "personer",
        "persons",
        "stock",
        "Förvärvsarbetande 16 år och äldre enligt SCB:s registerbaserade arbetsmarknadsstatistik (RAMS, från "
        "2022 BAS), i november. Efter kön. Eget mått eftersom siffrorna inte är Eurostats och skulle krocka med "
        "dem på samma bransch, region och år.",
        "Gainfully employed persons aged 16 and over according to SCB's register-based labour market "
        "statistics (RAMS, from 2022 BAS), in November. By sex. A measure of its own because the numbers are not "
        "Eurostat's and would collide with them on the same industry, region and year.",
        by_sex=True,
    ),
    MeasureSpec(
        "sex_share_employed",
        "Könsfördelning bland förvärvsarbetande",
        "Sex distribution among the employed",
        "andel",
        "share",
        "share",
        "Andelen av de förvärvsarbetande i branschen som är kvinnor (kön women) eller män (kön men).",
        "The share of the industry's employed persons who are women (sex women) or men (sex men).",
        by_sex=True,
    ),
    MeasureSpec(
        "sex_share_managers",
        "Könsfördelning bland chefer",
        "Sex distribution among managers",
        "andel",
        "share",
        "share",
        "Andelen av cheferna (ledningsarbete, troligen SSYK 2012 huvudgrupp 1) i branschen som är kvinnor eller män.",
        "The share of the industry's managers (probably SSYK 2012 major group 1) who are women or men.",
        by_sex=True,
    ),
    MeasureSpec(
        "new_firms",
        "Nystartade företag",
        "New firms",
        "företag",
        "firms",
        "flow",
        "Antal nystartade företag under året enligt Tillväxtanalys (nya företag, inte ägarbyten eller ombildningar).",
        "Number of new firms in the year according to Tillväxtanalys (new firms, not changes of owner or form).",
    ),
    MeasureSpec(
        "patent_applications",
        "Patentansökningar",
        "Patent applications",
        "ansökningar",
        "applications",
        "flow",
        "Patentansökningar efter sökandens region och bransch.",
        "Patent applications by the applicant's region and industry.",
    ),
    MeasureSpec(
        "trademark_applications",
        "Varumärkesansökningar",
        "Trademark applications",
        "ansökningar",
        "applications",
        "flow",
        "Varumärkesansökningar efter sökandens region och bransch.",
        "Trademark applications by the applicant's region and industry.",
    ),
    MeasureSpec(
        "population",
        "Folkmängd",
        "Population",
        "personer",
        "persons",
        "stock",
        "Folkbokförda personer i regionen (SCB). Ett årsvärde är det senaste under året.",
        "Persons registered as living in the region (SCB). A year's value is the latest in that year.",
        aliases=("Folkmängd", "Befolkning"),
        by_sex=True,
    ),
    MeasureSpec(
        "rd_business",
        "Företagens utgifter för egen FoU",
        "Business expenditure on own R&D",
        "kr per invånare",
        "SEK per inhabitant",
        "flow",
        "Företagssektorns utgifter för egen forskning och utveckling i länet, enligt Kolada (N85085, från SCB:s "
        "FoU-statistik, vartannat år). Enheten är kr per invånare enligt Kolada; se datasetets förbehåll.",
        "The business sector's expenditure on its own research and development in the county, from Kolada "
        "(N85085, from SCB's R&D statistics, every other year). The unit is SEK per inhabitant as Kolada gives it; "
        "see the dataset's caveats.",
        aliases=("N85085",),
    ),
    MeasureSpec(
        "rd_public",
        "Offentliga sektorns utgifter för FoU",
        "Public sector expenditure on R&D",
        "kr per invånare",
        "SEK per inhabitant",
        "flow",
        "Offentliga sektorns (myndigheter, regioner, kommuner) utgifter för egen FoU i länet, enligt Kolada (N85086).",
        "The public sector's (agencies, regions, municipalities) expenditure on own R&D in the county, from Kolada "
        "(N85086).",
        aliases=("N85086",),
    ),
    MeasureSpec(
        "rd_higher_education",
        "Universitets- och högskolesektorns utgifter för FoU",
        "Higher education expenditure on R&D",
        "kr per invånare",
        "SEK per inhabitant",
        "flow",
        "Universitets- och högskolesektorns utgifter för egen FoU i länet, enligt Kolada (N85087).",
        "The higher education sector's expenditure on own R&D in the county, from Kolada (N85087).",
        aliases=("N85087",),
    ),
    MeasureSpec(
        "innovation_index",
        "Innovationsindex (Reglab)",
        "Innovation index (Reglab)",
        "index",
        "index",
        "index",
        "Reglabs sammanvägda index över länens förutsättningar för innovation; riket motsvarar ungefär 100. "
        "Ett index jämförs mellan län och år, det summeras aldrig.",
        "Reglab's composite index of the counties' conditions for innovation; Sweden is about 100. An index is "
        "compared between counties and years, never summed.",
    ),
    MeasureSpec(
        "internationalisation_index",
        "Regionalt internationaliseringsindex (Tillväxtanalys)",
        "Regional internationalisation index (Tillväxtanalys)",
        "index",
        "index",
        "index",
        "Tillväxtanalys totalindex för länens internationalisering.",
        "Tillväxtanalys' total index of the counties' internationalisation.",
    ),
    MeasureSpec(
        "internationalisation_index_change",
        "Förändring av internationaliseringsindex",
        "Change in the internationalisation index",
        "indexenheter",
        "index points",
        "index",
        "Förändringen av Tillväxtanalys totalindex för internationalisering i indexenheter, från 2016 till året "
        "värdet står på (2020).",
        "The change in Tillväxtanalys' total internationalisation index in index points, from 2016 to the year "
        "of the value (2020).",
        signed=True,
    ),
    MeasureSpec(
        "publications",
        "Vetenskapliga publikationer",
        "Scientific publications",
        "publikationer",
        "publications",
        "flow",
        "Publikationer per lärosäte, forskningsämne och år (till exempel från SwePub), räknade hela: en "
        "publikation räknas en gång för varje lärosäte och ämne den hör till.",
        "Publications per university, research subject and year (for example from SwePub), whole counts: a "
        "publication counts once for every university and subject it belongs to.",
    ),
]
BY_CODE = {m.code: m for m in MEASURES}
# Facts table measures (publications live in academic_output, but are registered here for the methods page).
FACT_MEASURES = [m for m in MEASURES if m.code != "publications"]


def measure(code: str) -> MeasureSpec:
    """Return the registered measure with the code; KeyError names it if there is none."""
    return BY_CODE[code]


def rows() -> list[dict]:
    """Return the measure table's rows (every registered measure)."""
    return [
        dict(
            code=m.code,
            name_sv=m.name_sv,
            name_en=m.name_en,
            unit_sv=m.unit_sv,
            unit_en=m.unit_en,
            kind=m.kind,
            description_sv=m.description_sv,
            description_en=m.description_en,
            aliases="|".join(m.aliases) or None,
            by_sex=m.by_sex,
            signed=m.signed,
        )
        for m in MEASURES
    ]
