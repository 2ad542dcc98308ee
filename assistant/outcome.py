"""Three-valued results of judging one criterion: met, not met, or unknown.

Unknown carries the facts that would settle it, so "unknown" can never be
read as "no": the engine turns it into an `undetermined` verdict listing them.
Combinators follow Kleene logic: one "not met" settles an AND, one "met"
settles an OR, whatever else is unknown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class State(Enum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"  # the case is outside this row (other band, other cause)


@dataclass(frozen=True)
class Outcome:
    state: State
    reasons: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()

    @property
    def met(self) -> bool:
        return self.state is State.MET

    @property
    def settled_no(self) -> bool:
        return self.state in (State.NOT_MET, State.NOT_APPLICABLE)

    @property
    def unknown(self) -> bool:
        return self.state is State.UNKNOWN

    def because(self, *reasons: str) -> Outcome:
        return Outcome(self.state, self.reasons + reasons, self.needs)


def met(*reasons: str) -> Outcome:
    return Outcome(State.MET, reasons)


def not_met(*reasons: str) -> Outcome:
    return Outcome(State.NOT_MET, reasons)


def not_applicable(*reasons: str) -> Outcome:
    return Outcome(State.NOT_APPLICABLE, reasons)


def unknown(needs: Iterable[str], *reasons: str) -> Outcome:
    return Outcome(State.UNKNOWN, reasons, _unique(needs))


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _collect(outcomes: Iterable[Outcome], state: State | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    chosen = [o for o in outcomes if state is None or o.state is state]
    reasons = _unique(r for o in chosen for r in o.reasons)
    needs = _unique(n for o in chosen for n in o.needs)
    return reasons, needs


def all_of(*outcomes: Outcome) -> Outcome:
    """Met when every part is met; not met as soon as one part is not.

    A part that is not applicable (another band, no partial miss) makes the
    whole row not applicable: the case is not of the kind the row describes.
    A row not met says which parts were met too, so the reader sees how close
    it came ("miss 3× > 2.5×; but no dose factor met").
    """
    if any(o.state is State.NOT_APPLICABLE for o in outcomes):
        return Outcome(State.NOT_APPLICABLE, _collect(outcomes, State.NOT_APPLICABLE)[0])
    if any(o.state is State.NOT_MET for o in outcomes):
        met_parts = _collect(outcomes, State.MET)[0]
        return Outcome(State.NOT_MET, met_parts + _collect(outcomes, State.NOT_MET)[0])
    if all(o.met for o in outcomes):
        return Outcome(State.MET, _collect(outcomes)[0])
    reasons, needs = _collect(outcomes, State.UNKNOWN)
    known = _collect(outcomes, State.MET)[0]
    return Outcome(State.UNKNOWN, known + reasons, needs)


def any_of(*outcomes: Outcome) -> Outcome:
    """Met as soon as one part is met; not met when every part is not."""
    if any(o.met for o in outcomes):
        return Outcome(State.MET, _collect(outcomes, State.MET)[0])
    if any(o.unknown for o in outcomes):
        reasons, needs = _collect(outcomes, State.UNKNOWN)
        return Outcome(State.UNKNOWN, reasons, needs)
    state = State.NOT_MET if any(o.state is State.NOT_MET for o in outcomes) else State.NOT_APPLICABLE
    return Outcome(state, _collect(outcomes)[0])


def negate(outcome: Outcome) -> Outcome:
    """Met becomes not met and back; unknown stays unknown. Reasons are kept."""
    flipped = {State.MET: State.NOT_MET, State.NOT_MET: State.MET, State.NOT_APPLICABLE: State.MET}
    return Outcome(flipped.get(outcome.state, outcome.state), outcome.reasons, outcome.needs)
