"""The manager records a qualitative assessment, a value chain and an activity indicator; readers see them.

Everything goes through the app's own callbacks over HTTP (as the browser posts them) on a copy of the
default store: the saves, the refusals of bad input (naming the field, changing nothing), a refused
request without a manager's session, a stale edit; then the public pages and the XLSX, CSV and PPTX
exports as a reader gets them.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from sqlalchemy import func, select

from data import schema as s
from data.store import engine_for
from tests.milstolpar_support import add_user, app_on, copy_store, sign_in
from tests.test_plan_page import layout_json, static_html

CONCLUSION = "Tillverkningen bär länets styrka enligt intervjuerna med företagen."
CHAIN = "Elkraftutrustning för överföringsnät"
INDICATOR = "Workshops med klusterledare"
ASSESSMENT = {
    "region": "20",
    "level": "a10",
    "industry": "C",
    "test_area": "",
    "verdict": "bekraftar",
    "conclusion_sv": CONCLUSION,
    "conclusion_en": "Manufacturing carries the county's strength according to the interviews.",
    "documents": "12",
    "interviews": "7",
    "evidence_sv": "Regionala strategier och intervjuer med företag.",
    "evidence_en": "",
    "evidence_from": "2016-09-01",
    "evidence_to": "2017-01-31",
    "assessed_on": "2017-02-15",
    "assessed_by": "Anna Analytiker",
}
VALUE_CHAIN = {
    "region": "20",
    "level": "a10",
    "industry": "C",
    "test_area": "",
    "chain_sv": CHAIN,
    "chain_en": "Power transmission equipment",
    "regions_abroad": "Schweiz: Zürich\nTyskland: Bayern",
    "position": "mitt",
    "position_note_sv": "",
    "position_note_en": "",
    "interviews": "4",
    "evidence_sv": "Intervjuer med tre företag.",
    "evidence_en": "",
    "assessed_on": "2017-03-01",
    "assessed_by": "Anna Analytiker",
}
INDICATOR_VALUES = {
    "name_sv": INDICATOR,
    "name_en": "Workshops with cluster leaders",
    "unit_sv": "workshoppar",
    "unit_en": "workshops",
    "target": "8",
    "activity": "1",
    "subgoal": "1",
    "method_sv": "Räknas ur deltagarlistorna.",
    "method_en": "",
    "code": "",
}


@pytest.fixture(scope="module")
def qa_url(real_store_url, tmp_path_factory):
    url = copy_store(real_store_url, tmp_path_factory.mktemp("qualitative-ui"))
    assert add_user(url, "projektledare", "manager") == 0
    return url


@pytest.fixture(scope="module")
def qa_app(qa_url):
    return app_on(qa_url)


@pytest.fixture()
def reader(qa_app):
    return qa_app.server.test_client()


@pytest.fixture()
def manager(qa_app):
    qa_app.server.extensions["s3_sign_in_throttle"].reset()
    client = qa_app.server.test_client()
    assert sign_in(client, "projektledare", next_path="/kvalitativa-bedomningar").status_code == 303
    return client


def post(client, changed: str, values: dict) -> dict:
    """POST the callback that `changed` (id.property) fires, as the page does; return the answer's outputs."""
    deps = json.loads(client.get("/_dash-dependencies").get_data(as_text=True))
    dep = next(d for d in deps if any(f"{i['id']}.{i['property']}" == changed for i in d["inputs"]))
    body = {
        "output": dep["output"],
        "outputs": [
            {"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1].split("@")[0]}
            for p in dep["output"].strip(".").split("...")
        ],
        "inputs": [{**i, "value": values.get(f"{i['id']}.{i['property']}")} for i in dep["inputs"]],
        "state": [{**st, "value": values.get(f"{st['id']}.{st['property']}")} for st in dep["state"]],
        "changedPropIds": [changed],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()["response"]


def form_values(form: str, fields: dict, *, pick="ny", loaded=None, revision=0) -> dict:
    values = {f"edit-{form}-{k}.value": v for k, v in fields.items()}
    return values | {
        f"edit-{form}-pick.value": pick,
        f"edit-{form}-loaded.data": loaded or {"id": None, "version": None},
        f"edit-{form}-save.n_clicks": 1,
        "bedomningar-revision.data": revision,
        "milstolpar-revision.data": revision,
        "shell-url.search": "",
    }


def indicator_values(fields: dict) -> dict:
    values = form_values("indicator", fields, loaded={"code": None, "version": None})
    return values


def message(answer: dict, form: str) -> str:
    return json.dumps(answer[f"edit-{form}-message"], ensure_ascii=False)


def counts(url: str) -> tuple[int, ...]:
    """Return how many assessments, value chains, indicators and audit rows the store holds."""
    with engine_for(url).connect() as conn:
        tables = (s.qualitative_assessment, s.value_chain, s.activity_indicator, s.audit_log)
        return tuple(conn.execute(select(func.count()).select_from(t)).scalar() for t in tables)


@pytest.fixture(scope="module")
def recorded(qa_app, qa_url):
    """Let the manager record an assessment and a value chain for Dalarna's manufacturing, and an indicator."""
    qa_app.server.extensions["s3_sign_in_throttle"].reset()
    client = qa_app.server.test_client()
    assert sign_in(client, "projektledare", next_path="/kvalitativa-bedomningar").status_code == 303
    answers = {
        "assessment": post(client, "edit-assessment-save.n_clicks", form_values("assessment", ASSESSMENT)),
        "value-chain": post(client, "edit-value-chain-save.n_clicks", form_values("value-chain", VALUE_CHAIN)),
        "indicator": post(client, "edit-indicator-save.n_clicks", indicator_values(INDICATOR_VALUES)),
    }
    return answers


def test_without_records_the_statistical_verdict_stands_alone_and_says_so(reader):
    markup = static_html(layout_json(reader, "/styrkeomraden?region=17"))
    card = markup[markup.index("Kvalitativ bedömning, värdekedjor och samverkan") :]
    assert "Statistisk bedömning" in card and "Ingen kvalitativ bedömning har förts in." in card
    answer = reader.get("/export/styrkeomraden/qualitative.csv?region=17").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(answer.lstrip("\ufeff"))))
    assert rows and all(r["Kvalitativ bedömning"] == "Ingen kvalitativ bedömning har förts in." for r in rows)
    assert {r["Statistisk bedömning"] for r in rows} >= {"Styrkeområde i näringslivet"}


def test_the_manager_saves_each_record_and_every_field_is_audited(recorded, qa_url):
    assert "Ny post sparad (region, branschnivå, bransch, slutsats" in message(recorded["assessment"], "assessment")
    assert "Ny post sparad" in message(recorded["value-chain"], "value-chain")
    assert "Ny post sparad" in message(recorded["indicator"], "indicator")
    with engine_for(qa_url).connect() as conn:
        audit = s.audit_log
        rows = conn.execute(select(audit.c.entity, audit.c.field, audit.c.username)).all()
        target = conn.execute(
            select(s.activity_indicator.c.target, s.activity_indicator.c.is_example).where(
                s.activity_indicator.c.name_sv == INDICATOR
            )
        ).one()
    assert ("qualitative_assessment", "conclusion_sv", "projektledare") in rows
    assert ("value_chain", "regions_abroad", "projektledare") in rows
    assert ("activity_indicator", "target", "projektledare") in rows
    assert tuple(target) == (8.0, False)


@pytest.mark.parametrize(
    "form,fields,named",
    [
        # a strength area and a test area at once, no conclusion, a day in the future
        (
            "assessment",
            ASSESSMENT | {"test_area": "1", "conclusion_sv": "", "assessed_on": "2999-01-01"},
            [
                "Testområde: ange antingen ett testområde eller en bransch",
                "Slutsats: fältet är tomt",
                "Bedömd den: 2999-01-01 ligger i framtiden",
            ],
        ),
        # neither documents nor interviews: what does the judgement rest on?
        ("assessment", ASSESSMENT | {"documents": "", "interviews": ""}, ["Antal dokument: ange hur många"]),
        # no regions abroad, a position nobody knows
        (
            "value-chain",
            VALUE_CHAIN | {"regions_abroad": "", "position": "överallt"},
            ["Regioner utomlands: fältet är tomt", "Position i kedjan: okänt värde ”överallt”"],
        ),
        # a target below zero, and no delmål
        (
            "indicator",
            INDICATOR_VALUES | {"target": "-3", "subgoal": ""},
            ["Mål: ”-3” är inget tal större än 0", "Delmål: fältet är tomt"],
        ),
    ],
)
def test_bad_input_is_refused_naming_each_field_and_changes_nothing(manager, qa_url, form, fields, named):
    before = counts(qa_url)
    values = indicator_values(fields) if form == "indicator" else form_values(form, fields)
    answer = post(manager, f"edit-{form}-save.n_clicks", values)
    text = message(answer, form)
    assert "Inget sparades" in text and all(n in text for n in named), text
    assert any(answer[f"edit-{form}-{f}"]["invalid"] for f in fields if f"edit-{form}-{f}" in answer)
    assert counts(qa_url) == before


def test_a_request_without_a_managers_session_changes_nothing(reader, qa_url):
    before = counts(qa_url)
    answer = post(reader, "edit-assessment-save.n_clicks", form_values("assessment", ASSESSMENT))
    assert "Du måste vara inloggad som projektledare" in message(answer, "assessment")
    answer = post(reader, "edit-indicator-save.n_clicks", indicator_values(INDICATOR_VALUES))
    assert "Du måste vara inloggad som projektledare" in message(answer, "indicator")
    assert counts(qa_url) == before


def test_an_edit_of_a_record_changed_since_it_was_loaded_is_refused(recorded, manager, qa_url):
    with engine_for(qa_url).connect() as conn:
        ident, version = conn.execute(
            select(s.qualitative_assessment.c.id, s.qualitative_assessment.c.version).where(
                s.qualitative_assessment.c.conclusion_sv == CONCLUSION
            )
        ).one()
    before = counts(qa_url)
    stale = form_values(
        "assessment",
        ASSESSMENT | {"verdict": "forsvagar"},
        pick=str(ident),
        loaded={"id": ident, "version": version - 1},
    )
    text = message(post(manager, "edit-assessment-save.n_clicks", stale), "assessment")
    assert "har ändrats av någon annan" in text and counts(qa_url) == before


def test_a_reader_sees_the_records_beside_the_statistics(recorded, reader):
    markup = static_html(layout_json(reader, "/styrkeomraden?region=20"))
    card = markup[markup.index("Kvalitativ bedömning, värdekedjor och samverkan") :]
    row = card[card.index("Tillverkning (del av industrin)") :]
    row = row[: row.index("</tr>")]
    assert "Styrkeområde i näringslivet" in row  # the statistical verdict, beside ...
    assert "Bekräftar styrkeområdet" in row and CONCLUSION in row and "Anna Analytiker, 2017-02-15" in row
    assert CHAIN in row and "Schweiz: Zürich; Tyskland: Bayern" in row
    assert "12 dokument, 7 intervjuer (2016-09-01 – 2017-01-31)" in row
    register = static_html(layout_json(reader, "/kvalitativa-bedomningar"))
    assert CONCLUSION in register and CHAIN in register
    milestones = json.dumps(layout_json(reader, "/milstolpar"), ensure_ascii=False)
    assert INDICATOR in milestones and "inget utfall rapporterat" in milestones  # no outcome yet: never 0 %


def test_the_records_are_in_the_xlsx_and_csv_exports(recorded, reader):
    book = load_workbook(io.BytesIO(reader.get("/export/styrkeomraden/qualitative.xlsx?region=20").data))
    cells = [str(c) for row in book.worksheets[0].values for c in row]
    assert any(CONCLUSION in c for c in cells) and any(CHAIN in c for c in cells)
    goals = load_workbook(io.BytesIO(reader.get("/export/milstolpar/attainment.xlsx").data)).worksheets[0]
    header, *rows = list(goals.values)
    mine = next(dict(zip(header, r)) for r in rows if r[0] == INDICATOR)
    assert mine["Mål"] == 8 and mine["Delmål"] == 1 and mine["Status"] == "inget utfall rapporterat"
    assert mine["Hur det mäts"] == "Räknas ur deltagarlistorna."


def slide_texts(deck: Presentation) -> list[str]:
    """Return, per slide, its title, texts, pictures' alternative texts and notes as one string."""
    out = []
    for slide in deck.slides:
        parts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
        parts += [sh._element.nvPicPr.cNvPr.get("descr") or "" for sh in slide.shapes if sh.shape_type == 13]
        parts.append(slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "")
        out.append("\n".join(parts))
    return out


def test_the_records_are_in_the_powerpoint_decks(recorded, reader):
    response = reader.get("/export/styrkeomraden.pptx?region=20")
    assert response.status_code == 200, response.get_data(as_text=True)
    slides = slide_texts(Presentation(io.BytesIO(response.data)))
    mine = next(t for t in slides if t.startswith("Kvalitativ bedömning, värdekedjor och samverkan"))
    assert "Tillverkning (del av industrin), Dalarnas län (bekräftar)" in mine and CHAIN in mine
    decks = slide_texts(Presentation(io.BytesIO(reader.get("/export/milstolpar.pptx").data)))
    goals = next(t for t in decks if t.startswith("Aktivitetsindikatorernas måluppfyllelse"))
    assert ": 7 indikatorer" in goals  # six example indicators and the manager's own


def test_a_save_shows_at_once_where_the_page_was_made_before(manager, reader):
    """A cached card is made again after a save (the store's version moves on), in every worker that shares it."""
    conclusion = "Finansiella tjänster är en bredare styrka än siffrorna visar."
    assert conclusion not in static_html(layout_json(reader, "/styrkeomraden?region=21"))  # made and cached
    fields = ASSESSMENT | {"region": "21", "industry": "K", "verdict": "tillfor", "conclusion_sv": conclusion}
    assert "Ny post sparad" in message(
        post(manager, "edit-assessment-save.n_clicks", form_values("assessment", fields)), "assessment"
    )
    markup = static_html(layout_json(reader, "/styrkeomraden?region=21"))
    row = markup[markup.index(conclusion) - 2000 : markup.index(conclusion)]
    assert "Tillför ett styrkeområde" in row and "(inget styrkeområde enligt regeln)" in row
