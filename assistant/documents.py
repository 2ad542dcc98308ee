"""Drafted documents: the notification, the investigation report and the local record.

A draft is a Jinja template rendered with a context of plain data built in one
place (`document_context`), so every template sees the same names and user
text is only ever data, never template source. An organisation may replace a
bundled template with its own of the same name in the `templates` folder beside
its settings file; those render in a sandbox, and any fault in them is reported
by file and line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from assistant.config import Settings, load_settings, templates_override_dir
from assistant.criteria import FactView
from assistant.decision import Decision, Finding, missing_now, verdict_words
from assistant.detail_checks import check_detail
from assistant.document_fields import (
    DOCUMENT_KINDS,
    SETTINGS_PREFIX,
    DetailField,
    DocumentSpec,
    document_data,
)
from assistant.engine import EnoughRepeats, gated
from assistant.export import default_filename, unused_path, write_atomic
from assistant.fact_schema import fact_specs
from assistant.numbers import exact, fmt, with_unit
from assistant.resources import templates_dir
from assistant.routing import deadlines
from assistant.rulebook import NATIONS, Rulebook, load_rulebook
from assistant.yaml_io import as_written

__all__ = [
    "DOCUMENT_KINDS",
    "DetailField",
    "DocumentError",
    "clean_details",
    "detail_problem",
    "document_context",
    "draft_command",
    "fields_needed",
    "render_document",
    "suggested_kind",
    "to_plain_text",
]

# Exit statuses, as in assistant.cli: done, identifiers found, bad input.
EXIT_OK, EXIT_FOUND, EXIT_INPUT = 0, 1, 2

TODO = "TO COMPLETE"

_OPTIONS: dict[str, Any] = {
    "undefined": jinja2.StrictUndefined,
    "autoescape": False,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


class DocumentError(Exception):
    """A draft that cannot be made as asked; the message says what to change."""

    def message(self) -> str:
        return str(self)


# --- details -----------------------------------------------------------------


def _spec(kind: str) -> DocumentSpec:
    if kind not in DOCUMENT_KINDS:
        raise DocumentError(f"Unknown document {kind!r}; irmer drafts: {', '.join(DOCUMENT_KINDS)}.")
    return document_data().documents[kind]


# Characters a terminal or editor acts on rather than shows: C0 and C1 controls (but tab and newline),
# and the bidirectional overrides that can make text read differently from what it is.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible_controls(text: str) -> str:
    """Control characters shown as escapes (\\x1b, \\u202e), never passed to a terminal or a draft."""
    text = text.replace("\r\n", "\n")
    return _CONTROLS.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def clean_details(
    details: Mapping[str, Any], *, discovered_on: dt.date | None = None, today: dt.date | None = None
) -> dict[str, str]:
    """Details as stripped text, blank ones dropped; unknown keys, non-text values and wrong forms are errors.

    `discovered_on`: the incident's discovery date, which its exposure dates cannot be after.
    """
    catalogue = document_data().catalogue
    accepted = tuple(catalogue)
    out: dict[str, str] = {}
    for key, value in details.items():
        if key not in accepted:
            close = difflib.get_close_matches(str(key), accepted, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise DocumentError(f"`details` has an unknown key {key!r}{hint}; accepted keys: {', '.join(accepted)}.")
        if value is None:
            continue
        if isinstance(value, bool):
            text = "yes" if value else "no"  # `duty_of_candour: true` reads as an answer in a draft
        elif isinstance(value, dt.date):
            text = value.isoformat()
        elif isinstance(value, str | int | float):
            text = as_written(value)  # an unquoted phone number keeps its leading 0
        else:
            raise DocumentError(f"`details` {key!r} must be text; it was given a {type(value).__name__}.")
        text = visible_controls(text.strip())
        if not text:
            continue
        check = catalogue[key].check
        if check and (wrong := check_detail(check, text, discovered_on=discovered_on, today=today)):
            raise DocumentError(f"`details` {key!r}: {wrong}")
        out[str(key)] = text
    return out


def detail_problem(key: str, text: str, decision: Decision, today: dt.date | None = None) -> str | None:
    """What is wrong with one typed detail (the chat keeps the question open), or None."""
    check = document_data().catalogue[key].check
    if not check or not text.strip():
        return None
    return check_detail(check, text.strip(), discovered_on=decision.facts.get("discovered_on"), today=today)


def _default(field: DetailField, settings: Settings) -> str | None:
    if not field.default_from:
        return None
    value = getattr(settings, field.default_from.removeprefix(SETTINGS_PREFIX), None)
    if value is None:
        return None
    return str(value).strip() or None


def _values(details: Mapping[str, str], settings: Settings) -> dict[str, str | None]:
    """Every detail key: the person's text, else the settings default, else None."""
    return {key: details.get(key) or _default(field, settings) for key, field in document_data().catalogue.items()}


def suggested_kind(decision: Decision) -> str:
    """The notification where one is to be sent (statutory, or voluntary by the employer's choice), else the record."""
    return "notification" if decision.verdict in ("notify", "voluntary") else "local"


def fields_needed(kind: str, decision: Decision, details: Mapping[str, str], settings: Settings) -> list[DetailField]:
    """The fields of this document not yet given and with no default, in asking order."""
    spec = _spec(kind)
    values = _values(clean_details(details, discovered_on=decision.facts.get("discovered_on")), settings)
    return [f for f in spec.resolved(decision.facts, decision.verdict) if values[f.key] is None]


# --- context -----------------------------------------------------------------


_VERDICT_LABELS = {"outside_irmer": "OUTSIDE IR(ME)R"}


def _todo(question: str, help_text: str = "") -> str:
    return f"**{TODO}:** {question}" + (f" {help_text}" if help_text else "")


def _fact_value(name: str, value: Any) -> str:
    spec = fact_specs()[name]
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if spec.type == "enum":
        return document_data().value_words.get(name, {}).get(value, str(value).replace("_", " "))
    if isinstance(value, int | float):
        return with_unit(fmt(value), value, spec.unit)
    return str(value)


def _capital(text: str) -> str:
    """The first letter capitalised and the rest kept ("PTV" stays "PTV", unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


def _fact_rows(names: tuple[str, ...], facts: Mapping[str, Any]) -> list[dict[str, str]]:
    """The given facts among `names` (assumed ones are listed apart, as assumptions)."""
    rows = []
    for name in names:
        if facts.get(name) is not None:
            label = fact_specs()[name].label
            rows.append({"label": _capital(label), "value": _fact_value(name, facts[name])})
    return rows


_SPLIT_FACTS = ("intended_dose_msv", "total_dose_msv")


def _dose_split(facts: Mapping[str, Any]) -> list[dict[str, str]]:
    """Intended and unintended parts of the effective dose, where the facts allow."""
    total, intended = facts.get("total_dose_msv"), facts.get("intended_dose_msv")
    if total is None:
        return []
    if facts.get("exposure") == "accidental":
        return [
            {"label": "Intended", "value": "none: no exposure of any kind was intended for this individual"},
            {"label": "Unintended", "value": f"{fmt(total)} mSv (the whole dose)"},
            {"label": "Total received", "value": f"{fmt(total)} mSv"},
        ]
    if intended is None or exact(total) < exact(intended):
        return []
    extra = exact(total) - exact(intended)
    return [
        {"label": "Intended", "value": f"{fmt(intended)} mSv"},
        {"label": "Unintended", "value": f"{fmt(extra)} mSv (total {fmt(total)} mSv − intended {fmt(intended)} mSv)"},
        {"label": "Total received", "value": f"{fmt(total)} mSv"},
    ]


# The guidance's complementary categories end with an instruction to the form
# filler, "(plus relevant suffix code 1 to 9)"; the draft shows the whole code.
_SUFFIX_NOTE = re.compile(r"\s*\(plus relevant suffix code[^)]*\)\s*$")


def _findings(
    findings: tuple[Finding, ...], codes: tuple[str, ...] = (), open_code: bool = False
) -> list[dict[str, str]]:
    """One entry per code; a code met on each of several possible facts lists each reason.

    `open_code`: the code waits for a fact (an unknown therapy type): a criterion not among `codes` is met
    only if that fact turns out its way, and says so.
    """
    out: dict[str, dict[str, str]] = {}
    for f in findings:
        if f.code in out:
            out[f.code]["reason"] += f"; or {f.reason}"
            continue
        category = _SUFFIX_NOTE.sub("", f.category).rstrip(". ")
        out[f.code] = {
            "code": f.code,
            "category": category,
            "criterion": f.criterion,
            "source": f.source,
            "reason": f.reason,
            "met": "Criterion met only in the case below"
            if open_code and f.code not in _named_by(codes)
            else "Criterion met",
        }
    return list(out.values())


def _named_by(codes: tuple[str, ...]) -> set[str]:
    """The criteria the codes name: "M10.1" names M and 10.1 (not 1)."""
    named = set()
    for code in codes:
        base = code.lstrip("MEVC")
        named |= set(code[: len(code) - len(base)]) | ({base} if base else set())
    return named


_MISSING_THEN = "then the facts that kind of case needs (irmer lists them once those are known)"


def _labels(names: tuple[str, ...]) -> str:
    specs = fact_specs()
    return ", ".join(specs[n].label if n in specs else n for n in names)  # words: a draft is read by people


def _count_unknown(decision: Decision) -> bool:
    """More than one person was exposed, but how many is not known (the chat's "don't know" to the count).

    The chat's tick keeps the count at 2 ("at least two"); a file's null says nothing of how many.
    """
    return "individuals_affected" in decision.not_known and decision.facts.get("individuals_affected") is not None


def _individuals(facts: Mapping[str, Any], assumed: Mapping[str, Any], uncounted: bool = False) -> str:
    here = "more than one" if uncounted else facts.get("individuals_affected")
    if facts.get("theme_identified") is True:
        # The count irmer assumes is for this incident; a theme's total is what the authority needs.
        return (f"{here} in this incident; " if here is not None else "") + _todo(
            "How many individuals were exposed in all, across the incidents of the theme?"
        )
    if uncounted:
        return "more than one; " + _todo("How many people were exposed in this incident?")
    if here is not None:
        return str(here)
    if "individuals_affected" in assumed:
        return f"{assumed['individuals_affected']} (assumed: the facts do not say; correct this if more were exposed)"
    return _todo("How many people were exposed in this incident?")


def _equipment(facts: Mapping[str, Any], assumed: Mapping[str, Any]) -> str:
    if facts.get("equipment_fault") is True:
        return "An equipment failure was the direct cause."
    if facts.get("equipment_fault") is False:
        return "Equipment failure was not the direct cause."
    if "equipment_fault" in assumed:
        return "Not reported as the direct cause (irmer assumed equipment failure was not; correct this if it was)."
    return _todo("Was an equipment failure the direct cause?")


def _dates(notify_by: dt.date, report_by: dt.date, today: dt.date) -> dict[str, Any]:
    return {
        "notify_by": notify_by.isoformat(),
        "report_by": report_by.isoformat(),
        "notify_overdue": notify_by < today,
        "report_overdue": report_by < today,
    }


def _deadlines(decision: Decision, today: dt.date) -> dict[str, Any] | None:
    if not decision.deadlines:
        return None
    return _dates(decision.deadlines["notify_by"], decision.deadlines["report_by"], today)


def _dates_if_met(decision: Decision, book: Rulebook, today: dt.date) -> dict[str, Any] | None:
    """For an undetermined case, the dates that apply if the criteria turn out to be met.

    The engine gives deadlines only to a notifiable case, but the periods run
    from discovery whatever is still unknown, so the person must see them now.
    """
    discovered = decision.facts.get("discovered_on")
    if decision.verdict != "undetermined" or not isinstance(discovered, dt.date):
        return None
    would_be = deadlines(book, discovered)
    assert would_be is not None  # a discovery date was given
    return _dates(would_be["notify_by"], would_be["report_by"], today)


# Beyond this many, one line per individual would bury the rest of the draft.
_LIST_INDIVIDUALS_UP_TO = 10


def _age_matters(facts: Mapping[str, Any], book: Rulebook) -> bool:
    """Whether a child's threshold could apply: then each individual's age decides their case."""
    nation = facts.get("jurisdiction")
    view = FactView(facts)
    repeats = EnoughRepeats(view, book)
    return any(
        "child" in row.criterion.thresholds and not row.waits(view, repeats)
        for n in ([nation] if nation else NATIONS)
        for row in gated(book, n, facts.get("exposure"), facts.get("setting"))
    )


def _intended_applies(decision: Decision) -> bool:
    """Whether an intended dose means anything: not for an accidental exposure, nor outside IR(ME)R."""
    return decision.facts.get("exposure") != "accidental" and decision.verdict != "outside_irmer"


def _each_individual(decision: Decision, book: Rulebook) -> dict[str, Any] | None:
    """What to ask about each person when more than one was exposed; None for one person.

    The facts carry one age and one dose (the exposure irmer judged), but the
    guidance asks for "an estimate of the dose(s) received by the exposed
    individual(s)".
    """
    facts = decision.facts
    count = facts.get("individuals_affected")
    theme = facts.get("theme_identified") is True
    if not theme and not (isinstance(count, int) and count > 1):
        return None
    doses = "intended dose and dose received" if _intended_applies(decision) else "dose received"
    asks = ("age, " if _age_matters(facts, book) else "") + doses + ", with units"
    uncounted = _count_unknown(decision)
    listed = not theme and not uncounted and isinstance(count, int) and count <= _LIST_INDIVIDUALS_UP_TO
    if uncounted and not theme:
        return {
            "lead": "More than one individual was exposed; how many is not yet known.",
            "numbers": [],
            "asks": asks,
            "prompt": _todo(f"How many individuals were exposed? Then for each: {asks}."),
        }
    if theme:
        how_many = "each individual exposed across the incidents of the theme"
    elif listed:
        how_many = "each individual"
    else:
        how_many = f"each of the {count} individuals (a table is clearest)"
    return {
        "lead": "This incident is part of a theme: similar incidents exposed other individuals."
        if theme
        else f"{count} individuals were exposed.",
        "numbers": list(range(1, count + 1)) if listed and isinstance(count, int) else [],
        "asks": asks,
        "prompt": _todo(f"for {how_many}: {asks}."),
    }


def _safety_body(facts: Mapping[str, Any], book: Rulebook) -> dict[str, str]:
    """Who an over-exposure outside IR(ME)R goes to, and under which regulation."""
    nation = facts.get("jurisdiction")
    body_id = book.safety_body_by_nation.get(nation) if isinstance(nation, str) else None
    name = (
        f"the {book.other_bodies[body_id].name}"
        if body_id
        else "the Health and Safety Executive (HSENI in Northern Ireland)"
    )
    # Great Britain's regulations do not extend to Northern Ireland, which has its own of the same year.
    if nation == "northern_ireland":
        # The guidance names HSENI but cites only the Great Britain regulations; say no more than it does.
        return {"name": name, "rule": "the Ionising Radiations Regulations as they apply in Northern Ireland"}
    return {"name": name, "rule": "regulation 26 of the Ionising Radiations Regulations 2017"}


def _outside_reason(facts: Mapping[str, Any]) -> str:
    """Why the case is outside IR(ME)R, in the order the engine checks it."""
    person = facts.get("exposed_person")
    if person in ("public", "worker"):
        return f"the person exposed was {_fact_value('exposed_person', person)}, so this was not a medical exposure"
    if facts.get("before_clinical_use") is True:
        return (
            "the exposure happened before the equipment was put into clinical use "
            "(for example during a critical examination)"
        )
    return "the exposure is not a medical exposure under IR(ME)R"


def document_context(
    decision: Decision,
    details: Mapping[str, str],
    settings: Settings,
    *,
    today: dt.date | None = None,
    kind: str | None = None,
) -> dict[str, Any]:
    """Everything a template may use, as plain data; the same names for every document.

    `kind` words the questions of unanswered details as that document asks them.
    """
    today = today or dt.date.today()
    data = document_data()
    wording = _spec(kind) if kind else None
    clean = clean_details(details, discovered_on=decision.facts.get("discovered_on"), today=today)
    values = _values(clean, settings)
    facts = decision.facts
    assumed = {a.fact: a.value for a in decision.assumptions}
    groups = data.fact_groups
    book = load_rulebook()
    discovered = facts.get("discovered_on")
    nation = facts.get("jurisdiction")
    authority = decision.authority
    split = _dose_split(facts)

    def shown(key: str) -> str:
        value = values[key]
        field = (wording.field(key) if wording else None) or data.catalogue[key]
        if value is None:
            return _todo(field.question, field.help)
        # A one-line answer stays on its line, so a bullet list keeps its shape.
        return value if field.multiline else " ".join(value.split())

    first, later = missing_now(decision)
    return {
        "titles": {k: spec.title for k, spec in data.documents.items()},
        "drafted_on": today.isoformat(),
        "todo": TODO,
        "verdict": decision.verdict,
        "verdict_label": _VERDICT_LABELS.get(decision.verdict, decision.verdict.replace("_", " ").upper()),
        "verdict_words": verdict_words(decision),
        "notifiable": decision.notifiable,
        "guidance": {"title": decision.guidance.get("title", ""), "version": decision.guidance.get("version", "")},
        "detail": {key: shown(key) for key in data.catalogue},
        "given": {key: values[key] is not None for key in data.catalogue},
        "nation": _fact_value("jurisdiction", nation) if nation else _todo("In which nation did it happen?"),
        "discovered_on": discovered.isoformat()
        if isinstance(discovered, dt.date)
        else _todo(
            "On what date was the incident discovered?",
            "A notification's deadlines count from it.",
        ),
        "incident_facts": _fact_rows(groups["incident"], facts),
        "dose_facts": _fact_rows(groups["doses"], facts),
        "dose_split": split,
        # The dose rows the intended/unintended split does not already show.
        "other_dose_facts": _fact_rows(tuple(n for n in groups["doses"] if not split or n not in _SPLIT_FACTS), facts),
        "effective_dose_known": facts.get("total_dose_msv") is not None,
        # A statutory notification is not a voluntary one (no V), whatever was chosen before the facts changed.
        "circumstance_facts": _fact_rows(
            tuple(n for n in groups["circumstances"] if n != "voluntary" or decision.verdict != "notify"), facts
        ),
        "individuals": _individuals(facts, assumed, _count_unknown(decision)),
        "code_m": any(f.code == "M" for f in decision.findings),
        "equipment_fault": _equipment(facts, assumed),
        "equipment_caused": facts.get("equipment_fault") is True,
        "clinically_significant": facts.get("clinically_significant") is True,
        "codes": list(decision.codes),
        "codes_text": ", ".join(decision.codes),
        "codes_need": _labels(decision.codes_need),
        "codes_need_count": len(decision.codes_need),
        "findings": _findings(decision.findings, decision.codes, bool(decision.codes_need)),
        "why_not": _findings(decision.why_not),
        "open_checks": [{"code": c.code, "needs": _labels(c.needs)} for c in decision.open_checks],
        # The open checks at a glance: often many codes waiting on the same few facts.
        "open_codes": ", ".join(c.code for c in decision.open_checks),
        "open_needs": _labels(tuple(dict.fromkeys(n for c in decision.open_checks for n in c.needs))),
        # Outside IR(ME)R the person exposed is a worker or a member of the public, not a patient.
        "person": "the person exposed" if decision.verdict == "outside_irmer" else "the patient",
        "intended_applies": _intended_applies(decision),
        "missing": [
            {"name": n, "label": _capital(fact_specs()[n].label), "meaning": fact_specs()[n].meaning}
            for n in first
            if n in fact_specs()
        ],
        # With the kind of exposure unknown, its own facts are one line, as on the card.
        "missing_then": _capital(_MISSING_THEN) if later else "",
        "missing_text": _labels(first) + (f"; {_MISSING_THEN}" if later else ""),
        "assumptions": [a.says for a in decision.assumptions],
        "notes": list(decision.notes),
        "authority": {
            "known": bool(authority),
            "id": authority.get("id", "").upper(),
            "name": authority.get("name", "the enforcing authority for the nation where it happened"),
            "contact": authority.get("contact", _todo("Which nation did it happen in? That decides the authority.")),
        },
        "deadlines": _deadlines(decision, today),
        "if_met": _dates_if_met(decision, book, today),
        "each_individual": _each_individual(decision, book),
        "safety_body": _safety_body(facts, book),
        "outside_reason": _outside_reason(facts) if decision.verdict == "outside_irmer" else "",
        # Equipment under test is said to have over-exposed; for the public or staff, a dose limit decides.
        "over_exposure": "the over-exposure"
        if facts.get("before_clinical_use")
        else "if it was an over-exposure (a dose limit exceeded), it",
        "notify_within_days": book.notify_within_days,
        "report_within_weeks": book.report_within_days // 7,
        "also_report_to": [{"name": b["name"], "why": b["why"]} for b in decision.also_report_to],
        "duties": list(decision.duties),
    }


# --- rendering ---------------------------------------------------------------


@cache
def _bundled_env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(templates_dir()), **_OPTIONS)


def _override_env(folder: Path) -> jinja2.Environment:
    # An organisation's template may include bundled ones; both render sandboxed.
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(folder), jinja2.FileSystemLoader(templates_dir())])
    return ImmutableSandboxedEnvironment(loader=loader, **_OPTIONS)


def _template_line(tb: TracebackType | None, roots: tuple[Path, ...]) -> tuple[str, int] | None:
    """The innermost template file and line in a traceback Jinja has rewritten."""
    found = None
    prefixes = tuple(str(r) for r in roots)
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.startswith(prefixes):
            found = (name, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _render_template(env: jinja2.Environment, path: Path, roots: tuple[Path, ...], context: dict[str, Any]) -> str:
    try:
        return env.get_template(path.name).render(context)
    except jinja2.TemplateSyntaxError as err:
        where = f"{err.filename or path}, line {err.lineno}"
        problem = f"a syntax error: {(err.message or '').rstrip('.')}"
    except Exception as err:  # a template may fail in any way: report it, never a traceback
        at = _template_line(err.__traceback__, roots)
        where = f"{at[0]}, line {at[1]}" if at else str(path)
        kind = {
            jinja2.UndefinedError: "an unknown name",
            jinja2.exceptions.SecurityError: "something the sandbox does not allow",
            jinja2.TemplateNotFound: "a template that does not exist",
        }.get(type(err), "an error")
        problem = f"{kind}: {str(err).rstrip('.')}"
    fix = (
        f"Correct it, or remove it from {path.parent} to use the bundled template."
        if path.parent != templates_dir()
        else "This is a fault in irmer's bundled template; please report it."
    )
    raise DocumentError(f"The template {where} has {problem}. {fix}")


def template_path(kind: str) -> Path:
    """The template a document renders from: the organisation's own if present, else the bundled one."""
    name = _spec(kind).template
    own = templates_override_dir() / name
    return own if own.is_file() else templates_dir() / name


def render_document(
    kind: str, decision: Decision, details: Mapping[str, str], settings: Settings, *, today: dt.date | None = None
) -> str:
    """The draft as Markdown."""
    context = document_context(decision, details, settings, today=today, kind=kind)
    path = template_path(kind)
    if path.parent == templates_dir():
        return _render_template(_bundled_env(), path, (templates_dir(),), context)
    try:
        path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DocumentError(f"The template {path} cannot be read ({err}). Fix or remove it.") from None
    return _render_template(_override_env(path.parent), path, (path.parent, templates_dir()), context)


# --- plain text --------------------------------------------------------------

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`\n]+)`")
_RULE = re.compile(r"^\s*(-{3,}|\*{3,}|_{3,})\s*$")


def to_plain_text(markdown: str) -> str:
    """Markdown as plain text for a .txt file: headings underlined, no bold marks, bullets as •."""
    out: list[str] = []
    for line in markdown.split("\n"):
        if _RULE.match(line):
            out.append("-" * 60)
            continue
        heading = _HEADING.match(line)
        if heading:
            level, text = len(heading.group(1)), _inline(heading.group(2))
            out.append(text.upper() if level == 1 else text)
            if level <= 2:
                out.append(("=" if level == 1 else "-") * len(text))
            continue
        if line.startswith(">"):
            quoted = line[1:].removeprefix(" ")
            line = "    " + quoted if quoted else ""  # a blank quoted line stays blank, not trailing spaces
        line = _BULLET.sub(lambda m: f"{m.group(1)}• ", line, count=1)
        out.append(_inline(line))
    return "\n".join(out)


def _inline(text: str) -> str:
    return _CODE.sub(r"\1", _BOLD.sub(r"\1", text))


# --- the `irmer assess --draft` command --------------------------------------


MAX_HITS_SHOWN = 50  # a refusal names this many identifiers, then counts the rest


def intended_text(kind: str, decision: Decision, details: Mapping[str, str], settings: Settings) -> list[str]:
    """Text a draft carries on purpose that can look like a person's details.

    The employer's own name (from the settings) and contact, the authorities' addresses and the
    TO COMPLETE marker are not patient information. In the report the contact's name is not among
    them: names of individuals are redacted from reports.
    """
    values = _values(details, settings)
    # The contact is the employer's by definition. The organisation and site are exempt only as the settings
    # file gives them: typed for one incident, they are checked like any other text ("Home of Mrs ...").
    keys = ["contact_email", "contact_phone"] + (["contact_name"] if kind != "report" else [])
    configured = _values({}, settings)
    own = [v for k in keys if (v := values[k])] + [v for k in ("organisation", "site") if (v := configured[k])]
    bodies = [decision.authority.get("contact", "")] + [b["why"] for b in decision.also_report_to]
    return [*own, *(b for b in bodies if b), TODO]


def _destination(out: str | None, kind: str, decision: Decision) -> Path | None:
    """Where --out asks for the draft; a folder gets the default file name inside it."""
    if not out:
        return None
    path = Path(out).expanduser()
    try:
        folder = path.is_dir()
    except OSError:  # e.g. a name too long for the file system: writing says so
        folder = False
    if folder or out.endswith(("/", os.sep)):
        return unused_path(path, default_filename(kind, decision, dt.date.today()))
    return path  # a file named on purpose is replaced, as asked


def _is_same_file(path: Path, other: str | None) -> bool:
    try:
        return other is not None and other != "-" and path.exists() and os.path.samefile(path, other)
    except OSError:
        return False


def draft_command(
    kind: str,
    decision: Decision,
    details: Mapping[str, Any],
    *,
    out: str | None,
    allow: bool,
    source: str | None = None,
) -> int:
    """`irmer assess FILE --draft KIND`: print or save the draft; `source` (the incident file) is never overwritten."""
    settings = load_settings()
    for problem in settings.problems:
        print(f"irmer: warning: {problem}", file=sys.stderr)
    try:
        markdown = render_document(kind, decision, details, settings)
    except DocumentError as err:
        print(f"irmer: {err.message()}", file=sys.stderr)
        return EXIT_INPUT
    path = _destination(out, kind, decision)
    if path is not None and _is_same_file(path, source):
        print(f"irmer: --out {out} is the incident file itself; give another file name.", file=sys.stderr)
        return EXIT_INPUT
    text = to_plain_text(markdown) if path and path.suffix.lower() == ".txt" else markdown

    from assistant.anonymise import KIND_LABELS, identifiers_except, line_and_column, line_starts

    hits = identifiers_except(text, intended_text(kind, decision, clean_details(details), settings))
    if hits:
        starts = line_starts(text)
        shown = [
            f"  line {line_and_column(starts, h.start)[0]}: {KIND_LABELS.get(h.kind, h.kind)} {h.text!r}"
            for h in hits[:MAX_HITS_SHOWN]
        ]
        if len(hits) > MAX_HITS_SHOWN:
            shown.append(f"  and {len(hits) - MAX_HITS_SHOWN:,} more")
        if not allow:
            print(
                "irmer: the draft was not written: it contains what looks like patient-identifiable information:",
                *shown,
                "Remove or replace it where it came from (the incident file's `details:`, or the settings file for "
                "the organisation and contact), or run `irmer anonymise --redact` on the text, then draft again. "
                "If none of these identifies a person, add --allow-identifiers.",
                sep="\n",
                file=sys.stderr,
            )
            return EXIT_FOUND
        print(
            "irmer: warning: written with --allow-identifiers although it contains:", *shown, sep="\n", file=sys.stderr
        )
    if path is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        written = write_atomic(path, text)
    except OSError as err:
        print(f"irmer: cannot write {path}: {err.strerror or err}.", file=sys.stderr)
        return EXIT_INPUT
    print(written)
    return EXIT_OK
