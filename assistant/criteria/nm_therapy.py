"""Codes 10.1, 10.2: nuclear medicine therapy, delivered against prescribed activity."""

from __future__ import annotations

from assistant.criteria.base import FactView, evaluates, unknown
from assistant.numbers import as_given, percent
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
        ratio = float(delivered) / float(prescribed)
        change = ratio - 1
        # Only one side can be crossed: judge (and explain) the side the activity went.
        side = c.threshold("over" if change >= 0 else "under")
        places = max(side.places_to_tell_apart(ratio) - 2, 2)  # the percentage as finely as the ratio
        subject = (
            f"delivered {as_given(delivered)} MBq ÷ prescribed {as_given(prescribed)} MBq "
            f"({'+' if change >= 0 else ''}{percent(change, places)}) ="
        )
        measured = side.check_ratio(delivered, prescribed, subject)
    return all_of(kind, measured)
