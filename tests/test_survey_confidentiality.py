"""The survey's aggregation and confidentiality rule against hand-computed cases."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from indicators.survey import (
    ALL,
    PROTECTS_OTHER,
    SHOWN,
    TOO_FEW,
    derivable_groups,
    group_relations,
    likert_shares,
    min_group_setting,
    round_change,
    suppress,
)

S, T, P = SHOWN, TOO_FEW, PROTECTS_OTHER
NA = pd.NA
NAN = float("nan")

# A tiny scale: one positive, one neutral, one negative answer and "Vet ej".
OPTIONS = pd.DataFrame(
    {
        "code": ["ja", "varken", "nej", "vet_ej"],
        "sort": [1, 2, 3, 4],
        "label_sv": ["Ja", "Varken", "Nej", "Vet ej"],
        "label_en": ["Yes", "Neither", "No", "Don't know"],
        "polarity": ["positive", "neutral", "negative", "none"],
    }
)


def cells_of(table: dict) -> pd.DataFrame:
    """Return answer cells for round r, question q from {(cluster, county): {option: count}}."""
    rows = [("r", "q", c, r, o, n) for (c, r), counts in table.items() for o, n in counts.items()]
    frame = pd.DataFrame(rows, columns=["round", "question", "cluster", "county", "option", "count"])
    return frame.astype({"count": "int64"})


def one_sum(parts: dict, min_group: int = 5) -> dict:
    """Suppress a single table: a shown total T over the given parts."""
    sizes = {**parts, "T": sum(parts.values())}
    return suppress(sizes, [("T", list(parts))], min_group)


@pytest.mark.parametrize(
    "parts,expected",
    [
        # nobody small: everything shown
        ({"A": 5, "B": 6}, {"A": S, "B": S, "T": S}),
        # T − B − C would give A (3): the next-smallest part B is hidden too
        ({"A": 3, "B": 12, "C": 20}, {"A": T, "B": P, "C": S, "T": S}),
        # A and B are hidden but together only 4 < 5, still a small group by subtraction: hide C too
        ({"A": 2, "B": 2, "C": 10, "D": 30}, {"A": T, "B": T, "C": P, "D": S, "T": S}),
        # two small parts that together reach 5 protect each other
        ({"A": 2, "B": 3, "C": 10}, {"A": T, "B": T, "C": S, "T": S}),
        # only two parts: hiding one means hiding the other
        ({"A": 4, "B": 30}, {"A": T, "B": P, "T": S}),
    ],
)
def test_a_hidden_part_cannot_be_worked_out_from_a_shown_sum(parts, expected):
    assert one_sum(parts) == expected


def test_a_single_part_and_its_sum_are_hidden_together():
    # A cluster whose respondents all sit in one county: the cluster and the cell are the same group.
    sizes = {"cell": 8, "cluster": 8, "county": 11, "other": 3}
    relations = [("cluster", ["cell"]), ("county", ["cell", "other"])]
    assert suppress(sizes, relations, 5) == {"cell": P, "cluster": P, "county": S, "other": T}


def test_a_two_by_two_table_with_margins_hides_all_four_cells():
    # X in Värmland has 3 respondents. Each row and column sum is shown, so one shown cell would give
    # away the rest: X17 = X* − X20, X20 = *20 − Y20, ... All four cells go; the margins stay.
    cells = {("X", "17"): 3, ("X", "20"): 10, ("Y", "17"): 10, ("Y", "20"): 10}
    sizes = dict(cells)
    sizes.update({("X", ALL): 13, ("Y", ALL): 20, (ALL, "17"): 13, (ALL, "20"): 20, (ALL, ALL): 33})
    status = suppress(sizes, group_relations(list(cells)), 5)
    assert {g for g, v in status.items() if v != S} == set(cells)
    assert status[("X", "17")] == T


def test_the_audit_finds_a_group_revealed_through_a_chain_of_sums():
    # c0 spreads over three counties, c1 and c2 only over r2. With these groups hidden, c0's r2 cell is
    # still derivable: c1r2 + c2r2 = c1* + c2* = ** − c0*, and c0r2 = *r2 − (c1r2 + c2r2).
    cells = {("c0", "r0"): 2, ("c0", "r1"): 9, ("c0", "r2"): 8, ("c1", "r2"): 13, ("c2", "r2"): 7}
    hidden = {("c0", "r0"), ("c0", "r1"), ("c0", "r2"), ("c1", "r2"), ("c2", "r2")}
    hidden |= {(ALL, "r0"), (ALL, "r1"), ("c1", ALL), ("c2", ALL)}
    groups = set(cells) | {(c, ALL) for c, _ in cells} | {(ALL, r) for _, r in cells} | {(ALL, ALL)}
    status = {g: (P if g in hidden else S) for g in groups}
    assert derivable_groups(status, group_relations(list(cells))) == [("c0", "r2")]
    protected = suppress(_sizes(cells), group_relations(list(cells)), 5)
    assert derivable_groups(protected, group_relations(list(cells))) == []


def _sizes(cells: dict) -> dict:
    sizes = dict(cells)
    for (c, r), n in cells.items():
        for key in [(c, ALL), (ALL, r), (ALL, ALL)]:
            sizes[key] = sizes.get(key, 0) + n
    return sizes


def _revealed(cells: dict, status: dict) -> list:
    """Return hidden groups whose respondent set is a linear combination of shown groups' (checked over cells)."""
    atoms = sorted(cells)

    def vector(group):
        return np.array([1.0 if group[0] in (ALL, c) and group[1] in (ALL, r) else 0.0 for c, r in atoms])

    shown = np.array([vector(g) for g, v in status.items() if v == S]).reshape(-1, len(atoms))
    rank = np.linalg.matrix_rank(shown) if len(shown) else 0
    return [g for g, v in status.items() if v != S and np.linalg.matrix_rank(np.vstack([shown, vector(g)])) == rank]


def test_no_hidden_group_can_be_derived_in_many_random_tables():
    rng = np.random.default_rng(20170401)
    checked = 0
    for _ in range(400):
        clusters, counties = int(rng.integers(1, 6)), int(rng.integers(1, 4))
        cells = {
            (f"c{c}", f"r{r}"): int(rng.integers(1, 15))
            for c, r in itertools.product(range(clusters), range(counties))
            if rng.uniform() < 0.6
        }
        if not cells:
            continue
        sizes = _sizes(cells)
        status = suppress(sizes, group_relations(list(cells)), 5)
        assert _revealed(cells, status) == [], cells
        assert all(status[g] != S for g, n in sizes.items() if n < 5)
        checked += int(any(v == P for v in status.values()))
    assert checked > 50  # many tables needed secondary suppression


def test_shares_leave_out_dont_know_and_hide_protected_groups():
    # Cluster B (3 respondents) is too small; the Värmland total (9) minus A (6) would reveal B,
    # so A is hidden too; the hand-computed shares follow.
    cells = cells_of(
        {
            ("A", "17"): {"ja": 3, "varken": 1, "nej": 1, "vet_ej": 1},
            ("B", "17"): {"ja": 1, "nej": 2},
            ("C", "20"): {"ja": 2, "varken": 2, "nej": 2, "vet_ej": 2},
            ("D", "20"): {"varken": 4, "nej": 2},
        }
    )
    third = 1 / 3
    expected = pd.DataFrame(
        {
            "round": ["r"] * 11,
            "question": ["q"] * 11,
            "cluster": ["*", "*", "*", "A", "A", "B", "B", "C", "C", "D", "D"],
            "county": ["*", "17", "20", "*", "17", "*", "17", "*", "20", "*", "20"],
            "status": [S, S, S, P, P, T, T, S, S, S, S],
            "respondents": pd.array([23, 9, 14, NA, NA, NA, NA, 8, 8, 6, 6], dtype="Int64"),
            "answered": pd.array([20, 8, 12, NA, NA, NA, NA, 6, 6, 6, 6], dtype="Int64"),
            "dont_know": pd.array([3, 1, 2, NA, NA, NA, NA, 2, 2, 0, 0], dtype="Int64"),
            "share_ja": [0.3, 0.5, 1 / 6, NAN, NAN, NAN, NAN, third, third, 0.0, 0.0],
            "share_varken": [0.35, 0.125, 0.5, NAN, NAN, NAN, NAN, third, third, 2 / 3, 2 / 3],
            "share_nej": [0.35, 0.375, third, NAN, NAN, NAN, NAN, third, third, third, third],
            "positive": [0.3, 0.5, 1 / 6, NAN, NAN, NAN, NAN, third, third, 0.0, 0.0],
            "negative": [0.35, 0.375, third, NAN, NAN, NAN, NAN, third, third, third, third],
        }
    )
    assert_frame_equal(likert_shares(cells, OPTIONS, min_group=5), expected, check_dtype=False)


@pytest.mark.parametrize(
    "min_group,hidden",
    [
        (3, set()),  # B's three respondents are enough
        (5, {("A", "*"), ("A", "17"), ("B", "*"), ("B", "17")}),
        # A, B and D too small; C would be Dalarna's total minus D, so C goes as well
        (
            7,
            {(c, r) for c, r in [("A", "*"), ("A", "17"), ("B", "*"), ("B", "17")]}
            | {("C", "*"), ("C", "20"), ("D", "*"), ("D", "20")},
        ),
    ],
)
def test_the_threshold_is_a_parameter(min_group, hidden):
    cells = cells_of(
        {
            ("A", "17"): {"ja": 6},
            ("B", "17"): {"nej": 3},
            ("C", "20"): {"ja": 8},
            ("D", "20"): {"varken": 6},
        }
    )
    shares = likert_shares(cells, OPTIONS, min_group=min_group)
    assert set(shares.loc[shares["status"] != S, ["cluster", "county"]].itertuples(index=False, name=None)) == hidden
    assert shares.loc[shares["status"] != S, ["respondents", "share_ja", "positive"]].isna().all().all()


def test_change_between_rounds_is_not_computed_for_a_hidden_round():
    shares = pd.DataFrame(
        {
            "round": ["2017", "2018", "2017", "2018"],
            "question": ["q"] * 4,
            "cluster": ["A", "A", "B", "B"],
            "county": ["*"] * 4,
            "positive": [0.5, 0.75, NAN, 0.4],
        }
    )
    expected = pd.DataFrame(
        {
            "question": ["q", "q"],
            "cluster": ["A", "B"],
            "county": ["*", "*"],
            "round": ["2018", "2018"],
            "previous_round": ["2017", "2017"],
            "positive": [0.75, 0.4],
            "previous_positive": [0.5, NAN],
            "change": [0.25, NAN],
        }
    )
    assert_frame_equal(round_change(shares, ["2017", "2018"]), expected, check_dtype=False)


@pytest.mark.parametrize("raw,expected", [(None, 5), ("3", 3), (10, 10)])
def test_threshold_setting_is_read_as_a_whole_number(raw, expected, monkeypatch):
    monkeypatch.delenv("SURVEY_MIN_GROUP", raising=False)
    assert min_group_setting(raw) == expected


def test_threshold_setting_comes_from_the_environment_and_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("SURVEY_MIN_GROUP", "7")
    assert min_group_setting() == 7
    for bad in ("0", "fem", "-2"):
        with pytest.raises(ValueError, match="SURVEY_MIN_GROUP"):
            min_group_setting(bad)
