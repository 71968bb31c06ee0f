"""Import of cluster lists and assessments: hand-written CSVs, every bad row refused, nothing half-written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from app import create_app
from charts.klusterkartering import VIEW
from charts.klusterkartering.card import card_chart
from charts.klusterkartering.overview import criteria_chart, portfolio_chart
from data import example
from data import schema as s
from data.importing.base import ImportFailed
from data.importing.clusters import (
    ASSESSMENT_IMPORTER,
    CLUSTER_IMPORTER,
    import_cluster_file,
    load_assessments,
    load_clusters,
)
from data.importing.command import choose_importer
from data.store import engine_for
from indicators import clusters as ind
from layouts import ids
from tests.dash_json import find, page_layout, text
from tests.import_helpers import data_dump, empty_store, run_cli, snapshot

HERE = Path(__file__).parent / "fixtures" / "clusters"
THIS_YEAR = date.today().year


@pytest.fixture()
def store(tmp_path) -> str:
    """Return a fresh store with the real cluster list and the example assessments (2016, 2018, 2020)."""
    url = empty_store(tmp_path)
    phases, crits = [], []
    for kind, cluster, year, value, comment in example.cluster_assessment_rows():
        row = dict(cluster=cluster, year=year, comment=comment, dataset="ex_kluster")
        if kind == "phase":
            phases.append(dict(row, phase=value))
        else:
            crits.append(dict(row, criterion=value[0], level=value[1]))
    with engine_for(url).begin() as conn:
        conn.execute(insert(s.dataset), [d for d in example.DATASETS if d["code"] == "ex_kluster"])
        conn.execute(insert(s.phase_assessment), phases)
        conn.execute(insert(s.criteria_assessment), crits)
    return url


def rows(url: str, table, *where) -> list[dict]:
    with engine_for(url).connect() as conn:
        return [dict(r) for r in conn.execute(select(table).where(*where)).mappings()]


@pytest.mark.parametrize(
    "name,importer",
    [
        ("kluster_lista.csv", CLUSTER_IMPORTER),  # Windows-1252, semicolons, Swedish header
        ("kluster_testomraden.csv", CLUSTER_IMPORTER),  # English header
        ("bedomningar_2022.csv", ASSESSMENT_IMPORTER),
        ("bedomningar_2020_ersatt.csv", ASSESSMENT_IMPORTER),  # BOM, "år", criteria by name
    ],
)
def test_the_import_command_recognises_each_file(name, importer):
    assert choose_importer(HERE / name) is importer
    other = ASSESSMENT_IMPORTER if importer is CLUSTER_IMPORTER else CLUSTER_IMPORTER
    assert not other.matches(HERE / name)


def test_cluster_list_updates_and_adds_initiatives(store):
    with engine_for(store).begin() as conn:
        summary = load_clusters(conn, HERE / "kluster_lista.csv")
    assert summary == "kluster_lista.csv: 2 klusterinitiativ (1 nya, 1 uppdaterade) i datasetet kluster_lista."
    new = rows(store, s.cluster, s.cluster.c.code == "dalarnas-energikluster")[0]
    assert (new["name"], new["founded"], new["members"], new["url"]) == ("Dalarnas energikluster", 2019, 1200, None)
    assert {r["region"] for r in rows(store, s.cluster_region, s.cluster_region.c.cluster == new["code"])} == {
        "20",
        "21",
    }
    areas = {r["test_area"] for r in rows(store, s.cluster_test_area, s.cluster_test_area.c.cluster == new["code"])}
    names = {r["id"]: r["name_sv"] for r in rows(store, s.test_area)}
    # Without a test-area column, the links follow the industries (27, 35) in the home counties.
    assert {names[a] for a in areas} == {"Avancerad industri", "Energieffektivt samhällsbyggande"}
    compare = rows(store, s.cluster, s.cluster.c.code == "compare")[0]
    assert compare["organisation"] == "Testorganisation ek. för." and compare["founded"] is None
    dataset = rows(store, s.dataset, s.dataset.c.code == "kluster_lista")[0]
    assert dataset["is_example"] is False and dataset["source"] == "Klusterinitiativ, inläst från kluster_lista.csv"


def test_cluster_list_links_named_test_areas(store):
    with engine_for(store).begin() as conn:
        import_cluster_file(conn, HERE / "kluster_testomraden.csv")
    links = rows(store, s.cluster_test_area, s.cluster_test_area.c.cluster == "varmlands-upplevelser")
    names = {r["id"]: r["name_sv"] for r in rows(store, s.test_area)}
    assert sorted(names[r["test_area"]] for r in links) == [
        "Naturen, kulturen och platsens digitaliserade upplevelser",
        "Värdeskapande tjänster",
    ]


def test_a_new_assessment_year_shows_in_the_view_without_code_changes(store):
    code, out, err = run_cli("import", "--db", store, HERE / "bedomningar_2022.csv")
    assert (code, err) == (0, "")
    assert "3 bedömningar (år 2022): 3 faser och 6 kriterienivåer i datasetet bedomningar_2022" in out
    with engine_for(store).connect() as conn:
        assert ind.assessment_years(conn) == [2016, 2018, 2020, 2022]
        spec = portfolio_chart(conn, "sv")  # no year asked for: the newest
        criteria = criteria_chart(conn, "sv", year="2022")
        card = card_chart(conn, "sv", cluster="compare")
    assert spec.title == "Klusterportföljen 2022: utvecklingsfas"
    assert spec.data_status == "real"  # imported assessments are not example data
    assert "Klusterbedömningar, inläst från bedomningar_2022.csv" in spec.source
    levels = dict(zip(zip(criteria.table["Klusterinitiativ"], criteria.table["Kriterium"]), criteria.table["Nivå"]))
    assert levels[("Paper Province", "Bättre miljö")] == "Aktivt"  # English "Active" understood
    assert levels[("Compare", "Lika möjligheter och icke-diskriminering")] == "Inte"
    assert ("Triple Steelix", "Bättre miljö") not in levels  # empty cell: not assessed
    assert card.data_status == "mixed" and list(card.table["Fas"])[-1] == "Förnyelse"
    app = create_app({"DATABASE_URL": store, "TESTING": True, "SECRET_KEY": "test"})
    page = page_layout(app.server.test_client(), "/klusterkartering?year=2022")  # the address accepts the new year
    year = find(page, ids.filter_id(VIEW, "year"))["props"]
    assert year["value"] == "2022" and year["options"][0]["value"] == "2022"
    assert text(find(page, ids.NOTICE)) == ""
    comment = rows(store, s.criteria_assessment, s.criteria_assessment.c.year == 2022)
    assert {r["comment"] for r in comment if r["criterion"] == "miljo" and r["cluster"] == "compare"} == {
        "Klimatplan för medlemmarna"
    }


def test_an_imported_year_replaces_the_example_assessment_of_that_cluster(store):
    code, out, _err = run_cli("import", "--db", store, HERE / "bedomningar_2020_ersatt.csv")
    assert code == 0 and "4 tidigare rader ersatta" in out  # one phase and three criteria
    compare = rows(store, s.phase_assessment, s.phase_assessment.c.cluster == "compare")
    assert [(r["year"], r["phase"], r["dataset"]) for r in compare][-1] == (
        2020,
        "etablering",
        "bedomningar_2020_ersatt",
    )
    assert len(rows(store, s.phase_assessment, s.phase_assessment.c.year == 2020)) == 11
    with engine_for(store).connect() as conn:
        assert criteria_chart(conn, "sv", year="2020").data_status == "mixed"
        assert criteria_chart(conn, "sv", year="2020", county="17", theme="it").data_status == "real"


def test_bad_assessments_are_refused_with_file_line_column_and_reason_and_nothing_is_written(store):
    before = snapshot(store)
    code, out, err = run_cli("import", "--db", store, HERE / "bedomningar_fel.csv")
    assert code == 1 and out == ""
    assert err.splitlines()[1:] == [
        "bedomningar_fel.csv, rad 2, kolumn kluster: okänt kluster ”okänt-kluster” (läs in klusterlistan först)",
        f"bedomningar_fel.csv, rad 3, kolumn ar: ”20x2” är inget år mellan 1990 och {THIS_YEAR + 1}",
        "bedomningar_fel.csv, rad 4, kolumn fas: okänd fas ”mogen”; fasskalan har Initiering, Etablering, "
        "Utveckling, Mognad, Förnyelse",
        "bedomningar_fel.csv, rad 5, kolumn miljo: okänd nivå ”ganska”; nivåerna är Aktivt, Delvis, Inte",
        "bedomningar_fel.csv, rad 6, kolumn ar: paper-province 2022 finns redan på rad 5",
        "bedomningar_fel.csv, rad 7: raden har varken fas eller någon kriterienivå",
        "bedomningar_fel.csv, rad 8: raden har 7 fält men rubriken 6",
    ]
    assert snapshot(store) == before


def test_bad_cluster_list_is_refused_cell_by_cell(store):
    before = snapshot(store)
    with pytest.raises(ImportFailed) as failed:
        with engine_for(store).begin() as conn:
            load_clusters(conn, HERE / "kluster_fel.csv")
    assert [str(p) for p in failed.value.problems] == [
        "kluster_fel.csv, rad 2, kolumn kluster: koden ”Nytt Kluster!” ska ha a–z, 0–9 och - (högst 40 tecken)",
        "kluster_fel.csv, rad 3, kolumn namn: namnet saknas",
        "kluster_fel.csv, rad 3, kolumn lan: okänt eller saknat län ”Skåne” (ange 17, 20, 21 eller länets namn)",
        "kluster_fel.csv, rad 4, kolumn webb: ”www.example.se” är ingen webbadress (http:// eller https://)",
        f"kluster_fel.csv, rad 4, kolumn grundat: ”nittonhundra” är inget heltal mellan 1800 och {THIS_YEAR}",
        "kluster_fel.csv, rad 4, kolumn medlemmar: ”-3” är inget heltal mellan 0 och 1000000",
        "kluster_fel.csv, rad 4, kolumn branscher: okänd SNI 2007-kod 00",
        "kluster_fel.csv, rad 4, kolumn testomraden: testområdet ”Bioekonomi” finns inte i klustrets län",
    ]
    assert snapshot(store) == before


def test_unknown_or_missing_columns_are_named(store):
    with pytest.raises(ImportFailed) as failed:
        with engine_for(store).begin() as conn:
            load_assessments(conn, HERE / "bedomningar_okand_kolumn.csv")
    assert [str(p) for p in failed.value.problems] == [
        "bedomningar_okand_kolumn.csv, rad 1, kolumn miljö_nivå: okänd kolumn ”miljö_nivå”",
        "bedomningar_okand_kolumn.csv, rad 1, kolumn fas: kolumnen ”fas” saknas i rubriken",
    ]


def test_a_new_cluster_and_its_assessment_in_one_command(store, tmp_path):
    assessment = tmp_path / "energi_2022.csv"
    assessment.write_text("kluster,ar,fas,miljo\ndalarnas-energikluster,2022,initiering,delvis\n", encoding="utf-8")
    code, out, err = run_cli("import", "--db", store, HERE / "kluster_lista.csv", assessment)
    assert (code, err) == (0, "") and len(out.splitlines()) == 2
    assert [
        r["phase"] for r in rows(store, s.phase_assessment, s.phase_assessment.c.cluster == "dalarnas-energikluster")
    ] == ["initiering"]


def test_importing_the_same_file_twice_gives_the_same_store(store):
    assert run_cli("import", "--db", store, HERE / "bedomningar_2022.csv")[0] == 0
    once = data_dump(store)
    code, out, _err = run_cli("import", "--db", store, HERE / "bedomningar_2022.csv")
    assert code == 0 and "9 tidigare rader ersatta" in out
    assert data_dump(store) == once


def test_example_data_cannot_be_the_target_dataset(store):
    before = snapshot(store)
    code, _out, err = run_cli("import", "--db", store, "--dataset", "ex_kluster", HERE / "bedomningar_2022.csv")
    assert code == 1 and "kolumn --dataset: datasetet ”ex_kluster” är exempeldata" in err
    assert snapshot(store) == before


def test_a_dataset_left_without_rows_by_a_later_import_is_removed(store, tmp_path):
    first, second = tmp_path / "forsta.csv", tmp_path / "andra.csv"
    for path in (first, second):
        path.write_text("kluster,ar,fas\ncompare,2022,mognad\n", encoding="utf-8")
    assert run_cli("import", "--db", store, first)[0] == 0
    code, out, _err = run_cli("import", "--db", store, "--source", "Region Värmland", second)
    assert code == 0 and "tomma dataset borttagna: forsta" in out
    assert rows(store, s.dataset, s.dataset.c.code == "forsta") == []
    assert rows(store, s.dataset, s.dataset.c.code == "andra")[0]["source"] == "Region Värmland"
