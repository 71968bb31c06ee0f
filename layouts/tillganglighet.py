"""Lay out the accessibility statement (tillgänglighetsredogörelse) after DIGG's model.

Lag (2018:1937) om tillgänglighet till digital offentlig service asks every public website to
publish one: how accessible the site is, what is known not to work, how to report a barrier,
and where to complain (DIGG supervises). The contact address is a setting (ACCESSIBILITY_CONTACT);
without it the page points to the three regions, never to an invented address.
"""

from __future__ import annotations

import os
from datetime import date

import flask
from dash import html

from i18n import tx

# Date of the last self-assessment (automated axe-core checks, keyboard and phone tests).
ASSESSED = date(2026, 11, 28)
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"
LAW_URL = "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/lag-20181937-om-tillganglighet-till-digital_sfs-2018-1937/"
REGIONS = [
    ("Region Värmland", "https://www.regionvarmland.se/"),
    ("Region Dalarna", "https://www.regiondalarna.se/"),
    ("Region Gävleborg", "https://www.regiongavleborg.se/"),
]

# Known shortcomings: WCAG success criterion, Swedish text, English text.
KNOWN_ISSUES = [
    (
        "2.1.1",
        "Hovringsrutorna i diagrammen (Plotly), som visar ett enskilt värde när man pekar på det, går bara att "
        "öppna med mus eller pekskärm. Samma siffror finns i textsammanfattningen under varje diagram och i "
        "tabellvyn (”Visa tabell”), som fungerar med tangentbord och skärmläsare.",
        "The charts' hover boxes (Plotly), which show a single value when you point at it, open only with a mouse "
        "or a touch screen. The same numbers are in the text summary below each chart and in the table view "
        "(“Show table”), which work with the keyboard and screen readers.",
    ),
]


def contact(lang: str) -> list:
    """Return how to reach the site's owners: the configured address, else the regions' own sites."""
    address = (flask.current_app.config.get("ACCESSIBILITY_CONTACT") if flask.has_app_context() else None) or (
        os.environ.get("ACCESSIBILITY_CONTACT")
    )
    if address:
        return [
            tx(lang, "E-post: ", "E-mail: "),
            html.A(address, href=f"mailto:{address}"),
            tx(lang, ". Vi svarar normalt inom två arbetsdagar.", ". We normally reply within two working days."),
        ]
    links: list = []
    for i, (name, url) in enumerate(REGIONS):
        links += [", " if 0 < i < len(REGIONS) - 1 else tx(lang, " eller ", " or ") if i else ""]
        links.append(html.A(name, href=url))
    return [
        tx(
            lang,
            "Kontakta någon av regionerna som står bakom dashboarden: ",
            "Contact one of the regions behind the dashboard: ",
        ),
        *links,
        tx(lang, ". Skriv att det gäller S3-dashboarden.", ". Say that it concerns the S3 dashboard."),
    ]


def intro(lang: str) -> list:
    """Return the heading and who stands behind the dashboard."""
    return [
        html.H1(tx(lang, "Tillgänglighetsredogörelse", "Accessibility statement")),
        html.P(
            tx(
                lang,
                "Region Värmland, Region Dalarna och Region Gävleborg står bakom dashboarden Smart "
                "specialisering i Norra Mellansverige. Vi vill att så många som möjligt ska kunna använda den. "
                "Här beskriver vi hur dashboarden uppfyller lagen om tillgänglighet till digital offentlig "
                "service, vilka kända brister som finns och hur du kan rapportera brister till oss så att vi "
                "kan åtgärda dem.",
                "Region Värmland, Region Dalarna and Region Gävleborg are responsible for the dashboard Smart "
                "specialisation in North Middle Sweden. We want as many people as possible to be able to use "
                "it. This statement describes how the dashboard complies with the Swedish law on accessibility "
                "of digital public services, the known shortcomings, and how to report a barrier to us so that "
                "we can fix it.",
            ),
            className="lead",
        ),
    ]


def how_accessible(lang: str) -> list:
    """Return how accessible the dashboard is meant to be."""
    return [
        html.H2(tx(lang, "Hur tillgänglig är dashboarden?", "How accessible is the dashboard?"), className="h4"),
        html.P(
            tx(
                lang,
                "Dashboarden ska gå att använda med bara tangentbord, med skärmläsare, med förstoring och på en "
                "mobil. Varje diagram har en textsammanfattning och en tabell med samma siffror, och allt finns "
                "på svenska och engelska. Vi känner till att delar av dashboarden inte är helt tillgängliga; "
                "de beskrivs nedan.",
                "The dashboard is meant to be usable with the keyboard alone, with a screen reader, with "
                "magnification and on a phone. Every chart has a text summary and a table of the same numbers, "
                "and everything is available in Swedish and English. We know that parts of the dashboard are "
                "not fully accessible; they are described below.",
            )
        ),
    ]


def if_you_cannot(lang: str) -> list:
    """Return what a reader can do when a part cannot be used."""
    return [
        html.H2(
            tx(
                lang,
                "Vad kan du göra om du inte kan använda delar av dashboarden?",
                "What can you do if you cannot use parts of the dashboard?",
            ),
            className="h4",
        ),
        html.P(
            tx(
                lang,
                "Alla siffror går att ladda ner som CSV under varje diagram. Behöver du innehållet i ett annat "
                "format, hör av dig så hjälper vi dig.",
                "Every number can be downloaded as CSV below each chart. If you need the content in another "
                "format, get in touch and we will help you.",
            )
        ),
    ]


def report(lang: str) -> list:
    """Return how to report a barrier, and to whom."""
    return [
        html.H2(
            tx(lang, "Rapportera brister i tillgängligheten", "Report a barrier to accessibility"),
            className="h4",
            id="rapportera",
        ),
        html.P(
            tx(
                lang,
                "Vi försöker hela tiden förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs "
                "här, eller om du anser att vi inte uppfyller lagens krav, berätta det för oss. Beskriv vilken "
                "sida det gäller (kopiera gärna adressen), vad du försökte göra och vilket hjälpmedel du använder.",
                "We keep improving the accessibility. If you find a problem that is not described here, or if "
                "you think we do not meet the requirements of the law, please tell us. Say which page it "
                "concerns (copy the address if you can), what you tried to do and which assistive technology "
                "you use.",
            )
        ),
        html.P(contact(lang), className="a11y-contact"),
    ]


def enforcement(lang: str) -> list:
    """Return who supervises the law (DIGG) and where to complain."""
    return [
        html.H2(tx(lang, "Tillsyn", "Enforcement"), className="h4"),
        html.P(
            [
                tx(
                    lang,
                    "Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över ",
                    "The Agency for Digital Government (DIGG) supervises the ",
                ),
                html.A(
                    tx(
                        lang,
                        "lagen om tillgänglighet till digital offentlig service",
                        "Swedish law on accessibility of digital public services",
                    ),
                    href=LAW_URL,
                ),
                tx(
                    lang,
                    ". Om du inte är nöjd med hur vi hanterar dina synpunkter kan du ",
                    ". If you are not satisfied with how we handle your report, you can ",
                ),
                html.A(
                    tx(lang, "anmäla det till DIGG", "report it to DIGG"),
                    href=DIGG_REPORT_URL,
                ),
                ".",
            ]
        ),
    ]


def technical(lang: str) -> list:
    """Return the compliance status and the known shortcomings."""
    return [
        html.H2(tx(lang, "Teknisk information om tillgängligheten", "Technical information"), className="h4"),
        html.P(
            tx(
                lang,
                "Dashboarden är delvis förenlig med lagen om tillgänglighet till digital offentlig service, "
                "på grund av de brister som beskrivs nedan. Målet är WCAG 2.1 nivå AA, som lagen hänvisar "
                "till genom standarden EN 301 549.",
                "The dashboard is partially compliant with the Swedish law on accessibility of digital public "
                "services, because of the shortcomings described below. The target is WCAG 2.1 level AA, to "
                "which the law refers through the standard EN 301 549.",
            )
        ),
        html.H3(tx(lang, "Innehåll som inte är tillgängligt", "Content that is not accessible"), className="h5"),
        html.Ul(
            [html.Li([html.Strong(f"WCAG {criterion}: "), tx(lang, sv, en)]) for criterion, sv, en in KNOWN_ISSUES]
        ),
    ]


def testing(lang: str) -> list:
    """Return how the dashboard was tested and when."""
    assessed = ASSESSED.isoformat()
    return [
        html.H2(tx(lang, "Hur vi testat dashboarden", "How we tested the dashboard"), className="h4"),
        html.P(
            tx(
                lang,
                "Vi har gjort en självskattning (intern testning). Varje vy testas automatiskt på svenska och "
                "engelska, i datorbredd och i mobilbredd (375 pixlar), med verktyget axe-core i webbläsaren "
                "Chromium. Vi testar också att en vy går att använda med bara tangentbord och att fokus syns. "
                f"Senaste bedömningen gjordes {assessed}.",
                "We have made a self-assessment (internal testing). Every view is tested automatically in "
                "Swedish and English, at desktop width and at phone width (375 pixels), with the axe-core tool "
                "in the Chromium browser. We also test that a view can be used with the keyboard alone and that "
                f"the focus is visible. The latest assessment was made on {assessed}.",
            )
        ),
        html.P(
            tx(
                lang,
                f"Redogörelsen uppdaterades senast {assessed}.",
                f"This statement was last updated on {assessed}.",
            ),
            className="text-muted small",
        ),
    ]


def layout(lang: str = "sv") -> html.Div:
    sections = (intro, how_accessible, if_you_cannot, report, enforcement, technical, testing)
    return html.Div([part for section in sections for part in section(lang)], className="statement")


def page(conn, lang: str, query: dict):
    return layout(lang), []
