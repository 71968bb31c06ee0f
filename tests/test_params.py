"""The address's parameters (charts/params.py): read once, checked against what the store holds, written back short."""

from __future__ import annotations

from datetime import date

import pytest

from charts.params import InvalidParam, Param, control_text, encode, lang_from, parse, query_dict

PARAMS = [
    Param("region", str, "SE31", lambda _conn, _values: ["SE31", "17", "20"]),
    Param("year", int, lambda _conn, values: 2023 if values["region"] == "SE31" else 2022),  # computed default
    Param("status", list, [], lambda _conn, _values: ["klar", "pagar"]),
    Param("asof", date, None),
]


def test_a_query_is_read_from_the_address_text():
    assert query_dict("?county=20&lang=en&county=21") == {"county": "21", "lang": "en"}  # the last value wins
    assert query_dict("") == {} and query_dict(None) == {}
    assert lang_from({"lang": "en"}) == "en" and lang_from({"lang": "de"}) == "sv" and lang_from(None) == "sv"


def test_values_are_checked_and_a_bad_one_falls_back_to_its_default_with_a_notice():
    values, notices = parse(PARAMS, {"region": "20", "status": "klar,pagar", "asof": "2017-07-01"})
    assert values == {"region": "20", "year": 2022, "status": ["klar", "pagar"], "asof": date(2017, 7, 1)}
    assert notices == []
    values, notices = parse(PARAMS, {"region": "99", "year": "x", "status": "klar,nej", "asof": "2017-13-01"})
    assert values == {"region": "SE31", "year": 2023, "status": [], "asof": None}
    assert notices == [("region", "99"), ("year", "x"), ("status", "klar,nej"), ("asof", "2017-13-01")]


def test_strict_parsing_names_the_refused_parameter_for_a_400():
    with pytest.raises(InvalidParam) as bad:
        parse(PARAMS, {"region": "99"}, strict=True)
    assert (bad.value.name, bad.value.raw) == ("region", "99")
    assert bad.value.message("sv") == "Ogiltig parameter region='99': okänt värde '99'."
    assert bad.value.message("en") == "Invalid parameter region='99': unknown value '99'."
    with pytest.raises(InvalidParam) as unknown:
        parse(PARAMS, {"respondent": "1"}, strict=True)
    assert unknown.value.name == "respondent" and unknown.value.reason("sv") == "okänd parameter"
    with pytest.raises(InvalidParam, match="longer than 200 characters"):
        parse(PARAMS, {"region": "x" * 500}, strict=True)


def test_the_address_leaves_fixed_defaults_out_and_writes_computed_ones():
    values, _ = parse(PARAMS, {})
    assert encode(PARAMS, values, "sv") == "?year=2023"  # the latest year moves: a shared link keeps it
    values, _ = parse(PARAMS, {"region": "17", "status": "pagar"})
    assert encode(PARAMS, values, "en") == "?region=17&year=2022&status=pagar&lang=en"


@pytest.mark.parametrize(
    "value,text",
    [(["klar", "pagar"], "klar,pagar"), (2.5, "2.5"), (3.0, "3"), (2023, "2023"), (None, ""), (True, "")],
)
def test_a_filter_controls_value_is_written_as_address_text(value, text):
    assert control_text(value) == text


@pytest.mark.parametrize(
    "query, sv, en",
    [
        ({"year": "x"}, "inte ett heltal", "not a whole number"),
        ({"asof": "igår"}, "inte ett datum ÅÅÅÅ-MM-DD som finns", "not an existing date YYYY-MM-DD"),
        ({"asof": "2017-02-30"}, "inte ett datum ÅÅÅÅ-MM-DD som finns", "not an existing date YYYY-MM-DD"),
    ],
)
def test_a_refused_value_is_explained_in_the_readers_language_not_pythons(query, sv, en):
    # Python's own words ("invalid literal for int() with base 10", "Invalid isoformat string") are English
    # and speak of code; a Swedish reader gets Swedish.
    with pytest.raises(InvalidParam) as bad:
        parse(PARAMS, query, strict=True)
    assert (bad.value.reason("sv"), bad.value.reason("en")) == (sv, en)
