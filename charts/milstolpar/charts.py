"""Build the Milstolpar view's charts: timeline, list and share of milestones done per quarter and activity."""

from __future__ import annotations

from datetime import date

import pandas as pd
from babel.dates import format_date
from sqlalchemy import select

from data import schema as s
from figures.export_pages import table_height
from figures.milstolpar import status_stack, timeline
from figures.spec import ChartSpec
from figures.style import figure
from i18n import LOCALES, fmt_percent, tx
from indicators.facts import example_share
from indicators.followup import (
    PROJECT_WIDE,
    STATUSES,
    filter_milestones,
    late_count,
    milestones,
    project_period,
    quarter_label,
    quarter_position,
    quarters_between,
    share_done,
    status_counts,
    status_text,
    status_word,
)

from .. import chart
from ..names import file_stem
from ..sources import dataset_source_line
from . import VIEW

FILE_WORDS = {"per-quarter": ("per kvartal", "by quarter"), "per-activity": ("per aktivitet", "by activity")}


def long_date(day: date, lang: str) -> str:
    """Return '31 juli 2018' / '31 July 2018'."""
    return format_date(day, "long", locale=LOCALES.get(lang, "sv_SE"))


def activity_names(conn, lang: str, *, numbered: bool = True) -> dict[str, str]:
    """Return activity key -> name ('1. Processtöd – klustra kluster'; 'projekt' -> 'Hela projektet')."""
    a = s.activity
    rows = conn.execute(select(a.c.number, a.c.name_sv, a.c.name_en).order_by(a.c.number)).all()
    names = {str(n): (f"{n}. " if numbered else "") + tx(lang, sv, en) for n, sv, en in rows}
    names[PROJECT_WIDE] = tx(lang, "Hela projektet", "The whole project")
    return names


def source_for(conn, lang: str, is_example: bool) -> str:
    """Return the source line: the project plan, and example data where the chart shows it."""
    return dataset_source_line(conn, lang, ["projektplan"] + (["ex_uppfoljning"] if is_example else []))


def summary_sentence(frame: pd.DataFrame, asof: date, lang: str) -> str:
    """Return e.g. 'Läget 31 juli 2018: 13 av 14 milstolpar klara; 1 försenad.' (unknown statuses said as such)."""
    c = status_counts(frame)
    unknown = c.get("okand", 0)
    when = tx(lang, "Läget ", "As of ") + long_date(asof, lang) + ": "
    if unknown and unknown == c["total"]:
        return when + tx(
            lang,
            f"ingen status är rapporterad för de {c['total']} milstolparna, så läget är okänt.",
            f"no status has been reported for the {c['total']} milestones, so their state is unknown.",
        )
    parts = [tx(lang, f"{c['klar']} av {c['total']} milstolpar klara", f"{c['klar']} of {c['total']} milestones done")]
    delayed = c["forsenad"]
    parts.append(
        tx(
            lang,
            "ingen försenad" if not delayed else f"{delayed} försenad" + ("e" if delayed > 1 else ""),
            f"{delayed} delayed",
        )
    )
    if c["pagar"]:
        parts.append(tx(lang, f"{c['pagar']} pågår", f"{c['pagar']} in progress"))
    if c["planerad"]:
        parts.append(tx(lang, f"{c['planerad']} planerade", f"{c['planerad']} planned"))
    if unknown:
        parts.append(tx(lang, f"{unknown} med okänd status", f"{unknown} with unknown status"))
    text = when + "; ".join(parts)
    if c["struken"]:
        text += tx(lang, f" ({c['struken']} struken räknas inte)", f" ({c['struken']} cancelled not counted)")
    return text + "." + late_sentence(frame, lang)


def late_sentence(frame: pd.DataFrame, lang: str) -> str:
    """Return ' 2 av de klara blev klara efter sitt kvartal: nr 4 (ett kvartal sent), …' or ''."""
    late = frame[frame["quarters_late"].notna()] if "quarters_late" in frame else frame.iloc[0:0]
    if late.empty:
        return ""
    which = ", ".join(
        tx(lang, "nr ", "no. ") + f"{i} ({status_text('klar', n, lang).split(', ', 1)[1]})"
        for i, n in zip(late["id"], late["quarters_late"])
    )
    n = late_count(frame)
    return tx(
        lang,
        f" {n} av de klara blev klar{'a' if n > 1 else ''} efter sitt kvartal: {which}.",
        f" {n} of those done {'were' if n > 1 else 'was'} done after {'their' if n > 1 else 'its'} quarter: {which}.",
    )


def provenance_notes(frame: pd.DataFrame, lang: str) -> list[str]:
    """Say where texts and statuses come from, and that example statuses are invented."""
    note = tx(
        lang,
        "Milstolparnas texter och kvartal kommer från projektplanen; statusen sätter projektledaren. Vilken "
        "aktivitet och vilket delmål en milstolpe hör till är dashboardens tolkning av planen.",
        "The milestones' texts and quarters come from the project plan; the project manager sets the status. Which "
        "activity and sub-goal a milestone belongs to is the dashboard's reading of the plan.",
    )
    if frame["status_is_example"].any():
        note += tx(
            lang,
            " Statusar märkta som exempeldata är påhittade tills projektledaren har uppdaterat dem.",
            " Statuses marked as example data are invented until the project manager has updated them.",
        )
    return [note]


def milestone_table(frame: pd.DataFrame, conn, lang: str) -> pd.DataFrame:
    """Return the milestone list with column labels in the language."""
    names = activity_names(conn, lang)
    return pd.DataFrame(
        {
            tx(lang, "Nr", "No."): frame["id"],
            tx(lang, "Kvartal", "Quarter"): [
                quarter_label(y, q, lang) for y, q in zip(frame["year"], frame["quarter"])
            ],
            tx(lang, "Milstolpe", "Milestone"): frame["text_en" if lang == "en" else "text_sv"],
            tx(lang, "Aktivitet", "Activity"): frame["activity_key"].map(names),
            tx(lang, "Status", "Status"): [
                status_text(x, n, lang) for x, n in zip(frame["status"], frame["quarters_late"])
            ],
            tx(lang, "Klar den", "Done on"): [
                d.isoformat() if d and st == "klar" else "" for d, st in zip(frame["completed_on"], frame["status"])
            ],
            tx(lang, "Kvartal sent", "Quarters late"): frame["quarters_late"],
            tx(lang, "Delmål", "Sub-goal"): frame["subgoal"],
            tx(lang, "Kommentar", "Comment"): frame["comment"].fillna(""),
            tx(lang, "Status är exempeldata", "Status is example data"): frame["status_is_example"],
        }
    )


def _shown(conn, asof, status, activity) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = milestones(conn, asof)
    return frame, filter_milestones(frame, status, activity)


@chart(VIEW, "timeline")
def timeline_chart(conn, lang: str, asof: date, status: list, activity: list) -> ChartSpec:
    """Return the milestones on a quarter timeline, coloured by their status at the as-of date."""
    everything, shown = _shown(conn, asof, status, activity)
    start, end = project_period(conn)
    years = [start, end] + [date(y, 3 * q, 1) for y, q in zip(everything["year"], everything["quarter"])]
    quarters = quarters_between(min(years), max(years))
    text = shown["text_en" if lang == "en" else "text_sv"]
    done = [(d if st == "klar" and d and d <= asof else None) for st, d in zip(shown["status"], shown["completed_on"])]
    words = [status_text(st, n, lang) for st, n in zip(shown["status"], shown["quarters_late"])]
    frame = shown.assign(
        label=[f"{i}. {t}" for i, t in zip(shown["id"], text)],
        hover=[
            f"{t}<br>{quarter_label(y, q, lang)} · {w}"
            for t, y, q, w in zip(text, shown["year"], shown["quarter"], words)
        ],
        quarter_index=[quarters.index((y, q)) for y, q in zip(shown["year"], shown["quarter"])],
        status_word=[status_word(x, lang) for x in shown["status"]],
        status_text=words,
        done_position=[quarter_position(d, quarters) if d else None for d in done],
        completed_text=[d.isoformat() if d else "" for d in done],
    )
    fig = timeline(
        frame,
        [f"{'Q' if lang == 'en' else 'K'}{q}<br>{y if q == 1 or i == 0 else ''}" for i, (y, q) in enumerate(quarters)],
        quarter_position(asof, quarters),
        tx(lang, "Läget ", "As of ") + asof.isoformat(),
        lang,
    )
    is_example = bool(shown["status_is_example"].any())
    summary = summary_sentence(shown, asof, lang)
    if len(shown) < len(everything):
        summary += tx(
            lang,
            f" Urval: {len(shown)} av {len(everything)} milstolpar.",
            f" Selection: {len(shown)} of {len(everything)} milestones.",
        )
    return ChartSpec(
        view=VIEW,
        key="timeline",
        title=tx(lang, "Milstolpar kvartal för kvartal", "Milestones quarter by quarter"),
        subtitle=tx(
            lang,
            "Planerat kvartal och status vid det valda datumet; ◆ = blev klar",
            "Planned quarter and status at the chosen date; ◆ = completed",
        ),
        figure=fig,
        table=milestone_table(shown, conn, lang),
        source=source_for(conn, lang, is_example),
        data_status=example_share(shown.rename(columns={"status_is_example": "is_example"})),
        summary=summary,
        filename=file_stem(VIEW, tx(lang, "tidslinje", "timeline"), asof.isoformat()),
        notes=provenance_notes(shown, lang),
    )


@chart(VIEW, "list")
def list_chart(conn, lang: str, asof: date, status: list, activity: list) -> ChartSpec:
    """Return the filtered milestone list (the page shows it as a table; exports as a table figure)."""
    everything, shown = _shown(conn, asof, status, activity)
    table = milestone_table(shown, conn, lang)
    shown_columns = list(table.columns[:6])
    trace = dict(
        type="table",
        columnwidth=[0.5, 1, 4, 2.6, 1, 1.1],
        header=dict(values=[f"<b>{c}</b>" for c in shown_columns], align="left", fill_color="#f6f8fa"),
        cells=dict(values=[table[c].tolist() for c in shown_columns], align="left", height=28),
    )
    # Tall enough for every row once its text wraps: a picture cannot scroll the table.
    layout = dict(height=table_height(trace, 1000), margin=dict(l=10, r=10, t=10, b=10))
    return ChartSpec(
        view=VIEW,
        key="list",
        title=tx(lang, "Milstolparna i listform", "The milestones as a list"),
        figure=figure([trace], layout),
        table=table,
        source=source_for(conn, lang, bool(shown["status_is_example"].any())),
        data_status=example_share(shown.rename(columns={"status_is_example": "is_example"})),
        summary=tx(
            lang,
            f"Visar {len(shown)} av {len(everything)} milstolpar.",
            f"Showing {len(shown)} of {len(everything)} milestones.",
        ),
        filename=file_stem(VIEW, tx(lang, "lista", "list"), asof.isoformat()),
        notes=provenance_notes(shown, lang),
    )


def _share_text(row, lang: str) -> str:
    return "–" if pd.isna(row["share_done"]) else fmt_percent(row["share_done"], lang)


def _share_spec(conn, lang, asof, activity, key: str, by: list[str], labels, title: str) -> ChartSpec:
    everything = milestones(conn, asof)
    shown = filter_milestones(everything, None, activity)
    frame = share_done(shown, by)
    frame.insert(0, "category", labels(frame))
    frame["share_text"] = [_share_text(r, lang) for _, r in frame.iterrows()]
    words = {st: status_word(st, lang) for st in STATUSES}
    table = frame[["category", *STATUSES, "total", "share_done"]].rename(
        columns={
            "category": by_label(key, lang),
            **words,
            "total": tx(lang, "Milstolpar (utom strukna)", "Milestones (excl. cancelled)"),
            "share_done": tx(lang, "Andel klara", "Share done"),
        }
    )
    summary = summary_sentence(shown, asof, lang)
    late = frame[frame["forsenad"] > 0]
    if not late.empty:
        where = ", ".join(f"{c} ({n})" for c, n in zip(late["category"], late["forsenad"]))
        summary += tx(lang, f" Försenade finns i: {where}.", f" Delayed milestones in: {where}.")
    return ChartSpec(
        view=VIEW,
        key=key,
        title=title,
        figure=status_stack(frame, "category", words, lang),
        table=table,
        source=source_for(conn, lang, bool(shown["status_is_example"].any())),
        data_status=example_share(shown.rename(columns={"status_is_example": "is_example"})),
        summary=summary,
        filename=file_stem(VIEW, tx(lang, *FILE_WORDS[key]), asof.isoformat()),
    )


def by_label(key: str, lang: str) -> str:
    return tx(lang, "Kvartal", "Quarter") if key == "per-quarter" else tx(lang, "Aktivitet", "Activity")


@chart(VIEW, "per-quarter")
def per_quarter_chart(conn, lang: str, asof: date, status: list, activity: list) -> ChartSpec:
    """Return milestones by status per planned quarter, with the share done."""
    labels = lambda f: [quarter_label(y, q, lang) for y, q in zip(f["year"], f["quarter"])]  # noqa: E731
    title = tx(lang, "Status per planerat kvartal", "Status by planned quarter")
    return _share_spec(conn, lang, asof, activity, "per-quarter", ["year", "quarter"], labels, title)


@chart(VIEW, "per-activity")
def per_activity_chart(conn, lang: str, asof: date, status: list, activity: list) -> ChartSpec:
    """Return milestones by status per activity, with the share done."""
    names = activity_names(conn, lang)
    labels = lambda f: f["activity_key"].map(names)  # noqa: E731
    title = tx(lang, "Status per aktivitet", "Status by activity")
    return _share_spec(conn, lang, asof, activity, "per-activity", ["activity_key"], labels, title)
