"""Say in plain words what the Styrkeområden analysis finds, and state the rule next to it.

The words are generated from the same analysis as the charts (context.py), so a sentence and the
chart below it never disagree. They are plain text: layouts/styrkeomraden.py sets them on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from i18n import counted, fmt_number, fmt_signed_percent, tx
from indicators.levels import InvalidArgument
from indicators.strength import DEFAULT_REASON_EN, DEFAULT_REASON_SV, rule_lines

from .context import Context, context, no_data_message, sentence

AREA_SV, AREA_EN = ("styrkeområde", "styrkeområden"), ("strength area", "strength areas")


@dataclass
class Summary:
    """The view's summary: a paragraph per region, or a refusal; the rule's lines; the data's kind."""

    paragraphs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    refusal: str = ""
    status: str = "real"  # real | example | mixed
    rule: list[str] = field(default_factory=list)
    rule_reason: str = ""


def region_sentences(ctx: Context, region: str) -> list[str]:
    """Return the summary of one region in plain words, generated from the numbers."""
    lang, a = ctx.lang, ctx.analysis
    rows = a.table[a.table["region"] == region].assign(name=lambda f: ctx.industry_names(f))
    rows = rows[rows["lq"].notna()]
    if rows.empty:
        return []
    place, ref = ctx.name(region), ctx.reference_name
    top = rows.sort_values("lq", ascending=False).iloc[0]
    text = [
        tx(
            lang,
            f"I {place} är {top['name'].lower()} {fmt_number(top['lq'], lang, 1)} gånger vanligare än i {ref} "
            f"({a.year}); {fmt_number(top['value'], lang)} personer arbetar i branschen.",
            f"In {place}, {top['name'].lower()} is {fmt_number(top['lq'], lang, 1)} times as common as in {ref} "
            f"({a.year}); {fmt_number(top['value'], lang)} people work in the industry.",
        )
    ]
    holistic = rows[rows["category"] == "helhetlig"].sort_values("lq", ascending=False)
    business = rows[rows["category"] == "styrka"]
    named = ", ".join(n.lower() for n in holistic["name"].head(4))
    areas = counted(len(holistic) + len(business), lang, AREA_SV, AREA_EN)
    text.append(
        tx(
            lang,
            f"Regeln ger {areas} på nivån {ctx.level_name}, "
            f"varav {len(holistic)} {'helhetligt' if len(holistic) == 1 else 'helhetliga'}"
            + (f" ({named})" if named else "")
            + ".",
            f"The rule gives {areas} at the level {ctx.level_name}, of which {len(holistic)} holistic"
            + (f" ({named})" if named else "")
            + ".",
        )
    )
    change = a.region_growth.get(region, float("nan"))
    if change == change:  # not NaN: there is a period
        text.append(
            tx(
                lang,
                f"Sysselsättningen ändrades med {fmt_signed_percent(change, lang)} {ctx.period}, mot "
                f"{fmt_signed_percent(a.national_growth, lang)} i {ref}.",
                f"Employment changed by {fmt_signed_percent(change, lang)} {ctx.period}, against "
                f"{fmt_signed_percent(a.national_growth, lang)} in {ref}.",
            )
        )
    return text


def data_status(ctx: Context) -> str:
    flags = ctx.analysis.table["is_example"]
    return "example" if flags.all() else ("mixed" if flags.any() else "real")


def summary(conn, lang: str, params: dict) -> Summary:
    """Return the view's summary and rule for parsed params (a refusal in words when they are refused)."""
    try:
        ctx = context(conn, lang, params)
    except InvalidArgument as exc:
        return Summary(refusal=sentence(exc.message(lang)))
    rule = rule_lines(ctx.analysis.thresholds, lang)
    reason = tx(lang, DEFAULT_REASON_SV, DEFAULT_REASON_EN)
    if ctx.analysis.table.empty:
        return Summary(refusal=no_data_message(ctx), rule=rule, rule_reason=reason)
    return Summary(
        paragraphs=[" ".join(region_sentences(ctx, r)) for r in ctx.selection.regions],
        notes=[tx(lang, sv, en) for sv, en in ctx.analysis.notes],
        status=data_status(ctx),
        rule=rule,
        rule_reason=reason,
    )
