"""Women and men: the share of women by industry beside the strength areas (Styrkeområden), in the priority areas
(Uppföljning) and the gender perspective per county, checked against the shipped source files; where the data has
no split by sex, the page says so and nothing is estimated."""

from __future__ import annotations

import csv
import html
import math
from pathlib import Path

import pandas as pd
import pytest

import charts
from data.store import engine_for
from indicators.gender_areas import area_gender, gender_balance, summed_share
from indicators.source import FactSource
from tests.monitoring_support import layout_text

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
STRENGTH = {"level": "a10", "year": None, "start": None, "reference": "00", "per": "employees"}


@pytest.fixture(scope="module")
def real_conn(real_store_url):
    with engine_for(real_store_url).connect() as conn:
        yield conn


def rams(year: int, section: str, sex: str) -> dict[str, int]:
    """Return the shipped SCB RAMS row (persons by NUTS2 region) of a year, SNI section and sex."""
    path = next(REAL.glob("scb_rams_*.csv"))
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if (row["year"], row["sni2007_section"], row["sex"]) == (str(year), section, sex):
                return {k: int(v) for k, v in row.items() if k.startswith("SE")}
    raise LookupError((year, section, sex))


def regionfakta(year: int) -> dict[str, dict[str, int]]:
    """Return the shipped Regionfakta rows of a year: industry group name -> counts of women and all, both regions."""
    path = REAL / "regionfakta_varmland_riket_15branscher_kon_2018_2022.csv"
    with path.open(encoding="utf-8") as f:
        return {r["branschgrupp_sv"]: r for r in csv.DictReader(f) if r["year"] == str(year)}


def women_card(conn, region: str, lang: str = "sv"):
    return charts.spec_for(conn, "styrkeomraden", "women", lang, dict(STRENGTH, region=region))


def test_the_share_of_women_in_construction_2021_is_the_source_files(real_conn):
    # SE31, section F (Byggverksamhet), 2021: women / all in SCB RAMS, as the card's table shows it
    spec = women_card(real_conn, "SE31")
    table = spec.table.set_index(["Kod", "År"])
    women, total = rams(2021, "F", "women"), rams(2021, "F", "total")
    assert table.at[("F", 2021), "Kvinnor"] == women["SE31"] == 2607
    assert table.at[("F", 2021), "Totalt"] == total["SE31"] == 33266
    assert table.at[("F", 2021), "Andel kvinnor"] == pytest.approx(2607 / 33266)
    assert table.at[("F", 2021), "Andel kvinnor i riket"] == pytest.approx(women["SE_total"] / total["SE_total"])
    assert "SCB, RAMS" in spec.source and not spec.is_example


def row_names(spec) -> list[str]:
    """Return the names the chart writes above its rows (figures.style.row_headings), as a reader sees them."""
    notes = spec.figure_dict()["layout"].get("annotations", [])
    return [html.unescape(a["text"].replace("<br>", " ")) for a in notes if a.get("name") == "row-heading"]


def test_the_card_says_sections_a_to_g_only_and_marks_the_strength_areas(real_conn):
    spec = women_card(real_conn, "SE31")
    assert any("bara SNI-avsnitten A, B, C, D, E, F, G" in note for note in spec.notes)
    employed = spec.table[spec.table["Grupp"].str.startswith("Förvärvsarbetande")]
    assert set(employed["Kod"]) == set("ABCDEFG")  # nothing beyond the source's sections is drawn
    assert employed.set_index("Kod").at["C", "Styrkeområdesanalysen"].startswith("Tillverkning (del av industrin) (C)")
    labels = row_names(spec)
    assert any(label.startswith("Tillverkning ★") for label in labels)


def test_managers_come_beside_the_employed_from_region_dalarnas_shares(real_conn):
    table = women_card(real_conn, "SE31").table
    managers = table[table["Grupp"].str.startswith("Chefer")].set_index("Kod")
    assert len(managers) == 15 and set(managers["År"]) == {2022}
    path = REAL / "regiondalarna_nms_share_men_employed_and_managers_by_15branscher_2008_2021_2022.csv"
    with path.open(encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["year"] == "2022" and r["branschgrupp_code"] == "G05")
    assert managers.at["G05", "Andel kvinnor"] == pytest.approx(1 - float(row["share_men_among_managers"]))
    assert pd.isna(managers.at["G05", "Kvinnor"])  # shares only: no counts are invented


@pytest.mark.parametrize("region", ["20", "21", "2080"])  # Dalarna, Gävleborg, Falun: no statistics by sex
def test_a_region_without_statistics_by_sex_is_told_so(real_conn, region):
    spec = women_card(real_conn, region)
    assert spec.message.startswith("Uppgift saknas")
    assert list(spec.table.columns) == ["Meddelande"]


def test_the_example_store_draws_no_share_of_women(store_url):
    # the invented statistics have no split by sex: nothing is derived from employees
    with engine_for(store_url).connect() as conn:
        spec = charts.spec_for(conn, "styrkeomraden", "women", "sv", dict(STRENGTH, level="division", region="SE31"))
    assert "Uppgift saknas" in spec.message


def test_summed_share_adds_counts_and_refuses_a_missing_industry():
    counts = pd.DataFrame(
        {"region": ["17", "17"], "industry": ["G01", "G02"], "year": [2022, 2022], "women": [1, 3], "total": [4, 12]}
    )
    assert summed_share(counts, "17", ["G01", "G02"], 2022) == (4.0, 16.0, 0.25)
    assert all(math.isnan(v) for v in summed_share(counts, "17", ["G01", "G03"], 2022))  # G03 has no count


def test_priority_areas_use_the_countys_own_counts_or_say_whose_they_are(real_conn):
    frame = area_gender(real_conn, regions=["17", "20"], source=FactSource(real_conn)).set_index("name_sv")
    advanced = frame.loc["Avancerad tillverkning och komplexa system"]  # Värmland: G02 in Regionfakta
    rows = regionfakta(2022)["Tillverkning och utvinning"]
    assert advanced["data_region"] == "17" and advanced["used"] == ["G02"]
    assert (advanced["baseline"], advanced["latest"]) == (2018, 2022)
    assert advanced["share_latest"] == pytest.approx(int(rows["varmland_women"]) / int(rows["varmland_total"]))
    assert advanced["reference_latest"] == pytest.approx(int(rows["riket_women"]) / int(rows["riket_total"]))
    health = frame.loc["Hälsa och välfärd"]  # Dalarna: only North Middle Sweden's sections A–G exist; Q is not there
    assert health["data_region"] == "SE31" and health["reason"] == "no_industries" and pd.isna(health["share_latest"])
    assert health["missing"] == ["Q"]


def test_the_gender_perspective_compares_priority_and_strength_areas_from_counts(real_conn):
    frame = gender_balance(real_conn, regions=["17", "20"], source=FactSource(real_conn))
    varmland = frame[frame["region"] == "17"].set_index("group")
    assert set(varmland.index) == {"priority", "strength", "all"} and set(varmland["year"]) == {2022}
    rows = regionfakta(2022)
    names = {"G01": "Jordbruk, skogsbruk, jakt, fiske", "G02": "Tillverkning och utvinning"}
    by_code = {code: rows[name] for code, name in names.items()}
    assert {"G01", "G02"} <= set(varmland.at["all", "codes"])
    known = [r for name, r in rows.items() if name != "Näringsgren okänd"]  # no industry: left out on import
    women = sum(int(r["varmland_women"]) for r in known)
    total = sum(int(r["varmland_total"]) for r in known)
    assert varmland.at["all", "share"] == pytest.approx(women / total)  # every one of the 15 groups
    assert by_code["G01"]["varmland_women"]  # the file is read, not a constant
    assert set(frame.loc[frame["region"] == "20", "data_region"]) == {"SE31"}


def test_the_genus_text_is_generated_from_the_numbers_and_names_whose_they_are(real_conn):
    spec = charts.spec_for(real_conn, "uppfoljning", "genus", "sv", {"county": "", "reference": "00"})
    text = " ".join(spec.notes)
    assert text.startswith("Värmlands län (länets egen statistik, Regionfakta 2022")
    assert (
        "Dalarnas län: länet saknar egen statistik, så siffrorna gäller länets branscher i Norra Mellansverige" in text
    )
    varmland = spec.table[spec.table["Län"] == "Värmlands län"].set_index("Branscher")
    share = varmland.at["testområdenas branscher", "Andel kvinnor"]
    assert f"kvinnor är {round(share * 100)}\u00a0% av de förvärvsarbetande i testområdenas branscher" in text


def test_the_cluster_criteria_name_gender_equality(real_conn):
    spec = charts.spec_for(
        real_conn, "klusterkartering", "criteria", "sv", {"county": "", "theme": "", "year": "", "cluster": ""}
    )
    assert "Jämställdhet" in spec.subtitle and "inte statistik" in spec.subtitle
    assert "Jämställdhet:" in spec.summary


def test_the_methods_page_says_which_data_has_sex_and_cites_the_s3_platform(real_app):
    text = layout_text(real_app.server.test_client(), "/om-data-och-metod")
    assert "Företagsenkäten frågar inte efter de svarandes kön" in text
    assert "Uppföljningsmodellen" in text and "S3-plattformen" in text and "DG JRC" in text
    assert "Smart Specialisation Platform (S3 Platform)" in text  # the reference, in its own language


def test_a_long_industry_name_keeps_its_strength_mark(real_conn):
    # Värmland: public services (O-Q) are a strength area, so "Vård och omsorg; sociala tjänster" carries ★ even shortened
    spec = women_card(real_conn, "17")
    labels = row_names(spec)
    care = [label for label in labels if label.startswith("Vård och omsorg")]
    assert care and all(label.endswith("★") for label in care)
