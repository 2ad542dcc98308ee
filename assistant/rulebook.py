"""The rulebook: the guidance's criteria as data (flows/rulebook/*.yaml).

Loading turns each YAML entry into a `Criterion` with its quotation, source
and `Threshold`s. No threshold value lives in Python code: the evaluators in
`assistant.criteria` ask a criterion for its threshold by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from assistant.numbers import PLACES, Number, as_given, compare, exact, fmt, near, rounded_onto, with_unit
from assistant.outcome import Outcome, met, not_met
from assistant.resources import flows_dir
from assistant.yaml_io import load_yaml

NATIONS = ("england", "wales", "scotland", "northern_ireland")


def nation_name(nation: str) -> str:
    """'northern_ireland' -> 'Northern Ireland'."""
    return nation.replace("_", " ").title()


@dataclass(frozen=True)
class Threshold:
    """An interval a measured quantity must fall in for the criterion to be met."""

    name: str
    quantity: str
    unit: str
    min: Fraction | None = None
    min_inclusive: bool = True
    max: Fraction | None = None
    max_inclusive: bool = True
    # Each edge there is, as (edge, edge as a float, whether it is the lower one, whether it is
    # included), worked out once: thresholds are compared for every incident.
    edges: tuple[tuple[Fraction, float, bool, bool], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = ((self.min, True, self.min_inclusive), (self.max, False, self.max_inclusive))
        edges = tuple((e, float(e), lower, inclusive) for e, lower, inclusive in pairs if e is not None)
        object.__setattr__(self, "edges", edges)

    def contains(self, value: Number, exact_value: Callable[[], Fraction] | None = None) -> bool:
        """Whether `value` is in the interval; `exact_value` gives it exactly if it is near an edge."""
        precise = exact_value or (lambda: exact(value))
        v = float(value)
        for edge, f, lower, inclusive in self.edges:
            side = compare(v, f, precise, edge)
            if (side < 0 if lower else side > 0) or (side == 0 and not inclusive):
                return False
        return True

    def show(self, value: Number, places: int = 4) -> str:
        if self.unit == "%":
            return f"{fmt(float(value) * 100, max(places - 2, 2))}%"
        return self._with_unit(fmt(value, places), value)

    def show_given(self, value: Number) -> str:
        """A fact's value as it was given, with this threshold's unit, and the edge it is judged on if it
        differs from one only beyond PLACES decimals ("0.9999999999999999 mSv (= 1 mSv to 9 decimal places)")."""
        shown = self.show(value, PLACES) if self.unit == "%" else self._with_unit(as_given(value), value)
        edge = self._rounded_onto_edge(value)
        return shown if edge is None else f"{shown} (= {self.show(edge)} to {PLACES} decimal places)"

    def _with_unit(self, number: str, value: Number) -> str:
        return with_unit(number, value, self.unit)

    def places_to_tell_apart(self, value: Number) -> int:
        """Enough decimals that a value beside an edge never prints as the edge itself (up to PLACES)."""
        far = 2 * 10.0**-4  # two values this far apart never round to the same 4 decimals
        v = float(value)
        if all(abs(v - f) > far for _, f, _, _ in self.edges):
            return 4
        for places in (4, 6, 9, 12):
            if all(v == f or self.show(value, places) != self.show(edge, places) for edge, f, _, _ in self.edges):
                return places
        return 15

    def _rounded_onto_edge(self, value: Number) -> Fraction | None:
        """The edge a given value differs from only beyond PLACES decimals (and so is judged on), if any."""
        v = float(value)
        return next((edge for edge, f, _, _ in self.edges if near(v, f) and rounded_onto(value, edge)), None)

    @cached_property
    def description(self) -> str:
        """The interval in symbols, e.g. '≥ 3 mSv' or '> 2.5 mSv and ≤ 10 mSv'."""
        parts = []
        if self.min is not None and not (self.min == 0 and self.min_inclusive and self.max is not None):
            parts.append(f"{'≥' if self.min_inclusive else '>'} {self.show(self.min)}")
        if self.max is not None:
            parts.append(f"{'≤' if self.max_inclusive else '<'} {self.show(self.max)}")
        return " and ".join(parts) or "any value"

    def describe(self) -> str:
        return self.description

    def check(self, value: Number, subject: str, label: str = "") -> Outcome:
        """Met or not, with the arithmetic: 'total 4 mSv ≥ 3 mSv (adult threshold)'. The value is a fact as given."""
        return self._judge(value, None, f"{subject} {self.show_given(value)}", label)

    def check_ratio(self, numerator: Number, denominator: Number, subject: str) -> Outcome:
        """Judge numerator ÷ denominator, exactly at the edges (3.0 ÷ 0.3 is 10, not a hair over)."""
        value = float(numerator) / float(denominator)
        if any(near(value, f) for _, f, _, _ in self.edges):
            value = float(exact(numerator) / exact(denominator))  # shown as judged: 3 ÷ 0.30000000000000004 is 10
        return self._judge(
            value,
            lambda: exact(numerator) / exact(denominator),
            f"{subject} {self.show(value, self.places_to_tell_apart(value))}",
        )

    def _judge(self, value: Number, exact_value: Callable[[], Fraction] | None, shown: str, label: str = "") -> Outcome:
        """`shown`: the subject and its value as the reason prints them."""
        name = f" ({label})" if label else ""
        precise = exact_value or (lambda: exact(value))
        if self.contains(value, exact_value):
            return met(f"{shown} {self.description}{name}")
        return not_met(f"{shown} is not {self.description}{name}{self._gap(value, precise)}")

    def _gap(self, value: Number, precise: Callable[[], Fraction]) -> str:
        """How far outside the interval a value is: '0.1 mSv short', or at an excluded edge."""
        v = float(value)
        for edge, f, below, inclusive in self.edges:
            gap = f - v if below else v - f
            if not inclusive and near(v, f) and precise() == edge:
                return ": exactly at the edge, which is excluded"
            if gap < 0:
                continue
            if fmt(gap) == "0":
                return f": just {'short' if below else 'above'} (by less than {self.show(Fraction(1, 10_000))})"
            # "above", not "over": for an under-dose edge (≤ 0.9×) "over" would read as an over-dose.
            return f": {self.show(gap)} {'short' if below else 'above'}"
        return ""


@dataclass(frozen=True)
class WhenGiven:
    """Further settings a row judges only once one of `facts` is given; `note` says so when none is."""

    settings: tuple[str, ...]
    facts: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Criterion:
    code: str
    key: str
    family: str
    category: str
    quote: tuple[str, ...]
    source: str
    nations: tuple[str, ...] = NATIONS
    exposure: tuple[str, ...] = ("accidental", "unintended")
    settings: tuple[str, ...] | None = None  # None: every setting
    when_given: WhenGiven | None = None
    statutory: bool = True
    thresholds: dict[str, Threshold] = field(default_factory=dict)
    note: str = ""  # irmer's reading of the entry, shown with it (`irmer rules`, F3)

    @property
    def complementary(self) -> bool:
        return self.family == "complementary"

    def threshold(self, name: str) -> Threshold:
        try:
            return self.thresholds[name]
        except KeyError:
            raise KeyError(f"rulebook entry {self.key} has no threshold {name!r}") from None

    @cached_property
    def criterion_text(self) -> str:
        """The quoted passages as one string; " — " stands between passages, the guidance's words are unchanged."""
        return " — ".join(self.quote)


@dataclass(frozen=True)
class Authority:
    id: str
    name: str
    contact: str


@dataclass(frozen=True)
class OtherBody:
    id: str
    name: str
    why: str
    quote: str


@dataclass(frozen=True)
class Guidance:
    id: str
    title: str
    version: str
    effective_from: dt.date
    text: str


@dataclass(frozen=True)
class Rulebook:
    guidance: Guidance
    criteria: tuple[Criterion, ...]
    child_under_years: dict[str, int]
    child_quote: tuple[str, ...]
    child_source: str
    notify_within_days: int
    report_within_days: int
    deadline_quote: tuple[str, ...]
    deadline_source: str
    authorities: dict[str, Authority]
    other_bodies: dict[str, OtherBody]
    device_body_by_nation: dict[str, str]
    safety_body_by_nation: dict[str, str]
    path: Path

    def by_key(self, key: str) -> Criterion:
        try:
            return self._keyed[key]
        except KeyError:
            raise KeyError(f"no criterion {key!r} in {self.path.name}") from None

    @cached_property
    def _keyed(self) -> dict[str, Criterion]:
        """The criteria by key, made once: the engine looks some up for every case."""
        return {c.key: c for c in self.criteria}

    def codes(self) -> list[str]:
        return list(dict.fromkeys(c.code for c in self.criteria))

    def quotations(self) -> list[str]:
        """Every passage the rulebook quotes from the guidance."""
        out = [q for c in self.criteria for q in c.quote]
        out += list(self.child_quote) + list(self.deadline_quote)
        out += [b.quote for b in self.other_bodies.values()]
        return out


def _threshold(name: str, raw: dict[str, Any]) -> Threshold:
    return Threshold(
        name=name,
        quantity=raw["quantity"],
        unit=raw["unit"],
        min=exact(raw["min"]) if "min" in raw else None,
        min_inclusive=bool(raw.get("min_inclusive", True)),
        max=exact(raw["max"]) if "max" in raw else None,
        max_inclusive=bool(raw.get("max_inclusive", True)),
    )


def _when_given(raw: dict[str, Any]) -> WhenGiven:
    return WhenGiven(settings=tuple(raw["settings"]), facts=tuple(raw["facts"]), note=" ".join(raw["note"].split()))


def _criterion(raw: dict[str, Any]) -> Criterion:
    return Criterion(
        code=str(raw["code"]),
        key=str(raw.get("key", raw["code"])),
        family=raw["family"],
        category=raw["category"],
        quote=tuple(raw["quote"]),
        source=raw["source"],
        nations=tuple(raw.get("nations", NATIONS)),
        exposure=tuple(raw.get("exposure", ("accidental", "unintended"))),
        settings=tuple(raw["settings"]) if "settings" in raw else None,
        when_given=_when_given(raw["when_given"]) if "when_given" in raw else None,
        statutory=bool(raw.get("statutory", True)),
        thresholds={n: _threshold(n, t) for n, t in (raw.get("thresholds") or {}).items()},
        note=" ".join(str(raw.get("note", "")).split()),
    )


def parse_rulebook(path: Path) -> Rulebook:
    raw = load_yaml(path.read_text(encoding="utf-8"))
    g = raw["guidance"]
    return Rulebook(
        guidance=Guidance(g["id"], g["title"], str(g["version"]), g["effective_from"], g["text"]),
        criteria=tuple(_criterion(c) for c in raw["criteria"]),
        child_under_years=dict(raw["child_age"]["under_years"]),
        child_quote=tuple(raw["child_age"]["quote"]),
        child_source=raw["child_age"]["source"],
        notify_within_days=int(raw["deadlines"]["notify_within_days"]),
        report_within_days=int(raw["deadlines"]["report_within_days"]),
        deadline_quote=tuple(raw["deadlines"]["quote"]),
        deadline_source=raw["deadlines"]["source"],
        authorities={n: Authority(**a) for n, a in raw["authorities"].items()},
        other_bodies={k: OtherBody(id=k, **b) for k, b in raw["other_bodies"].items()},
        device_body_by_nation=dict(raw["device_body_by_nation"]),
        safety_body_by_nation=dict(raw["safety_body_by_nation"]),
        path=path,
    )


def rulebook_paths() -> list[Path]:
    return sorted((flows_dir() / "rulebook").glob("*.yaml"))


@cache
def load_rulebook(on: dt.date | None = None) -> Rulebook:
    """The newest criteria in force on `on` (default: the newest of all)."""
    books = [parse_rulebook(p) for p in rulebook_paths()]
    if on is not None:
        books = [b for b in books if b.guidance.effective_from <= on]
    if not books:
        raise LookupError(f"no notification criteria in force on {on}")
    return max(books, key=lambda b: b.guidance.effective_from)
