"""Map the codes users' files carry onto the store's codes: SCB and NUTS regions, SNI/NACE industries.

Region codes: SCB's (`00` riket, two-digit counties, four-digit municipalities) or NUTS
(`SE`, `SE31`, `SE311`, ...), mapped to one another. A valid Swedish or European code of a region
the dashboard does not cover (another county, `SE3`, `NO0`) is *outside*: skipped and counted,
never an error. A code that is no region at all is *unknown*: an error.

Industry codes: SNI 2007 sections (A-U) and divisions (01-99), NACE A*10 aggregates (`B-E`,
`G-I`, `M-N`, `O-Q`, `R-U`, also spelled `M_N`, `M–N` or `M+N`) and `TOTAL` (also `TOT`, `_T`, `A-U`).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select

from data import classifications as cl
from data import schema as s

# SCB county code -> (name, NUTS 2021 level 3 code). Source: SCB kommunkoder, Eurostat NUTS 2021.
COUNTIES = {
    "01": ("Stockholms län", "SE110"),
    "03": ("Uppsala län", "SE121"),
    "04": ("Södermanlands län", "SE122"),
    "05": ("Östergötlands län", "SE123"),
    "06": ("Jönköpings län", "SE211"),
    "07": ("Kronobergs län", "SE212"),
    "08": ("Kalmar län", "SE213"),
    "09": ("Gotlands län", "SE214"),
    "10": ("Blekinge län", "SE221"),
    "12": ("Skåne län", "SE224"),
    "13": ("Hallands län", "SE231"),
    "14": ("Västra Götalands län", "SE232"),
    "17": ("Värmlands län", "SE311"),
    "18": ("Örebro län", "SE124"),
    "19": ("Västmanlands län", "SE125"),
    "20": ("Dalarnas län", "SE312"),
    "21": ("Gävleborgs län", "SE313"),
    "22": ("Västernorrlands län", "SE321"),
    "23": ("Jämtlands län", "SE322"),
    "24": ("Västerbottens län", "SE331"),
    "25": ("Norrbottens län", "SE332"),
}
NUTS_TO_SCB = {nuts: code for code, (_name, nuts) in COUNTIES.items()} | {"SE": "00"}
SWEDISH_NUTS = {"SE", "SE1", "SE2", "SE3", "SE11", "SE12", "SE21", "SE22", "SE23", "SE31", "SE32", "SE33"} | {
    nuts for _name, nuts in COUNTIES.values()
}
# Other European countries as Eurostat codes them (EU, EFTA, candidates; EL = Greece, UK).
EUROPEAN_COUNTRIES = set(
    "AT BE BG CH CY CZ DE DK EE EL ES FI FR HR HU IE IS IT LI LT LU LV ME MK MT NL NO PL PT RO RS SI SK TR UK AL".split()
)
NUTS_PATTERN = re.compile(r"^[A-Z]{2}[0-9A-Z]{0,3}$")

TOTAL = "TOTAL"
TOTAL_SPELLINGS = {
    "TOTAL",
    "TOT",
    "_T",
    "A-U",
    "TOTALT",
    "SAMTLIGA",
    "SAMTLIGA BRANSCHER",
    "SAMTLIGA NÄRINGSGRENAR",
    "ALLA BRANSCHER",
}
A10_AGGREGATES = {"B-E": "BCDE", "G-I": "GHI", "M-N": "MN", "O-Q": "OPQ", "R-U": "RSTU"}
UNKNOWN_INDUSTRY = {
    "US",
    "00",
    "OKÄND",
    "OKÄNT",
    "OKÄND VERKSAMHET",
    "NÄRINGSGREN OKÄND",
    "UPPGIFT SAKNAS",
    "X",
    "G98",
    "G99",
}
# Ways published tables name the whole country (the SCB code is 00).
SWEDEN_NAMES = {"riket", "hela riket", "sverige", "sweden", "samtliga", "samtliga län", "se_total", "totalt riket"}
# Every Swedish county and municipality (SCB's code list), so a table that names regions outside the
# dashboard ("Upplands Väsby") is skipped region by region instead of refused.
REGION_LIST = Path(__file__).resolve().parent.parent / "real" / "sweden_counties_municipalities_scb_codes.csv"
SEX_WORDS = {
    "total": {"total", "totalt", "tot", "t", "_t", "1+2", "samtliga", "båda könen", "alla", "both sexes", "all"},
    "women": {"women", "woman", "kvinnor", "kvinna", "k", "2", "f", "female", "females"},
    "men": {"men", "man", "män", "m", "1", "male", "males"},
}
SEX_LOOKUP = {word: sex for sex, words in SEX_WORDS.items() for word in words}


def parse_sex(text) -> str | None:
    """Return total, women or men for a cell (SCB's 1/2/1+2, words in Swedish or English), else None."""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    return SEX_LOOKUP.get(str(text).strip().casefold())


def plain(text: str) -> str:
    """Return text without accents, in lower case, with runs of space, _ and - as one space: 'Värmland' -> 'varmland'."""
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[\s_]+", " ", folded).strip()


@lru_cache(maxsize=1)
def swedish_region_names() -> dict[str, str]:
    """Return plain name -> SCB code of every Swedish county and municipality in SCB's list."""
    if not REGION_LIST.exists():
        return {}
    with REGION_LIST.open(encoding="utf-8") as fh:
        return {plain(row["region_name"]): row["region_code"] for row in csv.DictReader(fh)}


@dataclass(frozen=True)
class Region:
    """The result of reading one region cell: the store's code, or why there is none."""

    code: str | None  # the store's region code when the dashboard covers the region
    outside: bool = False  # a real region the dashboard does not cover: skip it, don't complain


class RegionCodes:
    """Resolve region cells against the store's region table and Sweden's code lists."""

    def __init__(self, conn):
        rows = conn.execute(select(s.region.c.code, s.region.c.nuts, s.region.c.name_sv, s.region.c.name_en)).all()
        self.codes = {code for code, *_ in rows}
        self.by_nuts = {nuts: code for code, nuts, *_ in rows if nuts}
        self.by_name = {}
        for code, _nuts, sv, en in rows:
            for name in (sv, en):
                self.by_name.setdefault(name.casefold(), code)
        for name in SWEDEN_NAMES:
            self.by_name.setdefault(name, "00")
        self.outside_names = set()
        for code, (name, _nuts) in COUNTIES.items():
            for spelling in (name.casefold(), _short_county(name).casefold()):
                if code in self.codes:
                    self.by_name.setdefault(spelling, code)
                else:
                    self.outside_names.add(spelling)
        self.by_plain = {plain(name): code for name, code in self.by_name.items()}
        for name, code in swedish_region_names().items():
            if code not in self.codes and name not in self.by_plain:
                self.outside_names.add(name)
        self._cache: dict[str, Region | None] = {}

    def resolve(self, text) -> Region | None:
        """Return the Region a cell names, or None when it is no known region code."""
        key = str(text).strip()
        if key not in self._cache:
            self._cache[key] = self._resolve(key)
        return self._cache[key]

    def _resolve(self, key: str) -> Region | None:
        if key.casefold().startswith("dcid:nuts/"):  # Data Commons writes NUTS codes this way
            key = key[len("dcid:nuts/") :]
        found = self._by_code(key)
        if found is None and " " in key:  # "17 Värmlands län", as SCB writes code and name together
            found = self._by_code(key.split(" ", 1)[0])
        if found is None and key.casefold() in self.by_name:
            found = Region(self.by_name[key.casefold()])
        if found is None and plain(key) in self.by_plain:  # "Varmland", "SE_total", "Gävleborgs  län"
            found = Region(self.by_plain[plain(key)])
        if found is None and (key.casefold() in self.outside_names or plain(key) in self.outside_names):
            found = Region(None, outside=True)
        return found

    def _by_code(self, key: str) -> Region | None:
        if key.isdigit():
            key = _pad_scb(key)
            if key in self.codes:
                return Region(key)
            if len(key) == 2 and key in COUNTIES or len(key) == 4 and key[:2] in COUNTIES:
                # A municipality in a covered county must be in the store; elsewhere it is outside.
                return None if key[:2] in self.codes else Region(None, outside=True)
            return None
        upper = key.upper()
        if upper in self.by_nuts:
            return Region(self.by_nuts[upper])
        if upper in NUTS_TO_SCB and NUTS_TO_SCB[upper] in self.codes:
            return Region(NUTS_TO_SCB[upper])
        if upper in SWEDISH_NUTS or (NUTS_PATTERN.match(upper) and upper[:2] in EUROPEAN_COUNTRIES):
            return Region(None, outside=True)
        return None


def _pad_scb(digits: str) -> str:
    """Return an SCB code with the leading zero Excel drops: 0 -> 00, 1 -> 01, 114 -> 0114."""
    if len(digits) == 1:
        return digits.zfill(2)
    if len(digits) == 3:
        return digits.zfill(4)
    return digits


def _short_county(name: str) -> str:
    """Return 'Värmland' for 'Värmlands län' (the short names many tables use)."""
    stem = name.removesuffix(" län")
    return stem[:-1] if stem.endswith("s") and not stem.endswith("ss") else stem


def nuts_of(conn, code: str) -> str | None:
    """Return the NUTS code of a store region (SCB 17 -> SE311), or None for municipalities."""
    return conn.execute(select(s.region.c.nuts).where(s.region.c.code == code)).scalar_one_or_none()


class IndustryCodes:
    """Resolve industry cells against the store's industry table: by code, or by a name in use."""

    def __init__(self, conn):
        rows = conn.execute(select(s.industry.c.code, s.industry.c.name_sv, s.industry.c.level)).all()
        self.codes = {code for code, *_ in rows}
        # Names resolve only where they are unambiguous: the 15 branschgrupper and the A*10 aggregates.
        self.by_name = {plain(name): code for code, name, level in rows if level in ("bransch15", "a10")}
        for code, _sv, _en, _sections, aliases in cl.BRANSCHGRUPPER:
            for alias in aliases:
                self.by_name.setdefault(plain(alias), code)

    def resolve(self, text) -> str | None:
        """Return the store's industry code a cell names, or None when it names none."""
        key = normalise_industry(text)
        if key in self.codes:
            return key
        if " " in key:  # "C Tillverkning"
            head = normalise_industry(key.split(" ", 1)[0])
            if head in self.codes:
                return head
        return self.by_name.get(plain(text))

    @staticmethod
    def is_unknown_category(text) -> bool:
        """Return True for the 'unknown industry' rows statistics offices publish (SCB's US, 00, G99)."""
        return str(text).strip().upper() in UNKNOWN_INDUSTRY


def normalise_industry(text) -> str:
    """Return a cell's industry code in the store's spelling: M_N -> M-N, 1 -> 01, TOT -> TOTAL."""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    key = str(text).strip().upper()
    if key in TOTAL_SPELLINGS:
        return TOTAL
    key = re.sub(r"\s*[_–—]\s*|\s+-\s+", "-", key)
    if key in TOTAL_SPELLINGS:
        return TOTAL
    if key.isdigit() and len(key) == 1:
        return key.zfill(2)
    if "+" in key:  # SCB's "M+N" style for an A*10 aggregate
        letters = "".join(part.strip() for part in key.split("+"))
        for code, members in A10_AGGREGATES.items():
            if letters == members:
                return code
    return key
