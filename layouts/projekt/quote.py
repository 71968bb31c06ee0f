"""Quote the plan: a stored text as the plan writes it, its [sic] mark and notes, the Swedish beside a translation.

Every quoted text carries data-plan="entity:record:field", naming the store's field it shows, so a
test can compare what a reader sees with the store word for word.
"""

from __future__ import annotations

from dash import html

from i18n import tx
from indicators.plan import note_word

SIC = "sic"


def notes_on(notes, *fields: str) -> list[dict]:
    """Return the notes (from an indicators.plan frame's notes column) on any of the fields."""
    return [n for n in notes or () if n["field"] in fields]


def sic_mark(notes: list[dict], lang: str):
    """Return the [sic] mark after a text with an evident slip (its note in the title), or None."""
    slips = [n for n in notes if n["kind"] == SIC]
    if not slips:
        return None
    return html.Span(" [sic]", className="plan-sic", title=tx(lang, slips[0]["note_sv"], slips[0]["note_en"]))


def text_span(text: str, ref: str, *, lang: str | None = None):
    """Return a text as the store holds it, marked with the field it comes from."""
    attrs = {"data-plan": ref}
    if lang:
        attrs["lang"] = lang
    return html.Span(text, className="plan-text", **attrs)


def quoted(row, field: str, ref: str, lang: str, *, translated: bool = True, with_original: bool = True) -> list:
    """Return a field's text in the page's language with its marks.

    field: the Swedish field name (e.g. "name_sv"); on an English page the English field is shown
    and, when it is the dashboard's translation, the plan's Swedish follows in smaller type (unless
    with_original is false: a link to a text whose original stands where it leads).
    """
    notes = notes_on(row["notes"], field)
    if lang != "en":
        return [text_span(row[field], f"{ref}:{field}"), sic_mark(notes, lang)]
    english = field.removesuffix("_sv") + "_en"
    if not translated or row[english] == row[field]:
        return [text_span(row[english], f"{ref}:{english}"), sic_mark(notes, lang)]
    if not with_original:
        return [text_span(row[english], f"{ref}:{english}")]
    return [text_span(row[english], f"{ref}:{english}"), original(row[field], f"{ref}:{field}", notes, lang)]


def original(text: str, ref: str, notes: list[dict], lang: str) -> html.Span:
    """Return the plan's Swedish wording beside the dashboard's translation (English pages only)."""
    return html.Span(
        [
            " (",
            html.Span("plan: ", className="visually-hidden"),
            text_span(text, ref, lang="sv"),
            sic_mark(notes, lang),
            ")",
        ],
        className="plan-original",
    )


def original_block(row, field: str, ref: str, lang: str):
    """Return the plan's Swedish wording of a long text as its own paragraph (English pages only), else None."""
    if lang != "en":
        return None
    notes = notes_on(row["notes"], field)
    return html.P(
        [
            html.Span("The plan's wording: ", className="plan-original-label"),
            text_span(row[field], f"{ref}:{field}", lang="sv"),
            sic_mark(notes, lang),
        ],
        className="plan-original small",
    )


def long_quote(row, field: str, ref: str, lang: str, *, translated: bool = True) -> list:
    """Return a long text (a delmål, a description) as a paragraph; on English pages the plan's Swedish below it."""
    notes = notes_on(row["notes"], field)
    if lang != "en":
        return [html.P([text_span(row[field], f"{ref}:{field}"), sic_mark(notes, lang)], className="mb-1")]
    english = field.removesuffix("_sv") + "_en"
    block = original_block(row, field, ref, lang) if translated and row[english] != row[field] else None
    return [html.P([text_span(row[english], f"{ref}:{english}")], className="mb-1"), block]


def note_list(notes, lang: str, *fields: str):
    """Return the notes on the fields (all notes when none is named) as a short list, or None."""
    chosen = notes_on(notes, *fields) if fields else list(notes or ())
    if not chosen:
        return None
    return html.Ul(
        [
            html.Li(
                [
                    html.Span(
                        ("[sic]" if n["kind"] == SIC else note_word(n["kind"], lang).capitalize()) + ": ",
                        className="fw-semibold",
                    ),
                    tx(lang, n["note_sv"], n["note_en"]),
                ]
            )
            for n in chosen
        ],
        className="plan-notes small",
    )
