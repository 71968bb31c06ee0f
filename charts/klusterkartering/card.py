"""Build the cluster card's chart: one initiative's phase and criteria over time.

The card opens for the URL's `cluster` parameter (chosen in the list or by a click in a chart);
its facts (layouts/klusterkartering.py) say "uppgift saknas" for what the source does not give.
"""

from __future__ import annotations

import pandas as pd

from figures.klusterkartering import cluster_phase_steps
from figures.spec import ChartSpec
from figures.style import empty_figure
from i18n import tx
from indicators import clusters as ind
from indicators.facts import example_share

from .. import chart
from ..names import file_stem
from ..sources import dataset_source_line
from . import CARD, VIEW, named_phases


def card_history(conn, lang: str, code: str) -> pd.DataFrame:
    """Return one row per assessment year: year, phase_sort, phase_name, one column per criterion, comment, is_example."""
    phases = named_phases(conn, lang)
    sfx = "name_en" if lang == "en" else "name_sv"
    crits, levels = ind.criteria(conn), ind.criterion_levels(conn)
    history = ind.phase_history(conn, [code])
    history = history.assign(phase_name=history["phase_sort"].map(dict(zip(phases["sort"], phases["name"]))))
    assessed = ind.criteria_assessments(conn, [code])
    assessed = assessed.assign(level_name=assessed["level"].map(dict(zip(levels["code"], levels[sfx]))))
    wide = assessed.pivot(index="year", columns="criterion", values="level_name") if len(assessed) else pd.DataFrame()
    years = sorted(set(history["year"]) | set(assessed["year"]))
    frame = pd.DataFrame({"year": years})
    frame = frame.merge(history[["year", "phase_sort", "phase_name", "comment"]], on="year", how="left")
    for crit in crits["code"]:
        levels_by_year = frame["year"].map(wide[crit]) if crit in wide else pd.Series(None, index=frame.index)
        frame[crit] = pd.Series([None if pd.isna(v) else v for v in levels_by_year], index=frame.index, dtype="object")
    flags = pd.concat([history[["year", "is_example"]], assessed[["year", "is_example"]]])
    frame["is_example"] = frame["year"].map(flags.groupby("year")["is_example"].any()).astype(bool)
    return frame


def _datasets(conn, code: str) -> list[str]:
    phases, crits = ind.phase_history(conn, [code]), ind.criteria_assessments(conn, [code])
    return sorted(set(phases["dataset"]) | set(crits["dataset"]))


@chart(VIEW, CARD)
def card_chart(conn, lang: str, cluster: str = "", **_) -> ChartSpec:
    """Return one cluster's phase at every assessment year, with its criteria per year in the table."""
    names = ind.clusters(conn).set_index("code")["name"]
    name = names.get(cluster, "")
    frame = card_history(conn, lang, cluster) if name else pd.DataFrame(columns=["year", "phase_name", "is_example"])
    phased = frame.dropna(subset=["phase_name"]) if len(frame) else frame
    if phased.empty:
        fig = empty_figure(tx(lang, "Ingen fasbedömning finns.", "No phase assessment exists."), lang)
        summary = tx(lang, f"{name} har ingen fasbedömning.", f"{name} has no phase assessment.")
    else:
        fig = cluster_phase_steps(phased, named_phases(conn, lang), lang)
        steps = [f"{p} {y}" for y, p in zip(phased["year"], phased["phase_name"])]
        summary = tx(lang, f"{name} bedömdes i fas ", f"{name} was assessed in phase ") + ", ".join(steps) + "."
    crits = ind.criteria(conn)
    sfx = "name_en" if lang == "en" else "name_sv"
    columns = {"year": tx(lang, "År", "Year"), "phase_name": tx(lang, "Fas", "Phase")}
    columns.update(dict(zip(crits["code"], crits[sfx])))
    columns.update({"comment": tx(lang, "Kommentar", "Comment"), "is_example": tx(lang, "Exempeldata", "Example data")})
    table = frame.reindex(columns=list(columns)).rename(columns=columns)
    datasets = _datasets(conn, cluster)
    return ChartSpec(
        view=VIEW,
        key=CARD,
        title=tx(lang, f"{name}: utvecklingsfas över tid", f"{name}: development phase over time")
        if name
        else tx(lang, "Inget klusterinitiativ valt", "No cluster initiative chosen"),
        subtitle=tx(
            lang,
            "Fasen vid varje bedömning; tabellen visar också kriterierna per år.",
            "The phase at each assessment; the table also shows the criteria by year.",
        )
        if name
        else "",
        figure=fig,
        table=table,
        source=dataset_source_line(conn, lang, datasets),
        data_status=example_share(frame),
        summary=summary,
        filename=file_stem(VIEW, tx(lang, "kort", "card"), name or cluster),
    )
