"""The decision: what the engine concludes and why, in the contract's shape."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

VERDICTS = ("notify", "voluntary", "local", "outside_irmer", "undetermined")

VERDICT_WORDS = {
    "notify": "Notify: this is a significant accidental or unintended exposure (SAUE) under IR(ME)R regulation 8(4).",
    "voluntary": "Not a statutory notification; the employer may notify voluntarily to share learning.",
    "local": "Not notifiable: investigate and record locally under regulation 8(3).",
    "outside_irmer": "Outside IR(ME)R: not for the IR(ME)R authority; an over-exposure is reported to the "
    "Health and Safety Executive (HSENI in Northern Ireland).",
    "undetermined": "Undetermined: facts are still missing.",
}


def verdict_words(d: Decision) -> str:
    """The verdict in plain words, outside IR(ME)R naming the one safety regulator of the case's nation."""
    if d.verdict == "outside_irmer" and d.also_report_to:
        safety = d.also_report_to[0]["name"]  # the engine lists it first outside IR(ME)R
        return f"Outside IR(ME)R: not for the IR(ME)R authority; an over-exposure is reported to the {safety}."
    return VERDICT_WORDS[d.verdict]


@dataclass(frozen=True)
class Finding:
    """One criterion judged: the guidance's words, where they stand, and the arithmetic."""

    code: str
    criterion: str
    source: str
    reason: str
    category: str = ""

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "criterion": self.criterion, "source": self.source, "reason": self.reason}


@dataclass(frozen=True)
class OpenCheck:
    """A criterion still unknown when the verdict is already settled: it could add a code."""

    code: str
    needs: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "needs": list(self.needs)}


@dataclass(frozen=True)
class Pending(OpenCheck):
    """A criterion an undetermined verdict waits on: the facts it needs, and what is known of it so far."""

    so_far: str = ""

    def to_json(self) -> dict[str, Any]:
        return super().to_json() | {"so_far": self.so_far}


# Facts that pick which rows apply at all: an open check waiting on one of them waits on all the rest of its row too.
_GATES = ("exposure", "setting")


def open_check_groups(checks: tuple[OpenCheck, ...]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The open checks as (codes, facts) to show: those waiting first on the exposure or the setting are
    one line ("2.1, 2.2, ... 10.2 depend first on the setting"), so a card does not list fifteen rows."""
    out: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    gated: dict[str, list[str]] = {}
    for check in checks:
        if check.needs and check.needs[0] in _GATES:
            gated.setdefault(check.needs[0], []).append(check.code)
        else:
            out.append(((check.code,), check.needs))
    return out + [(tuple(codes), (gate,)) for gate, codes in gated.items()]


# Up to this many facts that wait on a gate are listed with the rest; beyond, they are one line.
_LIST_LATER_UP_TO = 6


def split_missing(missing: tuple[str, ...], pending: tuple[Pending, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(first, later): the missing facts to find out first, and those that matter only once the gate
    facts among the first (exposure, setting) are known.

    With the setting unknown, every setting's facts are missing; a person needs the setting first,
    then only its own facts. First are the gates and whatever a criterion that does not wait on
    them needs (M, C...). With no gate missing, everything is first.
    """
    gates = tuple(g for g in _GATES if g in missing and any(p.needs[:1] == (g,) for p in pending))
    if not gates:
        return missing, ()
    direct = {n for p in pending if not p.needs or p.needs[0] not in _GATES for n in p.needs}
    first = tuple(n for n in missing if n in _GATES or n in direct)
    later = tuple(n for n in missing if n not in first)
    if len(later) <= _LIST_LATER_UP_TO:  # a short list is clearer in full
        return missing, ()
    return first, later


def missing_now(d: Decision) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`split_missing` of a decision."""
    return split_missing(d.missing, d.pending)


def open_check_lines(checks: tuple[OpenCheck, ...], label: Callable[[str], str]) -> list[str]:
    """One line a group, with each fact named by `label`, and what is known so far of a pending criterion."""
    so_far = {c.code: c.so_far for c in checks if isinstance(c, Pending) and c.so_far}
    lines = []
    for codes, needs in open_check_groups(checks):
        if len(codes) == 1:
            known = f". So far: {so_far[codes[0]]}" if codes[0] in so_far else ""
            lines.append(f"[{codes[0]}] depends on: {', '.join(label(n) for n in needs)}{known}")
        else:
            # What is known of each matters most here: which answer to the first fact would decide.
            known = "".join(f". So far, [{code}]: {so_far[code]}" for code in codes if code in so_far)
            lines.append(f"[{', '.join(codes)}] depend first on: {label(needs[0])}{known}")
    return lines


@dataclass(frozen=True)
class Assumption:
    fact: str
    value: Any
    says: str

    def to_json(self) -> dict[str, Any]:
        return {"fact": self.fact, "value": self.value, "says": self.says}


@dataclass(frozen=True)
class Decision:
    verdict: str
    codes: tuple[str, ...]
    findings: tuple[Finding, ...]
    authority: dict[str, str]
    deadlines: dict[str, dt.date] | None
    also_report_to: tuple[dict[str, str], ...]
    missing: tuple[str, ...]
    duties: tuple[str, ...]
    guidance: dict[str, str]
    why_not: tuple[Finding, ...] = ()
    open_checks: tuple[OpenCheck, ...] = ()
    pending: tuple[Pending, ...] = ()
    codes_need: tuple[str, ...] = ()
    assumptions: tuple[Assumption, ...] = ()
    notes: tuple[str, ...] = ()
    facts: dict[str, Any] = field(default_factory=dict)
    # Facts given as not known (a file's null, the chat's "don't know"): those not among `facts` are written
    # back as null, so `facts` reproduces the decision; the chat's count of people can be both (at least 2).
    not_known: tuple[str, ...] = ()

    @property
    def notifiable(self) -> bool:
        return self.verdict == "notify"

    @property
    def settled(self) -> bool:
        """Nothing more is needed to give the verdict and name the codes."""
        return self.verdict != "undetermined" and not self.codes_need

    def to_json(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            return value.isoformat() if isinstance(value, dt.date) else value

        return {
            "verdict": self.verdict,
            "notifiable": self.notifiable,
            "codes": list(self.codes),
            "findings": [f.to_json() for f in self.findings],
            "authority": dict(self.authority),
            "deadlines": {k: plain(v) for k, v in self.deadlines.items()} if self.deadlines else None,
            "also_report_to": [dict(b) for b in self.also_report_to],
            "missing": list(self.missing),
            "duties": list(self.duties),
            "guidance": dict(self.guidance),
            "why_not": [f.to_json() for f in self.why_not],
            "open_checks": [c.to_json() for c in self.open_checks],
            "pending": [p.to_json() for p in self.pending],
            "codes_need": list(self.codes_need),
            "assumptions": [a.to_json() for a in self.assumptions],
            "notes": list(self.notes),
            "facts": {k: plain(v) for k, v in self.facts.items()}
            | dict.fromkeys(n for n in self.not_known if n not in self.facts),
        }
