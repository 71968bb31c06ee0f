"""Know what would supply the data the store lacks: PxWeb query files and other imports, per measure.

A recipe names the measures, industry levels and kinds of region it supplies, and the command that
fetches or imports it. The PxWeb recipes are query files in this folder (`<key>.json`: the query as
`python -m data fetch-pxweb URL --query FILE` sends it, plus a "recipe" object describing it) and run
with `python -m data fetch-pxweb --recipe <key>`. None of them has been tried against a live API:
each says so (tried_against_live_api), and the README lists them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ALL_REGIONS = ("riket", "nuts2", "lan", "kommun")
FROM_DIVISIONS = ("division", "section", "a10", "sector", "bransch15", "total")
FROM_SECTIONS = ("section", "a10", "bransch15", "total")


@dataclass(frozen=True)
class Recipe:
    key: str
    measures: tuple[str, ...]
    levels: tuple[str, ...]  # industry levels it supplies (total: all industries only)
    region_levels: tuple[str, ...]  # riket, nuts2, lan, kommun
    command: str
    source_sv: str
    source_en: str
    tried: bool = False
    note_sv: str = ""
    note_en: str = ""
    url: str | None = None
    file: Path | None = None

    def source(self, lang: str) -> str:
        return self.source_en if lang == "en" else self.source_sv


def pxweb_recipe(path: Path) -> Recipe:
    meta = json.loads(path.read_text(encoding="utf-8"))["recipe"]
    return Recipe(
        key=path.stem,
        measures=tuple(meta["measures"]),
        levels=FROM_DIVISIONS,  # divisions add up to every coarser level
        region_levels=("riket", "lan", "kommun"),
        command=f"python -m data fetch-pxweb --recipe {path.stem}",
        source_sv=f"SCB, tabell {meta['table']} ({meta['years']})",
        source_en=f"SCB, table {meta['table']} ({meta['years']})",
        tried=bool(meta["tried_against_live_api"]),
        note_sv=meta["note_sv"],
        note_en=meta["note_en"],
        url=meta["url"],
        file=path,
    )


OTHER = [
    Recipe(
        "tillvaxtanalys_nystartade_bransch",
        ("new_firms",),
        FROM_SECTIONS,
        ("riket", "lan"),
        "python -m data fetch-pxweb 'https://statistik.tillvaxtanalys.se:443/PxWeb/api/v1/sv/Tillväxtanalys "
        "statistikdatabas/Nystartade företag/nystartade_foretag_kvartal_lan.px' --query FRÅGA.json --measure new_firms",
        "Tillväxtanalys PxWeb, nystartade företag per län och kvartal (bransch om tabellen har den; inte kontrollerat)",
        "Tillväxtanalys PxWeb, new firms by county and quarter (by industry if the table has it; not checked)",
        note_sv="Adressen kommer från Region Dalarnas hämtningsskript; frågan behöver skrivas efter tabellens metadata.",
        note_en="The address comes from Region Dalarna's fetch scripts; the query has to be written from the table's metadata.",
    ),
    Recipe(
        "patent_varumarke_csv",
        ("patent_applications", "trademark_applications"),
        FROM_DIVISIONS,
        ALL_REGIONS,
        "python -m data import PATENT.csv --measure patent_applications; "
        "python -m data import VARUMARKEN.csv --measure trademark_applications",
        "PRV eller Eurostat (pat_ep_rtot): ingen öppen fil per län och bransch hittades; läs in en tabell i formatet "
        "region,industry,year,value",
        "PRV or Eurostat (pat_ep_rtot): no open file by county and industry was found; import a table as "
        "region,industry,year,value",
    ),
    Recipe(
        "swepub_publikationer",
        ("publications",),
        ("total",),
        ("lan",),
        "python -m data import swepub_export.csv --importer publikationer --national",
        "SwePub: exportera publikationer med år, lärosäte och forskningsämne (se README)",
        "SwePub: export publications with year, university and research subject (see the README)",
    ),
    Recipe(
        "scb_folkmangd_ar",
        ("population",),
        ("total",),
        ("riket", "lan", "kommun"),
        "python -m data fetch-pxweb 'https://api.scb.se/OV0104/v2beta/api/v2/tables/TAB6471/data?lang=sv"
        "&valueCodes[Region]=*&valueCodes[Tid]=*' --measure population",
        "SCB, folkmängd per månad (TAB6471): fler år och regioner än den medskickade filen",
        "SCB, population by month (TAB6471): more years and regions than the shipped file",
    ),
]


@lru_cache(maxsize=1)
def recipes() -> tuple[Recipe, ...]:
    """Return every recipe: the PxWeb query files of this folder, then the other imports."""
    return tuple(pxweb_recipe(p) for p in sorted(HERE.glob("*.json"))) + tuple(OTHER)


def recipe(key: str) -> Recipe | None:
    return next((r for r in recipes() if r.key == key), None)


def recipes_for(measure: str, *, level: str | None = None, region_level: str | None = None) -> list[Recipe]:
    """Return the recipes that would supply the measure (at the industry level and kind of region, if given)."""
    return [
        r
        for r in recipes()
        if measure in r.measures
        and (level is None or level in r.levels)
        and (region_level is None or region_level in r.region_levels)
    ]
