"""One evaluator per criterion, registered by the rulebook key it judges.

To find the rule for a code, e.g. 4.2b: its words and thresholds are in
flows/rulebook/, its logic in the module named for its row family here
(rt_imaging.py), under `@evaluates("4.2b")`.
"""

from assistant.criteria import (  # noqa: F401  (importing registers the evaluators)
    accidental,
    complementary,
    imaging_dose,
    interventional,
    nm_therapy,
    rt_dose,
    rt_imaging,
    special,
)
from assistant.criteria.base import EVALUATORS, FactView

__all__ = ["EVALUATORS", "FactView"]
