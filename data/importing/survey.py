"""Import company-survey responses (Företagsenkät): one row per respondent, one column per question.

The file is a CSV as survey tools and Excel write it (UTF-8 or Windows-1252, comma or
semicolon). Its header names these columns, in any order (case and spaces do not matter):

    omgang      the survey round: a year, optionally with a suffix (2019, 2019-host)   required
    respondent  the respondent's id in the survey tool, unique within a round          required
    kluster     the cluster initiative: its code (paper-province) or name               required
    lan         the company's county: 17, 20, 21 or the name (Värmland, Dalarnas län)  optional
    storlek     size class by employees: 1-9, 10-49, 50-249 or 250+                     optional
    period      the round's name as readers know it (Våren 2019), the same on every row  optional

(English names work too: round, respondent_id, cluster, county, size_class.) Every other
column is a question, named by its code (samverkan_foretag) or its Swedish (or English) text
as in the questionnaire. A cell holds the answer as written in the questionnaire ("Ja, i hög
grad", "Vet ej"; the English label or the code also work); an empty cell is no answer.

Everything is checked before anything is written: an unknown column, round, cluster, county,
size class or answer, a missing or duplicate respondent id, or a round that belongs to another
dataset is refused with file, line, column and reason. A valid file is written in the caller's
transaction into a dataset that is not example data (--dataset, default the file's name). Each
round in the file is replaced as a whole: importing the same file again gives the same store,
and a round that so far held example data (2017, 2018) now holds the imported answers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import delete, func, insert, select, update

from .. import schema as s
from .base import Importer, ImportFailed, Problem, read_csv, register

SIZE_CLASSES = ("1-9", "10-49", "50-249", "250+")
COLUMNS = {  # field: the names a header may use for it, the first one the name in messages
    "round": ("omgang", "omgång", "enkätomgång", "round", "survey_round"),
    "respondent": ("respondent", "respondent_id", "respondentid", "svars_id", "id"),
    "cluster": ("kluster", "klusterinitiativ", "cluster"),
    "county": ("lan", "län", "county", "region"),
    "size": ("storlek", "storleksklass", "size", "size_class"),
    "period": ("period", "omgangens_namn", "omgångens_namn"),
}
REQUIRED = ("round", "respondent", "cluster")
HEADER_HELP = "omgang, respondent, kluster, lan, storlek och en kolumn per fråga"


def norm(text) -> str:
    """Return text folded for matching: case, surrounding and repeated spaces, dashes and underscores."""
    text = str(text or "").replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    return " ".join(text.split()).casefold()


def _column_key(header: str) -> str:
    return norm(header).replace(" ", "_").replace("-", "_")


@dataclass
class CodeLists:
    """What the store already knows: clusters, counties, questions, answers, rounds and datasets."""

    clusters: dict[str, str]  # folded code or name -> code
    counties: dict[str, str]  # folded code or name -> region code
    questions: dict[str, str]  # folded code or text -> code
    options: dict[str, str]  # folded label or code -> code
    option_labels: list[str]
    rounds: dict[str, str]  # round code -> dataset
    example_datasets: set[str] = field(default_factory=set)


def code_lists(conn) -> CodeLists:
    """Read the code lists a response file is checked against."""
    c, r, q, o, sr, d = s.cluster, s.region, s.survey_question, s.answer_option, s.survey_round, s.dataset
    clusters = {}
    for code, name in conn.execute(select(c.c.code, c.c.name)):
        clusters[norm(code)] = clusters[norm(name)] = code
    counties = {}
    for code, sv, en in conn.execute(select(r.c.code, r.c.name_sv, r.c.name_en).where(r.c.level == "lan")):
        for name in (code, sv, en, sv.removesuffix(" län").removesuffix("s"), en.removesuffix(" County")):
            counties[norm(name)] = code
    questions = {}
    for code, sv, en in conn.execute(select(q.c.code, q.c.text_sv, q.c.text_en)):
        questions[norm(code)] = questions[norm(sv)] = questions[norm(en)] = code
    options, labels = {}, []
    for code, sv, en in conn.execute(select(o.c.code, o.c.label_sv, o.c.label_en).order_by(o.c.sort)):
        options[norm(code)] = options[norm(sv)] = options[norm(en)] = code
        labels.append(sv)
    rounds = dict(conn.execute(select(sr.c.code, sr.c.dataset)).all())
    examples = set(conn.execute(select(d.c.code).where(d.c.is_example)).scalars())
    return CodeLists(clusters, counties, questions, options, labels, rounds, examples)


@dataclass
class Responses:
    """A checked file: rounds (code -> year), respondents and their answers."""

    rounds: dict[str, int] = field(default_factory=dict)
    periods: dict[str, str] = field(default_factory=dict)  # round code -> its name, where the file gives one
    respondents: list[dict] = field(default_factory=list)  # round, external_id, cluster, region, size_class, answers


def read_header(table, lists: CodeLists, problems: list) -> tuple[dict, dict]:
    """Return (field -> column index, column index -> question code); add a Problem for each bad column."""
    fields, questions, seen = {}, {}, {}
    for index, name in enumerate(table.header):
        key = _column_key(name)
        field_name = next((f for f, names in COLUMNS.items() if key in names), None)
        question = lists.questions.get(norm(name))
        target = field_name or question
        if target is None:
            reason = f"okänd kolumn ”{name}”: varken en fråga i enkäten (kod eller frågetext) eller en av {HEADER_HELP}"
            problems.append(Problem(table.path.name, 1, name or f"nr {index + 1}", reason))
        elif target in seen:
            reason = f"kolumnen ”{name}” betyder samma sak som kolumnen ”{seen[target]}”"
            problems.append(Problem(table.path.name, 1, name, reason))
        else:
            seen[target] = name
            if field_name:
                fields[field_name] = index
            else:
                questions[index] = question
    for missing in (f for f in REQUIRED if f not in fields):
        problems.append(Problem(table.path.name, 1, None, f"kolumnen ”{COLUMNS[missing][0]}” saknas"))
    return fields, questions


def round_year(code: str) -> int | None:
    """Return the year a round code starts with (2019, 2019-host), or None when it has none."""
    found = re.fullmatch(r"((?:19|20)\d\d)(?:[-_ ]?[\wåäöÅÄÖ-]{0,15})", code)
    return int(found.group(1)) if found else None


def read_row(line: int, cells: list[str], header: list[str], fields: dict, lists: CodeLists, file: str):
    """Return (respondent dict, problems) for one data row."""
    problems = []

    def cell(name: str) -> str:
        return cells[fields[name]].strip() if name in fields else ""

    def bad(column: str, message: str) -> None:
        problems.append(Problem(file, line, column, message))

    rnd, ext, cluster, county, size = (cell(f) for f in ("round", "respondent", "cluster", "county", "size"))
    name = {f: header[i] for f, i in fields.items()}
    if round_year(rnd) is None:
        bad(name["round"], f"okänd omgång ”{rnd}”: skriv omgången som årtal, t.ex. 2019 eller 2019-host")
    if not ext or len(ext) > 60:
        bad(name["respondent"], "respondentens id saknas" if not ext else "respondentens id är längre än 60 tecken")
    if norm(cluster) not in lists.clusters:
        bad(
            name["cluster"],
            f"okänt kluster ”{cluster}”; kända kluster: {', '.join(sorted(set(lists.clusters.values())))}",
        )
    if county and norm(county) not in lists.counties:
        bad(name["county"], f"okänt län ”{county}”; skriv 17, 20 eller 21 (Värmland, Dalarna, Gävleborg)")
    size_class = norm(size).replace(" ", "")
    if size and size_class not in SIZE_CLASSES:
        bad(name["size"], f"okänd storleksklass ”{size}”; tillåtna: {', '.join(SIZE_CLASSES)}")
    return dict(
        round=rnd,
        external_id=ext,
        cluster=lists.clusters.get(norm(cluster)),
        region=lists.counties.get(norm(county)) if county else None,
        size_class=size_class or None,
    ), problems


def read_answers(line: int, cells: list[str], header: list[str], questions: dict, lists: CodeLists, file: str):
    """Return ({question: option}, problems) for the question cells of one row."""
    answers, problems = {}, []
    for index, question in questions.items():
        text = cells[index].strip()
        if not text:
            continue
        option = lists.options.get(norm(text))
        if option is None:
            allowed = "; ".join(lists.option_labels)
            problems.append(Problem(file, line, header[index], f"okänt svar ”{text}”; tillåtna svar: {allowed}"))
        answers[question] = option
    return answers, problems


def note_round(responses: Responses, code: str, period: str, where: tuple, lists: CodeLists, dataset: str) -> list:
    """Record a row's round (and period); return problems: a round of another dataset, two periods for one round."""
    file, line, header, fields = where
    problems, year = [], round_year(code)
    if year is not None and code not in responses.rounds:
        owner = lists.rounds.get(code)
        if owner is not None and owner != dataset and owner not in lists.example_datasets:
            reason = f"omgång {code} finns redan i datasetet ”{owner}”; ange --dataset {owner} för att ersätta den"
            problems.append(Problem(file, line, header[fields["round"]], reason))
        responses.rounds[code] = year
    if period and responses.periods.setdefault(code, period[:60]) != period[:60]:
        reason = f"omgång {code} har redan perioden ”{responses.periods[code]}” på en tidigare rad"
        problems.append(Problem(file, line, header[fields["period"]], reason))
    return problems


def check(table, lists: CodeLists, dataset: str) -> Responses:
    """Return the file's checked responses, or raise ImportFailed with every problem found."""
    file, problems = table.path.name, []
    fields, questions = read_header(table, lists, problems)
    if problems:
        raise ImportFailed(problems)
    responses, first_line = Responses(), {}
    for line, cells in table.rows:
        if len(cells) != len(table.header):
            problems.append(Problem(file, line, None, f"raden har {len(cells)} fält men rubriken {len(table.header)}"))
            continue
        person, row_problems = read_row(line, cells, table.header, fields, lists, file)
        answers, answer_problems = read_answers(line, cells, table.header, questions, lists, file)
        problems += row_problems + answer_problems
        key = (person["round"], person["external_id"])
        if person["external_id"] and key in first_line:
            reason = f"respondenten ”{key[1]}” i omgång {key[0]} finns redan på rad {first_line[key]}"
            problems.append(Problem(file, line, table.header[fields["respondent"]], reason))
        first_line.setdefault(key, line)
        period = cells[fields["period"]].strip() if "period" in fields else ""
        problems += note_round(responses, person["round"], period, (file, line, table.header, fields), lists, dataset)
        responses.respondents.append({**person, "answers": answers})
    if not table.rows:
        problems.append(Problem(file, None, None, "filen har rubrikrad men inga svarande"))
    if problems:
        raise ImportFailed(problems)
    return responses


def dataset_code(name: str) -> str:
    """Return a dataset code made from a name or file stem: a–z, 0–9 and _ (at most 60)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")[:60] or "foretagsenkat"


def dataset_problem(conn, code: str, file: str) -> Problem | None:
    """Return why the import may not write into this dataset, or None."""
    d = s.dataset
    row = conn.execute(select(d.c.is_example).where(d.c.code == code)).first()
    if row is not None and row.is_example:
        return Problem(file, None, "--dataset", f"datasetet ”{code}” är exempeldata; välj ett annat namn med --dataset")
    if conn.execute(select(func.count()).where(s.fact.c.dataset == code)).scalar_one():
        return Problem(file, None, "--dataset", f"datasetet ”{code}” håller statistik, inte enkätsvar")
    return None


def write(conn, responses: Responses, dataset: str, args, file: str, lists: CodeLists) -> list[str]:
    """Write the checked responses in the caller's transaction; return what replaced what."""
    d, sr, p, a = s.dataset, s.survey_round, s.respondent, s.answer
    values = dict(
        title_sv=getattr(args, "title", None) or "Företagsenkät",
        title_en=getattr(args, "title", None) or "Company survey",
        source=getattr(args, "source", None) or f"Företagsenkät till klustrens medlemsföretag ({file})",
        licence=getattr(args, "licence", None),
        retrieved=date.today(),
        is_example=False,
        notes=f"Importerad från {file}.",
    )
    if conn.execute(select(d.c.code).where(d.c.code == dataset)).first():
        conn.execute(update(d).where(d.c.code == dataset).values(**values))
    else:
        conn.execute(insert(d).values(code=dataset, **values))
    notes = []
    for code, year in responses.rounds.items():
        owner = lists.rounds.get(code)
        if owner is None:
            conn.execute(insert(sr).values(code=code, year=year, period=responses.periods.get(code), dataset=dataset))
            continue
        old = select(p.c.id).where(p.c.round == code)
        conn.execute(delete(a).where(a.c.respondent.in_(old)))
        conn.execute(delete(p).where(p.c.round == code))
        period = {} if owner == dataset else {"period": None}  # an example round's period was invented too
        if code in responses.periods:
            period = {"period": responses.periods[code]}
        conn.execute(update(sr).where(sr.c.code == code).values(year=year, dataset=dataset, **period))
        notes.append(f"ersatte {'exempeldata' if owner in lists.example_datasets else 'tidigare svar'} i omgång {code}")
    next_id = (conn.execute(select(func.max(p.c.id))).scalar() or 0) + 1
    people, answers = [], []
    for offset, person in enumerate(responses.respondents):
        people.append({k: v for k, v in person.items() if k != "answers"} | {"id": next_id + offset})
        answers += [dict(respondent=next_id + offset, question=q, option=o) for q, o in person["answers"].items()]
    conn.execute(insert(p), people)
    if answers:
        conn.execute(insert(a), answers)
    return notes


def load(conn, path: Path, args) -> str:
    """Check a response file completely, then write it in the caller's transaction; return a summary."""
    path = Path(path)
    table = read_csv(path)
    dataset = dataset_code(getattr(args, "dataset", None) or path.stem)
    problem = dataset_problem(conn, dataset, path.name)
    if problem:
        raise ImportFailed([problem])
    lists = code_lists(conn)
    responses = check(table, lists, dataset)
    notes = write(conn, responses, dataset, args, path.name, lists)
    rounds = ", ".join(responses.rounds)
    answered = sum(len(r["answers"]) for r in responses.respondents)
    summary = (
        f"{path.name}: {len(responses.respondents)} svarande och {answered} svar i omgång {rounds} "
        f"(datasetet {dataset}, {table.encoding}, avgränsare ”{table.delimiter}”)"
    )
    return summary + ("; " + "; ".join(notes) if notes else "") + "."


def header_fields(path: Path) -> set[str]:
    """Return the standard fields named in a file's first line (a cheap look, never an error)."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(65536)
    except OSError:
        return set()
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = head.decode("cp1252", errors="replace")
    first = text.splitlines()[0] if text.strip() else ""
    sep = ";" if first.count(";") > first.count(",") else ","
    keys = {_column_key(cell.strip().strip('"')) for cell in first.split(sep)}
    return {f for f, names in COLUMNS.items() if keys & set(names)}


def matches(path: Path) -> bool:
    """Return True for a CSV whose header has the round, respondent and cluster columns."""
    return Path(path).suffix.lower() in {".csv", ".txt"} and set(REQUIRED) <= header_fields(path)


def explain(path: Path) -> str:
    """Say why a file is no response file (for the dispatcher's message when nothing matches)."""
    missing = [f for f in REQUIRED if f not in header_fields(path)]
    absent = ", ".join(COLUMNS[f][0] for f in missing) or "inget"
    return f"en enkätfil behöver kolumnerna {HEADER_HELP}; här saknas {absent}"


register(
    Importer(
        name="enkät",
        matches=matches,
        load=load,
        description=f"företagsenkätens svar (CSV, en rad per svarande) med kolumnerna {HEADER_HELP}",
        extra={"explain": explain},
    )
)
