"""Build the Företagsenkät view's charts: clusters compared, all questions, change between rounds.

Every number comes from indicators.survey.answer_shares, which has already hidden the groups
the confidentiality rule protects; nothing here sees a respondent or a hidden group's numbers.
"""

from __future__ import annotations

import pandas as pd

from figures.foretagsenkat import likert_bars
from figures.spec import ChartSpec
from figures.style import empty_figure
from i18n import tx
from indicators import survey as ind
from indicators.facts import example_share

from .. import chart
from ..names import file_stem
from ..sources import dataset_source_line
from . import CHART_CLUSTERS, CHART_QUESTIONS, CHART_ROUNDS, VIEW
from .words import (
    Survey,
    change_summary,
    clusters_summary,
    hidden_texts,
    questions_summary,
    short_questions,
    survey_context,
    survey_table,
    whole_numbers,
)


def survey_spec(conn, sv: Survey, key: str, rows: pd.DataFrame, round_codes: list[str], **text) -> ChartSpec:
    """Return the ChartSpec of a survey chart: figure, table, notes, source and data status."""
    lang = sv.lang
    used = sv.rounds[sv.rounds["code"].isin(round_codes)]
    positives = " / ".join(
        tx(lang, r["label_sv"], r["label_en"]) for _, r in sv.scale.iterrows() if r["polarity"] == "positive"
    )
    notes = [
        tx(
            lang,
            f"Procenten räknas på dem som tagit ställning; ”Vet ej” redovisas separat. Positiva = {positives}.",
            f"Percentages count those who took a position; “Don't know” is shown separately. Positive = {positives}.",
        )
    ]
    if (rows["status"] != ind.SHOWN).any():
        notes.append(ind.confidentiality_rule(lang, sv.min_group))
    if rows.empty:
        figure = empty_figure(text.pop("empty"), lang)
    else:
        text.pop("empty", None)
        figure = likert_bars(rows, sv.scale, lang, hidden_text=hidden_texts(sv))
    return ChartSpec(
        view=VIEW,
        key=key,
        figure=figure,
        table=survey_table(rows, sv, text.pop("first_header"), text.pop("extra", None)),
        source=dataset_source_line(conn, lang, list(used["dataset"].unique())),
        data_status=example_share(used),
        notes=notes,
        **text,
    )


def _group(frame: pd.DataFrame, cluster: str, county: str) -> pd.DataFrame:
    return frame[(frame["cluster"] == cluster) & (frame["county"] == county)]


def _ranked(parts: pd.DataFrame) -> pd.DataFrame:
    """Return shown groups by positive share (highest first), then the hidden ones."""
    shown = parts[parts["status"] == ind.SHOWN].sort_values(["positive", "label"], ascending=[False, True])
    return pd.concat([shown, parts[parts["status"] != ind.SHOWN].sort_values("label")])


@chart(VIEW, CHART_CLUSTERS)
def clusters_chart(conn, lang: str, round=None, question=None, county="", cluster="") -> ChartSpec:
    """Return the clusters side by side for one question and round, with the total on top."""
    sv = survey_context(conn, lang)
    scope = county or ind.ALL
    shares = ind.answer_shares(conn, rounds=[round], questions=[question], min_group=sv.min_group)
    shares = shares.assign(
        label=[sv.group_name(c, ind.ALL) for c in shares["cluster"]],
        emphasis=(shares["cluster"] == ind.ALL) | (shares["cluster"] == cluster),
    )
    total = _group(shares, ind.ALL, scope).assign(label=sv.group_name(ind.ALL, ind.ALL))
    parts = _ranked(shares[(shares["cluster"] != ind.ALL) & (shares["county"] == scope)])
    rows = pd.concat([total, parts], ignore_index=True)
    summary = clusters_summary(total, parts, sv.group_name(ind.ALL, scope), sv)
    return survey_spec(
        conn,
        sv,
        CHART_CLUSTERS,
        rows,
        [round],
        title=tx(lang, "Klustren jämförda", "The clusters compared")
        + (f", {sv.counties.get(county, county)}" if county else "")
        + f", {sv.round_name(round)}",
        subtitle=sv.question_text(question),
        summary=f"{sv.question_text(question)} {summary}".strip(),
        filename=file_stem(
            VIEW,
            tx(lang, "kluster", "clusters"),
            sv.round_name(round),
            sv.question_text(question),
            sv.counties.get(county, ""),
        ),
        first_header=tx(lang, "Kluster", "Cluster"),
        empty=tx(lang, "Inga svar i det här urvalet", "No answers in this selection"),
    )


@chart(VIEW, CHART_QUESTIONS)
def questions_chart(conn, lang: str, round=None, question=None, county="", cluster="") -> ChartSpec:
    """Return every question for one group (a cluster, a county or all) in one round."""
    sv = survey_context(conn, lang)
    group = (cluster or ind.ALL, county or ind.ALL)
    prefix, short = short_questions(sv)
    shares = _group(ind.answer_shares(conn, rounds=[round], min_group=sv.min_group), *group)
    order = {code: i for i, code in enumerate(sv.questions["code"])}
    rows = shares.assign(
        label=shares["question"].map(short),
        sort=shares["question"].map(order),
        emphasis=shares["question"] == question,
    )
    rows = rows.sort_values("sort").reset_index(drop=True)
    name = sv.group_name(*group)
    return survey_spec(
        conn,
        sv,
        CHART_QUESTIONS,
        rows,
        [round],
        title=tx(
            lang, f"Alla frågor: {name}, {sv.round_name(round)}", f"All questions: {name}, {sv.round_name(round)}"
        ),
        subtitle=(prefix + " …") if prefix else "",
        summary=questions_summary(rows, name, sv.round_name(round), sv),
        filename=file_stem(VIEW, tx(lang, "fragor", "questions"), sv.round_name(round), name),
        first_header=tx(lang, "Fråga", "Question"),
        empty=tx(lang, f"Inga svar från {name} i omgången", f"No answers from {name} in this round"),
    )


@chart(VIEW, CHART_ROUNDS)
def rounds_chart(conn, lang: str, round=None, question=None, county="", cluster="") -> ChartSpec:
    """Return one group's answers to one question in every round, oldest on top."""
    sv = survey_context(conn, lang)
    group = (cluster or ind.ALL, county or ind.ALL)
    codes = list(sv.rounds["code"])
    shares = ind.answer_shares(conn, questions=[question], min_group=sv.min_group)
    rows = _group(shares, *group)
    rows = rows.assign(label=[sv.round_name(c) for c in rows["round"]], rank=rows["round"].map(codes.index))
    rows = rows.sort_values("rank").reset_index(drop=True)
    name = sv.group_name(*group)
    change = ind.round_change(_group(shares, *group), codes)
    by_round = dict(zip(change["round"], change["change"]))
    points = whole_numbers([by_round.get(c) for c in rows["round"]], 100)
    example = dict(zip(sv.rounds["code"], sv.rounds["is_example"]))
    columns = {
        tx(lang, "Förändring positiva (procentenheter)", "Change positive (percentage points)"): points,
        tx(lang, "Exempeldata", "Example data"): [bool(example.get(c)) for c in rows["round"]],
    }
    return survey_spec(
        conn,
        sv,
        CHART_ROUNDS,
        rows,
        list(rows["round"]),
        title=tx(lang, f"Förändring mellan omgångar: {name}", f"Change between rounds: {name}"),
        subtitle=sv.question_text(question),
        summary=change_summary(change, name, sv.question_text(question), sv),
        filename=file_stem(VIEW, tx(lang, "omgangar", "rounds"), sv.question_text(question), name),
        first_header=tx(lang, "Omgång", "Round"),
        extra=columns,
        empty=tx(lang, f"Inga svar från {name} på frågan", f"No answers from {name} to this question"),
    )
