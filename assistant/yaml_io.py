"""YAML parsing with libyaml's C loader where the installed PyYAML has it.

The pure-Python loader takes a large share of a single `irmer assess`
run just reading the rulebook; the C loader gives the same data.
"""

from __future__ import annotations

from typing import Any

import yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)
