"""List every qualitative assessment and value-chain note, for readers and for the manager's record picker.

Each record names its subject (a region's industry at a level, or a test area), says what it is, and
links to Styrkeområden at that region and level, where it stands beside the statistical verdict.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
from dash import html

from charts.styrkeomraden.qualitative_words import assessment_words, chain_words
from i18n import tx
from indicators.levels import LEVEL_NAMES
from indicators.qualitative import qualitative_assessments, value_chains, verdict_word

from ..qualitative_table import evidence, example_mark, shown
from ..static_html import static


def subject_text(row: dict, lang: str) -> str:
    """Return 'Dalarnas län · Stål- och metallframställning (SNI-avdelning 24)' or 'Gävleborgs län · testområde …'."""
    region = row["region_name_en" if lang == "en" else "region_name_sv"]
    if row["subject"] == "testomrade":
        area = row["test_area_name_en" if lang == "en" else "test_area_name_sv"]
        return f"{region} · {tx(lang, 'testområde', 'test area')} {area}"
    industry = row["industry_name_en" if lang == "en" else "industry_name_sv"] or row["industry"]
    return f"{region} · {industry} ({tx(lang, *LEVEL_NAMES[row['level']])} {row['industry']})"


def view_href(row: dict, lang: str) -> str:
    """Return the Styrkeområden address that shows the record beside the statistics."""
    query = {"region": row["region"]} | ({"level": row["level"]} if row["level"] else {})
    return "/styrkeomraden?" + urlencode(query | ({"lang": "en"} if lang == "en" else {}))


def picker_options(frame: pd.DataFrame, lang: str, kind: str) -> list[dict]:
    """Return the records as picker options: '#3 · Dalarnas län · … · 2017-03-10 · tillför (exempeldata)'."""
    example = tx(lang, " (exempeldata)", " (example data)")
    out = []
    for r in frame.to_dict("records"):
        what = verdict_word(r["verdict"], lang) if kind == "assessment" else r["chain_sv"]
        label = f"#{r['id']} · {subject_text(r, lang)} · {r['assessed_on']} · {what}"
        out.append({"label": label + (example if r["is_example"] else ""), "value": str(r["id"])})
    return out


def _entry(row: dict, words: dict, lang: str, kind: str) -> html.Li:
    if kind == "assessment":
        head = [html.Strong(words["sentence"]), ": ", *shown(words, "conclusion")]
    else:
        head = [html.Strong(shown(words, "chain")), " – ", words["regions"], " – ", words["position"]]
    subject = [html.Span(subject_text(row, lang), className="fw-semibold"), example_mark(row["is_example"], lang)]
    return html.Li(
        [
            html.Div(subject),
            html.Div(head),
            evidence(words, lang),
            html.A(
                tx(lang, "Visa i Styrkeområden", "Show in Strength areas"), href=view_href(row, lang), className="small"
            ),
        ],
        id=f"{kind}-{row['id']}",
        className="qa-entry",
    )


def record_list(frame: pd.DataFrame, lang: str, kind: str, empty: str):
    if frame.empty:
        return html.P(empty, className="qa-none")
    words = assessment_words(frame, lang) if kind == "assessment" else chain_words(frame, lang)
    return html.Ul([_entry(r, w, lang, kind) for r, w in zip(frame.to_dict("records"), words)], className="qa-entries")


def records_section(conn, lang: str) -> list:
    """Return every assessment and value chain, newest first, as static HTML."""
    assessments, chains = qualitative_assessments(conn), value_chains(conn)
    return [
        html.H2(tx(lang, "Bedömningar", "Assessments"), className="h4 mt-3"),
        static(
            record_list(
                assessments,
                lang,
                "assessment",
                tx(lang, "Ingen kvalitativ bedömning har förts in.", "No qualitative assessment has been entered."),
            )
        ),
        html.H2(tx(lang, "Internationella värdekedjor", "International value chains"), className="h4 mt-3"),
        static(
            record_list(
                chains, lang, "chain", tx(lang, "Ingen värdekedja har förts in.", "No value chain has been entered.")
            )
        ),
    ]
