"""The decision engine: facts in, decision out. Every face of irmer calls `assess`.

It judges every criterion of the rulebook, each to met, not met or unknown,
and combines them: any statutory criterion met means notify; otherwise any
unknown means undetermined, listing the facts that would settle it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, NamedTuple

from assistant.criteria import EVALUATORS, FactView
from assistant.criteria.imaging_dose import least_band_ratio
from assistant.criteria.rt_imaging import repeat_ratio
from assistant.decision import Assumption, Decision, Finding, OpenCheck, Pending, split_missing
from assistant.fact_schema import FactSpec, WhenAbsent, fact_order, fact_specs
from assistant.numbers import as_given
from assistant.outcome import Outcome, State, unknown
from assistant.routing import authority, deadlines, duties, other_bodies
from assistant.rulebook import Criterion, Rulebook, load_rulebook
from assistant.validation import implied, patient_facts, possible

LETTER_ORDER = ("M", "E", "V", "C")


@dataclass(frozen=True)
class Judged:
    criterion: Criterion
    outcome: Outcome

    def finding(self) -> Finding:
        c = self.criterion
        return Finding(c.code, c.criterion_text, c.source, "; ".join(self.outcome.reasons), c.category)


@cache
def _circumstances() -> tuple[tuple[str, WhenAbsent], ...]:
    return tuple((name, spec.when_absent) for name, spec in fact_specs().items() if spec.when_absent)


def assumptions_for(given: Mapping[str, Any]) -> dict[str, Any]:
    """Circumstances a file does not mention, taken as not reported (each listed in the decision)."""
    return {
        name: rule.value
        for name, rule in _circumstances()
        if name not in given and not any(n in given for n in rule.unless_given)
    }


@cache
def _assumption_list(names: tuple[str, ...]) -> tuple[Assumption, ...]:
    rules = dict(_circumstances())
    return tuple(Assumption(n, rules[n].value, rules[n].says) for n in names)


class Row(NamedTuple):
    """A row that can apply to a case."""

    criterion: Criterion
    needs: tuple[str, ...]  # gate facts (exposure, setting) still unknown
    # Judged only once one of these is given (the bands for radiotherapy imaging); () for every other row.
    only_if_given: tuple[str, ...] = ()

    def waits(self, facts: FactView, enough_repeats: Callable[[], bool]) -> bool:
        """Whether the row is left unjudged: none of the facts it waits for is given, and not `enough_repeats`
        for any band to be met at the intended dose per scan or image (see `EnoughRepeats`)."""
        if not self.only_if_given or any(facts.known(n) for n in self.only_if_given):
            return False
        return not enough_repeats()


class EnoughRepeats:
    """Whether the scans or images counted reach the least ratio any band 2.1-2.4 is met at (2.5 times those
    intended): worked out once a case, when a row first asks. Unknown counts are not enough: the count rows
    ask for them first."""

    __slots__ = ("book", "facts", "value")

    def __init__(self, facts: FactView, book: Rulebook) -> None:
        self.facts, self.book = facts, book
        self.value: bool | None = None

    def __call__(self) -> bool:
        if self.value is None:
            ratio = repeat_ratio(self.facts)
            self.value = ratio is not None and ratio >= least_band_ratio(self.book)
        return self.value

    def counts_needed(self) -> tuple[str, ...]:
        """The counts still unknown that the ratio needs: the bands wait on them, never on a guess."""
        names = {"rt_planning_scan": ("planning_scans_total",),
                 "rt_verification_imaging": ("course_images_intended", "course_images_additional")}  # fmt: skip
        return tuple(n for n in names.get(self.facts.get("setting"), ()) if not self.facts.known(n))


Rows = tuple[Row, ...]
# Keyed by id(book); the entry keeps the book itself, so the id cannot be reused while cached.
_GATES: dict[tuple[int, str, str | None, str | None], tuple[Rulebook, Rows]] = {}


def gated(book: Rulebook, nation: str, exposure: str | None, setting: str | None) -> Rows:
    """The rows that can apply to a case, each with the gate facts (exposure, setting) still unknown.

    Rows for another nation, exposure or setting are left out: the case is not
    of the kind they describe, unless the row judges that setting too once a
    fact it reads is given (`when_given`). Cached: a batch has few distinct
    combinations.
    """
    key = (id(book), nation, exposure, setting)
    cached = _GATES.get(key)
    if cached is None or cached[0] is not book:
        rows = []
        for c in book.criteria:
            if nation not in c.nations:
                continue
            needs = []
            only_if_given: tuple[str, ...] = ()
            for name, value, allowed in (("exposure", exposure, c.exposure), ("setting", setting, c.settings)):
                if allowed is None or set(allowed) >= set(fact_specs()[name].values):
                    continue  # a row for every exposure (M, C, 5...) waits for no answer
                if value is None:
                    needs.append(name)
                elif value not in allowed:
                    if name == "setting" and c.when_given and value in c.when_given.settings:
                        only_if_given = c.when_given.facts
                        continue
                    break
            else:
                rows.append(Row(c, tuple(needs), only_if_given))
        cached = _GATES[key] = (book, tuple(rows))
    return cached[1]


def judge(c: Criterion, gate_needs: tuple[str, ...], facts: FactView, book: Rulebook) -> Outcome:
    outcome = EVALUATORS[c.key](c, facts, book)
    if gate_needs and not outcome.settled_no:
        return unknown(gate_needs + outcome.needs, *outcome.reasons)
    return outcome


def category_code(facts: FactView, book: Rulebook) -> tuple[str | None, tuple[str, ...]]:
    """The exposure category a complementary letter is prefixed to when no base criterion is met."""
    exposure, setting = facts.get("exposure"), facts.get("setting")
    if exposure is None:
        return None, ("exposure",)
    if exposure == "accidental":
        return "1", ()
    if facts.get("wrong_radiopharmaceutical"):
        return "7", ()
    if setting is None:
        return None, ("setting",)
    if setting == "diagnostic":
        intended = facts.num("intended_dose_msv")
        if intended is None:
            return None, ("intended_dose_msv",)
        for c in book.criteria:
            if c.family == "imaging_dose" and c.threshold("band").contains(intended):
                return c.code, ()
    fixed = {"interventional": "3", "rt_planning_scan": "4.1"}
    if setting in fixed:
        return fixed[setting], ()
    if setting == "rt_verification_imaging":  # by cause: 4.2a set-up error, 4.2b protocol, 4.2c equipment or theme
        # A set-up error comes first (4.2a), as in the table; then the course's cause names 4.2b or 4.2c.
        setup, cause = facts.get("setup_error"), facts.get("additional_images_cause")
        by_cause = {"protocol_failure": "4.2b", "equipment_thematic": "4.2c"}
        if setup:
            return "4.2a", ()
        unknown_cause = tuple(n for n, v in (("setup_error", setup), ("additional_images_cause", cause)) if v is None)
        if setup is None:
            return None, unknown_cause
        if cause in by_cause:
            return by_cause[cause], ()
        # Neither cause names a row: 4.2a, the first verification-imaging category (docs/interpretations.md).
        return (None, unknown_cause) if unknown_cause else ("4.2a", ())
    if setting == "radiotherapy":
        miss = facts.get("geographical_miss")
        if miss in ("total", "partial"):
            return ("9.1" if miss == "total" else "9.2"), ()
        if miss is None:  # a miss would make it 9.1 or 9.2, whatever the dose ratios
            return None, ("geographical_miss",)
        ptv = facts.num("course_dose_ratio_ptv")
        if ptv is None:  # over- (8.1) or under-exposure (8.2): the categories differ
            return None, ("course_dose_ratio_ptv",)
        return ("8.2" if ptv < 1 else "8.1"), ()
    kind = facts.get("nm_therapy_type")
    if kind is None:
        return None, ("nm_therapy_type",)
    return ("10.1" if kind == "sirt" else "10.2"), ()


def _ordered(names: list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(names), key=fact_order))


# A patient, a member of the public, a worker, or no patient (equipment under test before clinical use).
_WHO_WAS_EXPOSED = frozenset({"exposed_person", "before_clinical_use"})

# How many missing choices may be tried value by value, one inside the other (see `_by_cases`).
CASE_DEPTH = 2

# Decisions of the cases tried for one call of `assess`, by their facts and remaining depth:
# trying the setting, then a yes/no inside it, meets the same case as the other way round.
_Cases = dict[tuple[frozenset[tuple[str, Any]], int], Decision]


def assess(
    facts: Mapping[str, Any],
    *,
    assume_absent: bool = True,
    not_known: Collection[str] = (),
    book: Rulebook | None = None,
) -> Decision:
    """Judge validated facts (see assistant.validation.parse_facts).

    `assume_absent`: circumstances a file does not mention (other people
    affected, a foetus, clinical significance...) are taken as not reported,
    and each assumption is listed. The chat passes False so that it asks them.
    `not_known`: circumstances given as not known (a file's null, the chat's "don't know"): never assumed,
    and listed in the decision.
    """
    decision = _assess(facts, assume_absent, frozenset(not_known), book or load_rulebook(), CASE_DEPTH, {})
    if not_known:  # kept for the circumstances only: for any other fact, not known is the same as not given
        specs = fact_specs()
        kept = tuple(n for n, spec in specs.items() if n in not_known and spec.when_absent is not None)
        decision = replace(decision, not_known=kept)
    return decision


def _assess(
    facts: Mapping[str, Any], assume_absent: bool, not_known: frozenset[str], book: Rulebook, depth: int, cases: _Cases
) -> Decision:
    given = dict(facts)
    if not_known & _WHO_WAS_EXPOSED:
        not_known |= _WHO_WAS_EXPOSED  # one answer says both, so neither is assumed while the other is not known
    assumed = {k: v for k, v in assumptions_for(given).items() if k not in not_known} if assume_absent else {}
    settled = implied(given)
    view = FactView(given, assumed | {name: value for name, (value, _) in settled.items()})
    nation = view.get("jurisdiction")
    guidance = {"title": book.guidance.title, "version": book.guidance.version}
    # Facts only a patient's exposure has: who was exposed, and clinical use, are then settled.
    patient = bool(patient_facts(given)) or given.get("exposed_person") == "patient"
    assumption_list = _assumption_list(tuple(assumed)) + tuple(Assumption(n, v, why) for n, (v, why) in settled.items())

    def decide(verdict: str, **kw: Any) -> Decision:
        dates = deadlines(book, view.get("discovered_on")) if verdict == "notify" else None
        missing = kw.pop("missing", ())
        first, later = split_missing(missing, kw.get("pending", ()))
        return Decision(
            verdict=verdict,
            authority=authority(book, nation) if nation else {},
            deadlines=dates,
            also_report_to=tuple(other_bodies(book, view, verdict)) if nation else (),
            missing=missing,
            duties=tuple(duties(book, view, verdict, dates, list(first), bool(later))) if nation else (),
            guidance=guidance,
            assumptions=_relevant(assumption_list, verdict, view.get("setting"), book, patient),
            facts=given,
            **{"codes": (), "findings": ()} | kw,
        )

    # Who was exposed, and was IR(ME)R in force: settled before any criterion.
    # Either waits only while the facts allow an exposure outside IR(ME)R: a
    # patient's exposure (`patient_only` facts) means the equipment was in clinical use.
    if not view.known("jurisdiction"):
        return decide("undetermined", missing=("jurisdiction",))
    if view.get("exposed_person") in ("public", "worker") or view.get("before_clinical_use"):
        return decide("outside_irmer", notes=_outside_notes(view))
    # A patient settles both at once (the common case, so `possible` is not asked it each time).
    preliminary = [
        name
        for name, outside in (("exposed_person", ("public", "worker")), ("before_clinical_use", (True,)))
        if not patient and not view.known(name) and possible(given, name, outside)
    ]
    if preliminary:
        return decide("undetermined", missing=_ordered(preliminary))

    rows = gated(book, nation, view.get("exposure"), view.get("setting"))
    if "setting" not in given:
        rows = _possible_rows(rows, given)
    waiting: list[Row] = []
    judged: list[Judged] = []
    repeats = EnoughRepeats(view, book)
    for row in rows:
        if row.waits(view, repeats):
            counts = repeats.counts_needed()
            if counts:  # too few repeats or not: the counts decide, so the row waits on them
                judged.append(Judged(row.criterion, unknown(counts)))
            else:
                waiting.append(row)
        else:
            judged.append(Judged(row.criterion, judge(row.criterion, row.needs, view, book)))
    statutory = [j for j in judged if j.criterion.statutory]
    base_met = [j for j in statutory if not j.criterion.complementary and j.outcome.met]
    letters = {j.criterion.code: j for j in judged if j.criterion.complementary and j.outcome.met}
    unknowns = [j for j in statutory if j.outcome.unknown]
    why_not = tuple(
        j.finding() for j in statutory if j.outcome.state is State.NOT_MET and not j.criterion.complementary
    )
    notes = _unused_facts(view) + _date_notes(view, book) + _dose_notes(view, book) + _waiting_notes(waiting)

    notify = bool(base_met) or any(j.criterion.statutory for j in letters.values())
    if notify:
        verdict = "notify"
    elif unknowns:
        missing = _ordered([n for j in unknowns for n in j.outcome.needs])
        split, missing = (
            _by_cases(given, missing, assume_absent, not_known, book, depth, cases) if depth else (None, missing)
        )
        if split is None:
            asked = set(missing)
            # The criteria the verdict waits on: those all of whose facts are asked for. One that also needs a
            # fact not asked (9.1 waiting on the miss, once 8.1 settles the unintended case) waits on nothing here.
            waiting_on = [j for j in unknowns if set(j.outcome.needs) <= asked] or [
                j for j in unknowns if asked & set(j.outcome.needs)
            ]
            pending = tuple(
                Pending(j.criterion.code, _ordered(list(j.outcome.needs)), _so_far(j, view, book)) for j in waiting_on
            )
            return decide("undetermined", missing=missing, why_not=why_not, notes=notes, pending=pending)
        name, branches = split
        names_code = len({b.codes for b in branches}) > 1  # the same code whatever it is: not needed to name it
        return decide(
            "notify",
            codes=_common_codes(branches),
            findings=_branch_findings(name, branches),
            codes_need=_ordered([*([name] if names_code else []), *(n for b in branches for n in b.codes_need)]),
            notes=notes,
        )
    else:
        verdict = "voluntary" if "V" in letters else "local"
    if verdict == "local":
        if "voluntary" in not_known:  # the employer's choice, not a fact to find out: the verdict does not wait
            notes += (
                "Whether to notify voluntarily is not decided yet (`voluntary` is not known). The criteria for a "
                "statutory notification are not met, so a voluntary notification (code V) is the employer's choice.",
            )
        return decide("local", why_not=why_not, notes=notes)

    if verdict == "notify":
        letters.pop("V", None)  # a statutory notification is not a voluntary one
    prefix = "".join(code for code in LETTER_ORDER if code in letters)
    base_codes = list(dict.fromkeys(j.criterion.code for j in base_met))
    codes_need: tuple[str, ...] = ()
    if base_codes:
        codes = [prefix + base_codes[0]] + base_codes[1:]
    else:
        category, codes_need = category_code(view, book)
        codes = [prefix + (category or "")]
        if category:
            own = "not yet known" if any(j.criterion.code == category for j in unknowns) else "not met"
            notes += (
                f"{category} is the exposure category the letter{'s' if len(prefix) > 1 else ''} {', '.join(prefix)} "
                f"{'are' if len(prefix) > 1 else 'is'} added to, as the form "
                f"asks for a base code; {category}'s own criterion is {own}.",
            )
    findings = tuple(j.finding() for j in base_met) + tuple(
        letters[code].finding() for code in LETTER_ORDER if code in letters
    )
    # E only describes a notification's cause, so it is never among `unknowns`; not known, it could still add a letter.
    could_add = unknowns + [j for j in judged if j.criterion.code == "E" and j.outcome.unknown]
    open_checks = tuple(OpenCheck(j.criterion.code, _ordered(list(j.outcome.needs))) for j in could_add)
    return decide(
        verdict,
        codes=tuple(codes),
        findings=findings,
        why_not=why_not if verdict == "voluntary" else (),
        open_checks=open_checks,
        codes_need=_ordered(list(codes_need)),
        notes=notes,
    )


# Facts that describe any case, whichever rows apply; never reported as unused. The circumstances
# (flows/facts.yaml, `when_absent`) are among them: a tick stands for what was found, read or not.
_CASE_FACTS = frozenset({"jurisdiction", "discovered_on", "exposure", "setting", "age_years"})


@cache
def _always_relevant() -> frozenset[str]:
    return _CASE_FACTS | {name for name, _ in _circumstances()}


# The patient's own doses: the report gives them whether or not a criterion needed them.
_PATIENT_DOSES = ("intended_dose_msv", "total_dose_msv")


def _unused_facts(view: FactView) -> tuple[str, ...]:
    """Facts given that no criterion for this kind of case looked at (e.g. planning scans for a cardiology case)."""
    unused = [
        name
        for name, value in view.given.items()
        if name not in view.reads and name not in _always_relevant() and value not in (False, None)
    ]
    if not unused:
        return ()
    doses = [n for n in _PATIENT_DOSES if n in unused]
    others = [n for n in unused if n not in doses]
    kind = ", ".join(f"{n}: {view.given[n]}" for n in ("exposure", "setting") if n in view.given)
    notes = []
    if doses:
        notes.append(
            f"Not needed for this decision, whatever its value: {_labelled(doses)}. Keep it for the report, "
            "which gives an estimate of the dose(s) received."
        )
    if others:
        notes.append(
            f"Given but not used, as no criterion for this kind of case ({kind or 'as described'}) depends on it: "
            f"{_labelled(others)}. If it matters, check the exposure and setting."
        )
    return tuple(notes)


_OUTSIDE_FACTS = frozenset({"jurisdiction", "discovered_on", "exposed_person", "before_clinical_use"})


def _outside_notes(view: FactView) -> tuple[str, ...]:
    """Outside IR(ME)R no criterion reads the other facts: say so, rather than drop them silently."""
    given = [n for n, v in view.given.items() if n not in _OUTSIDE_FACTS and v not in (False, None)]
    if not given:
        return ()
    keep = " Keep the dose for the report to the safety regulator." if any(n in _PATIENT_DOSES for n in given) else ""
    return (f"Not used, as no IR(ME)R criterion applies outside IR(ME)R: {_labelled(given)}.{keep}",)


def _labelled(names: list[str]) -> str:
    return "; ".join(f"`{n}` ({fact_specs()[n].label})" for n in _ordered(names))


def _possible_rows(rows: Rows, given: Mapping[str, Any]) -> Rows:
    """Rows waiting for the setting, less those for settings the facts rule out.

    A wrong radiopharmaceutical is nuclear medicine: radiotherapy and
    interventional rows cannot apply, so they are not listed as open.
    """
    settings = fact_specs()["setting"].values
    allowed = set(possible(given, "setting", settings))
    if len(allowed) == len(settings):
        return rows
    return tuple(
        row
        for row in rows
        if "setting" not in row.needs or row.criterion.settings is None or allowed & set(row.criterion.settings)
    )


_RADIOPHARMACEUTICAL_FACTS = frozenset({"wrong_radiopharmaceutical", "infant_exposed"})


def _relevant(
    assumptions: tuple[Assumption, ...], verdict: str, setting: str | None, book: Rulebook, patient: bool
) -> tuple[Assumption, ...]:
    """The assumptions that could change this verdict were they wrong.

    Outside IR(ME)R none of them bears; only a local verdict is turned into
    anything else by a voluntary notification; in radiotherapy treatment,
    verification imaging or interventional work no radiopharmaceutical is given
    (code 6's settings), so none can have been the wrong one; and with a fact
    only a `patient`'s exposure has, who was exposed is settled, not assumed.
    """
    if verdict == "outside_irmer":
        return ()
    if patient:
        assumptions = tuple(a for a in assumptions if a.fact not in _WHO_WAS_EXPOSED)
    if setting is not None and setting not in (book.by_key("6").settings or ()):
        assumptions = tuple(a for a in assumptions if a.fact not in _RADIOPHARMACEUTICAL_FACTS)
    if verdict != "local":  # only a local verdict becomes voluntary: elsewhere that assumption changes nothing
        return tuple(a for a in assumptions if a.fact != "voluntary")
    return assumptions


def _dose_notes(view: FactView, book: Rulebook) -> tuple[str, ...]:
    return _swapped_doses(view) + _implausible(view) + _intended_foetal_dose(view, book)


def _intended_foetal_dose(view: FactView, book: Rulebook) -> tuple[str, ...]:
    """A foetal dose given while the foetus's exposure is said to be intended: code 5 turns on which part was not."""
    dose = view.given.get("foetal_dose_mgy")
    if view.given.get("foetal_exposure_unintended") is not False or dose is None:
        return ()
    threshold = book.by_key("5").threshold("foetal")
    if not threshold.check(dose, "foetal dose").met:
        return ()  # below 10 mGy code 5 could not apply either way
    edge = threshold.describe()
    return (
        f"A foetal dose of {as_given(dose)} mGy is given with the foetus's exposure said to be intended, so code 5 "
        "was not judged. If the foetus received more than was intended (a repeat, a wrong protocol), that exposure "
        'was unintended: give `foetal_exposure_unintended: true` (in the chat, tick "A foetus was exposed '
        f'unintentionally") and code 5 applies at a foetal dose {edge}.',
    )


def _swapped_doses(view: FactView) -> tuple[str, ...]:
    intended, total = view.given.get("intended_dose_msv"), view.given.get("total_dose_msv")
    if intended is None or total is None or total >= intended:
        return ()
    return (
        f"The total effective dose ({total} mSv) is below the intended dose ({intended} mSv): an under-exposure, "
        "which is not notifiable for imaging. Check the two are not swapped: the total includes the intended part.",
    )


def _implausible(view: FactView) -> tuple[str, ...]:
    """Values far beyond any real case ("1e3" mSv for a CT): more likely a slip of unit or a typo."""
    out = []
    for name, spec, limit in _plausible_limits():
        value = view.given.get(name)
        if value is not None and value > limit:
            unit = spec.unit if spec.unit == "×" else f" {spec.unit}"
            out.append(
                f"The {spec.label} given, {as_given(value)}{unit}, is more than irmer expects of one "
                f"(over {as_given(limit)}{unit}): check the value and its unit. The decision is made on it as given."
            )
    return tuple(out)


@cache
def _plausible_limits() -> tuple[tuple[str, FactSpec, float], ...]:
    return tuple((n, s, s.plausible_max) for n, s in fact_specs().items() if s.plausible_max is not None)


def _waiting_notes(waiting: list[Row]) -> tuple[str, ...]:
    """What the rows left unjudged for want of a fact would need (one note per kind of row)."""
    return tuple(dict.fromkeys(row.criterion.when_given.note for row in waiting if row.criterion.when_given))


def _date_notes(view: FactView, book: Rulebook) -> tuple[str, ...]:
    discovered = view.given.get("discovered_on")
    if discovered is not None and discovered > dt.date.today():
        return (
            f"The discovery date {discovered.isoformat()} is in the future: check it, the deadlines count from it.",
        )
    took_effect = book.guidance.effective_from
    if discovered is not None and discovered < took_effect:
        return (
            f"The discovery date {discovered.isoformat()} is before {took_effect.isoformat()}, when these criteria "
            "took effect: check it. For an incident discovered then, the criteria in force at the time applied.",
        )
    return ()


def _choices(name: str) -> tuple[Any, ...]:
    spec = fact_specs()[name]
    if spec.type == "enum":
        return spec.values
    return (True, False) if spec.type == "bool" else ()


def _by_cases(
    given: Mapping[str, Any],
    missing: tuple[str, ...],
    assume_absent: bool,
    not_known: frozenset[str],
    book: Rulebook,
    depth: int,
    cases: _Cases,
) -> tuple[tuple[str, list[Decision]] | None, tuple[str, ...]]:
    """Try each value of the missing yes/no and one-of facts.

    If every value of one of them leads to notify, the case is notifiable
    whatever the answer (an unknown therapy type with activity 25% off is 10.1
    or 10.2): waiting to find out would only eat into the 14 days, and the
    fact is needed only to name the code. That fact and its branches are
    returned.

    Otherwise the first such fact narrows `missing` to itself and what the
    undecided branches still need: with the exposure unknown and a wrong
    radiopharmaceutical given, an unintended exposure is notifiable whatever
    else is true, so only the accidental branch's facts are worth asking.
    """

    def case(name: str, value: Any) -> Decision:
        facts = {**given, name: value}
        key = (frozenset(facts.items()), depth - 1)
        if key not in cases:
            cases[key] = _assess(facts, assume_absent, not_known, book, depth - 1, cases)
        return cases[key]

    narrowed: tuple[str, ...] | None = None
    for name in missing:
        values = possible(given, name, _choices(name))  # never a case the facts rule out
        if not values:
            continue
        if narrowed is None:
            branches = [case(name, v) for v in values]
            if all(b.verdict == "notify" for b in branches):
                return (name, branches), missing
            still = [n for b in branches if b.verdict == "undetermined" for n in b.missing if n != name]
            narrowed = _ordered([name, *still])
            continue
        # Only a fact on which every branch notifies matters now: stop at the first that does not,
        # trying "no" first, as it is the answer that most often leaves a case unsettled.
        if all(case(name, v).verdict == "notify" for v in sorted(values, key=lambda v: v is not False)):
            return (name, [case(name, v) for v in values]), missing
    return None, narrowed if narrowed is not None else missing


def _so_far(j: Judged, view: FactView, book: Rulebook) -> str:
    """What is known of a pending criterion; for one waiting on a single yes/no fact, what each answer would
    give it, with what is known ("if yes, met: 3 images ≥ 3 images; a set-up error caused them; if no, ...")."""
    needs = j.outcome.needs
    if len(needs) != 1 or fact_specs()[needs[0]].type != "bool":
        return "; ".join(j.outcome.reasons)
    name = needs[0]
    said = []
    for value in (True, False):
        outcome = EVALUATORS[j.criterion.key](j.criterion, FactView({**view.given, name: value}, view.assumed), book)
        if outcome.unknown:
            return "; ".join(j.outcome.reasons)  # another fact decides too: only what is known
        state = "met" if outcome.met else "not met"
        because = f": {'; '.join(outcome.reasons)}" if outcome.reasons else ""
        said.append(f"if {'yes' if value else 'no'}, {state}{because}")  # the reasons say what yes and no mean
    return "; ".join(said)


def _common_codes(branches: list[Decision]) -> tuple[str, ...]:
    first, *rest = branches
    return tuple(c for c in first.codes if all(c in b.codes for b in rest))


def _branch_findings(name: str, branches: list[Decision]) -> tuple[Finding, ...]:
    """Each branch's findings under "if <its value>"; one met alike in every branch is said once, as it is."""
    spec = fact_specs()[name]
    label = spec.label
    stated: list[list[Finding]] = []
    for b in branches:
        value = b.facts[name]
        shown = ("yes" if value else "no") if isinstance(value, bool) else spec.words(value)
        said = f"{label}: {shown}; "  # the reason's own statement of the value, which the "if" already makes
        stated.append([replace(f, reason=f.reason.removeprefix(said)) for f in b.findings])
    everywhere = [f for f in stated[0] if all(f in other for other in stated[1:])]
    out = list(everywhere)
    for b, findings in zip(branches, stated, strict=True):
        condition = spec.condition(b.facts[name])
        out += [replace(f, reason=f"if {condition}: {f.reason}") for f in findings if f not in everywhere]
    return tuple(out)
