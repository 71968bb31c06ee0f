"""Turn the example generator's output into store rows: invented statistics, and the project's example records.

Invented statistics (facts and publications) go into the store only with `build --demo`; the example records
nobody has published (survey answers, cluster assessments, milestone statuses, indicator outcomes) go into
the default store. Both are marked as example data.
"""

from __future__ import annotations

from . import content, example
from . import schema as s

STATISTICS_DATASETS = {"ex_sysselsattning", "ex_dynamik", "ex_befolkning", "ex_akademi"}


def example_statistics_rows() -> dict:
    """Return rows for the invented statistics (facts and publications), as example datasets of their own."""
    rows: dict = {s.dataset: [d for d in example.DATASETS if d["code"] in STATISTICS_DATASETS]}
    fact_cols = ("dataset", "region", "industry", "year", "measure", "value")
    rows[s.fact] = [dict(zip(fact_cols, r), sex="total") for r in example.statistics_rows()]
    acad_cols = ("dataset", "university", "subject", "year", "measure", "value")
    rows[s.academic_output] = [dict(zip(acad_cols, r)) for r in example.academic_rows()]
    return rows


def example_rows() -> dict:
    """Return rows for the example records nobody has published (assessments, survey, follow-up)."""
    rows: dict = {s.dataset: [d for d in example.DATASETS if d["code"] not in STATISTICS_DATASETS]}
    phases, crits = [], []
    for kind, cluster, year, value, comment in example.cluster_assessment_rows():
        if kind == "phase":
            phases.append(dict(cluster=cluster, year=year, phase=value, comment=comment, dataset="ex_kluster"))
        else:
            crits.append(
                dict(
                    cluster=cluster,
                    year=year,
                    criterion=value[0],
                    level=value[1],
                    comment=comment,
                    dataset="ex_kluster",
                )
            )
    rows[s.phase_assessment], rows[s.criteria_assessment] = phases, crits
    rows[s.survey_round] = [dict(code=c, year=y, period=p, dataset="ex_enkat") for c, y, p in example.SURVEY_ROUNDS]
    respondents, answers = [], []
    for rid, (rnd, ext, cluster, county, size, ans) in enumerate(example.survey_respondents(), start=1):
        respondents.append(dict(id=rid, round=rnd, external_id=ext, cluster=cluster, region=county, size_class=size))
        answers += [dict(respondent=rid, question=q, option=o) for q, o in ans.items()]
    rows[s.respondent], rows[s.answer] = respondents, answers
    indicators, outcomes = [], []
    for code, act, nsv, nen, usv, uen, target, values in example.ACTIVITY_INDICATORS:
        indicators.append(
            dict(
                code=code,
                activity=act,
                subgoal=content.ACTIVITY_SUBGOAL[act],
                name_sv=nsv,
                name_en=nen,
                unit_sv=usv,
                unit_en=uen,
                target=target,
                is_example=True,
            )
        )
        outcomes += [
            dict(indicator=code, year=y, quarter=q, value=v, is_example=True, version=1)
            for (y, q), v in zip(example.INDICATOR_QUARTERS, values)
        ]
    rows[s.activity_indicator], rows[s.indicator_outcome] = indicators, outcomes
    return rows


def apply_example_statuses(conn) -> None:
    for idx, (status, done) in example.MILESTONE_STATUS.items():
        conn.execute(
            s.milestone.update()
            .where(s.milestone.c.id == idx + 1)
            .values(status=status, completed_on=done, status_is_example=True)
        )
