"""Hold the rest of the plan in its own words: target groups, organisation, delimitations, the
counties' own processes, the dated milestones, and the notes on slips and cut-off labels.

The Swedish texts are quoted word for word from /work/shared/plan/projektpresentation.txt (the
slides' line breaks joined with a space); tests/test_plan_text.py compares them with that file.
Evident slips stay as written and get a "sic" note; where a slide's label is missing from the
extracted text, a note says so instead of a guess. The English texts are the dashboard's
translation, and plan_field_origin says so for every field.
"""

from __future__ import annotations

from datetime import date

from . import content
from . import schema as s

# code, region, title_sv, title_en, title_in_plan, items: (label_sv, label_en, text_sv, text_en)
SECTIONS = [
    (
        "malgrupper",
        None,
        "Målgrupper och intressenter",
        "Target groups and stakeholders",
        False,
        [
            (None, None, "Vinnova", "Vinnova"),
            (None, None, "Regionerna (Utvecklingsfrågor)", "The regions (development issues)"),
            (None, None, "Kommunerna", "The municipalities"),
            (None, None, "Små och medelstora företag", "Small and medium-sized enterprises"),
            (None, None, "Internationella kluster och miljöer", "International clusters and environments"),
            (None, None, "Entreprenörer", "Entrepreneurs"),
            (None, None, "Inkubatorer", "Incubators"),
            (None, None, "EEN", "EEN"),
            (None, None, "Almi Företagspartner", "Almi Företagspartner"),
            (None, None, "Partnerregioner", "Partner regions"),
            (None, None, "Europeiska och nationella nätverk", "European and national networks"),
            (None, None, "Science parks", "Science parks"),
            (None, None, "Regionerna (Brysselkontoren)", "The regions (their Brussels offices)"),
        ],
    ),
    (
        "avgransningar",
        None,
        "Avgränsningar",
        "Delimitations",
        True,
        [
            (None, None, "Mot regionala processer", "Boundary with the regional processes"),
            (None, None, "Mot kunskapsområden", "Boundary with the knowledge areas"),
        ],
    ),
    (
        "lansprocess_20",
        "20",
        "Analysunderlag - Dalarna",
        "Analyses - Dalarna",
        True,
        [
            ("Monitoring", "Monitoring", "Ta fram modell", "Develop a model"),
            (
                "Strategi",
                "Strategy",
                "Strategi med samverkansavtal och klusterstrategi",
                "Strategy with a collaboration agreement and a cluster strategy",
            ),
            (
                "Analyser",
                "Analyses",
                "Självskattningsanalyser och lärande Oberoende styrkeområdesanalys Klusterkartering",
                "Self-assessment analyses and learning; independent strength-area analysis; cluster mapping",
            ),
            (None, None, "Samsyn kring möjliga styrkeområden", "A shared view of possible strength areas"),
        ],
    ),
    (
        "lansprocess_17",
        "17",
        "Analysunderlag - Värmland",
        "Analyses - Värmland",
        True,
        [
            ("Monitoring", "Monitoring", "Ta fram modell", "Develop a model"),
            (
                "Strategi",
                "Strategy",
                "Strategi som grund för att etablera mötesplatser och verktyg, Akademin för smart specialisering",
                "Strategy as the basis for establishing meeting places and tools, the Academy for Smart Specialisation",
            ),
            ("Analys", "Analysis", "Genusperspektiv på strategiutkastet", "A gender perspective on the draft strategy"),
            (None, None, "Strategi utkast", "Strategy draft"),
        ],
    ),
]


def _staff(role_sv: str, role_en: str, person: str | None, share: float) -> tuple:
    """Return a staff line as the plan writes it ("Projektledare: David Paulsson (100%)") and its parts."""
    sv = f"{role_sv}: {person} ({share:g}%)" if person else f"{role_sv} ({share:g}%)"
    en = f"{role_en}: {person} ({share:g}%)" if person else f"{role_en} ({share:g}%)"
    return (sv, en, role_sv, role_en, person, share, None, None)


def _own_time(name_sv: str, name_en: str, hours: int, university: str) -> tuple:
    """Return a university's own-time line as the plan writes it ("Högskolan Dalarna (1800 timmar)")."""
    return (f"{name_sv} ({hours} timmar)", f"{name_en} ({hours:,} hours)", None, None, None, None, hours, university)


def _named(text_sv: str, text_en: str, person: str | None = None) -> tuple:
    return (text_sv, text_en, None, None, person, None, None, None)


# code, title_sv, title_en, roles: (text_sv, text_en, role_sv, role_en, person, share %, hours, university).
# text_sv is built from its parts; tests/test_plan_text.py checks it against the plan like every other text.
ORGANISATION = [
    (
        "projektpersonal",
        "Projektpersonal",
        "Project staff",
        [
            _staff("Projektledare", "Project manager", "David Paulsson", 100.0),
            _staff("Delprojektledare", "Sub-project manager", "Anna Klerby", 50.0),
            _staff("Delprojektledare", "Sub-project manager", "Lili André", 50.0),
            _staff("Kommunikatör", "Communications officer", "Jenny Eldh", 50.0),
            _staff("Projektekonom", "Project accountant", "Erika Holmberg", 30.0),
            _staff("Projektekonom Gävleborg", "Project accountant, Gävleborg", None, 5.0),
        ],
    ),
    (
        "larosaten_egen_tid",
        "Lärosäten (egen tid)",
        "Universities (own time)",
        [
            _own_time("Högskolan Dalarna", "Dalarna University", 1800, "du"),
            _own_time("Högskolan i Gävle", "University of Gävle", 1800, "hig"),
            _own_time("Karlstad Universitet", "Karlstad University", 300, "kau"),
        ],
    ),
    (
        "styrgrupp",
        "Styrgrupp",
        "Steering group",
        [
            _named(name, name, name)
            for name in (
                "Anders Olsson",
                "Carina Åkerberg",
                "Monika Jönsson",
                "Håkan Spjuth",
                "Sigrid Saveljeff",
                "Maivor Hallén",
            )
        ],
    ),
    (
        "referensgrupper",
        "Referensgrupper",
        "Reference groups",
        [_named("Intressenter", "Stakeholders"), _named("Kluster", "Clusters"), _named("Regioner", "Regions")],
    ),
]

# Milestones the plan dates to the day, by their text: (planned_on, label_sv as in the plan, label_en).
MILESTONE_DATES = {
    "Praktisk projektstart": (date(2016, 4, 1), "1 apr 2016", "1 Apr 2016"),
    "Projektets slutdatum": (date(2018, 7, 31), "31 jul 2018", "31 Jul 2018"),
}

PLAN = "plan"  # the plan's words
TRANSLATION = "oversattning"  # the dashboard's translation
READING = "tolkning"  # the dashboard's reading of the plan
ORIGIN_WORDS = {
    PLAN: ("planens ordalydelse", "the plan's wording"),
    TRANSLATION: ("översättning", "translation"),
    READING: ("dashboardens tolkning", "the dashboard's reading"),
}
_NOT_STATED_SV = "Planen säger det inte i ord; det är dashboardens läsning"
_NOT_STATED_EN = "The plan does not say so in words; it is the dashboard's reading"
# entity, field, origin, note_sv, note_en
FIELD_ORIGINS = [
    *[(e, f, PLAN, None, None) for e, f in (("activity", "name_sv"), ("activity", "description_sv"))],
    *[(e, f, TRANSLATION, None, None) for e, f in (("activity", "name_en"), ("activity", "description_en"))],
    ("subgoal", "text_sv", PLAN, None, None),
    ("subgoal", "text_en", TRANSLATION, None, None),
    ("milestone", "text_sv", PLAN, None, None),
    ("milestone", "text_en", TRANSLATION, None, None),
    (
        "milestone",
        "activity",
        READING,
        f"{_NOT_STATED_SV} vilken aktivitet en milstolpe hör till.",
        f"{_NOT_STATED_EN} which activity a milestone belongs to.",
    ),
    (
        "milestone",
        "subgoal",
        READING,
        "Följer av milstolpens aktivitet och aktivitetens delmål.",
        "Follows from the milestone's activity and that activity's sub-goal.",
    ),
    (
        "activity_subgoal",
        "subgoal",
        READING,
        f"{_NOT_STATED_SV} vilket delmål en aktivitet tjänar; dashboarden läser det ur den ordalydelse de delar.",
        f"{_NOT_STATED_EN} which sub-goal an activity serves; the dashboard reads it from the wording they share.",
    ),
    ("milestone_date", "label_sv", PLAN, None, None),
    ("milestone_date", "planned_on", PLAN, None, None),
    ("milestone_date", "label_en", TRANSLATION, None, None),
    (
        "plan_section",
        "title_sv",
        PLAN,
        "Utom där title_in_plan är falskt: då saknas bildens rubrik och rubriken är dashboardens.",
        "Except where title_in_plan is false: the slide's heading is missing and the title is the dashboard's.",
    ),
    ("plan_section", "title_en", TRANSLATION, None, None),
    *[(e, f, PLAN, None, None) for e, f in (("plan_item", "label_sv"), ("plan_item", "text_sv"))],
    *[(e, f, TRANSLATION, None, None) for e, f in (("plan_item", "label_en"), ("plan_item", "text_en"))],
    ("project_role", "text_sv", PLAN, None, None),
    ("project_role", "text_en", TRANSLATION, None, None),
    ("project_role", "role_en", TRANSLATION, None, None),
    *[
        (
            "project_role",
            f,
            PLAN,
            "Läst ur planens rad (text_sv).",
            "Read from the plan's line (text_sv).",
        )
        for f in ("role_sv", "person", "share_percent", "hours")
    ],
    (
        "project_role",
        "university",
        READING,
        "Vilket lärosäte i databasen planens rad avser.",
        "Which university in the store the plan's line means.",
    ),
]

SIC = "sic"  # an evident slip, kept as the plan writes it
CUT_OFF = "avkortad"  # the slide's label is cut off or missing in the extracted text
REMARK = "anmarkning"  # anything else a reader should know about the text
NOTE_KINDS = {
    SIC: ("sic", "sic"),
    CUT_OFF: ("rubrik saknas", "label missing"),
    REMARK: ("anmärkning", "remark"),
}
_NO_LABEL_SV = "Rutan har ingen rubrik i den utdragna texten; ingen rubrik har gissats."
_NO_LABEL_EN = "The box has no label in the extracted text; none has been guessed."
# entity, record (activity/subgoal number, milestone text, section code, or (section, text_sv)), field, kind, sv, en
NOTES = [
    (
        "activity",
        2,
        "name_sv",
        SIC,
        "Så står det i planen; troligen avses ”Lärosätenas roll i innovationssystemet”.",
        "As the plan writes it; probably meant: “Lärosätenas roll i innovationssystemet” (the universities' role "
        "in the innovation system).",
    ),
    (
        "activity",
        1,
        "description_sv",
        SIC,
        "”de regionala tillväxtarbetet” står så i planen; troligen avses ”det regionala tillväxtarbetet”.",
        "“de regionala tillväxtarbetet” is as the plan writes it; probably meant: “det regionala tillväxtarbetet”.",
    ),
    (
        "activity",
        4,
        "description_sv",
        SIC,
        "”forsning” står så i planen; avses ”forskning”.",
        "“forsning” is as the plan writes it; meant: “forskning” (research).",
    ),
    (
        "activity",
        3,
        "description_sv",
        REMARK,
        "Planen ger aktivitet 3 samma beskrivning som aktivitet 2, ord för ord.",
        "The plan gives activity 3 the same description as activity 2, word for word.",
    ),
    (
        "subgoal",
        2,
        "text_sv",
        SIC,
        "”förmågor att medverkan” står så i planen; troligen avses ”förmågor att medverka”.",
        "“förmågor att medverkan” is as the plan writes it; probably meant: “förmågor att medverka” (ability to "
        "take part).",
    ),
    (
        "project_role",
        ("larosaten_egen_tid", "Karlstad Universitet (300 timmar)"),
        "text_sv",
        SIC,
        "Så skriver planen; lärosätets namn är Karlstads universitet.",
        "As the plan writes it; the university's name is Karlstads universitet.",
    ),
    (
        "project_role",
        ("projektpersonal", "Projektekonom Gävleborg (5%)"),
        "person",
        REMARK,
        "Planen anger ingen person för rollen.",
        "The plan names no person for the role.",
    ),
    (
        "plan_section",
        "styrgrupp",
        "title_sv",
        REMARK,
        "Planen anger bara namnen, inte vilken organisation ledamöterna företräder.",
        "The plan gives only the names, not which organisation each member represents.",
    ),
    (
        "plan_section",
        "malgrupper",
        "title_sv",
        CUT_OFF,
        "Bildens rubrik finns inte i den utdragna texten; rubriken ”Målgrupper och intressenter” är dashboardens. "
        "De tre första posterna har punkttecken i texten, de övriga inte; om bilden delade listan i målgrupper och "
        "intressenter går inte att se.",
        "The slide's heading is missing from the extracted text; the title “Target groups and stakeholders” is the "
        "dashboard's. The first three entries carry bullets in the text, the others do not; whether the slide split "
        "the list into target groups and stakeholders cannot be seen.",
    ),
    (
        "plan_section",
        "avgransningar",
        "title_sv",
        REMARK,
        "Bilden ger bara de två rubrikerna; vad avgränsningarna innebär står inte i texten.",
        "The slide gives only the two headings; what the delimitations mean is not in the text.",
    ),
    *[
        (
            "plan_section",
            code,
            "title_sv",
            REMARK,
            "Rubrik och text paras ihop i den ordning den utdragna texten ger dem; bildens grafik (pilar, rutornas "
            "placering) finns inte i texten.",
            "Labels and texts are paired in the order the extracted text gives them; the slide's graphics (arrows, "
            "where the boxes sit) are not in the text.",
        )
        for code in ("lansprocess_20", "lansprocess_17")
    ],
    (
        "plan_item",
        ("lansprocess_20", "Självskattningsanalyser och lärande Oberoende styrkeområdesanalys Klusterkartering"),
        "text_sv",
        REMARK,
        "Står på en rad i den utdragna texten; troligen tre delar: självskattningsanalyser och lärande, oberoende "
        "styrkeområdesanalys, klusterkartering.",
        "One line in the extracted text; probably three parts: self-assessment analyses and learning, independent "
        "strength-area analysis, cluster mapping.",
    ),
    (
        "plan_item",
        ("lansprocess_20", "Samsyn kring möjliga styrkeområden"),
        "label_sv",
        CUT_OFF,
        _NO_LABEL_SV,
        _NO_LABEL_EN,
    ),
    ("plan_item", ("lansprocess_17", "Strategi utkast"), "label_sv", CUT_OFF, _NO_LABEL_SV, _NO_LABEL_EN),
]


def milestone_ids() -> dict[str, int]:
    """Return the id the build gives each milestone text (its place in content.MILESTONES, from 1)."""
    return {text_sv: i + 1 for i, (_y, _q, text_sv, _en, _a) in enumerate(content.MILESTONES)}


def rows() -> dict:
    """Return rows for the plan's own words: sections, items, organisation, links, dates, origins, notes."""
    sections, items, roles = [], [], []
    item_ids, role_ids = {}, {}
    for sort, (code, region, tsv, ten, in_plan, entries) in enumerate(SECTIONS):
        sections.append(dict(code=code, sort=sort, region=region, title_sv=tsv, title_en=ten, title_in_plan=in_plan))
        for k, (lsv, l_en, xsv, xen) in enumerate(entries):
            ident = len(items) + 1
            item_ids[(code, xsv)] = ident
            items.append(dict(id=ident, section=code, sort=k, label_sv=lsv, label_en=l_en, text_sv=xsv, text_en=xen))
    for sort, (code, tsv, ten, entries) in enumerate(ORGANISATION, start=len(SECTIONS)):
        sections.append(dict(code=code, sort=sort, region=None, title_sv=tsv, title_en=ten, title_in_plan=True))
        for k, (xsv, xen, rsv, ren, person, share, hours, uni) in enumerate(entries):
            ident = len(roles) + 1
            role_ids[(code, xsv)] = ident
            roles.append(
                dict(id=ident, section=code, sort=k, text_sv=xsv, text_en=xen, role_sv=rsv, role_en=ren)
                | dict(person=person, share_percent=share, hours=hours, university=uni)
            )
    ids = milestone_ids()
    records = {"plan_item": item_ids, "project_role": role_ids, "milestone": ids}
    notes = [  # a note whose record is not found fails the build (KeyError), never lands on nothing
        dict(entity=e, record=str(records[e][r] if e in records else r), field=f, kind=k, note_sv=sv, note_en=en)
        for e, r, f, k, sv, en in NOTES
    ]
    return {
        s.plan_section: sections,
        s.plan_item: items,
        s.project_role: roles,
        s.activity_subgoal: [dict(activity=a, subgoal=g) for a, g in content.ACTIVITY_SUBGOAL.items()],
        s.milestone_date: [
            dict(milestone=ids[text], planned_on=day, label_sv=lsv, label_en=l_en)
            for text, (day, lsv, l_en) in MILESTONE_DATES.items()
        ],
        s.plan_field_origin: [
            dict(entity=e, field=f, origin=o, note_sv=nsv, note_en=nen) for e, f, o, nsv, nen in FIELD_ORIGINS
        ],
        s.plan_note: notes,
    }
