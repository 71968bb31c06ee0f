"""Share what every Styrkeområden chart needs: the reader's selection, the cached analysis, names, refusals in words."""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields

import flask
import pandas as pd

from figures.spec import ChartSpec
from figures.style import empty_figure
from i18n import tx
from indicators.analysis import StrengthAnalysis, cached_strength_analysis
from indicators.coverage import missing_message
from indicators.facts import example_share
from indicators.levels import LEVEL_NAMES, InvalidArgument
from indicators.source import CachedSource
from indicators.strength import Thresholds, category_name

from .. import chart
from ..names import file_stem
from ..sources import _line, record_measures
from . import COUNTIES, SIDE_BY_SIDE, VIEW

CHART_WORDS = {  # what each chart is, for its file names: (Swedish, English)
    "bubble": ("specialisering_och_forandring", "specialisation_and_change"),
    "lq-bars": ("hogst_lokaliseringskvot", "highest_location_quotient"),
    "strengths": ("styrkeomraden_och_kriterier", "strength_areas_and_criteria"),
    "heatmap": ("lokaliseringskvoter_regioner", "location_quotients_regions"),
    "shift-share": ("forandringen_i_tre_delar", "change_in_three_parts"),
    "innovation": ("nya_foretag_patent_varumarken", "new_firms_patents_trademarks"),
    "competence": ("eftergymnasial_utbildning", "higher_education"),
    "academic": ("larosatenas_specialisering", "university_specialisation"),
    "test-areas": ("testomraden", "test_areas"),
}


@dataclass(frozen=True)
class Selection:
    """What the reader chose: region (or the three counties side by side), years, level, reference, rule."""

    region: str = "SE31"
    year: int | None = None
    start: int | None = None
    level: str = "division"
    reference: str = "00"
    per: str = "employees"
    thresholds: Thresholds = Thresholds()

    @property
    def regions(self) -> list[str]:
        return list(COUNTIES) if self.region == SIDE_BY_SIDE else [self.region]

    @classmethod
    def from_params(cls, params: dict) -> Selection:
        given = {f.name: params[f.name] for f in fields(Thresholds) if params.get(f.name) is not None}
        return cls(
            region=params.get("region") or "SE31",
            year=params.get("year"),
            start=params.get("start"),
            level=params.get("level") or "a10",
            reference=params.get("reference") or "00",
            per=params.get("per") or "employees",
            thresholds=Thresholds(**given),
        )


@dataclass
class Context:
    """A chart's inputs: the selection, the analysis and the names to write, in the page's language."""

    selection: Selection
    lang: str
    source: CachedSource
    analysis: StrengthAnalysis
    names: dict[str, str]  # region code -> name

    def name(self, code: str) -> str:
        return self.names.get(code, code)

    @property
    def reference_name(self) -> str:
        return tx(self.lang, "riket", "Sweden") if self.selection.reference == "00" else self.name("SE31")

    @property
    def level_name(self) -> str:
        return tx(self.lang, *LEVEL_NAMES[self.analysis.level])

    @property
    def period(self) -> str:
        return f"{self.analysis.start}–{self.analysis.year}"

    def panels(self) -> list[str]:
        return [self.name(r) for r in self.selection.regions]

    def industry_names(self, frame: pd.DataFrame) -> pd.Series:
        return frame["name_en" if self.lang == "en" else "name_sv"]

    def categories(self, frame: pd.DataFrame) -> pd.Series:
        return frame["category"].map(lambda c: category_name(c, self.lang))


def analysis_for(source, selection: Selection, regions: list[str] | None = None) -> StrengthAnalysis:
    return cached_strength_analysis(
        source,
        regions=regions or selection.regions,
        level=selection.level,
        year=selection.year,
        start=selection.start,
        reference=selection.reference,
        per=selection.per,
        thresholds=selection.thresholds,
    )


def context(conn, lang: str, params: dict) -> Context:
    """Return the chart inputs for the params; all charts of one request (one redraw) share them."""
    memo = flask.g.setdefault("styrkeomraden_contexts", {}) if flask.has_app_context() else {}
    key = (lang, tuple(sorted((k, repr(v)) for k, v in params.items())))
    if key not in memo or memo[key].source.conn is not conn:  # a context reads through its own connection
        selection = Selection.from_params(params)
        source = CachedSource.for_request(conn)
        analysis = analysis_for(source, selection)
        regions = source.regions()
        names = dict(zip(regions["code"], regions["name_en" if lang == "en" else "name_sv"]))
        memo[key] = Context(selection, lang, source, analysis, names)
    return memo[key]


def explained(key: str, title: str, message: str, lang: str) -> ChartSpec:
    """Return a chart that says in words why there is nothing to show."""
    return ChartSpec(
        view=VIEW,
        key=key,
        title=title,
        figure=empty_figure(message, lang),
        table=pd.DataFrame({tx(lang, "Meddelande", "Message"): [message]}),
        source="",
        summary=message,
        filename=file_stem(VIEW, tx(lang, *CHART_WORDS.get(key, (key, key)))),
    )


def sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."


def styrka_chart(key: str, title_sv: str, title_en: str, *, needs_period: bool = False, needs: tuple = ()):
    """Register a Styrkeområden chart; a refused selection becomes a chart that explains itself.

    needs: (column of the analysis table, measure) pairs the chart draws; when every one of those columns is
    empty for the selection, the chart says which data is missing and what would supply it, instead of
    drawing zeros.
    """

    def decorate(build):
        @chart(VIEW, key)
        @functools.wraps(build)
        def builder(conn, lang: str, **params) -> ChartSpec:
            title = tx(lang, title_sv, title_en)
            try:
                ctx = context(conn, lang, params)
            except InvalidArgument as exc:
                return explained(key, title, sentence(exc.message(lang)), lang)
            if ctx.analysis.table.empty:
                return explained(key, title, no_data_message(ctx), lang)
            if needs_period and ctx.analysis.start >= ctx.analysis.year:
                return explained(key, title, no_period_message(ctx), lang)
            if needs and not any(has_values(ctx, column) for column, _m in needs):
                return explained(key, title, " ".join(measure_missing(ctx, m) for _c, m in needs), lang)
            return build(ctx, key, title)

        return builder

    return decorate


def has_values(ctx: Context, column: str) -> bool:
    """Return whether the analysis has any value in a column (a table of the academic base counts its rows)."""
    if column == "academic":
        return not ctx.analysis.academic.empty
    table = ctx.analysis.table
    return column in table and table[column].notna().any()


def measure_missing(ctx: Context, measure: str) -> str:
    """Say that a measure is missing for the selection, and what would supply it."""
    return missing_message(
        ctx.source.conn,
        measure,
        level=ctx.analysis.level if measure != "publications" else None,
        years=[ctx.analysis.year],
        regions=ctx.selection.regions,
        lang=ctx.lang,
    )["text"]


def no_period_message(ctx: Context) -> str:
    year = ctx.analysis.year
    return tx(
        ctx.lang,
        f"Förändringen kräver två år med uppgifter; välj ett startår före {year} under ”Förändring från”.",
        f"The change needs two years of data; choose a start year before {year} under “Change from”.",
    )


def no_data_message(ctx: Context) -> str:
    """Say which employment data is missing for the selection and what would supply it."""
    return missing_message(
        ctx.source.conn,
        "employees",
        level=ctx.analysis.level,
        years=[ctx.analysis.year],
        regions=ctx.selection.regions,
        lang=ctx.lang,
    )["text"]


def spec(ctx: Context, key: str, title: str, figure, table: pd.DataFrame, shown: pd.DataFrame, measures, **kw):
    """Return a ChartSpec with the source line and the example-data status of the rows shown."""
    record_measures(ctx.source.conn, measures)
    lang = ctx.lang
    words = tx(lang, *CHART_WORDS.get(key, (key, key)))
    region = (
        tx(lang, "de tre länen", "the three counties")
        if ctx.selection.region == SIDE_BY_SIDE
        else ctx.name(ctx.selection.region)
    )
    return ChartSpec(
        view=VIEW,
        key=key,
        title=title,
        figure=figure,
        table=table,
        source=_line(ctx.lang, ctx.source.sources(measures)),
        data_status=example_share(shown),
        filename=file_stem(VIEW, words, region, tx(lang, *LEVEL_NAMES[ctx.analysis.level]), ctx.analysis.year),
        **kw,
    )


def missing_reference_note(ctx: Context, frame: pd.DataFrame) -> list[str]:
    """Return a note naming the industries whose quotient is undefined because nobody works in them in the reference."""
    missing = frame[frame["reference_value"].isna() | (frame["reference_value"] <= 0)]
    if missing.empty:
        return []
    names = ", ".join(sorted(set(ctx.industry_names(missing))))
    return [
        tx(
            ctx.lang,
            f"Ingen kvot för {names}: ingen arbetar i branschen i {ctx.reference_name} år {ctx.analysis.year}.",
            f"No quotient for {names}: nobody works in the industry in {ctx.reference_name} in {ctx.analysis.year}.",
        )
    ]


def uncertain_note(ctx: Context, frame: pd.DataFrame) -> list[str]:
    """Return a note naming the quotients that rest on a coarsely rounded value (indicators.lq.uncertain)."""
    if "uncertain" not in frame or not frame["uncertain"].fillna(False).astype(bool).any():
        return []
    rows = frame[frame["uncertain"].fillna(False).astype(bool)]
    labels = rows["name"] if "name" in rows else ctx.industry_names(rows)
    names = ", ".join(dict.fromkeys(str(n).lower() for n in labels))
    return [
        tx(
            ctx.lang,
            f"Osäkra kvoter: {names}. Källan avrundar antalet till tusental, och i de här branscherna är det under "
            "5 000 personer, så avrundningen ensam kan flytta kvoten med mer än en tiondel.",
            f"Uncertain quotients: {names}. The source rounds the number to thousands, and in these industries it is "
            "under 5,000 persons, so the rounding alone can move the quotient by more than a tenth.",
        )
    ]


def uncertain_column(ctx: Context, frame: pd.DataFrame) -> dict:
    """Return the table column that marks an uncertain quotient ({} when the data is not rounded)."""
    if "uncertain" not in frame or not frame["uncertain"].fillna(False).astype(bool).any():
        return {}
    return {
        tx(ctx.lang, "Osäker kvot (avrundning)", "Uncertain quotient (rounding)"): frame["uncertain"]
        .fillna(False)
        .astype(bool)
    }
