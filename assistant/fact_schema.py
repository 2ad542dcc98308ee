"""The facts an incident is described by, loaded from flows/facts.yaml."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from assistant.resources import flows_dir
from assistant.yaml_io import load_yaml


@dataclass(frozen=True)
class WhenAbsent:
    """What a file that does not mention a circumstance is taken to say."""

    value: Any
    says: str
    unless_given: tuple[str, ...] = ()


@dataclass(frozen=True)
class FactSpec:
    name: str
    type: str  # enum | bool | number | int | date
    label: str
    meaning: str
    values: tuple[str, ...] = ()
    min: float | None = None
    min_exclusive: bool = False
    max: float | None = None
    max_exclusive: bool = False
    unit: str = ""
    required: bool = False
    when_absent: WhenAbsent | None = None
    # Above this a value is more likely a slip of unit than a measurement: a note says so (never a criterion).
    plausible_max: float | None = None
    # How a reason names an enum value where its key would read as jargon ("sirt").
    value_words: Mapping[str, str] = field(default_factory=dict)
    # How a condition on this fact reads, "{}" standing for the value's words: "the exposure was {}".
    condition_words: str = ""
    # Given (true, for a yes/no), it describes a patient's medical exposure: see flows/facts.yaml.
    patient_only: bool = False

    def describes_patient(self, value: Any) -> bool:
        """Whether this fact, given as `value`, says the person exposed was a patient."""
        return self.patient_only and value is not None and value is not False

    def words(self, value: Any) -> str:
        return self.value_words.get(value, str(value).replace("_", " "))

    def condition(self, value: Any) -> str:
        """This fact having `value`, as the words after "if": "the exposure was accidental", "an incorrect
        radiopharmaceutical was administered", "no incorrect radiopharmaceutical was administered"."""
        if self.condition_words:
            return self.condition_words.format(self.words(value))
        if self.type == "bool":
            if value:
                return self.meaning.split(" (")[0]
            if self.when_absent is not None and self.when_absent.value is False:
                return self.when_absent.says
            return f"not: {self.meaning.split(' (')[0]}"
        return f"the {self.label} is {self.words(value)}"

    def to_find_out(self, label: str = "") -> str:
        """This fact as a thing to find out, named `label` (its own by default): "procedural failure: whether
        there was a failure in procedure"; a meaning that only repeats the label is left out."""
        label = label or self.label
        if self.type == "bool":
            return f"{label}: whether {self.meaning}"
        if self.meaning.casefold() == self.label.casefold():
            return label
        return f"{label}: {self.meaning}"

    def accepted(self) -> str:
        """Plain words for what this fact accepts."""
        if self.type == "enum":
            return "one of " + ", ".join(self.values)
        if self.type == "bool":
            return "true or false"
        if self.type == "date":
            return "a date that exists, as YYYY-MM-DD"
        kind = "a whole number" if self.type == "int" else "a number"
        bounds = []
        if self.min is not None:
            bounds.append(f"{'>' if self.min_exclusive else '≥'} {self.min:g}")
        if self.max is not None:
            bounds.append(f"{'<' if self.max_exclusive else '≤'} {self.max:g}")
        unit = f" (in {self.unit})" if self.unit and self.unit != "×" else ""
        return f"{kind}{unit}" + (f" {' and '.join(bounds)}" if bounds else "")


def _spec(name: str, raw: dict[str, Any]) -> FactSpec:
    absent = raw.get("when_absent")
    return FactSpec(
        name=name,
        type=raw["type"],
        label=raw.get("label", name),
        meaning=raw.get("meaning", ""),
        values=tuple(raw.get("values", ())),
        min=raw.get("min"),
        min_exclusive=bool(raw.get("min_exclusive", False)),
        max=raw.get("max"),
        max_exclusive=bool(raw.get("max_exclusive", False)),
        unit=raw.get("unit", ""),
        required=bool(raw.get("required", False)),
        when_absent=WhenAbsent(absent["value"], absent["says"], tuple(absent.get("unless_given", ())))
        if absent
        else None,
        value_words=dict(raw.get("value_words", {})),
        condition_words=raw.get("condition_words", ""),
        plausible_max=raw.get("plausible_max"),
        patient_only=bool(raw.get("patient_only", False)),
    )


@cache
def fact_specs() -> dict[str, FactSpec]:
    """Every fact, in the order the engine lists missing ones."""
    raw = load_yaml((flows_dir() / "facts.yaml").read_text(encoding="utf-8"))
    return {name: _spec(name, spec) for name, spec in raw["facts"].items()}


@cache
def _positions() -> dict[str, int]:
    return {name: i for i, name in enumerate(fact_specs())}


def fact_order(name: str) -> int:
    return _positions()[name]
