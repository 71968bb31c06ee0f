"""Say the company survey's results in words and tables: names, summaries, notes, the table behind a chart.

Everything here works on the aggregated, already protected shares of indicators.survey.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from i18n import fmt_number, fmt_percent, tx
from indicators import survey as ind
from indicators.regions import region_names

from . import min_group


@dataclass
class Survey:
    """What every survey chart needs to know about the store, in the reader's language."""

    lang: str
    min_group: int
    rounds: pd.DataFrame
    questions: pd.DataFrame
    scale: pd.DataFrame  # the answer options with a polarity (not "Vet ej")
    clusters: dict[str, str]
    counties: dict[str, str]

    def round_name(self, code: str | None) -> str:
        found = self.rounds[self.rounds["code"] == code]
        if not len(found):
            return str(code or "–")
        return round_period(found.iloc[0].to_dict(), self.lang)

    def question_text(self, code: str | None) -> str:
        found = self.questions[self.questions["code"] == code]
        return tx(self.lang, found.iloc[0]["text_sv"], found.iloc[0]["text_en"]) if len(found) else str(code or "–")

    def group_name(self, cluster: str, county: str) -> str:
        lang = self.lang
        if cluster == ind.ALL:
            if county == ind.ALL:
                return tx(lang, "Samtliga kluster", "All clusters")
            return tx(lang, f"Samtliga kluster, {self.counties[county]}", f"All clusters, {self.counties[county]}")
        name = self.clusters.get(cluster, cluster)
        return name if county == ind.ALL else f"{name}, {self.counties.get(county, county)}"


SEASONS = {"Våren": "Spring", "Hösten": "Autumn", "Vintern": "Winter", "Sommaren": "Summer"}


def round_period(row: dict, lang: str) -> str:
    """Return a round by its period in the language ('Våren 2018', 'Spring 2018'), never by its code."""
    period = row.get("period") or str(row["code"])
    if lang == "en":
        first, _, rest = period.partition(" ")
        period = f"{SEASONS.get(first, first)} {rest}".strip()
    return period


def survey_context(conn, lang: str) -> Survey:
    options = ind.answer_options(conn)
    return Survey(
        lang=lang,
        min_group=min_group(),
        rounds=ind.survey_rounds(conn),
        questions=ind.survey_questions(conn),
        scale=options[options["polarity"] != "none"],
        clusters=ind.cluster_names(conn),
        counties=region_names(conn, lang),
    )


def short_questions(sv: Survey) -> tuple[str, dict[str, str]]:
    """Return (the words every question starts with, {code: the rest}) so bar labels stay short."""
    texts = {r["code"]: tx(sv.lang, r["text_sv"], r["text_en"]) for r in sv.questions.to_dict("records")}
    words = [t.split() for t in texts.values()]
    common = 0
    while len(words) > 1 and all(len(w) > common + 1 and w[common] == words[0][common] for w in words):
        common += 1
    prefix = " ".join(words[0][:common]) if common else ""
    rest = {code: " ".join(t.split()[common:]).rstrip("?") for code, t in texts.items()}
    return prefix, {code: r[:1].upper() + r[1:] for code, r in rest.items()}


def hidden_texts(sv: Survey) -> dict[str, str]:
    return {
        ind.TOO_FEW: tx(
            sv.lang, f"Dold: färre än {sv.min_group} svarande", f"Hidden: fewer than {sv.min_group} respondents"
        ),
        ind.PROTECTS_OTHER: tx(sv.lang, "Dold för att skydda en annan grupp", "Hidden to protect another group"),
    }


def describe(row, sv: Survey) -> str:
    """Return a shown group's result in words: positive and negative shares, n and don't-know."""
    lang = sv.lang
    return tx(
        lang,
        f"{fmt_percent(row['positive'], lang)} positiva och {fmt_percent(row['negative'], lang)} negativa "
        f"(n = {fmt_number(row['answered'], lang)}, vet ej {fmt_number(row['dont_know'], lang)})",
        f"{fmt_percent(row['positive'], lang)} positive and {fmt_percent(row['negative'], lang)} negative "
        f"(n = {fmt_number(row['answered'], lang)}, don't know {fmt_number(row['dont_know'], lang)})",
    )


def whole_numbers(values, scale: float = 1.0) -> list:
    """Return whole numbers (Python ints) with None where a group is hidden, for the table and CSV."""
    return [None if pd.isna(v) else int(round(float(v) * scale)) for v in values]


def survey_table(rows: pd.DataFrame, sv: Survey, first_header: str, extra: dict | None = None) -> pd.DataFrame:
    """Return the numbers the chart shows (aggregates only), with column names in the reader's language."""
    lang, hidden = sv.lang, hidden_texts(sv)
    columns = {first_header: list(rows["label"])}
    columns[tx(lang, "Svar med åsikt (n)", "Answers with an opinion (n)")] = whole_numbers(rows["answered"])
    for opt in sv.scale.sort_values("sort").to_dict("records"):
        columns[f"{tx(lang, opt['label_sv'], opt['label_en'])} (%)"] = whole_numbers(rows[f"share_{opt['code']}"], 100)
    columns[tx(lang, "Positiva (%)", "Positive (%)")] = whole_numbers(rows["positive"], 100)
    columns[tx(lang, "Negativa (%)", "Negative (%)")] = whole_numbers(rows["negative"], 100)
    columns[tx(lang, "Vet ej (antal)", "Don't know (number)")] = whole_numbers(rows["dont_know"])
    columns.update(extra or {})
    columns[tx(lang, "Anmärkning", "Note")] = [hidden.get(s, "") for s in rows["status"]]
    return pd.DataFrame(columns, dtype=object)


def best_and_worst(shown: pd.DataFrame, sv: Survey, quote: bool = False) -> tuple[str, str] | None:
    """Return the labels with percentages of the highest and lowest positive share, or None for fewer than two."""
    if len(shown) < 2:
        return None
    ordered = shown.sort_values("positive", ascending=False)
    open_, close = (tx(sv.lang, "”", "“"), tx(sv.lang, "”", "”")) if quote else ("", "")
    return tuple(
        f"{open_}{r['label']}{close} ({fmt_percent(r['positive'], sv.lang)})"
        for r in (ordered.iloc[0], ordered.iloc[-1])
    )


def clusters_summary(total: pd.DataFrame, parts: pd.DataFrame, where: str, sv: Survey) -> str:
    """Return the clusters chart in words: the total, the highest and lowest cluster, how many are hidden."""
    lang, words = sv.lang, []
    if not total.empty and total.iloc[0]["status"] == ind.SHOWN:
        words.append(f"{where}: {describe(total.iloc[0], sv)}.")
    extremes = best_and_worst(parts[parts["status"] == ind.SHOWN], sv)
    if extremes:
        words.append(
            tx(lang, "Högst andel positiva: {}; lägst: {}.", "Highest positive share: {}; lowest: {}.").format(
                *extremes
            )
        )
    hidden = int((parts["status"] != ind.SHOWN).sum())
    if hidden:
        words.append(
            tx(
                lang,
                f"{hidden} kluster visas inte för att skydda de svarande.",
                f"{hidden} clusters are hidden to protect respondents.",
            )
        )
    return " ".join(words)


def questions_summary(rows: pd.DataFrame, name: str, round_name: str, sv: Survey) -> str:
    """Return the all-questions chart in words: the questions with the highest and lowest positive share."""
    extremes = best_and_worst(rows[rows["status"] == ind.SHOWN], sv, quote=True)
    if extremes is None:
        return tx(sv.lang, f"{name}: för få svar att visa.", f"{name}: too few answers to show.")
    return tx(
        sv.lang,
        f"{name}, {round_name}: högst andel positiva för {{}}, lägst för {{}}.",
        f"{name}, {round_name}: highest positive share for {{}}, lowest for {{}}.",
    ).format(*extremes)


def change_summary(change: pd.DataFrame, name: str, question: str, sv: Survey) -> str:
    """Return the change between rounds in words, in percentage points, or why it cannot be given."""
    lang = sv.lang
    words = [f"{name}, {tx(lang, '”', '“')}{question}”:"]
    if change.empty:
        words.append(tx(lang, "bara en omgång finns.", "only one round exists."))
    for r in change.to_dict("records"):
        now, before = sv.round_name(r["round"]), sv.round_name(r["previous_round"])
        if pd.isna(r["change"]):
            words.append(
                tx(
                    lang,
                    f"{now} kan inte jämföras med {before} (dold grupp).",
                    f"{now} cannot be compared with {before} (hidden group).",
                )
            )
            continue
        points = ("+" if r["change"] >= 0 else "\u2212") + fmt_number(abs(r["change"]) * 100, lang)
        was, became = fmt_percent(r["previous_positive"], lang), fmt_percent(r["positive"], lang)
        words.append(
            tx(
                lang,
                f"andelen positiva var {was} {before} och {became} {now} ({points} procentenheter).",
                f"the positive share was {was} in {before} and {became} in {now} ({points} percentage points).",
            )
        )
    return " ".join(words)
