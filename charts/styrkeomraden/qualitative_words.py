"""Write the qualitative half of the strength analysis in words: assessments, value chains, cluster initiatives.

Each record becomes one dict of plain strings in the page's language (verdict, text, evidence, who
and when, example or not), used alike by the page's table, the export table and the slide's picture.
A record never shares a sentence with another: an example record stays marked on its own.
"""

from __future__ import annotations

import pandas as pd

from i18n import counted, fmt_number, tx
from indicators.qualitative import position_word, verdict_word

NO_ASSESSMENT = ("Ingen kvalitativ bedömning har förts in.", "No qualitative assessment has been entered.")
NO_CHAIN = ("Ingen värdekedja har förts in.", "No value chain has been entered.")
NO_CLUSTER = ("Inget klusterinitiativ är kopplat till området.", "No cluster initiative is linked to the area.")
VERDICT_SENTENCES = {  # what the judgement does to the area, as a reader says it
    "bekraftar": ("Bekräftar styrkeområdet", "Confirms the strength area"),
    "forsvagar": ("Försvagar styrkeområdet", "Weakens the strength area"),
    "tillfor": ("Tillför ett styrkeområde", "Adds a strength area"),
}


ONLY_SWEDISH = " (only in Swedish)"


def _text(row, field: str, lang: str) -> tuple[str, bool]:
    """Return a record's text in the language, and whether it is the Swedish because no English was entered."""
    english = row.get(field.removesuffix("_sv") + "_en")
    if lang == "en" and isinstance(english, str) and english.strip():
        return english, False
    value = row.get(field)
    if not isinstance(value, str) or not value.strip():
        return "", False
    return value, lang == "en"


def _texts(words: dict, key: str, row, field: str, lang: str) -> dict:
    """Add words[key] (the text) and words[key + '_in_sv'] (shown in Swedish on an English page)."""
    words[key], words[key + "_in_sv"] = _text(row, field, lang)
    return words


def plain(words: dict, key: str) -> str:
    """Return a text for a file or a picture: marked '(only in Swedish)' where it is the Swedish fallback."""
    return words[key] + (ONLY_SWEDISH if words.get(key + "_in_sv") else "")


def _day(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value or "")


def evidence_counts(row, lang: str) -> str:
    """Return '14 dokument, 9 intervjuer (2016-09-01 – 2017-01-31)' for one assessment or value chain, or ''."""
    counts = []
    documents, interviews = row.get("documents"), row.get("interviews")
    if documents is not None and not pd.isna(documents):
        counts.append(counted(int(documents), lang, ("dokument", "dokument"), ("document", "documents")))
    if interviews is not None and not pd.isna(interviews):
        counts.append(counted(int(interviews), lang, ("intervju", "intervjuer"), ("interview", "interviews")))
    first, last = row.get("evidence_from"), row.get("evidence_to")
    span = f" ({_day(first) or '…'} – {_day(last) or '…'})" if first or last else ""
    return ", ".join(counts) + span


def evidence_text(words: dict, lang: str) -> str:
    """Return the whole evidence line for a file: counts, period and which documents and interviews."""
    what = plain(words, "evidence_what")
    text = f"{words['evidence']}: {what}" if words["evidence"] and what else words["evidence"] or what
    return text or tx(lang, "underlaget är inte angivet", "the evidence is not stated")


def by_text(row, lang: str) -> str:
    return tx(lang, "Bedömd av ", "Assessed by ") + f"{row['assessed_by']}, {_day(row['assessed_on'])}"


def _record(r, lang: str) -> dict:
    words = {"evidence": evidence_counts(r, lang), "by": by_text(r, lang), "is_example": bool(r["is_example"])}
    _texts(words, "evidence_what", r, "evidence_sv", lang)
    words["evidence_what"] = words["evidence_what"].rstrip(". ")  # the line goes on after it: ". Bedömd av …"
    return words


def assessment_words(frame: pd.DataFrame, lang: str) -> list[dict]:
    """Return each assessment as words: verdict, verdict_code, sentence, conclusion, evidence (counts and
    period), evidence_what, by, is_example; a text shown in Swedish on an English page has key_in_sv True."""
    out = []
    for r in frame.to_dict("records"):
        words = _record(r, lang) | {
            "verdict": verdict_word(r["verdict"], lang),
            "verdict_code": r["verdict"],
            "sentence": tx(lang, *VERDICT_SENTENCES.get(r["verdict"], (r["verdict"], r["verdict"]))),
        }
        out.append(_texts(words, "conclusion", r, "conclusion_sv", lang))
    return out


def chain_words(frame: pd.DataFrame, lang: str) -> list[dict]:
    """Return each value chain as words: chain, regions abroad, position, position_note, evidence, evidence_what,
    by, is_example (key_in_sv as for assessments)."""
    out = []
    for r in frame.to_dict("records"):
        words = _record(r, lang) | {
            "regions": "; ".join(r["regions_abroad"]),
            "position": position_word(r["position"], lang),
        }
        _texts(words, "chain", r, "chain_sv", lang)
        out.append(_texts(words, "position_note", r, "position_note_sv", lang))
    return out


def cluster_words(frame: pd.DataFrame, lang: str) -> list[dict]:
    """Return each cluster initiative with its latest phase in words ('Mognad, 2020'), or that none is assessed."""
    out = []
    for r in frame.to_dict("records"):
        phase = r.get("phase_name_en" if lang == "en" else "phase_name_sv")
        if isinstance(phase, str):
            when = f", {int(r['phase_year'])}" if not pd.isna(r["phase_year"]) else ""
            phase_text = f"{phase}{when}"
        else:
            phase_text = tx(lang, "fas inte bedömd", "phase not assessed")
        example = r.get("phase_is_example")
        out.append(
            {"name": r["name"], "phase": phase_text, "is_example": bool(example) if not pd.isna(example) else False}
        )
    return out


def position_text(words: dict) -> str:
    """Return 'mitt i kedjan: tillverkning och förädling (note)' for a file or a picture."""
    note = plain(words, "position_note")
    return words["position"] + (f" ({note})" if words["position_note"] else "")


CUT = 180  # characters of one record's text in the picture


def _short(text: str) -> str:
    return text if len(text) <= CUT else text[: CUT - 1].rsplit(" ", 1)[0] + " …"


def _marked(text: str, example: bool, lang: str) -> str:
    return text + (tx(lang, " [exempeldata]", " [example data]") if example else "")


def picture_cells(row: dict, lang: str) -> list[str]:
    """Return the five cells of one area for the export picture: area, statistical verdict, assessments, value
    chains, clusters (long texts shortened: the whole text is in the table and the files)."""
    assessments = [
        _marked(f"<b>{a['verdict']}</b>: {_short(plain(a, 'conclusion'))} ({a['by']})", a["is_example"], lang)
        for a in row["assessments"]
    ] or [tx(lang, *NO_ASSESSMENT)]
    chains = [
        _marked(f"{_short(plain(c, 'chain'))} – {c['regions']} – {position_text(c)}", c["is_example"], lang)
        for c in row["chains"]
    ] or ["–"]
    clusters = [_marked(f"{c['name']} ({c['phase']})", c["is_example"], lang) for c in row["clusters"]] or ["–"]
    return [
        f"<b>{row['name']}</b><br>{row['region']} · {row['kind_word']}",
        row["statistical"],
        "<br>".join(assessments),
        "<br>".join(chains),
        "<br>".join(clusters),
    ]


def flat(items: list[dict], lang: str, kind: str) -> str:
    """Return records as one cell of text for the export table (each record whole, example ones marked)."""
    example = tx(lang, " [exempeldata]", " [example data]")
    if kind == "assessment":
        parts = [f"{a['verdict']}: {plain(a, 'conclusion')} ({evidence_text(a, lang)}; {a['by']})" for a in items]
    elif kind == "chain":
        parts = [
            f"{plain(c, 'chain')} – {c['regions']} – {position_text(c)} ({evidence_text(c, lang)}; {c['by']})"
            for c in items
        ]
    else:
        parts = [f"{c['name']} ({c['phase']})" for c in items]
    marked = [p + (example if item["is_example"] else "") for p, item in zip(parts, items)]
    return " | ".join(marked)


def summary_text(areas, tests: int, rows: list[dict], clusters: int, lang: str) -> str:
    """Return the card's summary: how many areas, which have assessments and value chains (real and example
    records apart), how many cluster initiatives; areas None: no statistics for the choice."""
    t = counted(tests, lang, ("testområde", "testområden"), ("test area", "test areas"))
    if areas is None:
        head = tx(
            lang,
            f"Den statistiska klassningen saknas för valet (se ovan); {t}.",
            f"The statistical classification is missing for the choice (see above); {t}.",
        )
    else:
        a = counted(areas, lang, ("styrkeområde", "styrkeområden"), ("strength area", "strength areas"))
        head = tx(lang, f"{a} enligt statistiken och {t}.", f"{a} by the statistics and {t}.")
    return head + _records_text(rows, clusters, lang)


def _records_text(rows: list[dict], clusters: int, lang: str) -> str:
    if not any(r["assessments"] for r in rows):
        words = tx(
            lang,
            " Ingen kvalitativ bedömning har förts in för dem; klassningen i tabellen är den statistiska.",
            " No qualitative assessment has been entered for them; the classification in the table is the "
            "statistical one.",
        )
    else:
        words = "".join(_named_records(rows, example, lang, "assessments") for example in (False, True))
    words += "".join(_named_records(rows, example, lang, "chains") for example in (False, True))
    return words + tx(
        lang,
        f" {fmt_number(clusters, lang)} klusterinitiativ arbetar i minst ett av områdena.",
        f" {fmt_number(clusters, lang)} cluster initiatives work in at least one of the areas.",
    )


def _named_records(rows: list[dict], example: bool, lang: str, kind: str) -> str:
    """Return ' Kvalitativ bedömning finns för 1 område: Tillverkning, Dalarnas län (bekräftar).' (or '')."""
    named = []
    for r in rows:
        mine = [x for x in r[kind] if x["is_example"] == example]
        if mine:
            what = ", ".join(x["verdict"] if kind == "assessments" else plain(x, "chain") for x in mine)
            named.append(f"{r['name']}, {r['region']} ({what})")
    if not named:
        return ""
    areas = counted(len(named), lang, ("område", "områden"), ("area", "areas"))
    mark = tx(lang, " (exempeldata, påhittade)", " (example data, invented)") if example else ""
    listed = "; ".join(named)
    if kind == "assessments":
        return tx(
            lang,
            f" Kvalitativ bedömning finns för {areas}{mark}: {listed}.",
            f" A qualitative assessment exists for {areas}{mark}: {listed}.",
        )
    return tx(
        lang, f" Värdekedjor finns för {areas}{mark}: {listed}.", f" Value chains exist for {areas}{mark}: {listed}."
    )
