"""YAML parsing for irmer's data and for incident files.

- libyaml's C loader where the installed PyYAML has it: the pure-Python
  loader takes a large share of a single `irmer assess` run.
- A key given twice is an error, not "the last one wins": in an incident
  file `jurisdiction: wales` then `jurisdiction: england` must not quietly
  decide which regulator is told.
- Numbers in exponent form (`3.0e0`, `5e-3`) are numbers, as in YAML 1.2 and
  JSON, not text.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKeyError(ValueError):
    pass


class _Loader(_Base):  # type: ignore[misc]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
            except TypeError:
                raise ConstructorError(None, None, "a key must be a plain value", key_node.start_mark) from None
            if duplicate:
                raise DuplicateKeyError(f"`{key}` is given twice (line {key_node.start_mark.line + 1}); give it once.")
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


# YAML 1.2 / JSON floats with an exponent and no dot (5e-3, 3E2), which YAML 1.1 reads as text.
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+$"),
    list("-+0123456789."),
)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # a safe loader (C or Python) with the checks above
