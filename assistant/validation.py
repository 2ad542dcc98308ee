"""Checking incident facts as given by a person or a file.

Every problem is reported at once, each naming the key, what was given and
what is accepted; nothing is silently defaulted or dropped.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import sys
from collections.abc import Mapping
from functools import cache
from typing import Any

from assistant.fact_schema import FactSpec, fact_specs
from assistant.rulebook import load_rulebook


class InputError(ValueError):
    """Facts that cannot be judged as given. `problems` has one sentence each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(" ".join(problems))

    def message(self) -> str:
        if len(self.problems) == 1:
            return self.problems[0]
        shown = [f"- {p}" for p in self.problems[:MAX_PROBLEMS_SHOWN]]
        if len(self.problems) > MAX_PROBLEMS_SHOWN:
            shown.append(f"- and {len(self.problems) - MAX_PROBLEMS_SHOWN} more problems like these.")
        return "\n".join(shown)


MAX_PROBLEMS_SHOWN = 10  # a file with thousands of bad keys gets a message a person can read
MAX_VALUE_SHOWN = 60  # characters of a bad value repeated back


def normalise_enum(text: str) -> str:
    """'Northern Ireland' and 'northern-ireland' are `northern_ireland`."""
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def parse_nation(text: str) -> str:
    """A nation as irmer names it; ValueError saying which are accepted."""
    nations = fact_specs()["jurisdiction"].values
    if normalise_enum(text) not in nations:
        raise ValueError(f"{text!r} is not a nation irmer knows; accepted: {', '.join(nations)}.")
    return normalise_enum(text)


def _shown(value: Any) -> str:
    """A value as a person would name it, never as Python writes it."""
    if isinstance(value, str):
        if value.isdigit() and len(value) > MAX_VALUE_SHOWN:  # digits past the length any number can be read at
            return f"a number {len(value):,} digits long"
        if len(value) > MAX_VALUE_SHOWN:
            return f"the text {value[:MAX_VALUE_SHOWN]!r}… ({len(value):,} characters)"
        return f"the text {value!r}"
    if isinstance(value, float) and not math.isfinite(value):
        written = getattr(value, "written", None)
        if written is not None and not math.isnan(value):
            return f"{written}, a number too large to be read (it reads as infinity)"
        return {"nan": "NaN (not a number)"}.get(str(value), f"{value} (infinity)")
    if isinstance(value, dt.datetime):
        return f"the date and time {value.isoformat(sep=' ')}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, bytes | bytearray):
        return "binary data (!!binary)"
    if isinstance(value, set | frozenset):
        return "a set of values"
    if isinstance(value, int) and not isinstance(value, bool) and len(str(abs(value))) > MAX_VALUE_SHOWN:
        return f"a number {len(str(abs(value))):,} digits long"
    if isinstance(value, bool):
        return str(value).lower()
    if value is None:
        return "nothing (null)"
    if isinstance(value, list | dict):
        return f"a {'list' if isinstance(value, list) else 'mapping'}"
    return repr(value)


def _mantissa(value: float) -> str:
    """The digits a float was written with, before any exponent ("1e-400" gives "1")."""
    return str(getattr(value, "written", value)).lower().split("e")[0]


def check_value(spec: FactSpec, value: Any) -> Any:
    """The value in its canonical form; raises ValueError with a sentence."""
    try:
        return _canonical(spec, value)
    except ValueError:
        if isinstance(value, float) and value == 0 and any(d in _mantissa(value) for d in "123456789"):
            raise ValueError(
                f"`{spec.name}` ({spec.label}) was given {getattr(value, 'written', value)}, too small to be told "
                "from 0; give 0 if it was nothing, or the value in a larger unit."
            ) from None
        raise ValueError(
            f"`{spec.name}` ({spec.label}) was given {_shown(value)}; it accepts {spec.accepted()}."
        ) from None


def _canonical(spec: FactSpec, value: Any) -> Any:
    if spec.type == "enum":
        if isinstance(value, str) and normalise_enum(value) in spec.values:
            return normalise_enum(value)
        raise ValueError
    if spec.type == "bool":
        if isinstance(value, bool):
            return value
        raise ValueError
    if spec.type == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and _CALENDAR_DATE.match(value.strip()):
            try:  # a date, or a date and time as YAML reads one ("2026-11-20T10:30"): the day is what counts
                return dt.datetime.fromisoformat(value.strip()).date()
            except ValueError:
                pass
        raise ValueError  # not "2026-W48" either, which Python reads as that week's Monday
    # number or int
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError
    if isinstance(value, float) and value == 0 and any(d in _mantissa(value) for d in "123456789"):
        raise ValueError  # "1e-400": too small to tell from 0, which would be a different fact
    if isinstance(value, int) and abs(value) > sys.float_info.max:
        raise ValueError  # no measure is that large, and it cannot be compared as a float
    if spec.type == "int" and isinstance(value, float):
        if not value.is_integer():
            raise ValueError
        value = int(value)
    value = int(value) if isinstance(value, int) else float(value) + 0.0  # plain numbers; -0.0 is 0.0
    if spec.min is not None and (value < spec.min or (spec.min_exclusive and value == spec.min)):
        raise ValueError
    if spec.max is not None and (value > spec.max or (spec.max_exclusive and value == spec.max)):
        raise ValueError
    return value


# A calendar date, YYYY-MM-DD, with an optional time after it.
_CALENDAR_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.,+\-Z]*)?$")
EARLIEST_YEAR = 1990  # no incident irmer judges was discovered earlier: an earlier year is a slip


def possible(facts: Mapping[str, Any], name: str, values: tuple[Any, ...]) -> tuple[Any, ...]:
    """The `values` of an unknown fact that the given facts allow (no impossible combination with them)."""
    already = len(_impossible(facts))
    return tuple(v for v in values if len(_impossible({**facts, name: v})) == already)


def implied(facts: Mapping[str, Any]) -> dict[str, tuple[Any, str]]:
    """Facts not given that the given ones settle, as (value, why): any other value is refused by `_impossible`."""
    intended = facts.get("intended_dose_msv")
    if "exposure" in facts or intended is None:
        return {}
    if intended > 0:
        return {"exposure": ("unintended", f"the exposure was unintended: an intended dose of {intended} mSv is given")}
    return {"exposure": ("accidental", "the exposure was accidental: the intended dose given is 0")}


@cache
def _patient_only() -> tuple[FactSpec, ...]:
    return tuple(spec for spec in fact_specs().values() if spec.patient_only)


def patient_facts(facts: Mapping[str, Any]) -> list[str]:
    """The facts given that say the person exposed was a patient (`patient_only` in flows/facts.yaml)."""
    return [spec.name for spec in _patient_only() if spec.describes_patient(facts.get(spec.name))]


def _listed(names: list[str]) -> str:
    """The facts named, with the verb that follows: "`exposure` describes", "`a` and `b` describe"."""
    return " and ".join(f"`{n}`" for n in names) + (" describes" if len(names) == 1 else " describe")


def _outside_contradictions(facts: Mapping[str, Any]) -> list[str]:
    """A patient's exposure beside one outside IR(ME)R: a bystander, a worker, equipment not yet in clinical use."""
    outside = facts.get("exposed_person") in ("public", "worker")
    if not outside and not facts.get("before_clinical_use"):
        return []  # the common case, and `possible` asks often
    patient = patient_facts(facts)
    out = []
    if facts.get("before_clinical_use") and (patient or facts.get("exposed_person") == "patient"):
        said = f"{_listed(patient)} a patient's exposure" if patient else "`exposed_person` is patient"
        out.append(
            f"`before_clinical_use` is true, but {said}: `before_clinical_use` is "
            "for over-exposures while equipment is tested before clinical use (reported to the HSE); equipment "
            "used on a patient is in clinical use. Leave out one or the other."
        )
    if outside and patient:
        out.append(
            f"`exposed_person` is {facts['exposed_person']} but {_listed(patient)} a patient's "
            "exposure: public and worker mean exposed as a bystander or at work (outside IR(ME)R). Someone given a "
            "medical exposure in error, such as a relative X-rayed as the patient, is judged as a patient: "
            "`exposed_person: patient`, `exposure: accidental`."
        )
    return out


def _impossible(facts: Mapping[str, Any]) -> list[str]:
    """Combinations no real incident can have, one sentence each."""
    out = []
    discovered = facts.get("discovered_on")
    if discovered is not None and discovered > dt.date.max - dt.timedelta(days=load_rulebook().report_within_days):
        out.append(f"`discovered_on` is {discovered.isoformat()}: the report deadline after it would not be a date.")
    if discovered is not None and discovered.year < EARLIEST_YEAR:
        out.append(
            f"`discovered_on` is {discovered.isoformat()}, before {EARLIEST_YEAR}: check the year "
            "(the date the incident was discovered, as YYYY-MM-DD)."
        )
    if "course_images_additional" in facts and "course_images_intended" not in facts:
        out.append(
            "`course_images_additional` was given without `course_images_intended`: "
            "the 50% course criterion (4.2b/4.2c) compares the two, so give both."
        )
    if facts.get("exposure") == "accidental" and (facts.get("intended_dose_msv") or 0) > 0:
        out.append(
            "`exposure` is accidental (no exposure of any kind was intended) but `intended_dose_msv` is "
            f"{facts['intended_dose_msv']}: if this person was due an exposure of their own, the exposure is "
            "unintended; otherwise leave out the intended dose."
        )
    if facts.get("exposure") == "unintended" and facts.get("intended_dose_msv") == 0:
        out.append(
            "`exposure` is unintended but `intended_dose_msv` is 0: an exposure was intended or it was not. If none "
            "of any kind was intended (e.g. booked for ultrasound, given a CT), the exposure is accidental; "
            "otherwise give the intended dose."
        )
    out += _outside_contradictions(facts)
    if facts.get("infant_exposed") is False and "infant_dose_msv" in facts:
        out.append(
            "`infant_exposed` is false but `infant_dose_msv` is given: a dose means an infant was exposed. "
            "Leave out one or the other."
        )
    # Code 6's settings, "nuclear medicine only" (diagnostic includes nuclear medicine imaging).
    nuclear_medicine = load_rulebook().by_key("6").settings or ()
    if facts.get("setting", "diagnostic") not in nuclear_medicine:
        for name in ("wrong_radiopharmaceutical", "infant_exposed"):
            if facts.get(name):
                out.append(
                    f"`{name}` is true but `setting` is {facts['setting']}: radiopharmaceuticals (and so breast-fed "
                    "infants' exposures) belong to nuclear medicine, setting diagnostic (nuclear medicine imaging), "
                    "nm_therapy or rt_planning_scan (PET-CT for planning)."
                )
        if "infant_dose_msv" in facts:
            out.append(
                f"`infant_dose_msv` is given but `setting` is {facts['setting']}: a breast-fed infant is exposed "
                "through nuclear medicine, setting diagnostic, nm_therapy or rt_planning_scan (PET-CT)."
            )
    if facts.get("geographical_miss") == "none" and (facts.get("miss_margin_factor") or 0) > 0:
        out.append(
            "`geographical_miss` is none but `miss_margin_factor` is "
            f"{facts['miss_margin_factor']}: give the miss as partial or total, or leave out the margin factor."
        )
    if facts.get("geographical_miss") == "none" and facts.get("underdose_from_miss"):
        out.append(
            "`geographical_miss` is none but `underdose_from_miss` is true: an under-dose caused by a miss needs "
            "a miss. Give the miss as partial or total, or leave out `underdose_from_miss`."
        )
    return out


def parse_facts(raw: Any, *, require_jurisdiction: bool = True) -> dict[str, Any]:
    """Validated facts from a mapping read from YAML/JSON or built by the chat."""
    if raw is None:
        raise InputError(
            ["The incident is empty: give at least `jurisdiction` (england, wales, scotland or northern_ireland)."]
        )
    if not isinstance(raw, Mapping):
        raise InputError([f"An incident must be a mapping of fact names to values; got {_shown(raw)}."])
    specs = fact_specs()
    problems: list[str] = []
    facts: dict[str, Any] = {}
    unknown_keys: list[str] = []
    for key, value in raw.items():
        spec = specs.get(str(key))
        if spec is None:
            unknown_keys.append(_key_text(key))
            continue
        if value is None and not spec.required:
            continue  # null means "not known yet", like leaving the key out
        try:
            facts[spec.name] = check_value(spec, value)
        except ValueError as err:
            problems.append(str(err))
    if unknown_keys:
        problems.insert(0, _unknown_keys(unknown_keys, list(specs)))
    if require_jurisdiction and "jurisdiction" not in facts and not any("`jurisdiction`" in p for p in problems):
        problems.append(
            "`jurisdiction` is required: england, wales, scotland or northern_ireland "
            "(it picks the thresholds, the child age and the authority)."
        )
    problems += _impossible(facts)
    if problems:
        raise InputError(problems)
    return facts


def _key_text(key: Any) -> str:
    """A key as the file wrote it: YAML reads `true:` and `null:` as values, not words."""
    if isinstance(key, bool):
        return str(key).lower()
    if key is None:
        return "null"
    return str(key)


def declared_not_known(raw: Mapping[str, Any]) -> frozenset[str]:
    """Circumstances given as null: the file says "not known", so they are asked for, never assumed."""
    specs = fact_specs()
    return frozenset(
        str(k) for k, v in raw.items() if v is None and (spec := specs.get(str(k))) is not None and spec.when_absent
    )


# Words people write for a fact, which spelling alone would not find ("country" is not "voluntary").
_SAID_FOR = {
    "nation": "jurisdiction",
    "country": "jurisdiction",
    "region": "jurisdiction",
    "age": "age_years",
    "patient_age": "age_years",
    "dose": "total_dose_msv",
    "total_dose": "total_dose_msv",
    "intended_dose": "intended_dose_msv",
    "modality": "setting",
    "discovered": "discovered_on",
    "discovery_date": "discovered_on",
    "date_discovered": "discovered_on",
}


def _spelt_like(key: str, accepted: list[str]) -> list[str]:
    """A key spelt like `key` whose first word is spelt like its own: `total_dose_mgy` is not a slip for
    `foetal_dose_mgy`, and a guess there would change the meaning."""
    close = difflib.get_close_matches(key, accepted, n=1)
    if close and difflib.SequenceMatcher(None, key.split("_")[0], close[0].split("_")[0]).ratio() < 0.75:
        return []
    return close


def _unknown_keys(keys: list[str], accepted: list[str]) -> str:
    """One sentence for every unknown key, with a guess for each of the first few and the accepted keys once."""
    named = []
    for key in keys[:MAX_PROBLEMS_SHOWN]:
        shown = key if len(key) <= MAX_VALUE_SHOWN else key[:MAX_VALUE_SHOWN] + "…"
        close = [_SAID_FOR[normalise_enum(key)]] if normalise_enum(key) in _SAID_FOR else _spelt_like(key, accepted)
        named.append(f"`{shown}` (did you mean `{close[0]}`?)" if close else f"`{shown}`")
    more = f" and {len(keys) - MAX_PROBLEMS_SHOWN:,} more" if len(keys) > MAX_PROBLEMS_SHOWN else ""
    which = "Unknown key" if len(keys) == 1 else "Unknown keys"
    return f"{which} {', '.join(named)}{more}. Accepted keys: {', '.join(accepted)}."
