"""Region codes SCB <-> NUTS, industry spellings and number reading, as users' files write them."""

from __future__ import annotations

import pytest

from data.importing.codes import COUNTIES, IndustryCodes, RegionCodes, nuts_of
from data.importing.records import SKIP, parse_value, parse_year
from data.store import engine_for
from tests.import_helpers import empty_store


@pytest.fixture(scope="module")
def codes(tmp_path_factory):
    url = empty_store(tmp_path_factory.mktemp("codes"))
    with engine_for(url).connect() as conn:
        yield RegionCodes(conn), IndustryCodes(conn), conn


@pytest.mark.parametrize(
    "cell, code",
    [
        ("17", "17"),  # SCB county
        ("SE311", "17"),  # NUTS 3 Värmland
        ("se312", "20"),  # NUTS in lower case
        ("SE313", "21"),
        ("SE31", "SE31"),  # NUTS 2 Norra Mellansverige is a region of its own
        ("SE", "00"),  # the country
        ("00", "00"),
        ("0", "00"),  # Excel dropped the leading zero
        ("1780", "1780"),  # Karlstad
        ("dcid:nuts/SE312", "20"),  # Data Commons' spelling
        ("17 Värmlands län", "17"),  # SCB's code and name together
        ("Värmland", "17"),  # short county name
        ("Gävleborgs län", "21"),
        ("Riket", "00"),
    ],
)
def test_known_regions_map_to_the_stores_code(codes, cell, code):
    regions, _industries, _conn = codes
    assert regions.resolve(cell).code == code


@pytest.mark.parametrize(
    "cell",
    [
        "01",  # Stockholms län: real, but not covered by the dashboard
        "0114",  # Upplands Väsby
        "114",  # ... without its leading zero
        "SE3",  # NUTS 1
        "SE110",  # NUTS 3 Stockholm
        "NO0",  # another country
        "Stockholms län",
    ],
)
def test_real_regions_outside_the_dashboard_are_skipped_not_refused(codes, cell):
    found = codes[0].resolve(cell)
    assert found is not None and found.code is None and found.outside


@pytest.mark.parametrize("cell", ["1799", "99", "XX1", "SE9", "Narnia", ""])
def test_codes_that_are_no_region_are_unknown(codes, cell):
    assert codes[0].resolve(cell) is None


def test_nuts_and_scb_codes_map_both_ways(codes):
    regions, _industries, conn = codes
    for scb, (_name, nuts) in COUNTIES.items():
        if scb in regions.codes:
            assert regions.resolve(nuts).code == scb and nuts_of(conn, scb) == nuts
    assert nuts_of(conn, "00") == "SE" and nuts_of(conn, "1780") is None


@pytest.mark.parametrize(
    "cell, code",
    [
        ("M_N", "M-N"),  # Eurostat's spelling of the A*10 aggregate
        ("m-n", "M-N"),
        ("M–N", "M-N"),  # en dash
        ("M+N", "M-N"),  # SCB's spelling
        ("B-E", "B-E"),
        ("G_I", "G-I"),
        ("O-Q", "O-Q"),
        ("R_U", "R-U"),
        ("C", "C"),  # section
        ("16", "16"),  # division
        ("1", "01"),  # division 01 after Excel
        (2.0, "02"),  # ... read from a number cell
        ("TOT", "TOTAL"),
        ("_T", "TOTAL"),
        ("A-U", "TOTAL"),
        ("Samtliga näringsgrenar", "TOTAL"),
        ("C Tillverkning", "C"),  # code and name
    ],
)
def test_industry_spellings_map_to_the_stores_code(codes, cell, code):
    assert codes[1].resolve(cell) == code


@pytest.mark.parametrize("cell", ["G-J", "K-N", "O-U", "US", "Z", "100"])
def test_industry_codes_outside_the_classification_are_unknown(codes, cell):
    assert codes[1].resolve(cell) is None


@pytest.mark.parametrize(
    "cell, value",
    [
        ("12", 12.0),
        ("12,5", 12.5),  # decimal comma
        ("12.5", 12.5),  # decimal point
        ("12 345,6", 12345.6),  # space as thousands separator
        ("12\u00a0345", 12345.0),  # no-break space, as Excel in Sweden writes it
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1,234,567", 1234567.0),
        (7, 7.0),
        (2.5, 2.5),
    ],
)
def test_numbers_are_read_with_decimal_comma_or_point(cell, value):
    assert parse_value(cell) == value


@pytest.mark.parametrize("cell", ["..", ":", "…"])
def test_missing_markers_are_skipped(cell):
    assert parse_value(cell) is SKIP


@pytest.mark.parametrize("cell, words", [("", "saknas"), ("abc", "inget tal"), ("12 st", "inget tal")])
def test_non_numbers_are_refused_in_words(cell, words):
    with pytest.raises(ValueError, match=words):
        parse_value(cell)


@pytest.mark.parametrize("cell, year", [("2017", 2017), (2017, 2017), (2017.0, 2017), ("2017.0", 2017)])
def test_years_are_integers(cell, year):
    assert parse_year(cell) == year


@pytest.mark.parametrize("cell, words", [("2024K2", "period inom året"), ("20x7", "inget årtal"), ("", "saknas")])
def test_non_years_are_refused_in_words(cell, words):
    with pytest.raises(ValueError, match=words):
        parse_year(cell)
