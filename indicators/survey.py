"""Aggregate the company survey (Företagsenkät) so that no respondent can be identified.

Respondent-level rows never leave this module: the store is only asked for counts per
round, question, cluster, county and answer (GROUP BY). Every group is then checked
against the confidentiality rule before a share is computed, and the numbers of a hidden
group are dropped here, so no caller ever holds them.

The rule (the threshold is the setting SURVEY_MIN_GROUP, default 5):
1. Primary suppression: a group with fewer than min_group respondents is not shown.
2. Secondary suppression: published groups are linked by sums (a cluster is the sum of its
   county cells, a county and the total the sum of their clusters). Where a sum is shown and
   the hidden parts could be worked out by subtracting the shown parts, the next-smallest
   part is hidden too (or, when no part is left, the sum), until every such sum hides at
   least two parts with together at least min_group respondents, or hides itself and one part.
The suppression is computed once per round and question over the whole table (every
cluster-county cell, cluster, county and the total), so no combination of views reveals
what one view hides.
"""

from __future__ import annotations

import os
from collections import defaultdict

import numpy as np
import pandas as pd
from sqlalchemy import func, select

from data import schema as s

from .meta import IndicatorMeta, register

DEFAULT_MIN_GROUP = 5
ALL = "*"  # a group over every cluster or every county
UNKNOWN_COUNTY = "?"  # respondents whose county is not recorded
SHOWN, TOO_FEW, PROTECTS_OTHER = "shown", "too_few", "protects_other"
KEYS = ["round", "question", "cluster", "county"]


def confidentiality_rule(lang: str, min_group: int = DEFAULT_MIN_GROUP) -> str:
    """Return the confidentiality rule in words, for notes and the methods page."""
    if lang == "en":
        return (
            f"Groups with fewer than {min_group} respondents are not shown, so that no single company's answers "
            "can be read. When a hidden group could be worked out by subtracting the shown groups from a shown "
            "total, the next-smallest group (or the total) is hidden as well. The threshold is a setting "
            f"(SURVEY_MIN_GROUP, now {min_group})."
        )
    return (
        f"Grupper med färre än {min_group} svarande visas inte, så att inget enskilt företags svar kan utläsas. "
        "Om en dold grupp skulle kunna räknas fram genom att dra de visade grupperna från en visad summa döljs "
        "också den näst minsta gruppen (eller summan). Gränsen är en inställning "
        f"(SURVEY_MIN_GROUP, nu {min_group})."
    )


def min_group_setting(value=None) -> int:
    """Return the confidentiality threshold: value, else SURVEY_MIN_GROUP from the environment, else 5."""
    raw = value if value is not None else os.environ.get("SURVEY_MIN_GROUP", DEFAULT_MIN_GROUP)
    try:
        number = int(raw)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"SURVEY_MIN_GROUP must be a whole number, not {raw!r}") from exc
    if number < 1:
        raise ValueError(f"SURVEY_MIN_GROUP must be at least 1, not {number}")
    return number


ANSWER_SHARES = IndicatorMeta(
    key="survey_answer_shares",
    title_sv="Svarsfördelning i företagsenkäten",
    title_en="Distribution of answers in the company survey",
    unit_sv="procent av svaren med åsikt",
    unit_en="per cent of answers with an opinion",
    definition_sv="Andelen svarande i gruppen (kluster, län eller alla) som valt varje svarsalternativ, räknat på "
    "dem som tagit ställning; ”Vet ej” ingår inte i procenten utan redovisas separat. Andel positiva är summan av "
    "de positiva svarsalternativen. " + confidentiality_rule("sv"),
    definition_en="The share of respondents in the group (cluster, county or all) who chose each answer, counted "
    "among those who took a position; “Don't know” is left out of the percentages and shown separately. The "
    "positive share is the sum of the positive answers. " + confidentiality_rule("en"),
    formula="andel_k = n_k / Σ_j n_j (j utan Vet ej); visas om Σ n ≥ SURVEY_MIN_GROUP",
    source_sv="Företagsenkäten till klustrens medlemsföretag",
    source_en="The company survey of the clusters' member companies",
    view="foretagsenkat",
    extra={"confidentiality_sv": confidentiality_rule("sv"), "confidentiality_en": confidentiality_rule("en")},
)

DONT_KNOW = IndicatorMeta(
    key="survey_dont_know",
    title_sv="Vet ej i företagsenkäten",
    title_en="Don't know in the company survey",
    unit_sv="antal och procent av alla svarande",
    unit_en="number and per cent of all respondents",
    definition_sv="Antalet svarande i gruppen som svarat ”Vet ej”, och deras andel av alla som svarat på frågan. "
    + confidentiality_rule("sv"),
    definition_en="The number of respondents in the group who answered “Don't know”, and their share of all who "
    "answered the question. " + confidentiality_rule("en"),
    formula="vet_ej / (Σ_j n_j + vet_ej)",
    source_sv=ANSWER_SHARES.source_sv,
    source_en=ANSWER_SHARES.source_en,
    view="foretagsenkat",
    extra=ANSWER_SHARES.extra,
)

ROUND_CHANGE = IndicatorMeta(
    key="survey_round_change",
    title_sv="Förändring mellan enkätomgångar",
    title_en="Change between survey rounds",
    unit_sv="procentenheter",
    unit_en="percentage points",
    definition_sv="Skillnaden i andel positiva svar för samma grupp och fråga mellan en enkätomgång och den "
    "föregående. Olika omgångar har olika svarande, så skillnaden kan bero på vilka som svarat. Ingen skillnad "
    "räknas där gruppen är dold i någon av omgångarna.",
    definition_en="The difference in the positive share for the same group and question between a survey round "
    "and the one before. Rounds have different respondents, so a difference can come from who answered. No "
    "difference is computed where the group is hidden in either round.",
    formula="Δ = andel_positiva(omgång t) − andel_positiva(omgång t−1)",
    source_sv=ANSWER_SHARES.source_sv,
    source_en=ANSWER_SHARES.source_en,
    view="foretagsenkat",
    extra=ANSWER_SHARES.extra,
)


# --- Reading the store (aggregates only) ------------------------------------


def survey_rounds(conn) -> pd.DataFrame:
    """Return the survey rounds: code, year, period, dataset, is_example (oldest first)."""
    r, d = s.survey_round, s.dataset
    q = (
        select(r.c.code, r.c.year, r.c.period, r.c.dataset, d.c.is_example)
        .join(d, d.c.code == r.c.dataset)
        .order_by(r.c.year, r.c.code)
    )
    frame = pd.DataFrame(conn.execute(q).all(), columns=["code", "year", "period", "dataset", "is_example"])
    return frame.astype({"is_example": bool})


def survey_questions(conn) -> pd.DataFrame:
    """Return the questions: code, text_sv, text_en, group_sv, group_en, sort."""
    t = s.survey_question
    rows = conn.execute(select(t).order_by(t.c.sort, t.c.code)).mappings().all()
    return pd.DataFrame([dict(x) for x in rows], columns=[c.name for c in t.columns])


def answer_options(conn) -> pd.DataFrame:
    """Return the answer scale: code, sort, label_sv, label_en, polarity."""
    t = s.answer_option
    rows = conn.execute(select(t).order_by(t.c.sort)).mappings().all()
    return pd.DataFrame([dict(x) for x in rows], columns=[c.name for c in t.columns])


def round_label(round_row: dict, lang: str) -> str:
    """Return a round's name for readers: its period (Swedish) or else its code."""
    return (round_row.get("period") if lang != "en" else None) or str(round_row["code"])


def cluster_names(conn) -> dict[str, str]:
    """Return {cluster code: name}, ordered by name."""
    c = s.cluster
    return dict(conn.execute(select(c.c.code, c.c.name).order_by(c.c.name)).all())


def answer_cells(conn, *, rounds=None, questions=None) -> pd.DataFrame:
    """Return answer counts: round, question, cluster, county, option, count (no respondent rows)."""
    p, a = s.respondent, s.answer
    q = (
        select(p.c.round, a.c.question, p.c.cluster, p.c.region, a.c.option, func.count())
        .join(a, a.c.respondent == p.c.id)
        .group_by(p.c.round, a.c.question, p.c.cluster, p.c.region, a.c.option)
    )
    if rounds is not None:
        q = q.where(p.c.round.in_(list(rounds)))
    if questions is not None:
        q = q.where(a.c.question.in_(list(questions)))
    frame = pd.DataFrame(conn.execute(q).all(), columns=KEYS + ["option", "count"])
    frame["county"] = frame["county"].fillna(UNKNOWN_COUNTY)
    return frame.astype({"count": "int64"})


# --- Confidentiality (pure) -------------------------------------------------


def group_counts(cells: pd.DataFrame) -> pd.DataFrame:
    """Sum cell counts into every group: each cell, each cluster and county (the other key ALL), and the total."""
    parts = [cells]
    for over in (["county"], ["cluster"], ["cluster", "county"]):
        keep = [k for k in KEYS if k not in over] + ["option"]
        summed = cells.groupby(keep, as_index=False)["count"].sum()
        parts.append(summed.assign(**{k: ALL for k in over}))
    return pd.concat(parts, ignore_index=True)[KEYS + ["option", "count"]]


def group_relations(cells: list[tuple[str, str]]) -> list[tuple[tuple, list[tuple]]]:
    """Return the sums linking the groups of one table: (total, parts) for clusters, counties and the total."""
    by_cluster, by_county = defaultdict(list), defaultdict(list)
    for cluster, county in sorted(cells):
        by_cluster[cluster].append((cluster, county))
        by_county[county].append((cluster, county))
    relations = [((c, ALL), parts) for c, parts in by_cluster.items()]
    relations += [((ALL, r), parts) for r, parts in by_county.items()]
    relations.append(((ALL, ALL), [(c, ALL) for c in by_cluster]))
    relations.append(((ALL, ALL), [(ALL, r) for r in by_county]))
    return relations


def suppress(sizes: dict, relations: list, min_group: int = DEFAULT_MIN_GROUP) -> dict:
    """Return {group: SHOWN | TOO_FEW | PROTECTS_OTHER} for groups of the given sizes linked by relations."""
    status = {g: (TOO_FEW if n < min_group else SHOWN) for g, n in sizes.items()}
    while True:
        _protect_each_sum(status, sizes, relations, min_group)
        leaks = derivable_groups(status, relations)
        if not leaks:
            return status
        status[_breaker(leaks[0], status, sizes, relations)] = PROTECTS_OTHER


def _protect_each_sum(status: dict, sizes: dict, relations: list, min_group: int) -> None:
    """Hide groups until no single sum reveals a hidden part or a hidden combination under min_group."""
    # After each new hidden group start again from the first sum, so that the narrow sums (a cluster
    # and its cells, a county and its clusters) settle before a wider one asks for more.
    while True:
        extra = next(
            (g for total, parts in relations if (g := _one_more_to_hide(total, parts, sizes, status, min_group))),
            None,
        )
        if extra is None:
            return
        status[extra] = PROTECTS_OTHER


def derivable_groups(status: dict, relations: list) -> list:
    """Return the hidden groups whose numbers follow from the shown ones through any chain of the sums."""
    hidden = sorted(g for g, v in status.items() if v != SHOWN)
    if not hidden:
        return []
    column = {g: i for i, g in enumerate(hidden)}
    rows = []
    for total, parts in relations:  # total - sum(parts) = 0, shown groups moved to the known side
        row = np.zeros(len(hidden))
        for group, sign in [(total, 1.0)] + [(p, -1.0) for p in parts]:
            if group in column:
                row[column[group]] += sign
        rows.append(row)
    system = np.array(rows).reshape(len(rows), len(hidden))
    rank = np.linalg.matrix_rank(system) if len(rows) else 0
    return [g for g in hidden if np.linalg.matrix_rank(np.vstack([system, np.eye(len(hidden))[column[g]]])) == rank]


def _breaker(leak, status: dict, sizes: dict, relations: list):
    """Return the smallest shown group whose hiding stops leak from being derivable (or the smallest neighbour)."""
    near = {g for total, parts in relations for g in [total, *parts] if status[g] == SHOWN}
    candidates = sorted(near, key=lambda g: (sizes[g], g))
    for group in candidates:
        if leak not in derivable_groups({**status, group: PROTECTS_OTHER}, relations):
            return group
    return candidates[0]


def _one_more_to_hide(total, parts, sizes, status, min_group):
    """Return a group whose hiding protects this sum's hidden parts, or None when they are safe."""
    hidden = [p for p in parts if status[p] != SHOWN]
    shown = sorted((p for p in parts if status[p] == SHOWN), key=lambda p: (sizes[p], p))
    if status[total] != SHOWN:
        # A hidden total with every part shown is simply their sum: hide one part as well.
        return shown[0] if shown and not hidden else None
    if not hidden or (len(hidden) >= 2 and sum(sizes[p] for p in hidden) >= min_group):
        return None
    return shown[0] if shown else total


def likert_shares(cells: pd.DataFrame, options: pd.DataFrame, *, min_group: int = DEFAULT_MIN_GROUP) -> pd.DataFrame:
    """Return shares per group: round, question, cluster, county, status, respondents, answered, dont_know,
    share_<option> for each option with a polarity, positive, negative. Hidden groups carry no numbers."""
    scale = options[options["polarity"] != "none"].sort_values("sort")
    codes = list(scale["code"])
    none_codes = list(options.loc[options["polarity"] == "none", "code"])
    counts = group_counts(cells)
    wide = counts.pivot_table(index=KEYS, columns="option", values="count", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=codes + none_codes, fill_value=0)
    out = wide.index.to_frame(index=False)
    out["respondents"] = wide.sum(axis=1).to_numpy()
    out["answered"] = wide[codes].sum(axis=1).to_numpy()
    out["dont_know"] = wide[none_codes].sum(axis=1).to_numpy()
    out.insert(4, "status", _statuses(out, min_group))
    denominator = out["answered"].where(out["answered"] > 0)
    for code in codes:
        out[f"share_{code}"] = wide[code].to_numpy() / denominator
    for polarity in ("positive", "negative"):
        chosen = [f"share_{c}" for c in scale.loc[scale["polarity"] == polarity, "code"]]
        out[polarity] = out[chosen].sum(axis=1, min_count=1) if chosen else float("nan")
    hidden = out["status"] != SHOWN
    for col in ["respondents", "answered", "dont_know"]:
        out[col] = out[col].astype("Int64").mask(hidden)
    number_cols = [f"share_{c}" for c in codes] + ["positive", "negative"]
    out[number_cols] = out[number_cols].astype("float64").mask(hidden)
    return out.sort_values(KEYS, kind="stable").reset_index(drop=True)


def _statuses(groups: pd.DataFrame, min_group: int) -> list[str]:
    """Return the status of each group row, suppression computed per round and question."""
    status = {}
    for (rnd, question), part in groups.groupby(["round", "question"], sort=False):
        sizes = {(c, r): int(n) for c, r, n in zip(part["cluster"], part["county"], part["respondents"])}
        cells = [g for g in sizes if ALL not in g]
        for group, value in suppress(sizes, group_relations(cells), min_group).items():
            status[(rnd, question, *group)] = value
    return [status[key] for key in zip(groups["round"], groups["question"], groups["cluster"], groups["county"])]


# --- Indicators ---------------------------------------------------------------


@register(ANSWER_SHARES)
def answer_shares(conn, *, rounds=None, questions=None, min_group: int = DEFAULT_MIN_GROUP) -> pd.DataFrame:
    """Return the confidential shares of likert_shares for the store's answers (all groups of each table)."""
    cells = answer_cells(conn, rounds=rounds, questions=questions)
    return likert_shares(cells, answer_options(conn), min_group=min_group)


register(DONT_KNOW)  # the same function gives the don't-know counts


@register(ROUND_CHANGE)
def round_change(shares: pd.DataFrame, round_order: list[str]) -> pd.DataFrame:
    """Return the change in positive share from the previous round: question, cluster, county, round,
    previous_round, positive, previous_positive, change (NaN where either round hides the group)."""
    rank = {code: i for i, code in enumerate(round_order)}
    frame = shares[shares["round"].isin(rank)].assign(rank=lambda f: f["round"].map(rank))
    frame = frame.sort_values(["question", "cluster", "county", "rank"], kind="stable")
    groups = frame.groupby(["question", "cluster", "county"], sort=False)
    frame = frame.assign(
        previous_round=groups["round"].shift(), previous_positive=groups["positive"].shift().astype("float64")
    )
    frame = frame[frame["previous_round"].notna()]
    frame = frame.assign(change=frame["positive"] - frame["previous_positive"])
    cols = ["question", "cluster", "county", "round", "previous_round", "positive", "previous_positive", "change"]
    return frame[cols].reset_index(drop=True)
