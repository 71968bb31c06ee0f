"""Import PxWeb tables (JSON-stat, API v1 and v2): one value per region, industry, year and measure.

Rules, each announced in the command's output:
- The region dimension (SCB's `Region`, a geo role, or a label like län/kommun) gives the region;
  none means the table is national (riket, 00). The industry dimension (SNI/NACE) gives the
  industry; none means TOTAL. The contents dimension (`ContentsCode`) gives the measure.
- The sex dimension (`Kon`, kön) is kept for measures registered with by_sex (data/measures.py):
  men, women and the total each become a value (SCB's 1, 2, 1+2/TotSa); without a total category the
  total is the sum of men and women. For other measures it folds like any other dimension.
- Every other dimension (age, ...) uses its total category where one exists (the API's
  elimination value, or a code or label such as "totalt", "samtliga", "TotSa", "tot") and is
  otherwise summed.
- Sub-annual periods (2024M03, 2024K2, 2024Q2, 2024H1) give one value a year: the last period
  of the year for a stock (measure.kind == 'stock') and the sum of a complete year for a flow.
"""

from __future__ import annotations

from itertools import product
from pathlib import Path

from .base import Importer, ImportFailed, Problem, register
from .codes import TOTAL, parse_sex
from .jsonstat import Cube, Dimension, read_cube
from .periods import fold_years, parse_period
from .records import FactSheet, Lookup, Measure
from .staging import measure_options, session_for, stage_sheet

TOTAL_CODES = {"tot", "total", "totalt", "totsa", "1+2", "t", "_t", "samtliga", "alla"}
TOTAL_LABELS = ("totalt", "total", "samtliga", "alla ", "båda könen", "summa", "all ")
JSON_SUFFIXES = {".json", ".jsonstat"}


def is_sex(dim: Dimension) -> bool:
    return dim.id.casefold() in {"kon", "kön", "sex"} or dim.label.casefold() in {"kön", "sex"}


def role_of(cube: Cube, dim: Dimension) -> str:
    """Return what a dimension is: time, geo, metric, industry or other (sex is decided by the measures)."""
    ident, label = dim.id.casefold(), dim.label.casefold()
    for role in ("time", "geo", "metric"):
        if dim.id in (cube.roles.get(role) or []):
            return role
    if ident in {"tid", "time", "year", "år", "time_period"} or label in {"år", "månad", "kvartal", "halvår", "tid"}:
        return "time"
    if ident in {"region", "geo", "lan", "län", "kommun"} or label.startswith(("region", "län", "kommun")):
        return "geo"
    if ident == "contentscode" or label in {"tabellinnehåll", "contents"}:
        return "metric"
    if "sni" in ident or "nace" in ident or any(w in label for w in ("näringsgren", "bransch", "sni", "nace")):
        return "industry"
    return "other"


def total_category(dim: Dimension) -> str | None:
    """Return the code of a dimension's total category (elimination value, 'totalt', 'TotSa', ...), if any."""
    elimination = dim.extension.get("eliminationValueCode")
    if elimination in dim.codes:
        return elimination
    for code in dim.codes:
        label = dim.label_of(code).casefold()
        if code.casefold() in TOTAL_CODES or code.casefold().startswith("tot") or label.startswith(TOTAL_LABELS):
            return code
    return None


def contents_measures(cube: Cube, metric: Dimension | None, lookup: Lookup, args, sheet: FactSheet) -> dict:
    """Return contents code -> Measure from --measure (NAME or CODE=NAME) or, failing that, the labels."""
    options = measure_options(args)
    codes = metric.codes if metric else [""]
    label = (lambda c: metric.label_of(c)) if metric else (lambda c: cube.label)
    listing = "; ".join(f"{c} ({label(c)})" for c in codes)
    mapping = {}
    for option in options:
        code, _eq, name = option.rpartition("=")
        if not code and len(options) == 1 and len(codes) > 1:
            sheet.problem(
                None,
                metric.id,
                f"tabellen har {len(codes)} tabellinnehåll: {listing}; välj med --measure KOD=mått, "
                f"t.ex. --measure {codes[0]}={name}",
            )
            return {}
        found = lookup.measure(name)
        if found is None:
            sheet.problem(None, "--measure", lookup.unknown_measure(name))
        elif code and code not in codes:
            sheet.problem(None, "--measure", f"tabellinnehållet {code} finns inte i tabellen; där finns: {listing}")
        else:
            mapping[code or codes[0]] = found
    if options:
        return mapping
    for code in codes:
        guesses = [m for m in lookup.measures.values() if m.name_sv.casefold() in label(code).casefold()]
        if len(guesses) == 1:
            mapping[code] = guesses[0]
            sheet.notes.append(f"tolkade ”{label(code)}” som måttet {guesses[0].code}; ange --measure för ett annat")
    if not mapping:
        sheet.problem(
            None,
            metric.id if metric else None,
            f"ange vilket mått tabellen ger med --measure (tabellinnehåll: {listing}); {lookup.known_measures()}",
        )
    return mapping


def cube_facts(cube: Cube, sheet: FactSheet, args) -> None:
    """Fold a cube into the sheet's facts by the rules above, noting each rule used."""
    lookup = sheet.lookup
    roles = {dim.id: role_of(cube, dim) for dim in cube.dims}
    by_role = {r: [d for d in cube.dims if roles[d.id] == r] for r in ("time", "geo", "metric", "industry")}
    for role, word in (("time", "tidsdimension"), ("geo", "regiondimension"), ("metric", "innehållsdimension")):
        if len(by_role[role]) > 1 or (role == "time" and not by_role[role]):
            names = ", ".join(f"{d.id} ({d.label})" for d in cube.dims)
            sheet.problem(None, None, f"tabellen ska ha en {word}, den har {len(by_role[role])}: {names}")
            return
    metric = by_role["metric"][0] if by_role["metric"] else None
    measures = contents_measures(cube, metric, lookup, args, sheet)
    if sheet.problems:
        return
    if any(m.by_sex for m in measures.values()):
        for dim in cube.dims:
            if roles[dim.id] == "other" and is_sex(dim):
                roles[dim.id] = "sex"
                sheet.notes.append(f"{dim.id} ({dim.label}): behöll kön (män, kvinnor, totalt) för måtten efter kön")
    choices = [_choices(cube, dim, roles[dim.id], sheet, measures) for dim in cube.dims]
    if sheet.problems:
        return
    if not by_role["geo"]:
        sheet.notes.append("tabellen har ingen regiondimension: värdena gäller riket (00)")
    periods = _sum_cells(cube, choices, roles, measures.get(""))
    _fold_years(periods, sheet, by_role["time"][0], by_role["geo"][0].id if by_role["geo"] else "Region")


def _choices(cube, dim: Dimension, role: str, sheet: FactSheet, measures: dict) -> list[tuple[int, object]]:
    """Return (category position, what it means) for the categories of a dimension that are used."""
    if role == "other":
        return _other_choices(dim, sheet)
    if role == "sex":
        return _sex_choices(dim, sheet)
    lookup, out = sheet.lookup, []
    for pos, code in enumerate(dim.codes):
        label = dim.label_of(code)
        if role == "time":
            period = parse_period(code)
            if period is None:
                sheet.problem(
                    None, dim.id, f"tidskoden ”{code}” är inget år, kvartal eller månad (2024, 2024K2, 2024M03)"
                )
            out.append((pos, period))
        elif role == "geo":
            found = lookup.regions.resolve(code) or lookup.regions.resolve(label)
            if found is None:
                sheet.problem(None, dim.id, f"okänd region ”{code}” ({label})")
            elif found.code is None:
                sheet.skip("regionkategorier utanför dashboarden", f"{code} {label}")
            else:
                out.append((pos, found.code))
        elif role == "industry":
            found = lookup.industries.resolve(code) or lookup.industries.resolve(label)
            if found is None and (lookup.industries.is_unknown_category(code) or "okänd" in label.casefold()):
                sheet.notes.append(f"{dim.id}: kategorin {code} ({label}) är ingen bransch och lämnades utanför")
            elif found is None:
                sheet.problem(
                    None, dim.id, f"okänd bransch ”{code}” ({label}): ingen SNI 2007-kod, A*10-kod eller TOTAL"
                )
            else:
                out.append((pos, found))
        elif code in measures:
            out.append((pos, measures[code]))
        else:
            sheet.notes.append(f"{dim.id}: tabellinnehållet {code} ({label}) har inget mått och lämnades utanför")
    return out


def _other_choices(dim: Dimension, sheet: FactSheet) -> list[tuple[int, object]]:
    total = total_category(dim)
    if len(dim.codes) == 1:
        return [(0, None)]
    if total is not None:
        sheet.notes.append(f"{dim.id} ({dim.label}): använde totalkategorin {total} ({dim.label_of(total)})")
        return [(dim.codes.index(total), None)]
    shown = ", ".join(dim.codes[:6]) + (", …" if len(dim.codes) > 6 else "")
    sheet.notes.append(f"{dim.id} ({dim.label}): ingen totalkategori, summerade {len(dim.codes)} kategorier ({shown})")
    return [(pos, None) for pos in range(len(dim.codes))]


def _sex_choices(dim: Dimension, sheet: FactSheet) -> list[tuple[int, object]]:
    total = total_category(dim)
    out = []
    for pos, code in enumerate(dim.codes):
        sex = "total" if code == total else parse_sex(code) or parse_sex(dim.label_of(code))
        if sex is None:
            sheet.problem(None, dim.id, f"okänd kategori för kön ”{code}” ({dim.label_of(code)})")
        out.append((pos, sex))
    if total is None and {"women", "men"} <= {sex for _pos, sex in out}:
        sheet.notes.append(f"{dim.id}: ingen totalkategori; totalen är summan av män och kvinnor")
        out += [(pos, "total") for pos, sex in out if sex in ("women", "men")]
    return out


def _sum_cells(cube: Cube, choices, roles, default_measure: Measure | None) -> dict:
    """Return (region, industry, measure, year, per_year, sex) -> {period: value or None}, summing other dims."""
    strides = cube.strides()
    kinds = [roles[d.id] for d in cube.dims]
    sums: dict = {}
    for combo in product(*choices):
        meaning = {"geo": "00", "industry": TOTAL, "sex": "total"}
        index = 0
        for (pos, what), kind, stride in zip(combo, kinds, strides):
            index += pos * stride
            if kind != "other":
                meaning[kind] = what
        year, period, per_year = meaning["time"]
        measure = meaning.get("metric", default_measure)
        if meaning["sex"] != "total" and not measure.by_sex:
            continue
        key = (meaning["geo"], meaning["industry"], measure, year, per_year, meaning["sex"])
        value = cube.values[index]
        slot = sums.setdefault(key, {})
        if value is None or isinstance(value, str):
            slot[period] = None
        elif period not in slot or slot[period] is not None:
            slot[period] = slot.get(period, 0.0) + float(value)
    return sums


def _fold_years(sums: dict, sheet: FactSheet, time: Dimension, geo_id: str) -> None:
    fold_years(sums, sheet, time.id, geo_id)


def import_cube(conn, cube: Cube, file: str, path: Path, args, **meta) -> str:
    """Check a cube's values and stage (or write) them as one dataset; return the summary."""
    session, _alone = session_for(conn, args)
    sheet = FactSheet(file, session.lookup)
    cube_facts(cube, sheet, args)
    table = f" (tabell {cube.table_id})" if cube.table_id else ""
    if cube.source == "SCB" and not meta.get("licence"):  # SCB publishes its open data under CC0
        meta["licence"] = "CC0 (SCB:s öppna data)"
    return stage_sheet(
        conn,
        args,
        path,
        sheet,
        title_sv=(cube.label or path.stem) + table,
        title_en=(cube.label or path.stem) + table,
        source=(cube.source or "PxWeb") + table,
        **meta,
    )


def matches(path: Path) -> bool:
    return path.suffix.lower() in JSON_SUFFIXES


def load(conn, path: Path, args) -> str:
    return import_cube(conn, read_cube(path), path.name, path, args)


register(
    Importer(
        name="pxweb",
        matches=matches,
        load=load,
        description="PxWeb-tabell i JSON-stat (API v1 eller v2, format json-stat2)",
    )
)

__all__ = ["ImportFailed", "Problem", "Measure", "import_cube", "cube_facts"]
