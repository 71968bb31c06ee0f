"""Build the Klusterkartering charts (portfolio, phase history, criteria matrix) and wire them to the URL.

The cluster card lives in callbacks/klusterkort.py. Every chart follows the filters county,
theme (thematic area) and year; a click on a cluster in any chart opens its card.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select

from data import schema as s
from figures.klusterkartering import criteria_grid, phase_history_grid, portfolio_dots
from figures.spec import ChartSpec
from figures.style import empty_figure
from i18n import tx
from indicators import clusters as ind
from indicators.facts import example_share

from .. import chart
from . import (
    NO_ASSESSMENTS,
    VIEW,
    chosen_year,
    filter_words,
    labelled,
    named_phases,
    selection,
    source_for,
    stem,
)


def _spec(key: str, title: str, subtitle: str, **fields) -> ChartSpec:
    return ChartSpec(view=VIEW, key=key, title=title, subtitle=subtitle, **fields)


def portfolio_summary(frame: pd.DataFrame, phases: pd.DataFrame, missing: list[str], when, lang: str) -> str:
    """Say how many initiatives are in each phase in the year, and which were not assessed."""
    if when is None:
        return tx(lang, *NO_ASSESSMENTS)
    counts = frame.groupby("phase_sort")["cluster"].count()
    summary = tx(
        lang,
        f"År {when} bedömdes {len(frame)} klusterinitiativ",
        f"In {when}, {len(frame)} cluster initiatives were assessed",
    )
    if len(frame):
        summary += ": " + ", ".join(
            f"{counts[s]} {tx(lang, 'i', 'in')} {n}" for s, n in zip(phases["sort"], phases["name"]) if s in counts
        )
    return (
        summary
        + "."
        + (tx(lang, " Saknar bedömning: ", " Not assessed: ") + ", ".join(missing) + "." if missing else "")
    )


def no_assessments(conn, table, lang: str) -> str:
    """Say why a chart of assessments is empty: none recorded at all, or none for these filters."""
    if conn.execute(select(func.count()).select_from(table)).scalar():
        return tx(lang, "Inga bedömningar för de valda filtren.", "No assessments for these filters.")
    return tx(
        lang,
        "Inga klusterbedömningar har förts in i databasen ännu.",
        "No cluster assessments have been entered in the store yet.",
    )


@chart(VIEW, "portfolio")
def portfolio_chart(conn, lang: str, county: str = "", theme: str = "", year: str = "", **_) -> ChartSpec:
    """Return the portfolio: every chosen cluster in the phase it was assessed in that year."""
    chosen, phases, when = selection(conn, lang, county, theme), named_phases(conn, lang), chosen_year(conn, year)
    assessed = ind.phase_portfolio(conn, when, list(chosen["code"])) if when else ind.phase_history(conn, [])
    frame = chosen.merge(assessed, left_on="code", right_on="cluster", suffixes=("_cluster", ""))
    frame = frame.assign(phase_name=frame["phase_sort"].map(dict(zip(phases["sort"], phases["name"]))))
    title = tx(lang, f"Klusterportföljen {when or ''}", f"The cluster portfolio {when or ''}").strip()
    title += tx(lang, ": utvecklingsfas", ": development phase")
    if frame.empty:
        fig = empty_figure(no_assessments(conn, s.phase_assessment, lang), lang)
    else:
        fig = portfolio_dots(frame, phases, lang)
    summary = portfolio_summary(frame, phases, sorted(set(chosen["name"]) - set(frame["name"])), when, lang)
    table = labelled(frame, ["name", "county_name", "year", "phase_name", "comment", "is_example"], lang)
    return _spec(
        "portfolio",
        title,
        filter_words(conn, lang, county, theme)
        + tx(lang, ". Klicka på ett kluster för dess kort.", ". Click a cluster for its card."),
        figure=fig,
        table=table,
        source=source_for(conn, lang, chosen, assessed),
        data_status=example_share(frame),
        summary=summary,
        filename=stem(conn, lang, ("portfolj", "portfolio"), when, county=county, theme=theme),
        notes=[
            tx(
                lang,
                "Siffran under varje fas är antalet klusterinitiativ i den.",
                "The number under each phase is how many initiatives are in it.",
            )
        ],
    )


def movement(frame: pd.DataFrame) -> pd.Series:
    """Return, per assessment row, how the phase changed since the cluster's previous assessment (-1, 0, 1, NaN)."""
    return (
        frame.sort_values(["cluster", "year"])
        .groupby("cluster")["phase_sort"]
        .diff()
        .apply(lambda d: d if pd.isna(d) else (d > 0) - (d < 0))
    )


def history_summary(frame: pd.DataFrame, lang: str) -> str:
    """Say how many initiatives moved forward, back or not at all between their first and last assessment."""
    ends = frame.sort_values("year").groupby("cluster")["phase_sort"].agg(["first", "last", "count"])
    ends = ends[ends["count"] >= 2]
    up, down = int((ends["last"] > ends["first"]).sum()), int((ends["last"] < ends["first"]).sum())
    same, y0, y1 = len(ends) - up - down, frame["year"].min(), frame["year"].max()
    if ends.empty:
        return tx(
            lang,
            f"Inget klusterinitiativ har bedömts mer än en gång ({y0}–{y1}).",
            f"No cluster initiative has been assessed more than once ({y0}–{y1}).",
        )
    return tx(
        lang,
        f"Mellan {y0} och {y1} gick {up} av de {len(ends)} klusterinitiativ som bedömts minst två gånger framåt "
        f"minst en fas, {down} bakåt och {same} stod kvar i samma fas.",
        f"Between {y0} and {y1}, of the {len(ends)} cluster initiatives assessed at least twice, {up} moved "
        f"forward at least one phase, {down} moved back and {same} stayed in the same phase.",
    )


@chart(VIEW, "history")
def history_chart(conn, lang: str, county: str = "", theme: str = "", **_) -> ChartSpec:
    """Return each chosen cluster's phase at every assessment year, with its moves."""
    chosen, phases = selection(conn, lang, county, theme), named_phases(conn, lang)
    assessed = ind.phase_history(conn, list(chosen["code"]))
    frame = chosen.merge(assessed, left_on="code", right_on="cluster", suffixes=("_cluster", ""))
    frame = frame.assign(phase_name=frame["phase_sort"].map(dict(zip(phases["sort"], phases["name"]))))
    frame["move"] = movement(frame)
    if frame.empty:
        fig = empty_figure(no_assessments(conn, s.phase_assessment, lang), lang)
        summary = tx(lang, "Inga bedömningar.", "No assessments.")
    else:
        fig = phase_history_grid(frame, phases, lang)
        summary = history_summary(frame, lang)
    words = {1: tx(lang, "framåt", "forward"), 0: tx(lang, "samma", "same"), -1: tx(lang, "bakåt", "back")}
    moves = frame.assign(move=frame["move"].map(words).fillna("–"))
    table = labelled(moves, ["name", "county_name", "year", "phase_name", "move", "is_example"], lang)
    return _spec(
        "history",
        tx(
            lang,
            "Fashistorik: hur klusterinitiativen rört sig mellan bedömningarna",
            "Phase history: how the initiatives moved between assessments",
        ),
        filter_words(conn, lang, county, theme)
        + tx(
            lang,
            ", alla bedömningsår. ↑ framåt, ↓ bakåt sedan förra bedömningen.",
            ", every assessment year. ↑ forward, ↓ back since the previous assessment.",
        ),
        figure=fig,
        table=table,
        source=source_for(conn, lang, chosen, assessed),
        data_status=example_share(frame),
        summary=summary,
        filename=stem(conn, lang, ("fashistorik", "phase_history"), county=county, theme=theme),
    )


def criteria_summary(frame: pd.DataFrame, crits: pd.DataFrame, levels: pd.DataFrame, when, lang: str) -> str:
    """Count the initiatives on each level of each criterion in the year."""
    if when is None:
        return tx(lang, *NO_ASSESSMENTS)
    sfx = "name_en" if lang == "en" else "name_sv"
    parts = []
    for code, name in zip(crits["code"], crits[sfx]):
        counts = frame.loc[frame["criterion"] == code, "level"].value_counts()
        if counts.sum():
            words = [f"{counts[c]} {n.lower()}" for c, n in zip(levels["code"], levels[sfx]) if c in counts]
            parts.append(f"{name}: " + ", ".join(words))
    return tx(lang, f"År {when}", f"In {when}") + (
        " – " + "; ".join(parts) + "." if parts else tx(lang, ": inga bedömningar.", ": no assessments.")
    )


@chart(VIEW, "criteria")
def criteria_chart(conn, lang: str, county: str = "", theme: str = "", year: str = "", **_) -> ChartSpec:
    """Return the criteria matrix: each chosen cluster × each horizontal criterion, at the year."""
    chosen, when = selection(conn, lang, county, theme), chosen_year(conn, year)
    crits, levels = ind.criteria(conn), ind.criterion_levels(conn)
    sfx = "name_en" if lang == "en" else "name_sv"
    assessed = ind.criteria_assessments(conn, list(chosen["code"]) if when else [], when)
    frame = chosen.merge(assessed, left_on="code", right_on="cluster", suffixes=("_cluster", ""))
    frame = frame.assign(
        criterion_name=frame["criterion"].map(dict(zip(crits["code"], crits[sfx]))),
        level_name=frame["level"].map(dict(zip(levels["code"], levels[sfx]))),
        level_rank=frame["level"].map({c: i for i, c in enumerate(levels["code"])}),
    )
    if frame.empty:
        fig = empty_figure(no_assessments(conn, s.criteria_assessment, lang), lang)
    else:
        fig = criteria_grid(frame, list(crits[sfx]), len(levels), lang)
    summary = criteria_summary(frame, crits, levels, when, lang)
    table = labelled(
        frame, ["name", "county_name", "year", "criterion_name", "level_name", "comment", "is_example"], lang
    )
    return _spec(
        "criteria",
        tx(lang, f"Horisontella kriterier {when or ''}", f"Horizontal criteria {when or ''}").strip(),
        filter_words(conn, lang, county, theme)
        + tx(lang, ". Kriterierna ", ". The criteria ")
        + ", ".join(crits[sfx])
        + tx(
            lang,
            " är bedömningar av hur klusterinitiativet arbetar, inte statistik. Nivåerna ",
            " are assessments of how the cluster initiative works, not statistics. Levels ",
        )
        + tx(lang, " och ", " and ").join(", ".join(levels[sfx].str.lower()).rsplit(", ", 1))
        + ".",
        figure=fig,
        table=table,
        source=source_for(conn, lang, chosen, assessed),
        data_status=example_share(frame),
        summary=summary,
        filename=stem(conn, lang, ("kriterier", "criteria"), when, county=county, theme=theme),
    )
