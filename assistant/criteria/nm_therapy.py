"""Codes 10.1, 10.2: nuclear medicine therapy, delivered against prescribed activity."""

from __future__ import annotations

from assistant.criteria.base import FactView, evaluates, unknown
from assistant.numbers import fmt, percent
from assistant.outcome import Outcome, all_of
from assistant.rulebook import Criterion, Rulebook

_TYPE = {"10.1": "sirt", "10.2": "other"}


@evaluates("10.1", "10.2")
def activity(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    kind = facts.is_("nm_therapy_type", _TYPE[c.code])
    prescribed = facts.num("prescribed_activity_mbq")
    delivered = facts.num("delivered_activity_mbq")
    if prescribed is None or delivered is None:
        measured = unknown([n for n in ("prescribed_activity_mbq", "delivered_activity_mbq") if not facts.known(n)])
    else:
        change = float(delivered) / float(prescribed) - 1
        subject = (
            f"delivered {fmt(delivered)} MBq ÷ prescribed {fmt(prescribed)} MBq "
            f"({'+' if change >= 0 else ''}{percent(change)}) ="
        )
        # Only one side can be crossed: judge (and explain) the side the activity went.
        side = c.threshold("over" if change >= 0 else "under")
        measured = side.check_ratio(delivered, prescribed, subject)
    return all_of(kind, measured)
