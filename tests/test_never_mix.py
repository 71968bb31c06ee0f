"""Never mix: on a store holding real and invented statistics together (--demo), no series, calculation or
generated number combines them, and where several real datasets hold a measure one of them is used."""

from __future__ import annotations

import pytest

from data.store import engine_for
from indicators.analysis import strength_analysis
from indicators.dynamics import innovation
from indicators.facts import candidate_datasets, chosen_dataset, load_facts, measure_kind, reason_text
from indicators.lq import higher_education, location_quotients
from indicators.overview import employment_trend
from indicators.test_areas import area_links, compare_test_areas
from tests.test_indicators_lq import make_store


@pytest.fixture()
def demo(demo_store_url):
    with engine_for(demo_store_url).connect() as conn:
        yield conn


def test_the_start_charts_series_is_real_from_start_to_end(demo):
    """The bug: real 2000–2017 and invented 2018–2023 joined in one line, its change from real to invented."""
    trend = employment_trend(demo, ["17", "20", "21"])
    assert not trend["is_example"].any()
    assert trend["year"].max() == 2017 and trend["year"].min() == 2000  # no invented year after the real ones
    assert trend.loc[(trend["region"] == "17") & (trend["year"] == 2017), "value"].tolist() == [121_000]


def test_the_division_quotient_is_never_computed_from_example_counts_over_real_totals(demo):
    """The bug: Värmland, division 17, 2017: LQ 5.68 from invented counts divided by real Eurostat totals."""
    divisions = location_quotients(demo, year=2017, level="division", regions=["17"])
    assert divisions.empty  # the real data has no divisions; the example divisions are not used beside it
    a10 = location_quotients(demo, year=2017, level="a10", regions=["17"]).set_index("industry")
    assert not a10["is_example"].any() and round(a10.at["C", "lq"], 2) == 1.18  # SOURCES.md: SE311 C 1.18


def test_a_measure_with_real_data_is_read_from_real_data_only(demo):
    assert measure_kind(demo, "employees") == "real"
    assert measure_kind(demo, "patent_applications") == "example"  # nothing real: the example data stays usable
    assert measure_kind(demo, "employees_higher_ed") == "example"
    facts = load_facts(demo, "employees")
    assert set(facts["dataset"]) == {"eurostat_nama_10r_3empers"}
    assert set(candidate_datasets(demo, "employees")["dataset"]) == {"eurostat_nama_10r_3empers"}


def test_the_higher_education_share_of_example_counts_over_real_employees_has_no_value(demo):
    out = higher_education(demo, year=2017, level="a10", regions=["17"])
    assert not out.empty
    assert out["share"].isna().all() and out["reference_share"].isna().all()
    assert set(out["reason"]) == {"mixed_kinds"}
    assert "blanda verkliga uppgifter och exempeldata" in reason_text("mixed_kinds", "sv")
    assert out["is_example"].all()  # what is left (the quotient of the educated alone) is example data, labelled


def test_rates_of_example_counts_per_real_employees_have_no_value(demo):
    out = innovation(demo, year=2017, level="a10", regions=["17"])
    patents = out[out["measure"] == "patent_applications"]
    assert not patents.empty and patents["rate"].isna().all() and set(patents["reason"]) == {"mixed_kinds"}


def test_the_strength_analysis_joins_only_parts_of_its_own_kind(demo):
    analysis = strength_analysis(demo, regions=["17", "20", "21"], level="a10")
    table = analysis.table
    assert analysis.year == 2017  # the latest year with real industry data (2018 holds totals only)
    assert not table["is_example"].any()
    for col in ("he_share", "he_lq", "lq_patent_applications", "lq_trademark_applications", "academic_lq"):
        assert table[col].isna().all(), col  # example parts are not joined to the real quotients
    notes = " ".join(sv for sv, _en in analysis.notes)
    assert "exempeldata" in notes and "används inte tillsammans med verkliga uppgifter" in notes
    assert analysis.academic.empty  # invented publications do not confirm real strengths
    areas, area_industries, area_subjects = area_links(analysis_source(demo), "a10")
    matrix = compare_test_areas(analysis, areas, area_industries, area_subjects)
    assert not matrix["is_example"].any()
    # without real publications the academic half is unknown, not "none strong": only the business half is judged
    assert matrix["strong_subjects"].isna().all()
    assert set(matrix["assessment"]) <= {"naringsliv_ja", "naringsliv_nej"}


def analysis_source(conn):
    from indicators.source import as_source

    return as_source(conn)


def test_an_import_hides_the_example_data_of_its_measure_not_key_by_key(tmp_path):
    facts = [
        ("ex", "17", "TOTAL", 2016, "employees", 100.0),
        ("ex", "17", "TOTAL", 2017, "employees", 110.0),
        ("ex", "20", "TOTAL", 2017, "employees", 90.0),
        ("real", "17", "TOTAL", 2016, "employees", 120.0),
    ]
    url = make_store(tmp_path / "s.sqlite", facts)
    with engine_for(url).connect() as conn:
        trend = employment_trend(conn, ["17", "20"])
    assert trend[["region", "year", "value"]].values.tolist() == [["17", 2016, 120.0]]


def real_set(code: str, rank: int) -> dict:
    return dict(code=code, title_sv=code, title_en=code, source=code, is_example=False, rank=rank)


def test_of_several_real_datasets_a_read_uses_the_one_with_most_values_for_its_regions(tmp_path):
    """County table (more years) wins for counties; the municipal one for municipalities; ties by rank."""
    facts = [
        ("lan", r, "TOTAL", y, "new_firms", 10.0 + y - 2000) for r in ("17", "20", "00") for y in (2018, 2019, 2020)
    ]
    facts += [("kommun", m, "TOTAL", y, "new_firms", 1.0) for m in ("1780", "1784", "2080") for y in (2019, 2020)]
    facts += [("kommun", "00", "TOTAL", 2020, "new_firms", 99.0)]  # Sweden in the municipal table too
    url = make_store(tmp_path / "two.sqlite", facts, datasets=[real_set("lan", 20), real_set("kommun", 10)])
    with engine_for(url).connect() as conn:
        counties = load_facts(conn, "new_firms", regions=["17", "20", "00"])
        munis = load_facts(conn, "new_firms", regions=["1780", "2080"])
        assert set(counties["dataset"]) == {"lan"} and len(counties) == 9
        assert counties.loc[counties["region"] == "00", "value"].tolist() == [28.0, 29.0, 30.0]  # never 99
        assert set(munis["dataset"]) == {"kommun"}
        # Sweden alone: 3 values in lan, 1 in kommun
        assert chosen_dataset(conn, "new_firms", regions=["00"])["dataset"] == "lan"


def test_ties_between_real_datasets_go_to_the_lower_rank(tmp_path):
    facts = [("a", "17", "TOTAL", 2020, "new_firms", 1.0), ("b", "17", "TOTAL", 2020, "new_firms", 2.0)]
    url = make_store(tmp_path / "tie.sqlite", facts, datasets=[real_set("a", 20), real_set("b", 10)])
    with engine_for(url).connect() as conn:
        assert load_facts(conn, "new_firms")["value"].tolist() == [2.0]


def test_every_frame_of_the_default_store_is_real(real_store_url):
    with engine_for(real_store_url).connect() as conn:
        for measure in ("employees", "new_firms", "population", "innovation_index", "rd_business"):
            frame = load_facts(conn, measure)
            assert not frame.empty and not frame["is_example"].any(), measure
        for measure in ("employees_higher_ed", "patent_applications", "trademark_applications"):
            assert measure_kind(conn, measure) == "none"  # no invented statistic in the default store
