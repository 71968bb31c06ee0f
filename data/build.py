"""Build the store: code lists, the project plan, the shipped public statistics and the project's own example records.

What goes in (python -m data build ...):
- default:      code lists + plan + every shipped real dataset (data/real/manifest.toml, loaded through the
                importers a user would use) + example records nobody has published (survey answers, cluster
                assessments, milestone statuses, indicator outcomes), labelled as example data;
- --demo:       the default plus the invented statistics, as separate datasets marked as example data;
- --real-only:  code lists + plan + real statistics, no example record at all;
- --empty:      code lists + plan only.
"""

from __future__ import annotations

import sys
from datetime import datetime

from . import classifications as cl
from . import content, measures, meta, plan, real
from . import schema as s
from .example_assessments import insert_examples as insert_example_assessments
from .example_rows import apply_example_statuses, example_rows, example_statistics_rows
from .store import database_url, dispose_all, engine_for, insert_rows, replace_sqlite, sqlite_path


def classification_rows() -> dict:
    """Return rows for the code-list tables."""
    regions = [dict(code=c, nuts=n, name_sv=sv, name_en=en, level=lv, parent=p) for c, n, sv, en, lv, p in cl.REGIONS]
    for county, munis in cl.MUNICIPALITIES.items():
        regions += [
            dict(code=m, nuts=None, name_sv=name, name_en=name, level="kommun", parent=county) for m, name in munis
        ]
    sort = iter(range(10_000))
    industries = [
        dict(
            code="TOTAL",
            level="total",
            name_sv="Samtliga branscher",
            name_en="All industries",
            section=None,
            a10=None,
            sort=next(sort),
        )
    ]
    a10_of = {}
    for code, sv, en, a10 in cl.SECTIONS:
        a10_of[code] = a10
        industries.append(
            dict(code=code, level="section", name_sv=sv, name_en=en, section=code, a10=a10, sort=next(sort))
        )
    for code, sec, sv, en in cl.DIVISIONS:
        industries.append(
            dict(code=code, level="division", name_sv=sv, name_en=en, section=sec, a10=a10_of[sec], sort=next(sort))
        )
    for code, sv, en in cl.A10:
        industries.append(dict(code=code, level="a10", name_sv=sv, name_en=en, section=None, a10=code, sort=next(sort)))
    for code, sv, en, _sections, _aliases in cl.BRANSCHGRUPPER:
        industries.append(dict(code=code, level="bransch15", name_sv=sv, name_en=en, sort=next(sort)))
    for row in industries:
        row.setdefault("section", None)
        row.setdefault("a10", None)
        row["group15"] = cl.GROUP15_OF_SECTION.get(row["section"]) if row["section"] else None
    # A*10 codes that equal a section code (A, C, F, J, K, L) are that section: one row, not two.
    section_codes = {code for code, *_ in cl.SECTIONS}
    industries = [r for r in industries if not (r["level"] == "a10" and r["code"] in section_codes)]
    subjects = [dict(code=c, level=1, parent=None, name_sv=sv, name_en=en) for c, sv, en in cl.RESEARCH_AREAS]
    subjects += [dict(code=c, level=3, parent=c[0], name_sv=sv, name_en=en) for c, sv, en in cl.RESEARCH_GROUPS]
    universities = [dict(code=c, name_sv=sv, name_en=en, region=r, url=u) for c, sv, en, r, u in cl.UNIVERSITIES]
    universities.append(
        dict(
            code="riket",
            name_sv="Samtliga lärosäten i Sverige",
            name_en="All Swedish universities",
            region=cl.RIKET,
            url=None,
        )
    )
    sectors = [
        dict(code=c, name_sv=sv, name_en=en, description_sv=None, description_en=None, sort=i)
        for i, (c, sv, en, _divs) in enumerate(content.SECTORS)
    ]
    industry_sector = [dict(industry=d, sector=c) for c, _sv, _en, divs in content.SECTORS for d in divs]
    return {
        s.region: regions,
        s.industry: industries,
        s.research_subject: subjects,
        s.university: universities,
        s.measure: measures.rows(),
        s.sector: sectors,
        s.industry_sector: industry_sector,
    }


def plan_rows() -> dict:
    """Return rows for the real content of the project plan (and the clusters' public facts)."""
    rows: dict = {s.dataset: [content.PLAN_DATASET, content.CLUSTER_DATASET], s.project: [content.PROJECT]}
    rows[s.activity] = [
        dict(number=n, name_sv=a, name_en=b, description_sv=c, description_en=d) for n, a, b, c, d in content.ACTIVITIES
    ]
    rows[s.subgoal] = [dict(number=n, text_sv=a, text_en=b) for n, a, b in content.SUBGOALS]
    rows[s.milestone] = [
        dict(
            id=i + 1,
            year=y,
            quarter=q,
            text_sv=sv,
            text_en=en,
            activity=act,
            subgoal=content.ACTIVITY_SUBGOAL.get(act),
            status=None,  # nobody has reported a status: unknown, not "planned" and never "late"
            completed_on=None,
            comment=None,
            status_is_example=False,
            version=1,
        )
        for i, (y, q, sv, en, act) in enumerate(content.MILESTONES)
    ]
    areas, area_ind, area_subj = [], [], []
    ident = iter(range(1, 1000))
    for region, items in content.TEST_AREAS.items():
        for sort, (sv, en, divs, subjects) in enumerate(items):
            tid = next(ident)
            areas.append(dict(id=tid, region=region, name_sv=sv, name_en=en, sort=sort))
            area_ind += [dict(test_area=tid, industry=d) for d in divs]
            area_subj += [dict(test_area=tid, subject=g) for g in subjects]
    rows.update({s.test_area: areas, s.test_area_industry: area_ind, s.test_area_subject: area_subj})
    rows[s.cluster] = [
        dict(
            code=c,
            name=n,
            theme_sv=tsv,
            theme_en=ten,
            founded=None,
            members=None,
            organisation=None,
            url=u,
            dataset="klusterlista",
        )
        for c, n, _r, tsv, ten, u, _d in content.CLUSTERS
    ]
    rows[s.cluster_region] = [dict(cluster=c, region=r) for c, _n, regions, *_ in content.CLUSTERS for r in regions]
    rows[s.cluster_industry] = [dict(cluster=c, industry=d) for c, *_rest, divs in content.CLUSTERS for d in divs]
    links = []
    for c, _n, _regions, *_rest, divs in content.CLUSTERS:
        for area in areas:
            covered = {r["industry"] for r in area_ind if r["test_area"] == area["id"]}
            if area["region"] in _regions and covered & set(divs):
                links.append(dict(cluster=c, test_area=area["id"]))
    rows[s.cluster_test_area] = links
    rows[s.phase] = [
        dict(code=c, sort=o, name_sv=sv, name_en=en, description_sv=dsv, description_en=den)
        for c, o, sv, en, dsv, den in content.PHASES
    ]
    rows[s.criterion] = [dict(code=c, sort=o, name_sv=sv, name_en=en) for c, o, sv, en in content.CRITERIA]
    rows[s.criterion_level] = [
        dict(code=c, sort=o, name_sv=sv, name_en=en) for c, o, sv, en in content.CRITERION_LEVELS
    ]
    rows[s.answer_option] = [
        dict(code=c, sort=o, label_sv=sv, label_en=en, polarity=p) for c, o, sv, en, p in content.ANSWER_OPTIONS
    ]
    rows[s.survey_question] = [
        dict(code=c, text_sv=sv, text_en=en, group_sv="Samverkan", group_en="Collaboration", sort=i)
        for i, (c, sv, en) in enumerate(content.SURVEY_QUESTIONS)
    ]
    return rows


def _kept_settings(url: str) -> dict[str, str]:
    """Return the settings of the store being replaced (its secret key), so running workers keep signing the same way."""
    path = sqlite_path(url)
    if path is not None and not path.exists():
        return {}
    try:
        with engine_for(url).connect() as conn:
            return meta.read_settings(conn)
    except Exception:  # no store there yet, or a broken one: nothing to keep
        return {}


def build(
    url: str | None = None,
    *,
    empty: bool = False,
    real_data: bool = True,
    example_records: bool = True,
    example_statistics: bool = False,
) -> str:
    """Create the store at url from scratch and return the URL built (see the module docstring for the parts).

    empty=True is the plan alone (the same as real_data, example_records and example_statistics all false).
    """
    if empty:
        real_data = example_records = example_statistics = False
    url = database_url(url)
    path = sqlite_path(url)
    target_url = url
    kept = _kept_settings(url)
    if path is not None:  # build beside the file and copy it into place, so a reader never sees half a store
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".building")
        tmp.unlink(missing_ok=True)
        target_url = f"sqlite:///{tmp}"
    engine = engine_for(target_url)
    parts = [classification_rows(), plan_rows(), plan.rows()]
    parts += [example_rows()] if example_records else []
    parts += [example_statistics_rows()] if example_statistics else []
    try:
        # One transaction, DDL included (PostgreSQL): readers of a store rebuilt in place see the old or the new one.
        with engine.begin() as conn:
            s.metadata.drop_all(conn)
            s.metadata.create_all(conn)
            s.bookkeeping.create_all(conn)
            conn.execute(s.user_session.delete())  # user ids start again: no session may outlive the rebuild
            meta.write_settings(conn, kept)
            meta.start_version(conn)
            for rows in parts:
                for table in s.metadata.sorted_tables:
                    if rows.get(table):
                        insert_rows(conn, table, rows[table])
            if example_records:
                apply_example_statuses(conn)
            if real_data:
                real.load_shipped(conn)
            if example_statistics:  # the demonstration store shows the qualitative half with invented records too
                insert_example_assessments(conn)
    except BaseException:
        if path is not None:  # leave no half-built file behind
            dispose_all()
            tmp.unlink(missing_ok=True)
        raise
    if path is not None:
        dispose_all()
        replace_sqlite(tmp, path)
    return url


MODES = {  # option: (real statistics, example records, example statistics, words)
    "default": (True, True, False, "verklig statistik och exempelposter"),
    "demo": (True, True, True, "verklig statistik, exempelposter och påhittad statistik"),
    "real_only": (True, False, False, "bara verklig statistik och projektplanen"),
    "empty": (False, False, False, "bara projektplanen, utan statistik och utan exempeldata"),
}


def add_arguments(sub) -> None:
    p = sub.add_parser(
        "build",
        help="skapa databasen: kodlistor, planen, den medföljande offentliga statistiken och märkta exempelposter",
    )
    p.add_argument("--db", help="SQLAlchemy URL (default: DATABASE_URL or data/s3.sqlite)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--demo", action="store_true", help="also the invented statistics, as separate example datasets")
    mode.add_argument("--real-only", action="store_true", help="real statistics and the plan only, no example records")
    mode.add_argument("--empty", action="store_true", help="only the project plan's content (no statistics)")
    p.set_defaults(func=run)


def run(args) -> int:
    started = datetime.now()
    mode = "demo" if args.demo else "real_only" if args.real_only else "empty" if args.empty else "default"
    real_data, records, statistics, words = MODES[mode]
    try:
        url = build(args.db, real_data=real_data, example_records=records, example_statistics=statistics)
    except real.ShippedDataBroken as exc:
        print(f"Bygget avbröts: {exc}", file=sys.stderr)
        return 1
    seconds = (datetime.now() - started).total_seconds()
    print(f"Byggde databasen {url} ({words}) på {seconds:.1f} s.", file=sys.stderr)
    return 0
